import { restrictEditors } from './render-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Every protection of a unit file made editable by exactly the admins (and the owner): the
 * template's office-only areas and the submission locks alike are the office's, so an admin added
 * later may write the office's columns and lock a submission like the first one. A protection
 * already right costs one read.
 */
export function alignProtectionEditors(ss: Spreadsheet, editors: readonly string[]): number {
  const want = new Set(editors.map((e) => e.toLowerCase()));
  let changed = 0;
  const protections = [
    ...ss.getProtections(SpreadsheetApp.ProtectionType.SHEET),
    ...ss.getProtections(SpreadsheetApp.ProtectionType.RANGE),
  ];
  for (const p of protections) {
    if (p.isWarningOnly()) continue;
    const has = new Set(p.getEditors().map((u) => u.getEmail().toLowerCase()));
    if ([...want].every((e) => has.has(e))) continue;
    restrictEditors(p, editors);
    changed++;
  }
  return changed;
}
