import { DocSpec } from '../domain/document/doc-spec';
import { docsRequests } from '../domain/document/docs-requests';
import { FONT_FAMILY } from '../domain/document/official-format';
import { countDocumentCreated } from './doc-quota';
import { copyFile } from './drive-api';
import { filesNamed, myDriveRoot, trashFile } from './drive';
import { describeFailure, errorReason, fetchAllDetailed, isDailyFetchQuota, SEND_ONCE } from './fetch-batch';
import { noteFallback, noteFastPath } from './paths';
import { readDocumentJson, writeDocumentJson } from './properties';
import { setOfficialPage } from './render-doc';

type Folder = GoogleAppsScript.Drive.Folder;
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

/**
 * Documents through the Docs API: a copy of the office's layout template (Drive API files.copy)
 * filled by one documents.batchUpdate built from the DocSpec (domain/document/docs-requests.ts).
 * Faster than DocumentApp (two requests instead of dozens of calls) and able to do what DocumentApp
 * cannot: a landscape appendix, its header row repeated on every page, the signature kept whole.
 * https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate
 */
export const DOCS_API_URL = 'https://docs.googleapis.com/v1/documents';

const LAYOUT_TEMPLATE_KEY = 'cchc.docs.layoutTemplate';
/**
 * `false` in this document property sends every document the DocumentApp way (an office whose
 * Google project may not call the Docs API, or a test of that path); absent means the API first.
 */
export const DOCS_API_SWITCH_KEY = 'cchc.docs.api';
export const LAYOUT_TEMPLATE_NAME = 'Mẫu trang văn bản KH CCHC (dùng để tạo văn bản, không xóa)';

/** Whether the next run makes the layout template first (one more document of the day's quota). */
export function layoutTemplateNeeded(): boolean {
  const known = readDocumentJson<string>(LAYOUT_TEMPLATE_KEY);
  return !known || !isLiveDocument(known);
}

/**
 * The built-in layout as a template document: an empty document with Nghị định 30's A4 page and
 * margins and its font, made once per office (in the output folder) and kept; made again when it
 * is gone. Costs one document of the day's quota, once. One that a stopped run made but never
 * recorded — in the output folder, or still in My Drive's root where DocumentApp.create puts it —
 * is taken back and laid out again in place (laying out is idempotent), not left beside a second
 * one: a retry ends with one template, as an uninterrupted run does.
 */
export function layoutTemplateId(folder: Folder): string {
  const known = readDocumentJson<string>(LAYOUT_TEMPLATE_KEY);
  if (known && isLiveDocument(known)) return known;
  const leftovers = [
    ...new Set([
      ...filesNamed(folder, LAYOUT_TEMPLATE_NAME),
      ...filesNamed(myDriveRoot(), LAYOUT_TEMPLATE_NAME),
    ]),
  ];
  // Two leftovers take two stopped runs; the extra one goes to the trash (recoverable there).
  for (const extra of leftovers.slice(1)) trashFile(extra);
  let doc: GoogleAppsScript.Document.Document;
  if (leftovers.length > 0) {
    doc = DocumentApp.openById(leftovers[0]);
  } else {
    doc = DocumentApp.create(LAYOUT_TEMPLATE_NAME);
    countDocumentCreated();
  }
  const id = doc.getId();
  const body = doc.getBody();
  setOfficialPage(body);
  const attrs: Record<string, unknown> = {};
  attrs[DocumentApp.Attribute.FONT_FAMILY as unknown as string] = FONT_FAMILY;
  body.setAttributes(attrs);
  doc.saveAndClose();
  DriveApp.getFileById(id).moveTo(folder);
  writeDocumentJson(LAYOUT_TEMPLATE_KEY, id);
  return id;
}

function isLiveDocument(id: string): boolean {
  try {
    return !DriveApp.getFileById(id).isTrashed();
  } catch {
    return false;
  }
}

/** What the fast path made, or why it could not (the caller then uses DocumentApp). */
type FastDocument = { readonly id: string } | { readonly fallback: string };

/**
 * Google's answers that say the API cannot serve this script — for good, or for the rest of the
 * day — the only ones that send a document the DocumentApp way (whose document differs: no
 * landscape appendix, no repeated header row). 400: our own request refused (handle-errors:
 * "permanent error, don't retry"); 401: the token lacks the scope or is invalid; 403 other than a
 * rate limit: the API not enabled in the script's Cloud project (accessNotConfigured,
 * SERVICE_DISABLED / PERMISSION_DENIED), permission denied, or the day's documents spent
 * (dailyLimitExceeded: DocumentApp.create then stops the run with Google's own quota error); the
 * day's UrlFetch calls spent (thrown before anything was sent). Everything else — no answer
 * (network, timeout), 404, 429, 5xx — may pass: the half-made copy goes to the trash and the
 * error is thrown, so the job's retry uses the API again and the document ends as an
 * uninterrupted run makes it.
 * https://developers.google.com/workspace/gmail/api/guides/handle-errors (the Workspace APIs' codes)
 * https://cloud.google.com/service-usage/docs/troubleshooting ("service not enabled")
 */
const PASSING_403_REASONS = [
  'userRateLimitExceeded',
  'rateLimitExceeded',
  'RATE_LIMIT_EXCEEDED',
  'RESOURCE_EXHAUSTED',
];

export function apiUnusable(response: HTTPResponse | null, thrown: string | null = null): boolean {
  if (!response) return isDailyFetchQuota(thrown);
  const code = response.getResponseCode();
  if (code === 400 || code === 401) return true;
  if (code !== 403) return false;
  const reason = errorReason(response);
  return reason === null || !PASSING_403_REASONS.includes(reason);
}

/**
 * A refusal for good (apiUnusable) seen in this execution: the rest of the execution's documents
 * go straight to DocumentApp instead of each spending a copy of the day's quota to hear it again.
 * Made by the caller once per execution (a job's setup), as the Sheets pacer is: a module variable
 * would outlive the execution in hosts that reuse module state (the emulator, tests).
 */
export interface DocsApiMemory {
  refusal: string | null;
}

export function newDocsApiMemory(): DocsApiMemory {
  return { refusal: null };
}

export function rememberRefusal(memory: DocsApiMemory | undefined, why: string): void {
  if (memory && memory.refusal === null) memory.refusal = why;
}

/** A fault of the Docs/Drive API that may pass: thrown, for the job's retry. */
export function passingFault(step: string, why: string): Error {
  return new Error(
    `Google Docs API tạm thời không phản hồi khi ${step} (${why}); sẽ tạo lại ở lần chạy sau.`,
  );
}

/**
 * A new Doc in `folder` with the spec's content: the template copied, then filled in one batch.
 * A batchUpdate is sent once only (a lost answer may have applied it: sending it again would
 * write everything twice); a copy that could not be filled goes to the trash. Falls back (returns
 * `fallback`) only when Google says the API is unusable here (apiUnusable); any other failure
 * throws, having made nothing that stays.
 */
export function createThroughDocsApi(spec: DocSpec, folder: Folder, memory?: DocsApiMemory): FastDocument {
  if (readDocumentJson<boolean>(DOCS_API_SWITCH_KEY) === false) return { fallback: 'tắt trong cấu hình' };
  if (memory?.refusal) return { fallback: memory.refusal };
  const templateId = layoutTemplateId(folder);
  const copy = copyFile(templateId, spec.name, folder.getId());
  if (!('id' in copy)) {
    if (apiUnusable(copy.refused, copy.thrown)) {
      const why = `không sao chép được mẫu trang qua Drive API: ${copy.why}`;
      rememberRefusal(memory, why);
      return { fallback: why };
    }
    // A copy whose answer was lost may exist (counted: the stricter side of the day's quota); the
    // retry finds it by name, a Doc without its PDF, and trashes it.
    if (!copy.refused) countDocumentCreated();
    throw passingFault('sao chép mẫu trang', copy.why);
  }
  const copied = copy.id;
  countDocumentCreated();
  const { requests } = docsRequests(spec);
  const {
    responses: [response],
    thrown: [thrown],
  } = fetchAllDetailed(
    [{ url: `${DOCS_API_URL}/${copied}:batchUpdate`, method: 'post', payload: { requests } }],
    SEND_ONCE,
  );
  const code = response ? response.getResponseCode() : 0;
  if (response && code >= 200 && code < 300) {
    noteFastPath('docs-fill');
    return { id: copied };
  }
  const why = thrown ?? describeFailure(response);
  try {
    trashFile(copied);
  } catch {
    // The fill's failure is the one to act on; the unfilled copy, left in the output folder without
    // a PDF, is a half the retry finds by name and trashes (generate.ts findStrays).
  }
  if (!apiUnusable(response, thrown)) throw passingFault('điền văn bản', why);
  noteFallback('docs-fill', why);
  rememberRefusal(memory, why);
  return { fallback: why };
}
