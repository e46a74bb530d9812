import { GasException } from '../../../emulator/core/errors';
import { newDoc, thrown } from './helpers';

const LAST = "Can't remove the last paragraph in a document section.";

describe('Body children', () => {
  test('appendParagraph adds after the initial empty paragraph; getText joins with "\\n" (seen live)', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('I. MỤC TIÊU');
    expect(String(p)).toBe('Paragraph');
    expect(p.getText()).toBe('I. MỤC TIÊU');
    expect(body.getNumChildren()).toBe(2);
    expect(body.getText()).toBe('\nI. MỤC TIÊU');
    expect(body.getChildIndex(p)).toBe(1);
  });

  test('insertParagraph places at the index; out-of-range indexes fail with Apps Script’s wording', () => {
    const { body } = newDoc();
    body.appendParagraph('b');
    body.insertParagraph(0, 'a');
    body.insertParagraph(3, 'c');
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['a', '', 'b', 'c']);
    expect(thrown(() => body.getChild(9)).message).toBe(
      'Child index (9) must be less than the number of child elements (4).',
    );
    expect(thrown(() => body.insertParagraph(9, 'x')).message).toBe(
      'Child index (9) must be less than or equal to the number of child elements (4).',
    );
    expect(thrown(() => body.appendParagraph(7 as unknown as string)).message).toBe(
      "The parameters (number) don't match the method signature for DocumentApp.Body.appendParagraph.",
    );
  });

  test('"\\n" typed into a paragraph is a line break inside it ("\\r"), not a new paragraph', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('Dòng 1\nDòng 2');
    expect(body.getNumChildren()).toBe(2);
    expect(p.getText()).toBe('Dòng 1\rDòng 2');
  });

  test('appendTable adds the table and an empty paragraph after it; charged per cell', () => {
    const { ctx, body } = newDoc();
    const before = ctx.ledger.modeledTimeMs();
    const table = body.appendTable([
      ['TT', 'Nhiệm vụ', 'Thời gian'],
      ['1.', 'Rà soát thủ tục', 'Quý I/2025'],
    ]);
    expect(ctx.ledger.count('Body.appendTable')).toBe(1);
    expect(ctx.ledger.modeledTimeMs() - before).toBe(1000 + 6 * 1.5);
    expect(body.getNumChildren()).toBe(3);
    expect(String(body.getChild(1).getType())).toBe('TABLE');
    expect(String(body.getChild(2).getType())).toBe('PARAGRAPH');
    expect(table.getNumRows()).toBe(2);
    expect(table.getCell(1, 1).getText()).toBe('Rà soát thủ tục');
    body.appendParagraph('Sau bảng');
    expect(body.getChild(3).asParagraph().getText()).toBe('Sau bảng');
  });

  test('appendTable takes strings only, in rows of one length; no argument gives an empty table', () => {
    const { body } = newDoc();
    expect(thrown(() => body.appendTable([[1, 2]] as unknown as string[][])).message).toBe(
      "The parameters (number[][]) don't match the method signature for DocumentApp.Body.appendTable.",
    );
    expect(thrown(() => body.appendTable([['a', 'b'], ['c']])).message).toBe('Invalid argument: cells');
    expect(body.appendTable().getNumRows()).toBe(0);
  });

  test('insertTable in the middle adds no extra paragraph', () => {
    const { body } = newDoc();
    body.appendParagraph('x');
    body.insertTable(1, [['a']]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getText()).toBe('\na\nx');
  });

  test('a table put before the last paragraph (a template marker) leaves it last: removing it fails', () => {
    const { body } = newDoc();
    const marker = body.appendParagraph('{{BANG_NHIEM_VU}}');
    body.insertTable(body.getChildIndex(marker), [['TT']]);
    expect(body.getNumChildren()).toBe(3);
    expect(thrown(() => marker.removeFromParent()).message).toBe(LAST);
    marker.clear();
    expect(body.getText()).toBe('\nTT\n');
    body.insertTable(body.getNumChildren(), [['cuối']]);
    // At the very end, Docs adds a paragraph after the table: a body never ends with a table.
    expect(String(body.getChild(body.getNumChildren() - 1).getType())).toBe('PARAGRAPH');
  });

  test('a page break or horizontal rule lives in a new paragraph of its own', () => {
    const { body } = newDoc();
    const pb = body.appendPageBreak();
    expect(String(pb.getType())).toBe('PAGE_BREAK');
    expect(String(pb.getParent().getType())).toBe('PARAGRAPH');
    expect(body.getNumChildren()).toBe(2);
    const hr = body.appendHorizontalRule();
    expect(String(hr.getType())).toBe('HORIZONTAL_RULE');
    expect(body.getChild(2).asParagraph().getNumChildren()).toBe(1);
  });

  test('a page break may not go into a table cell', () => {
    const { body } = newDoc();
    const cell = body.appendTable([['a']]).getCell(0, 0);
    const p = cell.getChild(0).asParagraph();
    expect(() => p.appendPageBreak()).toThrow(GasException);
  });

  test('the last paragraph of a section cannot be removed (seen live)', () => {
    const { body } = newDoc();
    const first = body.getChild(0).asParagraph();
    expect(thrown(() => first.removeFromParent()).message).toBe(LAST);
    const second = body.appendParagraph('x');
    first.removeFromParent();
    expect(body.getText()).toBe('x');
    expect(thrown(() => body.removeChild(second)).message).toBe(LAST);
    body.appendTable([['a']]);
    // The paragraph after a table is the last one: removing it fails too.
    expect(thrown(() => body.getChild(2).removeFromParent()).message).toBe(LAST);
  });

  test('clear leaves one empty paragraph; clearing a body that ends with a list item fails (live quirk)', () => {
    const { body } = newDoc();
    body.appendParagraph('a');
    body.appendTable([['b']]);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
    body.appendListItem('- mục');
    expect(thrown(() => body.clear()).message).toBe(LAST);
    body.appendParagraph('');
    body.clear();
    expect(body.getNumChildren()).toBe(1);
  });

  test('appending an attached element fails; its copy() can be appended and keeps its formatting', () => {
    const { body, app } = newDoc();
    const p = body.appendParagraph('Tiêu đề');
    p.setHeading(app.ParagraphHeading.HEADING1);
    expect(thrown(() => body.appendParagraph(p)).message).toBe('Element must be detached.');
    const copy = p.copy();
    expect(copy.getParent()).toBeNull();
    const appended = body.appendParagraph(copy);
    expect(appended.getText()).toBe('Tiêu đề');
    expect(String(appended.getHeading())).toBe('HEADING1');
    expect(thrown(() => body.appendParagraph(copy)).message).toBe('Element must be detached.');
    expect(thrown(() => body.appendParagraph(body.appendTable([['x']]) as never)).message).toMatch(
      /^The parameters \(DocumentApp.Table\) don't match the method signature for DocumentApp.Body.appendParagraph\.$/,
    );
  });

  test('getParagraphs includes list items and paragraphs in table cells; getTables and getListItems', () => {
    const { body } = newDoc();
    body.appendParagraph('a');
    body.appendListItem('b');
    body.appendTable([['c', 'd']]);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['', 'a', 'b', 'c', 'd', '']);
    expect(body.getTables()).toHaveLength(1);
    expect(body.getListItems().map((l) => l.getText())).toEqual(['b']);
  });

  test('setText replaces everything; each "\\n" starts a paragraph', () => {
    const { body } = newDoc();
    body.appendTable([['x']]);
    body.setText('Dòng một\nDòng hai');
    expect(body.getNumChildren()).toBe(2);
    expect(body.getText()).toBe('Dòng một\nDòng hai');
  });
});

describe('page setup', () => {
  test('a new document is US Letter with one-inch margins', () => {
    const { body } = newDoc();
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([612, 792]);
    expect([
      body.getMarginTop(),
      body.getMarginBottom(),
      body.getMarginLeft(),
      body.getMarginRight(),
    ]).toEqual([72, 72, 72, 72]);
  });

  test('A4 and Nghị định 30 margins, in points; shown in getAttributes', () => {
    const { body } = newDoc();
    const mm = (x: number) => (x * 72) / 25.4;
    body
      .setPageWidth(mm(210))
      .setPageHeight(mm(297))
      .setMarginTop(mm(20))
      .setMarginBottom(mm(20))
      .setMarginLeft(mm(30))
      .setMarginRight(mm(15));
    expect(body.getPageWidth()).toBeCloseTo(595.28, 2);
    expect(body.getMarginLeft()).toBeCloseTo(85.04, 2);
    const attrs = body.getAttributes();
    expect(attrs.PAGE_HEIGHT).toBeCloseTo(841.89, 2);
    expect(attrs.MARGIN_RIGHT).toBeCloseTo(42.52, 2);
  });

  test('bad values fail', () => {
    const { body } = newDoc();
    expect(thrown(() => body.setPageWidth('595' as unknown as number)).message).toBe(
      "The parameters (String) don't match the method signature for DocumentApp.Body.setPageWidth.",
    );
    expect(thrown(() => body.setMarginTop(-1)).message).toBe('Invalid argument: setMarginTop');
    expect(thrown(() => body.setPageHeight(0)).message).toBe('Invalid argument: setPageHeight');
  });
});

describe('Body.setAttributes (observed live)', () => {
  test('text attributes go to existing and new paragraphs; paragraph attributes are ignored', () => {
    const { app, body } = newDoc();
    const p1 = body.appendParagraph('Có sẵn');
    body.setAttributes({
      [String(app.Attribute.FONT_FAMILY)]: 'Times New Roman',
      [String(app.Attribute.FONT_SIZE)]: 13,
      [String(app.Attribute.HORIZONTAL_ALIGNMENT)]: app.HorizontalAlignment.CENTER,
    });
    expect(p1.getAttributes().FONT_FAMILY).toBe('Times New Roman');
    expect(p1.getAttributes().FONT_SIZE).toBe(13);
    expect(String(p1.getAlignment())).toBe('LEFT');
    const table = body.appendTable([['ô']]);
    const p2 = body.appendParagraph('Mới');
    expect(p2.editAsText().getFontFamily()).toBe('Times New Roman');
    expect(table.getCell(0, 0).editAsText().getFontSize()).toBe(13);
    expect(String(p2.getAlignment())).toBe('LEFT');
    expect(body.getAttributes().FONT_SIZE).toBe(13);
  });
});

describe('Body text: editAsText, replaceText, findText', () => {
  test('editAsText formats across paragraphs by offset in getText()', () => {
    const { body } = newDoc();
    body.appendParagraph('ab');
    body.appendParagraph('cd');
    const text = body.editAsText();
    expect(text.getText()).toBe('\nab\ncd');
    text.setBold(2, 4, true); // "b", "\n", "c"
    expect(body.getChild(1).asParagraph().editAsText().isBold(0)).toBeNull();
    expect(body.getChild(1).asParagraph().editAsText().isBold(1)).toBe(true);
    expect(body.getChild(2).asParagraph().editAsText().isBold(0)).toBe(true);
    expect(body.getChild(2).asParagraph().editAsText().isBold(1)).toBeNull();
    expect(() => text.deleteText(2, 4)).toThrow(/across paragraphs/);
  });

  test('replaceText uses regular expressions per paragraph and keeps the placeholder’s formatting', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('Vĩnh Linh, ngày {{ngay}} tháng {{thang}} năm 2025');
    p.editAsText().setItalic(true);
    body.appendParagraph('{{ngay}}');
    const result = body.replaceText('\\{\\{ngay\\}\\}', '05');
    expect(result).toBe(body);
    body.replaceText('\\{\\{thang\\}\\}', '02');
    expect(p.getText()).toBe('Vĩnh Linh, ngày 05 tháng 02 năm 2025');
    expect(p.editAsText().isItalic()).toBe(true);
    expect(body.getChild(2).asParagraph().getText()).toBe('05');
    body.replaceText('^.*Linh.*$', 'Vĩnh Linh');
    expect(p.getText()).toBe('Vĩnh Linh');
  });

  test('a pattern never matches across paragraphs', () => {
    const { body } = newDoc();
    body.appendParagraph('A');
    body.appendParagraph('B');
    body.replaceText('A\\nB', 'x');
    expect(body.getText()).toBe('\nA\nB');
  });

  test('what RE2 or the reference rule out is refused', () => {
    const { body } = newDoc();
    body.appendParagraph('abc');
    for (const bad of ['a(?=b)', '(a)\\1', '(?i)ABC', '(']) {
      expect(thrown(() => body.replaceText(bad, 'x')).message).toBe('Invalid argument: searchPattern');
    }
    expect(() => body.replaceText('abc', '$1')).toThrow(/not modeled/);
  });

  test('a placeholder split over two Text elements is not matched until the document is reopened', () => {
    const { app, doc, body } = newDoc();
    const p = body.appendParagraph('{{ten');
    p.appendText('}}');
    expect(p.getNumChildren()).toBe(2);
    body.replaceText('\\{\\{ten\\}\\}', 'Phòng Nội vụ');
    expect(p.getText()).toBe('{{ten}}');
    const reopened = app.openById(doc.getId()).getBody();
    expect(reopened.getChild(1).asParagraph().getNumChildren()).toBe(1);
    reopened.replaceText('\\{\\{ten\\}\\}', 'Phòng Nội vụ');
    expect(reopened.getText()).toBe('\nPhòng Nội vụ');
  });

  test('findText walks matches in document order, from a previous result, then null', () => {
    const { body } = newDoc();
    body.appendParagraph('Quý I/2025 và Quý II/2025');
    body.appendTable([['Quý III']]);
    const first = body.findText('Quý [IV]+');
    expect(first.getStartOffset()).toBe(0);
    expect(first.getEndOffsetInclusive()).toBe(4);
    expect(first.isPartial()).toBe(true);
    expect(first.getElement().asText().getText()).toBe('Quý I/2025 và Quý II/2025');
    const second = body.findText('Quý [IV]+', first);
    expect(second.getStartOffset()).toBe(14);
    const third = body.findText('Quý [IV]+', second);
    expect(third.getElement().asText().getText()).toBe('Quý III');
    expect(third.isPartial()).toBe(false);
    expect(body.findText('Quý [IV]+', third)).toBeNull();
    expect(body.findText('không có')).toBeNull();
  });
});

describe('search patterns', () => {
  test('escaped parentheses and question marks are literals, not groups', () => {
    const { body } = newDoc();
    body.appendParagraph('Kinh phí (?=) (đồng)');
    body.replaceText('\\(\\?=\\)', 'x');
    body.replaceText('\\(đồng\\)', '(triệu đồng)');
    expect(body.getText()).toBe('\nKinh phí x (triệu đồng)');
  });
});
