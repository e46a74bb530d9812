/**
 * Embedded charts: Sheet.newChart() builders, the built EmbeddedChart objects, and the sheet's
 * list of charts (SheetModel.charts), which Sheet.insertChart / updateChart / removeChart change.
 *
 * What the reference says and the emulator does:
 *   - a builder's changes are saved only when the built chart is given to Sheet.insertChart (new
 *     chart) or Sheet.updateChart (a chart from getCharts()…modify()) (EmbeddedChartBuilder
 *     reference);
 *   - addRange does not add a range the chart already has (addRange reference);
 *   - getChartId is null while the chart is not in a spreadsheet (EmbeddedChart.getChartId
 *     reference: "…or null if the chart is not in a spreadsheet"). A built chart is a snapshot:
 *     inserting it does not give that object an id (read the chart back with getCharts());
 *   - asPieChart(), asColumnChart()… set the chart type and return a builder of that kind over the
 *     same settings; only those kinds have setTitle (a plain EmbeddedChartBuilder has none, as in
 *     the reference), and setTitle is the "title" option.
 * Guessed, the stricter side taken (Google does not document these; wording is ours):
 *   - build() refuses a builder without a chart type or without a data range;
 *   - data ranges must be in the chart's own file (any of its sheets);
 *   - the chart is inserted, updated or removed only through the sheet that built / shows it, and
 *     its anchor cell must lie inside that sheet's grid;
 *   - a chart whose id is already in the file cannot be inserted again (Sheets API AddChart: "It is
 *     an error to specify the ID of an embedded object that already exists");
 *   - with no setPosition the chart is anchored at A1 with no offset; numHeaders is -1 (Sheets
 *     guesses) until set.
 * Inserting, updating and removing a chart are sheet edits: they need edit access and are blocked
 * by a sheet protection the user may not edit (Sheets' "protected cell or object" message).
 * Sheet.clear() leaves charts alone (they are not cell content); deleting the sheet removes them.
 */
import { gasError } from '../../core/errors';
import { GridRange } from './a1';
import type { Doc } from './doc';
import { ChartTypeEnum, ChartTypeName, enumName } from './enums';
import { ChartModel, ChartPosition, RangeRef, cloneChart, cloneOptionValue } from './model';
import { EmuRange, rangeFromRef } from './range';
import { signatureError } from './range-checks';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type R = GoogleAppsScript.Spreadsheet.Range;

/** Our messages for the guessed refusals above (Google's wording is not documented). */
export const CHART_MSG = {
  noType: 'The chart type must be set before the chart is built.',
  noRanges: 'The chart must have at least one data range.',
  otherFile: 'The range must be in the same spreadsheet as the chart.',
  otherSheet: 'The chart belongs to another sheet.',
  notFound: 'The chart could not be found on this sheet.',
  alreadyInserted: 'The chart is already in the spreadsheet.',
  anchorOutside: 'The chart position is outside the dimensions of the sheet.',
} as const;

/** A chart's settings while a builder edits them (shared by the specialised builders). */
export interface ChartDraft {
  /** The chart's id when the builder came from modify(), else null. */
  chartId: number | null;
  type: ChartTypeName | null;
  ranges: RangeRef[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  transpose: boolean;
}

export function newDraft(): ChartDraft {
  return {
    chartId: null,
    type: null,
    ranges: [],
    options: {},
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
  };
}

function copyDraft(d: ChartDraft): ChartDraft {
  return {
    chartId: d.chartId,
    type: d.type,
    ranges: d.ranges.map((r) => ({ kind: 'range', sheetId: r.sheetId, range: { ...r.range } })),
    options: cloneOptionValue(d.options) as Record<string, unknown>,
    position: { ...d.position },
    numHeaders: d.numHeaders,
    transpose: d.transpose,
  };
}

function sameRange(a: RangeRef, b: RangeRef): boolean {
  const x: GridRange = a.range;
  const y: GridRange = b.range;
  return (
    a.sheetId === b.sheetId &&
    x.row === y.row &&
    x.col === y.col &&
    x.numRows === y.numRows &&
    x.numCols === y.numCols
  );
}

function chartTypeEnum(name: ChartTypeName): GoogleAppsScript.Charts.ChartType {
  return ChartTypeEnum[name] as unknown as GoogleAppsScript.Charts.ChartType;
}

/** Range objects for stored data ranges (ranges on a deleted sheet are left out). */
function rangesOf(doc: Doc, refs: readonly RangeRef[]): R[] {
  const model = doc.model();
  return refs.filter((r) => model.sheetById(r.sheetId)).map((r) => rangeFromRef(doc, r));
}

type BuilderKeys =
  | 'addRange'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getContainer'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'setTransposeRowsAndColumns';

/**
 * EmbeddedChartBuilder (Sheet.newChart, EmbeddedChart.modify). `className` names the kind of
 * builder a script holds ("EmbeddedPieChartBuilder" after asPieChart()) for the cost ledger and
 * signature messages.
 */
export class EmuEmbeddedChartBuilder implements Pick<Builder, BuilderKeys> {
  constructor(
    readonly doc: Doc,
    /** The sheet the chart is built for (Sheet.newChart's sheet, or the sheet showing it). */
    readonly sheetId: number,
    readonly draft: ChartDraft,
    protected readonly className = 'EmbeddedChartBuilder',
  ) {}

  protected charge(method: string): void {
    this.doc.charge(`${this.className}.${method}`);
  }

  protected self(): Builder {
    return this as unknown as Builder;
  }

  private signature(method: string, args: readonly unknown[]): never {
    return signatureError(`SpreadsheetApp.${this.className}.${method}`, args);
  }

  private typed<T>(method: string, type: ChartTypeName, className: string): T {
    this.charge(method);
    this.draft.type = type;
    return new EmuTypedChartBuilder<T>(this.doc, this.sheetId, this.draft, className) as unknown as T;
  }

  // ---- data ----------------------------------------------------------------------------------

  /** Adds a data range (any sheet of the chart's file); a range already in the chart is skipped. */
  addRange(range: R): Builder {
    this.charge('addRange');
    if (!(range instanceof EmuRange)) this.signature('addRange', [range]);
    if (range.doc.id !== this.doc.id) gasError(CHART_MSG.otherFile);
    const ref = range.toRef();
    if (!this.draft.ranges.some((r) => sameRange(r, ref))) this.draft.ranges.push(ref);
    return this.self();
  }

  /** Removes a data range; a range the chart does not have is ignored. */
  removeRange(range: R): Builder {
    this.charge('removeRange');
    if (!(range instanceof EmuRange)) this.signature('removeRange', [range]);
    const ref = range.toRef();
    if (range.doc.id === this.doc.id) this.draft.ranges = this.draft.ranges.filter((r) => !sameRange(r, ref));
    return this.self();
  }

  clearRanges(): Builder {
    this.charge('clearRanges');
    this.draft.ranges = [];
    return this.self();
  }

  getRanges(): R[] {
    this.charge('getRanges');
    return rangesOf(this.doc, this.draft.ranges);
  }

  // ---- type ----------------------------------------------------------------------------------

  setChartType(type: GoogleAppsScript.Charts.ChartType): Builder {
    this.charge('setChartType');
    const name = enumName(type);
    if (!(name in ChartTypeEnum)) this.signature('setChartType', [type]);
    this.draft.type = name as ChartTypeName;
    return this.self();
  }

  /** The chart type, or null while none is set. */
  getChartType(): GoogleAppsScript.Charts.ChartType {
    this.charge('getChartType');
    return (this.draft.type ? chartTypeEnum(this.draft.type) : null) as GoogleAppsScript.Charts.ChartType;
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.typed('asPieChart', 'PIE', 'EmbeddedPieChartBuilder');
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.typed('asColumnChart', 'COLUMN', 'EmbeddedColumnChartBuilder');
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.typed('asBarChart', 'BAR', 'EmbeddedBarChartBuilder');
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.typed('asLineChart', 'LINE', 'EmbeddedLineChartBuilder');
  }

  // ---- options and layout ----------------------------------------------------------------------

  /** Any Google Charts option by name ("title", "legend", "pieHole"…); the value is copied. */
  setOption(option: string, value: unknown): Builder {
    this.charge('setOption');
    if (typeof option !== 'string') this.signature('setOption', [option, value]);
    this.draft.options[option] = cloneOptionValue(value);
    return this.self();
  }

  /** Anchor cell (1-based row and column) and pixel offsets of the chart's top-left corner. */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    this.charge('setPosition');
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (args.some((a) => typeof a !== 'number' || !Number.isFinite(a))) this.signature('setPosition', args);
    // Guessed: a row or column before the first is refused (the anchor is a cell).
    if (anchorRowPos < 1 || anchorColPos < 1) gasError(CHART_MSG.anchorOutside);
    this.draft.position = {
      anchorRow: Math.trunc(anchorRowPos),
      anchorColumn: Math.trunc(anchorColPos),
      offsetX: Math.trunc(offsetX),
      offsetY: Math.trunc(offsetY),
    };
    return this.self();
  }

  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    this.charge('getContainer');
    return new EmuContainerInfo(
      this.doc,
      this.draft.position,
    ) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }

  setNumHeaders(headers: number): Builder {
    this.charge('setNumHeaders');
    if (typeof headers !== 'number' || !Number.isInteger(headers)) this.signature('setNumHeaders', [headers]);
    this.draft.numHeaders = headers;
    return this.self();
  }

  setTransposeRowsAndColumns(transpose: boolean): Builder {
    this.charge('setTransposeRowsAndColumns');
    if (typeof transpose !== 'boolean') this.signature('setTransposeRowsAndColumns', [transpose]);
    this.draft.transpose = transpose;
    return this.self();
  }

  // ---- build ---------------------------------------------------------------------------------

  /** The chart as set so far (a snapshot); it reaches the sheet through insertChart/updateChart. */
  build(): Chart {
    this.charge('build');
    if (!this.draft.type) gasError(CHART_MSG.noType);
    if (this.draft.ranges.length === 0) gasError(CHART_MSG.noRanges);
    return new EmuEmbeddedChart(this.doc, this.sheetId, copyDraft(this.draft)) as unknown as Chart;
  }
}

/** The builder asPieChart()/asColumnChart()… return: the same settings, plus setTitle. */
export class EmuTypedChartBuilder<B> extends EmuEmbeddedChartBuilder {
  /** The chart title (the "title" option). */
  setTitle(chartTitle: string): B {
    this.charge('setTitle');
    this.draft.options.title = String(chartTitle);
    return this as unknown as B;
  }
}

/** ContainerInfo: where a chart sits on its sheet. */
export class EmuContainerInfo implements Pick<
  GoogleAppsScript.Spreadsheet.ContainerInfo,
  'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'
> {
  constructor(
    private readonly doc: Doc,
    private readonly position: Readonly<ChartPosition>,
  ) {}

  getAnchorRow(): number {
    this.doc.charge('ContainerInfo.getAnchorRow');
    return this.position.anchorRow;
  }
  getAnchorColumn(): number {
    this.doc.charge('ContainerInfo.getAnchorColumn');
    return this.position.anchorColumn;
  }
  getOffsetX(): number {
    this.doc.charge('ContainerInfo.getOffsetX');
    return this.position.offsetX;
  }
  getOffsetY(): number {
    this.doc.charge('ContainerInfo.getOffsetY');
    return this.position.offsetY;
  }
}

/** ChartOptions: the options set on a chart, read by name. */
export class EmuChartOptions implements Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  constructor(
    private readonly doc: Doc,
    private readonly options: Readonly<Record<string, unknown>>,
  ) {}

  /** The option's value, or null when it was not set. */
  get(option: string): unknown {
    this.doc.charge('ChartOptions.get');
    return Object.prototype.hasOwnProperty.call(this.options, option)
      ? cloneOptionValue(this.options[option])
      : null;
  }
}

type ChartKeys =
  | 'getChartId'
  | 'getContainerInfo'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify';

/**
 * EmbeddedChart: a built chart (before insertion) or one read back with Sheet.getCharts(). It is
 * a snapshot: later changes to the sheet's chart are seen by reading the charts again.
 */
export class EmuEmbeddedChart implements Pick<Chart, ChartKeys> {
  constructor(
    readonly doc: Doc,
    /** The sheet that built or shows the chart. */
    readonly sheetId: number,
    readonly draft: ChartDraft,
  ) {}

  private charge(method: string): void {
    this.doc.charge(`EmbeddedChart.${method}`);
  }

  /** The stored form, with `id` (a new chart gets it from the model on insertion). */
  toModel(id: number): ChartModel {
    const d = copyDraft(this.draft);
    return {
      id,
      type: d.type as ChartTypeName,
      ranges: d.ranges,
      options: d.options,
      position: d.position,
      numHeaders: d.numHeaders,
      transpose: d.transpose,
    };
  }

  static fromModel(doc: Doc, sheetId: number, chart: ChartModel): EmuEmbeddedChart {
    const c = cloneChart(chart);
    return new EmuEmbeddedChart(doc, sheetId, {
      chartId: c.id,
      type: c.type,
      ranges: c.ranges,
      options: c.options,
      position: c.position,
      numHeaders: c.numHeaders,
      transpose: c.transpose,
    });
  }

  /** Null until the chart is in a spreadsheet (EmbeddedChart.getChartId reference). */
  getChartId(): number | null {
    this.charge('getChartId');
    return this.draft.chartId;
  }

  getRanges(): R[] {
    this.charge('getRanges');
    return rangesOf(this.doc, this.draft.ranges);
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.charge('getOptions');
    return new EmuChartOptions(
      this.doc,
      this.draft.options,
    ) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    this.charge('getContainerInfo');
    return new EmuContainerInfo(this.doc, {
      ...this.draft.position,
    }) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }

  getNumHeaders(): number {
    this.charge('getNumHeaders');
    return this.draft.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    this.charge('getTransposeRowsAndColumns');
    return this.draft.transpose;
  }

  /** A builder over a copy of this chart's settings; save with Sheet.updateChart(builder.build()). */
  modify(): Builder {
    this.charge('modify');
    return new EmuEmbeddedChartBuilder(this.doc, this.sheetId, copyDraft(this.draft)) as unknown as Builder;
  }
}

// ---- the sheet's side (called by EmuSheet, which charges the Sheet.* call) ----------------------

function asChart(method: string, chart: unknown): EmuEmbeddedChart {
  if (!(chart instanceof EmuEmbeddedChart)) signatureError(`SpreadsheetApp.Sheet.${method}`, [chart]);
  return chart;
}

/** The anchor must be a cell of the sheet (guess: Sheets' own message is not documented). */
function checkAnchor(position: ChartPosition, maxRows: number, maxColumns: number): void {
  if (position.anchorRow > maxRows || position.anchorColumn > maxColumns) gasError(CHART_MSG.anchorOutside);
}

/** Data ranges must still be on sheets of the file (a sheet deleted since is refused). */
function checkRangesExist(doc: Doc, draft: ChartDraft): void {
  for (const ref of draft.ranges) doc.sheet(ref.sheetId);
}

export function newChartBuilder(doc: Doc, sheetId: number): Builder {
  doc.sheet(sheetId);
  return new EmuEmbeddedChartBuilder(doc, sheetId, newDraft()) as unknown as Builder;
}

export function insertChart(doc: Doc, sheetId: number, chart: Chart): void {
  const c = asChart('insertChart', chart);
  if (c.doc.id !== doc.id || c.sheetId !== sheetId) gasError(CHART_MSG.otherSheet);
  const { model, sheet } = doc.editSheet(sheetId);
  if (c.draft.chartId !== null && model.chartById(c.draft.chartId)) gasError(CHART_MSG.alreadyInserted);
  checkAnchor(c.draft.position, sheet.maxRows, sheet.maxColumns);
  checkRangesExist(doc, c.draft);
  sheet.charts.push(c.toModel(c.draft.chartId ?? model.nextChartId()));
  doc.touched();
}

export function getCharts(doc: Doc, sheetId: number): Chart[] {
  return doc
    .sheet(sheetId)
    .charts.map((c) => EmuEmbeddedChart.fromModel(doc, sheetId, c) as unknown as Chart);
}

/** The index of `c`'s chart on the sheet, failing when it is not there. */
function findOnSheet(doc: Doc, c: EmuEmbeddedChart, charts: readonly ChartModel[]): number {
  const at = c.draft.chartId === null ? -1 : charts.findIndex((x) => x.id === c.draft.chartId);
  if (c.doc.id !== doc.id || at < 0) gasError(CHART_MSG.notFound);
  return at;
}

export function updateChart(doc: Doc, sheetId: number, chart: Chart): void {
  const c = asChart('updateChart', chart);
  const { sheet } = doc.editSheet(sheetId);
  const at = findOnSheet(doc, c, sheet.charts);
  checkAnchor(c.draft.position, sheet.maxRows, sheet.maxColumns);
  checkRangesExist(doc, c.draft);
  sheet.charts[at] = c.toModel(sheet.charts[at].id);
  doc.touched();
}

export function removeChart(doc: Doc, sheetId: number, chart: Chart): void {
  const c = asChart('removeChart', chart);
  const { sheet } = doc.editSheet(sheetId);
  const at = findOnSheet(doc, c, sheet.charts);
  sheet.charts.splice(at, 1);
  doc.touched();
}
