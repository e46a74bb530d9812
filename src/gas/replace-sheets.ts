import { SheetSpec, SpecValue } from '../domain/sheet-spec';
import { literalGrid } from '../domain/sheet-text';
import { applyFormatting, applyProtection, ensureSize, writeSheetContent } from './render-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Replacing whole sheets of the master as one step, as far as Sheets allows: every new sheet is
 * first written in full under a draft name — at once, or row block by row block across
 * executions — and only when all are written are the old ones deleted and the drafts renamed.
 * A run that dies while writing leaves the previous sheets as they were.
 */
const DRAFT_SUFFIX = ' (đang ghi)';

export function draftName(name: string): string {
  return name + DRAFT_SUFFIX;
}

/** A fresh draft (a leftover of a dead run is deleted first) holding `header`. */
export function startDraft(ss: Spreadsheet, name: string, header: readonly (readonly SpecValue[])[]): void {
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
 * The drafts take the place (and tab position) of the sheets they replace. A name whose draft is
 * gone while the sheet exists was swapped by a run that died midway: it is skipped, so a swap can
 * be run again to its end.
 */
export function swapDrafts(ss: Spreadsheet, names: readonly string[]): void {
  const pending = names.filter((name) => ss.getSheetByName(draftName(name)) || !ss.getSheetByName(name));
  const drafts = pending.map((name) => requireDraft(ss, name));
  pending.forEach((name, i) => {
    const old = ss.getSheetByName(name);
    const position = old ? old.getIndex() : null;
    if (old) ss.deleteSheet(old);
    drafts[i].setName(name);
    if (position !== null) {
      ss.setActiveSheet(drafts[i]);
      ss.moveActiveSheet(position);
    }
  });
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
  for (const spec of specs) {
    startDraft(ss, spec.name, []);
    const draft = requireDraft(ss, spec.name);
    writeSheetContent(draft, spec);
    if (editors) for (const p of spec.protections ?? []) applyProtection(draft, p, editors);
  }
  swapDrafts(
    ss,
    specs.map((s) => s.name),
  );
}
