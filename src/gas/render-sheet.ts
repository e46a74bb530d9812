import { effectiveUserEmail } from './session';
import {
  Area,
  ProtectionSpec,
  rectangular,
  SheetSpec,
  StyleSpec,
  ValidationSpec,
} from '../domain/sheet-spec';
import { literalGrid } from '../domain/sheet-text';
import { protectionKey, wantedRangeProtections } from '../domain/protection-keys';
import { notesGrid } from '../domain/notes-grid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

function rangeOf(sheet: Sheet, a: Area): Range {
  return sheet.getRange(a.row, a.column, a.numRows, a.numColumns);
}

/** Grows the sheet so the spec fits (a new sheet has 1000 × 26 cells). */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

export function specWidth(spec: SheetSpec): number {
  const areas = [
    ...(spec.styles ?? []).map((s) => s.area),
    ...(spec.protections ?? []).flatMap((p) => (p.area ? [p.area] : [])),
  ];
  return Math.max(
    spec.values[0]?.length ?? 1,
    spec.columnWidths.length,
    ...areas.map((a) => a.column + a.numColumns - 1),
  );
}

export function specHeight(spec: SheetSpec): number {
  const areas = [
    ...(spec.styles ?? []).map((s) => s.area),
    ...(spec.validations ?? []).map((v) => v.area),
    ...(spec.protections ?? []).flatMap((p) => (p.area ? [p.area] : [])),
  ];
  return Math.max(spec.values.length, spec.minRows ?? 0, ...areas.map((a) => a.row + a.numRows - 1));
}

/** Values (always as literal text), widths, frozen rows, styles, merges and notes. */
export function writeSheetContent(sheet: Sheet, spec: SheetSpec): void {
  ensureSize(sheet, specHeight(spec), specWidth(spec));
  const values = rectangular(spec.values);
  if (values.length > 0) sheet.getRange(1, 1, values.length, values[0].length).setValues(literalGrid(values));
  applyFormatting(sheet, spec);
}

/** Everything of a spec but its values: for a sheet whose rows were written in steps. */
export function applyFormatting(sheet: Sheet, spec: SheetSpec): void {
  ensureSize(sheet, specHeight(spec), specWidth(spec));
  spec.columnWidths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  if (spec.frozenRows) sheet.setFrozenRows(spec.frozenRows);
  for (const style of spec.styles ?? []) applyStyle(rangeOf(sheet, style.area), style);
  for (const merge of spec.merges ?? []) rangeOf(sheet, merge).merge();
  if (spec.notes && spec.notes.length > 0) writeNotes(sheet, spec.notes);
  if (spec.hidden) sheet.hideSheet();
}

function applyStyle(range: Range, style: StyleSpec): void {
  if (style.bold !== undefined) range.setFontWeight(style.bold ? 'bold' : 'normal');
  if (style.italic !== undefined) range.setFontStyle(style.italic ? 'italic' : 'normal');
  if (style.fontSize !== undefined) range.setFontSize(style.fontSize);
  if (style.background !== undefined) range.setBackground(style.background);
  if (style.color !== undefined) range.setFontColor(style.color);
  if (style.align !== undefined) range.setHorizontalAlignment(style.align);
  if (style.wrap !== undefined) range.setWrap(style.wrap);
  if (style.numberFormat !== undefined) range.setNumberFormat(style.numberFormat);
}

/** Notes go in with one setNotes over the rectangle that holds them all. */
function writeNotes(sheet: Sheet, notes: NonNullable<SheetSpec['notes']>): void {
  const { top, left, grid } = notesGrid(notes);
  sheet.getRange(top, left, grid.length, grid[0].length).setNotes(grid);
}

export function buildValidation(
  ss: Spreadsheet,
  spec: ValidationSpec,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  const rule = spec.rule;
  switch (rule.kind) {
    case 'list':
      builder.requireValueInList([...rule.values], true);
      break;
    case 'range':
      builder.requireValueInRange(ss.getRange(rule.a1), true);
      break;
    case 'formula':
      builder.requireFormulaSatisfied(rule.formula);
      break;
    case 'email':
      builder.requireTextIsEmail();
      break;
  }
  return builder.setAllowInvalid(spec.allowInvalid).setHelpText(spec.helpText).build();
}

export function applyValidations(
  ss: Spreadsheet,
  sheet: Sheet,
  validations: readonly ValidationSpec[],
): void {
  for (const v of validations) rangeOf(sheet, v.area).setDataValidation(buildValidation(ss, v));
}

/**
 * Protects as the spec says, editable only by `editors` (the office's admins) and the owner.
 * A new protection mirrors the spreadsheet's editors until its list is changed, so the list is
 * always reset explicitly (Protection reference, "protect()"; Google's own sample does the same).
 */
export function applyProtection(sheet: Sheet, spec: ProtectionSpec, editors: readonly string[]): void {
  const protection = (spec.area ? rangeOf(sheet, spec.area).protect() : sheet.protect()).setDescription(
    spec.description,
  );
  if (spec.warningOnly) {
    protection.setWarningOnly(true);
    return;
  }
  if (spec.unprotected && spec.unprotected.length > 0) {
    protection.setUnprotectedRanges(spec.unprotected.map((a) => rangeOf(sheet, a)));
  }
  restrictEditors(protection, editors);
}

/**
 * Makes `editors` (and the owner) the protection's editors, in the order of Google's sample
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection): the person the
 * script runs as is added first — "Otherwise, if the user's edit permission comes from a group,
 * the script throws an exception upon removing the group." They stay an editor: the current
 * user can never be removed anyway ("Neither the owner of the spreadsheet nor the current user
 * can be removed").
 */
export function restrictEditors(
  protection: GoogleAppsScript.Spreadsheet.Protection,
  editors: readonly string[],
): void {
  const me = effectiveUserEmail();
  if (me) protection.addEditor(me);
  const keep = new Set([...editors, me].map((e) => e.toLowerCase()));
  const others = protection
    .getEditors()
    .map((u) => u.getEmail())
    .filter((e) => !keep.has(e.toLowerCase()));
  if (others.length > 0) protection.removeEditors(others);
  if (editors.length > 0) protection.addEditors([...editors]);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/**
 * Renders sheets into a spreadsheet in three passes — content, then validations (a rule may read
 * a list from a sheet made later), then protections — so each pass finds what it needs.
 * `firstSheet` (a new file's default sheet) is reused for the first spec instead of left empty.
 */
export function renderWorkbook(
  ss: Spreadsheet,
  specs: readonly SheetSpec[],
  editors: readonly string[],
  firstSheet?: Sheet,
): Sheet[] {
  const sheets = specs.map((spec, i) => {
    if (i === 0 && firstSheet) {
      firstSheet.setName(spec.name);
      return firstSheet;
    }
    return ss.insertSheet(spec.name, i);
  });
  specs.forEach((spec, i) => writeSheetContent(sheets[i], spec));
  specs.forEach((spec, i) => applyValidations(ss, sheets[i], spec.validations ?? []));
  specs.forEach((spec, i) => (spec.protections ?? []).forEach((p) => applyProtection(sheets[i], p, editors)));
  return sheets;
}

/**
 * Makes a sheet's range protections exactly `wanted`: protections whose range and description
 * already match are kept, the others removed, the missing ones added. Sheet-level protections,
 * and range protections whose description starts with `keepPrefix` (a submitted round's lock),
 * are left alone.
 */
export function syncRangeProtections(
  sheet: Sheet,
  wanted: readonly ProtectionSpec[],
  editors: readonly string[],
  keepPrefix = '',
): void {
  const wantedKeys = wantedRangeProtections(wanted);
  for (const existing of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = existing.getDescription();
    if (keepPrefix && description.indexOf(keepPrefix) === 0) continue; // not the template's own
    const k = protectionKey(existing.getRange().getA1Notation(), description);
    if (wantedKeys.has(k)) wantedKeys.delete(k);
    else existing.remove();
  }
  for (const p of wantedKeys.values()) applyProtection(sheet, p, editors);
}

/**
 * A new spreadsheet in `folder`, rendered from the specs (the new file's default sheet becomes
 * the first): its id and each sheet's gid by name — copies keep the gids, which CSV exports need.
 */
export function createRenderedSpreadsheet(
  name: string,
  specs: readonly SheetSpec[],
  editors: readonly string[],
  folder: GoogleAppsScript.Drive.Folder,
): { id: string; sheetIds: Record<string, number> } {
  const ss = SpreadsheetApp.create(name);
  const sheets = renderWorkbook(ss, specs, editors, ss.getSheets()[0]);
  const id = ss.getId();
  DriveApp.getFileById(id).moveTo(folder);
  return { id, sheetIds: Object.fromEntries(specs.map((spec, i) => [spec.name, sheets[i].getSheetId()])) };
}

/**
 * The spreadsheet of that name a run stopped while building it (a fault between
 * SpreadsheetApp.create and the caller storing its id), rendered anew instead of a second one
 * made beside it: in `folder`, or still in My Drive's root where SpreadsheetApp.create puts a new
 * file. Its sheets are replaced by one blank sheet first, so nothing the stopped run wrote
 * (values, formats, rules, protections) is left. Null when there is none.
 */
export function rerenderLeftoverSpreadsheet(
  name: string,
  specs: readonly SheetSpec[],
  editors: readonly string[],
  folder: GoogleAppsScript.Drive.Folder,
): { id: string; sheetIds: Record<string, number> } | null {
  const inFolder = leftoverNamed(folder, name);
  const file = inFolder ?? leftoverNamed(DriveApp.getRootFolder(), name);
  if (!file) return null;
  const ss = SpreadsheetApp.openById(file.getId());
  const old = ss.getSheets();
  const blank = ss.insertSheet(); // a file keeps one sheet: the blank one before the others go
  for (const sheet of old) ss.deleteSheet(sheet);
  const sheets = renderWorkbook(ss, specs, editors, blank);
  if (!inFolder) file.moveTo(folder);
  return {
    id: file.getId(),
    sheetIds: Object.fromEntries(specs.map((spec, i) => [spec.name, sheets[i].getSheetId()])),
  };
}

/** MimeType.GOOGLE_SHEETS's value (https://developers.google.com/apps-script/reference/base/mime-type). */
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/** A live spreadsheet of that exact name directly in the folder, if any. */
function leftoverNamed(
  folder: GoogleAppsScript.Drive.Folder,
  name: string,
): GoogleAppsScript.Drive.File | null {
  const files = folder.getFilesByName(name);
  while (files.hasNext()) {
    const file = files.next();
    if (!file.isTrashed() && file.getMimeType() === SPREADSHEET_MIME) return file;
  }
  return null;
}
