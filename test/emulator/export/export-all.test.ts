import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  docxProblems,
  exportAll,
  ExportedFile,
  readDocxParts,
  readXlsx,
  wordText,
  xlsxProblems,
} from '../../../emulator/export';
import { createDocumentApp } from '../../../emulator/services/document';
import { emulator, tempDir } from './helpers';

/** A Drive as the yearly cycle leaves it: the master, units' files, a plan document, some trash. */
function drive() {
  const emu = emulator();
  const docs = createDocumentApp(emu.ctx);
  const master = emu.SpreadsheetApp.create('Tổng hợp CCHC 2025 (Văn phòng)');
  master.getSheets()[0].getRange('A1').setValue('Đơn vị');
  const unitA = emu.SpreadsheetApp.create('Kế hoạch CCHC 2025 - Phòng Tư pháp');
  const unitB = emu.SpreadsheetApp.create('Kế hoạch CCHC 2025 - Phòng Tư pháp'); // same name, another unit's copy
  const odd = emu.SpreadsheetApp.create('Báo cáo: Quý I/2025?');
  const trashed = emu.SpreadsheetApp.create('Bản nháp cũ');
  emu.DriveApp.getFileById(trashed.getId()).setTrashed(true);
  const plan = docs.create('Kế hoạch CCHC năm 2025');
  plan.getBody().appendParagraph('Nội dung kế hoạch');
  return {
    emu,
    ids: [master, unitA, unitB, odd].map((s) => s.getId()),
    planId: plan.getId(),
    trashedId: trashed.getId(),
  };
}

describe('exportAll', () => {
  let files: ExportedFile[];
  let dir: string;
  let remove: () => void;
  let ids: string[];

  beforeAll(async () => {
    ({ dir, remove } = tempDir());
    const d = drive();
    ids = d.ids;
    files = await exportAll(d.emu.ctx, join(dir, 'out'));
    expect(files.map((f) => f.id)).not.toContain(d.trashedId);
  });

  afterAll(() => remove());

  it('writes every live spreadsheet and document under safe, unique, Vietnamese names', () => {
    expect(files.map((f) => [basename(f.path), f.kind])).toEqual([
      ['Tổng hợp CCHC 2025 (Văn phòng).xlsx', 'spreadsheet'],
      ['Kế hoạch CCHC 2025 - Phòng Tư pháp.xlsx', 'spreadsheet'],
      ['Kế hoạch CCHC 2025 - Phòng Tư pháp (2).xlsx', 'spreadsheet'],
      ['Báo cáo_ Quý I_2025_.xlsx', 'spreadsheet'],
      ['Kế hoạch CCHC năm 2025.docx', 'document'],
    ]);
    expect(files.slice(0, 4).map((f) => f.id)).toEqual(ids);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(files.map((f) => basename(f.path)).sort());
  });

  it('leaves files that open and pass the repair checks', async () => {
    for (const f of files) {
      const bytes = readFileSync(f.path);
      if (f.kind === 'spreadsheet') {
        expect(await xlsxProblems(bytes)).toEqual([]);
        expect((await readXlsx(bytes)).worksheets.length).toBeGreaterThan(0);
      } else {
        expect(await docxProblems(bytes)).toEqual([]);
        expect(wordText((await readDocxParts(bytes)).document)).toContain('Nội dung kế hoạch');
      }
    }
    const master = await readXlsx(readFileSync(files[0].path));
    expect(master.worksheets[0].getCell('A1').value).toBe('Đơn vị');
  });
});

/**
 * LibreOffice, when the machine has it (it is not installed for the project): a headless conversion
 * to PDF fails on a file it cannot read.
 */
function soffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

const office = soffice();
(office ? describe : describe.skip)('LibreOffice opens the exported files', () => {
  it('converts every exported file to PDF headless', async () => {
    const { dir, remove } = tempDir();
    try {
      const files = await exportAll(drive().emu.ctx, join(dir, 'out'));
      for (const f of files) {
        execFileSync(
          office as string,
          ['--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), f.path],
          {
            timeout: 120_000,
            env: { ...process.env, HOME: dir },
          },
        );
        const pdf = join(dir, 'pdf', basename(f.path).replace(/\.(xlsx|docx)$/, '.pdf'));
        expect(existsSync(pdf)).toBe(true);
      }
    } finally {
      remove();
    }
  }, 600_000);
});
