/** A1 notation: column letters, cell and range references. Rows and columns are 1-based. */

/** A rectangle of cells, 1-based, as every part of the emulator passes it around. */
export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return columnLetters(col) + row;
}

export function rangeA1(r: GridRange): string {
  const start = cellA1(r.row, r.col);
  if (r.numRows === 1 && r.numCols === 1) return start;
  return `${start}:${cellA1(r.row + r.numRows - 1, r.col + r.numCols - 1)}`;
}

/** A sheet name as it must be written before "!" (quoted when not a plain word). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet 1!A1:B2" split into its sheet name (unquoted) and its reference. */
export function splitSheetRef(a1: string): { sheetName: string | null; ref: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(a1);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), ref: quoted[2] };
  const bang = a1.lastIndexOf('!');
  if (bang > 0) return { sheetName: a1.slice(0, bang), ref: a1.slice(bang + 1) };
  return { sheetName: null, ref: a1 };
}

interface Corner {
  col: number | null;
  row: number | null;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/**
 * A reference without sheet name ("B2", "A1:C3", "A:C", "2:4", "A2:C") as a GridRange within a
 * sheet of `maxRows` × `maxCols`; open ends run to the sheet's edge. Null when malformed or when
 * any part is 0 (row 0 or column 0 do not exist in A1 notation).
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): GridRange | null {
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return null;
  if (parts.length === 1 && (a.row === null || a.col === null)) return null;
  // Accepted shapes: "A1:C3", "A2:C" (to the last row), "A:C" (whole columns), "2:4" (whole rows).
  const full = a.row !== null && a.col !== null;
  const ok = full
    ? b.col !== null
    : a.col !== null
      ? b.col !== null && b.row === null
      : b.row !== null && b.col === null;
  if (!ok) return null;
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? maxRows;
  const c2 = b.col ?? maxCols;
  if (r1 < 1 || c1 < 1 || r2 < 1 || c2 < 1) return null;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

export function contains(outer: GridRange, row: number, col: number): boolean {
  return (
    row >= outer.row && row < outer.row + outer.numRows && col >= outer.col && col < outer.col + outer.numCols
  );
}

export function intersects(a: GridRange, b: GridRange): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

export function encloses(outer: GridRange, inner: GridRange): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

/**
 * Moves a range when rows (or columns) are inserted (`delta` > 0) or deleted (`delta` < 0) at
 * 1-based position `at`, the way Sheets moves merges and protected ranges. Returns null when a
 * deletion removes the range entirely.
 */
export function shiftRange(r: GridRange, dim: 'rows' | 'cols', at: number, delta: number): GridRange | null {
  const start = dim === 'rows' ? r.row : r.col;
  const size = dim === 'rows' ? r.numRows : r.numCols;
  let newStart = start;
  let newSize = size;
  if (delta > 0) {
    if (at <= start) newStart = start + delta;
    else if (at < start + size) newSize = size + delta;
  } else {
    const count = -delta;
    const delEnd = at + count; // exclusive
    const end = start + size; // exclusive
    const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
    newSize = size - overlap;
    if (newSize <= 0) return null;
    newStart = start >= delEnd ? start - count : Math.min(start, at);
  }
  return dim === 'rows'
    ? { ...r, row: newStart, numRows: newSize }
    : { ...r, col: newStart, numCols: newSize };
}
