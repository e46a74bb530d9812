/**
 * Sheets data-validation rules → Excel data validations.
 *
 *   VALUE_IN_LIST     → list of the values ("a,b,c"), when Excel can hold it: its list source is at
 *                       most 255 characters and has no way to quote a comma inside a value;
 *   VALUE_IN_RANGE    → list whose source is the range ('Danh mục'!$A$2:$A$51), under the
 *                       sheet's Excel name;
 *   NUMBER_*          → decimal with the same operator and bounds;
 *   DATE_*            → date with the bounds as day serials of the spreadsheet's time zone;
 *   CUSTOM_FORMULA    → custom, with the formula translated as cell formulas are;
 *   anything else (text contains / equals, email, URL, checkbox, or a list Excel cannot hold)
 *                     → no criteria ("any value"), keeping the help text as the input prompt.
 * The help text becomes the input message Excel shows when the cell is selected. A rule that
 * rejects invalid data (allowInvalid false) stops the entry ("stop" error); one that only warns in
 * Sheets accepts it silently in Excel, the closest Excel has to Sheets' red corner mark.
 * Excel caps the prompt and error at 255 characters (longer ones make it repair the file): they are
 * shortened with "…".
 */
import type { DataValidation } from 'exceljs';
import {
  dateToSerial,
  GridRange,
  rangeA1,
  RangeRef,
  SheetModel,
  ValidationRule,
} from '../services/spreadsheet';
import { excelFormula, shiftFormula } from './xlsx-formula';
import { clip, xmlSafe } from './xml-text';

export const MAX_PROMPT = 255;
const MAX_LIST_SOURCE = 255;

/** ExcelJS also writes validations with no type ("any value"); its typings omit it. */
export type ExcelValidation = DataValidation | (Omit<DataValidation, 'type'> & { type: 'any' });

export interface ValidationContext {
  /** The Excel name of a sheet by its Sheets id. */
  sheetName(sheetId: number): string | undefined;
  renames: ReadonlyMap<string, string>;
  timeZone: string;
}

/** Excel's rule for one rectangle of cells. */
export interface PlacedValidation {
  range: GridRange;
  validation: ExcelValidation;
}

function quoteName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(r: GridRange): string {
  return rangeA1(r).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

const OPERATORS: Readonly<Record<string, DataValidation['operator']>> = {
  BETWEEN: 'between',
  NOT_BETWEEN: 'notBetween',
  EQUAL_TO: 'equal',
  NOT_EQUAL_TO: 'notEqual',
  GREATER_THAN: 'greaterThan',
  GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  LESS_THAN: 'lessThan',
  LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  AFTER: 'greaterThan',
  BEFORE: 'lessThan',
  ON_OR_AFTER: 'greaterThanOrEqual',
  ON_OR_BEFORE: 'lessThanOrEqual',
};

/** ExcelJS writes a date bound from a Date, as its UTC days since 1899-12-30 (utils.dateToExcel). */
function serialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** A rule's date argument as the day it falls on in the spreadsheet's time zone. */
function dayBound(arg: unknown, timeZone: string): Date {
  return serialDate(Math.floor(dateToSerial(arg as Date, timeZone)));
}

function listSource(values: readonly string[]): string | null {
  const items = values.map((v) => xmlSafe(v));
  if (items.some((v) => v.includes(',') || v.includes('"'))) return null;
  const source = items.join(',');
  return source.length > MAX_LIST_SOURCE ? null : `"${source}"`;
}

/** The criteria part of the Excel rule; null when Excel has nothing close ("any value"). */
function criteria(
  rule: ValidationRule,
  ctx: ValidationContext,
): Pick<DataValidation, 'type' | 'formulae' | 'operator'> | null {
  const a = rule.args;
  const name = rule.criteria;
  if (name === 'VALUE_IN_LIST') {
    const source = listSource((a[0] as string[]) ?? []);
    return source ? { type: 'list', formulae: [source] } : null;
  }
  if (name === 'VALUE_IN_RANGE') {
    const ref = a[0] as RangeRef;
    const sheet = ctx.sheetName(ref.sheetId);
    return sheet ? { type: 'list', formulae: [`${quoteName(sheet)}!${absolute(ref.range)}`] } : null;
  }
  if (name === 'CUSTOM_FORMULA') {
    return { type: 'custom', formulae: [excelFormula(String(a[0]), ctx.renames)] };
  }
  if (name === 'DATE_IS_VALID_DATE') {
    return { type: 'date', operator: 'greaterThanOrEqual', formulae: [serialDate(1)] };
  }
  const number = /^NUMBER_(.+)$/.exec(name);
  if (number) return { type: 'decimal', operator: OPERATORS[number[1]], formulae: a.map(Number) };
  const date = /^DATE_(.+)$/.exec(name);
  if (date) {
    const op = date[1] === 'EQUAL_TO' ? 'equal' : OPERATORS[date[1]];
    return { type: 'date', operator: op, formulae: a.map((d) => dayBound(d, ctx.timeZone)) };
  }
  return null;
}

function shortened(text: string): string {
  const t = xmlSafe(text);
  return t.length <= MAX_PROMPT ? t : `${clip(t, MAX_PROMPT - 1)}…`;
}

/** The Excel validation for a rule anchored at `range`'s top-left cell. */
export function excelValidation(rule: ValidationRule, ctx: ValidationContext): ExcelValidation {
  const c = criteria(rule, ctx);
  const help = rule.helpText ? shortened(rule.helpText) : '';
  const base = {
    allowBlank: true,
    showInputMessage: help !== '',
    prompt: help || undefined,
    showErrorMessage: !rule.allowInvalid && c !== null,
    errorStyle: rule.allowInvalid ? undefined : 'stop',
    error: !rule.allowInvalid && help ? help : undefined,
  };
  return c ? { ...base, ...c } : { ...base, type: 'any', formulae: [] };
}

/** Splits cells (row-major) into rectangles: runs down each column, then equal runs side by side. */
export function rectangles(cells: readonly { row: number; col: number }[]): GridRange[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) (byCol.get(col) ?? byCol.set(col, []).get(col)!).push(row);
  const runs: GridRange[] = [];
  for (const col of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = byCol.get(col)!.sort((x, y) => x - y);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const numRows = rows[i - 1] - start + 1;
      const left = runs.find((r) => r.row === start && r.numRows === numRows && r.col + r.numCols === col);
      if (left) left.numCols += 1;
      else runs.push({ row: start, col, numRows, numCols: 1 });
      start = rows[i];
    }
  }
  return runs.sort((x, y) => x.row - y.row || x.col - y.col);
}

/**
 * Every validation of a sheet, one per rectangle of cells whose rules read the same in Excel. The
 * emulator stores a copy of the rule in each cell, so cells are grouped by what the rule says,
 * not by object. A custom formula is written relative to the top-left cell of the range it was
 * set on (Sheets' rule, and Excel's); the model does not keep that range, so the group's top-left
 * corner is taken as the anchor and each rectangle's formula is shifted from it — right for a
 * rule set once over a range, even after some of its cells were cleared.
 */
export function sheetValidations(sheet: SheetModel, ctx: ValidationContext): PlacedValidation[] {
  const groups = new Map<string, { validation: ExcelValidation; cells: { row: number; col: number }[] }>();
  for (const { row, col, cell } of sheet.cells()) {
    if (!cell.validation) continue;
    const validation = excelValidation(cell.validation, ctx);
    const key = JSON.stringify(validation);
    const group = groups.get(key) ?? groups.set(key, { validation, cells: [] }).get(key)!;
    group.cells.push({ row, col });
  }
  const out: PlacedValidation[] = [];
  for (const { validation, cells } of groups.values()) {
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.col));
    for (const range of rectangles(cells)) {
      const shifted =
        validation.type === 'custom'
          ? {
              ...validation,
              formulae: [shiftFormula(validation.formulae[0], range.row - top, range.col - left)],
            }
          : validation;
      out.push({ range, validation: shifted });
    }
  }
  return out.sort((a, b) => a.range.row - b.range.row || a.range.col - b.range.col);
}
