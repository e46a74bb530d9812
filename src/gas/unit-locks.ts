import { areaA1, TaskColumn } from '../domain/plan/columns';
import { Area } from '../domain/sheet-spec';
import { planInputArea, submissionInputArea, taskInputArea } from '../domain/tracking/round-inputs';
import { SUBMISSION_FIRST_ROW, UNIT_SHEETS } from '../domain/unit-file/sheets';
import { Round } from '../domain/unit-file/submission';
import { literal } from '../domain/sheet-text';
import { noteFallback, noteFastPath } from './paths';
import { restrictEditors } from './render-sheet';
import { effectiveUserEmail } from './session';
import { addProtectionRequest } from './sheet-requests';
import { batchUpdateOne, batchUpdateSpreadsheets, newSheetsPacer, SheetsPacer } from './sheets-api';
import { findTaskSheets } from './task-sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Marks the protections that lock a submitted round (the template push leaves them alone). */
export const LOCK_PREFIX = 'Đã nộp, khóa: ';

/**
 * The unit's input areas of a round, as ranges, and the names of the sheets holding its task
 * table — found by name and by content, so a renamed or replaced task sheet is locked too.
 */
function roundInputs(
  ss: Spreadsheet,
  round: Round,
  roundIndex: number,
  columns: readonly TaskColumn[],
): { ranges: Range[]; taskSheets: string[] } {
  const ranges: Range[] = [];
  const taskSheets: string[] = [];
  const rangeOf = (sheet: Sheet, a: Area) => sheet.getRange(areaA1(a.row, a.column, a.numRows, a.numColumns));
  const lockTasks = (tasks: Sheet) => {
    taskSheets.push(tasks.getName());
    const grid = { rows: tasks.getMaxRows(), columns: round.period ? tasks.getMaxColumns() : 0 };
    ranges.push(rangeOf(tasks, taskInputArea(round, columns.length, grid)));
  };
  // A period's progress sheet: found by name only (its rows are carried by the push, which
  // looks for it by name too).
  const progress = round.period ? ss.getSheetByName(round.tasksSheet) : null;
  if (progress) lockTasks(progress);
  if (!round.period) findTaskSheets(ss, round.tasksSheet, columns).forEach(lockTasks);
  const plan = round.key === 'plan' ? ss.getSheetByName(UNIT_SHEETS.plan) : null;
  if (plan) ranges.push(rangeOf(plan, planInputArea()));
  const submission = ss.getSheetByName(UNIT_SHEETS.submission);
  if (submission) ranges.push(rangeOf(submission, submissionInputArea(roundIndex)));
  return { ranges, taskSheets };
}

/**
 * Locks what the unit typed for a round once it is submitted: a range protection over each input
 * area that only the office's admins (and the owner) may edit. Marked by description so that a
 * return can find and remove exactly these. Returns the names of the task sheets locked.
 *
 * Safe to repeat after a fault at any call: the round's earlier locks are removed first, and so is
 * an orphan of an interrupted SpreadsheetApp lock — a protection over exactly one of the round's
 * input areas that never got its description (protect() and setDescription() are two calls).
 *
 * Every area is then locked by one Sheets API batchUpdate for the file (addProtectedRange with its
 * editors), where SpreadsheetApp needs protect, setDescription and the editors' calls per area.
 * The batch applies whole or not at all; when it fails, the round's locks are removed again (an
 * answer lost in a timeout may hide an applied batch) and the areas locked through SpreadsheetApp
 * — so a lock is never doubled. `pacer`: the caller's, when it locks many files in one execution
 * (the per-minute write quota).
 */
export function lockRound(
  ss: Spreadsheet,
  round: Round,
  roundIndex: number,
  columns: readonly TaskColumn[],
  editors: readonly string[],
  pacer: SheetsPacer = newSheetsPacer(),
): string[] {
  return lockRounds([{ ss, round, roundIndex }], columns, editors, pacer)[0];
}

/** One round of one unit file to lock (lockRounds). */
export interface RoundToLock {
  readonly ss: Spreadsheet;
  readonly round: Round;
  readonly roundIndex: number;
}

/**
 * lockRound for many files at once: each file's areas found and its earlier locks removed
 * (SpreadsheetApp, file by file), then every file's batchUpdate sent together in one paced
 * fetchAll — a status refresh that finds 25 new submissions waits for one round trip, not 25.
 * A file whose batch failed is locked the slow way, as lockRound does. Returns the task sheets
 * locked, per item.
 */
export function lockRounds(
  items: readonly RoundToLock[],
  columns: readonly TaskColumn[],
  editors: readonly string[],
  pacer: SheetsPacer = newSheetsPacer(),
): string[][] {
  const me = effectiveUserEmail();
  const users = [...new Set([me, ...editors].filter((e) => e !== ''))];
  const found = items.map(({ ss, round, roundIndex }) => {
    const { ranges, taskSheets } = roundInputs(ss, round, roundIndex, columns);
    removeRoundLocks(ss, round, ranges);
    const description = LOCK_PREFIX + round.label;
    const requests = ranges.map((r) =>
      addProtectionRequest(
        r.getSheet().getSheetId(),
        { row: r.getRow(), column: r.getColumn(), numRows: r.getNumRows(), numColumns: r.getNumColumns() },
        { description },
        users,
      ),
    );
    return { ranges, taskSheets, description, requests };
  });
  const toSend = items.map((_, i) => i).filter((i) => found[i].ranges.length > 0);
  const answers =
    toSend.length === 1
      ? [batchUpdateOne(pacer, items[toSend[0]].ss.getId(), found[toSend[0]].requests)]
      : toSend.length > 1
        ? batchUpdateSpreadsheets(
            pacer,
            toSend.map((i) => ({ id: items[i].ss.getId(), requests: found[i].requests })),
          )
        : [];
  toSend.forEach((i, k) => {
    const answer = answers[k];
    if (answer.ok) {
      noteFastPath('sheets-lock');
      return;
    }
    noteFallback('sheets-lock', answer.reason);
    const { ss, round } = items[i];
    const { ranges, description } = found[i];
    removeRoundLocks(ss, round, ranges);
    for (const range of ranges) {
      const protection = range.protect().setDescription(description);
      restrictEditors(protection, editors);
    }
  });
  return found.map((f) => f.taskSheets);
}

/**
 * A submitted round must stay locked though the unit deleted or replaced a locked sheet (range
 * protections go with their sheet) or grew a sheet past its lock: when an input area is not
 * wholly under this round's lock, the round is locked again. Returns the names of the sheets
 * whose area was not locked (empty when all was in place).
 */
export function relockRound(
  ss: Spreadsheet,
  round: Round,
  roundIndex: number,
  columns: readonly TaskColumn[],
  editors: readonly string[],
): string[] {
  const locks = ss
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === LOCK_PREFIX + round.label)
    .map((p) => p.getRange());
  const covered = (r: Range) =>
    locks.some(
      (l) =>
        l.getSheet().getSheetId() === r.getSheet().getSheetId() &&
        l.getRow() <= r.getRow() &&
        l.getLastRow() >= r.getLastRow() &&
        l.getColumn() <= r.getColumn() &&
        l.getLastColumn() >= r.getLastColumn(),
    );
  const open = roundInputs(ss, round, roundIndex, columns)
    .ranges.filter((r) => !covered(r))
    .map((r) => r.getSheet().getName());
  if (open.length > 0) lockRound(ss, round, roundIndex, columns, editors);
  return open;
}

/** Removes a round's locks; one listing of the whole file's range protections (a server read). */
export function unlockRound(ss: Spreadsheet, round: Round): number {
  return removeRoundLocks(ss, round, []);
}

/**
 * Removes the round's locks and the description-less protections over exactly one of `inputs`
 * (what a lock stopped between protect() and setDescription() leaves). A unit's own protection
 * elsewhere, or with a description, is not touched. One listing of the file's range protections.
 */
function removeRoundLocks(ss: Spreadsheet, round: Round, inputs: readonly Range[]): number {
  const where = (r: Range) => `${r.getSheet().getSheetId()}!${r.getA1Notation()}`;
  let inputAreas: Set<string> | undefined; // only computed when an orphan is found (extra reads)
  let removed = 0;
  for (const p of ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = p.getDescription();
    let ours = description === LOCK_PREFIX + round.label;
    if (!ours && description === '' && inputs.length > 0) {
      inputAreas = inputAreas ?? new Set(inputs.map(where));
      ours = inputAreas.has(where(p.getRange()));
    }
    if (ours) {
      p.remove();
      removed++;
    }
  }
  return removed;
}

/** Writes the office's columns (E: decision, F: comment, G: time) of a round in "Nộp kế hoạch". */
export function writeOfficeCells(
  ss: Spreadsheet,
  roundIndex: number,
  decision: string,
  comment: string,
  time: string,
): void {
  const sheet = ss.getSheetByName(UNIT_SHEETS.submission);
  if (!sheet) return;
  sheet
    .getRange(SUBMISSION_FIRST_ROW + roundIndex, 5, 1, 3)
    .setValues([[literal(decision), literal(comment), literal(time)]]);
}

/** Sets the unit's own status cell (C) — only as part of an office action that says so (return). */
export function writeUnitState(ss: Spreadsheet, roundIndex: number, state: string): void {
  ss.getSheetByName(UNIT_SHEETS.submission)
    ?.getRange(SUBMISSION_FIRST_ROW + roundIndex, 3)
    .setValue(state);
}
