/**
 * A Sheets cell's content → an ExcelJS cell value, keeping its type:
 *   - numbers stay numbers; a date or time is a number under a date format in both programs, so
 *     the serial is written as is with the translated format and Excel shows a real date (the
 *     epochs agree from 1 March 1900 on; Excel cannot show earlier dates the same way);
 *   - booleans stay booleans, text stays text: ExcelJS writes a string as a string even when it
 *     starts with "=", so "=IMPORTXML(…)" typed as text never becomes a formula;
 *   - a formula is written with its cached value (error values as Excel errors). A formula Sheets
 *     could not parse (it shows #ERROR!) cannot be stored in Excel at all, which would reject the
 *     file: it is written as the text the person typed, "=- Rà soát".
 * Excel holds at most 32,767 characters in a cell and 8,192 in a formula; longer ones are cut
 * (text) or kept as text (formulas), and reported.
 */
import type { CellErrorValue, CellValue as ExcelValue } from 'exceljs';
import type { CellData } from '../services/spreadsheet';
import { FORMULA_PARSE_ERROR } from '../services/spreadsheet/values/formula';
import { excelFormula } from './xlsx-formula';
import { clip, xmlSafe } from './xml-text';

export const MAX_CELL_TEXT = 32_767;
const MAX_FORMULA = 8_192;

const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

function text(value: string, warn: (message: string) => void): string {
  const safe = xmlSafe(value);
  if (safe.length <= MAX_CELL_TEXT) return safe;
  warn(`text cut to ${MAX_CELL_TEXT} characters`);
  return clip(safe, MAX_CELL_TEXT);
}

function cached(value: CellData['value']): number | string | boolean | CellErrorValue | undefined {
  if (typeof value === 'string' && EXCEL_ERRORS.has(value)) return { error: value } as CellErrorValue;
  if (typeof value === 'number' && !Number.isFinite(value)) return { error: '#NUM!' } as CellErrorValue;
  return typeof value === 'string' ? xmlSafe(value) : value;
}

/** What to write in the Excel cell; undefined leaves it empty. */
export function excelValue(
  cell: Readonly<CellData>,
  renames: ReadonlyMap<string, string>,
  warn: (message: string) => void,
): ExcelValue | undefined {
  if (cell.formula !== undefined) {
    if (cell.value === FORMULA_PARSE_ERROR) return text(cell.formula, warn);
    const formula = xmlSafe(excelFormula(cell.formula, renames));
    if (formula.length > MAX_FORMULA) {
      warn(`formula longer than ${MAX_FORMULA} characters kept as text`);
      return text(cell.formula, warn);
    }
    const result = cached(cell.value);
    return result === undefined ? { formula } : { formula, result };
  }
  const v = cell.value;
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') return text(v, warn);
  if (typeof v === 'number' && !Number.isFinite(v)) return { error: '#NUM!' } as CellErrorValue;
  return v;
}
