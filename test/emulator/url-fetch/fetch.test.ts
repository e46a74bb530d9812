import { EmuBlob } from '../../../emulator/services/support/blob';
import {
  CONSUMER_DAILY_URLFETCH,
  URL_FETCH_MESSAGES as MSG,
  WORKSPACE_DAILY_URLFETCH,
} from '../../../emulator/services/url-fetch';
import { bearer, net, Net, thrown } from './helpers';

const SHEETS = 'https://sheets.googleapis.com/v4/spreadsheets';

function spreadsheet(n: Net): string {
  const ss = n.sheets.create('Đơn vị A');
  ss.getSheets()[0]
    .getRange('A1:B2')
    .setValues([
      ['Nhiệm vụ', 'Tiến độ'],
      ['Rà soát', 50],
    ]);
  return ss.getId();
}

function csvUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/export?format=csv&gid=0`;
}

describe('UrlFetchApp: what the emulator does not serve', () => {
  test('a host outside Google fails like a DNS failure, naming the URL as written', () => {
    const n = net();
    const e = thrown(() =>
      n.fetcher.fetch('https://api.example.com/v1/items?q=1', { muteHttpExceptions: true }),
    );
    expect(e.name).toBe('Exception');
    expect(e.message).toBe('DNS error: https://api.example.com/v1/items?q=1');
    expect(n.controls.requests()).toMatchObject([{ failure: 'dns', status: null }]);
  });

  test('a URL over 2 KB fails before anything is sent or counted', () => {
    const n = net({ dailyQuota: 5 });
    const url = `${SHEETS}/x/values:batchGet?${'ranges=A1%3AB2&'.repeat(150)}`;
    expect(url.length).toBeGreaterThan(2048);
    expect(thrown(() => n.fetcher.fetch(url)).message).toBe('Limit Exceeded: URLFetch URL Length.');
    expect(n.controls.requests()).toHaveLength(0);
    expect(n.ctx.ledger.count('UrlFetchApp.request')).toBe(0);
  });

  test('raw spaces or a missing scheme are an invalid argument (encode query values)', () => {
    const n = net();
    const spaced = `${SHEETS}/x/values/Trang tính1!A1`;
    expect(thrown(() => n.fetcher.fetch(spaced)).message).toBe(`Invalid argument: ${spaced}`);
    expect(thrown(() => n.fetcher.fetch('docs.google.com/x')).message).toBe(
      'Invalid argument: docs.google.com/x',
    );
  });

  test('arguments of the wrong type fail with the signature message', () => {
    const n = net();
    const fetch = n.fetcher.fetch as unknown as (...args: unknown[]) => unknown;
    expect(thrown(() => fetch(42)).message).toBe(
      "The parameters (number) don't match the method signature for UrlFetchApp.fetch.",
    );
    expect(thrown(() => (n.fetcher.fetchAll as unknown as (x: unknown) => unknown)('x')).message).toBe(
      "The parameters (String) don't match the method signature for UrlFetchApp.fetchAll.",
    );
  });
});

describe('UrlFetchApp: HTTP failures', () => {
  test('without muteHttpExceptions a 4xx throws Apps Script’s text, naming only scheme and host', () => {
    const n = net();
    const id = 'missing-spreadsheet-id';
    const e = thrown(() =>
      n.fetcher.fetch(`${SHEETS}/${id}?fields=spreadsheetId`, { headers: bearer(n.token) }),
    );
    expect(e.message).toBe(
      'Request failed for https://sheets.googleapis.com returned code 404. Truncated server response: {\n' +
        '  "error": {\n    "code": 404,\n    "message": "Requested entity was not found.",\n' +
        '    "status": "NOT_FOUND"\n  }\n}\n (use muteHttpExceptions option to examine full response)',
    );
  });

  test('a body over 150 characters is cut to its first 147 and "..."', () => {
    const n = net();
    const url = `${SHEETS}/whatever`;
    const full = n.fetcher.fetch(url, { headers: bearer('ya29.not-a-token'), muteHttpExceptions: true });
    const body = full.getContentText();
    expect(full.getResponseCode()).toBe(401);
    expect(body.length).toBeGreaterThan(150);
    const e = thrown(() => n.fetcher.fetch(url, { headers: bearer('ya29.not-a-token') }));
    expect(e.message).toBe(
      `Request failed for https://sheets.googleapis.com returned code 401. Truncated server response: ${body.slice(0, 147)}... (use muteHttpExceptions option to examine full response)`,
    );
  });

  test('with muteHttpExceptions the response comes back whatever its code', () => {
    const n = net();
    const r = n.fetcher.fetch(`${SHEETS}/nope`, { headers: bearer(n.token), muteHttpExceptions: true });
    expect(r.getResponseCode()).toBe(404);
    expect(JSON.parse(r.getContentText())).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
  });

  test('fetchAll throws for the first failing request in order; muted requests do not count', () => {
    const n = net();
    const id = spreadsheet(n);
    const e = thrown(() =>
      n.fetcher.fetchAll([
        { url: `${SHEETS}/gone-1`, headers: bearer(n.token), muteHttpExceptions: true },
        { url: `${SHEETS}/${id}`, headers: bearer(n.token) },
        { url: `${SHEETS}/gone-2`, headers: bearer(n.token) },
        { url: `${SHEETS}/gone-3`, headers: bearer(n.token) },
      ]),
    );
    expect(e.message).toMatch(/^Request failed for https:\/\/sheets\.googleapis\.com returned code 404\./);
    // Every request was sent (and answered) before the call failed.
    expect(n.controls.requests().map((r) => r.status)).toEqual([404, 200, 404, 404]);
  });
});

describe('UrlFetchApp: modeled cost', () => {
  test('fetch charges one UrlFetchApp.fetch of the request’s latency (0.5 s to a Google API)', () => {
    const n = net();
    const id = spreadsheet(n);
    const before = n.ctx.clock.nowMs();
    n.fetcher.fetch(`${SHEETS}/${id}`, { headers: bearer(n.token) });
    expect(n.ctx.clock.nowMs() - before).toBe(500);
    expect(n.ctx.ledger.count('UrlFetchApp.fetch')).toBe(1);
    expect(n.ctx.ledger.count('UrlFetchApp.request')).toBe(1);
  });

  test('fetchAll charges ONE entry: the slowest request, its tail and a per-request overhead', () => {
    const n = net();
    const id = spreadsheet(n);
    const before = n.ctx.clock.nowMs();
    // CSV exports follow a redirect: 0.5 s + 0.2 s each.
    const responses = n.fetcher.fetchAll(
      [1, 2, 3].map(() => ({ url: csvUrl(id), headers: bearer(n.token) })),
    );
    expect(responses.map((r) => r.getResponseCode())).toEqual([200, 200, 200]);
    // core/latency.ts: slowest × (1 + 0.05 log2 n) + 180 ms + 8 ms a request.
    expect(n.ctx.clock.nowMs() - before).toBeCloseTo(700 * (1 + 0.05 * Math.log2(3)) + 180 + 8 * 3, 3);
    expect(n.ctx.ledger.count('UrlFetchApp.fetchAll')).toBe(1);
    expect(n.ctx.ledger.count('UrlFetchApp.fetch')).toBe(0);
    expect(n.ctx.ledger.count('UrlFetchApp.request')).toBe(3);
  });

  test('a slow request (a Drive copy, 2.5 s) sets the batch’s time', () => {
    const n = net();
    const id = spreadsheet(n);
    const before = n.ctx.clock.nowMs();
    n.fetcher.fetchAll([
      { url: `${SHEETS}/${id}`, headers: bearer(n.token) },
      {
        url: `https://www.googleapis.com/drive/v3/files/${id}/copy`,
        method: 'post',
        contentType: 'application/json',
        payload: JSON.stringify({ name: 'Bản sao' }),
        headers: bearer(n.token),
      },
    ]);
    expect(n.ctx.clock.nowMs() - before).toBeCloseTo(2500 * 1.05 + 180 + 8 * 2, 3);
  });

  test('a larger batch takes longer than a small one, far less than its requests one by one', () => {
    const n = net();
    const id = spreadsheet(n);
    const timeOf = (count: number): number => {
      const before = n.ctx.clock.nowMs();
      n.fetcher.fetchAll(
        Array.from({ length: count }, () => ({ url: csvUrl(id), headers: bearer(n.token) })),
      );
      return n.ctx.clock.nowMs() - before;
    };
    const two = timeOf(2);
    const fifty = timeOf(50);
    expect(fifty).toBeGreaterThan(two + 300);
    expect(fifty).toBeLessThan(50 * 700);
  });

  test('latency per endpoint is configurable', () => {
    const n = net({ latencyMs: { sheetsRead: 800 } });
    const id = spreadsheet(n);
    const before = n.ctx.clock.nowMs();
    n.fetcher.fetch(`${SHEETS}/${id}`, { headers: bearer(n.token) });
    expect(n.ctx.clock.nowMs() - before).toBe(800);
  });

  test('all requests of a fetchAll arrive at the same modeled instant', () => {
    const n = net();
    const id = spreadsheet(n);
    const at = n.ctx.clock.nowMs();
    n.fetcher.fetchAll([1, 2].map(() => ({ url: `${SHEETS}/${id}`, headers: bearer(n.token) })));
    expect(n.controls.requests().map((r) => r.atMs)).toEqual([at, at]);
  });

  test('a planned ledger fault on UrlFetchApp.request stops the call before anything is sent', () => {
    const n = net();
    n.ctx.ledger.failOn('UrlFetchApp.request', 1, () => new Error('script died'));
    expect(thrown(() => n.fetcher.fetch(`${SHEETS}/x`)).message).toBe('script died');
    expect(n.controls.requests()).toHaveLength(0);
  });
});

describe('UrlFetchApp: daily quota', () => {
  test('the defaults are 20,000 calls (consumer) and 100,000 (Workspace)', () => {
    expect(CONSUMER_DAILY_URLFETCH).toBe(20_000);
    expect(WORKSPACE_DAILY_URLFETCH).toBe(100_000);
    const n = net();
    const many = Array.from({ length: 20_001 }, () => 'https://nowhere.example/');
    expect(thrown(() => n.fetcher.fetchAll(many)).message).toBe(MSG.QUOTA_EXCEEDED);
    expect(n.controls.requests()).toHaveLength(0);
  });

  test('every request counts; past the quota nothing is sent, until 24 h after the first request', () => {
    const n = net({ dailyQuota: 3 });
    const id = spreadsheet(n);
    const muted = { url: `${SHEETS}/${id}`, muteHttpExceptions: true };
    n.fetcher.fetchAll([muted, muted]);
    expect(thrown(() => n.fetcher.fetchAll([muted, muted])).message).toBe(
      'Service invoked too many times for one day: urlfetch.',
    );
    expect(n.controls.requests()).toHaveLength(2);
    n.fetcher.fetch(`${SHEETS}/${id}`, { muteHttpExceptions: true });
    expect(thrown(() => n.fetcher.fetch(`${SHEETS}/${id}`)).message).toBe(MSG.QUOTA_EXCEEDED);
    n.ctx.clock.advance(24 * 60 * 60 * 1000);
    expect(n.fetcher.fetch(`${SHEETS}/${id}`, { muteHttpExceptions: true }).getResponseCode()).toBe(403);
  });
});

describe('UrlFetchApp: faults and hooks', () => {
  test('a timeout throws "Timeout: <url>" after 60 modeled seconds, even when muted', () => {
    const n = net();
    const id = spreadsheet(n);
    n.controls.timeoutNext('/export');
    const before = n.ctx.clock.nowMs();
    const e = thrown(() =>
      n.fetcher.fetch(csvUrl(id), { headers: bearer(n.token), muteHttpExceptions: true }),
    );
    expect(e.message).toBe(`Timeout: ${csvUrl(id)}`);
    expect(n.ctx.clock.nowMs() - before).toBe(60_000);
    expect(n.fetcher.fetch(csvUrl(id), { headers: bearer(n.token) }).getResponseCode()).toBe(200);
  });

  test('one timeout fails the whole fetchAll (the 60-s timeout sets its time), after the others were served', () => {
    const n = net();
    const id = spreadsheet(n);
    n.controls.timeoutNext(/gid=0$/);
    const before = n.ctx.clock.nowMs();
    const e = thrown(() =>
      n.fetcher.fetchAll([
        { url: `${SHEETS}/${id}`, headers: bearer(n.token) },
        { url: csvUrl(id), headers: bearer(n.token), muteHttpExceptions: true },
      ]),
    );
    expect(e.message).toBe(`Timeout: ${csvUrl(id)}`);
    expect(n.ctx.clock.nowMs() - before).toBeCloseTo(60_000 * 1.05 + 180 + 8 * 2, 3);
    expect(n.controls.requests().map((r) => [r.status, r.failure])).toEqual([
      [200, null],
      [null, 'timeout'],
    ]);
  });

  test('failNext answers matching requests with a status for N requests, then the real answer', () => {
    const n = net();
    const id = spreadsheet(n);
    n.controls.failNext(`${SHEETS}/${id}`, 503, { times: 2 });
    const codes = [1, 2, 3].map(() =>
      n.fetcher.fetch(`${SHEETS}/${id}`, { headers: bearer(n.token), muteHttpExceptions: true }),
    );
    expect(codes.map((r) => r.getResponseCode())).toEqual([503, 503, 200]);
    expect(JSON.parse(codes[0].getContentText())).toEqual({
      error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' },
    });
    expect(n.controls.requests().map((r) => r.injected)).toEqual([true, true, false]);
  });

  test('an injected status on docs.google.com is an HTML page, and throws without mute', () => {
    const n = net();
    const id = spreadsheet(n);
    n.controls.failNext(/\/export\?/, 429);
    const r = n.fetcher.fetch(csvUrl(id), { headers: bearer(n.token), muteHttpExceptions: true });
    expect(r.getResponseCode()).toBe(429);
    expect((r.getHeaders() as Record<string, string>)['Content-Type']).toBe('text/html; charset=utf-8');
    n.controls.failNext(/\/export\?/, 500);
    expect(thrown(() => n.fetcher.fetch(csvUrl(id), { headers: bearer(n.token) })).message).toMatch(
      /^Request failed for https:\/\/docs\.google\.com returned code 500\. Truncated server response: <!DOCTYPE html>/,
    );
  });

  test('onRequest runs before the answer: a file deleted mid-run is gone for that request', () => {
    const n = net();
    const id = spreadsheet(n);
    const seen: string[] = [];
    n.controls.onRequest(
      `${SHEETS}/${id}`,
      (request) => {
        seen.push(request.url);
        n.ctx.drive.deletePermanently(id);
      },
      { times: 1 },
    );
    const r = n.fetcher.fetch(`${SHEETS}/${id}`, { headers: bearer(n.token), muteHttpExceptions: true });
    expect(r.getResponseCode()).toBe(404);
    expect(seen).toEqual([`${SHEETS}/${id}`]);
  });

  test('the log records url, method, status, user and modeled time of each request', () => {
    const n = net();
    const id = spreadsheet(n);
    const at = n.ctx.clock.nowMs();
    n.fetcher.fetch(`${SHEETS}/${id}`, { headers: bearer(n.token) });
    n.fetcher.fetch(`${SHEETS}/${id}`, { muteHttpExceptions: true });
    expect(n.controls.requests()).toEqual([
      {
        url: `${SHEETS}/${id}`,
        method: 'GET',
        hop: 0,
        status: 200,
        failure: null,
        user: 'office@unit.gov.vn',
        atMs: at,
        latencyMs: 500,
        injected: false,
      },
      expect.objectContaining({ status: 403, user: null, atMs: at + 500 }),
    ]);
  });
});

describe('HTTPResponse', () => {
  test('getContentText decodes with the given charset, else the declared one; getContent gives signed bytes', () => {
    const n = net();
    const id = spreadsheet(n);
    const r = n.fetcher.fetch(csvUrl(id), { headers: bearer(n.token) });
    expect(r.getContentText()).toBe('Nhiệm vụ,Tiến độ\r\nRà soát,50');
    expect(r.getContentText('UTF-8')).toBe('Nhiệm vụ,Tiến độ\r\nRà soát,50');
    expect(r.getContentText('ISO-8859-1')).not.toBe(r.getContentText());
    const bytes = r.getContent();
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(Buffer.from(bytes.map((b) => b & 0xff)).toString('utf8')).toBe(r.getContentText());
  });

  test('headers and blobs carry the content type and file name', () => {
    const n = net();
    const id = spreadsheet(n);
    const r = n.fetcher.fetch(csvUrl(id), { headers: bearer(n.token) });
    expect(r.getHeaders()).toMatchObject({ 'Content-Type': 'text/csv; charset=utf-8' });
    expect(r.getAllHeaders()).toMatchObject({ 'Content-Type': 'text/csv; charset=utf-8' });
    const blob = r.getBlob();
    const data = EmuBlob.dataOf(blob)!;
    expect(data.contentType).toBe('text/csv');
    expect(blob.getDataAsString()).toBe(r.getContentText());
  });

  test('getRequest describes the request without sending it', () => {
    const n = net();
    const described = n.fetcher.getRequest('https://www.googleapis.com/drive/v3/files/x/copy', {
      method: 'post',
      payload: '{"name":"A"}',
      contentType: 'application/json',
      headers: bearer('t'),
    });
    expect(described).toMatchObject({
      url: 'https://www.googleapis.com/drive/v3/files/x/copy',
      method: 'post',
      payload: '{"name":"A"}',
      contentType: 'application/json',
      headers: { Authorization: 'Bearer t' },
      followRedirects: true,
      muteHttpExceptions: false,
    });
    expect(n.controls.requests()).toHaveLength(0);
  });
});
