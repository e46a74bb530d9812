import { Emulator, runExecution } from '../../../emulator';
import { SHEETS_WRITES_PER_MINUTE } from '../../../emulator/services/url-fetch';
import {
  bearer,
  FOCAL,
  json,
  net,
  Net,
  OFFICE,
  tokenOf,
  SHEETS_API as API,
  sheetsPost as post,
} from './helpers';

function get(n: Net, path: string): GoogleAppsScript.URL_Fetch.HTTPResponse {
  return n.fetcher.fetch(`${API}/${path}`, { headers: bearer(n.token), muteHttpExceptions: true });
}

function book(n: Net): string {
  const ss = n.sheets.create('Đơn vị A');
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:B2').setValues([
    ['Khóa', 'Nhãn'],
    ['k1', 5],
  ]);
  return ss.getId();
}

describe('Sheets API: spreadsheets.batchUpdate', () => {
  test('applies cells, notes, validation and a protected range that SpreadsheetApp then sees', () => {
    const n = net();
    const id = book(n);
    const r = post(n, `${id}:batchUpdate`, {
      requests: [
        {
          updateCells: {
            range: { sheetId: 0, startRowIndex: 2, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 2 },
            rows: [{ values: [{ userEnteredValue: { stringValue: '=1+1' }, note: 'gợi ý' }] }],
            fields: 'userEnteredValue,note',
          },
        },
        {
          setDataValidation: {
            range: { sheetId: 0, startRowIndex: 3, endRowIndex: 5, startColumnIndex: 1, endColumnIndex: 2 },
            rule: {
              condition: {
                type: 'ONE_OF_LIST',
                values: [{ userEnteredValue: 'Có' }, { userEnteredValue: 'Không' }],
              },
              strict: true,
              showCustomUi: true,
              inputMessage: 'Chọn',
            },
          },
        },
        {
          addProtectedRange: {
            protectedRange: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 4 },
              description: 'Tiêu đề bảng',
              editors: { users: ['admin@unit.gov.vn'] },
            },
          },
        },
      ],
    });
    expect(r.getResponseCode()).toBe(200);
    const body = json(r) as { replies: Record<string, unknown>[] };
    expect(body.replies[0]).toEqual({});
    const added = (body.replies[2].addProtectedRange as { protectedRange: Record<string, unknown> })
      .protectedRange;
    expect(added.description).toBe('Tiêu đề bảng');
    const sheet = n.sheets.openById(id).getSheets()[0];
    // RAW text: a string that looks like a formula stays text.
    expect(sheet.getRange('A3').getValue()).toBe('=1+1');
    expect(sheet.getRange('A3').getFormula()).toBe('');
    expect(sheet.getRange('A3').getNote()).toBe('gợi ý');
    expect(sheet.getRange('B4').getDataValidation()?.getHelpText()).toBe('Chọn');
    const protections = sheet.getProtections(n.sheets.ProtectionType.RANGE);
    expect(protections.map((p) => [p.getRange().getA1Notation(), p.getDescription()])).toEqual([
      ['A1:D1', 'Tiêu đề bảng'],
    ]);
    expect(protections[0].getEditors().map((u) => u.getEmail())).toEqual(
      expect.arrayContaining(['admin@unit.gov.vn']),
    );
  });

  test('one invalid request fails the whole batch: 400 naming it, nothing applied', () => {
    const n = net();
    const id = book(n);
    const r = post(n, `${id}:batchUpdate`, {
      requests: [
        {
          updateCells: {
            range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'đã đổi' } }] }],
            fields: 'userEnteredValue',
          },
        },
        { deleteProtectedRange: { protectedRangeId: 999 } },
      ],
    });
    expect(r.getResponseCode()).toBe(400);
    expect(json(r)).toEqual({
      error: {
        code: 400,
        message: 'Invalid requests[1].deleteProtectedRange: No protected range with id: 999',
        status: 'INVALID_ARGUMENT',
      },
    });
    expect(n.sheets.openById(id).getSheets()[0].getRange('A1').getValue()).toBe('Khóa');
  });

  test('a missing sheet id is refused as Google words it', () => {
    const n = net();
    const id = book(n);
    const r = post(n, `${id}:batchUpdate`, {
      requests: [{ repeatCell: { range: { sheetId: 77 }, cell: { note: 'x' }, fields: 'note' } }],
    });
    expect(r.getResponseCode()).toBe(400);
    expect((json(r).error as { message: string }).message).toBe(
      'Invalid requests[0].repeatCell: No grid with id: 77',
    );
  });

  test('protections made by SpreadsheetApp are listed by spreadsheets.get and removable by id', () => {
    const n = net();
    const id = book(n);
    n.sheets.openById(id).getSheets()[0].getRange('B1:B2').protect().setDescription('Đã nộp, khóa: Kế hoạch');
    const read = json(get(n, `${id}?fields=sheets(properties(sheetId,title),protectedRanges)`)) as {
      sheets: { protectedRanges?: { protectedRangeId: number; description: string; range: unknown }[] }[];
    };
    const [p] = read.sheets[0].protectedRanges ?? [];
    expect(p.description).toBe('Đã nộp, khóa: Kế hoạch');
    // proto3 JSON leaves the zero start row out.
    expect(p.range).toEqual({ endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 2 });
    const r = post(n, `${id}:batchUpdate`, {
      requests: [{ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } }],
    });
    expect(r.getResponseCode()).toBe(200);
    expect(n.sheets.openById(id).getProtections(n.sheets.ProtectionType.RANGE)).toHaveLength(0);
  });

  test('grid data through a field mask and ranges: values, trailing empties left out', () => {
    const n = net();
    const id = book(n);
    const body = json(
      get(
        n,
        `${id}?ranges=${encodeURIComponent('A1:C3')}&fields=sheets(properties.title,data(startRow,rowData.values.effectiveValue))`,
      ),
    );
    expect(body).toEqual({
      sheets: [
        {
          properties: { title: 'Trang tính1' },
          data: [
            {
              rowData: [
                {
                  values: [
                    { effectiveValue: { stringValue: 'Khóa' } },
                    { effectiveValue: { stringValue: 'Nhãn' } },
                  ],
                },
                {
                  values: [{ effectiveValue: { stringValue: 'k1' } }, { effectiveValue: { numberValue: 5 } }],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  test(`answers 429 RESOURCE_EXHAUSTED past ${SHEETS_WRITES_PER_MINUTE} writes a minute per user, and again after a minute`, () => {
    const n = net({ sheetsWritesPerMinute: 2 });
    const id = book(n);
    const req = {
      requests: [
        {
          repeatCell: {
            range: { sheetId: 0, endRowIndex: 1, endColumnIndex: 1 },
            cell: { note: 'x' },
            fields: 'note',
          },
        },
      ],
    };
    expect(post(n, `${id}:batchUpdate`, req).getResponseCode()).toBe(200);
    expect(post(n, `${id}:batchUpdate`, req).getResponseCode()).toBe(200);
    const refused = post(n, `${id}:batchUpdate`, req);
    expect(refused.getResponseCode()).toBe(429);
    expect((json(refused).error as { status: string; message: string }).status).toBe('RESOURCE_EXHAUSTED');
    expect((json(refused).error as { message: string }).message).toContain(
      'Write requests per minute per user',
    );
    n.ctx.clock.advance(61_000);
    expect(post(n, `${id}:batchUpdate`, req).getResponseCode()).toBe(200);
  });
});

describe('Sheets API: protected ranges and access', () => {
  test('updateProtectedRange sets the editors SpreadsheetApp then lists (the owner kept)', () => {
    const n = net();
    const id = book(n);
    const protection = n.sheets
      .openById(id)
      .getSheets()[0]
      .getRange('A1:B1')
      .protect()
      .setDescription('Tiêu đề');
    const read = json(get(n, `${id}?fields=sheets.protectedRanges`)) as {
      sheets: { protectedRanges: { protectedRangeId: number }[] }[];
    };
    const prId = read.sheets[0].protectedRanges[0].protectedRangeId;
    const r = post(n, `${id}:batchUpdate`, {
      requests: [
        {
          updateProtectedRange: {
            protectedRange: { protectedRangeId: prId, editors: { users: ['admin2@unit.gov.vn'] } },
            fields: 'editors',
          },
        },
      ],
    });
    expect(r.getResponseCode()).toBe(200);
    expect(
      protection
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual(['admin2@unit.gov.vn', OFFICE]);
    expect(protection.getDescription()).toBe('Tiêu đề');
  });

  test('a reader may not write: 403, nothing applied', () => {
    const n = net();
    const id = book(n);
    n.drive.getFileById(id).addViewer(FOCAL);
    const r = n.fetcher.fetch(`${API}/${id}:batchUpdate`, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({
        requests: [
          {
            repeatCell: {
              range: { sheetId: 0, endRowIndex: 1, endColumnIndex: 1 },
              cell: { note: 'x' },
              fields: 'note',
            },
          },
        ],
      }),
      headers: bearer(tokenOf(n, FOCAL)),
      muteHttpExceptions: true,
    });
    expect(r.getResponseCode()).toBe(403);
    expect(n.sheets.openById(id).getSheets()[0].getRange('A1').getNote()).toBe('');
  });

  test('an editor left out of a protection may not write its cells: 400 with Sheets’ text, nothing applied; the owner may', () => {
    const n = net();
    const id = book(n);
    const file = n.sheets.openById(id);
    file.addEditor(FOCAL);
    const protection = file.getSheets()[0].getRange('A1:B1').protect();
    protection.removeEditors(protection.getEditors());
    const write = (token: string, range: string) =>
      n.fetcher.fetch(`${API}/${id}/values:batchUpdate`, {
        method: 'post',
        contentType: 'application/json',
        payload: JSON.stringify({ valueInputOption: 'RAW', data: [{ range, values: [['x']] }] }),
        headers: bearer(token),
        muteHttpExceptions: true,
      });
    const refused = write(tokenOf(n, FOCAL), 'A1');
    expect(refused.getResponseCode()).toBe(400);
    expect((json(refused) as { error: { message: string } }).error.message).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(n.sheets.openById(id).getSheets()[0].getRange('A1').getValue()).toBe('Khóa');
    const cells = n.fetcher.fetch(`${API}/${id}:batchUpdate`, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({
        requests: [
          {
            repeatCell: {
              range: { sheetId: 0, startColumnIndex: 1, endRowIndex: 1, endColumnIndex: 2 },
              cell: { note: 'x' },
              fields: 'note',
            },
          },
        ],
      }),
      headers: bearer(tokenOf(n, FOCAL)),
      muteHttpExceptions: true,
    });
    expect(cells.getResponseCode()).toBe(400);
    expect(write(tokenOf(n, FOCAL), 'A2').getResponseCode()).toBe(200);
    expect(write(n.token, 'A1').getResponseCode()).toBe(200);
    expect(n.sheets.openById(id).getSheets()[0].getRange('A1:A2').getValues()).toEqual([['x'], ['x']]);
  });
});

describe('Sheets API: values:batchUpdate', () => {
  test('RAW keeps text that looks like a formula or a number as text; USER_ENTERED parses it', () => {
    const n = net();
    const id = book(n);
    const raw = post(n, `${id}/values:batchUpdate`, {
      valueInputOption: 'RAW',
      data: [{ range: 'A5:B5', values: [['=SUM(1,2)', '012']] }],
    });
    expect(raw.getResponseCode()).toBe(200);
    expect(json(raw).totalUpdatedCells).toBe(2);
    const entered = post(n, `${id}/values:batchUpdate`, {
      valueInputOption: 'USER_ENTERED',
      data: [{ range: 'A6', values: [['=1+2']] }],
    });
    expect(entered.getResponseCode()).toBe(200);
    const sheet = n.sheets.openById(id).getSheets()[0];
    expect(sheet.getRange('A5:B5').getValues()).toEqual([['=SUM(1,2)', '012']]);
    expect(sheet.getRange('A5').getFormula()).toBe('');
    expect(sheet.getRange('A6').getFormula()).toBe('=1+2');
  });

  test('without valueInputOption: 400', () => {
    const n = net();
    const id = book(n);
    const r = post(n, `${id}/values:batchUpdate`, { data: [{ range: 'A1', values: [['x']] }] });
    expect(r.getResponseCode()).toBe(400);
  });
});

describe('Sheets API writes beside buffered SpreadsheetApp writes', () => {
  test('the API writes what the servers hold; the script’s pending writes still land on top, and each sees the other after the commit', () => {
    const emu = new Emulator();
    const ss = emu.SpreadsheetApp.create('Đơn vị B');
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:B1').setValues([['cũ', 'cũ']]);
    const id = ss.getId();
    const call = (path: string, method: 'get' | 'post', body?: unknown) =>
      emu.UrlFetchApp.fetch(`${API}/${path}`, {
        method,
        contentType: body === undefined ? undefined : 'application/json',
        payload: body === undefined ? undefined : JSON.stringify(body),
        headers: { Authorization: `Bearer ${emu.ScriptApp.getOAuthToken()}` },
        muteHttpExceptions: true,
      });
    runExecution(emu.ctx, () => {
      sheet.getRange('A1').setValue('script'); // buffered
      const read = json(call(`${id}/values:batchGet?ranges=A1:B1`, 'get')) as {
        valueRanges: { values: string[][] }[];
      };
      expect(read.valueRanges[0].values).toEqual([['cũ', 'cũ']]);
      const written = call(`${id}/values:batchUpdate`, 'post', {
        valueInputOption: 'RAW',
        data: [{ range: 'B1', values: [['api']] }],
      });
      expect(written.getResponseCode()).toBe(200);
      // Inside the execution the script sees its own write and the API's.
      expect(sheet.getRange('A1:B1').getValues()).toEqual([['script', 'api']]);
    });
    expect(emu.SpreadsheetApp.openById(id).getSheets()[0].getRange('A1:B1').getValues()).toEqual([
      ['script', 'api'],
    ]);
  });
});
