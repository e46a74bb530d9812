import { CellValue } from './cell';
import { SpecValue } from './sheet-spec';

/**
 * Comparing a sheet as read back with the values a rebuild would write, so a rebuild that would
 * change few rows writes only those (a status refresh at 1,000 units rewrote 26,000 cells an hour
 * to change a dozen rows, each written cell costing commit time).
 */

/**
 * Does the cell as read hold what writing `wanted` would leave? Values are written literally
 * (sheet-text.ts: text stays text), so text reads back as the same text and numbers as the same
 * number; a date a person typed never equals a value the script writes.
 */
export function sameCell(read: CellValue | undefined, wanted: SpecValue): boolean {
  if (read === undefined) return wanted === '';
  if (typeof read === 'object') return false;
  return read === wanted;
}

/**
 * The spec's rows as the sheet's data range reads them back: every row padded to `width` with '',
 * trailing empty rows left out (the data range stops at the last row with content).
 */
export function asReadBack(values: readonly (readonly SpecValue[])[], width: number): SpecValue[][] {
  const rows = values.map((r) => [...r, ...Array<SpecValue>(Math.max(0, width - r.length)).fill('')]);
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === '')) rows.pop();
  return rows;
}

/** Consecutive rows (0-based, `to` inclusive) to write. */
export interface RowRun {
  readonly from: number;
  readonly to: number;
}

/**
 * The rows of `wanted` that differ from `read`, as runs of consecutive rows — or null when the
 * two do not have the same number of rows and columns (the sheet must then be rebuilt whole: rows
 * added or removed, or cells typed beside the table).
 */
export function changedRowRuns(
  read: readonly (readonly CellValue[])[],
  wanted: readonly (readonly SpecValue[])[],
): RowRun[] | null {
  if (read.length !== wanted.length) return null;
  const width = wanted[0]?.length ?? 0;
  if (read.some((r) => r.length !== width) || wanted.some((r) => r.length !== width)) return null;
  const same = (i: number) => wanted[i].every((v, c) => sameCell(read[i][c], v));
  const runs: RowRun[] = [];
  wanted.forEach((_, i) => {
    if (same(i)) return;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) runs[runs.length - 1] = { from: last.from, to: i };
    else runs.push({ from: i, to: i });
  });
  return runs;
}

/** Rows to insert before the rest is compared: `count` rows at 0-based position `at` of the result. */
export interface RowInsert {
  readonly at: number;
  readonly count: number;
}

/**
 * A sheet whose rows have keys (for "Theo dõi nộp": unit code and round): the rows `wanted` adds
 * (a round opened for a unit puts its row among the others) as inserts, then the rows to write —
 * the inserted ones and those that changed. Inserting moves the rows under them in one call each
 * group, where rewriting them would commit every cell to the end of the sheet. Null when a row is
 * removed, the order changed, a key repeats, or the width differs: the sheet is rebuilt.
 */
export function keyedRowEdits(
  read: readonly (readonly CellValue[])[],
  wanted: readonly (readonly SpecValue[])[],
  keyOf: (row: readonly (CellValue | SpecValue)[]) => string,
): { readonly inserts: RowInsert[]; readonly runs: RowRun[] } | null {
  if (read.length > wanted.length) return null;
  const width = wanted[0]?.length ?? 0;
  if (read.some((r) => r.length !== width) || wanted.some((r) => r.length !== width)) return null;
  const readKeys = read.map(keyOf);
  const wantedKeys = wanted.map(keyOf);
  if (new Set(readKeys).size !== readKeys.length || new Set(wantedKeys).size !== wantedKeys.length)
    return null;
  const byKey = new Map(readKeys.map((k, i) => [k, read[i]]));
  const kept = wantedKeys.filter((k) => byKey.has(k));
  if (kept.length !== readKeys.length || kept.some((k, i) => k !== readKeys[i])) return null;
  const inserts: RowInsert[] = [];
  const runs: RowRun[] = [];
  wanted.forEach((row, i) => {
    const before = byKey.get(wantedKeys[i]);
    if (!before) {
      const last = inserts[inserts.length - 1];
      if (last && last.at + last.count === i)
        inserts[inserts.length - 1] = { at: last.at, count: last.count + 1 };
      else inserts.push({ at: i, count: 1 });
    } else if (row.every((v, c) => sameCell(before[c], v))) return;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) runs[runs.length - 1] = { from: last.from, to: i };
    else runs.push({ from: i, to: i });
  });
  return { inserts, runs };
}

/** One run from the first row of any run to the last (none when there is no run). */
export function spanOf(runs: readonly RowRun[]): RowRun[] {
  if (runs.length === 0) return [];
  return [{ from: Math.min(...runs.map((r) => r.from)), to: Math.max(...runs.map((r) => r.to)) }];
}

/**
 * Runs closer than `maxGap` unchanged rows joined into one (the rows between rewritten with the
 * values they already hold): a write of its own costs more than a few rows of cells.
 */
export function joinRuns(runs: readonly RowRun[], maxGap: number): RowRun[] {
  const out: RowRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && run.from - last.to - 1 <= maxGap) out[out.length - 1] = { from: last.from, to: run.to };
    else out.push(run);
  }
  return out;
}
