/**
 * Spreadsheet: one Google Sheets file. Sharing goes through the shared DriveItem (editors and
 * viewers sets), so DriveApp and SpreadsheetApp see the same people.
 */
import { gasError } from '../../core/errors';
import { parseA1, splitSheetRef } from './a1';
import { Doc } from './doc';
import { ProtectionTypeEnum, enumName } from './enums';
import { localeInfo, normalizeLocale } from './locale';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, SheetModel } from './model';
import { assertCanEditSheet } from './permissions';
import { EmuProtection } from './protection';
import { EmuRange } from './range';
import { signatureError } from './range-checks';
import { EmuSheet } from './sheet';
import { EmuUser, asUsers, emailOf } from './users';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sh = GoogleAppsScript.Spreadsheet.Sheet;

type SpreadsheetKeys =
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'appendRow'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getDataRange'
  | 'getEditors'
  | 'getId'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getName'
  | 'getNumSheets'
  | 'getOwner'
  | 'getProtections'
  | 'getRange'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'getViewers'
  | 'insertSheet'
  | 'moveActiveSheet'
  | 'removeEditor'
  | 'removeViewer'
  | 'rename'
  | 'setActiveSheet'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

/** Sheets' message for a taken sheet name (Sheets API and Apps Script give the same text). */
export function duplicateNameMessage(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class EmuSpreadsheet implements Pick<SS, SpreadsheetKeys> {
  constructor(readonly doc: Doc) {}

  private charge(method: string, units = 0): void {
    this.doc.charge(`Spreadsheet.${method}`, units);
  }

  private self(): SS {
    return this as unknown as SS;
  }

  private wrap(sheet: SheetModel): Sh {
    return new EmuSheet(this.doc, sheet.id) as unknown as Sh;
  }

  private activeSheetModel(): SheetModel {
    const model = this.doc.model();
    return model.sheetById(model.activeSheetId) ?? model.sheets[0];
  }

  private activeSheet(): EmuSheet {
    return new EmuSheet(this.doc, this.activeSheetModel().id);
  }

  // ---- file ----------------------------------------------------------------------------------

  getId(): string {
    this.charge('getId');
    return this.doc.item('view').id;
  }

  getName(): string {
    this.charge('getName');
    return this.doc.item('view').name;
  }

  rename(newName: string): void {
    this.charge('rename');
    this.doc.item('edit').name = String(newName);
    this.doc.touched();
  }

  getUrl(): string {
    this.charge('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.doc.item('view').id}/edit`;
  }

  getSpreadsheetLocale(): string {
    this.charge('getSpreadsheetLocale');
    return this.doc.model().locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.charge('setSpreadsheetLocale');
    this.doc.edit().locale = normalizeLocale(String(locale));
    this.doc.touched();
  }

  getSpreadsheetTimeZone(): string {
    this.charge('getSpreadsheetTimeZone');
    return this.doc.model().timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.charge('setSpreadsheetTimeZone');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      // Guessed wording for an unknown zone.
      gasError(`Invalid argument: ${timezone}`);
    }
    this.doc.edit().timeZone = timezone;
    this.doc.touched();
  }

  /** Recorded by the UiRecorder; without a UI (a trigger) it is dropped silently, not an error. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.charge('toast');
    this.doc.ui.recordToast({
      spreadsheetId: this.doc.item('view').id,
      message: String(msg),
      title: title === undefined ? '' : String(title),
      // Spreadsheet.toast reference: 5 seconds by default; null or negative stays until closed.
      timeoutSeconds: timeoutSeconds === undefined ? 5 : timeoutSeconds,
    });
  }

  // ---- sharing -------------------------------------------------------------------------------

  getOwner(): GoogleAppsScript.Base.User | null {
    this.charge('getOwner');
    return new EmuUser(this.doc.item('view').owner, (k) =>
      this.doc.charge(k),
    ) as unknown as GoogleAppsScript.Base.User;
  }

  /** The owner and the editors (guess: Spreadsheet.getEditors lists the owner too). */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.charge('getEditors');
    const item = this.doc.item('view');
    return asUsers([item.owner, ...[...item.editors].filter((e) => !sameEmail(e, item.owner))], (k) =>
      this.doc.charge(k),
    );
  }

  getViewers(): GoogleAppsScript.Base.User[] {
    this.charge('getViewers');
    return asUsers([...this.doc.item('view').viewers], (k) => this.doc.charge(k));
  }

  private share(emails: string[], role: 'editor' | 'viewer'): void {
    const item = this.doc.item('edit');
    for (const e of emails) if (!EMAIL.test(e)) gasError(`Invalid email: ${e}`);
    for (const e of emails) {
      if (sameEmail(e, item.owner)) continue;
      const isEditor = [...item.editors].some((x) => sameEmail(x, e));
      if (role === 'editor') {
        for (const v of [...item.viewers]) if (sameEmail(v, e)) item.viewers.delete(v);
        if (!isEditor) item.editors.add(e);
      } else if (!isEditor && ![...item.viewers].some((x) => sameEmail(x, e))) {
        // Drive: making an editor a viewer through addViewer has no effect.
        item.viewers.add(e);
      }
    }
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): SS {
    this.charge('addEditor');
    this.share([emailOf(emailAddress)], 'editor');
    return this.self();
  }

  addEditors(emailAddresses: string[]): SS {
    this.charge('addEditors');
    this.share(emailAddresses.map(String), 'editor');
    return this.self();
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): SS {
    this.charge('removeEditor');
    const item = this.doc.item('edit');
    const email = emailOf(emailAddress);
    for (const e of [...item.editors]) if (sameEmail(e, email)) item.editors.delete(e);
    return this.self();
  }

  addViewer(emailAddress: string | GoogleAppsScript.Base.User): SS {
    this.charge('addViewer');
    this.share([emailOf(emailAddress)], 'viewer');
    return this.self();
  }

  addViewers(emailAddresses: string[]): SS {
    this.charge('addViewers');
    this.share(emailAddresses.map(String), 'viewer');
    return this.self();
  }

  removeViewer(emailAddress: string | GoogleAppsScript.Base.User): SS {
    this.charge('removeViewer');
    const item = this.doc.item('edit');
    const email = emailOf(emailAddress);
    for (const e of [...item.viewers]) if (sameEmail(e, email)) item.viewers.delete(e);
    return this.self();
  }

  // ---- sheets --------------------------------------------------------------------------------

  getSheets(): Sh[] {
    this.charge('getSheets');
    return this.doc.model().sheets.map((s) => this.wrap(s));
  }

  getNumSheets(): number {
    this.charge('getNumSheets');
    return this.doc.model().sheets.length;
  }

  /**
   * Null when no sheet has exactly that name. Names are unique regardless of case, but whether
   * the lookup ignores case is not documented: the emulator matches exactly (the stricter side).
   */
  getSheetByName(name: string): Sh | null {
    this.charge('getSheetByName');
    const sheet = this.doc.model().sheetByName(name);
    return sheet ? this.wrap(sheet) : null;
  }

  getSheetById(id: number): Sh | null {
    this.charge('getSheetById');
    const sheet = this.doc.model().sheetById(id);
    return sheet ? this.wrap(sheet) : null;
  }

  /**
   * insertSheet([sheetName][, sheetIndex][, {template}]): the new sheet goes at the 0-based
   * index (default last), becomes the active sheet, and is named like Sheets names it
   * ("Sheet2", "Trang tính2"…) when no name is given.
   */
  insertSheet(...args: unknown[]): Sh {
    this.charge('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    let template: EmuSheet | undefined;
    for (const a of args) {
      if (typeof a === 'string' && name === undefined && index === undefined) name = a;
      else if (typeof a === 'number' && index === undefined) index = a;
      else if (a && typeof a === 'object') template = (a as { template?: EmuSheet }).template;
      else if (a !== undefined) signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    const model = this.doc.edit();
    if (name !== undefined && name !== '' && model.nameTaken(name)) gasError(duplicateNameMessage(name));
    if (name === undefined || name === '') {
      const base = localeInfo(model.locale).sheetBaseName;
      let n = model.sheets.length + 1;
      while (model.nameTaken(`${base}${n}`)) n++;
      name = `${base}${n}`;
    }
    const at = index === undefined ? model.sheets.length : Math.max(0, Math.min(index, model.sheets.length));
    const source = template ? this.doc.sheet(template.sheetId) : undefined;
    const rows = source ? source.maxRows : DEFAULT_ROWS;
    const cols = source ? source.maxColumns : DEFAULT_COLUMNS;
    this.doc.checkCellLimit(model, rows * cols);
    const sheet = model.addSheet(name, rows, cols, at);
    if (source) copySheetContent(source, sheet);
    model.activeSheetId = sheet.id;
    this.doc.touched();
    return this.wrap(sheet);
  }

  /** A file keeps at least one sheet (message as Sheets gives it). */
  deleteSheet(sheet: Sh): void {
    this.charge('deleteSheet');
    const target = sheet as unknown as EmuSheet;
    const model = this.doc.edit();
    this.doc.sheet(target.sheetId);
    if (model.sheets.length <= 1) gasError("You can't remove all the sheets in a document.");
    assertCanEditSheet(model, this.doc.item('edit'), target.sheetId, this.doc.actor());
    model.sheets = model.sheets.filter((s) => s.id !== target.sheetId);
    model.protections = model.protections.filter((p) => p.sheetId !== target.sheetId);
    if (model.activeSheetId === target.sheetId) model.activeSheetId = model.sheets[0].id;
    this.doc.touched();
  }

  /**
   * Moves the active sheet to a 1-based position in the tab list (Spreadsheet.moveActiveSheet
   * reference: "pos — The 1-indexed position to move the active sheet to"). Out of range is
   * refused (stricter than guessing a clamp).
   */
  moveActiveSheet(pos: number): void {
    this.charge('moveActiveSheet');
    const model = this.doc.edit();
    if (!Number.isInteger(pos) || pos < 1 || pos > model.sheets.length) gasError('Invalid argument: pos'); // text guessed
    const active = this.activeSheetModel();
    model.sheets = model.sheets.filter((s) => s.id !== active.id);
    model.sheets.splice(pos - 1, 0, active);
    this.doc.touched();
  }

  getActiveSheet(): Sh {
    this.charge('getActiveSheet');
    return this.wrap(this.activeSheetModel());
  }

  setActiveSheet(sheet: Sh): Sh {
    this.charge('setActiveSheet');
    const target = sheet as unknown as EmuSheet;
    this.doc.sheet(target.sheetId);
    this.doc.model().activeSheetId = target.sheetId;
    return sheet;
  }

  /**
   * getRange("Sheet name!A1:B2"), or on the active sheet without a sheet name. An unknown sheet
   * or malformed notation gives "Range not found".
   */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    this.charge('getRange');
    const { sheetName, ref } = splitSheetRef(String(a1Notation));
    const sheet = sheetName === null ? this.activeSheetModel() : this.doc.model().sheetByName(sheetName);
    if (!sheet) gasError('Range not found');
    const r = parseA1(ref, sheet.maxRows, sheet.maxColumns);
    if (!r || r.row + r.numRows - 1 > sheet.maxRows || r.col + r.numCols - 1 > sheet.maxColumns) {
      gasError('Range not found');
    }
    return new EmuRange(
      this.doc,
      sheet.id,
      r.row,
      r.col,
      r.numRows,
      r.numCols,
    ) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    this.charge('getProtections');
    const name = enumName(type);
    if (name !== ProtectionTypeEnum.RANGE.name() && name !== ProtectionTypeEnum.SHEET.name()) {
      signatureError('SpreadsheetApp.Spreadsheet.getProtections', [type]);
    }
    return this.doc
      .model()
      .protections.filter((p) => p.type === name)
      .map((p) => new EmuProtection(this.doc, p.id) as unknown as GoogleAppsScript.Spreadsheet.Protection);
  }

  // ---- active-sheet shortcuts (Spreadsheet reference: they act on the active sheet) ---------

  getDataRange(): GoogleAppsScript.Spreadsheet.Range {
    this.charge('getDataRange');
    return this.activeSheet().dataRange();
  }

  getLastRow(): number {
    this.charge('getLastRow');
    return this.activeSheetModel().lastRow();
  }

  getLastColumn(): number {
    this.charge('getLastColumn');
    return this.activeSheetModel().lastColumn();
  }

  appendRow(rowContents: unknown[]): Sh {
    this.charge('appendRow', Array.isArray(rowContents) ? rowContents.length : 0);
    return this.activeSheet().append(rowContents);
  }
}

/** Make `target` a copy of `source`'s cells and layout (insertSheet with a template). */
function copySheetContent(source: SheetModel, target: SheetModel): void {
  const copy = source.clone();
  target.frozenRows = copy.frozenRows;
  target.frozenColumns = copy.frozenColumns;
  target.tabColor = copy.tabColor;
  for (const [k, v] of copy.columnWidths) target.columnWidths.set(k, v);
  for (const [k, v] of copy.rowHeights) target.rowHeights.set(k, v);
  target.merges = copy.merges;
  for (const { row, col, cell } of copy.cells()) target.update(row, col, (c) => Object.assign(c, cell));
}
