import { CellValue } from '../domain/cell';
import { SheetSpec, SpecValue } from '../domain/sheet-spec';
import { literalGrid } from '../domain/sheet-text';
import { applyFormatting, applyProtection, ensureSize, writeSheetContent } from './render-sheet';
import { readGrid } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Replacing whole sheets of the master as one step, as far as Sheets allows: every new sheet is
 * first written in full under a draft name — at once, or row block by row block across
 * executions. When all are written, each draft is renamed to its complete name (one call: the
 * completion marker), and only then are the old sheets deleted and the complete drafts renamed.
 * So at every instant a sheet's old version or its complete new one exists, and `findSheet`
 * finds it: a run that dies while writing leaves the previous sheets as they were, one that dies
 * midway through the swap leaves complete drafts that readers use and the next run swaps in.
 */
const DRAFT_SUFFIX = ' (đang ghi)';
const COMPLETE_SUFFIX = ' (bản mới)';

export function draftName(name: string): string {
  return name + DRAFT_SUFFIX;
}

/** The name of a draft written in full, waiting for its swap. */
export function completeName(name: string): string {
  return name + COMPLETE_SUFFIX;
}

/**
 * The sheet's newest complete version: a complete draft waiting for its swap (a swap that died
 * after marking it) is always newer than the sheet — every rebuild swaps one in before starting.
 */
export function findSheet(ss: Spreadsheet, name: string): Sheet | null {
  return ss.getSheetByName(completeName(name)) ?? ss.getSheetByName(name);
}

/** Is a draft still being written (not yet marked complete)? */
export function draftPending(ss: Spreadsheet, name: string): boolean {
  return ss.getSheetByName(draftName(name)) !== null;
}

/**
 * A complete draft left by a swap that died is swapped in first (rolling forward), so starting
 * a new draft never deletes the only complete version of a sheet.
 */
function settle(ss: Spreadsheet, name: string): void {
  const complete = ss.getSheetByName(completeName(name));
  if (!complete) return;
  const old = ss.getSheetByName(name);
  if (old) {
    // Moved into the old sheet's place before the old one goes: a swap that dies after the delete
    // leaves the new sheet where the old was, not at the end of the tabs.
    ss.setActiveSheet(complete);
    ss.moveActiveSheet(old.getIndex());
    ss.deleteSheet(old);
  }
  complete.setName(name);
}

/** A fresh draft (a leftover of a dead run is deleted first) holding `header`. */
export function startDraft(ss: Spreadsheet, name: string, header: readonly (readonly SpecValue[])[]): void {
  settle(ss, name);
  const leftover = ss.getSheetByName(draftName(name));
  if (leftover) ss.deleteSheet(leftover);
  const draft = ss.insertSheet(draftName(name), ss.getSheets().length);
  if (header.length > 0) draft.getRange(1, 1, header.length, header[0].length).setValues(literalGrid(header));
}

function requireDraft(ss: Spreadsheet, name: string): Sheet {
  const draft = ss.getSheetByName(draftName(name));
  if (!draft) throw new Error(`Mất trang nháp "${draftName(name)}"; hãy chạy lại thao tác từ đầu.`);
  return draft;
}

/**
 * Appends rows after the first `committed` rows of a draft, first removing anything below them
 * (what a step that died before saving its state had written), so a repeated step never doubles
 * rows. Returns the new committed length.
 */
export function appendToDraft(
  ss: Spreadsheet,
  name: string,
  committed: number,
  rows: readonly (readonly SpecValue[])[],
): number {
  const draft = requireDraft(ss, name);
  const last = draft.getLastRow();
  if (last > committed)
    draft.getRange(committed + 1, 1, last - committed, draft.getLastColumn()).clearContent();
  if (rows.length === 0) return committed;
  const width = Math.max(...rows.map((r) => r.length));
  ensureSize(draft, committed + rows.length, width);
  const grid = rows.map((r) => [...r, ...Array<SpecValue>(width - r.length).fill('')]);
  draft.getRange(committed + 1, 1, grid.length, width).setValues(literalGrid(grid));
  return committed + rows.length;
}

/** A draft's rows below its header (as written, for building a sheet from them). */
export function readDraft(ss: Spreadsheet, name: string, committed: number): SpecValue[][] {
  const draft = requireDraft(ss, name);
  if (committed <= 1) return [];
  return draft.getRange(2, 1, committed - 1, draft.getLastColumn()).getValues() as SpecValue[][];
}

export function formatDraft(ss: Spreadsheet, spec: SheetSpec): void {
  applyFormatting(requireDraft(ss, spec.name), spec);
}

/** Deletes a draft that only carried state between executions. */
export function dropDraft(ss: Spreadsheet, name: string): void {
  const draft = ss.getSheetByName(draftName(name));
  if (draft) ss.deleteSheet(draft);
}

/**
 * The drafts take the place (and tab position) of the sheets they replace. First every draft
 * still being written is marked complete (renamed), then each complete draft is swapped in. Every
 * call checks what is there, so a swap that died at any call is run again to its end; a caller
 * that must know whether its drafts were already committed asks `draftPending` of the first
 * name, which is marked first.
 */
export function swapDrafts(ss: Spreadsheet, names: readonly string[]): void {
  for (const name of names) {
    const draft = ss.getSheetByName(draftName(name));
    if (draft) draft.setName(completeName(name));
  }
  for (const name of names) settle(ss, name);
}

/**
 * Writes a whole sheet as a draft (the swap is the caller's, with the others of its group); with
 * `editors`, its spec's protections too.
 */
export function writeDraft(ss: Spreadsheet, spec: SheetSpec, editors?: readonly string[]): void {
  startDraft(ss, spec.name, []);
  const draft = requireDraft(ss, spec.name);
  writeSheetContent(draft, spec);
  if (editors) for (const p of spec.protections ?? []) applyProtection(draft, p, editors);
}

/**
 * Whole sheets written in one go, then swapped in. With `editors`, each draft also gets its spec's
 * protections before the swap (a new sheet has none: the old sheet's go with it).
 */
export function replaceSheets(
  ss: Spreadsheet,
  specs: readonly SheetSpec[],
  editors?: readonly string[],
): void {
  for (const spec of specs) writeDraft(ss, spec, editors);
  swapDrafts(
    ss,
    specs.map((s) => s.name),
  );
}

/**
 * A sheet of a group that `swapDrafts` replaces together (`names`, the marker first), of the same
 * run as the group's other sheets. The marker is marked complete first, and only once every draft
 * of the group is written in full: while its complete version waits for its swap, each sheet's
 * newest version — marked or not yet — is whole and of that run. Otherwise each sheet's newest
 * complete version is (findSheet).
 */
export function findGroupSheet(ss: Spreadsheet, names: readonly string[], name: string): Sheet | null {
  if (ss.getSheetByName(completeName(names[0])) === null) return findSheet(ss, name);
  return (
    ss.getSheetByName(completeName(name)) ?? ss.getSheetByName(draftName(name)) ?? ss.getSheetByName(name)
  );
}

/**
 * Before new drafts of a group are started: a swap of the group left half done (its marker
 * complete, the run that marked it gone) is finished as a group first, so new drafts never pair
 * with a half-swapped group.
 */
export function settleGroup(ss: Spreadsheet, names: readonly string[]): void {
  if (ss.getSheetByName(completeName(names[0]))) swapDrafts(ss, names);
}

/** findGroupSheet's values (Date cells as calendar days in `timeZone`); null when it has none. */
export function readGroupSheet(
  ss: Spreadsheet,
  names: readonly string[],
  name: string,
  timeZone: string,
): CellValue[][] | null {
  const sheet = findGroupSheet(ss, names, name);
  return sheet ? readGrid(sheet.getDataRange(), timeZone) : null;
}

/**
 * Empty rows inserted where `inserts` say (0-based positions of the result, ascending): each group
 * after the row above it, so the rows under it move down with their cells, as a person inserting
 * rows would (insertRowsAfter also works at the sheet's last row, where insertRowsBefore would be
 * outside the sheet).
 */
export function insertRowGroups(
  sheet: Sheet,
  inserts: readonly { readonly at: number; readonly count: number }[],
): void {
  for (const { at, count } of inserts) sheet.insertRowsAfter(at, count);
}

/** The spreadsheet's sheets by name (one listing; `getSheetByName` is a server call each). */
export function sheetsByName(ss: Spreadsheet): Map<string, Sheet> {
  return new Map(ss.getSheets().map((s) => [s.getName(), s]));
}

/**
 * Writes the rows of `rows` (0-based, as in the sheet from row 1) that `runs` name, one
 * setValues per run of consecutive rows: a sheet updated in place (sheet-diff.ts).
 */
export function writeRowRuns(
  sheet: Sheet,
  rows: readonly (readonly SpecValue[])[],
  runs: readonly { readonly from: number; readonly to: number }[],
): void {
  for (const { from, to } of runs) {
    const block = rows.slice(from, to + 1);
    sheet.getRange(from + 1, 1, block.length, block[0].length).setValues(literalGrid(block));
  }
}
