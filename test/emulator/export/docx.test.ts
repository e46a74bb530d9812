import {
  DocxParts,
  docxProblems,
  elementAttributes,
  elementBodies,
  exportDocument,
  readDocxParts,
  wordText,
} from '../../../emulator/export';
import { createDocumentApp } from '../../../emulator/services/document';
import { emulator } from './helpers';

type DocApp = GoogleAppsScript.Document.DocumentApp;

const A4 = { width: 595.28, height: 841.89 };
const TNR = 'Times New Roman';

/**
 * A plan document as an office writes one (Nghị định 30/2020 layout): A4, Times New Roman 13–14,
 * margins 2 cm / 2 cm / 3 cm / 1.5 cm, a centred bold title, justified body with a 1 cm first-line
 * indent, a task table with a bold header row, a list, a page break, a header and a footer.
 */
function planDocument() {
  const emu = emulator();
  const app: DocApp = createDocumentApp(emu.ctx);
  const doc = app.create('Kế hoạch CCHC năm 2025');
  const body = doc.getBody();
  body
    .setPageWidth(A4.width)
    .setPageHeight(A4.height)
    .setMarginTop(56.7)
    .setMarginBottom(56.7)
    .setMarginLeft(85.05)
    .setMarginRight(42.5);
  const A = app.Attribute;
  /** Apps Script paragraphs have no setBold/setFontSize: text attributes go through setAttributes. */
  const text = (extra: Record<string, unknown> = {}) => ({
    [A.FONT_FAMILY]: TNR,
    [A.FONT_SIZE]: 14,
    ...extra,
  });

  const title = body.getParagraphs()[0];
  title.setText('KẾ HOẠCH'); // Paragraph.setText returns nothing in Apps Script
  title
    .setAttributes(text({ [A.BOLD]: true }))
    .setAlignment(app.HorizontalAlignment.CENTER)
    .setSpacingAfter(6);
  body
    .appendParagraph('I. MỤC ĐÍCH, YÊU CẦU')
    .setHeading(app.ParagraphHeading.HEADING1)
    .setAttributes(text());
  const p = body.appendParagraph('Triển khai thực hiện có hiệu quả công tác cải cách hành chính.');
  p.setAttributes(text({ [A.FONT_SIZE]: 13 }))
    .setAlignment(app.HorizontalAlignment.JUSTIFY)
    .setIndentFirstLine(28.35)
    .setSpacingBefore(6)
    .setSpacingAfter(6)
    .setLineSpacing(1.5);
  p.editAsText().setItalic(0, 8, true).setForegroundColor(0, 8, '#c00000').setUnderline(18, 21, true);
  body.appendParagraph('Dòng một\rdòng hai\tcó tab').setAttributes(text());
  body
    .appendListItem('Rà soát thủ tục hành chính')
    .setAttributes(text())
    .setIndentStart(36)
    .setIndentFirstLine(18);
  body.appendListItem('Số hóa hồ sơ').setAttributes(text()).setIndentStart(36).setIndentFirstLine(18);
  body.appendPageBreak();

  const table = body.appendTable([
    ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì'],
    ['1', 'Rà soát TTHC', 'Phòng Tư pháp'],
    ['2', 'Tuyên truyền', 'Văn phòng'],
  ]);
  table
    .setAttributes(text({ [A.FONT_SIZE]: 12 }))
    .setBorderWidth(0.5)
    .setBorderColor('#000000');
  table.setColumnWidth(0, 40).setColumnWidth(2, 120);
  const header = table.getRow(0);
  for (let c = 0; c < header.getNumCells(); c++) {
    header.getCell(c).setBackgroundColor('#d9d9d9').editAsText().setBold(true);
  }
  body.appendParagraph('Nơi nhận: như trên.').setAttributes(text({ [A.ITALIC]: true, [A.FONT_SIZE]: 12 }));

  doc
    .addHeader()
    .appendParagraph('UBND HUYỆN VĨNH LINH')
    .setAttributes(text({ [A.FONT_SIZE]: 12 }));
  doc
    .addFooter()
    .appendParagraph('Trang cuối')
    .setAttributes(text())
    .setAlignment(app.HorizontalAlignment.RIGHT);
  return { emu, id: doc.getId() };
}

/** The <w:p> elements of a part whose text is `text`. */
function paragraphXml(xml: string, text: string): string {
  const found = elementBodies(xml, 'w:p').find((p) => wordText(p) === text);
  if (found === undefined) throw new Error(`no paragraph "${text}"`);
  return found;
}

describe('exportDocument (.docx)', () => {
  let parts: DocxParts;
  let buffer: Buffer;

  beforeAll(async () => {
    const { emu, id } = planDocument();
    buffer = await exportDocument(emu.ctx, id);
    parts = await readDocxParts(buffer);
  });

  it('keeps the page size (A4 is 11906 × 16838 twips) and margins', () => {
    expect(elementAttributes(parts.document, 'w:pgSz')[0]).toMatchObject({
      'w:w': '11906',
      'w:h': '16838',
      'w:orient': 'portrait',
    });
    expect(elementAttributes(parts.document, 'w:pgMar')[0]).toMatchObject({
      'w:top': '1134',
      'w:bottom': '1134',
      'w:left': '1701',
      'w:right': '850',
      'w:header': '720',
      'w:footer': '720',
    });
  });

  it('keeps fonts, sizes, bold, italic, underline and colour of runs', () => {
    const title = paragraphXml(parts.document, 'KẾ HOẠCH');
    expect(elementAttributes(title, 'w:rFonts')[0]).toMatchObject({ 'w:ascii': TNR, 'w:hAnsi': TNR });
    expect(elementAttributes(title, 'w:sz')[0]).toEqual({ 'w:val': '28' });
    expect(title).toContain('<w:b/>');
    const body = paragraphXml(
      parts.document,
      'Triển khai thực hiện có hiệu quả công tác cải cách hành chính.',
    );
    const runs = elementBodies(body, 'w:r');
    expect(wordText(runs[0])).toBe('Triển kha');
    expect(runs[0]).toContain('<w:i/>');
    expect(elementAttributes(runs[0], 'w:color')[0]).toEqual({ 'w:val': 'C00000' });
    expect(elementAttributes(runs[0], 'w:sz')[0]).toEqual({ 'w:val': '26' });
    const underlined = runs.find((r) => r.includes('<w:u '));
    expect(wordText(underlined ?? '')).toBe('ện c');
  });

  it('keeps alignment, first-line indent, spacing and line spacing', () => {
    const title = paragraphXml(parts.document, 'KẾ HOẠCH');
    expect(elementAttributes(title, 'w:jc')[0]).toEqual({ 'w:val': 'center' });
    expect(elementAttributes(title, 'w:spacing')[0]).toMatchObject({ 'w:after': '120' });
    const body = paragraphXml(
      parts.document,
      'Triển khai thực hiện có hiệu quả công tác cải cách hành chính.',
    );
    expect(elementAttributes(body, 'w:jc')[0]).toEqual({ 'w:val': 'both' });
    expect(elementAttributes(body, 'w:ind')[0]).toMatchObject({ 'w:left': '0', 'w:firstLine': '567' });
    expect(elementAttributes(body, 'w:spacing')[0]).toMatchObject({
      'w:before': '120',
      'w:after': '120',
      'w:line': '360',
      'w:lineRule': 'auto',
    });
  });

  it('keeps headings, line breaks, tabs, list items and page breaks', () => {
    const heading = paragraphXml(parts.document, 'I. MỤC ĐÍCH, YÊU CẦU');
    expect(elementAttributes(heading, 'w:pStyle')[0]).toEqual({ 'w:val': 'Heading1' });
    expect(parts.document).toContain('Dòng một');
    expect(elementBodies(parts.document, 'w:p').map(wordText)).toContain('Dòng một\ndòng hai\tcó tab');
    const item = paragraphXml(parts.document, 'Rà soát thủ tục hành chính');
    expect(item).toContain('<w:numPr>');
    // Docs' first line at 18 pt, text at 36 pt: Word's hanging indent of 18 pt.
    expect(elementAttributes(item, 'w:ind')[0]).toMatchObject({ 'w:left': '720', 'w:hanging': '360' });
    expect(parts.numbering).toContain('w:numFmt w:val="bullet"');
    expect(parts.document).toContain('<w:br w:type="page"/>');
  });

  it('keeps tables: rows, cell texts, column widths, borders, shading, bold header', () => {
    const tables = elementBodies(parts.document, 'w:tbl');
    expect(tables).toHaveLength(1);
    const t = tables[0];
    // 40 pt and 120 pt set; the middle column takes the rest of the text width (467.73 pt).
    expect(elementAttributes(t, 'w:gridCol').map((g) => g['w:w'])).toEqual(['800', '6155', '2400']);
    expect(elementAttributes(t, 'w:tblLayout')[0]).toEqual({ 'w:type': 'fixed' });
    expect(elementAttributes(t, 'w:top')[0]).toMatchObject({
      'w:val': 'single',
      'w:sz': '4',
      'w:color': '000000',
    });
    const rows = elementBodies(t, 'w:tr');
    expect(rows.map((r) => elementBodies(r, 'w:tc').map(wordText))).toEqual([
      ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì'],
      ['1', 'Rà soát TTHC', 'Phòng Tư pháp'],
      ['2', 'Tuyên truyền', 'Văn phòng'],
    ]);
    const headerCell = elementBodies(rows[0], 'w:tc')[1];
    expect(headerCell).toContain('<w:b/>');
    expect(elementAttributes(headerCell, 'w:shd')[0]).toMatchObject({ 'w:fill': 'D9D9D9' });
    expect(elementAttributes(headerCell, 'w:tcW')[0]).toEqual({ 'w:type': 'dxa', 'w:w': '6155' });
    expect(elementBodies(rows[1], 'w:tc')[1]).not.toContain('<w:b/>');
    expect(elementAttributes(elementBodies(rows[1], 'w:tc')[1], 'w:rFonts')[0]).toMatchObject({
      'w:ascii': TNR,
    });
  });

  it('keeps the header and the footer', () => {
    expect(parts.headers.map(wordText)).toEqual(['UBND HUYỆN VĨNH LINH']);
    expect(parts.footers.map(wordText)).toEqual(['Trang cuối']);
    // addFooter() starts with an empty paragraph, as in Docs; the appended one follows it.
    expect(elementAttributes(paragraphXml(parts.footers[0], 'Trang cuối'), 'w:jc')[0]).toEqual({
      'w:val': 'right',
    });
  });

  it('writes Docs’ named styles instead of Word’s blue headings', () => {
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(parts.styles)?.[0] ?? '';
    expect(elementAttributes(heading1, 'w:sz')[0]).toEqual({ 'w:val': '40' });
    expect(heading1).not.toContain('2E74B5');
  });

  it('passes the repair-prompt checks', async () => {
    expect(await docxProblems(buffer)).toEqual([]);
  });
});
