import { DOCS_API_SWITCH_KEY } from '../../src/gas/docs-api';
import { documentModelOf } from '../../emulator/services/document';
import type { ParagraphView, TableView } from '../../emulator/services/document/view';
import * as entry from '../../src/index';
import { SampleRow, sampleTasks } from '../../sample/tasks';
import { SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { lastLog, Office, provisionedOffice, setConfig } from '../fixtures/office';
import { SAMPLE_PLAN_TEXTS } from '../fixtures/plan';
import { submitPlan } from '../fixtures/generate';

const unit = SAMPLE_UNITS.find((u) => u.code === 'VHO') as SampleUnit;

type Doc = GoogleAppsScript.Document.Document;

interface UnitInput {
  readonly planTexts?: Record<string, string>;
  readonly tasks?: (rows: SampleRow[][]) => SampleRow[][];
}

function officeWithTemplate(
  lines: string[],
  header: string,
  footer: string,
  input: UnitInput = {},
): { office: Office; templateId: string } {
  return officeWithBuiltTemplate((template) => {
    for (const line of lines) template.getBody().appendParagraph(line);
    template.addHeader().appendParagraph(header);
    template.addFooter().appendParagraph(footer);
  }, input);
}

/** A submitted unit (its plan texts and tasks as `input` changes them), and the template `build` makes. */
function officeWithBuiltTemplate(
  build: (template: Doc) => void,
  { planTexts = SAMPLE_PLAN_TEXTS, tasks = (rows) => rows }: UnitInput = {},
): { office: Office; templateId: string } {
  const office = provisionedOffice([unit]);
  submitPlan(office, unit, tasks(sampleTasks(unit, [unit])), planTexts);
  entry.menuRefreshStatus();
  const template = office.emu.DocumentApp.create('Mẫu kế hoạch của Phòng Nội vụ');
  build(template);
  const templateId = template.getId();
  template.saveAndClose();
  setConfig(office.master, 'documentTemplateId', templateId);
  return { office, templateId };
}

function generate(office: Office): void {
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, '');
  entry.menuGenerateUnitPlans();
}

const DOC_NAME = 'Văn bản KH CCHC 2025 - UBND xã Vĩnh Hòa';

/** Ids of the files of that name not in the trash. */
function liveFiles(office: Office, name: string): string[] {
  const ids: string[] = [];
  const files = office.emu.DriveApp.getFilesByName(name);
  while (files.hasNext()) {
    const file = files.next();
    if (!file.isTrashed()) ids.push(file.getId());
  }
  return ids;
}

function outputModel(office: Office) {
  const ids = liveFiles(office, DOC_NAME);
  expect(ids).toHaveLength(1);
  const model = documentModelOf(office.emu.ctx, ids[0]);
  if (!model) throw new Error('no document');
  return model;
}

const paragraphsOf = (blocks: readonly (ParagraphView | TableView)[]) =>
  blocks.filter((b): b is ParagraphView => b.type === 'paragraph');

const LINES = [
  '{{co_quan_ban_hanh}}',
  '{{so_ky_hieu}}',
  '{{dia_danh_ngay}}',
  'KẾ HOẠCH',
  '{{trich_yeu}}',
  'I. MỤC TIÊU',
  '{{muc_tieu}}',
  '{{BANG_NHIEM_VU}}',
  'Tổng kinh phí: {{ tong_kinh_phi }} đồng ({{so_nhiem_vu}} nhiệm vụ).',
  '{{nguoi_ky}}',
];

describe("the office's own template", () => {
  let office: Office;
  afterEach(() => office.close());

  it('replaces every placeholder in body, header and footer and puts the table at the marker', () => {
    ({ office } = officeWithTemplate(LINES, 'Đơn vị: {{don_vi}}', 'Kế hoạch năm {{nam}}'));
    generate(office);
    const docs = office.emu.DriveApp.getFilesByName('Văn bản KH CCHC 2025 - UBND xã Vĩnh Hòa');
    expect(docs.hasNext()).toBe(true);
    const model = documentModelOf(office.emu.ctx, docs.next().getId());
    if (!model) throw new Error('no document');
    const texts = (blocks: readonly (ParagraphView | TableView)[] | null) =>
      (blocks ?? []).map((b) => (b.type === 'table' ? (b as TableView).text : (b as ParagraphView).text));
    const all = [...texts(model.body), ...texts(model.header), ...texts(model.footer)].join('\n');
    expect(all).not.toContain('{{');
    expect(texts(model.header)).toContain('Đơn vị: UBND xã Vĩnh Hòa');
    expect(texts(model.footer)).toContain('Kế hoạch năm 2025');
    expect(all).toContain('Vĩnh Hòa, ngày 05 tháng 02 năm 2025');
    expect(all).toContain('Số: 05/KH-UBND');
    const tableIndex = model.body.findIndex((b) => b.type === 'table');
    // The marker stood alone: its paragraph, split around the table, leaves an empty one each side.
    expect([tableIndex - 1, tableIndex + 1].map((i) => (model.body[i] as ParagraphView).text)).toEqual([
      '',
      '',
    ]);
    const before = model.body[tableIndex - 2] as ParagraphView;
    expect(before.text.startsWith('Nâng cao chất lượng') || before.text.startsWith('Phấn đấu')).toBe(true);
    const table = model.body[tableIndex] as TableView;
    expect(table.rows[0].cells[0].text).toBe('TT');
    const tasks = sampleTasks(unit, [unit]).flat().length;
    expect(all).toContain(`(${tasks} nhiệm vụ)`);
  });

  it('fills a template whose last paragraph is the table marker, leaving an empty paragraph after the table', () => {
    ({ office } = officeWithTemplate(['KẾ HOẠCH', '{{muc_tieu}}', '{{BANG_NHIEM_VU}}'], '', ''));
    generate(office);
    expect(lastLog(office.master)[4]).toBe('tạo 1, lỗi 0');
    const body = outputModel(office).body;
    expect(body.at(-2)?.type).toBe('table');
    const last = body.at(-1) as ParagraphView;
    expect(last.type).toBe('paragraph');
    expect(last.text).toBe('');
  });

  it('moves the copy to the trash when filling fails half-way, leaving no half-filled document (DocumentApp)', () => {
    ({ office } = officeWithTemplate(LINES, '{{don_vi}}', ''));
    office.emu.PropertiesService.getDocumentProperties().setProperty(DOCS_API_SWITCH_KEY, 'false');
    // The fault lasts: the unit's document fails at the first try and at the try right after it.
    for (let attempt = 0; attempt < 2; attempt++)
      office.emu.ctx.ledger.failOn('Body.insertTable', 1, () => new Error('Service unavailable: Documents'));
    generate(office);
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('Service unavailable: Documents');
    const copies = office.emu.DriveApp.getFilesByName(DOC_NAME);
    expect(copies.hasNext()).toBe(true); // it was made, then trashed
    expect(liveFiles(office, DOC_NAME)).toEqual([]);
  });

  it("keeps each placeholder's formatting in the value that replaces it", () => {
    ({ office } = officeWithBuiltTemplate((template) => {
      const body = template.getBody();
      body.appendParagraph('Kính gửi: {{don_vi}}').editAsText().setBold(10, 19, true).setFontSize(10, 19, 14);
      body.appendParagraph('{{co_quan_ban_hanh}}').editAsText().setBold(true).setFontSize(13);
      // A new paragraph takes the previous one's look (as Enter does): this one is set plain first.
      body
        .appendParagraph('Năm {{nam}} (dự kiến)')
        .editAsText()
        .setBold(false)
        .setFontSize(11)
        .setItalic(4, 10, true);
    }));
    generate(office);
    const paragraphs = paragraphsOf(outputModel(office).body);
    const runs = (text: string) =>
      (paragraphs.find((p) => p.text === text)?.runs ?? []).map((r) => [
        r.text,
        r.style.bold,
        r.style.italic,
        r.style.fontSize,
      ]);
    expect(runs('Kính gửi: UBND xã Vĩnh Hòa')).toEqual([
      ['Kính gửi: ', false, false, 11],
      ['UBND xã Vĩnh Hòa', true, false, 14],
    ]);
    // The issuer's own name in full, as Nghị định 30 writes it in the header.
    expect(runs('ỦY BAN NHÂN DÂN XÃ VĨNH HÒA')).toEqual([['ỦY BAN NHÂN DÂN XÃ VĨNH HÒA', true, false, 13]]);
    expect(runs('Năm 2025 (dự kiến)')).toEqual([
      ['Năm ', false, false, 11],
      ['2025', false, true, 11],
      [' (dự kiến)', false, false, 11],
    ]);
  });

  it("turns a value of several lines into as many paragraphs in the placeholder's paragraph style", () => {
    const solutions = [
      'Tăng cường kỷ luật, kỷ cương hành chính.',
      'Đẩy mạnh tuyên truyền.',
      'Kiểm tra thường xuyên.',
    ];
    ({ office } = officeWithBuiltTemplate(
      (template) => {
        const body = template.getBody();
        const A = office.emu.DocumentApp;
        body
          .appendParagraph('{{giai_phap}}')
          .setAlignment(A.HorizontalAlignment.JUSTIFY)
          .setIndentFirstLine(36)
          .editAsText()
          .setFontSize(14);
        body
          .appendParagraph('Nơi nhận: {{noi_nhan}} (hết)')
          .setSpacingAfter(6)
          .editAsText()
          .setBold(10, 21, true);
        body.appendParagraph('Kết thúc.');
        body.appendTable([['{{noi_nhan}}', '{{nguoi_ky}}']]);
      },
      { planTexts: { ...SAMPLE_PLAN_TEXTS, solutions: solutions.join('\n') } },
    ));
    generate(office);
    const paragraphs = paragraphsOf(outputModel(office).body);
    const at = paragraphs.findIndex((p) => p.text === solutions[0]);
    expect(at).toBeGreaterThanOrEqual(0);
    const filled = paragraphs.slice(at, at + 3);
    expect(filled.map((p) => p.text)).toEqual(solutions);
    for (const p of filled) {
      expect(p.alignment).toBe('JUSTIFY');
      expect(p.indentFirstLine).toBe(36);
      expect(p.runs.every((r) => r.style.fontSize === 14)).toBe(true);
    }
    const recipients = paragraphs.slice(at + 3, at + 6);
    expect(recipients.map((p) => p.text)).toEqual([
      'Nơi nhận: - UBND huyện (qua Phòng Nội vụ);',
      '- Lưu: VT; (hết)',
      'Kết thúc.',
    ]);
    expect(recipients[0].spacingAfter).toBe(6);
    expect(recipients[1].spacingAfter).toBe(6);
    expect(recipients[0].runs.map((r) => [r.text, r.style.bold])).toEqual([
      ['Nơi nhận: ', false],
      ['- UBND huyện (qua Phòng Nội vụ);', true],
    ]);
    expect(recipients[1].runs.map((r) => [r.text, r.style.bold])).toEqual([
      ['- Lưu: VT;', true],
      [' (hết)', false],
    ]);
    // In a table cell (the usual place of "Nơi nhận") the lines become the cell's paragraphs.
    const table = outputModel(office).body.find((b) => b.type === 'table') as TableView;
    expect(table.rows[0].cells[0].children.map((b) => (b as ParagraphView).text)).toEqual([
      '- UBND huyện (qua Phòng Nội vụ);',
      '- Lưu: VT;',
    ]);
    expect(table.rows[0].cells[1].text).toBe('Nguyễn Văn An');
  });

  it('takes text typed by a unit literally, even where it holds "{{…}}"', () => {
    const task = 'Rà soát biểu mẫu {{ten_mau}} của tỉnh';
    ({ office } = officeWithTemplate(LINES, '', '', {
      planTexts: { ...SAMPLE_PLAN_TEXTS, objectives: 'Đạt {{chi_tieu}} theo {{nam}}.' },
      tasks: (rows) =>
        rows.map((area, i) => (i === 0 ? [[area[0][0], task, ...area[0].slice(2)], ...area.slice(1)] : area)),
    }));
    generate(office);
    expect(lastLog(office.master)[4]).toBe('tạo 1, lỗi 0');
    const model = outputModel(office);
    expect(paragraphsOf(model.body).map((p) => p.text)).toContain('Đạt {{chi_tieu}} theo {{nam}}.');
    const table = model.body.find((b) => b.type === 'table') as TableView;
    expect(table.text).toContain(task);
  });

  it('stops before creating anything when the template names a placeholder it cannot fill', () => {
    ({ office } = officeWithTemplate([...LINES, '{{ten_sai}} và {{chu_ky_so}}'], '{{don_vi}}', ''));
    const before = office.emu.ctx.drive.all().length;
    generate(office);
    const message = office.emu.ui.dialogs().at(-1)?.prompt ?? '';
    expect(message).toContain('{{ten_sai}}');
    expect(message).toContain('{{chu_ky_so}}');
    expect(message).toContain('chưa tạo văn bản nào');
    expect(office.emu.ctx.drive.all().length).toBe(before);
  });
});
