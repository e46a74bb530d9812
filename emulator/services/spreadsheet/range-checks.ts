/** Argument and size checks shared by Range and Sheet, with Apps Script's messages. */
import { gasError } from '../../core/errors';
import { GridRange } from './a1';
import { SheetModel } from './model';

/** Apps Script's message when arguments have the wrong types. */
export function signatureError(method: string, args: readonly unknown[]): never {
  const types = args.map((a) => {
    if (a === null || a === undefined) return 'null';
    if (typeof a === 'number') return 'number';
    if (typeof a === 'string') return 'String';
    if (typeof a === 'boolean') return 'Boolean';
    if (Array.isArray(a)) return 'Object[]';
    return 'Object';
  });
  return gasError(`The parameters (${types.join(',')}) don't match the method signature for ${method}.`);
}

/**
 * Bounds checks of Sheet.getRange(row, column, numRows, numColumns) and Range.offset, with the
 * messages Apps Script gives.
 */
export function checkGrid(sheet: SheetModel, r: GridRange): void {
  if (r.row < 1) gasError('The starting row of the range is too small.');
  if (r.col < 1) gasError('The starting column of the range is too small.');
  if (r.numRows < 1) gasError('The number of rows in the range must be at least 1.');
  if (r.numCols < 1) gasError('The number of columns in the range must be at least 1.');
  if (r.row + r.numRows - 1 > sheet.maxRows || r.col + r.numCols - 1 > sheet.maxColumns) {
    gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** The size check of setValues and every plural setter. */
export function checkShape(data: unknown, numRows: number, numCols: number, method: string): unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) signatureError(method, [data]);
  const rows = data as unknown[][];
  if (rows.length !== numRows) {
    gasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
    );
  }
  for (const row of rows) {
    if (row.length !== numCols) {
      gasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
  return rows;
}
