import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EmulatorContext } from '../emulator';
import { docxProblems, exportAll, ExportedFile, xlsxProblems } from '../emulator/export';

export interface ExportReport {
  readonly files: readonly ExportedFile[];
  /** "file.xlsx: problem" for every file Excel or Word would open only through a repair prompt. */
  readonly problems: readonly string[];
}

/**
 * Removes the .xlsx and .docx files an earlier run left in `outDir`, so nothing old is mistaken
 * for this run's. Only those, and not in subfolders: `outDir` comes from the command line, and a
 * wrong argument must not wipe a folder.
 */
async function clearOutputs(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => /\.(xlsx|docx)$/i.test(n)))
    await rm(join(outDir, name), { force: true });
}

/**
 * Writes every live spreadsheet (.xlsx) and document (.docx) of the emulated Drive into `outDir`
 * (earlier outputs removed first), then reads each file back and checks it for what makes Excel
 * or Word refuse it or offer a repair.
 */
export async function exportAndCheck(ctx: EmulatorContext, outDir: string): Promise<ExportReport> {
  await clearOutputs(outDir);
  const files = await exportAll(ctx, outDir);
  const problems: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file.path);
    const found = file.kind === 'spreadsheet' ? await xlsxProblems(bytes) : await docxProblems(bytes);
    problems.push(...found.map((p) => `${file.path}: ${p}`));
  }
  return { files, problems };
}
