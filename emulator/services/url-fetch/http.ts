/**
 * The HTTP exchange between UrlFetchApp and the emulated Google front ends: what a served request
 * looks like to an endpoint, what an endpoint answers, and the response builders they share.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request as an emulated server receives it. */
export interface ServerRequest {
  readonly url: URL;
  readonly method: HttpMethod;
  /** Header names lower-cased (HTTP header names are case-insensitive). */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
  readonly contentType: string | null;
  /**
   * Sent in the same fetchAll as a later request that changes the same file's permissions: the
   * endpoint answers as usual but its change is not applied (endpoints/drive.ts permissions.create).
   */
  readonly superseded?: boolean;
}

/** One answer. Header names keep the case Google's front ends send. */
export interface ServerResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * Google reads most repeated query parameters from the FIRST occurrence (fields, q, pageSize,
 * pageToken…) and a few from the last (majorDimension, valueRenderOption) — measured by a public
 * Google API emulator ("backlot") against the live APIs.
 */
export function firstParam(url: URL, name: string): string | undefined {
  const all = url.searchParams.getAll(name);
  return all.length > 0 ? all[0] : undefined;
}

export function lastParam(url: URL, name: string): string | undefined {
  const all = url.searchParams.getAll(name);
  return all.length > 0 ? all[all.length - 1] : undefined;
}

/** The effective `prettyPrint`: indented unless a false spelling is given (measured, backlot). */
export function prettyPrint(url: URL): boolean {
  const value = (firstParam(url, 'prettyPrint') ?? '').toLowerCase();
  return !['0', 'f', 'false', 'n', 'no'].includes(value);
}

/**
 * A Google API JSON body as the front end writes it: two-space indentation and a final newline
 * (compact with prettyPrint=false: no spaces, no newline), UTF-8, with "<" and ">" written as
 * \u003c and \u003e (measured to the byte by backlot; safe because they only occur inside strings).
 */
export function googleJson(status: number, body: unknown, pretty = true): ServerResponse {
  const text = (pretty ? `${JSON.stringify(body, null, 2)}\n` : JSON.stringify(body))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e');
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: Buffer.from(text, 'utf8'),
  };
}

export function htmlResponse(
  status: number,
  html: string,
  headers: Record<string, string> = {},
): ServerResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    body: Buffer.from(html, 'utf8'),
  };
}

export function redirectResponse(status: 301 | 302 | 307, location: string): ServerResponse {
  return htmlResponse(
    status,
    `<HTML>\n<HEAD>\n<TITLE>Temporary Redirect</TITLE>\n</HEAD>\n<BODY BGCOLOR="#FFFFFF" TEXT="#000000">\n<H1>Temporary Redirect</H1>\nThe document has moved <A HREF="${location}">here</A>.\n</BODY>\n</HTML>\n`,
    { Location: location },
  );
}

/** The header a request sent, by case-insensitive name. */
export function header(req: ServerRequest, name: string): string | undefined {
  return req.headers.get(name.toLowerCase());
}
