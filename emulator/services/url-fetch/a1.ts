/**
 * A1 ranges as the Sheets API reads them (values.get / values:batchGet `ranges`, spreadsheets.get
 * `ranges`) and as it echoes them back. Rules measured against the live API by the public
 * "backlot" emulator:
 *   - the sheet name is everything before the LAST "!"; quoting is optional, '' is one quote,
 *     and the lookup ignores case; an empty name ("!A1") is the first sheet;
 *   - without "!", the text is read as a range first (of the first sheet), else as a sheet name;
 *   - a single reference must be a cell ("B2"); "A:C", "2:4", "A2:C", "B2:A1" (reversed) are ranges;
 *   - whitespace in the cell part is refused; an unknown sheet gives the same "Unable to parse
 *     range" as garbage;
 *   - the range's END is clamped to the grid, its START must lie inside it;
 *   - the echo is "<name>!<A1>", the name quoted unless it is a plain identifier that is not
 *     itself a reference, and a single cell collapses ("Sheet1!A1", never "A1:A1").
 * R1C1 notation is valid for the API but not modeled here (the emulator throws).
 */
import { SheetModel, SpreadsheetModel } from '../spreadsheet';
import { exceedsGridLimits, GoogleError, unableToParseRange } from './google-errors';

/** A resolved rectangle, 1-based and inclusive of its start. */
export interface GridBox {
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
}

export interface ResolvedRange {
  readonly sheet: SheetModel;
  readonly box: GridBox;
}

interface End {
  readonly row: number | null;
  readonly col: number | null;
}

const A1_END = /^([A-Za-z]{1,3})?(\d+)?$/;

function parseEnd(text: string): End | null {
  const m = A1_END.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] !== undefined ? Number(m[2]) : null;
  if (row === 0) return null;
  return { row, col: m[1] ? columnNumber(m[1]) : null };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The A1 ends of a cell part, or null when it is not A1. */
function parseBody(body: string): End[] | null {
  if (/\s/.test(body)) return null;
  const halves = body.split(':');
  if (halves.length > 2) return null;
  const ends = halves.map(parseEnd);
  if (ends.some((e) => e === null)) return null;
  const list = ends as End[];
  if (list.length === 1 && (list[0].row === null || list[0].col === null)) return null;
  return list;
}

const R1C1 = /^R(\d+|\[-?\d+\])?C(\d+|\[-?\d+\])?(:R(\d+|\[-?\d+\])?C(\d+|\[-?\d+\])?)?$/i;

function notModeledR1C1(spec: string): never {
  throw new Error(`Emulator: R1C1 ranges are not modeled (${spec}); use A1 notation`);
}

/** How a sheet name is written in an echoed range. */
export function echoSheetName(title: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && parseBody(title) === null && !R1C1.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

export function echoRange(sheet: SheetModel, box: GridBox): string {
  const start = `${columnLetters(box.col)}${box.row}`;
  const a1 =
    box.numRows === 1 && box.numCols === 1
      ? start
      : `${start}:${columnLetters(box.col + box.numCols - 1)}${box.row + box.numRows - 1}`;
  return `${echoSheetName(sheet.name)}!${a1}`;
}

function findSheet(model: SpreadsheetModel, written: string): SheetModel | undefined {
  let title = written;
  if (title.length >= 2 && title.startsWith("'") && title.endsWith("'")) {
    title = title.slice(1, -1).replace(/''/g, "'");
  }
  const lower = title.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === lower);
}

/** Resolve a cell part against one sheet's grid (also used by the CSV export's `range`). */
export function resolveBody(
  sheet: SheetModel,
  body: string,
  spec: string,
): { box: GridBox } | { error: GoogleError } {
  if (body === '') return { box: { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns } };
  const ends = parseBody(body);
  if (!ends) {
    if (R1C1.test(body)) notModeledR1C1(spec);
    return { error: unableToParseRange(spec) };
  }
  const [a, b = a] = ends;
  let r1 = a.row ?? 1;
  let c1 = a.col ?? 1;
  let r2 = b.row ?? sheet.maxRows;
  let c2 = b.col ?? sheet.maxColumns;
  if (ends.length === 1) [r2, c2] = [r1, c1];
  if (r2 < r1) [r1, r2] = [r2, r1];
  if (c2 < c1) [c1, c2] = [c2, c1];
  if (r1 > sheet.maxRows || c1 > sheet.maxColumns) {
    const wholeColumns = ends.every((e) => e.row === null);
    const wholeRows = ends.every((e) => e.col === null);
    const name = echoSheetName(sheet.name);
    const span = (x: string, y: string): string => (x === y ? x : `${x}:${y}`);
    const named = wholeColumns
      ? `${name}!${span(columnLetters(c1), columnLetters(c2))}`
      : wholeRows
        ? `${name}!${span(String(r1), String(r2))}`
        : echoRange(sheet, { row: r1, col: c1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 });
    return { error: exceedsGridLimits(named, sheet.maxRows, sheet.maxColumns) };
  }
  r2 = Math.min(r2, sheet.maxRows);
  c2 = Math.min(c2, sheet.maxColumns);
  return { box: { row: r1, col: c1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 } };
}

/** Resolve one `ranges` entry of a request against the spreadsheet. */
export function resolveRange(model: SpreadsheetModel, spec: string): ResolvedRange | { error: GoogleError } {
  const first = model.sheets[0];
  const bang = spec.lastIndexOf('!');
  let sheet: SheetModel | undefined;
  let body: string;
  if (bang >= 0) {
    const title = spec.slice(0, bang);
    body = spec.slice(bang + 1);
    sheet = title === '' || title === "''" ? (parseBody(body) ? first : undefined) : findSheet(model, title);
    if (!sheet || body === '') {
      // A sheet whose own name holds "!", named whole.
      sheet = findSheet(model, spec);
      body = '';
    }
  } else if (parseBody(spec)) {
    sheet = first;
    body = spec;
  } else {
    if (R1C1.test(spec)) notModeledR1C1(spec);
    sheet = findSheet(model, spec);
    body = '';
  }
  if (!sheet) return { error: unableToParseRange(spec) };
  const resolved = resolveBody(sheet, body, spec);
  return 'error' in resolved ? resolved : { sheet, box: resolved.box };
}
