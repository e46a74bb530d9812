/**
 * The emulated UrlFetchApp service and the Google endpoints it reaches.
 *
 * Public surface:
 *   - createUrlFetchApp(ctx, options?): the UrlFetchApp global (fetch, fetchAll, getRequest);
 *   - urlFetchControls(ctx): test controls — faults per URL pattern (status, timeout), hooks on
 *     arriving requests (e.g. delete a file mid-run), the log of served requests, quota resets,
 *     the CSV export's answer to an unknown gid (unknownCsvGid);
 *   - the limits and latencies it models, and its Apps Script messages.
 */
export { createUrlFetchApp, DEFAULT_LATENCY_MS, MAX_REDIRECTS, TIMEOUT_MS } from './app';
export type { LatencyKind, UrlFetchAppOptions } from './app';
export { urlFetchControls, UrlFetchControls } from './controls';
export type {
  ArrivingRequest,
  DriveRateLimitReason,
  Fault,
  ServedRequest,
  StatusFault,
  UnknownGidAnswer,
  UrlPattern,
} from './controls';
export {
  CONSUMER_DAILY_URLFETCH,
  DOCS_READS_PER_MINUTE,
  DOCS_WRITES_PER_MINUTE,
  DRIVE_QUERIES_PER_MINUTE,
  DRIVE_WRITE_BURST,
  DRIVE_WRITES_PER_SECOND,
  SHEETS_READS_PER_MINUTE,
  SHEETS_WRITES_PER_MINUTE,
  SHEETS_WRITES_PER_MINUTE_PER_PROJECT,
  WORKSPACE_DAILY_URLFETCH,
} from './quotas';
export { MAX_URL_LENGTH } from './request';
export { toCsv } from './csv';
export * as URL_FETCH_MESSAGES from './messages';
