import { MIME } from '../../../emulator/core/drive-store';
import { documentModelOf, ParagraphView, TableView } from '../../../emulator/services/document';
import { newDoc } from './helpers';

const mm = (x: number) => (x * 72) / 25.4;

/** A small plan laid out per Nghị định 30/2020/NĐ-CP, the way the product builds one. */
function samplePlan() {
  const env = newDoc('Kế hoạch CCHC năm 2025');
  const { app, doc, body } = env;
  body
    .setPageWidth(mm(210))
    .setPageHeight(mm(297))
    .setMarginTop(mm(20))
    .setMarginBottom(mm(20))
    .setMarginLeft(mm(30))
    .setMarginRight(mm(15));
  body.setAttributes({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 13 });
  const header = body.appendTable([
    ['ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
  ]);
  header.setBorderWidth(0);
  header.getCell(0, 0).editAsText().setBold(16, 30, true);
  const title = body.appendParagraph('KẾ HOẠCH').setAlignment(app.HorizontalAlignment.CENTER);
  title.editAsText().setBold(true).setFontSize(14);
  const para = body
    .appendParagraph('Thực hiện Kế hoạch số 10/KH-UBND của UBND tỉnh…')
    .setAlignment(app.HorizontalAlignment.JUSTIFY)
    .setIndentFirstLine(mm(12.7))
    .setSpacingAfter(6)
    .setLineSpacing(1.15);
  para.editAsText().setBold(false).setFontSize(13);
  doc.addFooter().appendParagraph('Trang');
  return { ...env, title, para };
}

describe('documentModelOf', () => {
  test('gives page setup, blocks in order with resolved and explicit styles, header and footer', () => {
    const { ctx, doc } = samplePlan();
    const calls = ctx.ledger.totalCalls();
    const model = documentModelOf(ctx, doc.getId());
    expect(ctx.ledger.totalCalls()).toBe(calls + 1); // only the getId above: the reader is free

    expect(model.name).toBe('Kế hoạch CCHC năm 2025');
    expect(model.page.width).toBeCloseTo(595.28, 2);
    expect(model.page.marginLeft).toBeCloseTo(85.04, 2);
    expect(model.body.map((b) => b.type)).toEqual([
      'paragraph',
      'table',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);

    const table = model.body[1] as TableView;
    expect(table.borderWidth).toBe(0);
    expect(table.numColumns).toBe(2);
    const left = table.rows[0].cells[0];
    expect(left.text).toBe('ỦY BAN NHÂN DÂN\rHUYỆN VĨNH LINH');
    const leftRuns = (left.children[0] as ParagraphView).runs;
    expect(leftRuns.map((r) => [r.text, r.style.bold])).toEqual([
      ['ỦY BAN NHÂN DÂN\r', false],
      ['HUYỆN VĨNH LINH', true],
    ]);
    expect(leftRuns[1].style).toMatchObject({ fontFamily: 'Times New Roman', fontSize: 13 });

    const title = model.body[3] as ParagraphView;
    expect(title).toMatchObject({ text: 'KẾ HOẠCH', alignment: 'CENTER', heading: 'NORMAL' });
    expect(title.runs).toHaveLength(1);
    expect(title.runs[0].style).toMatchObject({ bold: true, fontSize: 14, fontFamily: 'Times New Roman' });
    expect(title.runs[0].explicit).toEqual({ bold: true, fontSize: 14, fontFamily: 'Times New Roman' });

    const para = model.body[4] as ParagraphView;
    expect(para.alignment).toBe('JUSTIFY');
    expect(para.indentFirstLine).toBeCloseTo(36, 0);
    expect(para.spacingAfter).toBe(6);
    expect(para.lineSpacing).toBe(1.15);
    expect(para.explicit.alignment).toBe('JUSTIFY');
    expect(para.runs[0].style.bold).toBe(false);

    expect(model.header).toBeNull();
    expect((model.footer![1] as ParagraphView).text).toBe('Trang');
  });

  test('unset values resolve to Google Docs’ defaults (Arial 11, 1.15) and stay null in `explicit`', () => {
    const { ctx, doc, body, app } = newDoc();
    body.appendParagraph('x');
    body.appendParagraph('Tiêu đề').setHeading(app.ParagraphHeading.HEADING1);
    const [, x, h] = documentModelOf(ctx, doc.getId()).body as ParagraphView[];
    expect(x.runs[0].style).toMatchObject({
      fontFamily: 'Arial',
      fontSize: 11,
      bold: false,
      foregroundColor: '#000000',
    });
    expect(x.runs[0].explicit).toEqual({});
    expect(x.lineSpacing).toBe(1.15);
    expect(h.heading).toBe('HEADING1');
    expect(h.runs[0].style.fontSize).toBe(20);
  });

  test('runs of one style are merged across Text elements; page breaks show in content', () => {
    const { ctx, doc, body } = newDoc();
    const p = body.appendParagraph('a');
    p.appendText('b');
    p.appendText('c').setItalic(true);
    body.appendPageBreak();
    const model = documentModelOf(ctx, doc.getId());
    const para = model.body[1] as ParagraphView;
    expect(para.runs.map((r) => r.text)).toEqual(['ab', 'c']);
    expect((model.body[2] as ParagraphView).content).toEqual([{ type: 'pageBreak' }]);
  });

  test('is plain data: changing it does not change the document', () => {
    const { ctx, doc, body } = newDoc();
    body.appendParagraph('x');
    const model = documentModelOf(ctx, doc.getId());
    (model.body[1] as ParagraphView).runs[0].explicit.bold = true;
    expect(body.getChild(1).asParagraph().editAsText().isBold()).toBeNull();
  });

  test('fails for an id that is not a document', () => {
    const { ctx } = newDoc();
    const sheet = ctx.drive.create({ name: 's', mimeType: MIME.spreadsheet });
    expect(() => documentModelOf(ctx, sheet.id)).toThrow(/not a document/);
  });
});
