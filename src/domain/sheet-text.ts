import { SpecValue } from './sheet-spec';

/**
 * What to hand Range.setValues so a string is stored exactly as given. setValues parses strings
 * as if a person typed them: "=…" and "+…" and "- Rà soát" become formulas, "0012" a number,
 * "1/2" a date (../shared/reference/apps-script-platform.md, "Sheets behaviours that bite").
 * A leading apostrophe keeps the rest as text and is not part of the stored value, so every
 * non-empty string gets one — including strings that already start with an apostrophe.
 */
export function literal(value: SpecValue): SpecValue {
  if (typeof value !== 'string' || value === '') return value;
  return fitsWithoutQuote(value) ? value : `'${value}`;
}

/**
 * Sheets refuses more than 50,000 characters in a cell, and whether the apostrophe counts is not
 * documented (the emulator counts it). A text that long which starts with a letter cannot be read
 * as a formula, number, date, time or boolean, so it is stored as text without the apostrophe —
 * a unit's full 50,000-character cell still copies whole.
 */
const MAX_CELL_CHARS = 50_000;
function fitsWithoutQuote(value: string): boolean {
  return value.length >= MAX_CELL_CHARS && /^[A-Za-z\u00C0-\u1EF9]/.test(value);
}

export function literalGrid(rows: readonly (readonly SpecValue[])[]): SpecValue[][] {
  return rows.map((row) => row.map(literal));
}
