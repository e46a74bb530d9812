import { documentModelOf, DocumentModel } from '../../emulator/services/document';
import type { ParagraphView, TableView } from '../../emulator/services/document/view';
import { formatVnd } from '../../src/domain/parse/vnd';
import { PAGE } from '../../src/domain/document/official-format';
import { planFields } from '../../src/domain/plan/plan-fields';
import { PLAN_HEADER_ROW, PLAN_VALUE_COLUMN } from '../../src/domain/unit-file/sheets';
import * as entry from '../../src/index';
import { sampleTasks } from '../../sample/tasks';
import { SampleUnit } from '../../sample/vinh-linh';
import { Office, unitFileId } from '../fixtures/office';
import { agency, commune, docIdOf, submittedOffice, UNITS } from '../fixtures/generate';

/** The office corrects the commune's submitted (locked) plan text itself, as an admin may. */
function editSolutions(office: Office, text: string): void {
  const sheet = office.emu.SpreadsheetApp.openById(unitFileId(office.master, commune.code)).getSheetByName(
    'Kế hoạch',
  );
  const row = PLAN_HEADER_ROW + 1 + planFields({ planYear: 2025 }).findIndex((f) => f.key === 'solutions');
  if (!sheet) throw new Error('no plan sheet');
  sheet.getRange(row, PLAN_VALUE_COLUMN).setValue(text);
}

function generate(office: Office, codes = ''): void {
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, codes);
  entry.menuGenerateUnitPlans();
}

const paragraphs = (
  blocks: ReturnType<typeof documentModelOf> extends infer M
    ? M extends { body: infer B }
      ? B
      : never
    : never,
) => (blocks as (ParagraphView | TableView)[]).filter((b): b is ParagraphView => b.type === 'paragraph');

/**
 * The body's blocks from the header table on. Through the Docs API a document cannot start with a
 * table ("A newline character will be inserted before the inserted table"): one empty, 1-pt
 * paragraph comes first, and is checked to be that.
 */
function fromHeader(model: DocumentModel): DocumentModel['body'] {
  const [first, ...rest] = model.body;
  if (first.type === 'table') return model.body;
  expect(first.text).toBe('');
  expect(first.runs.every((r) => r.style.fontSize === 1)).toBe(true);
  return rest;
}

describe('Tạo văn bản kế hoạch', () => {
  let office: Office;
  afterEach(() => office.close());

  it("writes a unit's plan as a Google Doc formatted to Nghị định 30, with its PDF and registry links", () => {
    office = submittedOffice();
    generate(office);
    const id = docIdOf(office, commune);
    const model = documentModelOf(office.emu.ctx, id);
    if (!model) throw new Error('no document');
    expect(model.name).toBe('Văn bản KH CCHC 2025 - UBND xã Vĩnh Hòa');

    // A4 portrait, margins within the decree's ranges.
    expect(model.page.width).toBeCloseTo(PAGE.width, 1);
    expect(model.page.height).toBeCloseTo(PAGE.height, 1);
    const mm = (pt: number) => (pt * 25.4) / 72;
    expect(mm(model.page.marginTop)).toBeGreaterThanOrEqual(20);
    expect(mm(model.page.marginLeft)).toBeGreaterThanOrEqual(30);
    expect(mm(model.page.marginRight)).toBeGreaterThanOrEqual(15);

    // The header block: two borderless columns, authority left, national title right.
    const header = fromHeader(model)[0] as TableView;
    expect(header.type).toBe('table');
    expect(header.borderWidth).toBe(0);
    const left = header.rows[0].cells[0].children as ParagraphView[];
    const right = header.rows[0].cells[1].children as ParagraphView[];
    // Nghị định 30: UBND xã has no parent authority; its own name in full, on two lines.
    expect(left.map((p) => p.text)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ VĨNH HÒA', '────────', 'Số: 05/KH-UBND']);
    expect(left[1].runs[0].style).toMatchObject({ bold: true, fontFamily: 'Times New Roman', fontSize: 12 });
    expect(left[0].runs[0].style.bold).toBe(true);
    expect(right.map((p) => p.text)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '──────────────────',
      // A commune's plan is dated at the commune.
      'Vĩnh Hòa, ngày 05 tháng 02 năm 2025',
    ]);
    expect(right[3].runs[0].style).toMatchObject({ italic: true, fontSize: 14 });

    // An agency of the district: the district's committee above, not bold; the agency bold.
    const agencyDoc = documentModelOf(office.emu.ctx, docIdOf(office, agency));
    const agencyLeft = (fromHeader(agencyDoc)[0] as TableView).rows[0].cells[0].children as ParagraphView[];
    expect(agencyLeft.map((p) => p.text).slice(0, 2)).toEqual(['UBND HUYỆN VĨNH LINH', 'PHÒNG TƯ PHÁP']);
    expect(agencyLeft[0].runs[0].style.bold).toBe(false);
    const agencyRight = (fromHeader(agencyDoc)[0] as TableView).rows[0].cells[1].children as ParagraphView[];
    expect(agencyRight[3].text).toBe('Vĩnh Linh, ngày 05 tháng 02 năm 2025');
    expect(right[1].runs[0].style).toMatchObject({ bold: true, fontSize: 14 });

    // The headings, in the seed's order.
    const body = paragraphs(model.body);
    const headings = body.filter((p) => /^(I|II|III|IV|V|VI)\. /.test(p.text)).map((p) => p.text);
    expect(headings).toEqual([
      'I. MỤC TIÊU',
      'II. NHIỆM VỤ',
      'III. NHIỆM VỤ CỤ THỂ',
      'IV. GIẢI PHÁP THỰC HIỆN',
      'V. KINH PHÍ THỰC HIỆN',
      'VI. TỔ CHỨC THỰC HIỆN',
    ]);
    const title = body.find((p) => p.text === 'KẾ HOẠCH') as ParagraphView;
    expect(title.alignment).toBe('CENTER');
    expect(title.runs[0].style).toMatchObject({ bold: true, fontSize: 14, fontFamily: 'Times New Roman' });
    const text = body.find((p) => p.text.startsWith('Nâng cao chất lượng')) as ParagraphView;
    expect(text.alignment).toBe('JUSTIFY');
    expect(mm(text.indentFirstLine)).toBeGreaterThanOrEqual(10);
    expect(mm(text.indentFirstLine)).toBeLessThanOrEqual(12.7);
    expect(text.spacingAfter).toBeGreaterThanOrEqual(6);
    expect(text.runs[0].style).toMatchObject({ fontSize: 14, bold: false });

    // Budget totals equal the sum of the task rows.
    const tasks = sampleTasks(commune, UNITS).flat();
    const table = fromHeader(model).find(
      (b, i) => b.type === 'table' && i > 0 && (b as TableView).numColumns === 9,
    ) as TableView;
    const totalRow = table.rows[table.rows.length - 1].cells.map((c) => c.text);
    expect(totalRow[1]).toBe('Tổng cộng');
    const amounts = table.rows.filter((r) => /^\d+\.$/.test(r.cells[0].text)).map((r) => r.cells[6].text);
    expect(amounts).toHaveLength(tasks.length);
    const sum = amounts.reduce((s, a) => s + (/^[\d.]+$/.test(a) ? Number(a.replace(/\./g, '')) : 0), 0);
    expect(totalRow[6]).toBe(formatVnd(sum));
    expect(
      body.some(
        (p) =>
          p.text === `Tổng kinh phí: ${formatVnd(sum)} đồng, trong đó:` ||
          p.text === `Tổng kinh phí: ${formatVnd(sum)} đồng.`,
      ),
    ).toBe(true);

    // Appendix: label, title, italic "(Kèm theo …)" with the official date.
    const appendix = body.find((p) => p.text === 'Phụ lục II') as ParagraphView;
    expect(appendix.runs[0].style).toMatchObject({ bold: true, fontSize: 14 });
    const note = body.find((p) =>
      p.text.startsWith('(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 02 năm 2025'),
    ) as ParagraphView;
    expect(note.runs[0].style.italic).toBe(true);
    expect(table.rows[0].cells.map((c) => c.text)[0]).toBe('TT');
    const sectionRows = table.rows.filter((r) => /^[IVX]+$/.test(r.cells[0].text));
    expect(sectionRows.map((r) => r.cells[0].text)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
    ]);

    // Signer block and recipients.
    const signature = model.body.filter((b) => b.type === 'table')[1] as TableView;
    const recipients = signature.rows[0].cells[0].children as ParagraphView[];
    expect(recipients[0].text).toBe('Nơi nhận:');
    expect(recipients[0].runs[0].style).toMatchObject({ bold: true, italic: true, fontSize: 12 });
    expect(recipients.slice(1).map((p) => p.text)).toEqual([
      '- UBND huyện (qua Phòng Nội vụ);',
      '- Lưu: VT.',
    ]);
    expect((signature.rows[0].cells[1].children as ParagraphView[]).map((p) => p.text)).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '',
      'Nguyễn Văn An',
    ]);

    // The PDF beside it, and the registry links.
    const pdfs = office.emu.DriveApp.getFilesByName('Văn bản KH CCHC 2025 - UBND xã Vĩnh Hòa.pdf');
    expect(pdfs.hasNext()).toBe(true);
    expect(pdfs.next().getBlob().getDataAsString().startsWith('%PDF-')).toBe(true);
  });

  it('names the PDF after the whole document name, dots included, and archives one a killed run left', () => {
    const city: SampleUnit = { ...commune, name: 'UBND TP. Đông Hà' };
    office = submittedOffice([city]);
    generate(office);
    const pdfName = 'Văn bản KH CCHC 2025 - UBND TP. Đông Hà.pdf';
    const pdfsNamed = () => {
      const found: { id: string; folder: string }[] = [];
      const files = office.emu.DriveApp.getFilesByName(pdfName);
      while (files.hasNext()) {
        const file = files.next();
        if (!file.isTrashed()) found.push({ id: file.getId(), folder: file.getParents().next().getName() });
      }
      return found;
    };
    const first = pdfsNamed();
    expect(first).toHaveLength(1);
    // A run stopped after saving the files but before remembering them: the next run must still
    // find the PDF by its name and move it to the archive, so the output folder holds one of each.
    const properties = office.emu.PropertiesService.getDocumentProperties();
    expect(properties.getProperty(`cchc.doc.${city.code}`)).not.toBeNull();
    properties.deleteProperty(`cchc.doc.${city.code}`);
    office.emu.ctx.clock.advance(10 * 60 * 1000);
    generate(office, city.code);
    const after = pdfsNamed();
    expect(after).toHaveLength(2);
    expect(after.find((f) => f.id === first[0].id)?.folder).toBe('Lưu trữ');
    expect(after.filter((f) => f.folder !== 'Lưu trữ')).toHaveLength(1);
  });

  it('keeps the output on a re-run with nothing changed: no second copy, nothing archived', () => {
    office = submittedOffice();
    generate(office, commune.code);
    const first = docIdOf(office, commune);
    const files = () => office.emu.ctx.drive.all().filter((it) => it.name.includes(commune.name)).length;
    const before = files();
    office.emu.ctx.clock.advance(10 * 60 * 1000);
    generate(office, commune.code);
    expect(docIdOf(office, commune)).toBe(first);
    expect(files()).toBe(before);
    expect(office.master.getSheetByName('Nhật ký')?.getDataRange().getValues().at(-1)?.[3]).toBe(
      'Thành công',
    );
  });

  it('replaces the previous output on a re-run after the data changed, moving it to the archive, and spares a hand-edited one', () => {
    office = submittedOffice();
    generate(office, commune.code);
    const first = docIdOf(office, commune);
    office.emu.ctx.clock.advance(10 * 60 * 1000);
    editSolutions(office, 'Tăng cường kiểm tra công vụ.');
    generate(office, commune.code);
    const second = docIdOf(office, commune);
    expect(second).not.toBe(first);
    const archived = office.emu.DriveApp.getFileById(first);
    expect(archived.getParents().next().getName()).toBe('Lưu trữ');
    expect(archived.isTrashed()).toBe(false);
    const current = office.emu.DriveApp.getFilesByName('Văn bản KH CCHC 2025 - UBND xã Vĩnh Hòa');
    const ids: string[] = [];
    while (current.hasNext()) ids.push(current.next().getId());
    expect(ids.sort()).toEqual([first, second].sort()); // one current, one archived — nothing deleted

    // A leader edits the current one by hand: it is never overwritten.
    office.emu.ctx.clock.advance(10 * 60 * 1000);
    office.emu.DocumentApp.openById(second).getBody().appendParagraph('Ý kiến của lãnh đạo.');
    office.emu.ctx.clock.advance(10 * 60 * 1000);
    editSolutions(office, 'Tăng cường kiểm tra công vụ, cải cách tài chính công.');
    generate(office, commune.code);
    expect(docIdOf(office, commune)).toBe(second);
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('đã được sửa tay');
  });
});
