/**
 * Test controls for the emulated network: faults planned per URL pattern (an HTTP status, a
 * timeout), hooks that run when a matching request arrives (e.g. "the file is deleted mid-run"),
 * and the log of every request served. One set per emulator context.
 */
import { EmulatorContext } from '../../core/context';
import { HttpMethod } from './http';
import { resetQuotas } from './quotas';

/** A URL contains this text, or matches this expression. */
export type UrlPattern = string | RegExp;

/** What a hook learns about the request that is arriving. */
export interface ArrivingRequest {
  readonly url: string;
  readonly method: HttpMethod;
  /** 0 for the request the script made, 1… for redirects UrlFetchApp followed. */
  readonly hop: number;
}

/** One request as the emulated network saw it. */
export interface ServedRequest extends ArrivingRequest {
  /** The HTTP status, or null when no answer came (timeout, DNS failure). */
  readonly status: number | null;
  readonly failure: 'timeout' | 'dns' | null;
  /** The bearer token's owner; null without a valid token. */
  readonly user: string | null;
  /** Modeled time the request arrived. */
  readonly atMs: number;
  /** Modeled time it took. */
  readonly latencyMs: number;
  /** Answered by an injected fault rather than the endpoint. */
  readonly injected: boolean;
}

export interface StatusFault {
  readonly kind: 'status';
  readonly status: number;
  /** Default: Google's error body for the host (JSON for APIs, HTML for docs.google.com). */
  readonly body?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A Drive rate-limit reason: the body is Drive's JSON error for it (google-errors.ts). */
  readonly reason?: DriveRateLimitReason;
}

/** The reasons Drive answers a rate limit with (handle-errors guide), as 403s (or 429). */
export type DriveRateLimitReason = 'userRateLimitExceeded' | 'rateLimitExceeded' | 'sharingRateLimitExceeded';

export type Fault = StatusFault | { readonly kind: 'timeout' };

interface Planned<T> {
  readonly pattern: UrlPattern;
  readonly value: T;
  remaining: number;
}

function matches(pattern: UrlPattern, url: string): boolean {
  if (typeof pattern === 'string') return url.includes(pattern);
  pattern.lastIndex = 0;
  return pattern.test(url);
}

/**
 * How the CSV export answers a gid the file has no sheet with. 'bad-request' is what others saw
 * (endpoints/docs.ts); 'first-sheet' — a 200 with the first sheet's CSV — is the silent failure a
 * reader must survive too (only a check of the rows it got would notice), for tests.
 */
export type UnknownGidAnswer = 'bad-request' | 'first-sheet';

export class UrlFetchControls {
  /** The CSV export's answer to an unknown gid (default: Google's observed 400). */
  unknownCsvGid: UnknownGidAnswer = 'bad-request';
  private faults: Planned<Fault>[] = [];
  private hooks: Planned<(request: ArrivingRequest) => void>[] = [];
  private log: ServedRequest[] = [];

  constructor(private readonly ctx: EmulatorContext) {}

  /**
   * The next `times` requests whose URL matches are answered with `status` (429, 500, 503…);
   * with `reason`, Drive's rate-limit error of that reason (e.g. 403 userRateLimitExceeded). With
   * a 200, a `body` and a `contentType` it serves any content instead — e.g. a CSV export that
   * does not parse (`'text/csv; charset=utf-8'`, an unclosed quote).
   */
  failNext(
    pattern: UrlPattern,
    status: number,
    options: {
      times?: number;
      body?: string;
      contentType?: string;
      headers?: Record<string, string>;
      reason?: DriveRateLimitReason;
    } = {},
  ): void {
    const { times = 1, ...rest } = options;
    this.faults.push({ pattern, value: { kind: 'status', status, ...rest }, remaining: times });
  }

  /** The next `times` matching requests get no answer: UrlFetchApp waits 60 s and throws. */
  timeoutNext(pattern: UrlPattern, times = 1): void {
    this.faults.push({ pattern, value: { kind: 'timeout' }, remaining: times });
  }

  /**
   * Run `hook` when a matching request arrives, before it is answered — e.g.
   * `onRequest(id, () => ctx.drive.deletePermanently(id))`. Returns the undo.
   */
  onRequest(
    pattern: UrlPattern,
    hook: (request: ArrivingRequest) => void,
    options: { times?: number } = {},
  ): () => void {
    const planned = { pattern, value: hook, remaining: options.times ?? Infinity };
    this.hooks.push(planned);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== planned);
    };
  }

  clearFaults(): void {
    this.faults = [];
    this.hooks = [];
  }

  /** Every request served so far, oldest first. */
  requests(): readonly ServedRequest[] {
    return [...this.log];
  }

  clearRequests(): void {
    this.log = [];
  }

  /** Start fresh quota windows (daily UrlFetch, per-minute API limits) without moving the clock. */
  resetQuotas(): void {
    resetQuotas(this.ctx);
  }

  // ---- used by the emulated network ----------------------------------------------------------

  /** Runs the hooks for an arriving request (in the order they were added). */
  arrive(request: ArrivingRequest): void {
    for (const hook of [...this.hooks]) {
      if (hook.remaining <= 0 || !matches(hook.pattern, request.url)) continue;
      hook.remaining--;
      hook.value(request);
    }
    this.hooks = this.hooks.filter((h) => h.remaining > 0);
  }

  /** The planned fault for this URL, if any (consumed). */
  takeFault(url: string): Fault | undefined {
    const planned = this.faults.find((f) => f.remaining > 0 && matches(f.pattern, url));
    if (!planned) return undefined;
    planned.remaining--;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return planned.value;
  }

  record(entry: ServedRequest): void {
    this.log.push(entry);
  }
}

const CONTROLS = new WeakMap<EmulatorContext, UrlFetchControls>();

/** The network controls of an emulator context. */
export function urlFetchControls(ctx: EmulatorContext): UrlFetchControls {
  let controls = CONTROLS.get(ctx);
  if (!controls) CONTROLS.set(ctx, (controls = new UrlFetchControls(ctx)));
  return controls;
}
