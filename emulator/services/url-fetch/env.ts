import { EmulatorContext } from '../../core/context';
import { ServerRequest, ServerResponse } from './http';

/** What the emulated endpoints share: the context and the configured limits. */
export interface ServeEnv {
  readonly ctx: EmulatorContext;
  readonly sheetsReadsPerMinute: number;
  /** Sheets API write requests per minute, per user and per project (quotas.ts). */
  readonly sheetsWritesPerMinute: number;
  readonly sheetsWritesPerMinutePerProject: number;
  readonly driveQueriesPerMinute: number;
  /** Drive writes (copies, shares) per user: sustained rate and burst (quotas.ts). */
  readonly driveWritesPerSecond: number;
  readonly driveWriteBurst: number;
  /** Docs API requests per minute per user: reads (documents.get) and writes (batchUpdate). */
  readonly docsReadsPerMinute: number;
  readonly docsWritesPerMinute: number;
}

/** The endpoint families, each with its own modeled latency (see app.ts DEFAULT_LATENCY_MS). */
export type EndpointKind =
  | 'csvExport'
  | 'csvDownload'
  | 'login'
  | 'sheetsRead'
  | 'sheetsWrite'
  | 'driveRead'
  | 'driveExport'
  | 'driveCopy'
  | 'drivePermission'
  | 'docsRead'
  | 'docsWrite';

export interface Endpoint {
  readonly kind: EndpointKind;
  serve(env: ServeEnv, req: ServerRequest): ServerResponse;
}

/** The emulator's refusal to guess: a Google URL it does not serve, or a feature it lacks. */
export function notModeled(what: string): never {
  throw new Error(`Emulator: ${what} is not modeled by the UrlFetchApp emulator`);
}
