import { MIME } from '../../../emulator/core/drive-store';
import { GasException } from '../../../emulator/core/errors';
import { documentModelOf, DocumentContent } from '../../../emulator/services/document';
import { COLLEAGUE, newDoc, OWNER, setup, STRANGER, thrown } from './helpers';

const missing = (id: string) =>
  `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`;

describe('DocumentApp.create', () => {
  test('stores a Google Doc in the creator’s My Drive and charges the call', () => {
    const { ctx, app } = setup();
    const before = ctx.ledger.modeledTimeMs();
    const doc = app.create('Kế hoạch CCHC năm 2025');
    const item = ctx.drive.peek(doc.getId())!;
    expect(item.mimeType).toBe(MIME.document);
    expect(item.name).toBe('Kế hoạch CCHC năm 2025');
    expect(item.owner).toBe(OWNER);
    expect([...item.parents]).toEqual([ctx.drive.rootFor(OWNER).id]);
    expect(item.content).toBeInstanceOf(DocumentContent);
    expect(ctx.ledger.count('DocumentApp.create')).toBe(1);
    expect(ctx.ledger.modeledTimeMs() - before).toBeGreaterThanOrEqual(1500);
  });

  test('a new document holds one empty paragraph, as in Google Docs', () => {
    const { doc, body } = newDoc();
    expect(body.getNumChildren()).toBe(1);
    expect(String(body.getChild(0).getType())).toBe('PARAGRAPH');
    expect(body.getText()).toBe('');
    expect(String(body)).toBe('DocumentBodySection');
    expect(String(doc)).toBe('Document');
  });

  test('refuses a non-string name with Apps Script’s signature message', () => {
    const { app } = setup();
    expect(thrown(() => app.create(42 as unknown as string)).message).toBe(
      "The parameters (number) don't match the method signature for DocumentApp.create.",
    );
  });
});

describe('DocumentApp.openById / openByUrl', () => {
  test('opens the same document; its edits are seen by every handle', () => {
    const { app, doc } = newDoc();
    doc.getBody().appendParagraph('Mục tiêu');
    const again = app.openById(doc.getId());
    expect(again.getName()).toBe(doc.getName());
    expect(again.getBody().getText()).toBe('\nMục tiêu');
  });

  test('missing, deleted, inaccessible and non-document ids all fail with DocumentApp’s message', () => {
    const { ctx, app, doc } = newDoc();
    const id = doc.getId();
    const err = thrown(() => app.openById('1nope'));
    expect(err).toBeInstanceOf(GasException);
    expect(err.message).toBe(missing('1nope'));
    expect(thrown(() => ctx.session.as(STRANGER, () => app.openById(id))).message).toBe(missing(id));
    const sheet = ctx.drive.create({ name: 'Tổng hợp', mimeType: MIME.spreadsheet });
    expect(thrown(() => app.openById(sheet.id)).message).toBe(missing(sheet.id));
    ctx.drive.deletePermanently(id);
    expect(thrown(() => app.openById(id)).message).toBe(missing(id));
    // an object obtained earlier fails too: every call goes back to Drive
    expect(thrown(() => doc.getName()).message).toBe(missing(id));
  });

  test('getUrl gives the open?id= form; openByUrl takes it and the /document/d/ID/edit form', () => {
    const { app, doc } = newDoc();
    expect(doc.getUrl()).toBe(`https://docs.google.com/open?id=${doc.getId()}`);
    expect(app.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
    expect(app.openByUrl(`https://docs.google.com/document/d/${doc.getId()}/edit#heading=h.1`).getId()).toBe(
      doc.getId(),
    );
    expect(thrown(() => app.openByUrl('https://example.com/x')).message).toBe('Invalid argument: url');
  });

  test('a standalone script has no active document', () => {
    expect(setup().app.getActiveDocument()).toBeNull();
  });
});

describe('enums', () => {
  test('are objects named like Apps Script’s, not strings', () => {
    const { app } = setup();
    expect(app.ParagraphHeading.HEADING1).not.toBe('HEADING1');
    expect(String(app.ParagraphHeading.HEADING1)).toBe('HEADING1');
    expect(String(app.HorizontalAlignment.JUSTIFY)).toBe('JUSTIFY');
    expect(String(app.VerticalAlignment.CENTER)).toBe('CENTER');
    expect(String(app.TextAlignment.SUPERSCRIPT)).toBe('SUPERSCRIPT');
    expect(String(app.ElementType.TABLE_CELL)).toBe('TABLE_CELL');
    expect(String(app.FontFamily.TIMES_NEW_ROMAN)).toBe('TIMES_NEW_ROMAN');
    // An enum value used as an object key becomes its name, which is how attribute objects work.
    const style: Record<string, unknown> = {};
    style[app.Attribute.BOLD as unknown as string] = true;
    expect(Object.keys(style)).toEqual(['BOLD']);
  });
});

describe('Document', () => {
  test('setName renames the Drive file and moves its last-updated time', () => {
    const { ctx, doc } = newDoc('Nháp');
    const item = ctx.drive.peek(doc.getId())!;
    const updated = item.updatedMs;
    ctx.clock.advance(1000);
    expect(doc.setName('Kế hoạch CCHC')).toBe(doc);
    expect(item.name).toBe('Kế hoạch CCHC');
    expect(item.updatedMs).toBeGreaterThan(updated);
  });

  test('edits move Drive’s last-updated time; reads do not', () => {
    const { ctx, doc, body } = newDoc();
    const item = ctx.drive.peek(doc.getId())!;
    ctx.clock.advance(60_000);
    const t0 = item.updatedMs;
    body.getText();
    expect(item.updatedMs).toBe(t0);
    body.appendParagraph('x');
    expect(item.updatedMs).toBeGreaterThan(t0);
  });

  test('saveAndClose closes the document and its elements; reopening works', () => {
    const { app, doc, body } = newDoc();
    const id = doc.getId();
    const p = body.appendParagraph('Nơi nhận:');
    doc.saveAndClose();
    const closed = 'Document is closed, its contents cannot be updated.';
    expect(thrown(() => body.appendParagraph('x')).message).toBe(closed);
    expect(thrown(() => p.setText('y')).message).toBe(closed);
    expect(thrown(() => p.getText()).message).toBe(closed);
    expect(thrown(() => doc.getBody()).message).toBe(closed);
    expect(thrown(() => doc.saveAndClose()).message).toBe(closed);
    // Stricter than documented: even getId() fails on a closed document.
    expect(thrown(() => doc.getId()).message).toBe(closed);
    expect(app.openById(id).getBody().getText()).toBe('\nNơi nhận:');
    expect(app.openById(id).getBody().appendParagraph('z').getText()).toBe('z');
  });

  test('a viewer can read but not edit; an editor can edit', () => {
    const { ctx, app, doc } = newDoc();
    const item = ctx.drive.peek(doc.getId())!;
    item.viewers.add(COLLEAGUE);
    ctx.session.as(COLLEAGUE, () => {
      const seen = app.openById(doc.getId());
      expect(seen.getBody().getText()).toBe('');
      expect(thrown(() => seen.getBody().appendParagraph('x')).message).toBe('Access denied: DocumentApp.');
      expect(thrown(() => seen.setName('x')).message).toBe('Access denied: DocumentApp.');
    });
    item.editors.add(COLLEAGUE);
    ctx.session.as(COLLEAGUE, () => app.openById(doc.getId()).getBody().appendParagraph('Đã góp ý'));
    expect(doc.getBody().getText()).toBe('\nĐã góp ý');
  });

  test('losing access mid-script is seen on the next call', () => {
    const { ctx, app, doc } = newDoc();
    const id = doc.getId();
    const item = ctx.drive.peek(id)!;
    item.editors.add(COLLEAGUE);
    ctx.session.as(COLLEAGUE, () => {
      const body = app.openById(id).getBody();
      item.editors.delete(COLLEAGUE);
      expect(thrown(() => body.getText()).message).toBe(missing(id));
    });
  });

  test('the content is copied deeply (what DriveApp’s makeCopy relies on)', () => {
    const { ctx, app, doc, body } = newDoc();
    body.appendParagraph('Gốc').editAsText().setBold(true);
    body.appendTable([['TT', 'Nhiệm vụ']]);
    const source = ctx.drive.peek(doc.getId())!;
    const copy = ctx.drive.create({
      name: 'Bản sao',
      mimeType: MIME.document,
      content: source.content!.clone(),
    });
    const copied = app.openById(copy.id);
    copied.getBody().getParagraphs()[1].setText('Đã sửa');
    copied.getBody().getTables()[0].getCell(0, 0).setText('STT');
    expect(doc.getBody().getText()).toBe('\nGốc\nTT\nNhiệm vụ\n');
    expect(copied.getBody().getText()).toBe('\nĐã sửa\nSTT\nNhiệm vụ\n');
    expect(documentModelOf(ctx, copy.id).body[1]).toMatchObject({ type: 'paragraph', text: 'Đã sửa' });
  });
});

describe('headers and footers', () => {
  test('none at first; addHeader gives one empty paragraph; a second one fails', () => {
    const { doc } = newDoc();
    expect(doc.getHeader()).toBeNull();
    const header = doc.addHeader();
    expect(String(header)).toBe('HeaderSection');
    expect(header.getNumChildren()).toBe(1);
    expect(header.getText()).toBe('');
    header.appendParagraph('ỦY BAN NHÂN DÂN');
    expect(doc.getHeader().getText()).toBe('\nỦY BAN NHÂN DÂN');
    expect(thrown(() => doc.addHeader()).message).toBe('Document tab already contains a header.');
  });

  test('a footer’s appendTable leaves table + empty paragraph (seen live: 3 children)', () => {
    const { doc } = newDoc();
    const footer = doc.addFooter();
    const table = footer.appendTable([['f1', 'f2']]);
    expect(footer.getNumChildren()).toBe(3);
    expect(String(footer.getChild(1).getType())).toBe('TABLE');
    expect(String(footer.getChild(2).getType())).toBe('PARAGRAPH');
    expect(table.getCell(0, 1).getText()).toBe('f2');
    expect(thrown(() => doc.addFooter()).message).toBe('Document tab already contains a footer.');
  });

  test('paragraphs, text, replaceText, clear; removeFromParent removes the section', () => {
    const { doc } = newDoc();
    const header = doc.addHeader();
    header.appendParagraph('Số: {{so}}/KH-UBND');
    header.replaceText('\\{\\{so\\}\\}', '05');
    expect(header.getParagraphs().map((p) => p.getText())).toEqual(['', 'Số: 05/KH-UBND']);
    header.clear();
    expect(header.getText()).toBe('');
    expect(header.getNumChildren()).toBe(1);
    header.removeFromParent();
    expect(doc.getHeader()).toBeNull();
    expect(doc.addHeader().getNumChildren()).toBe(1);
  });

  test('no page breaks in a header', () => {
    const { doc } = newDoc();
    const p = doc.addHeader().appendParagraph('x');
    expect(() => p.appendPageBreak()).toThrow(GasException);
  });
});

describe('getAs / getBlob', () => {
  test('PDF only, named after the document', () => {
    const { doc } = newDoc('Kế hoạch');
    const pdf = doc.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Kế hoạch.pdf');
    expect(doc.getBlob().getName()).toBe('Kế hoạch.pdf');
    expect(thrown(() => doc.getAs('text/plain')).message).toBe(
      'Converting from application/vnd.google-apps.document to text/plain is not supported.',
    );
  });

  test('a name with a period loses what follows the last one, as Blob.getAs documents', () => {
    const { doc } = newDoc('Văn bản KH CCHC 2025 - UBND TP. Đông Hà');
    expect(doc.getAs('application/pdf').getName()).toBe('Văn bản KH CCHC 2025 - UBND TP.pdf');
    expect(doc.getBlob().getName()).toBe('Văn bản KH CCHC 2025 - UBND TP.pdf');
    expect(newDoc('ShoppingList.12.25.2014').doc.getAs('application/pdf').getName()).toBe(
      'ShoppingList.12.25.pdf',
    );
  });
});
