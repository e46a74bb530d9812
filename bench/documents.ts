/**
 * Document generation at 30 / 100 / 1,000 unit plans (50 task rows each), modeled on the
 * emulator: the product's way (a copy of the layout template filled by one Docs API batchUpdate,
 * then the PDF) beside two naive baselines — a serial DocumentApp script (create, append every
 * block, save, PDF) and a mail-merge (makeCopy of a template, replaceText per field, rows appended
 * to its table, save, PDF). Reports modeled time (the sum of the modeled calls), calls, and the
 * Google Docs created against the daily quota (Workspace: 1,500; consumer: 250).
 * `node scripts/run-ts.mjs bench/documents.ts 30 100` picks sizes.
 */
import { Emulator } from '../emulator';
import { DOCUMENTS_CREATED_PER_DAY, setAccountType } from '../emulator/core/daily-documents';
import { AgencyDirectory, readTaskTable } from '../src/domain/consolidate/read-task-table';
import { DocSpec } from '../src/domain/document/doc-spec';
import { localPlanContent } from '../src/domain/document/plan-content';
import { planDocument } from '../src/domain/document/plan-document';
import { REFORM_AREAS } from '../src/domain/plan/areas';
import { DEFAULT_TASK_COLUMNS } from '../src/domain/plan/columns';
import { createRenderedDocument, renderWithDocumentApp, savePdf } from '../src/gas/documents';
import { layoutTemplateId, newDocsApiMemory } from '../src/gas/docs-api';
import { createDocumentsWithPdfs } from '../src/gas/docs-batch';
import { GENERATE_CHUNK } from '../src/app/generate';
import { sampleConfig } from '../test/fixtures/config';

const ROWS = 50;
const say = (line: string) => process.stdout.write(line + '\n');

function spec(i: number): DocSpec {
  const grid: string[][] = [['PHỤ LỤC II'], [''], [''], DEFAULT_TASK_COLUMNS.map((c) => c.header)];
  REFORM_AREAS.forEach((area, a) => {
    grid.push([area.roman, area.tableTitle]);
    for (let r = a; r < ROWS; r += 8) {
      grid.push([
        '',
        `Nhiệm vụ ${r + 1}`,
        'Báo cáo',
        'Phòng Nội vụ',
        '',
        'Quý II/2025',
        '12.500.000',
        'Ngân sách',
        '',
      ]);
    }
  });
  const { rows } = readTaskTable({ code: 'NV', name: 'Phòng Nội vụ' }, 'Nhiệm vụ', grid, {
    planYear: 2025,
    columns: DEFAULT_TASK_COLUMNS,
    agencies: new AgencyDirectory(['Phòng Nội vụ']),
  });
  return planDocument(
    `Văn bản KH CCHC 2025 - Đơn vị ${i + 1}`,
    localPlanContent(sampleConfig(), rows),
    DEFAULT_TASK_COLUMNS,
  );
}

type Way = (emu: Emulator, specs: readonly DocSpec[], folder: GoogleAppsScript.Drive.Folder) => void;

/**
 * The product: a step's units together (GENERATE_CHUNK): their copies, one batchUpdate each (at
 * most 60 a minute), PDF exports in parallel, one createFile per PDF (gas/docs-batch.ts).
 */
const product: Way = (_emu, specs, folder) => {
  layoutTemplateId(folder);
  const memory = newDocsApiMemory();
  for (let i = 0; i < specs.length; i += GENERATE_CHUNK) {
    const made = createDocumentsWithPdfs(specs.slice(i, i + GENERATE_CHUNK), folder, memory);
    const failed = made.filter((m) => !('docId' in m));
    if (failed.length > 0)
      throw new Error(`bench: ${failed.length} documents not made: ${JSON.stringify(failed[0])}`);
  }
};

/** The product before issue 14's batching: one document after another (copy, fill, getAs). */
const productSerial: Way = (_emu, specs, folder) => {
  layoutTemplateId(folder);
  for (const s of specs) savePdf(createRenderedDocument(s, folder), `${s.name}.pdf`, folder);
};

/** Naive script: DocumentApp block by block, then the PDF. */
const serialDocumentApp: Way = (_emu, specs, folder) => {
  for (const s of specs) savePdf(renderWithDocumentApp(s, folder), `${s.name}.pdf`, folder);
};

/** Naive mail-merge: makeCopy of a placeholder template, replaceText per field, rows appended. */
const mailMerge: Way = (emu, specs, folder) => {
  const template = emu.DocumentApp.create('Mẫu trộn thư');
  const templateId = template.getId();
  const body = template.getBody();
  const fields = [
    'CO_QUAN',
    'SO',
    'NGAY',
    'TIEU_DE',
    'MUC_TIEU',
    'NHIEM_VU',
    'GIAI_PHAP',
    'KINH_PHI',
    'TO_CHUC',
    'NGUOI_KY',
  ];
  for (const f of fields) body.appendParagraph(`{{${f}}}`);
  body.appendTable([DEFAULT_TASK_COLUMNS.map((c) => c.header)]);
  template.saveAndClose();
  for (const s of specs) {
    const copy = emu.DriveApp.getFileById(templateId).makeCopy(s.name, folder);
    const doc = emu.DocumentApp.openById(copy.getId());
    const b = doc.getBody();
    for (const f of fields) b.replaceText(`\\{\\{${f}\\}\\}`, `Nội dung ${f}`);
    const table = b.getTables()[0];
    const taskTable = s.blocks.find((x) => x.kind === 'table');
    for (const row of taskTable && taskTable.kind === 'table' ? taskTable.rows.slice(1) : []) {
      const tr = table.appendTableRow();
      for (const cell of row.cells) tr.appendTableCell(cell);
    }
    doc.saveAndClose();
    savePdf(copy.getId(), `${s.name}.pdf`, folder);
  }
};

interface Row {
  readonly way: string;
  readonly n: number;
  readonly modeledMin: number;
  readonly calls: number;
  readonly docsCreated: number;
}

function run(name: string, way: Way, n: number): Row {
  const emu = new Emulator({ start: new Date(Date.UTC(2025, 1, 6, 9)) }); // 01:00 Pacific
  setAccountType(emu.ctx, 'workspace');
  const close = emu.install(globalThis);
  try {
    const folder = emu.DriveApp.createFolder('Văn bản');
    const specs = Array.from({ length: n }, (_, i) => spec(i));
    emu.ctx.ledger.reset();
    way(emu, specs, folder);
    const docs = emu.ctx.drive
      .all()
      .filter((it) => it.mimeType === 'application/vnd.google-apps.document').length;
    return {
      way: name,
      n,
      modeledMin: emu.ctx.ledger.modeledTimeMs() / 60000,
      calls: emu.ctx.ledger.totalCalls(),
      docsCreated: docs,
    };
  } finally {
    close();
  }
}

export function benchDocuments(sizes: readonly number[]): Row[] {
  const rows: Row[] = [];
  for (const n of sizes) {
    rows.push(run('Docs API, batched per step (product)', product, n));
    rows.push(run('Docs API, one by one (before batching)', productSerial, n));
    rows.push(run('DocumentApp serial (naive)', serialDocumentApp, n));
    rows.push(run('makeCopy + replaceText (naive)', mailMerge, n));
  }
  say(
    '| Units | Way | Modeled time (min) | Calls | Google Docs created (Workspace limit 1,500 / consumer 250 a day) |',
  );
  say('|---:|---|---:|---:|---:|');
  for (const r of rows) {
    say(`| ${r.n} | ${r.way} | ${r.modeledMin.toFixed(1)} | ${r.calls} | ${r.docsCreated} |`);
  }
  say(`(daily limits: ${DOCUMENTS_CREATED_PER_DAY.workspace} / ${DOCUMENTS_CREATED_PER_DAY.consumer})`);
  return rows;
}

if (require.main === module) {
  const args = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  benchDocuments(args.length > 0 ? args : [30, 100, 1000]);
}
