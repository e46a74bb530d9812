/**
 * The spreadsheet file model: what a Google Sheets file holds, independent of the Apps Script
 * classes that wrap it. The emulated SpreadsheetApp edits it; exporters (.xlsx, CSV, Sheets REST)
 * read it through the accessors below. It is the `content` of the file's DriveItem, so DriveApp's
 * makeCopy copies it with `clone()` (a deep copy of everything listed here).
 *
 * Conventions: rows and columns are 1-based; an absent cell or field means "empty / default".
 * Stored values are what Sheets stores: strings, numbers (dates and times are serial numbers,
 * recognised by a date number format — see values/format.ts `isDateFormat`), booleans. A formula
 * cell keeps its formula text and the value the emulator computed for it.
 */
import { FileContent } from '../../core/drive-store';
import { GridRange, encloses, intersects, shiftRange } from './a1';
import { SheetIdStream } from './sheet-ids';
import {
  BooleanCriteriaName,
  ChartTypeName,
  CriteriaName,
  ProtectionTypeName,
  WrapStrategyName,
} from './enums';

export type CellValue = string | number | boolean;

export type HorizontalAlignment = 'left' | 'center' | 'right';
export type VerticalAlignment = 'top' | 'middle' | 'bottom';
export type BorderStyleName = 'DOTTED' | 'DASHED' | 'SOLID' | 'SOLID_MEDIUM' | 'SOLID_THICK' | 'DOUBLE';

export interface BorderEdge {
  color: string;
  style: BorderStyleName;
}

export interface CellBorders {
  top?: BorderEdge;
  left?: BorderEdge;
  bottom?: BorderEdge;
  right?: BorderEdge;
}

/** A cell's formatting; an absent field is the default in DEFAULT_STYLE. */
export interface CellFormat {
  numberFormat?: string;
  fontWeight?: 'normal' | 'bold';
  fontStyle?: 'normal' | 'italic';
  fontSize?: number;
  fontFamily?: string;
  fontColor?: string;
  fontLine?: 'none' | 'underline' | 'line-through';
  background?: string;
  /** Absent: "general" (text left, numbers right). */
  horizontalAlignment?: HorizontalAlignment;
  verticalAlignment?: VerticalAlignment;
  wrapStrategy?: WrapStrategyName;
  borders?: CellBorders;
}

/** Every format field resolved (what getters return for a cell). */
export type ResolvedStyle = Required<Omit<CellFormat, 'horizontalAlignment' | 'borders'>> & {
  horizontalAlignment: HorizontalAlignment | 'general';
  borders: CellBorders;
};

/**
 * Defaults of a new Google Sheets file (guessed where the reference is silent: the number format
 * of an untouched cell is reported here as "General").
 */
export const DEFAULT_STYLE: Readonly<ResolvedStyle> = Object.freeze({
  numberFormat: 'General',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  fontColor: '#000000',
  fontLine: 'none',
  background: '#ffffff',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
  borders: Object.freeze({}),
});

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/** Google's limit on the cells of one spreadsheet, all sheets together. */
export const MAX_CELLS = 10_000_000;

/** A range on a sheet of the same file, as a validation rule refers to it. */
export interface RangeRef {
  readonly kind: 'range';
  readonly sheetId: number;
  readonly range: GridRange;
}

export type ValidationArg = string | number | boolean | Date | string[] | RangeRef | null;

/** A data-validation rule as stored on cells (immutable: cells may share one). */
export interface ValidationRule {
  readonly criteria: CriteriaName;
  readonly args: readonly ValidationArg[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export interface CellData {
  value?: CellValue;
  formula?: string;
  format?: CellFormat;
  note?: string;
  validation?: ValidationRule;
}

export interface ProtectionModel {
  readonly id: string;
  readonly type: ProtectionTypeName;
  sheetId: number;
  /** The protected cells (RANGE only; a SHEET protection covers its whole sheet). */
  range: GridRange | null;
  description: string;
  warningOnly: boolean;
  /**
   * Explicit editors, or null while the protection still mirrors the spreadsheet's editors
   * (Range.protect reference: until the script changes the list of editors, the permissions
   * mirror those of the spreadsheet itself, so the range remains effectively unprotected).
   */
  editors: string[] | null;
  /** Null while mirroring (then the file's domain sharing decides). */
  domainEdit: boolean | null;
  /** Cells left editable inside a SHEET protection. */
  unprotected: GridRange[];
}

/**
 * Where an embedded chart sits (EmbeddedChartBuilder.setPosition): its top-left corner is in the
 * cell (anchorRow, anchorColumn), 1-based, moved right/down by offsetX/offsetY pixels.
 */
export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/**
 * An embedded chart, as stored on the sheet that shows it (SheetModel.charts). For exporters:
 *   - `id`: Sheets' chart id (EmbeddedChart.getChartId), unique in the file;
 *   - `type`: the Charts.ChartType name ("PIE", "COLUMN"…);
 *   - `ranges`: the data, in the order added; a range may be on another sheet of the same file;
 *   - `options`: what setOption / setTitle set, by option name as given ("title" is the title);
 *   - `numHeaders`: -1 until setNumHeaders (Sheets then guesses the header rows);
 *   - `transpose`: setTransposeRowsAndColumns.
 */
export interface ChartModel {
  readonly id: number;
  type: ChartTypeName;
  ranges: RangeRef[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  transpose: boolean;
}

/** A conditional format's criteria argument (what ConditionalFormatRuleBuilder.whenX was given). */
export type ConditionArg = string | number;

/** What a matching conditional format rule applies; an absent field leaves the cell's own. */
export interface ConditionalFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

/**
 * A boolean conditional format rule, as stored on its sheet (SheetModel.conditionalFormatRules,
 * in Sheets' evaluation order: for each cell the first rule that matches applies). Immutable:
 * changes replace the record. For exporters: `ranges` are on the rule's own sheet; `criteria` is
 * the SpreadsheetApp.BooleanCriteria name; `args` its values (text or numbers; a formula for
 * CUSTOM_FORMULA); `format` what it applies. See conditional-format.ts `effectiveFormat`.
 */
export interface ConditionalFormatRuleModel {
  readonly ranges: readonly GridRange[];
  readonly criteria: BooleanCriteriaName;
  readonly args: readonly ConditionArg[];
  readonly format: Readonly<ConditionalFormat>;
}

/** A deep copy of a chart option's value (plain objects, arrays and dates; enum values are shared). */
export function cloneOptionValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneOptionValue);
  if (v instanceof Date) return new Date(v.getTime());
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = cloneOptionValue(x);
    return out;
  }
  return v;
}

export function cloneChart(c: ChartModel): ChartModel {
  return {
    id: c.id,
    type: c.type,
    ranges: c.ranges.map((r) => ({ kind: 'range', sheetId: r.sheetId, range: { ...r.range } })),
    options: cloneOptionValue(c.options) as Record<string, unknown>,
    position: { ...c.position },
    numHeaders: c.numHeaders,
    transpose: c.transpose,
  };
}

export function cloneConditionalRule(r: ConditionalFormatRuleModel): ConditionalFormatRuleModel {
  return {
    ranges: r.ranges.map((g) => ({ ...g })),
    criteria: r.criteria,
    args: [...r.args],
    format: { ...r.format },
  };
}

/** An anchor row/column after rows/columns are inserted or deleted (the chart stays, moved). */
function shiftAnchor(pos: number, at: number, delta: number, max: number): number {
  if (delta > 0) return pos >= at ? pos + delta : pos;
  const count = -delta;
  if (pos >= at + count) return pos - count;
  if (pos >= at) return Math.max(1, Math.min(at, max));
  return pos;
}

function cloneArg(a: ValidationArg): ValidationArg {
  if (a instanceof Date) return new Date(a.getTime());
  if (Array.isArray(a)) return [...a];
  if (a && typeof a === 'object') return { kind: 'range', sheetId: a.sheetId, range: { ...a.range } };
  return a;
}

export function cloneRule(r: ValidationRule): ValidationRule {
  return {
    criteria: r.criteria,
    args: r.args.map(cloneArg),
    allowInvalid: r.allowInvalid,
    helpText: r.helpText,
  };
}

function cloneFormat(f: CellFormat): CellFormat {
  const out: CellFormat = { ...f };
  if (f.borders) {
    out.borders = {};
    for (const side of ['top', 'left', 'bottom', 'right'] as const) {
      const edge = f.borders[side];
      if (edge) out.borders[side] = { ...edge };
    }
  }
  return out;
}

function cloneCell(c: CellData): CellData {
  const out: CellData = {};
  if (c.value !== undefined) out.value = c.value;
  if (c.formula !== undefined) out.formula = c.formula;
  if (c.format) out.format = cloneFormat(c.format);
  if (c.note !== undefined) out.note = c.note;
  if (c.validation) out.validation = cloneRule(c.validation);
  return out;
}

function isEmptyCell(c: CellData): boolean {
  return (
    c.value === undefined &&
    c.formula === undefined &&
    (!c.format || Object.keys(c.format).length === 0) &&
    c.note === undefined &&
    !c.validation
  );
}

/** One sheet (tab): its grid, its cells and its layout. */
export class SheetModel {
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  /** Widths and heights that differ from the defaults, by 1-based position. */
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  merges: GridRange[] = [];
  /** Embedded charts shown on this sheet, in insertion order (see ChartModel). */
  charts: ChartModel[] = [];
  /** Conditional format rules, in evaluation order (see ConditionalFormatRuleModel). */
  conditionalFormatRules: ConditionalFormatRuleModel[] = [];
  /** Sparse storage: rows[r - 1][c - 1]. */
  private rows: Array<Array<CellData | undefined> | undefined> = [];

  constructor(
    readonly id: number,
    public name: string,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  // ---- readers -------------------------------------------------------------------------------

  cell(row: number, col: number): Readonly<CellData> | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** The stored value, or undefined for an empty cell. */
  valueAt(row: number, col: number): CellValue | undefined {
    return this.cell(row, col)?.value;
  }

  /** The formula text ("=A1+1"), or undefined. */
  formulaAt(row: number, col: number): string | undefined {
    return this.cell(row, col)?.formula;
  }

  numberFormatAt(row: number, col: number): string {
    return this.cell(row, col)?.format?.numberFormat ?? DEFAULT_STYLE.numberFormat;
  }

  /** Every format field of a cell, defaults filled in. */
  styleAt(row: number, col: number): ResolvedStyle {
    const f = this.cell(row, col)?.format ?? {};
    return {
      numberFormat: f.numberFormat ?? DEFAULT_STYLE.numberFormat,
      fontWeight: f.fontWeight ?? DEFAULT_STYLE.fontWeight,
      fontStyle: f.fontStyle ?? DEFAULT_STYLE.fontStyle,
      fontSize: f.fontSize ?? DEFAULT_STYLE.fontSize,
      fontFamily: f.fontFamily ?? DEFAULT_STYLE.fontFamily,
      fontColor: f.fontColor ?? DEFAULT_STYLE.fontColor,
      fontLine: f.fontLine ?? DEFAULT_STYLE.fontLine,
      background: f.background ?? DEFAULT_STYLE.background,
      horizontalAlignment: f.horizontalAlignment ?? 'general',
      verticalAlignment: f.verticalAlignment ?? DEFAULT_STYLE.verticalAlignment,
      wrapStrategy: f.wrapStrategy ?? DEFAULT_STYLE.wrapStrategy,
      borders: f.borders ?? {},
    };
  }

  noteAt(row: number, col: number): string {
    return this.cell(row, col)?.note ?? '';
  }

  validationAt(row: number, col: number): ValidationRule | undefined {
    return this.cell(row, col)?.validation;
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  cellCount(): number {
    return this.maxRows * this.maxColumns;
  }

  private hasContent(c: CellData | undefined): boolean {
    return !!c && ((c.value !== undefined && c.value !== '') || c.formula !== undefined);
  }

  /** Last row holding a value or formula; 0 when the sheet has none (Sheet.getLastRow). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      if (this.rows[r - 1]?.some((c) => this.hasContent(c))) return r;
    }
    return 0;
  }

  /** Last column holding a value or formula; 0 when the sheet has none (Sheet.getLastColumn). */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (this.hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Every stored (non-empty) cell, in row-major order. */
  *cells(): Generator<{ row: number; col: number; cell: Readonly<CellData> }> {
    for (let r = 0; r < this.rows.length; r++) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (cell) yield { row: r + 1, col: c + 1, cell };
      }
    }
  }

  // ---- writers (callers check bounds, access and protection) ----------------------------------

  /** Change one cell; `edit` mutates a (possibly new) record, which is dropped if left empty. */
  update(row: number, col: number, edit: (c: CellData) => void): void {
    const line = (this.rows[row - 1] ??= []);
    const cell = line[col - 1] ?? {};
    edit(cell);
    if (cell.format && Object.keys(cell.format).length === 0) delete cell.format;
    line[col - 1] = isEmptyCell(cell) ? undefined : cell;
  }

  /** Insert `count` empty rows before row `at` (at = maxRows + 1 appends). */
  insertRows(at: number, count: number): void {
    if (this.rows.length >= at) this.rows.splice(at - 1, 0, ...new Array<undefined>(count));
    this.maxRows += count;
    shiftMap(this.rowHeights, at, count);
    this.merges = shiftAll(this.merges, 'rows', at, count);
    this.shiftObjects('rows', at, count);
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at - 1, count);
    this.maxRows -= count;
    shiftMap(this.rowHeights, at, -count);
    this.merges = shiftAll(this.merges, 'rows', at, -count);
    this.shiftObjects('rows', at, -count);
    this.frozenRows = Math.min(this.frozenRows, this.maxRows);
  }

  insertColumns(at: number, count: number): void {
    for (const line of this.rows) {
      if (line && line.length >= at) line.splice(at - 1, 0, ...new Array<undefined>(count));
    }
    this.maxColumns += count;
    shiftMap(this.columnWidths, at, count);
    this.merges = shiftAll(this.merges, 'cols', at, count);
    this.shiftObjects('cols', at, count);
  }

  deleteColumns(at: number, count: number): void {
    for (const line of this.rows) line?.splice(at - 1, count);
    this.maxColumns -= count;
    shiftMap(this.columnWidths, at, -count);
    this.merges = shiftAll(this.merges, 'cols', at, -count);
    this.shiftObjects('cols', at, -count);
    this.frozenColumns = Math.min(this.frozenColumns, this.maxColumns);
  }

  /**
   * Conditional format ranges and chart anchors follow inserted/deleted rows or columns, as in
   * Sheets; a rule whose ranges are all deleted disappears. (Chart data ranges, which may be on
   * other sheets, move with SpreadsheetModel.shiftChartRanges.)
   */
  private shiftObjects(dim: 'rows' | 'cols', at: number, delta: number): void {
    const rules: ConditionalFormatRuleModel[] = [];
    for (const rule of this.conditionalFormatRules) {
      const ranges = shiftAll([...rule.ranges], dim, at, delta);
      if (ranges.length > 0) rules.push({ ...rule, ranges });
    }
    this.conditionalFormatRules = rules;
    for (const chart of this.charts) {
      if (dim === 'rows')
        chart.position.anchorRow = shiftAnchor(chart.position.anchorRow, at, delta, this.maxRows);
      else chart.position.anchorColumn = shiftAnchor(chart.position.anchorColumn, at, delta, this.maxColumns);
    }
  }

  /** Remove every merge intersecting `r`; returns false (and changes nothing) if one sticks out. */
  unmerge(r: GridRange): boolean {
    const hit = this.merges.filter((m) => intersects(m, r));
    if (hit.some((m) => !encloses(r, m))) return false;
    this.merges = this.merges.filter((m) => !hit.includes(m));
    return true;
  }

  clone(): SheetModel {
    const copy = new SheetModel(this.id, this.name, this.maxRows, this.maxColumns);
    copy.frozenRows = this.frozenRows;
    copy.frozenColumns = this.frozenColumns;
    copy.hidden = this.hidden;
    copy.tabColor = this.tabColor;
    for (const [k, v] of this.columnWidths) copy.columnWidths.set(k, v);
    for (const [k, v] of this.rowHeights) copy.rowHeights.set(k, v);
    copy.merges = this.merges.map((m) => ({ ...m }));
    copy.charts = this.charts.map(cloneChart);
    copy.conditionalFormatRules = this.conditionalFormatRules.map(cloneConditionalRule);
    copy.rows = this.rows.map((line) => line?.map((c) => (c ? cloneCell(c) : undefined)));
    return copy;
  }
}

function shiftMap(map: Map<number, number>, at: number, delta: number): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    if (k < at) map.set(k, v);
    else if (delta > 0) map.set(k + delta, v);
    else if (k >= at - delta) map.set(k + delta, v);
  }
}

function shiftAll(list: GridRange[], dim: 'rows' | 'cols', at: number, delta: number): GridRange[] {
  const out: GridRange[] = [];
  for (const r of list) {
    const moved = shiftRange(r, dim, at, delta);
    if (moved) out.push(moved);
  }
  return out;
}

/** The whole file: sheets in tab order, settings, protections. */
export class SpreadsheetModel implements FileContent {
  readonly kind = 'spreadsheet' as const;
  sheets: SheetModel[] = [];
  protections: ProtectionModel[] = [];
  /** Sheet shown when the file opens (Spreadsheet.getActiveSheet). */
  activeSheetId = 0;
  private sheetSeq = 0;
  private protectionSeq = 0;
  private chartSeq = 0;

  constructor(
    public locale: string,
    public timeZone: string,
    /** Where inserted sheets get their random ids (sheet-ids.ts); copies share their source's. */
    private readonly sheetIds: SheetIdStream,
  ) {}

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Sheet names are unique regardless of case in Google Sheets. */
  nameTaken(name: string, exceptId?: number): boolean {
    const lower = name.toLowerCase();
    return this.sheets.some((s) => s.id !== exceptId && s.name.toLowerCase() === lower);
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.cellCount(), 0);
  }

  /**
   * A new sheet id: 0 for the file's first sheet, then random (sheet-ids.ts) — never equal to
   * what a file built the same way got, nor to a sheet of this file.
   */
  nextSheetId(): number {
    if (this.sheetSeq++ === 0) return 0;
    let id = this.sheetIds();
    while (this.sheetById(id)) id = this.sheetIds();
    return id;
  }

  nextProtectionId(): string {
    return `p${++this.protectionSeq}`;
  }

  /** A new chart id: a large deterministic number, unique among the file's charts. */
  nextChartId(): number {
    let id = (++this.chartSeq * 1_291_874_669 + 97_531) % 2_147_483_647;
    while (this.chartById(id)) id = (id + 7919) % 2_147_483_647;
    return id;
  }

  /** The chart with this id and the sheet showing it, on any sheet of the file. */
  chartById(id: number): { sheet: SheetModel; chart: ChartModel } | undefined {
    for (const sheet of this.sheets) {
      const chart = sheet.charts.find((c) => c.id === id);
      if (chart) return { sheet, chart };
    }
    return undefined;
  }

  /**
   * Move chart data ranges on sheet `sheetId` along with its inserted or deleted rows/columns
   * (charts on any sheet may read it). A data range whose cells are all deleted is dropped (Sheets
   * shows #REF! there).
   */
  shiftChartRanges(sheetId: number, dim: 'rows' | 'cols', at: number, delta: number): void {
    for (const sheet of this.sheets) {
      for (const chart of sheet.charts) {
        const kept: RangeRef[] = [];
        for (const ref of chart.ranges) {
          if (ref.sheetId !== sheetId) {
            kept.push(ref);
            continue;
          }
          const moved = shiftRange(ref.range, dim, at, delta);
          if (moved) kept.push({ kind: 'range', sheetId, range: moved });
        }
        chart.ranges = kept;
      }
    }
  }

  /** `id`: the caller's choice (the Sheets API's addSheet may set it); else a new random one. */
  addSheet(name: string, rows: number, cols: number, index = this.sheets.length, id?: number): SheetModel {
    if (id !== undefined) this.sheetSeq++;
    const sheet = new SheetModel(id ?? this.nextSheetId(), name, rows, cols);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  protectionsOf(sheetId: number): ProtectionModel[] {
    return this.protections.filter((p) => p.sheetId === sheetId);
  }

  /**
   * Move protected ranges along with inserted or deleted rows/columns of a sheet; a range
   * protection whose cells are all deleted disappears, as in Sheets.
   */
  shiftProtections(sheetId: number, dim: 'rows' | 'cols', at: number, delta: number): void {
    const kept: ProtectionModel[] = [];
    for (const p of this.protections) {
      if (p.sheetId !== sheetId) {
        kept.push(p);
        continue;
      }
      p.unprotected = shiftAll(p.unprotected, dim, at, delta);
      if (p.range) {
        const moved = shiftRange(p.range, dim, at, delta);
        if (!moved) continue;
        p.range = moved;
      }
      kept.push(p);
    }
    this.protections = kept;
  }

  clone(): SpreadsheetModel {
    const copy = this.shellCopy();
    copy.sheets = this.sheets.map((s) => s.clone());
    return copy;
  }

  /**
   * A copy of everything but the sheets' contents: the new model holds the SAME SheetModel
   * objects (in its own list). For the committed view of a file with buffered writes, whose
   * sheets are copied one by one, only when first written (detachSheet).
   */
  shellCopy(): SpreadsheetModel {
    const copy = new SpreadsheetModel(this.locale, this.timeZone, this.sheetIds);
    copy.sheets = [...this.sheets];
    copy.protections = this.protections.map((p) => ({
      ...p,
      range: p.range ? { ...p.range } : null,
      editors: p.editors ? [...p.editors] : null,
      unprotected: p.unprotected.map((r) => ({ ...r })),
    }));
    copy.activeSheetId = this.activeSheetId;
    copy.sheetSeq = this.sheetSeq;
    copy.protectionSeq = this.protectionSeq;
    copy.chartSeq = this.chartSeq;
    return copy;
  }

  /** Give this model its own copy of `sheet` (one of the SheetModel objects it shares), if it has it. */
  detachSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets[i] = sheet.clone();
  }
}
