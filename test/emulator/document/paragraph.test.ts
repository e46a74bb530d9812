import { newDoc, thrown } from './helpers';

describe('Paragraph attributes', () => {
  test('a NORMAL paragraph reports computed paragraph values and null text attributes (seen live)', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('p1');
    const attrs = p.getAttributes();
    expect(String(attrs.HEADING)).toBe('NORMAL');
    expect(String(attrs.HORIZONTAL_ALIGNMENT)).toBe('LEFT');
    expect(attrs.LINE_SPACING).toBe(1.15);
    expect(attrs.LEFT_TO_RIGHT).toBe(true);
    expect(attrs.ITALIC).toBeNull();
    expect(attrs.FONT_FAMILY).toBeNull();
    expect(attrs.FONT_SIZE).toBeNull();
    expect(String(p.getAlignment())).toBe('LEFT');
    expect(p.getLineSpacing()).toBe(1.15);
    expect(p.getIndentFirstLine()).toBe(0);
  });

  test('a heading paragraph reports null for what its named style supplies', () => {
    const { app, body } = newDoc();
    const p = body.appendParagraph('I. MỤC TIÊU').setHeading(app.ParagraphHeading.HEADING1);
    expect(String(p.getHeading())).toBe('HEADING1');
    expect(p.getAlignment()).toBeNull();
    expect(p.getLineSpacing()).toBeNull();
    p.setAlignment(app.HorizontalAlignment.LEFT);
    expect(String(p.getAlignment())).toBe('LEFT');
  });

  test('alignment, indents, spacing and line spacing round-trip in points', () => {
    const { app, body } = newDoc();
    const p = body.appendParagraph('Thân bài');
    const same = p
      .setAlignment(app.HorizontalAlignment.JUSTIFY)
      .setIndentFirstLine(36)
      .setIndentStart(0)
      .setIndentEnd(0)
      .setSpacingBefore(6)
      .setSpacingAfter(6)
      .setLineSpacing(1.5);
    expect(same).toBe(p);
    expect(String(p.getAlignment())).toBe('JUSTIFY');
    expect(p.getAlignment()).toBe(app.HorizontalAlignment.JUSTIFY);
    expect([p.getIndentFirstLine(), p.getSpacingBefore(), p.getSpacingAfter(), p.getLineSpacing()]).toEqual([
      36, 6, 6, 1.5,
    ]);
  });

  test('strings are not enums, and Paragraph has no setBold (that is Text’s)', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('x');
    expect(thrown(() => p.setAlignment('CENTER' as never)).message).toBe(
      "The parameters (String) don't match the method signature for DocumentApp.Paragraph.setAlignment.",
    );
    expect(thrown(() => p.setIndentStart(-1)).message).toBe('Invalid argument: setIndentStart');
    expect(thrown(() => p.setLineSpacing(0)).message).toBe('Invalid argument: setLineSpacing');
    expect((p as unknown as Record<string, unknown>).setBold).toBeUndefined();
    expect((p as unknown as Record<string, unknown>).setFontSize).toBeUndefined();
  });

  test('setAttributes: paragraph attributes to the paragraph, text attributes to its text', () => {
    const { app, body } = newDoc();
    const p = body.appendParagraph('KẾ HOẠCH');
    p.setAttributes({
      [String(app.Attribute.BOLD)]: true,
      [String(app.Attribute.FONT_SIZE)]: 14,
      [String(app.Attribute.HORIZONTAL_ALIGNMENT)]: app.HorizontalAlignment.CENTER,
      [String(app.Attribute.SPACING_AFTER)]: 6,
    });
    expect(p.editAsText().isBold()).toBe(true);
    expect(p.editAsText().getFontSize()).toBe(14);
    expect(String(p.getAlignment())).toBe('CENTER');
    expect(p.getAttributes().SPACING_AFTER).toBe(6);
    p.setAttributes({ BOLD: null });
    expect(p.editAsText().isBold()).toBeNull();
    expect(thrown(() => p.setAttributes({ FONT_SIZE: '14' })).message).toBe(
      "The parameters (Object) don't match the method signature for DocumentApp.Paragraph.setAttributes.",
    );
  });
});

describe('new paragraphs continue the style of the one before (like pressing Enter)', () => {
  test('bold centered title → the next appended paragraph is bold and centered until told otherwise', () => {
    const { app, body } = newDoc();
    const title = body.appendParagraph('KẾ HOẠCH').setAlignment(app.HorizontalAlignment.CENTER);
    title.editAsText().setBold(true);
    const next = body.appendParagraph('Cải cách hành chính năm 2025');
    expect(next.editAsText().isBold()).toBe(true);
    expect(String(next.getAlignment())).toBe('CENTER');
    const plain = body.appendParagraph('Thân bài').setAlignment(app.HorizontalAlignment.JUSTIFY);
    plain.editAsText().setBold(false);
    expect(plain.editAsText().isBold()).toBe(false);
    expect(body.appendParagraph('tiếp').editAsText().isBold()).toBe(false);
  });
});

describe('Paragraph text', () => {
  test('appendText adds a Text element that continues the bold run; setBold(false) ends it', () => {
    const { app, doc, body } = newDoc();
    const p = body.appendParagraph('Nơi nhận:');
    p.editAsText().setBold(true);
    const tail = p.appendText(' (kèm)');
    expect(tail.isBold()).toBe(true);
    tail.setBold(false);
    expect(p.getNumChildren()).toBe(2);
    expect(p.getText()).toBe('Nơi nhận: (kèm)');
    expect(p.editAsText().getTextAttributeIndices()).toEqual([0, 9]);
    // Reopened, the two Text elements are one, with the formatting change kept.
    const again = app.openById(doc.getId()).getBody().getChild(1).asParagraph();
    expect(again.getNumChildren()).toBe(1);
    expect(again.getChild(0).asText().getTextAttributeIndices()).toEqual([0, 9]);
  });

  test('setText replaces the contents and returns nothing; the Text child is a TEXT element', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('cũ');
    expect(p.setText('mới\nhai dòng')).toBeUndefined();
    expect(p.getText()).toBe('mới\rhai dòng');
    expect(p.getNumChildren()).toBe(1);
    const t = p.getChild(0);
    expect(String(t.getType())).toBe('TEXT');
    expect(t.asText().getText()).toBe('mới\rhai dòng');
    expect(t.getParent().asParagraph().getText()).toBe('mới\rhai dòng');
    expect(thrown(() => p.getChild(3)).message).toBe(
      'Child index (3) must be less than the number of child elements (1).',
    );
  });

  test('insertText(childIndex) adds a Text element at that position; clear empties the paragraph', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('b');
    p.insertText(0, 'a');
    expect(p.getText()).toBe('ab');
    expect(p.getNumChildren()).toBe(2);
    p.clear();
    expect(p.getText()).toBe('');
    expect(p.getNumChildren()).toBe(0);
  });

  test('casts check the element type; siblings and parents navigate the tree', () => {
    const { body } = newDoc();
    const a = body.appendParagraph('a');
    const b = body.appendParagraph('b');
    expect(thrown(() => a.asTable()).message).toBe('Cannot cast DocumentApp.Paragraph to DocumentApp.Table.');
    expect(a.getNextSibling().asParagraph().getText()).toBe('b');
    expect(b.getPreviousSibling().asParagraph().getText()).toBe('a');
    expect(b.getNextSibling()).toBeNull();
    expect(String(a.getParent().getType())).toBe('BODY_SECTION');
    a.removeFromParent();
    expect(body.getText()).toBe('\nb');
    expect(a.getParent()).toBeNull();
  });

  test('every call is charged as Class.method', () => {
    const { ctx, body } = newDoc();
    const p = body.appendParagraph('x');
    p.setIndentFirstLine(36);
    p.editAsText().setBold(true);
    expect(ctx.ledger.count('Body.appendParagraph')).toBe(1);
    expect(ctx.ledger.count('Paragraph.setIndentFirstLine')).toBe(1);
    expect(ctx.ledger.count('Paragraph.editAsText')).toBe(1);
    expect(ctx.ledger.count('Text.setBold')).toBe(1);
  });
});

describe('ListItem', () => {
  test('consecutive items share a list; glyph and nesting level can be set', () => {
    const { app, body } = newDoc();
    const a = body.appendListItem('- Lưu: VT');
    const b = body.appendListItem('- UBND tỉnh;');
    expect(String(a.getType())).toBe('LIST_ITEM');
    expect(String(a)).toBe('ListItem');
    expect(a.getListId()).toBe(b.getListId());
    expect(String(a.getGlyphType())).toBe('BULLET');
    b.setGlyphType(app.GlyphType.NUMBER).setNestingLevel(1);
    expect(b.getGlyphType()).toBe(app.GlyphType.NUMBER);
    expect(b.getNestingLevel()).toBe(1);
    expect(String(b.getAttributes().GLYPH_TYPE)).toBe('NUMBER');
    body.appendParagraph('x');
    expect(body.appendListItem('c').getListId()).not.toBe(a.getListId());
    expect(thrown(() => b.setNestingLevel(9)).message).toBe('Invalid argument: nestingLevel');
  });
});
