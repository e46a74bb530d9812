/**
 * Sheet: one tab of a spreadsheet. Structure changes (rows, columns, names, freezing, sizes) are
 * blocked by a sheet protection the user may not edit; deleting rows or columns also by range
 * protections on them. Growing the grid is refused past Google's 10,000,000-cell limit.
 */
import { gasError } from '../../core/errors';
import { GridRange, parseA1, splitSheetRef } from './a1';
import * as charts from './charts';
import { normalizeColor } from './colors';
import * as conditional from './conditional-format';
import { Doc } from './doc';
import { ProtectionTypeEnum, SheetTypeEnum, enumName } from './enums';
import { SheetModel } from './model';
import { assertCanEditCells } from './permissions';
import { EmuProtection } from './protection';
import { EmuRange } from './range';
import { checkGrid, signatureError } from './range-checks';
import { writeCells } from './range-write';
import { EmuSpreadsheet, duplicateNameMessage } from './spreadsheet';

type S = GoogleAppsScript.Spreadsheet.Sheet;
type R = GoogleAppsScript.Spreadsheet.Range;

type SheetKeys =
  | 'activate'
  | 'appendRow'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRowHeight'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'getType'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setRowHeight'
  | 'setRowHeights'
  | 'setTabColor'
  | 'showSheet'
  | 'updateChart';

/** Messages Sheets gives for bad row/column positions (observed in the Sheets UI and scripts). */
const ROWS_OUT_OF_BOUNDS = 'Those rows are out of bounds.';
const COLUMNS_OUT_OF_BOUNDS = 'Those columns are out of bounds.';
const DELETE_ALL_ROWS = 'Sorry, it is not possible to delete all non-frozen rows.';
const DELETE_ALL_COLUMNS = 'Sorry, it is not possible to delete all non-frozen columns.';

export class EmuSheet implements Pick<S, SheetKeys> {
  constructor(
    readonly doc: Doc,
    readonly sheetId: number,
  ) {}

  private charge(method: string, units = 0): void {
    this.doc.charge(`Sheet.${method}`, units);
  }

  private self(): S {
    return this as unknown as S;
  }

  private sheet(): SheetModel {
    return this.doc.sheet(this.sheetId);
  }

  private range(r: GridRange): R {
    return new EmuRange(this.doc, this.sheetId, r.row, r.col, r.numRows, r.numCols) as unknown as R;
  }

  // ---- identity ------------------------------------------------------------------------------

  getName(): string {
    this.charge('getName');
    return this.sheet().name;
  }

  getSheetName(): string {
    this.charge('getSheetName');
    return this.sheet().name;
  }

  setName(name: string): S {
    this.charge('setName');
    const { model, sheet } = this.doc.editSheet(this.sheetId);
    if (model.nameTaken(name, this.sheetId)) gasError(duplicateNameMessage(name));
    sheet.name = String(name);
    this.doc.touched();
    return this.self();
  }

  getSheetId(): number {
    this.charge('getSheetId');
    return this.sheet().id;
  }

  getIndex(): number {
    this.charge('getIndex');
    this.sheet();
    return this.doc.model().sheets.findIndex((s) => s.id === this.sheetId) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.charge('getParent');
    return new EmuSpreadsheet(this.doc) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    this.charge('getType');
    return SheetTypeEnum.GRID as unknown as GoogleAppsScript.Spreadsheet.SheetType;
  }

  activate(): S {
    this.charge('activate');
    this.sheet();
    this.doc.model().activeSheetId = this.sheetId;
    return this.self();
  }

  // ---- ranges --------------------------------------------------------------------------------

  /**
   * getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). A1 notation that is
   * malformed, names another sheet or falls outside the grid gives "Range not found" (guess for
   * the last two: the stricter reading).
   */
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): R {
    this.charge('getRange');
    const sheet = this.sheet();
    if (typeof a === 'string' && column === undefined) {
      const { sheetName, ref } = splitSheetRef(a);
      if (sheetName !== null && sheetName !== sheet.name) gasError('Range not found');
      const r = parseA1(ref, sheet.maxRows, sheet.maxColumns);
      if (!r || r.row + r.numRows - 1 > sheet.maxRows || r.col + r.numCols - 1 > sheet.maxColumns) {
        gasError('Range not found');
      }
      return this.range(r);
    }
    const args = [a, column, numRows, numColumns].slice(0, arguments.length);
    if (args.length < 2 || args.some((x) => typeof x !== 'number' || Number.isNaN(x))) {
      signatureError('SpreadsheetApp.Sheet.getRange', args);
    }
    const r: GridRange = {
      row: Math.trunc(a as number),
      col: Math.trunc(column as number),
      numRows: numRows === undefined ? 1 : Math.trunc(numRows),
      numCols: numColumns === undefined ? 1 : Math.trunc(numColumns),
    };
    checkGrid(sheet, r);
    return this.range(r);
  }

  getDataRange(): R {
    this.charge('getDataRange');
    return this.dataRange();
  }

  /** getDataRange without the charge (for Spreadsheet's active-sheet shortcut). */
  dataRange(): R {
    const sheet = this.sheet();
    return this.range({
      row: 1,
      col: 1,
      numRows: Math.max(sheet.lastRow(), 1),
      numCols: Math.max(sheet.lastColumn(), 1),
    });
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    this.charge('getSheetValues');
    const sheet = this.sheet();
    const r: GridRange = {
      row: startRow,
      col: startColumn,
      numRows: numRows === -1 ? sheet.lastRow() - startRow + 1 : numRows,
      numCols: numColumns === -1 ? sheet.lastColumn() - startColumn + 1 : numColumns,
    };
    checkGrid(sheet, r);
    return (this.range(r) as unknown as EmuRange).getValues();
  }

  getLastRow(): number {
    this.charge('getLastRow');
    return this.sheet().lastRow();
  }

  getLastColumn(): number {
    this.charge('getLastColumn');
    return this.sheet().lastColumn();
  }

  getMaxRows(): number {
    this.charge('getMaxRows');
    return this.sheet().maxRows;
  }

  getMaxColumns(): number {
    this.charge('getMaxColumns');
    return this.sheet().maxColumns;
  }

  // ---- content -------------------------------------------------------------------------------

  /**
   * Sheet.appendRow: the values go to the row after the last row with content, parsed as typed;
   * the grid grows when that row (or the row's width) is beyond it.
   */
  appendRow(rowContents: unknown[]): S {
    this.charge('appendRow', Array.isArray(rowContents) ? rowContents.length : 0);
    return this.append(rowContents);
  }

  /** appendRow without the charge (for Spreadsheet's active-sheet shortcut). */
  append(rowContents: unknown[]): S {
    if (!Array.isArray(rowContents)) signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const current = this.sheet();
    const row = current.lastRow() + 1;
    const width = Math.max(rowContents.length, 1);
    const extraRows = Math.max(0, row - current.maxRows);
    const extraCols = Math.max(0, width - current.maxColumns);
    const target: GridRange = { row, col: 1, numRows: 1, numCols: width };
    // Growing the grid is a structural change; writing inside it is a cell edit.
    const { model, sheet } =
      extraRows + extraCols > 0 ? this.doc.editSheet(this.sheetId) : this.doc.editCells(this.sheetId, target);
    this.doc.checkCellLimit(model, extraRows * (sheet.maxColumns + extraCols) + extraCols * sheet.maxRows);
    if (extraRows > 0) {
      sheet.insertRows(sheet.maxRows + 1, extraRows);
      model.shiftProtections(this.sheetId, 'rows', sheet.maxRows + 1, extraRows);
    }
    if (extraCols > 0) sheet.insertColumns(sheet.maxColumns + 1, extraCols);
    writeCells(this.doc, sheet, model.timeZone, target, (_i, j) => rowContents[j]);
    this.doc.touched();
    return this.self();
  }

  private clearAll(what: {
    contents?: boolean;
    formats?: boolean;
    notes?: boolean;
    validations?: boolean;
  }): void {
    const sheet = this.sheet();
    const all: GridRange = { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns };
    const { sheet: s } = this.doc.editCells(this.sheetId, all);
    for (const { row, col } of [...s.cells()]) {
      s.update(row, col, (c) => {
        if (what.contents) {
          delete c.value;
          delete c.formula;
        }
        if (what.formats) delete c.format;
        if (what.notes) delete c.note;
        if (what.validations) delete c.validation;
      });
    }
    this.doc.touched();
  }

  /**
   * Sheet.clear(): contents and formats (and, as with Range.clear, notes and rules: guess). Charts
   * and conditional format rules stay: they belong to the sheet, not to its cells (see charts.ts,
   * conditional-format.ts).
   */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): S {
    this.charge('clear');
    const o = options ?? {};
    const any = o.formatOnly || o.contentsOnly;
    this.clearAll({
      contents: !any || o.contentsOnly,
      formats: !any || o.formatOnly,
      notes: !any,
      validations: !any,
    });
    return this.self();
  }

  clearContents(): S {
    this.charge('clearContents');
    this.clearAll({ contents: true });
    return this.self();
  }

  clearFormats(): S {
    this.charge('clearFormats');
    this.clearAll({ formats: true });
    return this.self();
  }

  clearNotes(): S {
    this.charge('clearNotes');
    this.clearAll({ notes: true });
    return this.self();
  }

  // ---- rows and columns ----------------------------------------------------------------------

  private insert(dim: 'rows' | 'cols', before: number, count: number): void {
    const { model, sheet } = this.doc.editSheet(this.sheetId);
    const max = dim === 'rows' ? sheet.maxRows : sheet.maxColumns;
    if (!(before >= 1 && before <= max + 1 && count >= 1)) {
      gasError(dim === 'rows' ? ROWS_OUT_OF_BOUNDS : COLUMNS_OUT_OF_BOUNDS);
    }
    this.doc.checkCellLimit(model, count * (dim === 'rows' ? sheet.maxColumns : sheet.maxRows));
    if (dim === 'rows') sheet.insertRows(before, count);
    else sheet.insertColumns(before, count);
    model.shiftProtections(this.sheetId, dim, before, count);
    model.shiftChartRanges(this.sheetId, dim, before, count);
    this.doc.touched();
  }

  insertRowsAfter(afterPosition: number, howMany: number): S {
    this.charge('insertRowsAfter');
    this.insert('rows', afterPosition + 1, howMany);
    return this.self();
  }

  insertRowsBefore(beforePosition: number, howMany: number): S {
    this.charge('insertRowsBefore');
    this.insert('rows', beforePosition, howMany);
    return this.self();
  }

  insertRowAfter(afterPosition: number): S {
    this.charge('insertRowAfter');
    this.insert('rows', afterPosition + 1, 1);
    return this.self();
  }

  insertRowBefore(beforePosition: number): S {
    this.charge('insertRowBefore');
    this.insert('rows', beforePosition, 1);
    return this.self();
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.charge('insertRows');
    this.insert('rows', rowIndex, numRows);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): S {
    this.charge('insertColumnsAfter');
    this.insert('cols', afterPosition + 1, howMany);
    return this.self();
  }

  insertColumnsBefore(beforePosition: number, howMany: number): S {
    this.charge('insertColumnsBefore');
    this.insert('cols', beforePosition, howMany);
    return this.self();
  }

  insertColumnAfter(afterPosition: number): S {
    this.charge('insertColumnAfter');
    this.insert('cols', afterPosition + 1, 1);
    return this.self();
  }

  insertColumnBefore(beforePosition: number): S {
    this.charge('insertColumnBefore');
    this.insert('cols', beforePosition, 1);
    return this.self();
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.charge('insertColumns');
    this.insert('cols', columnIndex, numColumns);
  }

  private remove(dim: 'rows' | 'cols', at: number, count: number): void {
    const { model, sheet } = this.doc.editSheet(this.sheetId);
    const max = dim === 'rows' ? sheet.maxRows : sheet.maxColumns;
    if (!(at >= 1 && count >= 1 && at + count - 1 <= max)) {
      gasError(dim === 'rows' ? ROWS_OUT_OF_BOUNDS : COLUMNS_OUT_OF_BOUNDS);
    }
    const frozen = dim === 'rows' ? sheet.frozenRows : sheet.frozenColumns;
    if (count >= max - Math.min(frozen, at - 1))
      gasError(dim === 'rows' ? DELETE_ALL_ROWS : DELETE_ALL_COLUMNS);
    const cells: GridRange =
      dim === 'rows'
        ? { row: at, col: 1, numRows: count, numCols: sheet.maxColumns }
        : { row: 1, col: at, numRows: sheet.maxRows, numCols: count };
    assertCanEditCells(model, this.doc.item('edit'), this.sheetId, cells, this.doc.actor());
    if (dim === 'rows') sheet.deleteRows(at, count);
    else sheet.deleteColumns(at, count);
    model.shiftProtections(this.sheetId, dim, at, -count);
    model.shiftChartRanges(this.sheetId, dim, at, -count);
    this.doc.touched();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.charge('deleteRows');
    this.remove('rows', rowPosition, howMany);
  }

  deleteRow(rowPosition: number): S {
    this.charge('deleteRow');
    this.remove('rows', rowPosition, 1);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.charge('deleteColumns');
    this.remove('cols', columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): S {
    this.charge('deleteColumn');
    this.remove('cols', columnPosition, 1);
    return this.self();
  }

  // ---- layout --------------------------------------------------------------------------------

  getFrozenRows(): number {
    this.charge('getFrozenRows');
    return this.sheet().frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.charge('setFrozenRows');
    const { sheet } = this.doc.editSheet(this.sheetId);
    // Guessed wording for an impossible count.
    if (!(rows >= 0 && rows < sheet.maxRows)) gasError(ROWS_OUT_OF_BOUNDS);
    sheet.frozenRows = Math.trunc(rows);
    this.doc.touched();
  }

  getFrozenColumns(): number {
    this.charge('getFrozenColumns');
    return this.sheet().frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    this.charge('setFrozenColumns');
    const { sheet } = this.doc.editSheet(this.sheetId);
    if (!(columns >= 0 && columns < sheet.maxColumns)) gasError(COLUMNS_OUT_OF_BOUNDS);
    sheet.frozenColumns = Math.trunc(columns);
    this.doc.touched();
  }

  getColumnWidth(columnPosition: number): number {
    this.charge('getColumnWidth');
    return this.sheet().columnWidth(columnPosition);
  }

  setColumnWidth(columnPosition: number, width: number): S {
    this.charge('setColumnWidth');
    return this.setColumnWidthsFrom(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): S {
    this.charge('setColumnWidths');
    return this.setColumnWidthsFrom(startColumn, numColumns, width);
  }

  private setColumnWidthsFrom(start: number, count: number, width: number): S {
    const { sheet } = this.doc.editSheet(this.sheetId);
    if (!(start >= 1 && count >= 1 && start + count - 1 <= sheet.maxColumns)) gasError(COLUMNS_OUT_OF_BOUNDS);
    for (let c = start; c < start + count; c++) sheet.columnWidths.set(c, Math.trunc(width));
    this.doc.touched();
    return this.self();
  }

  getRowHeight(rowPosition: number): number {
    this.charge('getRowHeight');
    return this.sheet().rowHeight(rowPosition);
  }

  setRowHeight(rowPosition: number, height: number): S {
    this.charge('setRowHeight');
    return this.setRowHeightsFrom(rowPosition, 1, height);
  }

  setRowHeights(startRow: number, numRows: number, height: number): S {
    this.charge('setRowHeights');
    return this.setRowHeightsFrom(startRow, numRows, height);
  }

  private setRowHeightsFrom(start: number, count: number, height: number): S {
    const { sheet } = this.doc.editSheet(this.sheetId);
    if (!(start >= 1 && count >= 1 && start + count - 1 <= sheet.maxRows)) gasError(ROWS_OUT_OF_BOUNDS);
    for (let r = start; r < start + count; r++) sheet.rowHeights.set(r, Math.trunc(height));
    this.doc.touched();
    return this.self();
  }

  getTabColor(): string | null {
    this.charge('getTabColor');
    return this.sheet().tabColor;
  }

  setTabColor(color: string | null): S {
    this.charge('setTabColor');
    const { sheet } = this.doc.editSheet(this.sheetId);
    sheet.tabColor = color === null ? null : normalizeColor(color);
    this.doc.touched();
    return this.self();
  }

  isSheetHidden(): boolean {
    this.charge('isSheetHidden');
    return this.sheet().hidden;
  }

  /** A file always keeps one visible sheet (message as the Sheets UI gives it: guess). */
  hideSheet(): S {
    this.charge('hideSheet');
    const { model, sheet } = this.doc.editSheet(this.sheetId);
    if (!sheet.hidden && model.sheets.filter((s) => !s.hidden).length <= 1) {
      gasError("You can't hide all the sheets in a document.");
    }
    sheet.hidden = true;
    this.doc.touched();
    return this.self();
  }

  showSheet(): S {
    this.charge('showSheet');
    const { sheet } = this.doc.editSheet(this.sheetId);
    sheet.hidden = false;
    this.doc.touched();
    return this.self();
  }

  // ---- charts (charts.ts) --------------------------------------------------------------------

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.charge('newChart');
    return charts.newChartBuilder(this.doc, this.sheetId);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.charge('insertChart');
    charts.insertChart(this.doc, this.sheetId, chart);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.charge('getCharts');
    return charts.getCharts(this.doc, this.sheetId);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.charge('updateChart');
    charts.updateChart(this.doc, this.sheetId, chart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.charge('removeChart');
    charts.removeChart(this.doc, this.sheetId, chart);
  }

  // ---- conditional formatting (conditional-format.ts) -----------------------------------------

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.charge('getConditionalFormatRules');
    return conditional.getConditionalFormatRules(this.doc, this.sheetId);
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.charge('setConditionalFormatRules');
    conditional.setConditionalFormatRules(this.doc, this.sheetId, rules);
  }

  clearConditionalFormatRules(): void {
    this.charge('clearConditionalFormatRules');
    conditional.clearConditionalFormatRules(this.doc, this.sheetId);
  }

  // ---- protection ----------------------------------------------------------------------------

  /**
   * Sheet.protect(): a sheet protection that, like any new protection, mirrors the spreadsheet's
   * editors until changed. A sheet has at most one; asking again returns it (guess).
   */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.charge('protect');
    const model = this.doc.edit();
    this.doc.sheet(this.sheetId);
    let p = model.protectionsOf(this.sheetId).find((x) => x.type === 'SHEET');
    if (!p) {
      p = {
        id: model.nextProtectionId(),
        type: 'SHEET',
        sheetId: this.sheetId,
        range: null,
        description: '',
        warningOnly: false,
        editors: null,
        domainEdit: null,
        unprotected: [],
      };
      model.protections.push(p);
      this.doc.touched();
    }
    return new EmuProtection(this.doc, p.id) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    this.charge('getProtections');
    this.sheet();
    const name = enumName(type);
    if (name !== ProtectionTypeEnum.RANGE.name() && name !== ProtectionTypeEnum.SHEET.name()) {
      signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
    }
    return this.doc
      .model()
      .protectionsOf(this.sheetId)
      .filter((p) => p.type === name)
      .map((p) => new EmuProtection(this.doc, p.id) as unknown as GoogleAppsScript.Spreadsheet.Protection);
  }
}
