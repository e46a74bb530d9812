import { SCOPE } from '../domain/scopes';
import { PROBLEM_HEADERS, problemRow, problemsFormat } from '../domain/consolidate/master-sheets';
import { OfficeConfig } from '../domain/config/fields';
import { periodRecordOf } from '../domain/progress/period-rounds';
import { TrackRecord } from '../domain/tracking/status';
import { readTrackRecords, TRACK_SHEET } from '../domain/tracking/track-sheet';
import { writeProgressDashboard } from './progress-dashboard';
import { consolidatedPeriods } from './progress-source';
import { DoneCodes, progressAgainst, withDone } from '../domain/jobs/done-codes';
import {
  ENTRY_HEADERS,
  entriesFormat,
  entriesOf,
  entryRow,
  overdueSheet,
  periodSheetNames,
  ratesSheet,
  ratesSheetReading,
  unitOfRawRow,
  unitRawRow,
} from '../domain/progress/master-sheets';
import { PeriodUnitState } from '../domain/progress/period-progress';
import { consolidationPeriod } from '../domain/progress/period-choice';
import { periodByKey, ReportingPeriod } from '../domain/progress/periods';
import { progressRates } from '../domain/progress/rates';
import { progressSheetName } from '../domain/progress/sheet';
import { Unit } from '../domain/registry/unit';
import { formatTimestamp } from '../gas/values';
import {
  appendToDraft,
  draftPending,
  dropDraft,
  formatDraft,
  readDraft,
  settleGroup,
  startDraft,
  swapDrafts,
  writeDraft,
} from '../gas/replace-sheets';
import { ActionContext } from './action';
import { loadConfig, requireAdmin } from './config';
import { Job } from './jobs/job';
import { memo } from './jobs/memo';
import { periodGroup, periodSheetValues } from './period-progress';
import { loadUnits } from './provision';
import { readProgressSheets } from './progress-sheets';
import { PreviousRun, readResult } from './progress-unit-result';
import { todayInScriptZone } from './today';
import { MAX_KEPT_UNREADABLE, mostUnreadable, unreadableRefusal } from './unreadable-files';

/** Units per step: as the plan's consolidation, two parallel fetch batches and one append per sheet. */
const CHUNK = 100;

interface ProgressState {
  /** The period, chosen when the run began (a run that spans the next cut-off keeps its period). */
  readonly periodKey: string;
  readonly done?: DoneCodes;
  readonly remaining: number;
  readonly total: number;
  /** Rows of each draft that belong to finished steps (header included). */
  readonly committed: { readonly entries: number; readonly problems: number; readonly units: number };
  readonly counts: { readonly entries: number; readonly errors: number; readonly warnings: number };
  readonly states: Readonly<Record<PeriodUnitState, number>>;
  readonly unreadable: readonly (readonly [string, string])[];
  readonly unreadableCount: number;
  /** Entries kept from the last run for units whose file could not be read. */
  readonly carried?: number;
}

interface Setup {
  readonly config: OfficeConfig;
  readonly units: Unit[];
  readonly previous: (period: ReportingPeriod) => PreviousRun;
  /** The tracking's records ("Theo dõi nộp"), for whether a unit sent its period report. */
  readonly records: ReadonlyMap<string, TrackRecord>;
}

function setup(ctx: ActionContext): Setup {
  return memo(ctx, 'consolidate-progress', () => {
    const config = loadConfig(ctx.master);
    requireAdmin(config, ctx.user);
    let previous: PreviousRun | null = null;
    return {
      config,
      units: loadUnits(ctx.master, config),
      records: readTrackRecords(ctx.master.readSheet(TRACK_SHEET)),
      // Read only when a file cannot be: the sheets as swapped in, never this run's drafts.
      previous: (period) => {
        if (previous) return previous;
        const names = periodSheetNames(period);
        const rates = periodSheetValues(ctx.master, names, names.rates) ?? [];
        previous = {
          entries: (periodSheetValues(ctx.master, names, names.entries) ?? []).slice(1),
          ...ratesSheetReading(rates),
        };
        return previous;
      },
    };
  });
}

function periodOf(config: OfficeConfig, key: string): ReportingPeriod {
  const period = periodByKey(config.reportingPeriods, key);
  if (!period) {
    throw new Error(
      `Kỳ báo cáo của lần tổng hợp đang dở không còn trong "Kỳ báo cáo tiến độ" (trang Cấu hình). Chạy lại "Tổng hợp tiến độ kỳ báo cáo" từ đầu.`,
    );
  }
  return period;
}

function start(ctx: ActionContext, period: ReportingPeriod, total: number): ProgressState {
  const ss = ctx.master.ss;
  const names = periodSheetNames(period);
  // A swap of the group left half-done (its entries marked, the job's record lost): finished
  // first, as a group, so the drafts started below never pair new entries with old rates.
  settleGroup(ss, periodGroup(names));
  startDraft(ss, names.entries, [[...ENTRY_HEADERS]]);
  startDraft(ss, names.problems, [PROBLEM_HEADERS]);
  startDraft(ss, names.unitsRaw, [['Mã đơn vị', 'Đơn vị', 'Tình trạng báo cáo', 'Tệp']]);
  return {
    periodKey: period.key,
    done: '',
    remaining: total,
    total,
    committed: { entries: 1, problems: 1, units: 1 },
    counts: { entries: 0, errors: 0, warnings: 0 },
    states: { reported: 0, drafting: 0, missing: 0 },
    unreadable: [],
    unreadableCount: 0,
  };
}

/**
 * "Tổng hợp tiến độ kỳ báo cáo": reads every unit's "Tiến độ <kỳ>" sheet — never writing to a
 * unit file — for the period whose cut-off is the latest on or before today, and replaces that
 * period's master sheets as one step: entries, rates with their definitions, the overdue list,
 * the problems. Same run as the plan's consolidation: units 100 at a time through the parallel
 * CSV reads, rows into drafts, the drafts swapped in only when every unit is read.
 */
export const consolidateProgressJob: Job<ProgressState> = {
  name: 'consolidateProgress',
  label: 'Tổng hợp tiến độ kỳ báo cáo',
  scopes: [SCOPE.drive, SCOPE.externalRequest],
  stepMs: 30 * 1000,
  begin(ctx) {
    const { config, units } = setup(ctx);
    const period = consolidationPeriod(config.reportingPeriods, todayInScriptZone());
    if ('error' in period) throw new Error(period.error);
    return { state: start(ctx, period, units.length), total: units.length };
  },
  step(ctx, saved) {
    const { config, units, previous, records } = setup(ctx);
    const period = periodOf(config, saved.periodKey);
    const names = periodSheetNames(period);
    let state = saved;
    let progress = progressAgainst(units, state.done);
    if (progress.removed.length > 0) {
      // A unit read earlier left the registry while the run was paused: its rows are in the
      // drafts, so the run starts over rather than report it.
      state = start(ctx, period, units.length);
      progress = progressAgainst(units, state.done);
    }
    const chunk = progress.todo.slice(0, CHUNK);
    const sheet = progressSheetName(period);
    const reads = readProgressSheets(chunk, period);
    const results = chunk.map((u) =>
      readResult(
        u,
        reads.find((r) => r.request.key === `${u.code}|${sheet}`),
        config,
        period,
        previous,
        periodRecordOf(records, u.code, period),
      ),
    );
    const ss = ctx.master.ss;
    const linkOf = new Map(results.map((r) => [r.unit.unit.code, r.link]));
    const cellLink = (code: string, _sheet: string, cell: string) => linkOf.get(code)?.(cell) ?? '';
    const first = state.committed.entries;
    const entryRows = results.flatMap((r) => r.entries.map((e) => ({ e, link: r.entryLink(e) })));
    const problems = results.flatMap((r) => r.problems);
    const committed = {
      entries: appendToDraft(
        ss,
        names.entries,
        state.committed.entries,
        entryRows.map(({ e, link }, i) => entryRow(e, first + i, link)),
      ),
      problems: appendToDraft(
        ss,
        names.problems,
        state.committed.problems,
        problems.map((p) => problemRow(p, cellLink)),
      ),
      units: appendToDraft(
        ss,
        names.unitsRaw,
        state.committed.units,
        results.map((r) => unitRawRow(r.unit)),
      ),
    };
    const errors = problems.filter((p) => p.severity === 'error').length;
    const states = { ...state.states };
    for (const r of results) states[r.unit.state]++;
    const unreadable = results.flatMap((r) =>
      r.unreadable ? [[r.unit.unit.code, r.unreadable] as const] : [],
    );
    const remaining = progress.todo.length - chunk.length;
    return {
      state: {
        ...state,
        done: withDone(
          state.done,
          chunk.map((u) => u.code),
        ),
        remaining,
        total: units.length,
        committed,
        counts: {
          entries: state.counts.entries + entryRows.length,
          errors: state.counts.errors + errors,
          warnings: state.counts.warnings + problems.length - errors,
        },
        states,
        unreadable: [...state.unreadable, ...unreadable].slice(0, MAX_KEPT_UNREADABLE),
        unreadableCount: state.unreadableCount + unreadable.length,
        carried: (state.carried ?? 0) + results.reduce((n, r) => n + (r.carried ?? 0), 0),
      },
      done: units.length - remaining,
    };
  },
  isDone: (state) => state.remaining === 0,
  finish(ctx, state) {
    const { config, units: registry } = setup(ctx);
    const period = periodOf(config, state.periodKey);
    const names = periodSheetNames(period);
    const ss = ctx.master.ss;
    const nameOf = (code: string) => registry.find((u) => u.code === code)?.name ?? code;
    if (mostUnreadable(state.unreadableCount, state.total)) {
      for (const name of [names.entries, names.problems, names.unitsRaw]) dropDraft(ss, name);
      return {
        ok: false,
        ...unreadableRefusal(
          state.unreadableCount,
          state.total,
          ctx.user,
          `Đã giữ nguyên kết quả tổng hợp tiến độ kỳ ${period.name} cũ.`,
        ),
        problems: state.unreadable.map(([code, text]) => `${nameOf(code)}: ${text}.`),
      };
    }
    // As the plan's consolidation: the entries draft is marked complete first, so a finish run
    // again after any failed call only completes the swap, never rebuilds from drafts gone.
    if (draftPending(ss, names.entries)) {
      const rows = readDraft(ss, names.entries, state.committed.entries);
      const entries = entriesOf(rows, config.planYear);
      const links = new Map(
        rows.map((r) => [
          `${r[1]}|${r[ENTRY_HEADERS.indexOf('Dòng')]}`,
          String(r[ENTRY_HEADERS.indexOf('Liên kết')]),
        ]),
      );
      const units = readDraft(ss, names.unitsRaw, state.committed.units).map(unitOfRawRow);
      const report = progressRates(entries, period, config.planYear);
      const consolidatedAt = formatTimestamp(new Date(), ctx.master.timeZone());
      formatDraft(ss, entriesFormat(period, state.committed.entries - 1));
      formatDraft(ss, { ...problemsFormat(state.committed.problems - 1), name: names.problems });
      writeDraft(ss, ratesSheet({ period, planYear: config.planYear, units, report, consolidatedAt }));
      writeDraft(
        ss,
        overdueSheet(period, report, (unit, _sheet, row) => links.get(`${unit.code}|${row}`) ?? ''),
      );
    }
    swapDrafts(ss, periodGroup(names));
    dropDraft(ss, names.unitsRaw);
    // The charts over the periods follow every consolidation (a whole-sheet rewrite: a finish run
    // again after a failure draws them again, never twice).
    writeProgressDashboard(ctx.master, consolidatedPeriods(ctx.master, config));
    const { entries, errors, warnings } = state.counts;
    const { reported, drafting, missing } = state.states;
    const kept = (state.carried ?? 0) > 0 ? ` (giữ ${state.carried} nhiệm vụ của lần tổng hợp trước)` : '';
    return {
      ok: state.unreadableCount === 0,
      summary: `Đã tổng hợp tiến độ kỳ ${period.name} của ${state.total} đơn vị (${reported} đã báo cáo, ${drafting} đang soạn, ${missing} chưa báo cáo): ${entries} nhiệm vụ; ${errors} lỗi, ${warnings} cảnh báo (xem trang "${names.problems}").`,
      counts: `${state.total} đơn vị, ${entries} nhiệm vụ, ${errors} lỗi, ${warnings} cảnh báo`,
      problems: state.unreadable.map(
        ([code, text]) =>
          `${nameOf(code)}: ${text}${kept}. Nếu tệp vẫn còn, có thể bạn chưa được chia sẻ: nhờ quản trị viên đã tạo tệp chạy lại "Tạo bảng tính cho đơn vị".`,
      ),
    };
  },
};
