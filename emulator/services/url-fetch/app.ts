/**
 * UrlFetchApp over the emulated Google endpoints: every request is answered in memory from the
 * shared Drive, with the real shapes, status codes and quotas; any other host fails like a DNS
 * failure (there is no network).
 * https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 *
 * Cost model (../shared/reference/apps-script-platform.md, "Latency model"): each request takes its
 * endpoint's modeled latency (about 0.5 s to a Google API, M); fetch charges one
 * 'UrlFetchApp.fetch' of that time; fetchAll charges one 'UrlFetchApp.fetchAll' of the slowest
 * request, stretched by the batch's tail, plus a per-call and per-request overhead
 * (core/latency.ts fetchAllMs; M: "2–88 parallel 1-s jobs took 1.2–1.9 s"). Every request is also counted as
 * 'UrlFetchApp.request' (0 ms), so tests can hold budgets on batches and on requests. The requests
 * are counted before anything is sent (a planned ledger fault there stops the call unsent); the
 * call itself is charged once the answers are in (its time depends on them), so a time-limit stop
 * at that charge comes after the server did the work — as on Google's side.
 */
import { requireScope, SCOPES } from '../script-app/consent';
import { EmulatorContext } from '../../core/context';
import { gasError } from '../../core/errors';
import { fetchAllMs } from '../../core/latency';
import { signatureError } from '../support/args';
import { userOfHeaders } from './access';
import { ArrivingRequest, Fault, urlFetchControls } from './controls';
import { EndpointKind, ServeEnv } from './env';
import { driveErrorResponse, driveRateLimitByReason } from './google-errors';
import { googleJson, htmlResponse, prettyPrint, ServerRequest, ServerResponse } from './http';
import { dnsError, requestFailed, timeout } from './messages';
import { configureQuotas, consume } from '../../core/quotas';
import {
  DOCS_READS_PER_MINUTE,
  DOCS_WRITES_PER_MINUTE,
  DRIVE_QUERIES_PER_MINUTE,
  DRIVE_WRITE_BURST,
  DRIVE_WRITES_PER_SECOND,
  SHEETS_READS_PER_MINUTE,
  SHEETS_WRITES_PER_MINUTE,
  SHEETS_WRITES_PER_MINUTE_PER_PROJECT,
} from './quotas';
import { describeRequest, OutgoingRequest, toRequest, toServerRequest } from './request';
import { httpResponse } from './response';
import { routeFor } from './router';
import { DRIVE_PATH } from './endpoints/drive';

type UrlFetchAppApi = GoogleAppsScript.URL_Fetch.UrlFetchApp;
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

export type LatencyKind = EndpointKind | 'unserved';

/** Modeled milliseconds per request, by endpoint (M: ~0.6 s to a Google API; E elsewhere). */
export const DEFAULT_LATENCY_MS: Readonly<Record<LatencyKind, number>> = {
  csvExport: 500,
  csvDownload: 200,
  login: 200,
  sheetsRead: 500,
  // Guessed (E): a batchUpdate carrying a few dozen requests takes about a second.
  sheetsWrite: 1000,
  driveRead: 500,
  // Guessed: files.export renders the PDF, like File.getAs (LATENCY 'File.getAs', 2 s).
  driveExport: 2000,
  driveCopy: 2500,
  drivePermission: 1000,
  // Guessed: a documents.get like other API reads; a batchUpdate filling a whole document
  // (hundreds of requests) taken at 2 s, slower than a simple API call (the stricter side).
  docsRead: 500,
  docsWrite: 2000,
  unserved: 500,
};

/** UrlFetchApp gives up after 60 s (not configurable; third-party guides, M). */
export const TIMEOUT_MS = 60_000;
/** Redirects followed before the last answer is returned as it is (E). */
export const MAX_REDIRECTS = 10;

export interface UrlFetchAppOptions {
  /** UrlFetch calls per day, over the account type's (core/quotas.ts: 20,000 / 100,000). */
  readonly dailyQuota?: number;
  /** Sheets API read requests per minute per user (default 60). */
  readonly sheetsReadsPerMinute?: number;
  /** Sheets API write requests per minute per user (default 60) and per project (300). */
  readonly sheetsWritesPerMinute?: number;
  readonly sheetsWritesPerMinutePerProject?: number;
  /** Drive API queries per minute per user (default 12,000). */
  readonly driveQueriesPerMinute?: number;
  /** Drive writes (copies, shares) per second per user, sustained (default 3). */
  readonly driveWritesPerSecond?: number;
  /** Drive writes a user may send at once before the sustained rate applies (default 50). */
  readonly driveWriteBurst?: number;
  /** Docs API reads / writes per minute per user (default 300 / 60). */
  readonly docsReadsPerMinute?: number;
  readonly docsWritesPerMinute?: number;
  /** Modeled latency per endpoint kind, over DEFAULT_LATENCY_MS. */
  readonly latencyMs?: Partial<Record<LatencyKind, number>>;
}

interface Outcome {
  /** The last answer (after followed redirects), absent when none came. */
  readonly response?: ServerResponse;
  readonly failure?: 'timeout' | 'dns';
  /** The URL of the last hop (the one that answered or failed). */
  readonly url: string;
  readonly latencyMs: number;
}

class EmuUrlFetchApp implements Pick<UrlFetchAppApi, 'fetch' | 'fetchAll' | 'getRequest'> {
  private readonly env: ServeEnv;
  private readonly latency: Readonly<Record<LatencyKind, number>>;

  constructor(
    private readonly ctx: EmulatorContext,
    options: UrlFetchAppOptions,
  ) {
    this.env = {
      ctx,
      sheetsReadsPerMinute: options.sheetsReadsPerMinute ?? SHEETS_READS_PER_MINUTE,
      sheetsWritesPerMinute: options.sheetsWritesPerMinute ?? SHEETS_WRITES_PER_MINUTE,
      sheetsWritesPerMinutePerProject:
        options.sheetsWritesPerMinutePerProject ?? SHEETS_WRITES_PER_MINUTE_PER_PROJECT,
      driveQueriesPerMinute: options.driveQueriesPerMinute ?? DRIVE_QUERIES_PER_MINUTE,
      driveWritesPerSecond: options.driveWritesPerSecond ?? DRIVE_WRITES_PER_SECOND,
      driveWriteBurst: options.driveWriteBurst ?? DRIVE_WRITE_BURST,
      docsReadsPerMinute: options.docsReadsPerMinute ?? DOCS_READS_PER_MINUTE,
      docsWritesPerMinute: options.docsWritesPerMinute ?? DOCS_WRITES_PER_MINUTE,
    };
    if (options.dailyQuota !== undefined) configureQuotas(ctx, { limits: { urlfetch: options.dailyQuota } });
    this.latency = { ...DEFAULT_LATENCY_MS, ...options.latencyMs };
  }

  fetch(url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): HTTPResponse {
    const args = params === undefined ? [url] : [url, params];
    const request = toRequest('UrlFetchApp.fetch', url, params, args);
    return this.send([request], 'UrlFetchApp.fetch')[0];
  }

  /** Requests are strings (GET) or objects with `url` and the advanced parameters. */
  fetchAll(requests: Array<GoogleAppsScript.URL_Fetch.URLFetchRequest | string>): HTTPResponse[] {
    if (!Array.isArray(requests)) signatureError('UrlFetchApp.fetchAll', [requests]);
    const built = requests.map((r: unknown) => {
      if (typeof r === 'string') return toRequest('UrlFetchApp.fetchAll', r, undefined, [requests]);
      if (typeof r !== 'object' || r === null) return signatureError('UrlFetchApp.fetchAll', [requests]);
      const { url, ...params } = r as { url?: unknown };
      return toRequest('UrlFetchApp.fetchAll', url, params, [requests]);
    });
    return this.send(built, 'UrlFetchApp.fetchAll');
  }

  getRequest(
    url: string,
    params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions,
  ): GoogleAppsScript.URL_Fetch.URLFetchRequest {
    requireScope(this.ctx, 'UrlFetchApp.getRequest', SCOPES.externalRequest);
    this.ctx.ledger.charge('UrlFetchApp.getRequest');
    const args = params === undefined ? [url] : [url, params];
    return describeRequest(toRequest('UrlFetchApp.getRequest', url, params, args));
  }

  private send(
    requests: OutgoingRequest[],
    key: 'UrlFetchApp.fetch' | 'UrlFetchApp.fetchAll',
  ): HTTPResponse[] {
    requireScope(this.ctx, key, SCOPES.externalRequest);
    // Every request of a fetchAll counts; one that would pass the quota sends nothing.
    consume(this.ctx, 'urlfetch', requests.length);
    for (let i = 0; i < requests.length; i++) this.ctx.ledger.chargeFixed('UrlFetchApp.request', 0);

    // fetchAll sends in parallel: every request arrives at the same modeled instant.
    const superseded =
      key === 'UrlFetchApp.fetchAll' ? supersededPermissionCreates(requests) : new Set<number>();
    const outcomes = requests.map((r, i) => this.exchange(r, superseded.has(i)));
    const latencies = outcomes.map((o) => o.latencyMs);
    const ms = key === 'UrlFetchApp.fetch' ? Math.max(0, ...latencies) : fetchAllMs(latencies);
    this.ctx.ledger.chargeFixed(key, ms);

    // The first failure in request order ends the whole call, as in Apps Script.
    outcomes.forEach((o, i) => {
      if (o.failure === 'timeout') gasError(timeout(o.url));
      if (o.failure === 'dns') gasError(dnsError(o.url));
      const response = o.response!;
      if (response.status >= 400 && !requests[i].muteHttpExceptions) {
        const url = new URL(o.url);
        gasError(
          requestFailed(`${url.protocol}//${url.host}`, response.status, response.body.toString('utf8')),
        );
      }
    });
    return outcomes.map((o) => httpResponse(this.ctx, o.response!));
  }

  /** One request and the redirects UrlFetchApp follows (followRedirects, default true). */
  private exchange(out: OutgoingRequest, superseded: boolean): Outcome {
    let req: ServerRequest = { ...toServerRequest(out), superseded };
    let written = out.url;
    let total = 0;
    for (let hop = 0; ; hop++) {
      const one = this.serveOne(req, written, hop, total);
      total += one.latencyMs;
      const response = one.response;
      const location = response ? headerOf(response, 'location') : undefined;
      const redirect = response !== undefined && [301, 302, 303, 307, 308].includes(response.status);
      if (!response || !redirect || !location || !out.followRedirects || hop >= MAX_REDIRECTS) {
        return { ...one, latencyMs: total };
      }
      const next = new URL(location, req.url);
      const keepBody = response.status === 307 || response.status === 308;
      req = {
        url: next,
        method: keepBody ? req.method : 'GET',
        headers: req.headers,
        body: keepBody ? req.body : Buffer.alloc(0),
        contentType: keepBody ? req.contentType : null,
      };
      written = next.href;
    }
  }

  private serveOne(req: ServerRequest, written: string, hop: number, offsetMs: number): Outcome {
    const controls = urlFetchControls(this.ctx);
    const arriving: ArrivingRequest = { url: written, method: req.method, hop };
    controls.arrive(arriving);
    const atMs = this.ctx.clock.nowMs() + offsetMs;
    const user = userOfHeaders(this.ctx, req.headers);
    const fault = controls.takeFault(written);
    let outcome: Outcome;
    let injected = false;
    if (fault) {
      injected = true;
      outcome =
        fault.kind === 'timeout'
          ? { failure: 'timeout', url: written, latencyMs: TIMEOUT_MS }
          : { response: injectedResponse(req, fault), url: written, latencyMs: this.latencyOf(req) };
    } else {
      const endpoint = routeFor(req);
      outcome = endpoint
        ? { response: endpoint.serve(this.env, req), url: written, latencyMs: this.latency[endpoint.kind] }
        : { failure: 'dns', url: written, latencyMs: this.latency.unserved };
    }
    controls.record({
      ...arriving,
      status: outcome.response?.status ?? null,
      failure: outcome.failure ?? null,
      user,
      atMs,
      latencyMs: outcome.latencyMs,
      injected,
    });
    return outcome;
  }

  /** The latency of the endpoint a URL would reach (a fault may target an unserved URL). */
  private latencyOf(req: ServerRequest): number {
    try {
      const endpoint = routeFor(req);
      return endpoint ? this.latency[endpoint.kind] : this.latency.unserved;
    } catch {
      return this.latency.unserved;
    }
  }
}

/**
 * Requests of one fetchAll that change a file's permissions while a later request of the same
 * call changes that file's too. Drive v3 permissions.create: "Concurrent permissions operations
 * on the same file are not supported; only the last update is applied."
 * https://developers.google.com/drive/api/reference/rest/v3/permissions/create
 * Which one "last" is among parallel requests is not said; the last in request order is taken,
 * and the others answer success with no effect (the silent, stricter case).
 */
function supersededPermissionCreates(requests: readonly OutgoingRequest[]): Set<number> {
  const lastByFile = new Map<string, number>();
  const all: [number, string][] = [];
  requests.forEach((r, i) => {
    const fileId = permissionTarget(r);
    if (fileId === null) return;
    lastByFile.set(fileId, i);
    all.push([i, fileId]);
  });
  return new Set(all.filter(([i, id]) => lastByFile.get(id) !== i).map(([i]) => i));
}

function permissionTarget(r: OutgoingRequest): string | null {
  if (r.method.toUpperCase() !== 'POST') return null;
  let url: URL;
  try {
    url = new URL(r.url);
  } catch {
    return null;
  }
  if (url.hostname !== 'www.googleapis.com') return null;
  const m = DRIVE_PATH.exec(url.pathname);
  return m && m[2] === '/permissions' ? m[1] : null;
}

function headerOf(response: ServerResponse, name: string): string | undefined {
  const key = Object.keys(response.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : response.headers[key];
}

const STATUS_TEXT: Record<number, [string, string]> = {
  400: ['INVALID_ARGUMENT', 'Request contains an invalid argument.'],
  429: ['RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'],
  500: ['INTERNAL', 'Internal error encountered.'],
  502: ['UNAVAILABLE', 'Bad Gateway'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
  504: ['DEADLINE_EXCEEDED', 'The request timed out.'],
};

/** An injected status: Google's canonical JSON error for APIs, an HTML error page elsewhere. */
function injectedResponse(req: ServerRequest, fault: Extract<Fault, { kind: 'status' }>): ServerResponse {
  const extra = fault.headers ?? {};
  if (fault.body !== undefined) {
    return {
      status: fault.status,
      headers: { 'Content-Type': fault.contentType ?? 'text/plain; charset=utf-8', ...extra },
      body: Buffer.from(fault.body, 'utf8'),
    };
  }
  if (fault.reason !== undefined) {
    const base = driveErrorResponse(
      { ...driveRateLimitByReason(fault.reason), code: fault.status },
      prettyPrint(req.url),
    );
    return { ...base, headers: { ...base.headers, ...extra } };
  }
  if (req.url.hostname.endsWith('googleapis.com')) {
    const [status, message] = STATUS_TEXT[fault.status] ?? ['UNKNOWN', `HTTP ${fault.status}`];
    const base = googleJson(fault.status, { error: { code: fault.status, message, status } });
    return { ...base, headers: { ...base.headers, ...extra } };
  }
  return htmlResponse(
    fault.status,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error ${fault.status}</title></head>` +
      `<body><p><b>${fault.status}.</b> <ins>That’s an error.</ins></p></body></html>`,
    extra,
  );
}

export function createUrlFetchApp(ctx: EmulatorContext, options: UrlFetchAppOptions = {}): UrlFetchAppApi {
  return new EmuUrlFetchApp(ctx, options) as unknown as UrlFetchAppApi;
}
