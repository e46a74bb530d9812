/**
 * Real Office files from the emulated Drive, for people to open: spreadsheets as .xlsx (ExcelJS),
 * documents as .docx (docx). The demo calls exportAll at the end of its run; tests call the
 * single-file exports and read the files back (readback.ts).
 *
 *   exportSpreadsheet(ctx, id)         → .xlsx bytes
 *   exportSpreadsheetDetailed(ctx, id) → bytes, sheet renames and warnings
 *   exportDocument(ctx, id)            → .docx bytes
 *   exportAll(ctx, outDir)             → writes every live spreadsheet and document, returns the list
 *
 * These read the models directly: no Apps Script charge, no access check (the files are the
 * emulator's own state, not something a script asked for).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmulatorContext } from '../core/context';
import { DriveItem, MIME } from '../core/drive-store';
import { documentModelOf } from '../services/document/view';
import { spreadsheetModelOf } from '../services/spreadsheet';
import { writeDocx } from './docx';
import { FileNamer } from './file-names';
import { writeXlsx, XlsxResult } from './xlsx';
import type { SheetNameChange } from './xlsx-sheet-names';

export { safeFileName, FileNamer } from './file-names';
export { excelNumberFormat } from './xlsx-number-format';
export { excelColumnWidth, excelRowHeight, pixelsOfExcelWidth } from './xlsx-units';
export { excelSheetNames, sheetNameProblem } from './xlsx-sheet-names';
export type { SheetNameChange } from './xlsx-sheet-names';
export type { XlsxResult } from './xlsx';
export * from './readback';
export { docxProblems, xlsxProblems } from './soundness';

export interface ExportedFile {
  path: string;
  kind: 'spreadsheet' | 'document';
  /** The Drive name. */
  name: string;
  id: string;
  /** Spreadsheets only: sheets renamed for Excel. */
  sheetNames?: SheetNameChange[];
  warnings: string[];
}

function itemOf(ctx: EmulatorContext, id: string): DriveItem {
  const item = ctx.drive.peek(id);
  if (!item) throw new Error(`Emulator export: no file ${id} in the emulated Drive`);
  return item;
}

export async function exportSpreadsheetDetailed(ctx: EmulatorContext, id: string): Promise<XlsxResult> {
  const model = spreadsheetModelOf(ctx, id);
  if (!model) throw new Error(`Emulator export: ${id} is not a spreadsheet in the emulated Drive`);
  const item = itemOf(ctx, id);
  return writeXlsx(model, {
    title: item.name,
    created: new Date(item.createdMs),
    modified: new Date(item.updatedMs),
  });
}

export async function exportSpreadsheet(ctx: EmulatorContext, id: string): Promise<Buffer> {
  return (await exportSpreadsheetDetailed(ctx, id)).buffer;
}

export async function exportDocument(ctx: EmulatorContext, id: string): Promise<Buffer> {
  return writeDocx(documentModelOf(ctx, id));
}

/** Live spreadsheets and documents (not trashed, not deleted), oldest first: a stable order. */
function exportable(ctx: EmulatorContext): DriveItem[] {
  return ctx.drive
    .all()
    .filter(
      (it) =>
        !it.deleted &&
        !ctx.drive.isTrashed(it) &&
        ((it.mimeType === MIME.spreadsheet && it.content?.kind === 'spreadsheet') ||
          (it.mimeType === MIME.document && it.content?.kind === 'document')),
    )
    .sort((a, b) => a.createdMs - b.createdMs);
}

/**
 * Writes every live spreadsheet (.xlsx) and document (.docx) of the emulated Drive into `outDir`
 * (created if missing; files already there are overwritten, others left alone), one flat folder
 * with names from the Drive names (file-names.ts).
 */
export async function exportAll(ctx: EmulatorContext, outDir: string): Promise<ExportedFile[]> {
  await mkdir(outDir, { recursive: true });
  const namer = new FileNamer();
  const out: ExportedFile[] = [];
  for (const item of exportable(ctx)) {
    if (item.mimeType === MIME.spreadsheet) {
      const { buffer, sheetNames, warnings } = await exportSpreadsheetDetailed(ctx, item.id);
      const path = join(outDir, namer.next(item.name, 'xlsx'));
      await writeFile(path, buffer);
      out.push({ path, kind: 'spreadsheet', name: item.name, id: item.id, sheetNames, warnings });
    } else {
      const path = join(outDir, namer.next(item.name, 'docx'));
      await writeFile(path, await exportDocument(ctx, item.id));
      out.push({ path, kind: 'document', name: item.name, id: item.id, warnings: [] });
    }
  }
  return out;
}
