import { CellValue } from '../domain/cell';
import { DateOnly } from '../domain/dates';

type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The edge where Sheets values become domain values: Date cells become calendar days in the
 * spreadsheet's own time zone (getValues returns Dates as instants; the day they show depends on
 * the file's zone), everything else passes as it is ('' for empty).
 */
export function toCellValue(value: unknown, timeZone: string): CellValue {
  if (value instanceof Date) return dateOnlyOf(value, timeZone);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

export function dateOnlyOf(date: Date, timeZone: string): DateOnly {
  const [y, m, d] = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd').split('-').map(Number);
  return { y, m, d };
}

export function readGrid(range: Range, timeZone: string): CellValue[][] {
  return range.getValues().map((row) => row.map((v) => toCellValue(v, timeZone)));
}

/** "26/11/2026 14:05" in the script's zone, for logs and registry cells. */
export function formatTimestamp(date: Date, timeZone: string): string {
  return Utilities.formatDate(date, timeZone, 'dd/MM/yyyy HH:mm');
}

/** A sheet's data range as domain values ([] for an empty sheet). */
export function readSheetValues(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): CellValue[][] {
  if (sheet.getLastRow() === 0) return [];
  return readGrid(sheet.getDataRange(), timeZone);
}
