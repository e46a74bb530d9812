import { createHash } from 'node:crypto';
import { createContext } from '../../emulator/core/context';
import { GasException } from '../../emulator/core/errors';
import {
  BASE64_INVALID,
  createConsole,
  createLogger,
  createUtilities,
  LogSink,
} from '../../emulator/services/utilities';

const START = new Date(Date.UTC(2025, 0, 2, 1, 0, 0)); // 08:00 in Hà Nội, a Thursday

function setup() {
  const ctx = createContext({ user: 'office@so.gov.vn', start: START });
  return { ctx, utils: createUtilities(ctx) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('Utilities.formatDate (Java SimpleDateFormat)', () => {
  const { utils } = setup();
  const f = (d: Date, tz: string, p: string): string => utils.formatDate(d, tz, p);
  const HCM = 'Asia/Ho_Chi_Minh';

  test('numbers, names and padding', () => {
    expect(f(START, HCM, 'yyyy-MM-dd HH:mm:ss')).toBe('2025-01-02 08:00:00');
    expect(f(START, HCM, 'EEE, d MMM yyyy h:mm a')).toBe('Thu, 2 Jan 2025 8:00 AM');
    expect(f(START, HCM, 'EEEE d MMMM yy')).toBe('Thursday 2 January 25');
    expect(f(START, HCM, 'yyyyy y M')).toBe('02025 2025 1');
    expect(f(START, 'UTC', 'dd/MM/yyyy')).toBe('02/01/2025');
  });

  test('hours in all four styles, and Java’s S (milliseconds, not a fraction)', () => {
    const midnight = new Date(Date.UTC(2025, 0, 1, 17, 0, 0, 5)); // 00:00:00.005 in Hà Nội
    expect(f(midnight, HCM, 'H k K h a')).toBe('0 24 0 12 AM');
    expect(f(midnight, HCM, 'S SS SSS')).toBe('5 05 005');
  });

  test('zones: offsets, names, daylight time', () => {
    expect(f(START, HCM, 'Z XXX XX X z zzzz')).toBe('+0700 +07:00 +0700 +07 ICT Indochina Time');
    expect(f(START, 'UTC', 'X Z')).toBe('Z +0000');
    const july = new Date(Date.UTC(2025, 6, 1, 12, 0, 0));
    expect(f(july, 'America/New_York', 'HH:mm z Z')).toBe('08:00 EDT -0400');
    expect(f(START, 'America/New_York', 'HH:mm z')).toBe('20:00 EST');
  });

  test('Java time zone ids: custom GMT offsets, old three-letter ids, and GMT for anything else', () => {
    expect(f(START, 'GMT+7', 'HH:mm z')).toBe('08:00 GMT+07:00');
    expect(f(START, 'GMT-05:30', 'HH:mm')).toBe('19:30');
    expect(f(START, 'VST', 'HH:mm')).toBe('08:00');
    // unknown, wrongly cased, or "UTC+7" (not Java syntax): silently GMT
    expect(f(START, 'Asia/Hanoi', 'HH:mm')).toBe('01:00');
    expect(f(START, 'asia/ho_chi_minh', 'HH:mm')).toBe('01:00');
    expect(f(START, 'UTC+7', 'HH:mm')).toBe('01:00');
  });

  test('quoted text, and Java’s errors for bad patterns', () => {
    expect(f(START, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2025-01-02T01:00:00Z');
    expect(f(START, HCM, "h 'giờ' '' 'o''clock'")).toBe("8 giờ ' o'clock");
    expect(thrown(() => f(START, HCM, 'yyyy-MM-ddTHH:mm')).message).toBe("Illegal pattern character 'T'");
    expect(thrown(() => f(START, HCM, "'open")).message).toBe('Unterminated quote');
  });

  test('US week rules: the last days of December can be week 1 of the next year', () => {
    const dec29 = new Date(Date.UTC(2024, 11, 29, 5, 0, 0));
    expect(f(dec29, 'UTC', 'yyyy Y w W D F u')).toBe('2024 2025 1 5 364 5 7');
    expect(f(START, 'UTC', 'w D')).toBe('1 2');
  });

  test('a string date is a signature error', () => {
    expect(thrown(() => utils.formatDate('2025-01-02' as unknown as Date, HCM, 'yyyy')).message).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities.parseCsv', () => {
  const { utils } = setup();

  test('quotes, embedded delimiters, quotes and line breaks, CRLF', () => {
    const csv = 'a,b\r\nc,"d,e"\n"f ""g""","h\r\ni"\n';
    expect(utils.parseCsv(csv)).toEqual([
      ['a', 'b'],
      ['c', 'd,e'],
      ['f "g"', 'h\r\ni'],
    ]);
  });

  test('other delimiters, empty fields and lines, quotes inside unquoted text', () => {
    expect(utils.parseCsv('a\tb\n\nc\t', '\t')).toEqual([['a', 'b'], [''], ['c', '']]);
    expect(utils.parseCsv('5" pipe,x')).toEqual([['5" pipe', 'x']]);
    expect(utils.parseCsv('')).toEqual([]);
  });

  test('an unclosed quote fails; a multi-character delimiter is a signature error', () => {
    expect(thrown(() => utils.parseCsv('a,"b')).message).toBe('Could not parse text.');
    expect(thrown(() => utils.parseCsv('a;;b', ';;')).message).toBe(
      "The parameters (String,String) don't match the method signature for Utilities.parseCsv.",
    );
  });
});

describe('Utilities.sleep', () => {
  test('advances the modeled clock by the given milliseconds, charged as units', () => {
    const { ctx, utils } = setup();
    const before = ctx.clock.nowMs();
    utils.sleep(1500);
    expect(ctx.clock.nowMs() - before).toBe(1500);
    expect(ctx.ledger.count('Utilities.sleep')).toBe(1);
  });

  test('refuses more than 300000 ms', () => {
    const { ctx, utils } = setup();
    const before = ctx.clock.nowMs();
    utils.sleep(300000);
    const err = thrown(() => utils.sleep(300001));
    expect(err).toBeInstanceOf(GasException);
    expect(ctx.clock.nowMs() - before).toBe(300000);
  });
});

describe('digests, base64, uuids', () => {
  test('computeDigest gives Java signed bytes', () => {
    const { utils } = setup();
    const md5 = utils.computeDigest(utils.DigestAlgorithm.MD5, '');
    expect(md5.slice(0, 3)).toEqual([-44, 29, -116]);
    expect(md5.every((b) => b >= -128 && b <= 127)).toBe(true);
    const sha = utils.computeDigest(utils.DigestAlgorithm.SHA_256, 'Kế hoạch', utils.Charset.UTF_8);
    const expected = [...createHash('sha256').update('Kế hoạch', 'utf8').digest()].map((b) =>
      b > 127 ? b - 256 : b,
    );
    expect(sha).toEqual(expected);
    expect(utils.computeDigest(utils.DigestAlgorithm.SHA_1, [97, 98, 99])).toHaveLength(20);
  });

  test('non-ASCII text without an explicit charset is refused by the emulator', () => {
    const { utils } = setup();
    const err = thrown(() => utils.computeDigest(utils.DigestAlgorithm.MD5, 'Kế hoạch'));
    expect(err).not.toBeInstanceOf(GasException);
    expect(err.message).toMatch(/Charset/);
  });

  test('HMAC-SHA256', () => {
    const { utils } = setup();
    const mac = utils.computeHmacSha256Signature('data', 'key');
    const expected = [...createHash('sha256').digest()].length;
    expect(mac).toHaveLength(expected);
    expect(mac.slice(0, 2)).toEqual([80, 49]); // 5031fe3d…
  });

  test('base64 round trips, web-safe alphabet, strict decoding', () => {
    const { utils } = setup();
    expect(utils.base64Encode('Hello')).toBe('SGVsbG8=');
    expect(utils.base64Decode('SGVsbG8=')).toEqual([72, 101, 108, 108, 111]);
    expect(utils.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(utils.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(thrown(() => utils.base64Decode('SGVsbG8')).message).toBe(BASE64_INVALID);
    expect(thrown(() => utils.base64Decode('-_8=')).message).toBe(BASE64_INVALID);
  });

  test('getUuid: version 4 shape, distinct, repeatable across emulators', () => {
    const { utils } = setup();
    const a = utils.getUuid();
    const b = utils.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(setup().utils.getUuid()).toBe(a);
  });

  test('formatString', () => {
    const { utils } = setup();
    expect(utils.formatString('%s có %d việc, %.2f%% xong, mã %05d', 'Sở', 3.7, 2.5, 42)).toBe(
      'Sở có 3 việc, 2.50% xong, mã 00042',
    );
  });
});

describe('Blob', () => {
  test('bytes, text, names, copies and same-type conversion', () => {
    const { utils } = setup();
    const blob = utils.newBlob('Xin chào', 'text/plain', 'loi-chao.txt');
    expect(blob.getBytes().slice(-3)).toEqual([-61, -96, 111]); // "ào" in UTF-8 as signed bytes
    expect(blob.getDataAsString()).toBe('Xin chào');
    const copy = blob.copyBlob().setName('other.txt');
    expect(blob.getName()).toBe('loi-chao.txt');
    expect(copy.getName()).toBe('other.txt');
    expect(blob.getAs('text/plain').getName()).toBe('loi-chao.txt');
    expect(thrown(() => blob.getAs('application/json')).message).toBe(
      'Converting from text/plain to application/json is not supported.',
    );
    expect(utils.newBlob('x').getContentType()).toBeNull();
    expect(utils.newBlob([72, 105]).getDataAsString()).toBe('Hi');
    expect(utils.newBlob([200]).getBytes()).toEqual([-56]);
  });
});

describe('Logger and console', () => {
  test('Logger formats %s and objects, keeps its own log, writes to the sink', () => {
    const ctx = createContext({ user: 'office@so.gov.vn', start: START });
    const sink = new LogSink();
    const logger = createLogger(ctx, sink);
    logger.log('Đơn vị %s nộp %s tệp', 'A', 3);
    logger.log({ key: 'value' });
    logger.log({ message: 'from message', data: 1 });
    logger.log([1, 'a']);
    expect(sink.lines).toEqual(['Đơn vị A nộp 3 tệp', '{key=value}', 'from message', '[1, a]']);
    expect(logger.getLog().split('\n')[0]).toBe('[25-01-02 08:00:00:000 ICT] Đơn vị A nộp 3 tệp');
    logger.clear();
    expect(logger.getLog()).toBe('');
    expect(sink.lines).toHaveLength(4);
  });

  test('console writes to the same sink with levels; time/timeEnd use the modeled clock', () => {
    const ctx = createContext({ user: 'office@so.gov.vn', start: START });
    const sink = new LogSink();
    const konsole = createConsole(ctx, sink);
    konsole.log('%s=%d', 'a', 5);
    konsole.error('failed', { id: 1 });
    konsole.time('batch');
    ctx.clock.advance(1234);
    konsole.timeEnd('batch');
    expect(sink.lines[0]).toBe('a=5');
    expect(sink.entries[1]).toMatchObject({ source: 'console', level: 'error', message: 'failed { id: 1 }' });
    expect(sink.lines[2]).toMatch(/^batch: 12\d\dms$/);
  });
});
