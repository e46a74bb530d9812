import { parseCsv } from '../../../emulator/services/utilities/csv';
import { bearer, FOCAL, net, Net, STRANGER, thrown, tokenOf } from './helpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function exportUrl(id: string, query = 'format=csv&gid=0'): string {
  return `https://docs.google.com/spreadsheets/d/${id}/export?${query}`;
}

function unitFile(n: Net, name = 'Kế hoạch CCHC - Đơn vị A'): { id: string; sheet: Sheet } {
  const ss = n.sheets.create(name);
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:D1').setValues([['Nhiệm vụ', 'Kinh phí', 'Hạn', 'Ghi chú']]);
  sheet
    .getRange('A2:D2')
    .setValues([['Rà soát, "cập nhật" TTHC', 1234.5, new Date(Date.UTC(2025, 2, 15, 3)), 'dòng 1\ndòng 2']]);
  sheet.getRange('B2').setNumberFormat('#,##0.00');
  sheet.getRange('C2').setNumberFormat('dd/MM/yyyy');
  sheet.getRange('A3').setFormula('=1/3');
  sheet.getRange('C4').setValue(true);
  return { id: ss.getId(), sheet };
}

function get(n: Net, url: string, token: string | null = n.token, extra: object = {}) {
  return n.fetcher.fetch(url, {
    headers: token === null ? {} : bearer(token),
    muteHttpExceptions: true,
    ...extra,
  });
}

describe('CSV export: the answer', () => {
  test('answers 307 to a signed download URL; followRedirects: false hands the script the 307', () => {
    const n = net();
    const { id } = unitFile(n);
    const r = get(n, exportUrl(id), n.token, { followRedirects: false });
    expect(r.getResponseCode()).toBe(307);
    const location = (r.getHeaders() as Record<string, string>).Location;
    expect(location).toMatch(/^https:\/\/doc-[0-9a-z]+-[0-9a-z]+-sheets\.googleusercontent\.com\/export\//);
    expect(location).toContain(`id=${id}&gid=0`);
    // The signed URL needs no token.
    expect(get(n, location, null).getResponseCode()).toBe(200);
  });

  test('followed (the default), it is 200 text/csv of display values in the file’s locale, RFC 4180, CRLF', () => {
    const n = net();
    const { id } = unitFile(n);
    const r = get(n, exportUrl(id));
    expect(r.getResponseCode()).toBe(200);
    expect((r.getHeaders() as Record<string, string>)['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(r.getContentText()).toBe(
      'Nhiệm vụ,Kinh phí,Hạn,Ghi chú\r\n' +
        '"Rà soát, ""cập nhật"" TTHC","1.234,50",15/03/2025,"dòng 1\ndòng 2"\r\n' +
        '"0,3333333333",,,\r\n' +
        ',,TRUE,',
    );
  });

  test('is what Range.getDisplayValues shows for the data range', () => {
    const n = net();
    const { id, sheet } = unitFile(n);
    const csv = get(n, exportUrl(id)).getContentText();
    expect(parseCsv(csv)).toEqual(sheet.getDataRange().getDisplayValues());
  });

  test('an en_US file writes numbers the American way', () => {
    const n = net();
    const { id } = unitFile(n);
    n.sheets.openById(id).setSpreadsheetLocale('en_US');
    expect(get(n, exportUrl(id)).getContentText().split('\r\n')[1]).toBe(
      '"Rà soát, ""cập nhật"" TTHC","1,234.50",15/03/2025,"dòng 1\ndòng 2"',
    );
  });

  test('rows run to the last row with a value, columns to the last column with one, every row padded', () => {
    const n = net();
    const ss = n.sheets.create('Thưa');
    const sheet = ss.getSheets()[0];
    sheet.getRange('B2').setValue('x');
    sheet.getRange('D4').setValue(7);
    sheet.getRange('F9').setBackground('#ff0000'); // formatting alone is not content
    expect(get(n, exportUrl(ss.getId())).getContentText()).toBe(',,,\r\n,x,,\r\n,,,\r\n,,,7');
  });

  test('an empty sheet exports an empty body', () => {
    const n = net();
    const ss = n.sheets.create('Trống');
    const r = get(n, exportUrl(ss.getId()));
    expect([r.getResponseCode(), r.getContentText()]).toEqual([200, '']);
  });

  test('gid picks the sheet; without gid the first sheet; an unknown gid is 400', () => {
    const n = net();
    const { id } = unitFile(n);
    const ss = n.sheets.openById(id);
    const second = ss.insertSheet('Tổng hợp');
    second.getRange('A1').setValue('tổng');
    expect(get(n, exportUrl(id, `format=csv&gid=${second.getSheetId()}`)).getContentText()).toBe('tổng');
    expect(get(n, exportUrl(id, 'format=csv')).getContentText()).toMatch(/^Nhiệm vụ,/);
    expect(get(n, exportUrl(id, 'format=csv&gid=424242')).getResponseCode()).toBe(400);
    expect(
      thrown(() => n.fetcher.fetch(exportUrl(id, 'format=csv&gid=abc'), { headers: bearer(n.token) }))
        .message,
    ).toMatch(
      /^Request failed for https:\/\/docs\.google\.com returned code 400\. Truncated server response: <!DOCTYPE html>/,
    );
  });

  test('with unknownCsvGid = first-sheet, an unknown gid silently serves the first sheet (200)', () => {
    const n = net();
    const { id } = unitFile(n);
    n.sheets.openById(id).insertSheet('Tổng hợp').getRange('A1').setValue('tổng');
    n.controls.unknownCsvGid = 'first-sheet';
    const r = get(n, exportUrl(id, 'format=csv&gid=424242'));
    expect(r.getResponseCode()).toBe(200);
    expect(r.getContentText()).toMatch(/^Nhiệm vụ,/);
    // A malformed gid stays a bad request.
    expect(get(n, exportUrl(id, 'format=csv&gid=abc')).getResponseCode()).toBe(400);
  });

  test('a fault can serve CSV that does not parse; Utilities.parseCsv throws on it', () => {
    const n = net();
    const { id } = unitFile(n);
    n.controls.failNext(`/d/${id}/export`, 200, {
      body: 'Nhiệm vụ,Kinh phí\r\n"Rà soát, cập nhật,1',
      contentType: 'text/csv; charset=utf-8',
    });
    const r = get(n, exportUrl(id));
    expect(r.getResponseCode()).toBe(200);
    expect((r.getHeaders() as Record<string, string>)['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(thrown(() => parseCsv(r.getContentText())).message).toBe('Could not parse text.');
    // The next export is the real one again.
    expect(parseCsv(get(n, exportUrl(id)).getContentText())[0][0]).toBe('Nhiệm vụ');
  });

  test('range exports that rectangle (trimmed); an unreadable range is 400', () => {
    const n = net();
    const { id } = unitFile(n);
    expect(get(n, exportUrl(id, 'format=csv&gid=0&range=B1:C2')).getContentText()).toBe(
      'Kinh phí,Hạn\r\n"1.234,50",15/03/2025',
    );
    expect(get(n, exportUrl(id, 'format=csv&gid=0&range=A1:Z200')).getContentText()).toBe(
      get(n, exportUrl(id)).getContentText(),
    );
    expect(get(n, exportUrl(id, 'format=csv&gid=0&range=B1%3A%3A')).getResponseCode()).toBe(400);
  });
});

describe('CSV export: who may read it', () => {
  test('without a token, a private file redirects to sign-in: the followed fetch gets a 200 HTML page', () => {
    const n = net();
    const { id } = unitFile(n);
    const raw = get(n, exportUrl(id), null, { followRedirects: false });
    expect(raw.getResponseCode()).toBe(302);
    expect((raw.getHeaders() as Record<string, string>).Location).toMatch(
      /^https:\/\/accounts\.google\.com\/ServiceLogin\?/,
    );
    const followed = get(n, exportUrl(id), null);
    expect(followed.getResponseCode()).toBe(200);
    expect((followed.getHeaders() as Record<string, string>)['Content-Type']).toBe(
      'text/html; charset=utf-8',
    );
    expect(followed.getContentText()).toContain('Sign in');
  });

  test('an expired token (tokens last one hour) is no token', () => {
    const n = net();
    const { id } = unitFile(n);
    n.ctx.clock.advance(60 * 60 * 1000);
    expect(get(n, exportUrl(id), n.token, { followRedirects: false }).getResponseCode()).toBe(302);
  });

  test('signed in without access, or for a missing or deleted file: 404', () => {
    const n = net();
    const { id } = unitFile(n);
    expect(get(n, exportUrl(id), tokenOf(n, STRANGER)).getResponseCode()).toBe(404);
    expect(get(n, exportUrl('1NoSuchFileXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX')).getResponseCode()).toBe(404);
    n.ctx.drive.deletePermanently(id);
    expect(get(n, exportUrl(id)).getResponseCode()).toBe(404);
  });

  test('shared people read it with their own token; the effective user is the token’s owner', () => {
    const n = net();
    const { id } = unitFile(n);
    n.drive.getFileById(id).addViewer(FOCAL);
    expect(get(n, exportUrl(id), tokenOf(n, FOCAL)).getResponseCode()).toBe(200);
    expect(n.controls.requests()[0].user).toBe(FOCAL);
  });

  test('a trashed file: its owner still exports it, others get 404', () => {
    const n = net();
    const { id } = unitFile(n);
    n.drive.getFileById(id).addEditor(FOCAL);
    n.drive.getFileById(id).setTrashed(true);
    expect(get(n, exportUrl(id)).getResponseCode()).toBe(200);
    expect(get(n, exportUrl(id), tokenOf(n, FOCAL)).getResponseCode()).toBe(404);
  });

  test('a file anyone with the link may view exports without a token', () => {
    const n = net();
    const { id } = unitFile(n);
    n.drive.getFileById(id).setSharing(n.drive.Access.ANYONE_WITH_LINK, n.drive.Permission.VIEW);
    expect(get(n, exportUrl(id), null).getResponseCode()).toBe(200);
  });

  test('a file deleted mid-run: that export is 404, the rest of the batch is read', () => {
    const n = net();
    const a = unitFile(n, 'A').id;
    const b = unitFile(n, 'B').id;
    n.controls.onRequest(`/d/${b}/export`, () => n.ctx.drive.deletePermanently(b));
    const codes = n.fetcher
      .fetchAll(
        [a, b].map((id) => ({ url: exportUrl(id), headers: bearer(n.token), muteHttpExceptions: true })),
      )
      .map((r) => r.getResponseCode());
    expect(codes).toEqual([200, 404]);
  });
});
