import { SHEETS_READS_PER_MINUTE } from '../../../emulator/services/url-fetch';
import { bearer, FOCAL, json, net, Net, STRANGER, thrown, tokenOf } from './helpers';

const API = 'https://sheets.googleapis.com/v4/spreadsheets';

/** A file with a first sheet "Trang tính1" (data in A1:C4) and a second sheet "Data". */
function book(n: Net): string {
  const ss = n.sheets.create('Tổng hợp CCHC');
  const first = ss.getSheets()[0];
  first.getRange('A1:C1').setValues([['Nhiệm vụ', 'Kinh phí', 'Hạn']]);
  first.getRange('A2:C2').setValues([['Rà soát', 1234.5, new Date(Date.UTC(2025, 2, 15, 3))]]);
  first.getRange('B2').setNumberFormat('#,##0.00');
  first.getRange('C2').setNumberFormat('dd/MM/yyyy');
  first.getRange('A3').setFormula('=1/4');
  first.getRange('C4').setValue(true);
  first.setFrozenRows(1);
  const data = ss.insertSheet('Data');
  data.getRange('B2').setValue('x');
  return ss.getId();
}

function get(n: Net, path: string, token: string | null = n.token): GoogleAppsScript.URL_Fetch.HTTPResponse {
  return n.fetcher.fetch(`${API}/${path}`, {
    headers: token === null ? {} : bearer(token),
    muteHttpExceptions: true,
  });
}

function batch(n: Net, id: string, ranges: string[], extra = ''): Record<string, unknown> {
  const query = ranges.map((r) => `ranges=${encodeURIComponent(r)}`).join('&');
  return json(get(n, `${id}/values:batchGet?${query}${extra}`));
}

describe('Sheets API: spreadsheets.get', () => {
  test('answers the spreadsheet’s properties and its sheets’ properties (proto3: defaults left out)', () => {
    const n = net();
    const id = book(n);
    const ss = n.sheets.openById(id);
    const r = get(n, id);
    expect(r.getResponseCode()).toBe(200);
    expect((r.getHeaders() as Record<string, string>)['Content-Type']).toBe(
      'application/json; charset=UTF-8',
    );
    expect(json(r)).toEqual({
      spreadsheetId: id,
      properties: {
        title: 'Tổng hợp CCHC',
        locale: 'vi_VN',
        autoRecalc: 'ON_CHANGE',
        timeZone: 'Asia/Ho_Chi_Minh',
      },
      sheets: [
        {
          properties: {
            sheetId: 0,
            title: 'Trang tính1',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 },
          },
        },
        {
          properties: {
            sheetId: ss.getSheetByName('Data')!.getSheetId(),
            title: 'Data',
            index: 1,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      ],
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
    });
  });

  test('fields narrows the answer', () => {
    const n = net();
    const id = book(n);
    expect(json(get(n, `${id}?fields=sheets.properties(sheetId,title)`))).toEqual({
      sheets: [
        { properties: { sheetId: 0, title: 'Trang tính1' } },
        { properties: { sheetId: expect.any(Number), title: 'Data' } },
      ],
    });
    expect(json(get(n, `${id}?fields=properties/title,spreadsheetId`))).toEqual({
      properties: { title: 'Tổng hợp CCHC' },
      spreadsheetId: id,
    });
  });

  test('a field the resource does not have is a 400 naming it in the details', () => {
    const n = net();
    const id = book(n);
    const r = get(n, `${id}?fields=sheets.propertiez`);
    expect(r.getResponseCode()).toBe(400);
    expect(json(r)).toEqual({
      error: {
        code: 400,
        message: 'Request contains an invalid argument.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [
              {
                field: 'sheets.propertiez',
                description:
                  "Error expanding 'fields' parameter. Cannot find matching fields for path 'sheets.propertiez'.",
              },
            ],
          },
        ],
      },
    });
  });

  test('ranges leaves out the sheets no range touches', () => {
    const n = net();
    const id = book(n);
    const body = json(get(n, `${id}?ranges=Data!A1&fields=sheets.properties.title`));
    expect(body).toEqual({ sheets: [{ properties: { title: 'Data' } }] });
  });
});

describe('Sheets API: values:batchGet', () => {
  test('echoes each range normalized as Google does, dropping trailing empty cells and rows', () => {
    const n = net();
    const id = book(n);
    expect(batch(n, id, ['A1:Z', "'Trang tính1'!B2:B2", 'data!b1:c5', 'Data'])).toEqual({
      spreadsheetId: id,
      valueRanges: [
        {
          range: "'Trang tính1'!A1:Z1000",
          majorDimension: 'ROWS',
          values: [
            ['Nhiệm vụ', 'Kinh phí', 'Hạn'],
            ['Rà soát', '1.234,50', '15/03/2025'],
            ['0,25'],
            ['', '', 'TRUE'],
          ],
        },
        { range: "'Trang tính1'!B2", majorDimension: 'ROWS', values: [['1.234,50']] },
        { range: 'Data!B1:C5', majorDimension: 'ROWS', values: [[], ['x']] },
        { range: 'Data!A1:Z1000', majorDimension: 'ROWS', values: [[], ['', 'x']] },
      ],
    });
  });

  test('a range with nothing in it has no values at all', () => {
    const n = net();
    const id = book(n);
    expect(batch(n, id, ['Data!D10:F20'])).toEqual({
      spreadsheetId: id,
      valueRanges: [{ range: 'Data!D10:F20', majorDimension: 'ROWS' }],
    });
  });

  test('UNFORMATTED_VALUE gives numbers, booleans and date serials; FORMATTED_STRING the shown date', () => {
    const n = net();
    const id = book(n);
    const raw = batch(n, id, ['A2:C4'], '&valueRenderOption=UNFORMATTED_VALUE');
    expect((raw.valueRanges as { values: unknown[][] }[])[0].values).toEqual([
      ['Rà soát', 1234.5, 45731.416666666664],
      [0.25],
      ['', '', true],
    ]);
    const dated = batch(
      n,
      id,
      ['C2'],
      '&valueRenderOption=unformatted_value&dateTimeRenderOption=FORMATTED_STRING',
    );
    expect((dated.valueRanges as { values: unknown[][] }[])[0].values).toEqual([['15/03/2025']]);
  });

  test('FORMULA gives the formula text where there is one', () => {
    const n = net();
    const id = book(n);
    const body = batch(n, id, ['A3:B3'], '&valueRenderOption=FORMULA');
    expect((body.valueRanges as { values: unknown[][] }[])[0].values).toEqual([['=1/4']]);
  });

  test('majorDimension=COLUMNS answers column by column', () => {
    const n = net();
    const id = book(n);
    const body = batch(n, id, ['A1:B2'], '&majorDimension=COLUMNS');
    expect((body.valueRanges as object[])[0]).toEqual({
      range: "'Trang tính1'!A1:B2",
      majorDimension: 'COLUMNS',
      values: [
        ['Nhiệm vụ', 'Rà soát'],
        ['Kinh phí', '1.234,50'],
      ],
    });
  });

  test('an unknown sheet fails the whole batch: 400 "Unable to parse range"', () => {
    const n = net();
    const id = book(n);
    const query = ['A1', 'Tổng hợp!A1:I200'].map((r) => `ranges=${encodeURIComponent(r)}`).join('&');
    const r = get(n, `${id}/values:batchGet?${query}`);
    expect(r.getResponseCode()).toBe(400);
    expect(json(r)).toEqual({
      error: { code: 400, message: 'Unable to parse range: Tổng hợp!A1:I200', status: 'INVALID_ARGUMENT' },
    });
  });

  test('the end of a range is clamped to the grid; a start outside it is refused', () => {
    const n = net();
    const id = book(n);
    expect((batch(n, id, ['Data!A1:AZ5']).valueRanges as { range: string }[])[0].range).toBe('Data!A1:Z5');
    const r = get(n, `${id}/values:batchGet?ranges=${encodeURIComponent('Data!A1001:B1002')}`);
    expect(json(r)).toEqual({
      error: {
        code: 400,
        message: 'Range (Data!A1001:B1002) exceeds grid limits. Max rows: 1000, max columns: 26',
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  test('an unknown render option is refused with the proto field and type', () => {
    const n = net();
    const id = book(n);
    const r = get(n, `${id}/values:batchGet?ranges=A1&valueRenderOption=RAW`);
    expect(r.getResponseCode()).toBe(400);
    expect((json(r).error as { message: string }).message).toBe(
      'Invalid value at \'value_render_option\' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "RAW"',
    );
  });

  test('values/{range} answers one ValueRange', () => {
    const n = net();
    const id = book(n);
    expect(json(get(n, `${id}/values/${encodeURIComponent('Data!B2')}`))).toEqual({
      range: 'Data!B2',
      majorDimension: 'ROWS',
      values: [['x']],
    });
  });
});

describe('Sheets API: access', () => {
  test('no Authorization header: 403 PERMISSION_DENIED (unregistered caller)', () => {
    const n = net();
    const id = book(n);
    const r = get(n, id, null);
    expect(r.getResponseCode()).toBe(403);
    expect(json(r)).toEqual({
      error: {
        code: 403,
        message:
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        status: 'PERMISSION_DENIED',
      },
    });
  });

  test('an unknown or expired token: 401 UNAUTHENTICATED', () => {
    const n = net();
    const id = book(n);
    const bad = get(n, id, 'ya29.forged');
    expect(bad.getResponseCode()).toBe(401);
    expect(json(bad).error).toMatchObject({
      code: 401,
      status: 'UNAUTHENTICATED',
      message: expect.stringMatching(/^Request had invalid authentication credentials\./),
    });
    n.ctx.clock.advance(60 * 60 * 1000);
    expect(get(n, id).getResponseCode()).toBe(401);
    expect(get(n, id, n.script.getOAuthToken()).getResponseCode()).toBe(200);
  });

  test('a file not shared with the caller is 403; a missing or deleted one 404', () => {
    const n = net();
    const id = book(n);
    expect(json(get(n, id, tokenOf(n, STRANGER)))).toEqual({
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    });
    expect(get(n, 'nope').getResponseCode()).toBe(404);
    n.ctx.drive.deletePermanently(id);
    expect(json(get(n, id))).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
  });

  test('an editor reads with their own token', () => {
    const n = net();
    const id = book(n);
    n.drive.getFileById(id).addEditor(FOCAL);
    expect(get(n, id, tokenOf(n, FOCAL)).getResponseCode()).toBe(200);
  });

  test('a Drive file that is not a spreadsheet: 400 FAILED_PRECONDITION', () => {
    const n = net();
    const folder = n.drive.createFolder('Thư mục');
    expect(json(get(n, folder.getId())).error).toMatchObject({ code: 400, status: 'FAILED_PRECONDITION' });
  });
});

describe('Sheets API: read quota (60 per minute per user)', () => {
  test('the 61st read within a minute is 429 RESOURCE_EXHAUSTED with Google’s message', () => {
    expect(SHEETS_READS_PER_MINUTE).toBe(60);
    const n = net();
    const id = book(n);
    const request = {
      url: `${API}/${id}?fields=spreadsheetId`,
      headers: bearer(n.token),
      muteHttpExceptions: true,
    };
    const codes = n.fetcher
      .fetchAll(Array.from({ length: 61 }, () => request))
      .map((r) => r.getResponseCode());
    expect(codes.filter((c) => c === 200)).toHaveLength(60);
    expect(codes[60]).toBe(429);
    const over = n.fetcher.fetch(request.url, request);
    expect(json(over).error).toMatchObject({
      code: 429,
      status: 'RESOURCE_EXHAUSTED',
      message: expect.stringMatching(
        /^Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets\.googleapis\.com' for consumer 'project_number:\d+'\.$/,
      ),
    });
    expect(thrown(() => n.fetcher.fetch(request.url, { headers: bearer(n.token) })).message).toMatch(
      /returned code 429/,
    );
  });

  test('the window slides: reads come back 60 modeled seconds after the burst', () => {
    const n = net({ sheetsReadsPerMinute: 2 });
    const id = book(n);
    const read = (): number => get(n, `${id}?fields=spreadsheetId`).getResponseCode();
    expect([read(), read(), read()]).toEqual([200, 200, 429]);
    n.ctx.clock.advance(59_000 - 1500);
    expect(read()).toBe(429);
    n.ctx.clock.advance(1500);
    expect(read()).toBe(200);
  });

  test('the quota is per user: another person’s reads are not affected', () => {
    const n = net({ sheetsReadsPerMinute: 1 });
    const id = book(n);
    n.drive.getFileById(id).addViewer(FOCAL);
    expect(get(n, id).getResponseCode()).toBe(200);
    expect(get(n, id).getResponseCode()).toBe(429);
    expect(get(n, id, tokenOf(n, FOCAL)).getResponseCode()).toBe(200);
  });
});
