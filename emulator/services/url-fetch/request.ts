/**
 * UrlFetchApp's arguments turned into requests: the URL checks Apps Script makes before sending,
 * the advanced parameters and their defaults.
 * https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)
 */
import { gasError } from '../../core/errors';
import { signatureError } from '../support/args';
import { EmuBlob } from '../support/blob';
import { fromBytes, isByteArray } from '../support/bytes';
import { HttpMethod, ServerRequest } from './http';
import { invalidArgument, URL_TOO_LONG } from './messages';

/** "URL Fetch URL length: 2 KB / URL" (quotas page); longer URLs fail before anything is sent. */
export const MAX_URL_LENGTH = 2048;

export interface OutgoingRequest {
  /** As the script wrote it (Apps Script's messages quote it). */
  readonly url: string;
  readonly parsed: URL;
  readonly method: HttpMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: Buffer;
  readonly contentType: string | null;
  readonly muteHttpExceptions: boolean;
  readonly followRedirects: boolean;
  readonly validateHttpsCertificates: boolean;
}

const METHODS: Record<string, HttpMethod> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * The URL checks: the 2 KB limit (seen: "Limit Exceeded: URLFetch URL Length."), then the shape —
 * an http(s) URL without raw whitespace or control characters (scripts must encodeURIComponent
 * query values; the "Invalid argument: <url>" wording is guessed).
 */
export function checkUrl(url: string): URL {
  if (url.length > MAX_URL_LENGTH) gasError(URL_TOO_LONG);
  const raw = [...url].some((ch) => /\s/.test(ch) || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  if (raw || !/^https?:\/\/[^/?#]/i.test(url)) gasError(invalidArgument(url));
  try {
    return new URL(url);
  } catch {
    return gasError(invalidArgument(url));
  }
}

/** One request from fetch(url, params) or one fetchAll element; `method` names the caller. */
export function toRequest(
  method: string,
  url: unknown,
  params: unknown,
  args: readonly unknown[],
): OutgoingRequest {
  if (typeof url !== 'string') signatureError(method, args);
  if (params !== undefined && params !== null && !isPlainObject(params)) signatureError(method, args);
  const p = (params ?? {}) as Record<string, unknown>;
  const parsed = checkUrl(url);

  let httpMethod: HttpMethod = 'GET';
  if (p.method !== undefined) {
    const m = typeof p.method === 'string' ? METHODS[p.method.toLowerCase()] : undefined;
    if (!m) gasError(invalidArgument('method'));
    httpMethod = m;
  }
  const headers: Record<string, string> = {};
  if (p.headers !== undefined && p.headers !== null) {
    if (!isPlainObject(p.headers)) signatureError(method, args);
    for (const [k, v] of Object.entries(p.headers)) headers[k] = String(v);
  }
  if (p.contentType !== undefined && typeof p.contentType !== 'string') signatureError(method, args);
  const { body, type } = payloadOf(p.payload, method, args);
  // "contentType: the content type (defaults to 'application/x-www-form-urlencoded')".
  const contentType =
    (p.contentType as string | undefined) ??
    (p.payload !== undefined ? (type ?? 'application/x-www-form-urlencoded') : null);
  return {
    url,
    parsed,
    method: httpMethod,
    headers,
    payload: body,
    contentType,
    muteHttpExceptions: p.muteHttpExceptions === true,
    followRedirects: p.followRedirects !== false,
    validateHttpsCertificates: p.validateHttpsCertificates !== false,
  };
}

/**
 * "It can be a string, a byte array, a blob, or a JavaScript object. A JavaScript object is
 * interpreted as a map of form field names to values, where the values can be either strings or
 * blobs." Strings are sent as UTF-8; blob form fields (multipart) are not modeled.
 */
function payloadOf(
  payload: unknown,
  method: string,
  args: readonly unknown[],
): { body: Buffer; type: string | null } {
  if (payload === undefined || payload === null) return { body: Buffer.alloc(0), type: null };
  if (typeof payload === 'string') return { body: Buffer.from(payload, 'utf8'), type: null };
  if (isByteArray(payload)) return { body: fromBytes(payload), type: null };
  const blob = EmuBlob.dataOf(payload);
  if (blob) return { body: Buffer.from(blob.bytes), type: blob.contentType };
  if (isPlainObject(payload)) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(payload)) {
      if (EmuBlob.dataOf(v))
        throw new Error('Emulator: multipart payloads (blob form fields) are not modeled');
      form.append(k, String(v));
    }
    return { body: Buffer.from(form.toString(), 'utf8'), type: null };
  }
  return signatureError(method, args);
}

/** The request as a server receives it (header names lower-cased). */
export function toServerRequest(out: OutgoingRequest): ServerRequest {
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(out.headers)) headers.set(k.toLowerCase(), v);
  const contentType = out.contentType ?? headers.get('content-type') ?? null;
  return { url: out.parsed, method: out.method, headers, body: out.payload, contentType };
}

/** What getRequest(url, params) reports: the request that fetch would make. */
export function describeRequest(out: OutgoingRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const described: Record<string, unknown> = {
    url: out.url,
    method: out.method.toLowerCase(),
    headers: { ...out.headers },
    payload: out.payload.toString('utf8'),
    contentType: out.contentType ?? undefined,
    followRedirects: out.followRedirects,
    muteHttpExceptions: out.muteHttpExceptions,
    validateHttpsCertificates: out.validateHttpsCertificates,
    useIntranet: false,
  };
  return described as unknown as GoogleAppsScript.URL_Fetch.URLFetchRequest;
}
