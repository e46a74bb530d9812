/**
 * How DocumentApp meets DriveApp (another module): makeCopy copies a document's content deeply,
 * and File.getBlob/getAs export it as PDF once the document exporter is registered — the wiring
 * the emulator's index does (see exportDocument).
 */
import { createDriveApp, registerContentExporter } from '../../../emulator/services/drive';
import { exportDocument } from '../../../emulator/services/document';
import { EmuBlob } from '../../../emulator/services/support/blob';
import { setup } from './helpers';

function wired() {
  const { ctx, app } = setup();
  registerContentExporter(ctx, 'document', (item, contentType, c) => {
    const out = exportDocument(item, contentType);
    return new EmuBlob(c, out.bytes, out.contentType, out.name);
  });
  return { ctx, app, drive: createDriveApp(ctx) };
}

test('DriveApp makeCopy of a document gives an independent document', () => {
  const { app, drive } = wired();
  const template = app.create('Mẫu kế hoạch');
  template.getBody().appendParagraph('{{don_vi}}');
  const copy = drive.getFileById(template.getId()).makeCopy('Kế hoạch - Phòng Nội vụ');
  const doc = app.openById(copy.getId());
  doc.getBody().replaceText('\\{\\{don_vi\\}\\}', 'Phòng Nội vụ');
  expect(doc.getBody().getText()).toBe('\nPhòng Nội vụ');
  expect(template.getBody().getText()).toBe('\n{{don_vi}}');
});

test('File.getBlob / getAs export a document as PDF', () => {
  const { app, drive } = wired();
  const doc = app.create('Kế hoạch');
  doc.getBody().appendParagraph('Nội dung');
  const file = drive.getFileById(doc.getId());
  const blob = file.getBlob();
  expect(blob.getContentType()).toBe('application/pdf');
  expect(blob.getName()).toBe('Kế hoạch.pdf');
  expect(blob.getDataAsString().startsWith('%PDF-1.4')).toBe(true);
  expect(file.getAs('application/pdf').getName()).toBe('Kế hoạch.pdf');
  file.setName('Kế hoạch 2025. Bản 2');
  expect(file.getAs('application/pdf').getName()).toBe('Kế hoạch 2025.pdf');
  expect(() => file.getAs('image/png')).toThrow(
    'Converting from application/vnd.google-apps.document to image/png is not supported.',
  );
});
