import { SCOPE } from '../domain/scopes';
import {
  compactSummary,
  CompactBudgetSummary,
  emptySummary,
  expandSummary,
  mergeSummaries,
  summarizeBudget,
} from '../domain/consolidate/budget-totals';
import { cellUrl } from '../domain/consolidate/links';
import {
  budgetSheet,
  BUDGET_SHEET,
  CONSOLIDATED_SHEET,
  consolidatedFormat,
  consolidatedRow,
  LinkTo,
  PROBLEMS_SHEET,
  PROBLEM_HEADERS,
  PROPOSALS_SHEET,
  problemRow,
  problemsFormat,
  proposalLine,
  proposalLineOf,
  proposalLineRow,
  proposalsSheet,
} from '../domain/consolidate/master-sheets';
import { budgetOfRows, carriedMark, carryRow, rowsOfUnit } from '../domain/consolidate/carried-rows';
import { AgencyDirectory, readTaskTable } from '../domain/consolidate/read-task-table';
import { TaskRow } from '../domain/consolidate/task-row';
import { OfficeConfig } from '../domain/config/fields';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { DoneCodes, progressAgainst, withDone } from '../domain/jobs/done-codes';
import { Problem } from '../domain/problem';
import { registryColumn } from '../domain/registry/columns';
import { proposesTasks, Unit } from '../domain/registry/unit';
import { FILE_STATE_TEXT } from '../domain/unit-file/naming';
import { UNIT_SHEETS } from '../domain/unit-file/sheets';
import { SpecValue } from '../domain/sheet-spec';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import { formatTimestamp } from '../gas/values';
import {
  appendToDraft,
  draftPending,
  dropDraft,
  formatDraft,
  readDraft,
  startDraft,
  swapDrafts,
  writeDraft,
} from '../gas/replace-sheets';
import { SheetRead } from '../gas/unit-reader';
import { ActionContext } from './action';
import { loadConfig, requireAdmin } from './config';
import { Job } from './jobs/job';
import { memo } from './jobs/memo';
import { BUDGET_SUMMARY_KEY } from './keys';
import { refreshFileStates } from './file-states';
import { loadUnits } from './provision';
import { readUnitSheets } from './unit-sheets';
import { MAX_KEPT_UNREADABLE, mostUnreadable, unreadableRefusal } from './unreadable-files';

const FAILURE_TEXT: Record<NonNullable<SheetRead['failure']>, string> = {
  missing: FILE_STATE_TEXT.missing,
  'no-sheet': 'Tệp không còn trang này (đã bị xóa hoặc đổi tên)',
  failed: 'Không đọc được trang này; thử lại sau',
};

/** Units per step: two or three parallel fetch batches, one append per sheet. */
const CONSOLIDATE_CHUNK = 100;
/** Proposals are kept raw while the run goes, then grouped by area at the end. */
const PROPOSALS_RAW = 'Đề xuất thô';

/** The sheets consolidation reads in each unit's file: the tasks, and an agency's proposals. */
function sheetsOf(unit: Unit): string[] {
  return proposesTasks(unit) ? [UNIT_SHEETS.tasks, UNIT_SHEETS.proposals] : [UNIT_SHEETS.tasks];
}

interface ConsolidateState {
  /**
   * The codes of the units read (not registry rows: a unit inserted, a row deleted or the
   * registry sorted during a pause must neither repeat nor skip a unit).
   */
  readonly done?: DoneCodes;
  readonly remaining: number;
  readonly total: number;
  /** Rows of each draft sheet that belong to finished steps (header included). */
  readonly committed: { readonly tasks: number; readonly problems: number; readonly proposals: number };
  readonly budget: CompactBudgetSummary;
  readonly counts: {
    readonly tasks: number;
    readonly proposals: number;
    readonly errors: number;
    readonly warnings: number;
  };
  /** Units whose file could not be read: code and why. */
  readonly unreadable: readonly (readonly [string, string])[];
  /** How many could not be read (the list above is cut short), and kept their earlier rows. */
  readonly unreadableCount?: number;
  readonly carried?: number;
}

/** When the last consolidation was read (the time kept rows are marked with). */
const CONSOLIDATED_AT_KEY = 'cchc.consolidatedAt';
interface Setup {
  readonly config: OfficeConfig;
  readonly units: Unit[];
  readonly withFile: Unit[];
  readonly byCode: Map<string, Unit>;
  readonly agencies: AgencyDirectory;
  /** "Tổng hợp" as the last run left it: the rows a unit keeps when its file cannot be read. */
  readonly previous: () => SpecValue[][];
}

function setup(ctx: ActionContext): Setup {
  return memo(ctx, 'consolidate', () => {
    const config = loadConfig(ctx.master);
    requireAdmin(config, ctx.user);
    const units = loadUnits(ctx.master, config);
    const byCode = new Map(units.map((u) => [u.code, u]));
    return {
      config,
      units,
      withFile: units.filter((u) => u.fileId),
      byCode,
      agencies: new AgencyDirectory(units.map((u) => u.name)),
      previous: lazy(() => ctx.master.readSheet(CONSOLIDATED_SHEET).slice(1) as SpecValue[][]),
    };
  });
}

function lazy<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}

/** New drafts and an empty state: the start of a run (or its restart). */
function startConsolidation(ctx: ActionContext, total: number): ConsolidateState {
  const ss = ctx.master.ss;
  startDraft(ss, CONSOLIDATED_SHEET, consolidatedFormat(DEFAULT_TASK_COLUMNS, 0).values);
  startDraft(ss, PROBLEMS_SHEET, [PROBLEM_HEADERS]);
  startDraft(ss, PROPOSALS_RAW, [['Đơn vị', 'Mục', 'Liên kết']]);
  return {
    done: '',
    remaining: total,
    total,
    committed: { tasks: 1, problems: 1, proposals: 1 },
    budget: emptySummary(),
    counts: { tasks: 0, proposals: 0, errors: 0, warnings: 0 },
    unreadable: [],
  };
}

/**
 * Links to the cells of the sheets just read, by each file's own gid (the one its grid came from:
 * a template's gid is not the file's once the template was rebuilt); without it, to the file.
 */
function linksInto(reads: readonly SheetRead[], byCode: ReadonlyMap<string, Unit>): LinkTo {
  const sheetIds = new Map(reads.map((r) => [r.request.key, r.sheetId]));
  return (code, sheet, cell) => {
    const unit = byCode.get(code);
    return unit?.fileId ? cellUrl(unit.fileId, sheetIds.get(`${code}|${sheet}`) ?? null, cell) : '';
  };
}

/**
 * "Tổng hợp dữ liệu": reads every unit's task table (and agencies' proposals) — never writing to
 * a unit file — validates every row, and replaces the master's consolidation sheets as one step.
 * Units are read 100 at a time in parallel batches; rows go to draft sheets, which replace the
 * old sheets only when every unit is read, so a run that dies midway leaves the previous
 * consolidation intact. A unit whose file is gone is reported and flagged in the registry.
 */
export const consolidateJob: Job<ConsolidateState> = {
  name: 'consolidate',
  label: 'Tổng hợp dữ liệu',
  scopes: [SCOPE.drive, SCOPE.externalRequest],
  stepMs: 30 * 1000,
  begin(ctx) {
    const { withFile } = setup(ctx);
    return { state: startConsolidation(ctx, withFile.length), total: withFile.length };
  },
  step(ctx, saved) {
    const { config, withFile, byCode, agencies, previous } = setup(ctx);
    let progress = progressAgainst(withFile, saved.done);
    let state = saved;
    // A state saved before codes were kept (a run paused across a deploy) says only a row number:
    // its drafts cannot tell which units they hold, so it starts over, as below.
    if (progress.removed.length > 0 || saved.done === undefined) {
      // A unit read earlier left the registry while the run was paused: its rows are mixed into
      // the drafts and the budget totals, so the run starts over rather than report it.
      state = startConsolidation(ctx, withFile.length);
      progress = progressAgainst(withFile, state.done);
    }
    const todo = progress.todo;
    const chunk = todo.slice(0, CONSOLIDATE_CHUNK);
    const reads = readUnitSheets(chunk, sheetsOf);
    const link = linksInto(reads, byCode);
    const readCtx = {
      planYear: config.planYear,
      columns: DEFAULT_TASK_COLUMNS,
      agencies,
      level: config,
      givenOnce: new Set<string>(), // a unit's sheets are all read in this step
    };
    const tasks: TaskRow[] = [];
    const proposals: TaskRow[] = [];
    const problems: Problem[] = [];
    const unreadable: [string, string][] = [];
    const carried: SpecValue[][] = [];
    for (const read of reads) {
      const unit = chunk.find((u) => read.request.key === `${u.code}|${read.request.sheetName}`) as Unit;
      const ref = { code: unit.code, name: unit.name };
      if (!read.grid) {
        const text = FAILURE_TEXT[read.failure ?? 'failed'];
        if (!unreadable.some(([code]) => code === unit.code)) unreadable.push([unit.code, text]);
        // A file out of reach (deleted, or not shared with this admin) is not an empty one.
        if (read.failure !== 'no-sheet' && read.request.sheetName === UNIT_SHEETS.tasks)
          carried.push(...rowsOfUnit(previous(), unit.code));
        problems.push({
          severity: 'error',
          unit: ref,
          sheet: read.request.sheetName,
          cell: '',
          field: '',
          value: '',
          message: text,
        });
        continue;
      }
      const reading = readTaskTable(ref, read.request.sheetName, read.grid, readCtx);
      problems.push(...reading.problems);
      (read.request.sheetName === UNIT_SHEETS.proposals ? proposals : tasks).push(...reading.rows);
    }
    refreshFileStates(
      ctx,
      chunk.filter((u) => !unreadable.some(([code]) => code === u.code)),
    );
    const ss = ctx.master.ss;
    const first = state.committed.tasks; // STT continues across steps
    const readAt = readDocumentJson<string>(CONSOLIDATED_AT_KEY) ?? 'lần tổng hợp trước';
    const committed = {
      tasks: appendToDraft(ss, CONSOLIDATED_SHEET, state.committed.tasks, [
        ...tasks.map((r, i) => consolidatedRow(r, first + i, DEFAULT_TASK_COLUMNS, link)),
        ...carried.map((r, i) =>
          carryRow(r, first + tasks.length + i, carriedMark(readAt), DEFAULT_TASK_COLUMNS),
        ),
      ]),
      problems: appendToDraft(
        ss,
        PROBLEMS_SHEET,
        state.committed.problems,
        problems.map((p) => problemRow(p, link)),
      ),
      proposals: appendToDraft(
        ss,
        PROPOSALS_RAW,
        state.committed.proposals,
        proposals.map((r) => proposalLineRow(proposalLine(r, link))),
      ),
    };
    const errors = problems.filter((p) => p.severity === 'error').length;
    return {
      state: {
        ...state,
        done: withDone(
          state.done,
          chunk.map((u) => u.code),
        ),
        remaining: todo.length - chunk.length,
        total: withFile.length,
        committed,
        budget: mergeSummaries(
          state.budget,
          compactSummary(summarizeBudget([...tasks, ...budgetOfRows(carried, DEFAULT_TASK_COLUMNS)])),
        ),
        counts: {
          tasks: state.counts.tasks + tasks.length + carried.length,
          proposals: state.counts.proposals + proposals.length,
          errors: state.counts.errors + errors,
          warnings: state.counts.warnings + problems.length - errors,
        },
        unreadable: [...state.unreadable, ...unreadable].slice(0, MAX_KEPT_UNREADABLE),
        unreadableCount: (state.unreadableCount ?? 0) + unreadable.length,
        carried: (state.carried ?? 0) + carried.length,
      },
      done: withFile.length - (todo.length - chunk.length),
    };
  },
  isDone: (state) => state.remaining === 0,
  finish(ctx, state) {
    const { master } = ctx;
    const { byCode } = setup(ctx);
    const ss = master.ss;
    const unreadableCount = state.unreadableCount ?? state.unreadable.length;
    if (mostUnreadable(unreadableCount, state.total)) {
      dropDraft(ss, CONSOLIDATED_SHEET);
      dropDraft(ss, PROBLEMS_SHEET);
      dropDraft(ss, PROPOSALS_RAW);
      return {
        ok: false,
        ...unreadableRefusal(
          unreadableCount,
          state.total,
          ctx.user,
          'Đã giữ nguyên kết quả tổng hợp cũ. Nhờ quản trị viên đã tạo các tệp chạy lại "Tạo bảng tính cho đơn vị" (việc này chia sẻ thư mục cho mọi quản trị viên trong trang Cấu hình), rồi tổng hợp lại.',
        ),
        problems: state.unreadable.map(([code, text]) => `${byCode.get(code)?.name ?? code}: ${text}.`),
      };
    }
    const swapped = [CONSOLIDATED_SHEET, PROBLEMS_SHEET, PROPOSALS_SHEET, BUDGET_SHEET];
    // The four sheets are swapped as one group, "Tổng hợp" marked complete first: once it is, a
    // finish run again (after a failed call, or after it ended before the job was closed) only
    // completes the swap — it never rebuilds from drafts that are gone.
    if (draftPending(ss, CONSOLIDATED_SHEET)) {
      const lines = readDraft(ss, PROPOSALS_RAW, state.committed.proposals).map(proposalLineOf);
      const budget = expandSummary(state.budget);
      formatDraft(ss, consolidatedFormat(DEFAULT_TASK_COLUMNS, state.committed.tasks - 1));
      formatDraft(ss, problemsFormat(state.committed.problems - 1));
      writeDraft(ss, proposalsSheet(lines, DEFAULT_TASK_COLUMNS));
      writeDraft(ss, budgetSheet(budget));
    }
    swapDrafts(ss, swapped);
    dropDraft(ss, PROPOSALS_RAW);
    writeDocumentJson(BUDGET_SUMMARY_KEY, state.budget); // for the dashboard
    writeDocumentJson(CONSOLIDATED_AT_KEY, formatTimestamp(new Date(), master.timeZone()));
    for (const [code, text] of state.unreadable) {
      const unit = byCode.get(code);
      if (unit) master.writeRegistryCells(unit.row, registryColumn('fileState'), [text]);
    }
    const { tasks, proposals, errors, warnings } = state.counts;
    const read = state.total - unreadableCount;
    const kept = (state.carried ?? 0) > 0 ? ` (giữ ${state.carried} dòng của lần đọc trước)` : '';
    return {
      ok: unreadableCount === 0,
      summary: `Đã tổng hợp ${read}/${state.total} đơn vị: ${tasks} nhiệm vụ, ${proposals} đề xuất; ${errors} lỗi, ${warnings} cảnh báo (xem trang "Lỗi dữ liệu").`,
      counts: `${read}/${state.total} đơn vị, ${tasks} nhiệm vụ, ${errors} lỗi, ${warnings} cảnh báo`,
      problems: state.unreadable.map(
        ([code, text]) =>
          `${byCode.get(code)?.name ?? code}: ${text}${kept}. Nếu tệp vẫn còn, có thể bạn chưa được chia sẻ: nhờ quản trị viên đã tạo tệp chạy lại "Tạo bảng tính cho đơn vị".`,
      ),
    };
  },
};
