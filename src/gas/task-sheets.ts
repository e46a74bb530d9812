import { TaskColumn } from '../domain/plan/columns';
import { taskTableTitle } from '../domain/unit-file/layout';
import { TASK_HEADER_ROW, UNIT_SHEETS } from '../domain/unit-file/sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KNOWN_NAMES: readonly string[] = Object.values(UNIT_SHEETS);

/**
 * The sheets of a unit's file that hold the task table named `name`: the sheet of that name, and
 * any sheet of another name (not one of the template's) whose title row and header are that
 * table's — a unit may rename its task sheet, or copy it and delete the original, and its tasks
 * must stay lockable. One getSheets call; one small read per sheet the template does not have.
 */
export function findTaskSheets(ss: Spreadsheet, name: string, columns: readonly TaskColumn[]): Sheet[] {
  const title = taskTableTitle(name);
  const headers = columns.map((c) => c.header);
  return ss.getSheets().filter((sheet) => {
    const sheetName = sheet.getName();
    if (sheetName === name) return true;
    if (KNOWN_NAMES.indexOf(sheetName) >= 0) return false;
    if (sheet.getMaxRows() < TASK_HEADER_ROW || sheet.getMaxColumns() < columns.length) return false;
    const top = sheet.getRange(1, 1, TASK_HEADER_ROW, columns.length).getDisplayValues();
    return top[0][0].trim() === title && top[TASK_HEADER_ROW - 1].every((v, i) => v.trim() === headers[i]);
  });
}
