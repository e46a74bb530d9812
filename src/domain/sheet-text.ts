import { SpecValue } from './sheet-spec';

/**
 * What to hand Range.setValues so a string is stored exactly as given. setValues parses strings
 * as if a person typed them: "=…" and "+…" and "- Rà soát" become formulas, "0012" a number,
 * "1/2" a date (../shared/reference/apps-script-platform.md, "Sheets behaviours that bite").
 * A leading apostrophe keeps the rest as text and is not part of the stored value, so every
 * non-empty string gets one — including strings that already start with an apostrophe.
 */
export function literal(value: SpecValue): SpecValue {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

export function literalGrid(rows: readonly (readonly SpecValue[])[]): SpecValue[][] {
  return rows.map((row) => row.map(literal));
}
