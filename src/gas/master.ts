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
import { applyProtection, applyValidations, restrictEditors, writeSheetContent } from './render-sheet';
import { findSheet } from './replace-sheets';
import { readGrid } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The office's master spreadsheet (the one the script is bound to). */
export class MasterWorkbook {
  private readonly sheets = new Map<string, Sheet | null>();
  private zone: string | null = null;

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
   * Every (non warning-only) protection of the master editable by exactly `editors` and the
   * owner: run by setup, so an admin added to the settings can work on the protected sheets.
   */
  syncProtectionEditors(editors: readonly string[]): number {
    let synced = 0;
    for (const sheet of this.ss.getSheets()) {
      const protections = [
        ...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
        ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
      ];
      for (const p of protections) {
        if (p.isWarningOnly()) continue;
        restrictEditors(p, editors);
        synced++;
      }
    }
    return synced;
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

  /** Writes script-owned cells of one registry row, starting at `column`. */
  writeRegistryCells(row: number, column: number, values: readonly SpecValue[]): void {
    this.requireSheet(REGISTRY_SHEET)
      .getRange(row, column, 1, values.length)
      .setValues(literalGrid([values]));
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
    if (!this.sheet(LOG_SHEET)) return; // before setup there is nowhere to log; the person still sees the alert
    this.appendRow(LOG_SHEET, [
      ...values,
      ...Array<SpecValue>(Math.max(0, LOG_HEADERS.length - values.length)).fill(''),
    ]);
  }

  /** Writes the row whose first cell equals values[0], or appends it (a sheet of one row per key). */
  upsertRow(name: string, values: readonly SpecValue[]): void {
    const sheet = this.requireSheet(name);
    const last = sheet.getLastRow();
    const keys =
      last > 0
        ? sheet
            .getRange(1, 1, last, 1)
            .getValues()
            .map((r) => String(r[0]))
        : [];
    const row = keys.indexOf(String(values[0])) + 1 || last + 1;
    sheet.getRange(row, 1, 1, values.length).setValues(literalGrid([values]));
  }

  /** Appends one row of literal values below the sheet's last row (two calls); returns its row. */
  appendRow(name: string, values: readonly SpecValue[]): number {
    const sheet = this.requireSheet(name);
    const row = sheet.getLastRow() + 1;
    sheet.getRange(row, 1, 1, values.length).setValues(literalGrid([values]));
    return row;
  }

  /** Writes literal values into one row of a sheet from `column` on (one call). */
  writeCells(name: string, row: number, column: number, values: readonly SpecValue[]): void {
    this.requireSheet(name)
      .getRange(row, column, 1, values.length)
      .setValues(literalGrid([values]));
  }
}
