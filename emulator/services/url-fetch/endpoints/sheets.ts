/**
 * Sheets API v4 reads, answered from the in-memory spreadsheets:
 *   GET https://sheets.googleapis.com/v4/spreadsheets/{id}[?fields=…&ranges=…]
 *   GET …/v4/spreadsheets/{id}/values:batchGet?ranges=…&ranges=…[&valueRenderOption=…]
 *   GET …/v4/spreadsheets/{id}/values/{range}
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
 *
 * Order of checks: credentials (401/403), the per-user read quota (429: "60 per minute per user
 * per project"), the file (404 missing or deleted, 403 not shared / in someone else's trash, 400
 * not a spreadsheet), then parameters and ranges (400). Each ValueRange drops trailing empty cells
 * of each row and trailing empty rows ("empty trailing rows and columns will not be included"),
 * leaves interior empty cells as "", and omits `values` when nothing is left.
 */
import {
  formatDisplay,
  isDateFormat,
  localeInfo,
  SheetModel,
  spreadsheetModelOf,
  SpreadsheetModel,
} from '../../spreadsheet';
import { MIME } from '../../../core/drive-store';
import { echoRange, GridBox, resolveRange } from '../a1';
import { protectedRangeJson } from './sheets-requests';
import { authError, callerOf, lookup } from '../access';
import { Endpoint, notModeled, ServeEnv } from '../env';
import { applyMask, checkMask, parseMask, Schema, selects } from '../fields';
import {
  apiError,
  invalidFieldValue,
  SHEETS_NOT_A_SPREADSHEET,
  SHEETS_NOT_FOUND,
  SHEETS_PERMISSION_DENIED,
  SHEETS_READ_PROJECT_QUOTA,
  SHEETS_READ_QUOTA,
  sheetsApiEndpoint,
  sheetsBadFieldMask,
} from '../google-errors';
import { firstParam, googleJson, lastParam, ServerRequest, ServerResponse } from '../http';
import { SHEETS_READS_PER_MINUTE_PER_PROJECT, takeFromWindow } from '../quotas';

export const SHEETS_PATH =
  /^\/v4\/spreadsheets\/([A-Za-z0-9_-]+)(?:\/values(?::|%3A)batchGet|\/values\/([^/]+))?$/i;

const ENUM_TYPE = 'type.googleapis.com/google.apps.sheets.v4';
type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
type Major = 'ROWS' | 'COLUMNS';

/** What a `fields` mask may name on each response (false: real but not produced here). */
const SPREADSHEET_SCHEMA: Schema = {
  spreadsheetId: true,
  spreadsheetUrl: true,
  properties: {
    title: true,
    locale: true,
    autoRecalc: true,
    timeZone: true,
    defaultFormat: false,
    iterativeCalculationSettings: false,
    spreadsheetTheme: false,
    importFunctionsExternalUrlAccessAllowed: false,
  },
  sheets: {
    properties: {
      sheetId: true,
      title: true,
      index: true,
      sheetType: true,
      hidden: true,
      gridProperties: {
        rowCount: true,
        columnCount: true,
        frozenRowCount: true,
        frozenColumnCount: true,
        hideGridlines: false,
        rowGroupControlAfter: false,
        columnGroupControlAfter: false,
      },
      tabColor: false,
      tabColorStyle: false,
      rightToLeft: false,
      dataSourceSheetProperties: false,
    },
    data: {
      startRow: true,
      startColumn: true,
      rowData: { values: { userEnteredValue: true, effectiveValue: true, formattedValue: true, note: true } },
      rowMetadata: false,
      columnMetadata: false,
    },
    merges: false,
    conditionalFormats: false,
    filterViews: false,
    protectedRanges: true,
    basicFilter: false,
    charts: false,
    bandedRanges: false,
    developerMetadata: false,
    rowGroups: false,
    columnGroups: false,
    slicers: false,
    tables: false,
  },
  namedRanges: false,
  developerMetadata: false,
  dataSources: false,
  dataSourceSchedules: false,
};
const VALUE_RANGE_SCHEMA: Schema = { range: true, majorDimension: true, values: true };
const BATCH_SCHEMA: Schema = { spreadsheetId: true, valueRanges: VALUE_RANGE_SCHEMA };

export const sheetsRead: Endpoint = sheetsApiEndpoint('sheetsRead', serve);

function serve(env: ServeEnv, req: ServerRequest, pretty: boolean): ServerResponse {
  if (req.method !== 'GET') notModeled(`${req.method} ${req.url.pathname} (Sheets API)`);
  const m = SHEETS_PATH.exec(req.url.pathname)!;
  const id = m[1];
  const caller = callerOf(env.ctx, req);
  if (caller.user === null) apiError(authError(req, caller.problem));
  if (!takeFromWindow(env.ctx, `sheets|${caller.user.toLowerCase()}`, env.sheetsReadsPerMinute)) {
    apiError(SHEETS_READ_QUOTA);
  }
  if (!takeFromWindow(env.ctx, 'sheets|project', SHEETS_READS_PER_MINUTE_PER_PROJECT))
    apiError(SHEETS_READ_PROJECT_QUOTA);
  const found = lookup(env.ctx, id, caller.user);
  if (found.found === 'missing') apiError(SHEETS_NOT_FOUND);
  if (found.found === 'no-access') apiError(SHEETS_PERMISSION_DENIED);
  const model = found.item.mimeType === MIME.spreadsheet ? spreadsheetModelOf(env.ctx, id) : undefined;
  if (!model) apiError(SHEETS_NOT_A_SPREADSHEET);

  const path = req.url.pathname;
  let body: Record<string, unknown>;
  let schema: Schema;
  if (/\/values(?::|%3A)batchGet$/i.test(path)) {
    const options = readOptions(req.url);
    const ranges = req.url.searchParams.getAll('ranges');
    body = { spreadsheetId: id };
    if (ranges.length > 0) body.valueRanges = ranges.map((spec) => valueRange(model, spec, options));
    schema = BATCH_SCHEMA;
  } else if (m[2] !== undefined) {
    body = valueRange(model, decodeURIComponent(m[2]), readOptions(req.url));
    schema = VALUE_RANGE_SCHEMA;
  } else {
    body = spreadsheetBody(req.url, id, found.item.name, model);
    schema = SPREADSHEET_SCHEMA;
  }
  return googleJson(200, project(req.url, body, schema), pretty);
}

/** Apply `fields` (Sheets accepts "." and "/" between names). */
function project(url: URL, body: Record<string, unknown>, schema: Schema): unknown {
  const mask = firstParam(url, 'fields');
  if (mask === undefined || mask === '') return body;
  const tree = parseMask(mask, './');
  if (!tree) apiError(sheetsBadFieldMask(mask));
  const problem = checkMask(tree, schema);
  if (problem?.kind === 'unknown') apiError(sheetsBadFieldMask(problem.path));
  if (problem) notModeled(`the Sheets field ${problem.path}`);
  return applyMask(tree, body);
}

// ---- spreadsheets.get ----------------------------------------------------------------------

function spreadsheetBody(
  url: URL,
  id: string,
  title: string,
  model: SpreadsheetModel,
): Record<string, unknown> {
  const grid = readBool(url, 'includeGridData', 'include_grid_data');
  const mask = firstParam(url, 'fields');
  const maskTree = mask ? parseMask(mask, './') : null;
  // Measured (backlot): a mask reaching sheets.data builds the grid whatever includeGridData says.
  const withData = grid || (maskTree !== null && selects(maskTree, ['sheets', 'data']));
  // `ranges` filters the sheets array: a sheet no range touches is left out (measured, backlot).
  const ranges = url.searchParams.getAll('ranges');
  let sheets = model.sheets;
  const boxes = new Map<SheetModel, GridBox[]>();
  if (ranges.length > 0) {
    for (const spec of ranges) {
      const resolved = resolveRange(model, spec);
      if ('error' in resolved) apiError(resolved.error);
      boxes.set(resolved.sheet, [...(boxes.get(resolved.sheet) ?? []), resolved.box]);
    }
    sheets = model.sheets.filter((s) => boxes.has(s));
  }
  const sheetJson = (s: SheetModel): Record<string, unknown> => {
    const out: Record<string, unknown> = { properties: sheetProperties(s, model.sheets.indexOf(s)) };
    const protectedRanges = model.protections
      .filter((p) => p.sheetId === s.id)
      .map((p) => protectedRangeJson(model, p));
    if (protectedRanges.length > 0) out.protectedRanges = protectedRanges;
    if (withData) {
      const whole = { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxColumns };
      out.data = (boxes.get(s) ?? [whole]).map((box) => gridData(s, box, localeInfo(model.locale)));
    }
    return out;
  };
  return {
    spreadsheetId: id,
    properties: {
      title,
      locale: localeInfo(model.locale).code,
      autoRecalc: 'ON_CHANGE',
      timeZone: model.timeZone,
    },
    sheets: sheets.map(sheetJson),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
  };
}

/** Proto3 JSON leaves out default values: zero frozen rows, hidden false. */
function sheetProperties(sheet: SheetModel, index: number): Record<string, unknown> {
  const gridProperties: Record<string, number> = { rowCount: sheet.maxRows, columnCount: sheet.maxColumns };
  if (sheet.frozenRows > 0) gridProperties.frozenRowCount = sheet.frozenRows;
  if (sheet.frozenColumns > 0) gridProperties.frozenColumnCount = sheet.frozenColumns;
  const props: Record<string, unknown> = {
    sheetId: sheet.id,
    title: sheet.name,
    index,
    sheetType: 'GRID',
    gridProperties,
  };
  if (sheet.hidden) props.hidden = true;
  return props;
}

/**
 * GridData of a box (includeGridData): rowData from the box's first row, each cell's
 * userEnteredValue, effectiveValue and formattedValue (and note); an empty cell is {}. Trailing
 * empty cells and rows are left out (guessed, as values.get does; the stricter reading for a
 * client, which must not count on them).
 */
function gridData(
  sheet: SheetModel,
  box: GridBox,
  locale: ReturnType<typeof localeInfo>,
): Record<string, unknown> {
  const typed = (v: CellOut): Record<string, unknown> =>
    typeof v === 'number'
      ? { numberValue: v }
      : typeof v === 'boolean'
        ? { boolValue: v }
        : { stringValue: v };
  const rows: Record<string, unknown>[][] = [];
  const lastRow = Math.min(box.row + box.numRows - 1, sheet.lastRow());
  const lastCol = Math.min(box.col + box.numCols - 1, sheet.lastColumn());
  for (let r = box.row; r <= lastRow; r++) {
    const line: Record<string, unknown>[] = [];
    for (let c = box.col; c <= lastCol; c++) {
      const value = sheet.valueAt(r, c);
      const formula = sheet.formulaAt(r, c);
      const note = sheet.noteAt(r, c);
      const cell: Record<string, unknown> = {};
      if (formula !== undefined) cell.userEnteredValue = { formulaValue: formula };
      else if (value !== undefined && value !== '') cell.userEnteredValue = typed(value);
      if (value !== undefined && value !== '') {
        cell.effectiveValue = typed(value);
        cell.formattedValue = formatDisplay(value, sheet.numberFormatAt(r, c), locale);
      }
      if (note) cell.note = note;
      line.push(cell);
    }
    while (line.length > 0 && Object.keys(line[line.length - 1]).length === 0) line.pop();
    rows.push(line);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const out: Record<string, unknown> = {};
  if (box.row > 1) out.startRow = box.row - 1;
  if (box.col > 1) out.startColumn = box.col - 1;
  out.rowData = rows.map((values) => (values.length > 0 ? { values } : {}));
  return out;
}

// ---- values --------------------------------------------------------------------------------

interface RenderOptions {
  readonly major: Major;
  readonly render: Render;
  readonly dates: DateRender;
}

function readOptions(url: URL): RenderOptions {
  return {
    major: readEnum(url, 'majorDimension', 'major_dimension', 'Dimension', ['ROWS', 'COLUMNS'], 'ROWS'),
    render: readEnum(
      url,
      'valueRenderOption',
      'value_render_option',
      'ValueRenderOption',
      ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'],
      'FORMATTED_VALUE',
    ),
    dates: readEnum(
      url,
      'dateTimeRenderOption',
      'date_time_render_option',
      'DateTimeRenderOption',
      ['SERIAL_NUMBER', 'FORMATTED_STRING'],
      'SERIAL_NUMBER',
    ),
  };
}

/** Measured (backlot): case-insensitive, the last repeat wins, an empty value is refused. */
function readEnum<T extends string>(
  url: URL,
  param: string,
  field: string,
  type: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = lastParam(url, param);
  if (raw === undefined) return fallback;
  const value = raw.toUpperCase() as T;
  if (!allowed.includes(value)) apiError(invalidFieldValue(field, `${ENUM_TYPE}.${type}`, raw));
  return value;
}

/** Measured (backlot): 1/t/true/y/yes and 0/f/false/n/no, any case; anything else is a 400. */
function readBool(url: URL, param: string, field: string): boolean {
  const raw = firstParam(url, param);
  if (raw === undefined) return false;
  const v = raw.toLowerCase();
  if (['1', 't', 'true', 'y', 'yes'].includes(v)) return true;
  if (['0', 'f', 'false', 'n', 'no'].includes(v)) return false;
  return apiError(invalidFieldValue(field, 'TYPE_BOOL', raw));
}

type CellOut = string | number | boolean;

function valueRange(model: SpreadsheetModel, spec: string, options: RenderOptions): Record<string, unknown> {
  const resolved = resolveRange(model, spec);
  if ('error' in resolved) apiError(resolved.error);
  const { sheet, box } = resolved;
  const locale = localeInfo(model.locale);
  let grid = readBox(sheet, box, (r, c) => renderCell(sheet, r, c, options, locale));
  if (options.major === 'COLUMNS') {
    const width = Math.max(0, ...grid.map((row) => row.length));
    grid = Array.from({ length: width }, (_, c) => grid.map((row) => (c < row.length ? row[c] : '')));
  }
  grid = grid.map(trimEnd);
  while (grid.length > 0 && grid[grid.length - 1].length === 0) grid.pop();
  const out: Record<string, unknown> = { range: echoRange(sheet, box), majorDimension: options.major };
  if (grid.length > 0) out.values = grid;
  return out;
}

/** The box's cells, row by row; rows past the sheet's last row are empty and not visited. */
function readBox(sheet: SheetModel, box: GridBox, cell: (r: number, c: number) => CellOut): CellOut[][] {
  const lastRow = Math.min(box.row + box.numRows - 1, sheet.lastRow());
  const lastCol = Math.min(box.col + box.numCols - 1, Math.max(sheet.lastColumn(), box.col));
  const rows: CellOut[][] = [];
  for (let r = box.row; r <= lastRow; r++) {
    const line: CellOut[] = [];
    for (let c = box.col; c <= lastCol; c++) line.push(cell(r, c));
    rows.push(line);
  }
  return rows;
}

function trimEnd(row: CellOut[]): CellOut[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end);
}

/**
 * One cell under the render options (reference: ValueRenderOption, DateTimeRenderOption):
 * FORMATTED_VALUE is the display text; UNFORMATTED_VALUE the stored value (dates as serial numbers,
 * or as display text under FORMATTED_STRING); FORMULA the formula text where there is one. An
 * empty cell is "" under every option (measured, backlot).
 */
function renderCell(
  sheet: SheetModel,
  row: number,
  col: number,
  options: RenderOptions,
  locale: ReturnType<typeof localeInfo>,
): CellOut {
  const value = sheet.valueAt(row, col);
  const format = sheet.numberFormatAt(row, col);
  if (options.render === 'FORMULA') {
    const formula = sheet.formulaAt(row, col);
    if (formula !== undefined) return formula;
  }
  if (value === undefined) return '';
  if (options.render === 'FORMATTED_VALUE') return formatDisplay(value, format, locale);
  if (typeof value === 'number' && isDateFormat(format) && options.dates === 'FORMATTED_STRING') {
    return formatDisplay(value, format, locale);
  }
  return value;
}
