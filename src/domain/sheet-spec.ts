/**
 * A sheet described as data: what the adapters render in a few batched calls (one setValues for
 * the grid, one call per formatting attribute, one per validation rule and protected range).
 * Layouts are built and tested in the domain; only src/gas/ turns them into service calls.
 */
export type SpecValue = string | number | boolean;

/** 1-based rectangle. */
export interface Area {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface StyleSpec {
  readonly area: Area;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly background?: string;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
  readonly numberFormat?: string;
}

export type ValidationRule =
  | { readonly kind: 'list'; readonly values: readonly string[] }
  /** A list read from a range of the same file ("Danh mục!A2:A40"). */
  | { readonly kind: 'range'; readonly a1: string }
  /** A custom formula written for the area's top-left cell (Sheets shifts it across the area). */
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'email' };

export interface ValidationSpec {
  readonly area: Area;
  readonly rule: ValidationRule;
  /** false: Sheets rejects other input; true: it marks it with a warning. */
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

export interface ProtectionSpec {
  /** Omitted: the whole sheet. */
  readonly area?: Area;
  readonly description: string;
  /** Warn people before they edit, but let them (and scripts run by anyone) write. */
  readonly warningOnly?: boolean;
  /** For a whole-sheet protection: the input areas left open. */
  readonly unprotected?: readonly Area[];
}

export interface SheetSpec {
  readonly name: string;
  /** Rectangular grid of literal values: strings are written as text, never parsed. */
  readonly values: readonly (readonly SpecValue[])[];
  readonly columnWidths: readonly number[];
  /** Rows the sheet must have at least (e.g. for a list range that validation rules read). */
  readonly minRows?: number;
  readonly frozenRows?: number;
  readonly hidden?: boolean;
  readonly styles?: readonly StyleSpec[];
  readonly merges?: readonly Area[];
  readonly validations?: readonly ValidationSpec[];
  readonly notes?: readonly { readonly row: number; readonly column: number; readonly text: string }[];
  readonly protections?: readonly ProtectionSpec[];
}

export function area(row: number, column: number, numRows = 1, numColumns = 1): Area {
  return { row, column, numRows, numColumns };
}

/** Pads every row to the widest one with '' so the grid is rectangular. */
export function rectangular(rows: readonly (readonly SpecValue[])[]): SpecValue[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<SpecValue>(width - r.length).fill('')]);
}
