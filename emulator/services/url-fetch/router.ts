/**
 * Which emulated endpoint answers a URL. Hosts outside Google's are not served at all (the
 * emulator has no network: the caller gets a DNS failure). A Google host with a path the emulator
 * does not model is an emulator error, not a guess at Google's answer.
 */
import { csvDownload, csvExport, DOWNLOAD_HOST, EXPORT_PATH, signInPage } from './endpoints/docs';
import { DOCS_API_PATH, docsApiEndpoint } from './endpoints/docs-api';
import { DRIVE_PATH, driveEndpoint } from './endpoints/drive';
import { SHEETS_PATH, sheetsRead } from './endpoints/sheets';
import { SHEETS_WRITE_PATH, sheetsWrite } from './endpoints/sheets-write';
import { Endpoint, notModeled } from './env';
import { ServerRequest } from './http';

const GOOGLE_HOST = /(^|\.)(google\.com|googleapis\.com|googleusercontent\.com)$/i;

/** The endpoint for a request; null when the host is not served (a DNS failure). */
export function routeFor(req: ServerRequest): Endpoint | null {
  const host = req.url.hostname.toLowerCase();
  if (!GOOGLE_HOST.test(host)) return null;
  if (req.url.protocol !== 'https:') notModeled(`plain http to ${host}`);
  const path = req.url.pathname;
  if (host === 'docs.google.com' && EXPORT_PATH.test(path)) return csvExport;
  if (DOWNLOAD_HOST.test(host)) return csvDownload;
  if (host === 'accounts.google.com' && req.method === 'GET') return signInPage;
  if (host === 'sheets.googleapis.com' && SHEETS_WRITE_PATH.test(path)) return sheetsWrite;
  if (host === 'sheets.googleapis.com' && SHEETS_PATH.test(path)) return sheetsRead;
  if (host === 'docs.googleapis.com' && DOCS_API_PATH.test(path)) return docsApiEndpoint(req);
  if (host === 'www.googleapis.com' && DRIVE_PATH.test(path)) return driveEndpoint(req);
  return notModeled(`${req.method} ${req.url.href}`);
}
