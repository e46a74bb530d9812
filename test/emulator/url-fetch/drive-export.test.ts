import { registerContentExporter } from '../../../emulator/services/drive/content';
import { createDocumentApp, exportDocument } from '../../../emulator/services/document';
import { EmuBlob } from '../../../emulator/services/support/blob';
import { UrlFetchAppOptions } from '../../../emulator/services/url-fetch';
import { bearer, json, net, Net, STRANGER, tokenOf } from './helpers';

const FILES = 'https://www.googleapis.com/drive/v3/files';

function setup(options: UrlFetchAppOptions = {}): Net & { docs: GoogleAppsScript.Document.DocumentApp } {
  const n = net(options);
  // As emulator/index.ts does: DriveApp's (and now the export endpoint's) PDF of a Google Doc.
  registerContentExporter(n.ctx, 'document', (item, contentType, c) => {
    const out = exportDocument(item, contentType);
    return new EmuBlob(c, out.bytes, out.contentType, out.name);
  });
  return { ...n, docs: createDocumentApp(n.ctx) };
}

function exportPdf(n: Net, id: string, token = n.token, mimeType: string | null = 'application/pdf') {
  const query = mimeType === null ? '' : `?mimeType=${encodeURIComponent(mimeType)}`;
  return n.fetcher.fetch(`${FILES}/${id}/export${query}`, {
    headers: bearer(token),
    muteHttpExceptions: true,
  });
}

function errorOf(r: GoogleAppsScript.URL_Fetch.HTTPResponse) {
  return (json(r).error as { code: number; message: string; errors: { reason: string }[] }) ?? null;
}

describe('Drive API: files.export', () => {
  test('gives the same PDF bytes as DriveApp getAs', () => {
    const n = setup();
    const doc = n.docs.create('Báo cáo');
    doc.getBody().appendParagraph('Xin chào đơn vị');
    const id = doc.getId();
    const r = exportPdf(n, id);
    expect(r.getResponseCode()).toBe(200);
    expect(r.getHeaders()).toMatchObject({ 'Content-Type': 'application/pdf' });
    const viaApi = Buffer.from(r.getContent());
    const viaDriveApp = Buffer.from(n.drive.getFileById(id).getAs('application/pdf').getBytes());
    expect(viaApi.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(viaApi.equals(viaDriveApp)).toBe(true);
  });

  test('requires mimeType; refuses files that are not Google documents; hides others’ files', () => {
    const n = setup();
    const id = n.docs.create('Báo cáo').getId();
    const missing = exportPdf(n, id, n.token, null);
    expect(missing.getResponseCode()).toBe(400);
    expect(errorOf(missing).errors[0].reason).toBe('required');

    const plain = n.drive.createFile('ghi chú.txt', 'x').getId();
    const notExportable = exportPdf(n, plain);
    expect(notExportable.getResponseCode()).toBe(403);
    expect(errorOf(notExportable).errors[0].reason).toBe('fileNotExportable');

    const stranger = exportPdf(n, id, tokenOf(n, STRANGER));
    expect(stranger.getResponseCode()).toBe(404);
    expect(errorOf(stranger).message).toBe(`File not found: ${id}.`);
  });

  test('counts against the per-minute Drive query quota, not the write rate', () => {
    const n = setup({ driveQueriesPerMinute: 3, driveWriteBurst: 1 });
    const id = n.docs.create('Báo cáo').getId();
    const request = {
      url: `${FILES}/${id}/export?mimeType=application%2Fpdf`,
      headers: bearer(n.token),
      muteHttpExceptions: true,
    };
    // Three exports in one fetchAll pass a write burst of one: they are reads.
    const codes = n.fetcher.fetchAll([request, request, request]).map((r) => r.getResponseCode());
    expect(codes).toEqual([200, 200, 200]);
    const fourth = n.fetcher.fetchAll([request])[0];
    expect(fourth.getResponseCode()).toBe(403);
    expect(errorOf(fourth).errors[0].reason).toBe('userRateLimitExceeded');
    n.ctx.clock.advance(60_000);
    expect(exportPdf(n, id).getResponseCode()).toBe(200);
  });

  test('an export over 10 MB is refused as exportSizeLimitExceeded', () => {
    const n = setup();
    const id = n.docs.create('Báo cáo lớn').getId();
    registerContentExporter(n.ctx, 'document', (_item, contentType, c) => {
      return new EmuBlob(c, Buffer.alloc(10 * 1024 * 1024 + 1), contentType, 'big.pdf');
    });
    const r = exportPdf(n, id);
    expect(r.getResponseCode()).toBe(403);
    expect(errorOf(r)).toMatchObject({ message: 'This file is too large to be exported.' });
    expect(errorOf(r).errors[0].reason).toBe('exportSizeLimitExceeded');
  });
});
