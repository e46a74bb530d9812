import { CellValue } from '../domain/cell';
import { SpecValue } from '../domain/sheet-spec';
import { readGrid } from './values';

type Folder = GoogleAppsScript.Drive.Folder;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A throw-away area of Drive for the self-test: one folder holding everything it makes, so that
 * removing it is one walk of that folder, and nothing of the office's is ever in reach.
 */

/** A new spreadsheet, moved straight into `folder` (SpreadsheetApp.create puts it in My Drive). */
export function createSpreadsheetIn(name: string, folder: Folder): Spreadsheet {
  const ss = SpreadsheetApp.create(name);
  DriveApp.getFileById(ss.getId()).moveTo(folder);
  return ss;
}

/** Every value of a sheet (its data range), or null when the sheet does not exist. */
export function readSheetValues(ss: Spreadsheet, sheetName: string): CellValue[][] | null {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return null;
  return readGrid(sheet.getDataRange(), ss.getSpreadsheetTimeZone());
}

/**
 * Writes one row of values as a person would type them: Sheets reads them as typed input, and the
 * cells' own formats apply (a plain-text column keeps "Quý I/2025" as text; the budget column
 * takes the number). Not for copying data — that goes through writeCells, which keeps text text.
 */
export function typeRow(
  ss: Spreadsheet,
  sheetName: string,
  row: number,
  column: number,
  values: readonly SpecValue[],
): void {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`Không có trang "${sheetName}".`);
  sheet.getRange(row, column, 1, values.length).setValues([[...values]]);
}

/**
 * Moves to the trash every file and subfolder under `folder`, then the folder itself. Trashing
 * each item (not only the folder) keeps each one trashed even if it is later moved out. Goes on
 * past an item that refuses, returning what went wrong; never deletes anything for good.
 */
export function trashFolderTree(folder: Folder): { trashed: number; failures: string[] } {
  const out = { trashed: 0, failures: [] as string[] };
  const trash = (what: string, fn: () => void) => {
    try {
      fn();
      out.trashed++;
    } catch (e) {
      out.failures.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const walk = (dir: Folder) => {
    const files = dir.getFiles();
    while (files.hasNext()) {
      const file = files.next();
      trash(file.getName(), () => file.setTrashed(true));
    }
    const folders = dir.getFolders();
    while (folders.hasNext()) walk(folders.next());
    trash(dir.getName(), () => dir.setTrashed(true));
  };
  walk(folder);
  return out;
}

/** Whether a file or folder is in the trash (a missing one counts as gone). */
export function isInTrash(id: string, kind: 'file' | 'folder'): boolean {
  try {
    return (kind === 'file' ? DriveApp.getFileById(id) : DriveApp.getFolderById(id)).isTrashed();
  } catch {
    return true;
  }
}

/** Moves one file to the trash, if it is still there. */
export function trashFile(id: string): void {
  const file = DriveApp.getFileById(id);
  if (!file.isTrashed()) file.setTrashed(true);
}

/** The people who can edit a file besides its owner, lower-cased (the self-test's sharing check). */
export function editorEmails(fileId: string): string[] {
  const file = DriveApp.getFileById(fileId);
  const owner = file.getOwner()?.getEmail().toLowerCase() ?? '';
  return file
    .getEditors()
    .map((u) => u.getEmail().toLowerCase())
    .filter((e) => e !== owner);
}
