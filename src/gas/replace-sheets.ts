import { SheetSpec } from '../domain/sheet-spec';
import { writeSheetContent } from './render-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DRAFT_SUFFIX = ' (đang ghi)';

/**
 * Replaces whole sheets of the master as one step, as far as Sheets allows: every new sheet is
 * first written in full under a draft name, and only when all are written are the old ones
 * deleted and the drafts renamed. A run that dies while writing leaves the previous sheets as
 * they were (and a draft that the next run deletes first).
 */
export function replaceSheets(ss: Spreadsheet, specs: readonly SheetSpec[]): void {
  const drafts = specs.map((spec) => {
    const leftover = ss.getSheetByName(spec.name + DRAFT_SUFFIX);
    if (leftover) ss.deleteSheet(leftover);
    const draft = ss.insertSheet(spec.name + DRAFT_SUFFIX, ss.getSheets().length);
    writeSheetContent(draft, spec);
    return draft;
  });
  specs.forEach((spec, i) => {
    const old = ss.getSheetByName(spec.name);
    const position = old ? old.getIndex() : null;
    if (old) ss.deleteSheet(old);
    drafts[i].setName(spec.name);
    if (position !== null) {
      ss.setActiveSheet(drafts[i]);
      ss.moveActiveSheet(position);
    }
  });
}
