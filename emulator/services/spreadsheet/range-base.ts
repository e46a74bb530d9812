/**
 * The part of Range shared by every method: where the range is, how a call is charged, how cells
 * are read and edited — plus the formatting methods (number formats, fonts, colours, alignment,
 * wrapping, borders), which only read and write CellFormat fields. EmuRange (range.ts) adds
 * values, formulas, merges, notes, validation and protection.
 */
import { GridRange } from './a1';
import { normalizeColor } from './colors';
import { serialToDate } from './dates';
import type { Doc } from './doc';
import { BorderStyleEnum, WrapStrategyEnum, WrapStrategyName, enumName } from './enums';
import {
  BorderEdge,
  BorderStyleName,
  CellData,
  CellFormat,
  HorizontalAlignment,
  RangeRef,
  ResolvedStyle,
  SheetModel,
  VerticalAlignment,
} from './model';
import { checkShape } from './range-checks';
import { isDateFormat } from './values/format';

type R = GoogleAppsScript.Spreadsheet.Range;

export class RangeBase {
  constructor(
    readonly doc: Doc,
    readonly sheetId: number,
    protected readonly row: number,
    protected readonly col: number,
    protected readonly numRows: number,
    protected readonly numCols: number,
  ) {}

  // ---- plumbing ------------------------------------------------------------------------------

  grid(): GridRange {
    return { row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
  }

  toRef(): RangeRef {
    return { kind: 'range', sheetId: this.sheetId, range: this.grid() };
  }

  protected get size(): number {
    return this.numRows * this.numCols;
  }

  protected charge(method: string, units = 0): void {
    this.doc.charge(`Range.${method}`, units);
  }

  protected self(): R {
    return this as unknown as R;
  }

  protected sheet(): SheetModel {
    return this.doc.sheet(this.sheetId);
  }

  protected map<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.numCols; j++) line.push(fn(this.row + i, this.col + j));
      out.push(line);
    }
    return out;
  }

  /** Apply `edit` to every cell after the edit checks; moves Drive's last-updated time. */
  protected editEach(edit: (c: CellData, i: number, j: number, sheet: SheetModel) => void): void {
    const { sheet } = this.doc.editCells(this.sheetId, this.grid());
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        sheet.update(this.row + i, this.col + j, (c) => edit(c, i, j, sheet));
      }
    }
    this.doc.touched();
  }

  protected scriptValue(sheet: SheetModel, row: number, col: number, timeZone: string): unknown {
    const v = sheet.valueAt(row, col);
    if (v === undefined) return '';
    if (typeof v === 'number' && isDateFormat(sheet.numberFormatAt(row, col)))
      return serialToDate(v, timeZone);
    return v;
  }

  protected style(): ResolvedStyle {
    return this.sheet().styleAt(this.row, this.col);
  }

  protected styles<K extends keyof ResolvedStyle>(key: K): Array<Array<ResolvedStyle[K]>> {
    const sheet = this.sheet();
    return this.map((r, c) => sheet.styleAt(r, c)[key]);
  }

  protected setFormat<K extends keyof CellFormat>(
    method: string,
    key: K,
    value: CellFormat[K] | undefined,
  ): R {
    this.charge(method, this.size);
    this.editEach((c) => {
      c.format ??= {};
      if (value === undefined) delete c.format[key];
      else c.format[key] = value;
    });
    return this.self();
  }

  protected setFormats<K extends keyof CellFormat>(
    method: string,
    key: K,
    data: unknown,
    convert: (v: unknown) => CellFormat[K] | undefined,
  ): R {
    this.charge(method, this.size);
    const rows = checkShape(data, this.numRows, this.numCols, `SpreadsheetApp.Range.${method}`);
    this.editEach((c, i, j) => {
      const value = convert(rows[i][j]);
      c.format ??= {};
      if (value === undefined) delete c.format[key];
      else c.format[key] = value;
    });
    return this.self();
  }

  // ---- number formats ------------------------------------------------------------------------

  getNumberFormat(): string {
    this.charge('getNumberFormat');
    return this.style().numberFormat;
  }

  getNumberFormats(): string[][] {
    this.charge('getNumberFormats', this.size);
    return this.styles('numberFormat');
  }

  setNumberFormat(numberFormat: string): R {
    return this.setFormat('setNumberFormat', 'numberFormat', numberFormat);
  }

  setNumberFormats(numberFormats: string[][]): R {
    return this.setFormats('setNumberFormats', 'numberFormat', numberFormats, (v) => String(v));
  }

  // ---- fonts, colours, alignment, wrap --------------------------------------------------------

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.charge('getFontWeight');
    return this.style().fontWeight;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.charge('getFontWeights', this.size);
    return this.styles('fontWeight');
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): R {
    return this.setFormat('setFontWeight', 'fontWeight', fontWeight === 'bold' ? 'bold' : undefined);
  }
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): R {
    return this.setFormats('setFontWeights', 'fontWeight', fontWeights, (v) =>
      v === 'bold' ? 'bold' : undefined,
    );
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    this.charge('getFontStyle');
    return this.style().fontStyle;
  }
  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] {
    this.charge('getFontStyles', this.size);
    return this.styles('fontStyle');
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): R {
    return this.setFormat('setFontStyle', 'fontStyle', fontStyle === 'italic' ? 'italic' : undefined);
  }
  setFontStyles(fontStyles: Array<Array<GoogleAppsScript.Spreadsheet.FontStyle | null>>): R {
    return this.setFormats('setFontStyles', 'fontStyle', fontStyles, (v) =>
      v === 'italic' ? 'italic' : undefined,
    );
  }

  getFontSize(): number {
    this.charge('getFontSize');
    return this.style().fontSize;
  }
  getFontSizes(): number[][] {
    this.charge('getFontSizes', this.size);
    return this.styles('fontSize');
  }
  setFontSize(size: number): R {
    return this.setFormat('setFontSize', 'fontSize', size === null ? undefined : Number(size));
  }
  setFontSizes(sizes: number[][]): R {
    return this.setFormats('setFontSizes', 'fontSize', sizes, (v) => (v === null ? undefined : Number(v)));
  }

  getFontFamily(): string {
    this.charge('getFontFamily');
    return this.style().fontFamily;
  }
  getFontFamilies(): string[][] {
    this.charge('getFontFamilies', this.size);
    return this.styles('fontFamily');
  }
  setFontFamily(fontFamily: string | null): R {
    return this.setFormat('setFontFamily', 'fontFamily', fontFamily ?? undefined);
  }
  setFontFamilies(fontFamilies: Array<Array<string | null>>): R {
    return this.setFormats('setFontFamilies', 'fontFamily', fontFamilies, (v) =>
      v === null || v === undefined ? undefined : String(v),
    );
  }

  getFontColor(): string {
    this.charge('getFontColor');
    return this.style().fontColor;
  }
  getFontColors(): string[][] {
    this.charge('getFontColors', this.size);
    return this.styles('fontColor');
  }
  setFontColor(color: string | null): R {
    return this.setFormat('setFontColor', 'fontColor', color === null ? undefined : normalizeColor(color));
  }
  setFontColors(colors: unknown[][]): R {
    return this.setFormats('setFontColors', 'fontColor', colors, (v) =>
      v === null || v === undefined ? undefined : normalizeColor(String(v)),
    );
  }

  getFontLine(): GoogleAppsScript.Spreadsheet.FontLine {
    this.charge('getFontLine');
    return this.style().fontLine;
  }
  getFontLines(): GoogleAppsScript.Spreadsheet.FontLine[][] {
    this.charge('getFontLines', this.size);
    return this.styles('fontLine');
  }
  setFontLine(fontLine: GoogleAppsScript.Spreadsheet.FontLine | null): R {
    return this.setFormat(
      'setFontLine',
      'fontLine',
      fontLine === null || fontLine === 'none' ? undefined : fontLine,
    );
  }
  setFontLines(fontLines: Array<Array<GoogleAppsScript.Spreadsheet.FontLine | null>>): R {
    return this.setFormats('setFontLines', 'fontLine', fontLines, (v) =>
      v === 'underline' || v === 'line-through' ? v : undefined,
    );
  }

  getBackground(): string {
    this.charge('getBackground');
    return this.style().background;
  }
  getBackgrounds(): string[][] {
    this.charge('getBackgrounds', this.size);
    return this.styles('background');
  }
  setBackground(color: string | null): R {
    return this.setFormat('setBackground', 'background', color === null ? undefined : normalizeColor(color));
  }
  setBackgrounds(color: Array<Array<string | null>>): R {
    return this.setFormats('setBackgrounds', 'background', color, (v) =>
      v === null || v === undefined ? undefined : normalizeColor(String(v)),
    );
  }

  getHorizontalAlignment(): string {
    this.charge('getHorizontalAlignment');
    return this.style().horizontalAlignment;
  }
  getHorizontalAlignments(): string[][] {
    this.charge('getHorizontalAlignments', this.size);
    return this.styles('horizontalAlignment');
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): R {
    return this.setFormat('setHorizontalAlignment', 'horizontalAlignment', toHAlign(alignment));
  }
  setHorizontalAlignments(alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>): R {
    return this.setFormats('setHorizontalAlignments', 'horizontalAlignment', alignments, toHAlign);
  }

  getVerticalAlignment(): string {
    this.charge('getVerticalAlignment');
    return this.style().verticalAlignment;
  }
  getVerticalAlignments(): string[][] {
    this.charge('getVerticalAlignments', this.size);
    return this.styles('verticalAlignment');
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): R {
    return this.setFormat('setVerticalAlignment', 'verticalAlignment', toVAlign(alignment));
  }
  setVerticalAlignments(alignments: Array<Array<'top' | 'middle' | 'bottom' | null>>): R {
    return this.setFormats('setVerticalAlignments', 'verticalAlignment', alignments, toVAlign);
  }

  getWrap(): boolean {
    this.charge('getWrap');
    return this.style().wrapStrategy === 'WRAP';
  }
  getWraps(): boolean[][] {
    this.charge('getWraps', this.size);
    return this.styles('wrapStrategy').map((row) => row.map((w) => w === 'WRAP'));
  }
  setWrap(isWrapEnabled: boolean): R {
    return this.setFormat('setWrap', 'wrapStrategy', isWrapEnabled ? 'WRAP' : undefined);
  }
  setWraps(isWrapEnabled: boolean[][]): R {
    return this.setFormats('setWraps', 'wrapStrategy', isWrapEnabled, (v) => (v ? 'WRAP' : undefined));
  }
  getWrapStrategy(): GoogleAppsScript.Spreadsheet.WrapStrategy {
    this.charge('getWrapStrategy');
    return WrapStrategyEnum[
      this.style().wrapStrategy
    ] as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy;
  }
  getWrapStrategies(): GoogleAppsScript.Spreadsheet.WrapStrategy[][] {
    this.charge('getWrapStrategies', this.size);
    return this.styles('wrapStrategy').map((row) =>
      row.map((w) => WrapStrategyEnum[w] as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy),
    );
  }
  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): R {
    return this.setFormat('setWrapStrategy', 'wrapStrategy', toWrap(strategy));
  }
  setWrapStrategies(strategies: GoogleAppsScript.Spreadsheet.WrapStrategy[][]): R {
    return this.setFormats('setWrapStrategies', 'wrapStrategy', strategies, toWrap);
  }

  /**
   * Range.setBorder(top, left, bottom, right, vertical, horizontal[, color, style]): true sets,
   * false clears, null leaves a border as it is. Inner lines are `vertical`/`horizontal`.
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): R {
    this.charge('setBorder', this.size);
    const edge: BorderEdge = {
      color: color ? normalizeColor(color) : '#000000',
      style: (style ? enumName(style) : BorderStyleEnum.SOLID.name()) as BorderStyleName,
    };
    const apply = (b: Record<string, BorderEdge | undefined>, side: string, flag: boolean | null): void => {
      if (flag === true) b[side] = { ...edge };
      else if (flag === false) delete b[side];
    };
    this.editEach((c, i, j) => {
      c.format ??= {};
      const b = (c.format.borders ??= {}) as Record<string, BorderEdge | undefined>;
      apply(b, 'top', i === 0 ? top : horizontal);
      apply(b, 'bottom', i === this.numRows - 1 ? bottom : horizontal);
      apply(b, 'left', j === 0 ? left : vertical);
      apply(b, 'right', j === this.numCols - 1 ? right : vertical);
      if (Object.keys(b).length === 0) delete c.format.borders;
    });
    return this.self();
  }
}

function toHAlign(v: unknown): HorizontalAlignment | undefined {
  return v === 'left' || v === 'center' || v === 'right' ? v : undefined;
}

function toVAlign(v: unknown): VerticalAlignment | undefined {
  return v === 'top' || v === 'middle' ? v : undefined;
}

function toWrap(v: unknown): WrapStrategyName | undefined {
  const name = enumName(v) as WrapStrategyName;
  return name === 'WRAP' || name === 'CLIP' ? name : undefined;
}
