import { urlFetchControls } from '../../emulator';
import { elementBodies, exportDocument, readDocxParts, wordText } from '../../emulator/export';
import { documentModelOf } from '../../emulator/services/document';
import type { BlockView, ParagraphView, TableView } from '../../emulator/services/document/view';
import { SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { sampleTasks } from '../../sample/tasks';
import { DOCS_API_SWITCH_KEY } from '../../src/gas/docs-api';
import * as entry from '../../src/index';
import { lastLog, Office, provisionedOffice, setConfig } from '../fixtures/office';
import { docIdOf, refuseDocsApi, submitPlan } from '../fixtures/generate';
import { SAMPLE_PLAN_TEXTS } from '../fixtures/plan';

/**
 * The office's own template through the Docs API (domain/document/template-requests.ts): a copy
 * filled by one batchUpdate makes what the DocumentApp way (gas/fill-template.ts) makes.
 */
const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = [pick('TP'), pick('VHO')];
const commune = UNITS[1];

type Doc = GoogleAppsScript.Document.Document;

const SOLUTIONS = ['Tăng cường kỷ luật, kỷ cương hành chính.', 'Đẩy mạnh tuyên truyền {{nam}}.', ''].join(
  '\n',
);

/** A template with every kind of spot: formatted, several lines, in a table, the marker mid-text. */
function richTemplate(office: Office) {
  return (template: Doc) => {
    const A = office.emu.DocumentApp;
    const body = template.getBody();
    body.appendParagraph('{{co_quan_ban_hanh}}').editAsText().setBold(true).setFontSize(13);
    body.appendParagraph('Kính gửi: {{don_vi}}').editAsText().setBold(false).setBold(10, 19, true);
    body
      .appendParagraph('{{giai_phap}}')
      .setAlignment(A.HorizontalAlignment.JUSTIFY)
      .setIndentFirstLine(36)
      .editAsText()
      .setBold(false)
      .setFontSize(14);
    body.appendParagraph('Nơi nhận: {{noi_nhan}} (hết)').setSpacingAfter(6);
    body.appendParagraph('Trước bảng {{BANG_NHIEM_VU}} sau bảng ({{so_nhiem_vu}} nhiệm vụ).');
    body.appendParagraph('Tổng kinh phí: {{ tong_kinh_phi }} đồng; năm {{nam}}.');
    body.appendTable([['{{noi_nhan}}', '{{nguoi_ky}}']]);
    body.appendParagraph('{{nguoi_ky}}');
    template.addHeader().appendParagraph('Đơn vị: {{don_vi}} — {{nam}}');
    template.addFooter().appendParagraph('Kế hoạch năm {{nam}}');
  };
}

function officeWithTemplate(build: (office: Office) => (template: Doc) => void, documentApp = false) {
  const office = provisionedOffice(UNITS);
  office.emu.ctx.clock.set(Date.UTC(2025, 1, 6, 2));
  const texts = { ...SAMPLE_PLAN_TEXTS, solutions: SOLUTIONS, objectives: 'Đạt {{chi_tieu}} theo {{nam}}.' };
  for (const unit of UNITS) submitPlan(office, unit, sampleTasks(unit, UNITS), texts);
  entry.menuRefreshStatus();
  const template = office.emu.DocumentApp.create('Mẫu kế hoạch của Phòng Nội vụ');
  build(office)(template);
  const templateId = template.getId();
  template.saveAndClose();
  setConfig(office.master, 'documentTemplateId', templateId);
  if (documentApp) {
    office.emu.PropertiesService.getDocumentProperties().setProperty(DOCS_API_SWITCH_KEY, 'false');
  }
  return { office, templateId };
}

function generate(office: Office): void {
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, '');
  entry.menuGenerateUnitPlans();
}

/** What the two ways must agree on: every block's text, paragraph look and runs; tables' cells. */
function shape(blocks: readonly BlockView[] | null): unknown[] {
  return (blocks ?? []).map((b) => {
    if (b.type === 'table') {
      const t = b as TableView;
      return {
        table: t.rows.map((r) => r.cells.map((c) => shape(c.children))),
        widths: t.columnWidths.map((w) => (w === null ? null : Math.round(w))),
        border: t.borderWidth,
      };
    }
    const p = b as ParagraphView;
    return {
      type: p.type,
      text: p.text,
      alignment: p.alignment,
      indentFirstLine: p.indentFirstLine,
      spacingAfter: p.spacingAfter,
      runs: p.runs
        .filter((r) => r.text !== '')
        .map((r) => [r.text, r.style.bold, r.style.italic, r.style.fontSize, r.style.fontFamily]),
    };
  });
}

function documentOf(office: Office, unit: SampleUnit) {
  return documentModelOf(office.emu.ctx, docIdOf(office, unit));
}

const served = (office: Office, pattern: RegExp) =>
  urlFetchControls(office.emu.ctx)
    .requests()
    .filter((r) => pattern.test(r.url));
const FILL = /docs\.googleapis\.com\/v1\/documents\/[^/?]+:batchUpdate$/;
const COPY = /\/drive\/v3\/files\/[^/]+\/copy/;
const EXPORT = /\/drive\/v3\/files\/[^/]+\/export\?mimeType=application%2Fpdf$/;
const READ = /docs\.googleapis\.com\/v1\/documents\/[^/:?]+\?fields=/;

describe("the office's own template through the Docs API", () => {
  const opened: Office[] = [];
  afterEach(() => opened.splice(0).forEach((o) => o.close()));
  const open = (build = richTemplate, documentApp = false) => {
    const made = officeWithTemplate(build, documentApp);
    opened.push(made.office);
    return made;
  };

  it('makes what the DocumentApp way makes: same text, formatting and tables in body, header and footer', () => {
    const api = open().office;
    generate(api);
    const byDocumentApp = open(richTemplate, true).office;
    generate(byDocumentApp);
    for (const unit of UNITS) {
      const a = documentOf(api, unit);
      const b = documentOf(byDocumentApp, unit);
      expect(shape(a.body)).toEqual(shape(b.body));
      expect(shape(a.header)).toEqual(shape(b.header));
      expect(shape(a.footer)).toEqual(shape(b.footer));
    }
    // The API way made them (its task table's header row is pinned; DocumentApp cannot pin it).
    const table = (documentOf(api, commune).body as BlockView[]).find(
      (b): b is TableView => b.type === 'table' && b.rows[0].cells[0].text === 'TT',
    );
    expect(table?.pinnedHeaderRows).toBe(1);
    expect(served(api, FILL)).toHaveLength(UNITS.length);
    expect(served(byDocumentApp, FILL)).toHaveLength(0);
    // And what it made is the template filled: the marker's paragraph split around the table, the
    // lines of a value as paragraphs, text a unit typed kept literally.
    const texts = (documentOf(api, commune).body as BlockView[]).map((b) =>
      b.type === 'table' ? '<table>' : (b as ParagraphView).text,
    );
    const at = texts.indexOf('Trước bảng ');
    expect(texts.slice(at, at + 3)).toEqual([
      'Trước bảng ',
      '<table>',
      ' sau bảng (' + texts[at + 2].slice(11),
    ]);
    expect(texts[at + 2]).toMatch(/^ sau bảng \(\d+ nhiệm vụ\)\.$/);
    expect(texts).toContain('Tăng cường kỷ luật, kỷ cương hành chính.');
    expect(texts).toContain('Đẩy mạnh tuyên truyền {{nam}}.');
    expect(texts.join('\n')).not.toMatch(/\{\{(?!nam\}\}\.)/);
    expect(lastLog(api.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it('reads back (.docx) filled, the task table with its header row repeated', async () => {
    const { office } = open();
    generate(office);
    const parts = await readDocxParts(await exportDocument(office.emu.ctx, docIdOf(office, commune)));
    const text = wordText(parts.document);
    expect(text).toContain('Kính gửi: UBND xã Vĩnh Hòa');
    expect(text).toContain('Trước bảng');
    expect(text).not.toContain('{{BANG_NHIEM_VU}}');
    expect(text).not.toContain('{{don_vi}}');
    const taskTable = elementBodies(parts.document, 'w:tbl').find((t) => t.includes('>Kinh phí (đồng)<'))!;
    const rows = elementBodies(taskTable, 'w:tr');
    expect(rows[0]).toContain('<w:tblHeader');
    expect(rows.slice(1).filter((r) => r.includes('<w:tblHeader'))).toEqual([]);
  });

  it('costs per document one copy, one batchUpdate and one export, each kind in one fetchAll; one read of the template', () => {
    const { office } = open();
    urlFetchControls(office.emu.ctx).clearRequests();
    office.emu.ctx.ledger.reset();
    generate(office);
    for (const pattern of [COPY, FILL, EXPORT]) {
      const sent = served(office, pattern);
      expect(sent).toHaveLength(UNITS.length);
      expect(new Set(sent.map((r) => r.atMs)).size).toBe(1);
      expect(sent.every((r) => r.status === 200)).toBe(true);
    }
    expect(served(office, READ)).toHaveLength(1);
    // The units' sheets ("Kế hoạch", "Nhiệm vụ") read together: one fetchAll for the step.
    const csv = served(office, /\/spreadsheets\/d\/[^/]+\/export\?format=csv/);
    expect(csv).toHaveLength(2 * UNITS.length);
    expect(new Set(csv.map((r) => r.atMs)).size).toBe(1);
    const calls = office.emu.ctx.ledger.snapshot();
    expect(calls['File.makeCopy'] ?? 0).toBe(0);
    expect(calls['DocumentApp.create'] ?? 0).toBe(0);
    expect(calls['Body.insertTable'] ?? 0).toBe(0);
    expect(calls['Text.insertText'] ?? 0).toBe(0);
    expect(calls['File.getAs'] ?? 0).toBe(0);
    // Strays of an earlier run looked for in one listing of the output folder for the step, not
    // by a search per unit and name; only My Drive's root is searched per unit.
    const listings = served(office, /\/drive\/v3\/files\?q=/);
    expect(listings).toHaveLength(1);
    expect(calls['Folder.getFilesByName']).toBe(UNITS.length);
    // The template opened by DocumentApp: twice by the check before anything is made, once for its
    // header and footer — not once per document.
    expect(calls['DocumentApp.openById']).toBe(3);
  });

  it("makes the office's draft plan from the template the same way", () => {
    const { office } = open();
    urlFetchControls(office.emu.ctx).clearRequests();
    office.emu.ctx.ledger.reset();
    entry.menuGenerateLocalPlan();
    expect([COPY, FILL, EXPORT].map((p) => served(office, p).length)).toEqual([1, 1, 1]);
    expect(office.emu.ctx.ledger.snapshot()['File.makeCopy'] ?? 0).toBe(0);
    const files = office.emu.DriveApp.getFilesByName('Dự thảo Kế hoạch CCHC 2025 - UBND HUYỆN VĨNH LINH');
    const model = documentModelOf(office.emu.ctx, files.next().getId());
    const texts = (model.body as BlockView[]).map((b) =>
      b.type === 'table' ? '<table>' : (b as ParagraphView).text,
    );
    expect(texts).toContain('Trước bảng ');
    expect(texts.join('\n')).not.toContain('{{BANG_NHIEM_VU}}');
  });

  const named = (office: Office) =>
    office.emu.ctx.drive.all().filter((it) => it.name === `Văn bản KH CCHC 2025 - ${commune.name}`);

  it('falls back to DocumentApp on a refusal for good, remembered: no copy made to hear it again', () => {
    const { office } = open();
    refuseDocsApi(office, FILL);
    urlFetchControls(office.emu.ctx).clearRequests();
    office.emu.ctx.ledger.reset();
    generate(office);
    expect(served(office, COPY)).toHaveLength(UNITS.length); // the batch's, trashed
    expect(office.emu.ctx.ledger.snapshot()['File.makeCopy']).toBe(UNITS.length);
    expect(
      named(office)
        .map((it) => office.emu.ctx.drive.isTrashed(it))
        .sort(),
    ).toEqual([false, true]);
    const texts = (documentOf(office, commune).body as BlockView[]).map((b) =>
      b.type === 'table' ? '<table>' : (b as ParagraphView).text,
    );
    expect(texts).toContain('Kính gửi: UBND xã Vĩnh Hòa');
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it('keeps no copy whose replaceAllText changed another number of occurrences than the template holds', () => {
    const { office } = open();
    // Filled, but the header's placeholders untouched (as if replaceAllText reached the body only).
    urlFetchControls(office.emu.ctx).failNext(FILL, 200, {
      body: JSON.stringify({ replies: [{ replaceAllText: { occurrencesChanged: 1 } }, {}] }),
      contentType: 'application/json',
    });
    urlFetchControls(office.emu.ctx).clearRequests();
    generate(office);
    // The first unit's copy is trashed and that unit made with DocumentApp (as would be every
    // later one of this execution); the other unit's fill, answered right, is kept.
    expect(served(office, COPY)).toHaveLength(UNITS.length);
    expect(office.emu.ctx.ledger.snapshot()['File.makeCopy']).toBe(1);
    const first = office.emu.ctx.drive
      .all()
      .filter((it) => it.name === `Văn bản KH CCHC 2025 - ${UNITS[0].name}`);
    expect(first.map((it) => office.emu.ctx.drive.isTrashed(it)).sort()).toEqual([false, true]);
    for (const unit of UNITS) {
      const header = (documentOf(office, unit).header as BlockView[]).map((b) => (b as ParagraphView).text);
      expect(header.join('\n')).toContain(`Đơn vị: ${unit.name} — 2025`);
    }
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it("goes the DocumentApp way when the template's read is refused for good, without copying through the API", () => {
    const { office } = open();
    refuseDocsApi(office, READ);
    urlFetchControls(office.emu.ctx).clearRequests();
    office.emu.ctx.ledger.reset();
    generate(office);
    expect(served(office, READ)).toHaveLength(1); // remembered: not asked again per unit
    expect(served(office, COPY)).toHaveLength(0);
    expect(office.emu.ctx.ledger.snapshot()['File.makeCopy']).toBe(UNITS.length);
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it('retries through the API after a passing fault, the failed copy in the trash', () => {
    const { office } = open();
    urlFetchControls(office.emu.ctx).failNext(FILL, 503);
    office.emu.ctx.ledger.reset();
    generate(office);
    expect(office.emu.ctx.ledger.snapshot()['File.makeCopy'] ?? 0).toBe(0);
    // One unit's first fill failed: its copy is in the trash, the retry's copy is its document.
    const docs = office.emu.ctx.drive
      .all()
      .filter((it) => it.name.startsWith('Văn bản KH CCHC 2025 - ') && !it.name.endsWith('.pdf'));
    expect(docs.map((it) => office.emu.ctx.drive.isTrashed(it)).sort()).toEqual([false, false, true]);
    expect(served(office, FILL).map((r) => r.status)).toEqual([503, 200, 200]);
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it('reports a unit whose fill keeps failing, leaving nothing of it live', () => {
    const { office } = open();
    urlFetchControls(office.emu.ctx).failNext(FILL, 503, { times: 100 });
    generate(office);
    expect(named(office).length).toBeGreaterThan(0);
    expect(named(office).every((it) => office.emu.ctx.drive.isTrashed(it))).toBe(true);
    expect(lastLog(office.master)[4]).toBe(`tạo 0, lỗi ${UNITS.length}`);
  });

  it('makes with DocumentApp a template whose header takes a value of several lines', () => {
    const { office } = open((o) => (template) => {
      richTemplate(o)(template);
      template.getHeader()!.appendParagraph('{{noi_nhan}}');
    });
    urlFetchControls(office.emu.ctx).clearRequests();
    generate(office);
    expect(served(office, COPY)).toHaveLength(0);
    const header = documentOf(office, commune).header as BlockView[];
    expect(header.map((b) => (b as ParagraphView).text)).toContain('- Lưu: VT;');
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });
});
