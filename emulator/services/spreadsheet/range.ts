/**
 * Range: a rectangle of cells on one sheet. Every call re-reads the file model (so edits made
 * through other objects, users or services are seen) and checks access as the effective user:
 * reads need view access, writes edit access and no protection in the way.
 */
import { gasError } from '../../core/errors';
import { GridRange, intersects, rangeA1 } from './a1';
import { EmuDataValidation, EmuDataValidationBuilder } from './data-validation';
import { Doc } from './doc';
import { CellData, RangeRef } from './model';
import { canEditProtection, protectionsCovering } from './permissions';
import { EmuProtection } from './protection';
import { RangeBase } from './range-base';
import { checkGrid, checkShape } from './range-checks';
import { writeCells } from './range-write';
import { EmuSheet } from './sheet';
import { formatDisplay } from './values/format';

type R = GoogleAppsScript.Spreadsheet.Range;

type RangeKeys =
  | 'activate'
  | 'breakApart'
  | 'canEdit'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontFamilies'
  | 'getFontFamily'
  | 'getFontLine'
  | 'getFontLines'
  | 'getFontSize'
  | 'getFontSizes'
  | 'getFontStyle'
  | 'getFontStyles'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignment'
  | 'getVerticalAlignments'
  | 'getWidth'
  | 'getWrap'
  | 'getWrapStrategies'
  | 'getWrapStrategy'
  | 'getWraps'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isPartOfMerge'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontFamilies'
  | 'setFontFamily'
  | 'setFontLine'
  | 'setFontLines'
  | 'setFontSize'
  | 'setFontSizes'
  | 'setFontStyle'
  | 'setFontStyles'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setVerticalAlignments'
  | 'setWrap'
  | 'setWrapStrategies'
  | 'setWrapStrategy';

/** A Range object over a stored range reference (validation rules keep references). */
export function rangeFromRef(doc: Doc, ref: RangeRef): R {
  const r = ref.range;
  return new EmuRange(doc, ref.sheetId, r.row, r.col, r.numRows, r.numCols) as unknown as R;
}

const MERGE_ERROR = 'You must select all cells in a merged range to merge or unmerge them.';

export class EmuRange extends RangeBase implements Pick<R, RangeKeys> {
  // ---- values --------------------------------------------------------------------------------

  getValues(): unknown[][] {
    this.charge('getValues', this.size);
    const model = this.doc.model();
    const sheet = this.sheet();
    return this.map((r, c) => this.scriptValue(sheet, r, c, model.timeZone));
  }

  getValue(): unknown {
    this.charge('getValue');
    return this.scriptValue(this.sheet(), this.row, this.col, this.doc.model().timeZone);
  }

  getDisplayValues(): string[][] {
    this.charge('getDisplayValues', this.size);
    const sheet = this.sheet();
    const locale = this.doc.locale();
    return this.map((r, c) => formatDisplay(sheet.valueAt(r, c), sheet.numberFormatAt(r, c), locale));
  }

  getDisplayValue(): string {
    this.charge('getDisplayValue');
    const sheet = this.sheet();
    return formatDisplay(
      sheet.valueAt(this.row, this.col),
      sheet.numberFormatAt(this.row, this.col),
      this.doc.locale(),
    );
  }

  setValues(values: unknown[][]): R {
    this.charge('setValues', this.size);
    const rows = checkShape(values, this.numRows, this.numCols, 'SpreadsheetApp.Range.setValues');
    this.write((i, j) => rows[i][j]);
    return this.self();
  }

  setValue(value: unknown): R {
    this.charge('setValue', this.size);
    this.write(() => value);
    return this.self();
  }

  /**
   * The shared write path of setValue(s), setFormula(s) and appendRow: edit checks, user-entered
   * parsing, then data validation for every cell before any cell changes.
   */
  private write(valueAt: (i: number, j: number) => unknown): void {
    const { model, sheet } = this.doc.editCells(this.sheetId, this.grid());
    writeCells(this.doc, sheet, model.timeZone, this.grid(), valueAt);
    this.doc.touched();
  }

  // ---- formulas ------------------------------------------------------------------------------

  getFormulas(): string[][] {
    this.charge('getFormulas', this.size);
    const sheet = this.sheet();
    return this.map((r, c) => sheet.formulaAt(r, c) ?? '');
  }

  getFormula(): string {
    this.charge('getFormula');
    return this.sheet().formulaAt(this.row, this.col) ?? '';
  }

  setFormula(formula: string): R {
    this.charge('setFormula', this.size);
    this.write(() => formula);
    return this.self();
  }

  setFormulas(formulas: string[][]): R {
    this.charge('setFormulas', this.size);
    const rows = checkShape(formulas, this.numRows, this.numCols, 'SpreadsheetApp.Range.setFormulas');
    this.write((i, j) => rows[i][j]);
    return this.self();
  }

  // ---- geometry ------------------------------------------------------------------------------

  getA1Notation(): string {
    this.charge('getA1Notation');
    return rangeA1(this.grid());
  }
  getRow(): number {
    this.charge('getRow');
    return this.row;
  }
  getRowIndex(): number {
    this.charge('getRowIndex');
    return this.row;
  }
  getColumn(): number {
    this.charge('getColumn');
    return this.col;
  }
  getNumRows(): number {
    this.charge('getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.charge('getNumColumns');
    return this.numCols;
  }
  getHeight(): number {
    this.charge('getHeight');
    return this.numRows;
  }
  getWidth(): number {
    this.charge('getWidth');
    return this.numCols;
  }
  getLastRow(): number {
    this.charge('getLastRow');
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    this.charge('getLastColumn');
    return this.col + this.numCols - 1;
  }
  getGridId(): number {
    this.charge('getGridId');
    return this.sheetId;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.charge('getSheet');
    this.sheet();
    return new EmuSheet(this.doc, this.sheetId) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): R {
    this.charge('offset');
    const r: GridRange = {
      row: this.row + rowOffset,
      col: this.col + columnOffset,
      numRows: numRows ?? this.numRows,
      numCols: numColumns ?? this.numCols,
    };
    checkGrid(this.sheet(), r);
    return new EmuRange(this.doc, this.sheetId, r.row, r.col, r.numRows, r.numCols) as unknown as R;
  }

  getCell(row: number, column: number): R {
    this.charge('getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) {
      gasError('Cell reference out of range');
    }
    return new EmuRange(
      this.doc,
      this.sheetId,
      this.row + row - 1,
      this.col + column - 1,
      1,
      1,
    ) as unknown as R;
  }

  activate(): R {
    this.charge('activate');
    this.doc.model().activeSheetId = this.sheetId;
    return this.self();
  }

  isBlank(): boolean {
    this.charge('isBlank', this.size);
    const sheet = this.sheet();
    return this.map((r, c) => sheet.valueAt(r, c) === undefined && sheet.formulaAt(r, c) === undefined)
      .flat()
      .every(Boolean);
  }

  canEdit(): boolean {
    this.charge('canEdit');
    const actor = this.doc.actor();
    if (!actor.fileEditor) return false;
    const item = this.doc.item('view');
    const model = this.doc.model();
    return protectionsCovering(model, this.sheetId, this.grid()).every((p) =>
      canEditProtection(p, item, actor),
    );
  }

  // ---- clearing ------------------------------------------------------------------------------

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): R {
    this.charge('clear', this.size);
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    // Without options clear() empties contents, formats, notes and validation rules
    // (guess for notes and rules: the reference only says "contents and formats").
    this.editEach((c) => {
      if (!any || o.contentsOnly) {
        delete c.value;
        delete c.formula;
      }
      if (!any || o.formatOnly) delete c.format;
      if (!any || o.commentsOnly) delete c.note;
      if (!any || o.validationsOnly) delete c.validation;
    });
    return this.self();
  }

  clearContent(): R {
    this.charge('clearContent', this.size);
    this.editEach((c) => {
      delete c.value;
      delete c.formula;
    });
    return this.self();
  }

  /**
   * Range.clearFormat reference: "This clears text formatting for the cell or cells in the range,
   * but does not reset any number formatting rules." So the number format stays.
   */
  clearFormat(): R {
    this.charge('clearFormat', this.size);
    this.editEach((c) => {
      const numberFormat = c.format?.numberFormat;
      c.format = numberFormat === undefined ? {} : { numberFormat };
    });
    return this.self();
  }

  clearDataValidations(): R {
    this.charge('clearDataValidations', this.size);
    this.editEach((c) => delete c.validation);
    return this.self();
  }

  clearNote(): R {
    this.charge('clearNote', this.size);
    this.editEach((c) => delete c.note);
    return this.self();
  }

  // ---- merges --------------------------------------------------------------------------------

  private mergeBlocks(method: string, blocks: GridRange[]): R {
    this.charge(method, this.size);
    const { sheet } = this.doc.editCells(this.sheetId, this.grid());
    if (!sheet.unmerge(this.grid())) gasError(MERGE_ERROR);
    for (const b of blocks) {
      if (b.numRows * b.numCols < 2) continue;
      sheet.merges.push(b);
      // Only the top-left value survives a merge.
      for (let r = b.row; r < b.row + b.numRows; r++) {
        for (let c = b.col; c < b.col + b.numCols; c++) {
          if (r === b.row && c === b.col) continue;
          sheet.update(r, c, (cell) => {
            delete cell.value;
            delete cell.formula;
          });
        }
      }
    }
    this.doc.touched();
    return this.self();
  }

  merge(): R {
    return this.mergeBlocks('merge', [this.grid()]);
  }

  mergeAcross(): R {
    const blocks: GridRange[] = [];
    for (let i = 0; i < this.numRows; i++) blocks.push({ ...this.grid(), row: this.row + i, numRows: 1 });
    return this.mergeBlocks('mergeAcross', blocks);
  }

  mergeVertically(): R {
    const blocks: GridRange[] = [];
    for (let j = 0; j < this.numCols; j++) blocks.push({ ...this.grid(), col: this.col + j, numCols: 1 });
    return this.mergeBlocks('mergeVertically', blocks);
  }

  breakApart(): R {
    this.charge('breakApart', this.size);
    const { sheet } = this.doc.editCells(this.sheetId, this.grid());
    if (!sheet.unmerge(this.grid())) gasError(MERGE_ERROR);
    this.doc.touched();
    return this.self();
  }

  getMergedRanges(): R[] {
    this.charge('getMergedRanges');
    return this.sheet()
      .merges.filter((m) => intersects(m, this.grid()))
      .map((m) => new EmuRange(this.doc, this.sheetId, m.row, m.col, m.numRows, m.numCols) as unknown as R);
  }

  isPartOfMerge(): boolean {
    this.charge('isPartOfMerge');
    return this.sheet().merges.some((m) => intersects(m, this.grid()));
  }

  // ---- notes ---------------------------------------------------------------------------------

  getNote(): string {
    this.charge('getNote');
    return this.sheet().noteAt(this.row, this.col);
  }
  getNotes(): string[][] {
    this.charge('getNotes', this.size);
    const sheet = this.sheet();
    return this.map((r, c) => sheet.noteAt(r, c));
  }
  setNote(note: string | null): R {
    this.charge('setNote', this.size);
    this.editEach((c) => {
      if (note === null || note === '') delete c.note;
      else c.note = String(note);
    });
    return this.self();
  }
  setNotes(notes: Array<Array<string | null>>): R {
    this.charge('setNotes', this.size);
    const rows = checkShape(notes, this.numRows, this.numCols, 'SpreadsheetApp.Range.setNotes');
    this.editEach((c, i, j) => {
      const n = rows[i][j];
      if (n === null || n === undefined || n === '') delete c.note;
      else c.note = String(n);
    });
    return this.self();
  }

  // ---- data validation -----------------------------------------------------------------------

  private wrapRule(c: CellData | undefined): GoogleAppsScript.Spreadsheet.DataValidation | null {
    if (!c?.validation) return null;
    return new EmuDataValidation(c.validation, this.doc, (k) =>
      this.doc.charge(k),
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.charge('getDataValidation');
    return this.wrapRule(this.sheet().cell(this.row, this.col));
  }

  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    this.charge('getDataValidations', this.size);
    const sheet = this.sheet();
    return this.map((r, c) => this.wrapRule(sheet.cell(r, c)));
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): R {
    this.charge('setDataValidation', this.size);
    const stored = rule ? (rule as unknown as EmuDataValidation).rule : undefined;
    this.editEach((c) => {
      if (stored) c.validation = stored;
      else delete c.validation;
    });
    return this.self();
  }

  setDataValidations(rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>): R {
    this.charge('setDataValidations', this.size);
    const rows = checkShape(rules, this.numRows, this.numCols, 'SpreadsheetApp.Range.setDataValidations');
    this.editEach((c, i, j) => {
      const rule = rows[i][j] as EmuDataValidation | null;
      if (rule) c.validation = rule.rule;
      else delete c.validation;
    });
    return this.self();
  }

  /**
   * Range.insertCheckboxes reference: checkboxes with TRUE/FALSE, and every cell set to FALSE.
   */
  insertCheckboxes(): R {
    this.charge('insertCheckboxes', this.size);
    const rule = (
      new EmuDataValidationBuilder(() => undefined).requireCheckbox().build() as unknown as EmuDataValidation
    ).rule;
    this.editEach((c) => {
      c.validation = rule;
      c.value = false;
      delete c.formula;
    });
    return this.self();
  }

  // ---- protection ----------------------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.charge('protect');
    const model = this.doc.edit();
    this.doc.sheet(this.sheetId);
    const p = {
      id: model.nextProtectionId(),
      type: 'RANGE' as const,
      sheetId: this.sheetId,
      range: this.grid(),
      description: '',
      warningOnly: false,
      editors: null,
      domainEdit: null,
      unprotected: [],
    };
    model.protections.push(p);
    this.doc.touched();
    return new EmuProtection(this.doc, p.id) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
}
