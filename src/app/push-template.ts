import { SCOPE } from '../domain/scopes';
import { OfficeConfig } from '../domain/config/fields';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { SheetSpec } from '../domain/sheet-spec';
import { unitWorkbookSpecs, WorkbookVariant } from '../domain/unit-file/layout';
import { FILE_STATE_TEXT } from '../domain/unit-file/naming';
import { fileState, syncFileEditors } from '../gas/drive';
import { openSpreadsheet } from '../gas/spreadsheets';
import { alignProtectionEditors } from '../gas/protection-editors';
import { pushToUnit, sheetIdsByName } from '../gas/push-unit';
import { shareFoldersWithAdmins } from './admin-sharing';
import { readDocumentJsonByPrefix, writeDocumentJsonMany } from '../gas/properties';
import { ApiPushResult, ProgressTarget, pushThroughApi } from '../gas/push-api';
import { recordProgressGids } from './progress-sheets';
import { progressSheetName } from '../domain/progress/sheet';
import { baselineOf, isSent } from '../domain/progress/period-rounds';
import { readTrackRecords, TRACK_SHEET, trackKey } from '../domain/tracking/track-sheet';
import { unitRounds } from './tracking';
import { todayInScriptZone } from './today';
import { newSheetsPacer, SheetsPacer } from '../gas/sheets-api';
import { effectiveUserEmail } from '../gas/session';
import { Unit } from '../domain/registry/unit';
import { formatTimestamp } from '../gas/values';
import {
  FOCAL_RECORD_PREFIX,
  FocalRecord,
  focalChangeLines,
  isSharingNotice,
} from '../domain/registry/focal-changes';
import { ActionContext } from './action';
import { unitLoopJob } from './jobs/unit-loop';
import { loadConfig, requireAdmin } from './config';
import { loadUnits, protectionEditors, variantOf } from './provision';

/**
 * "Cập nhật mẫu cho các đơn vị": brings every existing unit file up to the current template —
 * guidance, dropdown lists (after the unit list changed), column help, validation and protection
 * of the task tables — without writing a single cell a unit fills in. Sections are found where
 * the unit's inserted rows moved them. It also brings in the progress sheet of each reporting
 * period open for the unit, and that period's row in "Nộp kế hoạch" (domain/progress/push-plan.ts:
 * created, or rewritten with the unit's input carried over; a sent period is never touched).
 * Every write is a rewrite, so a unit done twice (a step run again after a failure) ends the
 * same. Works in steps.
 */
export const pushTemplateJob = unitLoopJob({
  name: 'push-template',
  label: 'Cập nhật mẫu cho các đơn vị',
  scopes: [SCOPE.drive, SCOPE.externalRequest],
  // One minute's worth of Sheets API requests a step (60 reads and 60 writes per user a minute).
  chunk: 60,
  unitMs: 1500,
  setup(ctx: ActionContext) {
    const config = loadConfig(ctx.master);
    requireAdmin(config, ctx.user);
    // The unit files' folder (and the others) shared with exactly the admins, as provisioning does.
    shareFoldersWithAdmins(config);
    const all = loadUnits(ctx.master, config);
    const specs = new Map<WorkbookVariant, SheetSpec[]>();
    const specsFor = (variant: WorkbookVariant): SheetSpec[] => {
      if (!specs.has(variant)) {
        const unitNames = all.map((u) => u.name);
        specs.set(variant, unitWorkbookSpecs({ config, columns: DEFAULT_TASK_COLUMNS, unitNames, variant }));
      }
      return specs.get(variant) as SheetSpec[];
    };
    // The tracking says which periods are open for each unit and which were sent (never rewritten).
    const records = readTrackRecords(ctx.master.readSheet(TRACK_SHEET));
    const today = todayInScriptZone();
    const progressOf = (unit: Unit): ProgressTarget => ({
      periods: unitRounds(config, unit, records, today).flatMap((round, index) =>
        round.period
          ? [
              {
                period: round.period,
                index,
                label: round.label,
                sent: isSent(
                  (records.get(trackKey(unit.code, round.key)) ?? { status: 'not-started' }).status,
                ),
              },
            ]
          : [],
      ),
      baseline: baselineOf(records, unit.code),
    });
    return {
      config,
      units: all.filter((u) => u.fileId),
      specsFor,
      progressOf,
      editors: protectionEditors(config),
      pacer: newSheetsPacer(),
    };
  },
  eachChunk: pushChunk,
  // unitLoopJob calls eachChunk while it is set; one unit is a chunk of one.
  each: (ctx, s, unit) => pushChunk(ctx, s, [unit])[0],
  outcome: (state) => ({
    // Sharing brought in line is told, named, but is no failure.
    ok: state.problems.every(isSharingNotice),
    summary: `Đã cập nhật mẫu cho ${state.handled} đơn vị${state.changed ? `; chia sẻ lại theo danh sách đơn vị ở ${state.changed} đơn vị` : ''}.`,
    counts: `cập nhật ${state.handled}, lỗi ${state.problems.filter((p) => !isSharingNotice(p)).length}`,
    problems: [...state.problems],
  }),
});

/**
 * The gids of the progress sheets the API path wrote or found, kept per period
 * (progress-sheets.ts), for the refresh's CSV reads: the refresh reads a period's sheet only
 * where its gid is known — a sheet the push has not made yet is not looked for by opening the
 * file. One read and at most one write of each period's store a step.
 */
function recordProgressSheetIds(
  config: OfficeConfig,
  units: readonly Unit[],
  results: readonly ApiPushResult[],
): void {
  for (const period of config.reportingPeriods) {
    const name = progressSheetName(period);
    const found = units.flatMap((u, i) => {
      const r = results[i];
      const gid = r.done ? r.progressSheetIds?.[name] : undefined;
      return typeof gid === 'number' ? [{ fileId: u.fileId, gid }] : [];
    });
    recordProgressGids(period, found);
  }
}

type PushSetup = {
  readonly config: ReturnType<typeof loadConfig>;
  readonly specsFor: (variant: WorkbookVariant) => SheetSpec[];
  readonly progressOf: (unit: Unit) => ProgressTarget;
  readonly editors: readonly string[];
};

type ChunkSetup = PushSetup & { readonly pacer: SheetsPacer };

type ChunkResult = { handled: boolean; problems: string[]; changed?: boolean };

/**
 * A chunk of units: the API path for every file it can do, the SpreadsheetApp path for the rest
 * (a trashed or missing file is told, not pushed); then sharing as the registry says.
 */
function pushChunk(ctx: ActionContext, s: ChunkSetup, units: readonly Unit[]): ChunkResult[] {
  // The fast path first: files in the trash or gone are told as the slow path tells them.
  const states = units.map((u) => fileState(u.fileId).state);
  const me = effectiveUserEmail();
  const users = [...new Set([me, ...s.editors].filter(Boolean))];
  const ok = units.filter((_, i) => states[i] === 'ok');
  const api = pushThroughApi(
    ok.map((u) => ({
      fileId: u.fileId,
      unitName: u.name,
      specs: s.specsFor(variantOf(u)),
      progress: s.progressOf(u),
    })),
    s.config,
    users,
    s.pacer,
  );
  const viaApi = new Set(ok.filter((_, i) => api[i].done).map((u) => u.code));
  recordProgressSheetIds(s.config, ok, api);
  // The focal records: one read and one write of the store for the whole step.
  const records = readDocumentJsonByPrefix(FOCAL_RECORD_PREFIX) as Record<string, FocalRecord>;
  const changedRecords: Record<string, FocalRecord> = {};
  const results = units.map((unit, i) => {
    if (states[i] !== 'ok')
      return { handled: false, problems: [`${unit.name}: ${FILE_STATE_TEXT[states[i]]}; bỏ qua.`] };
    const problems = viaApi.has(unit.code) ? [] : pushTemplateSlow(unit, s);
    const shared = shareAsRegistry(ctx, s, unit, records[FOCAL_RECORD_PREFIX + unit.code] ?? null);
    if (shared.record) changedRecords[FOCAL_RECORD_PREFIX + unit.code] = shared.record;
    return { handled: true, problems: [...problems, ...shared.lines], changed: shared.changed };
  });
  if (Object.keys(changedRecords).length > 0) writeDocumentJsonMany(changedRecords);
  return results;
}

/** The SpreadsheetApp path for one unit (the fallback): open, rewrite, protections one by one. */
function pushTemplateSlow(unit: Unit, s: PushSetup): string[] {
  const ss = openSpreadsheet(unit.fileId);
  const progress = s.progressOf(unit);
  const problems = pushToUnit(ss, s.config, unit, s.specsFor(variantOf(unit)), s.editors, progress);
  alignProtectionEditors(ss, s.editors);
  // The progress sheets' gids, as the API path records them (a rare path: one write a period).
  const ids = sheetIdsByName(
    ss,
    progress.periods.map(({ period }) => progressSheetName(period)),
  );
  for (const { period } of progress.periods) {
    const gid = ids[progressSheetName(period)];
    if (gid !== undefined) recordProgressGids(period, [{ fileId: unit.fileId, gid }]);
  }
  return problems;
}

/**
 * Sharing follows the registry: exactly the unit's focal points, no link sharing. Every change is
 * named, with a word when the registry itself changed since the last push; the record to store
 * (null when unchanged) is returned for the caller to write with the others.
 */
function shareAsRegistry(
  ctx: ActionContext,
  s: PushSetup,
  unit: Unit,
  record: FocalRecord | null,
): { lines: string[]; changed: boolean; record: FocalRecord | null } {
  const sharing = syncFileEditors(unit.fileId, unit.focalEmails, s.config.admins);
  const when = record ? formatTimestamp(new Date(record.atMs), ctx.master.timeZone()) : '';
  const lines = focalChangeLines(unit.name, record ? { record, when } : null, unit.focalEmails, sharing);
  const emails = unit.focalEmails.map((e) => e.toLowerCase());
  const next =
    !record || record.emails.join() !== emails.join() ? { emails, atMs: new Date().getTime() } : null;
  return { lines, changed: sharing.added.length + sharing.removed.length > 0, record: next };
}
