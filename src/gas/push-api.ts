/**
 * The template push through the Sheets API: per unit file one spreadsheets.get (field mask: the
 * sheets' ids and sizes, their protections and cells) and one batchUpdate carrying every change,
 * both sent for many files at once (sheets-api.ts). The changes are those of push-unit.ts —
 * guidance and lists rewritten, labels and help beside the unit's plan text, the task tables'
 * validation, header help and protections — and never a cell a unit fills in. A file the API
 * could not read or update (an error, a missing sheet, a header the unit changed) is left to the
 * SpreadsheetApp path, which words the problem for the office; a batchUpdate is atomic, so such
 * a file is as it was.
 */
import { OfficeConfig } from '../domain/config/fields';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { planFields } from '../domain/plan/plan-fields';
import { SheetSpec } from '../domain/sheet-spec';
import { personaliseSpec, taskProtections, taskValidations } from '../domain/unit-file/layout';
import {
  PLAN_HEADER_ROW,
  TASK_FIRST_SECTION_ROW,
  TASK_HEADER_ROW,
  UNIT_SHEETS,
} from '../domain/unit-file/sheets';
import { locateTaskTable } from '../domain/unit-file/task-table';
import { noteFallback, noteFastPath } from './paths';
import { progressRequests } from './progress-requests';
import { OpenPeriod, progressPush } from '../domain/progress/push-plan';
import { progressSheetName } from '../domain/progress/sheet';
import { specHeight, specWidth } from './render-sheet';
import {
  ApiSheet,
  ApiSpreadsheet,
  cellValueRequest,
  columnCountOf,
  gridOf,
  notesRequest,
  numberFormatRequest,
  rewriteSheetRequests,
  setEditorsRequest,
  sheetIdOf,
  SheetRequest,
  syncProtectionRequests,
  validationRequest,
} from './sheet-requests';
import { batchUpdateSpreadsheets, getSpreadsheets, SheetsPacer } from './sheets-api';
import { LOCK_PREFIX } from './unit-locks';

/** What a push needs of a unit file, in one read. */
const PUSH_FIELDS =
  'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges,' +
  'data(startRow,startColumn,rowData.values.effectiveValue))';

export interface ApiPushTarget {
  readonly fileId: string;
  readonly unitName: string;
  readonly specs: readonly SheetSpec[];
  /** The reporting periods open for the unit (their progress sheets), and its plan's baseline. */
  readonly progress?: ProgressTarget;
}

export interface ProgressTarget {
  readonly periods: readonly OpenPeriod[];
  readonly baseline?: ReadonlySet<string>;
}

/** Done through the API, or why the slow path must do it ('' : the file differs from the template). */
export type ApiPushResult =
  | {
      readonly done: true;
      /** The gids of the file's progress sheets after the push (for the CSV reads of the refresh). */
      readonly progressSheetIds?: Readonly<Record<string, number>>;
    }
  | { readonly done: false; readonly reason: string };

/** The open periods' sheets of the file and their gids: those read, and those the push adds. */
function progressSheetIds(
  book: ApiSpreadsheet,
  requests: readonly SheetRequest[],
  progress: ProgressTarget | undefined,
): Record<string, number> {
  const names = new Set((progress?.periods ?? []).map((p) => progressSheetName(p.period)));
  const ids: Record<string, number> = {};
  for (const sheet of book.sheets ?? [])
    if (names.has(sheet.properties.title)) ids[sheet.properties.title] = sheetIdOf(sheet);
  for (const r of requests) {
    const added = (r.addSheet as { properties?: { title?: string; sheetId?: number } } | undefined)
      ?.properties;
    if (added?.title && names.has(added.title) && added.sheetId !== undefined)
      ids[added.title] = added.sheetId;
  }
  return ids;
}

/**
 * The batchUpdate for one unit file from its read; null when the fast path cannot do it alone
 * (a sheet missing, a task table whose header the unit changed): the slow path reports those.
 */
export function pushRequests(
  book: ApiSpreadsheet,
  config: OfficeConfig,
  unitName: string,
  specs: readonly SheetSpec[],
  users: readonly string[],
  progress?: ProgressTarget,
): SheetRequest[] | null {
  const sheets = book.sheets ?? [];
  const byName = (name: string) => sheets.find((s) => s.properties.title === name);
  const spec = (name: string) => specs.find((s) => s.name === name);
  const requests: SheetRequest[] = [];
  const removed = new Set<number>();

  for (const name of [UNIT_SHEETS.guide, UNIT_SHEETS.lists]) {
    const sheet = byName(name);
    const target = spec(name);
    if (!target) continue;
    if (!sheet) return null;
    const personal = personaliseSpec(target, unitName);
    requests.push(
      ...rewriteSheetRequests(sheet, personal, { rows: specHeight(personal), columns: specWidth(personal) }),
    );
  }

  const plan = byName(UNIT_SHEETS.plan);
  if (!plan) return null;
  const planGrid = gridOf(plan, 1);
  const fields = new Map(planFields(config).map((f) => [f.key as string, f]));
  let lastKeyRow = PLAN_HEADER_ROW;
  planGrid.forEach((row, i) => {
    if (i + 1 <= PLAN_HEADER_ROW) return;
    if (row[0] !== '') lastKeyRow = i + 1;
    const field = fields.get(String(row[0]));
    if (!field) return;
    requests.push(cellValueRequest(sheetIdOf(plan), i + 1, 2, field.label));
    requests.push(cellValueRequest(sheetIdOf(plan), i + 1, 4, field.help));
  });
  // The input column is plain text, over the rows SpreadsheetApp's getLastRow would give.
  const lastRow = Math.max(lastKeyRow, lastDataRow(plan));
  if (lastRow > PLAN_HEADER_ROW)
    requests.push(
      numberFormatRequest(
        sheetIdOf(plan),
        { row: PLAN_HEADER_ROW + 1, column: 3, numRows: lastRow - PLAN_HEADER_ROW, numColumns: 1 },
        '@',
      ),
    );

  for (const name of [UNIT_SHEETS.tasks, UNIT_SHEETS.proposals]) {
    if (!spec(name)) continue;
    const sheet = byName(name);
    if (!sheet) return null;
    const columns = DEFAULT_TASK_COLUMNS;
    const shape = locateTaskTable(gridOf(sheet, columns.length), columns);
    if (shape.headerProblems.length > 0) return null;
    const lastSection = shape.sections[shape.sections.length - 1]?.row ?? TASK_FIRST_SECTION_ROW;
    const last = Math.max(shape.lastRow, lastSection + config.taskRowsPerSection);
    const id = sheetIdOf(sheet);
    for (const v of taskValidations(columns, last - TASK_HEADER_ROW, config.planYear))
      requests.push(validationRequest(id, v));
    requests.push(
      notesRequest(
        id,
        columns.map((c, i) => ({ row: TASK_HEADER_ROW, column: i + 1, text: c.help })),
      ),
    );
    const sync = syncProtectionRequests(
      sheet,
      taskProtections(
        columns.length,
        shape.sections.map((s) => s.row),
        last,
      ),
      users,
      LOCK_PREFIX,
    );
    requests.push(...sync.requests);
    sync.removed.forEach((r) => removed.add(r));
  }

  // The progress sheets of the open periods, and their rows in "Nộp kế hoạch".
  if (progress && progress.periods.length > 0) {
    const push = progressPush({
      planYear: config.planYear,
      unitName,
      periods: progress.periods,
      baseline: progress.baseline,
      sheet: (name) => {
        const sheet = byName(name);
        return sheet ? gridOf(sheet, columnCountOf(sheet)) : null;
      },
    });
    // A problem (a header the unit changed): the slow path words it; nothing is written here.
    if (push.problems.length > 0 || (push.rows.length > 0 && !byName(UNIT_SHEETS.submission))) return null;
    const written = progressRequests(sheets, push, users, LOCK_PREFIX);
    requests.push(...written.requests);
    written.removed.forEach((r) => removed.add(r));
  }

  // alignProtectionEditors: every protection the office keeps gets exactly the admins as editors.
  const want = users.map((u) => u.toLowerCase());
  for (const sheet of sheets)
    for (const p of sheet.protectedRanges ?? []) {
      if (p.warningOnly || removed.has(p.protectedRangeId)) continue;
      const has = new Set((p.editors?.users ?? []).map((u) => u.toLowerCase()));
      if (want.every((u) => has.has(u))) continue;
      requests.push(setEditorsRequest(p.protectedRangeId, users));
    }
  return requests;
}

/** The last row holding a value in any column (SpreadsheetApp's getLastRow), from the read. */
function lastDataRow(sheet: ApiSheet): number {
  const rows = sheet.data?.[0]?.rowData ?? [];
  let last = 0;
  rows.forEach((r, i) => {
    if ((r.values ?? []).some((v) => v.effectiveValue !== undefined))
      last = i + 1 + (sheet.data?.[0]?.startRow ?? 0);
  });
  return last;
}

/**
 * Pushes the template into many unit files through the API; each file's result says whether it
 * is done or why the slow path must do it. `users`: the protections' editors (the person the
 * script runs as first, then the admins), as restrictEditors leaves them.
 */
export function pushThroughApi(
  targets: readonly ApiPushTarget[],
  config: OfficeConfig,
  users: readonly string[],
  pacer: SheetsPacer,
): ApiPushResult[] {
  if (targets.length === 0) return [];
  const reads = getSpreadsheets(
    pacer,
    targets.map((t) => t.fileId),
    PUSH_FIELDS,
  );
  const results: ApiPushResult[] = targets.map(() => ({ done: false, reason: '' }));
  const updates: { index: number; id: string; requests: SheetRequest[] }[] = [];
  const ids = new Map<number, Record<string, number>>();
  reads.forEach((read, i) => {
    if (!read.ok) {
      results[i] = { done: false, reason: read.reason };
      return;
    }
    const t = targets[i];
    const requests = pushRequests(read.body, config, t.unitName, t.specs, users, t.progress);
    // Not an API failure: the slow path words what the unit changed (no fallback is noted).
    if (requests === null) results[i] = { done: false, reason: '' };
    else {
      updates.push({ index: i, id: t.fileId, requests });
      ids.set(i, progressSheetIds(read.body, requests, t.progress));
    }
  });
  const written = batchUpdateSpreadsheets(pacer, updates);
  written.forEach((w, k) => {
    const i = updates[k].index;
    results[i] = w.ok ? { done: true, progressSheetIds: ids.get(i) } : { done: false, reason: w.reason };
  });
  const done = results.filter((r) => r.done).length;
  if (done > 0) noteFastPath('sheets-push', done);
  const reasons = [...new Set(results.flatMap((r) => (r.done || r.reason === '' ? [] : [r.reason])))];
  if (reasons.length > 0) noteFallback('sheets-push', reasons.join(', '));
  return results;
}
