import { areaA1, TaskColumn } from '../domain/plan/columns';
import { Area, SpecValue } from '../domain/sheet-spec';
import { planInputArea, submissionInputArea, taskInputArea } from '../domain/tracking/round-inputs';
import { SUBMISSION_FIRST_ROW, UNIT_SHEETS } from '../domain/unit-file/sheets';
import { Round } from '../domain/unit-file/submission';
import { noteFallback, noteFastPath } from './paths';
import { effectiveUserEmail } from './session';
import {
  addProtectionRequest,
  ApiSheet,
  cellValueRequest,
  columnCountOf,
  deleteProtectionRequest,
  protectedA1,
  rowCountOf,
  SheetRequest,
  sheetIdOf,
} from './sheet-requests';
import { batchUpdateSpreadsheets, getSpreadsheets, SheetsPacer } from './sheets-api';
import { LOCK_PREFIX } from './unit-locks';

/**
 * Locking new submissions without opening their files: per file one spreadsheets.get (its
 * sheets and protections) and one batchUpdate (the round's old locks removed, its input areas
 * protected, the office's cells of the round written), every file's sent together in one paced
 * fetchAll each. SpreadsheetApp needs per file an openById (about 0.8 s), a listing of its
 * protections and one write each — most of an hourly refresh's time when units submit.
 *
 * It does exactly what lockRound and writeOfficeCells do, on the same areas: the task sheet of the
 * round (rows from the first section down), the plan's value column (plan round), the round's
 * status cells in "Nộp kế hoạch"; a lock with the round's description, or a description-less
 * protection over exactly one of the areas (an interrupted SpreadsheetApp lock), is removed first.
 * A file it cannot judge from that read — the task sheet missing, a sheet of another name that
 * may be a renamed task sheet (only its header tells), the read or the write failing — is left to
 * the SpreadsheetApp way (`done: false`); a write whose answer was lost may have been applied, and
 * that way removes the round's locks before locking again.
 */
const LOCK_FIELDS = 'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges)';

export interface ApiLockTarget {
  readonly fileId: string;
  readonly round: Round;
  readonly roundIndex: number;
  /** The office's columns of the round's row in "Nộp kế hoạch" (E, F, G). */
  readonly officeCells: readonly [SpecValue, SpecValue, SpecValue];
  /**
   * The progress sheets the push makes ("Tiến độ <kỳ>" of every configured period): known sheets,
   * never a renamed task table that roundInputs would have to find by its header.
   */
  readonly progressSheets: readonly string[];
}

const KNOWN_NAMES: readonly string[] = Object.values(UNIT_SHEETS);

/** The input areas of the round (as roundInputs finds them), by sheet; null: not judged here. */
function inputAreas(
  sheets: readonly ApiSheet[],
  target: ApiLockTarget,
  columns: readonly TaskColumn[],
): { sheet: ApiSheet; area: Area }[] | null {
  const { round } = target;
  const byName = new Map(sheets.map((s) => [s.properties.title, s]));
  const known = (title: string) =>
    title === round.tasksSheet || KNOWN_NAMES.includes(title) || target.progressSheets.includes(title);
  if (sheets.some((s) => !known(s.properties.title))) return null;
  const tasks = byName.get(round.tasksSheet);
  if (!tasks) return null;
  const taskArea = taskInputArea(round, columns.length, {
    rows: rowCountOf(tasks),
    columns: columnCountOf(tasks),
  });
  if (taskArea.numRows < 1) return null;
  const areas = [{ sheet: tasks, area: taskArea }];
  const plan = byName.get(UNIT_SHEETS.plan);
  if (round.key === 'plan' && plan) areas.push({ sheet: plan, area: planInputArea() });
  const submission = byName.get(UNIT_SHEETS.submission);
  if (submission) areas.push({ sheet: submission, area: submissionInputArea(target.roundIndex) });
  return areas;
}

function lockRequests(
  sheets: readonly ApiSheet[],
  target: ApiLockTarget,
  columns: readonly TaskColumn[],
  users: readonly string[],
): SheetRequest[] | null {
  const areas = inputAreas(sheets, target, columns);
  if (!areas) return null;
  const description = LOCK_PREFIX + target.round.label;
  const where = (sheet: ApiSheet, a1: string) => `${sheetIdOf(sheet)}!${a1}`;
  const inputs = new Set(
    areas.map(({ sheet, area }) =>
      where(sheet, areaA1(area.row, area.column, area.numRows, area.numColumns)),
    ),
  );
  const removals = sheets.flatMap((sheet) =>
    (sheet.protectedRanges ?? [])
      .filter((p) => {
        const text = p.description ?? '';
        if (text === description) return true;
        return text === '' && inputs.has(where(sheet, protectedA1(p, sheet)));
      })
      .map((p) => deleteProtectionRequest(p.protectedRangeId)),
  );
  const locks = areas.map(({ sheet, area }) =>
    addProtectionRequest(sheetIdOf(sheet), area, { description }, users),
  );
  const submission = sheets.find((s) => s.properties.title === UNIT_SHEETS.submission);
  const row = SUBMISSION_FIRST_ROW + target.roundIndex;
  const cells = submission
    ? target.officeCells.map((value, i) => cellValueRequest(sheetIdOf(submission), row, 5 + i, value))
    : [];
  return [...removals, ...locks, ...cells];
}

/** Per target: done through the API (its task sheet locked), or left to the SpreadsheetApp way. */
export function lockThroughApi(
  targets: readonly ApiLockTarget[],
  columns: readonly TaskColumn[],
  editors: readonly string[],
  pacer: SheetsPacer,
): boolean[] {
  if (targets.length === 0) return [];
  const me = effectiveUserEmail();
  const users = [...new Set([me, ...editors].filter((e) => e !== ''))];
  const reads = getSpreadsheets(
    pacer,
    targets.map((t) => t.fileId),
    LOCK_FIELDS,
  );
  const done = targets.map(() => false);
  const updates: { index: number; id: string; requests: SheetRequest[] }[] = [];
  const reasons: string[] = [];
  reads.forEach((read, i) => {
    if (!read.ok) {
      reasons.push(read.reason);
      return;
    }
    const requests = lockRequests(read.body.sheets ?? [], targets[i], columns, users);
    if (requests) updates.push({ index: i, id: targets[i].fileId, requests });
  });
  batchUpdateSpreadsheets(pacer, updates).forEach((w, k) => {
    if (w.ok) done[updates[k].index] = true;
    else reasons.push(w.reason);
  });
  const count = done.filter(Boolean).length;
  if (count > 0) noteFastPath('sheets-lock', count);
  if (reasons.length > 0) noteFallback('sheets-lock', [...new Set(reasons)].join(', '));
  return done;
}
