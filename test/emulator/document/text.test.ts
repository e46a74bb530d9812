import { newDoc, thrown } from './helpers';

function textOf(s: string) {
  const { app, body } = newDoc();
  const p = body.appendParagraph(s);
  return { app, body, p, text: p.editAsText() };
}

describe('Text formatting by character', () => {
  test('a partly bold line keeps exactly the characters asked', () => {
    const { text } = textOf('Nơi nhận: UBND tỉnh');
    text.setBold(0, 8, true);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(8)).toBe(true);
    expect(text.isBold(9)).toBeNull();
    expect(text.isBold()).toBeNull(); // mixed
    expect(text.getTextAttributeIndices()).toEqual([0, 9]);
    text.setBold(true);
    expect(text.isBold()).toBe(true);
    expect(text.getTextAttributeIndices()).toEqual([0]);
  });

  test('italic, underline, strikethrough, size, family, colours, link', () => {
    const { app, text } = textOf('Vĩnh Linh, ngày 05 tháng 02 năm 2025');
    text
      .setItalic(true)
      .setUnderline(0, 8, true)
      .setStrikethrough(0, 0, true)
      .setFontSize(13)
      .setFontFamily('Times New Roman')
      .setForegroundColor('#FF0000')
      .setBackgroundColor(0, 3, '#ffff00')
      .setLinkUrl(0, 3, 'https://example.gov.vn')
      .setTextAlignment(0, 0, app.TextAlignment.SUPERSCRIPT);
    expect(text.isItalic()).toBe(true);
    expect(text.isUnderline(8)).toBe(true);
    expect(text.isUnderline(9)).toBeNull();
    expect(text.isStrikethrough(0)).toBe(true);
    expect(text.getFontSize()).toBe(13);
    expect(text.getFontFamily()).toBe('Times New Roman');
    expect(text.getForegroundColor()).toBe('#ff0000');
    expect(text.getBackgroundColor(3)).toBe('#ffff00');
    expect(text.getBackgroundColor()).toBeNull();
    expect(text.getLinkUrl(0)).toBe('https://example.gov.vn');
    expect(String(text.getTextAlignment(0))).toBe('SUPERSCRIPT');
    const attrs = text.getAttributes(0);
    expect(attrs).toMatchObject({
      ITALIC: true,
      UNDERLINE: true,
      FONT_SIZE: 13,
      FONT_FAMILY: 'Times New Roman',
    });
    expect(text.getAttributes().UNDERLINE).toBeNull();
  });

  test('the deprecated FontFamily enum still sets the family name', () => {
    const { app, text } = textOf('x');
    text.setFontFamily(app.FontFamily.TIMES_NEW_ROMAN as unknown as string);
    expect(text.getFontFamily()).toBe('Times New Roman');
  });

  test('offsets are checked with Apps Script’s wording', () => {
    const { text } = textOf('Kế hoạch');
    expect(thrown(() => text.setBold(0, 99, true)).message).toBe(
      'Index (99) must be less than the content length (8).',
    );
    expect(thrown(() => text.getFontSize(8)).message).toBe(
      'Index (8) must be less than the content length (8).',
    );
    expect(thrown(() => text.setBold(5, 2, true)).message).toBe('Invalid argument: endOffsetInclusive');
    expect(thrown(() => text.insertText(9, 'x')).message).toBe(
      'Index (9) must be less than or equal to the content length (8).',
    );
    expect(thrown(() => text.setBold(0, 1, 'yes' as unknown as boolean)).message).toBe(
      "The parameters (number,number,String) don't match the method signature for DocumentApp.Text.setBold.",
    );
  });

  test('values are checked: integer sizes, "#rrggbb" colours', () => {
    const { text } = textOf('x');
    expect(thrown(() => text.setFontSize(13.5)).message).toBe('Invalid argument: size');
    expect(thrown(() => text.setForegroundColor('red')).message).toBe('Invalid argument: color');
    expect(thrown(() => text.setFontSize('13' as unknown as number)).message).toBe(
      "The parameters (String) don't match the method signature for DocumentApp.Text.setFontSize.",
    );
  });

  test('setAttributes over a range and over all; getAttributes at an offset', () => {
    const { app, text } = textOf('TM. ỦY BAN NHÂN DÂN');
    text.setAttributes(0, 2, { [String(app.Attribute.BOLD)]: true, [String(app.Attribute.FONT_SIZE)]: 13 });
    expect(text.getAttributes(1)).toMatchObject({ BOLD: true, FONT_SIZE: 13 });
    expect(text.getAttributes(3)).toMatchObject({ BOLD: null, FONT_SIZE: null });
    text.setAttributes({ ITALIC: true });
    expect(text.isItalic()).toBe(true);
  });
});

describe('Text editing', () => {
  test('inserted text takes the style of the character before it', () => {
    const { text } = textOf('ab');
    text.setBold(0, 0, true);
    text.insertText(1, 'X');
    expect(text.getText()).toBe('aXb');
    expect(text.isBold(1)).toBe(true);
    text.insertText(0, 'Y');
    expect(text.isBold(0)).toBeNull(); // no character before it: no formatting of its own
    expect(text.isBold(1)).toBe(true);
    text.appendText('Z');
    expect(text.isBold(4)).toBeNull();
  });

  test('text inserted into a Text emptied by deleteText keeps none of the deleted formatting', () => {
    const { p } = textOf('{{don_vi}}');
    const element = p.getChild(0).asText();
    element.setBold(true).setFontSize(14);
    element.deleteText(0, 9);
    element.insertText(0, 'Phòng Tư pháp');
    expect(element.isBold(0)).toBeNull();
    expect(element.getFontSize(0)).toBeNull();
    // Inserted after a character of the placeholder, before deleting it, the value keeps its look.
    const { p: q } = textOf('Kính gửi: {{don_vi}}');
    const kept = q.getChild(0).asText();
    kept.setBold(10, 19, true).setFontSize(10, 19, 14);
    kept.insertText(11, 'Phòng Tư pháp');
    kept.deleteText(24, 32);
    kept.deleteText(10, 10);
    expect(kept.getText()).toBe('Kính gửi: Phòng Tư pháp');
    expect(kept.isBold(10)).toBe(true);
    expect(kept.getFontSize(22)).toBe(14);
    expect(kept.isBold(9)).toBeNull();
  });

  test('deleteText removes an inclusive range; setText replaces all', () => {
    const { p, text } = textOf('Số: 01/KH-UBND');
    text.deleteText(0, 3);
    expect(p.getText()).toBe('01/KH-UBND');
    text.setText('02/KH-UBND');
    expect(p.getText()).toBe('02/KH-UBND');
  });

  test('a Text element can be copied and appended elsewhere', () => {
    const { body, p } = textOf('gốc');
    p.getChild(0).asText().setBold(true);
    const copy = p.getChild(0).asText().copy();
    const q = body.appendParagraph('đích: ');
    q.appendText(copy);
    expect(q.getText()).toBe('đích: gốc');
    expect(q.getChild(1).asText().isBold()).toBe(true);
    expect(thrown(() => q.appendText(p.getChild(0).asText())).message).toBe('Element must be detached.');
  });

  test('replaceText and findText on a Text element', () => {
    const { text } = textOf('Kinh phí: {{tien}} đồng');
    const found = text.findText('\\{\\{\\w+\\}\\}');
    expect([found.getStartOffset(), found.getEndOffsetInclusive()]).toEqual([10, 17]);
    text.replaceText('\\{\\{tien\\}\\}', '50.000.000');
    expect(text.getText()).toBe('Kinh phí: 50.000.000 đồng');
  });
});

describe('editAsText views', () => {
  test('are Text objects whatever they span', () => {
    const { body, p } = textOf('x');
    const view = p.editAsText();
    expect(String(view.getType())).toBe('TEXT');
    expect(view.asText()).toBe(view);
    expect(() => view.asParagraph()).toThrow('Cannot cast DocumentApp.Text to DocumentApp.Paragraph.');
    expect(String(body.editAsText().getType())).toBe('TEXT');
  });
});
