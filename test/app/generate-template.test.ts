import { documentModelOf } from '../../emulator/services/document';
import type { ParagraphView, TableView } from '../../emulator/services/document/view';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { Office, provisionedOffice, setConfig, unitFileId } from '../fixtures/office';
import { SAMPLE_PLAN_TEXTS, writePlanTexts } from '../fixtures/plan';

const unit = SAMPLE_UNITS.find((u) => u.code === 'VHO') as SampleUnit;

function officeWithTemplate(
  lines: string[],
  header: string,
  footer: string,
): { office: Office; templateId: string } {
  const office = provisionedOffice([unit]);
  fillTaskTable(
    office.emu,
    focalEmail(unit),
    unitFileId(office.master, unit.code),
    'Nhiệm vụ',
    sampleTasks(unit, [unit]),
  );
  writePlanTexts(office, unit, SAMPLE_PLAN_TEXTS);
  setUnitState(
    office.emu,
    focalEmail(unit),
    unitFileId(office.master, unit.code),
    'Đã hoàn thành, đề nghị tiếp nhận',
  );
  entry.menuRefreshStatus();
  const template = office.emu.DocumentApp.create('Mẫu kế hoạch của Phòng Nội vụ');
  for (const line of lines) template.getBody().appendParagraph(line);
  template.addHeader().appendParagraph(header);
  template.addFooter().appendParagraph(footer);
  const templateId = template.getId();
  template.saveAndClose();
  setConfig(office.master, 'documentTemplateId', templateId);
  return { office, templateId };
}

function generate(office: Office): void {
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, '');
  entry.menuGenerateUnitPlans();
}

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
    const before = model.body[tableIndex - 1] as ParagraphView;
    expect(before.text.startsWith('Nâng cao chất lượng') || before.text.startsWith('Phấn đấu')).toBe(true);
    const table = model.body[tableIndex] as TableView;
    expect(table.rows[0].cells[0].text).toBe('TT');
    const tasks = sampleTasks(unit, [unit]).flat().length;
    expect(all).toContain(`(${tasks} nhiệm vụ)`);
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
