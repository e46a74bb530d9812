import { createHash, createHmac } from 'node:crypto';
import { EmulatorContext } from '../core/context';
import { gasError } from '../core/errors';
import { isDate, signatureError } from './support/args';
import { EmuBlob } from './support/blob';
import { encodeText, fromBytes, isByteArray, toSignedBytes } from './support/bytes';
import { enumName, makeEnum } from './support/enums';
import { asGas } from './support/gas';
import { parseCsv } from './utilities/csv';
import { formatJavaDate } from './utilities/format-date';
import { EmuConsole, EmuLogger, LogSink } from './utilities/logging';

export { LogSink } from './utilities/logging';
export type { LogEntry } from './utilities/logging';

type UtilitiesApi = GoogleAppsScript.Utilities.Utilities;
type Blob = GoogleAppsScript.Base.Blob;

const CHARSET = makeEnum('Charset', ['US_ASCII', 'UTF_8']);
const DIGEST = makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
const MAC = makeEnum('MacAlgorithm', [
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);

const JAVA_CHARSET: Record<keyof typeof CHARSET, string> = { US_ASCII: 'US-ASCII', UTF_8: 'UTF-8' };
const NODE_DIGEST: Record<keyof typeof DIGEST, string | undefined> = {
  MD2: undefined,
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const NODE_MAC: Record<keyof typeof MAC, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** "The maximum allowed value is 300000 (or 5 minutes)" (Utilities.sleep reference). */
export const MAX_SLEEP_MS = 300000;

/** Observed for malformed input to base64Decode/base64DecodeWebSafe (e.g. an unpadded JWT part). */
export const BASE64_INVALID = 'Could not decode string.';

/** Deterministic UUIDs per emulator (runs are repeatable): counter → SHA-256 → version 4 layout. */
const UUID_COUNTERS = new WeakMap<EmulatorContext, number>();

type UtilitiesMembers =
  | 'Charset'
  | 'DigestAlgorithm'
  | 'MacAlgorithm'
  | 'formatDate'
  | 'formatString'
  | 'parseCsv'
  | 'sleep'
  | 'getUuid'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'newBlob';

/** https://developers.google.com/apps-script/reference/utilities/utilities */
class EmuUtilities implements Pick<UtilitiesApi, UtilitiesMembers> {
  readonly Charset = asGas<typeof GoogleAppsScript.Utilities.Charset>(CHARSET);
  readonly DigestAlgorithm = asGas<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(DIGEST);
  readonly MacAlgorithm = asGas<typeof GoogleAppsScript.Utilities.MacAlgorithm>(MAC);

  constructor(private readonly ctx: EmulatorContext) {}

  private charge(method: string, units?: number): void {
    this.ctx.ledger.charge(`Utilities.${method}`, units);
  }

  /**
   * Java SimpleDateFormat in the given zone (see utilities/format-date.ts and time-zone.ts). An
   * unknown time zone id formats in GMT without complaint, as Java's TimeZone does.
   */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.charge('formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    if (Number.isNaN(date.getTime())) gasError('Invalid argument: date');
    return formatJavaDate(date, timeZone, format);
  }

  /** sprintf-style: %s, %d, %i, %f (with width/precision/zero-pad), %%; others stay as written. */
  formatString(template: string, ...args: unknown[]): string {
    this.charge('formatString');
    if (typeof template !== 'string') signatureError('Utilities.formatString', [template, ...args]);
    let next = 0;
    return template.replace(
      /%(0?)(\d*)(?:\.(\d+))?([sdif%])/g,
      (whole, zero: string, width: string, precision: string | undefined, kind: string) => {
        if (kind === '%') return '%';
        if (next >= args.length) return whole;
        const value = args[next++];
        let text: string;
        if (kind === 's') text = String(value);
        else if (kind === 'f') text = Number(value).toFixed(precision === undefined ? 6 : Number(precision));
        else text = String(Math.trunc(Number(value)));
        return width ? text.padStart(Number(width), zero ? '0' : ' ') : text;
      },
    );
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.charge('parseCsv');
    const badDelimiter = delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1);
    if (typeof csv !== 'string' || badDelimiter) signatureError('Utilities.parseCsv', [csv, delimiter]);
    return parseCsv(csv, delimiter);
  }

  /**
   * Advances the modeled clock by `milliseconds` (charged as Utilities.sleep, units = ms). Over
   * 300000 ms, or negative, fails (texts guessed on the pattern of "Argument too large: value").
   */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || Number.isNaN(milliseconds)) {
      this.charge('sleep');
      signatureError('Utilities.sleep', [milliseconds]);
    }
    const ms = Math.trunc(milliseconds);
    if (ms > MAX_SLEEP_MS) {
      this.charge('sleep');
      gasError('Argument too large: milliseconds');
    }
    if (ms < 0) {
      this.charge('sleep');
      gasError('Invalid argument: milliseconds');
    }
    this.charge('sleep', ms);
  }

  getUuid(): string {
    this.charge('getUuid');
    const n = (UUID_COUNTERS.get(this.ctx) ?? 0) + 1;
    UUID_COUNTERS.set(this.ctx, n);
    const hex = createHash('sha256').update(`emulator-uuid-${n}`).digest('hex');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Signed bytes (Java byte[]), e.g. MD5 of '' starts [-44, 29, -116, …]. */
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.charge('computeDigest');
    const method = 'Utilities.computeDigest';
    const name = enumName(DIGEST, algorithm);
    if (!name) signatureError(method, [algorithm, value, charset]);
    const data = this.bytesOf(method, value, charset, [algorithm, value, charset]);
    const nodeName = NODE_DIGEST[name];
    if (!nodeName) throw new Error(`Emulator: ${name} digests are not modeled`);
    return toSignedBytes(createHash(nodeName).update(data).digest());
  }

  computeHmacSha256Signature(
    value: string | number[],
    key: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.charge('computeHmacSha256Signature');
    return this.hmac('Utilities.computeHmacSha256Signature', 'sha256', value, key, charset, [
      value,
      key,
      charset,
    ]);
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: string | number[],
    key: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.charge('computeHmacSignature');
    const method = 'Utilities.computeHmacSignature';
    const name = enumName(MAC, algorithm);
    if (!name) signatureError(method, [algorithm, value, key, charset]);
    return this.hmac(method, NODE_MAC[name], value, key, charset, [algorithm, value, key, charset]);
  }

  base64Encode(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    this.charge('base64Encode');
    return this.bytesOf('Utilities.base64Encode', data, charset, [data, charset]).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    this.charge('base64EncodeWebSafe');
    const text = this.bytesOf('Utilities.base64EncodeWebSafe', data, charset, [data, charset]).toString(
      'base64',
    );
    return text.replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.charge('base64Decode');
    return this.decode('Utilities.base64Decode', encoded, charset, /^[A-Za-z0-9+/]*$/);
  }

  base64DecodeWebSafe(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.charge('base64DecodeWebSafe');
    return this.decode('Utilities.base64DecodeWebSafe', encoded, charset, /^[A-Za-z0-9\-_]*$/);
  }

  /**
   * newBlob(data[, contentType[, name]]) from a string (UTF-8) or bytes. No content type unless
   * given (guessed: stricter than assuming text/plain).
   */
  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    this.charge('newBlob');
    const okType = contentType === undefined || contentType === null || typeof contentType === 'string';
    const okName = name === undefined || typeof name === 'string';
    if (!(typeof data === 'string' || isByteArray(data)) || !okType || !okName) {
      signatureError('Utilities.newBlob', [data, contentType, name]);
    }
    const bytes = typeof data === 'string' ? encodeText(data) : fromBytes(data);
    return asGas<Blob>(new EmuBlob(this.ctx, bytes, contentType ?? null, name ?? null));
  }

  /**
   * Bytes of a string or byte[] argument. A string with non-ASCII characters and no explicit
   * charset is refused with an emulator error: Apps Script's default charset for these methods is
   * not documented, so code hashing or encoding Vietnamese text must pass Utilities.Charset.UTF_8.
   */
  private bytesOf(method: string, value: unknown, charset: unknown, args: unknown[]): Buffer {
    const charsetName = charset === undefined ? undefined : enumName(CHARSET, charset);
    if (charset !== undefined && !charsetName) signatureError(method, args);
    if (isByteArray(value)) {
      if (charset !== undefined) signatureError(method, args);
      return fromBytes(value);
    }
    if (typeof value !== 'string') return signatureError(method, args);
    if (!charsetName && /[^\u0020-\u007e\t\r\n]/.test(value)) {
      throw new Error(
        `Emulator: ${method} of non-ASCII text needs an explicit Utilities.Charset (default charset unverified)`,
      );
    }
    return encodeText(value, JAVA_CHARSET[charsetName ?? 'UTF_8']);
  }

  private hmac(
    method: string,
    algorithm: string,
    value: unknown,
    key: unknown,
    charset: unknown,
    args: unknown[],
  ): number[] {
    const bothStrings = typeof value === 'string' && typeof key === 'string';
    const bothBytes = isByteArray(value) && isByteArray(key);
    if (!bothStrings && !bothBytes) signatureError(method, args);
    const data = this.bytesOf(method, value, charset, args);
    const secret = this.bytesOf(method, key, charset, args);
    return toSignedBytes(createHmac(algorithm, secret).update(data).digest());
  }

  /** Strict base64: right alphabet, padded to a multiple of 4 (whitespace ignored). */
  private decode(method: string, encoded: unknown, charset: unknown, alphabet: RegExp): number[] {
    if (typeof encoded !== 'string' || (charset !== undefined && !enumName(CHARSET, charset))) {
      signatureError(method, [encoded, charset]);
    }
    const compact = encoded.replace(/\s+/g, '');
    const body = compact.replace(/={1,2}$/, '');
    if (compact.length % 4 !== 0 || !alphabet.test(body)) gasError(BASE64_INVALID);
    const standard = compact.replace(/-/g, '+').replace(/_/g, '/');
    return toSignedBytes(Buffer.from(standard, 'base64'));
  }
}

export function createUtilities(ctx: EmulatorContext): UtilitiesApi {
  return asGas<UtilitiesApi>(new EmuUtilities(ctx));
}

/** Logger, writing into `sink` (see utilities/logging.ts). */
export function createLogger(ctx: EmulatorContext, sink: LogSink): GoogleAppsScript.Base.Logger {
  return asGas<GoogleAppsScript.Base.Logger>(new EmuLogger(ctx, sink));
}

/** Apps Script's console (log, info, warn, error, time, timeEnd), writing into the same sink. */
export function createConsole(ctx: EmulatorContext, sink: LogSink): Console {
  return asGas<Console>(new EmuConsole(ctx, sink));
}
