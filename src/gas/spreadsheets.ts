import { SpecValue } from '../domain/sheet-spec';
import { literal } from '../domain/sheet-text';
import { a1 } from '../domain/plan/columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function openSpreadsheet(id: string): Spreadsheet {
  return SpreadsheetApp.openById(id);
}

export interface CellWrite {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly value: SpecValue;
  /**
   * The cell is formatted as plain text ("@"): Sheets keeps what is written as it is, so the
   * value goes in raw — an apostrophe there would be kept as a character.
   */
  readonly plainText?: boolean;
}

/**
 * Writes scattered cells with as few calls as possible: cells of one sheet and column on
 * consecutive rows go in one setValues. Values are literal (never parsed as formulas).
 */
export function writeCells(ss: Spreadsheet, cells: readonly CellWrite[]): void {
  const sorted = [...cells].sort(
    (x, y) => x.sheet.localeCompare(y.sheet) || x.column - y.column || x.row - y.row,
  );
  let run: CellWrite[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0];
    const range = ss.getRange(
      `'${first.sheet}'!${a1(first.row, first.column)}:${a1(first.row + run.length - 1, first.column)}`,
    );
    range.setValues(run.map((c) => [c.plainText ? c.value : literal(c.value)]));
    run = [];
  };
  for (const cell of sorted) {
    const last = run[run.length - 1];
    if (last && (last.sheet !== cell.sheet || last.column !== cell.column || last.row + 1 !== cell.row))
      flush();
    run.push(cell);
  }
  flush();
}
