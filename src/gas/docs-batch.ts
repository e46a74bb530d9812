import { DocSpec } from '../domain/document/doc-spec';
import { DocsRequest, docsRequests } from '../domain/document/docs-requests';
import { ReplyCheck } from '../domain/document/template-requests';
import { countDocumentCreated } from './doc-quota';
import {
  apiUnusable,
  DOCS_API_SWITCH_KEY,
  DOCS_API_URL,
  layoutTemplateId,
  DocsApiMemory,
  rememberRefusal,
} from './docs-api';
import { trashFile } from './drive';
import { ApiRequest, DEFAULT_BATCH, describeFailure, fetchAllDetailed, SEND_ONCE } from './fetch-batch';
import { noteFallback, noteFastPath } from './paths';
import { readDocumentJson } from './properties';

type Folder = GoogleAppsScript.Drive.Folder;
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

const FILES_URL = 'https://www.googleapis.com/drive/v3/files';

/**
 * What the batch made of one document: the Doc and its PDF; or `retry` (a fault that may pass:
 * nothing of it is left live, the caller makes it the one-at-a-time way, which tries the API again);
 * or `fallback` (Google said the API is unusable here: the caller makes it with DocumentApp).
 */
export type BatchDocument =
  | { readonly docId: string; readonly pdfId: string }
  | { readonly retry: string }
  | { readonly fallback: string };

/**
 * "Write requests per minute per user: 60" (Docs API usage limits), the same for reads.
 * https://developers.google.com/workspace/docs/api/limits
 */
export const DOCS_WRITES_PER_MINUTE = 60;
const MINUTE_MS = 60_000;

/**
 * When this execution sent each batchUpdate, kept per UrlFetchApp (one per execution in Apps
 * Script; the emulator installs a new one per run), as fetch-batch.ts keeps its write pace.
 */
const fillsSent = new WeakMap<object, number[]>();

/** Sleeps until `count` more batchUpdates fit in the trailing minute, and books them. */
function paceFills(count: number): void {
  const now = new Date().getTime();
  const recent = (fillsSent.get(UrlFetchApp) ?? []).filter((t) => t > now - MINUTE_MS && t <= now);
  const excess = recent.length + count - DOCS_WRITES_PER_MINUTE;
  let at = now;
  if (excess > 0) {
    // The excess-th oldest fill must leave the window first.
    const waitMs = recent[excess - 1] + MINUTE_MS - now + 1;
    Utilities.sleep(waitMs);
    at = now + waitMs;
  }
  for (let i = 0; i < count; i++) recent.push(at);
  fillsSent.set(UrlFetchApp, recent);
}

const ok = (r: HTTPResponse | null): r is HTTPResponse =>
  r !== null && r.getResponseCode() >= 200 && r.getResponseCode() < 300;

/**
 * Many documents at once, each as createThroughDocsApi makes one (docs-api.ts) and its PDF beside
 * it: the layout template copied for all in paced batches (Drive's write rate), filled by one
 * batchUpdate each in fetchAll batches of at most DOCS_WRITES_PER_MINUTE a minute, exported as PDF
 * through Drive's files.export in parallel, each PDF then saved with DriveApp. One document's
 * failure is its own: its half goes to the trash and it comes back as `retry` or `fallback`; the
 * others go on. Copies and fills are sent once (a lost answer may have been performed); a refusal
 * for good is remembered in `memory` for the rest of the execution.
 */
export function createDocumentsWithPdfs(
  specs: readonly DocSpec[],
  folder: Folder,
  memory: DocsApiMemory,
): BatchDocument[] {
  const unusable = apiOff(specs.length, memory);
  if (unusable) return unusable;
  return createCopiesWithPdfs(
    specs.map((s) => ({ name: s.name, requests: docsRequests(s).requests })),
    { id: layoutTemplateId(folder), label: 'mẫu trang' },
    folder,
    memory,
  );
}

/** One document to make from a template: its name and the batchUpdate that fills its copy. */
export interface CopyJob {
  readonly name: string;
  readonly requests: readonly DocsRequest[];
  /** Replies the fill must give for the copy to be kept (template-requests.ts). */
  readonly checks?: readonly ReplyCheck[];
}

/**
 * Every document `fallback` when the API is switched off or already refused in this execution;
 * null when the API is to be tried.
 */
export function apiOff(count: number, memory: DocsApiMemory): BatchDocument[] | null {
  if (readDocumentJson<boolean>(DOCS_API_SWITCH_KEY) === false) {
    return Array.from({ length: count }, () => ({ fallback: 'tắt trong cấu hình' }));
  }
  const refused = memory.refusal;
  if (refused !== null) return Array.from({ length: count }, () => ({ fallback: refused }));
  return null;
}

/**
 * The batch itself, for any template: the built-in layout's (above) or the office's own
 * (office-template.ts), `label` naming it in messages. Same rules as createDocumentsWithPdfs.
 */
export function createCopiesWithPdfs(
  jobs: readonly CopyJob[],
  template: { readonly id: string; readonly label: string },
  folder: Folder,
  memory: DocsApiMemory,
): BatchDocument[] {
  const out: BatchDocument[] = jobs.map(() => ({ retry: '' }));
  if (jobs.length === 0) return out;
  const templateId = template.id;

  // 1. Copies, paced at Drive's write rate.
  const copies = fetchAllDetailed(
    jobs.map((s) => ({
      url: `${FILES_URL}/${templateId}/copy?fields=id&supportsAllDrives=true`,
      method: 'post' as const,
      payload: { name: s.name, parents: [folder.getId()] },
    })),
    { ...SEND_ONCE, pacedWrites: true },
  );
  let created = 0;
  const docIds: (string | null)[] = jobs.map((_, i) => {
    const response = copies.responses[i];
    const thrown = copies.thrown[i];
    const id = ok(response) ? (JSON.parse(response.getContentText() || '{}') as { id?: unknown }).id : null;
    if (typeof id === 'string') {
      created++;
      return id;
    }
    const why = `không sao chép được ${template.label} qua Drive API: ${thrown ?? describeFailure(response)}`;
    if (apiUnusable(response, thrown)) {
      rememberRefusal(memory, why);
      out[i] = { fallback: why };
    } else {
      // A copy whose answer was lost may exist (counted: the stricter side of the day's quota);
      // the retry finds it by name, a Doc without its PDF, and trashes it.
      if (!response) created++;
      out[i] = { retry: why };
    }
    return null;
  });
  countDocumentCreated(created);
  noteFastPath('drive-copy', docIds.filter((id) => id !== null).length);

  // 2. Fills, paced at the Docs API's writes a minute.
  const toFill = indexesOf(docIds);
  const fills: (HTTPResponse | null)[] = [];
  const fillThrown: (string | null)[] = [];
  for (let start = 0; start < toFill.length; start += DOCS_WRITES_PER_MINUTE) {
    const batch = toFill.slice(start, start + DOCS_WRITES_PER_MINUTE);
    paceFills(batch.length);
    const sent = fetchAllDetailed(
      batch.map((i) => ({
        url: `${DOCS_API_URL}/${docIds[i]!}:batchUpdate`,
        method: 'post' as const,
        payload: { requests: jobs[i].requests },
      })),
      { ...SEND_ONCE, batchSize: DOCS_WRITES_PER_MINUTE },
    );
    fills.push(...sent.responses);
    fillThrown.push(...sent.thrown);
  }
  const filled: (string | null)[] = jobs.map(() => null);
  toFill.forEach((i, k) => {
    const response = fills[k];
    const wrong = ok(response) ? wrongReply(response, jobs[i].checks ?? []) : null;
    if (wrong) {
      // Filled, but not as the template asked: this template goes the DocumentApp way.
      trashHalf(docIds[i]!);
      rememberRefusal(memory, wrong);
      noteFallback('docs-fill', wrong);
      out[i] = { fallback: wrong };
      return;
    }
    if (ok(response)) {
      filled[i] = docIds[i];
      noteFastPath('docs-fill');
      return;
    }
    const why = fillThrown[k] ?? describeFailure(response);
    trashHalf(docIds[i]!);
    if (apiUnusable(response, fillThrown[k])) {
      rememberRefusal(memory, why);
      noteFallback('docs-fill', why);
      out[i] = { fallback: why };
    } else {
      out[i] = { retry: why };
    }
  });

  // 3. PDFs: exported in parallel (reads: retried), each saved beside its Doc.
  const toExport = indexesOf(filled);
  const exported = fetchAllDetailed(
    toExport.map((i): ApiRequest => ({
      url: `${FILES_URL}/${filled[i]!}/export?mimeType=application%2Fpdf`,
    })),
    DEFAULT_BATCH,
  );
  toExport.forEach((i, k) => {
    const response = exported.responses[k];
    const docId = filled[i]!;
    if (!ok(response)) {
      trashHalf(docId);
      out[i] = { retry: `không xuất được PDF: ${exported.thrown[k] ?? describeFailure(response)}` };
      return;
    }
    let pdfId: string;
    try {
      pdfId = folder.createFile(response.getBlob().setName(`${jobs[i].name}.pdf`)).getId();
    } catch (e) {
      trashHalf(docId);
      if (isRunWide(e)) throw e;
      out[i] = { retry: e instanceof Error ? e.message : String(e) };
      return;
    }
    out[i] = { docId, pdfId };
  });
  return out;
}

/**
 * Why the fill's replies are not what the template makes (a replaceAllText that changed another
 * number of occurrences than the template holds), or null when they are.
 * https://developers.google.com/docs/api/reference/rest/v1/documents/response#replacealltextresponse
 */
function wrongReply(response: HTTPResponse, checks: readonly ReplyCheck[]): string | null {
  if (checks.length === 0) return null;
  let replies: { replaceAllText?: { occurrencesChanged?: number } }[] = [];
  try {
    replies = (JSON.parse(response.getContentText() || '{}') as { replies?: typeof replies }).replies ?? [];
  } catch {
    return 'Docs API trả lời không đọc được';
  }
  for (const check of checks) {
    // proto3 JSON leaves a 0 out.
    const changed = replies[check.index]?.replaceAllText?.occurrencesChanged ?? 0;
    if (changed !== check.occurrences) {
      return `Docs API thay ${changed} chỗ thay vì ${check.occurrences} trong mẫu văn bản (đầu trang, chân trang)`;
    }
  }
  return null;
}

/** Moves a half-made Doc to the trash; a failure here is not the one to report (the retry finds it by name). */
function trashHalf(id: string): void {
  try {
    trashFile(id);
  } catch {
    // left without a PDF in the output folder: a half the retry's findStrays trashes
  }
}

function indexesOf(ids: readonly (string | null)[]): number[] {
  return ids.map((id, i) => (id === null ? -1 : i)).filter((i) => i >= 0);
}

/** The execution's time is up or a daily quota is spent: the step stops, no unit is to blame. */
function isRunWide(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /Exceeded maximum execution time|Service invoked too many times|too many times for one day/i.test(
    message,
  );
}
