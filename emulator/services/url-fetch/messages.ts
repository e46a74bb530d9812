/**
 * UrlFetchApp's own error texts (what the script sees as `Exception: …`). Sources: quoted from
 * real runs in public code and logs. "Guessed" = no source found; stricter to throw than to pass.
 */

/**
 * Seen (many public logs): a non-2xx answer without muteHttpExceptions, e.g.
 * "Request failed for https://api.line.me returned code 400. Truncated server response:
 * {"message":"Invalid reply token"} (use muteHttpExceptions option to examine full response)".
 * Only the scheme and host are named (older runs printed the whole URL; current ones do not).
 * A body longer than 150 characters is cut to its first 147 and "..." — three public messages
 * (Google Fit 403, OpenAI 401, a Cloudflare 522 page) each keep exactly 147 characters.
 */
export function requestFailed(origin: string, code: number, body: string): string {
  return `Request failed for ${origin} returned code ${code}. Truncated server response: ${truncate(
    body,
  )} (use muteHttpExceptions option to examine full response)`;
}

export const TRUNCATE_AT = 150;

export function truncate(body: string): string {
  return body.length > TRUNCATE_AT ? `${body.slice(0, TRUNCATE_AT - 3)}...` : body;
}

/**
 * Seen: "DNS error: http://localhost:3030" — a host that does not resolve, with the URL as given.
 * The emulator has no network: every host it does not serve fails this way. (Real runs also show
 * "Address unavailable: <url>" for hosts that resolve but do not answer; not modeled.)
 */
export function dnsError(url: string): string {
  return `DNS error: ${url}`;
}

/** Seen: "Timeout: https://api.tosspayments.com/v1/payments/confirm" (the whole URL). */
export function timeout(url: string): string {
  return `Timeout: ${url}`;
}

/** Seen: the daily quota of UrlFetch calls is used up. */
export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: urlfetch.';

/** Seen: a URL longer than the 2 KB limit ("URL Fetch URL length: 2 KB / URL"). */
export const URL_TOO_LONG = 'Limit Exceeded: URLFetch URL Length.';

/**
 * Guessed wording, observed behaviour: a URL that is not one (no http/https scheme, or raw spaces
 * and control characters, which scripts must encode with encodeURIComponent) is refused.
 */
export function invalidArgument(what: string): string {
  return `Invalid argument: ${what}`;
}
