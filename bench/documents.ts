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
import { REFORM_AREAS } from '../src/domain/plan/areas';
import { DEFAULT_TASK_COLUMNS } from '../src/domain/plan/columns';
import {
  createRenderedDocument,
  fillTemplateCopy,
  renderWithDocumentApp,
  savePdf,
  templateText,
} from '../src/gas/documents';
import { layoutTemplateId, newDocsApiMemory } from '../src/gas/docs-api';
import { createCopiesWithPdfs, createDocumentsWithPdfs } from '../src/gas/docs-batch';
import { officeTemplateLayout } from '../src/gas/office-template';
import { PlanContent, planDocument, tableWidths, taskTable } from '../src/domain/document/plan-document';
import { placeholderValues, placeholdersIn } from '../src/domain/document/placeholders';
import { templateRequests } from '../src/domain/document/template-requests';
import { summarizeBudget } from '../src/domain/consolidate/budget-totals';
import { GENERATE_CHUNK } from '../src/app/generate';
import { sampleConfig } from '../test/fixtures/config';

const ROWS = 50;
const say = (line: string) => process.stdout.write(line + '\n');

function spec(i: number): DocSpec {
  return planDocument(`Văn bản KH CCHC 2025 - Đơn vị ${i + 1}`, content(), DEFAULT_TASK_COLUMNS);
}

function content(): PlanContent {
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
  return localPlanContent(sampleConfig(), rows);
}

/** An office's own template: the usual placeholders, the table marker, the unit in the header. */
function officeTemplate(emu: Emulator, folder: GoogleAppsScript.Drive.Folder): string {
  const doc = emu.DocumentApp.create('Mẫu văn bản của văn phòng');
  const body = doc.getBody();
  for (const line of [
    '{{co_quan_chu_quan}}',
    '{{co_quan_ban_hanh}}',
    '{{so_ky_hieu}}',
    '{{dia_danh_ngay}}',
    'KẾ HOẠCH',
    '{{trich_yeu}}',
    '{{can_cu}}',
    'I. MỤC TIÊU',
    '{{muc_tieu}}',
    'II. NHIỆM VỤ',
    '{{nhiem_vu_1}}',
    '{{nhiem_vu_2}}',
    'III. GIẢI PHÁP',
    '{{giai_phap}}',
    'IV. KINH PHÍ: {{tong_kinh_phi}} đồng',
    '{{kinh_phi_theo_nguon}}',
    'PHỤ LỤC',
    '{{BANG_NHIEM_VU}}',
    '{{noi_nhan}}',
    '{{tham_quyen_ky}}',
    '{{nguoi_ky}}',
  ])
    body.appendParagraph(line);
  doc.addHeader().appendParagraph('{{don_vi}} — Kế hoạch CCHC năm {{nam}}');
  const id = doc.getId();
  doc.saveAndClose();
  emu.DriveApp.getFileById(id).moveTo(folder);
  return id;
}

const templateTable = (c: PlanContent) => ({
  rows: taskTable(c.tasks, DEFAULT_TASK_COLUMNS, summarizeBudget(c.tasks)),
  widths: tableWidths(DEFAULT_TASK_COLUMNS),
});

/** The office's template the product's way: a step's copies, fills and PDF exports together. */
const officeTemplateProduct: Way = (emu, specs, folder) => {
  const templateId = officeTemplate(emu, folder);
  const c = content();
  const memory = newDocsApiMemory();
  for (let i = 0; i < specs.length; i += GENERATE_CHUNK) {
    const layout = officeTemplateLayout(templateId, memory);
    if ('fallback' in layout) throw new Error(`bench: ${layout.fallback}`);
    const jobs = specs.slice(i, i + GENERATE_CHUNK).map((s) => {
      const fill = templateRequests(
        layout.body,
        layout.elsewhere,
        placeholderValues(layout.names, c),
        templateTable(c),
      );
      if (!('requests' in fill)) throw new Error(`bench: ${JSON.stringify(fill)}`);
      return { name: s.name, requests: fill.requests, checks: fill.checks };
    });
    const made = createCopiesWithPdfs(jobs, { id: templateId, label: 'mẫu văn bản' }, folder, memory);
    const failed = made.filter((m) => !('docId' in m));
    if (failed.length > 0) throw new Error(`bench: ${failed.length} not made: ${JSON.stringify(failed[0])}`);
  }
};

/** The office's template before: makeCopy, DocumentApp fill, getAs, one document after another. */
const officeTemplateDocumentApp: Way = (emu, specs, folder) => {
  const templateId = officeTemplate(emu, folder);
  const c = content();
  for (const s of specs) {
    const values = placeholderValues(placeholdersIn(templateText(templateId)), c);
    const filled = fillTemplateCopy(templateId, s.name, folder, values, templateTable(c));
    if (!('id' in filled)) throw new Error(`bench: ${JSON.stringify(filled)}`);
    savePdf(filled.id, `${s.name}.pdf`, folder);
  }
};

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
    rows.push(run("office's template, Docs API batched per step (product)", officeTemplateProduct, n));
    rows.push(run("office's template, DocumentApp one by one (before)", officeTemplateDocumentApp, n));
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
