import { DateOnly } from './dates';

/**
 * A cell as the domain sees it. The adapters read Sheets' values and turn Date cells into
 * DateOnly (in the spreadsheet's time zone) at the edge; empty cells are ''.
 */
export type CellValue = string | number | boolean | DateOnly;

export function isBlank(value: CellValue | null | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
