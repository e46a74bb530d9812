import { CellValue } from '../domain/cell';
import { ConfigRow } from '../domain/config/parse-config';
import {
  CONFIG_HEADER_ROW,
  CONFIG_KEY_COLUMN,
  CONFIG_VALUE_COLUMN,
  LOG_HEADERS,
  LOG_SHEET,
} from '../domain/master/layout';
import { REGISTRY_COLUMNS, REGISTRY_HEADER_ROW, REGISTRY_SHEET } from '../domain/registry/columns';
import { SheetSpec, SpecValue } from '../domain/sheet-spec';
import { literalGrid } from '../domain/sheet-text';
import { CONFIG_SHEET } from '../domain/config/parse-config';
import {
  applyFormatting,
  applyProtection,
  applyValidations,
  ensureSize,
  restrictEditors,
  writeSheetContent,
} from './render-sheet';
import { areaA1 } from '../domain/plan/columns';
import { Area, ProtectionSpec } from '../domain/sheet-spec';
import { findSheet } from './replace-sheets';
import { readGrid } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function protectionsOf(sheet: Sheet): GoogleAppsScript.Spreadsheet.Protection[] {
  return [
    ...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
    ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
  ];
}

function rangeA1(a: Area): string {
  return areaA1(a.row, a.column, a.numRows, a.numColumns);
}

/** The office's master spreadsheet (the one the script is bound to). */
export class MasterWorkbook {
  private readonly sheets = new Map<string, Sheet | null>();
  private zone: string | null = null;
  /** Rows upsertRow wrote in this run, by sheet and key. */
  private readonly upserted = new Map<string, number>();

  constructor(readonly ss: Spreadsheet) {}

  static active(): MasterWorkbook {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (!ss) throw new Error('Không tìm thấy bảng tính tổng hợp: hãy chạy từ menu của bảng tính.');
    return new MasterWorkbook(ss);
  }

  id(): string {
    return this.ss.getId();
  }

  /** The master's time zone, read once per run. */
  timeZone(): string {
    if (this.zone === null) this.zone = this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  /**
   * The sheet by name, looked up once per run — or the complete new version a replacement left
   * when it died between deleting the old sheet and renaming the new one (see replace-sheets).
   */
  sheet(name: string): Sheet | null {
    if (!this.sheets.has(name)) this.sheets.set(name, findSheet(this.ss, name));
    return this.sheets.get(name) ?? null;
  }

  /**
   * Creates the sheet from its spec unless it exists; never touches an existing one. It is built
   * under a scratch name and renamed last, so a run that dies midway never leaves a sheet without
   * its header (a log whose first row is taken for the header loses that row's record).
   */
  ensureSheet(spec: SheetSpec, editors: readonly string[]): boolean {
    if (this.sheet(spec.name)) return false;
    const scratchName = `${spec.name} (đang tạo)`;
    const leftover = this.ss.getSheetByName(scratchName);
    if (leftover) this.ss.deleteSheet(leftover);
    const sheet = this.ss.insertSheet(scratchName, this.ss.getSheets().length);
    writeSheetContent(sheet, spec);
    applyValidations(this.ss, sheet, spec.validations ?? []);
    for (const p of spec.protections ?? []) applyProtection(sheet, p, editors);
    sheet.setName(spec.name);
    this.sheets.set(spec.name, sheet);
    return true;
  }

  /**
   * Setup's version of ensureSheet, safe after a run that died at any call: creates the sheet if
   * missing, writes its values only while it is still empty (nothing the office typed is ever
   * overwritten) and, unless every protection of the spec is already there (they are applied
   * last, so then the sheet was finished), re-applies formatting, validations and the missing
   * protections — dropping the description-less protection a run that died between protect()
   * and setDescription() left on one of the spec's ranges. Returns what it did.
   */
  completeSheet(spec: SheetSpec, editors: readonly string[]): 'created' | 'completed' | 'present' {
    const existing = this.sheet(spec.name);
    const sheet = existing ?? this.ss.insertSheet(spec.name, this.ss.getSheets().length);
    this.sheets.set(spec.name, sheet);
    const wanted = spec.protections ?? [];
    const protections = existing ? protectionsOf(sheet) : [];
    const described = (p: ProtectionSpec) => protections.filter((q) => q.getDescription() === p.description);
    const missing = wanted.filter((p) => described(p).length === 0);
    // A run that died between protect() and setWarningOnly() left a real protection.
    const stale = wanted
      .filter((p) => p.warningOnly)
      .flatMap((p) => described(p).filter((q) => !q.isWarningOnly()));
    const empty = !existing || sheet.getLastRow() === 0;
    if (existing && !empty && missing.length === 0 && stale.length === 0) return 'present';
    for (const q of stale) q.setWarningOnly(true);
    if (empty) writeSheetContent(sheet, spec);
    else applyFormatting(sheet, spec);
    applyValidations(this.ss, sheet, spec.validations ?? []);
    const areas = new Set(wanted.map((p) => (p.area ? rangeA1(p.area) : '')));
    for (const q of protections) {
      if (q.getDescription() !== '') continue;
      const a1 =
        q.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET ? '' : q.getRange().getA1Notation();
      if (areas.has(a1)) q.remove();
    }
    for (const p of missing) applyProtection(sheet, p, editors);
    return existing ? 'completed' : 'created';
  }

  /**
   * Every (non warning-only) protection of the master editable by exactly `editors` and the
   * owner: run by setup, so an admin added to the settings can work on the protected sheets.
   * Sheets named in `skip` (just made by this run) are left out; warning-only protections whose
   * description is in `harden` are made real.
   */
  syncProtectionEditors(
    editors: readonly string[],
    skip: readonly string[] = [],
    harden: readonly string[] = [],
  ): number {
    let synced = 0;
    for (const sheet of this.ss.getSheets()) {
      if (skip.includes(sheet.getName())) continue;
      for (const p of protectionsOf(sheet)) {
        if (p.isWarningOnly()) {
          // An older version made these warn only: they become real (admins only).
          if (!harden.includes(p.getDescription())) continue;
          p.setWarningOnly(false);
        }
        restrictEditors(p, editors);
        synced++;
      }
    }
    return synced;
  }

  /** The master's owner and its editors (the owner among them), lower-cased: two reads. */
  sharing(): { owner: string; editors: string[] } {
    const owner = (this.ss.getOwner()?.getEmail() ?? '').toLowerCase();
    const editors = this.ss.getEditors().map((u) => u.getEmail().toLowerCase());
    return { owner, editors };
  }

  /**
   * Takes edit access away, keeping read access: removeEditor first, since adding a viewer who is
   * an editor changes nothing (Spreadsheet reference, addViewer: "If the user is already on the
   * list of editors, this method has no effect").
   */
  makeViewer(email: string): void {
    this.ss.removeEditor(email);
    this.ss.addViewer(email);
  }

  private requireSheet(name: string): Sheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`Bảng tính tổng hợp chưa có trang "${name}". Hãy chạy "Thiết lập ban đầu".`);
    return sheet;
  }

  readConfigRows(): ConfigRow[] {
    const sheet = this.requireSheet(CONFIG_SHEET);
    const last = sheet.getLastRow();
    if (last <= CONFIG_HEADER_ROW) return [];
    const grid = readGrid(
      sheet.getRange(CONFIG_HEADER_ROW + 1, 1, last - CONFIG_HEADER_ROW, CONFIG_VALUE_COLUMN),
      this.timeZone(),
    );
    return grid.map((r, i) => ({
      key: String(r[CONFIG_KEY_COLUMN - 1]),
      value: r[CONFIG_VALUE_COLUMN - 1],
      row: CONFIG_HEADER_ROW + 1 + i,
    }));
  }

  /** Writes one setting's value (used only to fill a setting the script created, e.g. a folder id). */
  writeConfigValue(key: string, value: SpecValue): void {
    const row = this.readConfigRows().find((r) => r.key === key);
    if (!row) throw new Error(`Trang Cấu hình thiếu mục "${key}". Hãy chạy "Thiết lập ban đầu".`);
    this.requireSheet(CONFIG_SHEET)
      .getRange(row.row, CONFIG_VALUE_COLUMN)
      .setValues(literalGrid([[value]]));
  }

  /** Appends setting rows (for keys a newer version added) below the existing ones. */
  appendConfigRows(rows: readonly (readonly SpecValue[])[]): void {
    if (rows.length === 0) return;
    const sheet = this.requireSheet(CONFIG_SHEET);
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(literalGrid(rows));
  }

  /** The registry's rows below its header, every column, as domain values. */
  readRegistry(): CellValue[][] {
    const sheet = this.requireSheet(REGISTRY_SHEET);
    const last = sheet.getLastRow();
    if (last <= REGISTRY_HEADER_ROW) return [];
    return readGrid(
      sheet.getRange(REGISTRY_HEADER_ROW + 1, 1, last - REGISTRY_HEADER_ROW, REGISTRY_COLUMNS.length),
      this.timeZone(),
    );
  }

  /** The last `count` rows of a sheet (below row 1), as domain values; [] when it is missing. */
  readLastRows(name: string, count: number): CellValue[][] {
    const sheet = this.sheet(name);
    if (!sheet) return [];
    const last = sheet.getLastRow();
    const first = Math.max(2, last - count + 1);
    if (last < first) return [];
    return readGrid(sheet.getRange(first, 1, last - first + 1, sheet.getLastColumn()), this.timeZone());
  }

  /** Writes script-owned cells of one registry row, starting at `column`. */
  writeRegistryCells(row: number, column: number, values: readonly SpecValue[]): void {
    this.requireSheet(REGISTRY_SHEET)
      .getRange(row, column, 1, values.length)
      .setValues(literalGrid([values]));
  }

  /** Writes a block of literal values into an existing sheet, top-left at (row, column). */
  writeBlock(name: string, row: number, column: number, values: readonly (readonly SpecValue[])[]): void {
    if (values.length === 0) return;
    this.requireSheet(name)
      .getRange(row, column, values.length, values[0].length)
      .setValues(literalGrid(values));
  }

  /** One row's values, `width` columns from column 1. */
  readRow(name: string, row: number, width: number): CellValue[] {
    return readGrid(this.requireSheet(name).getRange(row, 1, 1, width), this.timeZone())[0] ?? [];
  }

  /** Applies a spec's validations to its existing sheet (setup, after the kinds changed). */
  applySpecValidations(spec: SheetSpec): void {
    applyValidations(this.ss, this.requireSheet(spec.name), spec.validations ?? []);
  }

  /** Every value of a sheet (its data range), or [] when the sheet does not exist. */
  readSheet(name: string): CellValue[][] {
    const sheet = this.sheet(name);
    if (!sheet || sheet.getLastRow() === 0) return [];
    return readGrid(sheet.getDataRange(), this.timeZone());
  }

  /** Writes one script-owned registry column for every unit row at once. */
  writeRegistryColumn(column: number, byRow: ReadonlyMap<number, SpecValue>): void {
    const sheet = this.requireSheet(REGISTRY_SHEET);
    const last = sheet.getLastRow();
    if (last <= REGISTRY_HEADER_ROW) return;
    const values = Array.from({ length: last - REGISTRY_HEADER_ROW }, (_, i) => [
      byRow.get(REGISTRY_HEADER_ROW + 1 + i) ?? '',
    ]);
    sheet.getRange(REGISTRY_HEADER_ROW + 1, column, values.length, 1).setValues(literalGrid(values));
  }

  appendLog(values: readonly SpecValue[]): void {
    const sheet = this.sheet(LOG_SHEET);
    if (!sheet) return; // before setup there is nowhere to log; the person still sees the alert
    const width = Math.max(LOG_HEADERS.length, values.length);
    const row = [...values, ...Array<SpecValue>(width - values.length).fill('')];
    const last = sheet.getLastRow();
    // A setup that died right after creating the sheet left it without its header: header first.
    const rows =
      last === 0 ? [[...LOG_HEADERS, ...Array<SpecValue>(width - LOG_HEADERS.length).fill('')], row] : [row];
    ensureSize(sheet, last + rows.length, width);
    sheet.getRange(last + 1, 1, rows.length, width).setValues(literalGrid(rows));
  }

  /**
   * Writes the row whose first cell equals values[0], or appends it (a sheet of one row per key).
   * The row found is remembered for this run: a job shows its progress several times an execution,
   * and each lookup was a read (and a commit of the writes before it).
   */
  upsertRow(name: string, values: readonly SpecValue[]): void {
    const sheet = this.requireSheet(name);
    const key = `${name}\u0000${String(values[0])}`;
    let row = this.upserted.get(key);
    if (row === undefined) {
      const last = sheet.getLastRow();
      const keys =
        last > 0
          ? sheet
              .getRange(1, 1, last, 1)
              .getValues()
              .map((r) => String(r[0]))
          : [];
      row = keys.indexOf(String(values[0])) + 1 || last + 1;
    }
    sheet.getRange(row, 1, 1, values.length).setValues(literalGrid([values]));
    this.upserted.set(key, row);
  }

  /** Appends one row of literal values below the sheet's last row (two calls); returns its row. */
  appendRow(name: string, values: readonly SpecValue[]): number {
    const sheet = this.requireSheet(name);
    const row = sheet.getLastRow() + 1;
    ensureSize(sheet, row, values.length);
    sheet.getRange(row, 1, 1, values.length).setValues(literalGrid([values]));
    return row;
  }

  /** Appends rows of literal values below the last row (one call); returns the first row written. */
  appendRows(name: string, rows: readonly (readonly SpecValue[])[]): number {
    const sheet = this.requireSheet(name);
    const row = sheet.getLastRow() + 1;
    if (rows.length === 0) return row;
    // A sheet has a fixed number of rows (1,000 when made): writing below them is refused ("The
    // coordinates of the range are outside the dimensions of the sheet"), so it grows first — the
    // mail log of a deadline day at 1,000 units passes 1,000 rows.
    ensureSize(sheet, row + rows.length - 1, rows[0].length);
    sheet.getRange(row, 1, rows.length, rows[0].length).setValues(literalGrid(rows));
    return row;
  }

  /** Writes literal values into one row of a sheet from `column` on (one call). */
  writeCells(name: string, row: number, column: number, values: readonly SpecValue[]): void {
    this.requireSheet(name)
      .getRange(row, column, 1, values.length)
      .setValues(literalGrid([values]));
  }
}
