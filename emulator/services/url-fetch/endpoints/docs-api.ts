/**
 * Docs API v1, answered from the in-memory documents (the same DocumentContent DocumentApp edits):
 *   GET  https://docs.googleapis.com/v1/documents/{id}
 *   POST https://docs.googleapis.com/v1/documents/{id}:batchUpdate   body {requests: [...], writeControl?}
 * https://developers.google.com/docs/api/reference/rest/v1/documents
 *
 * Order of checks: credentials (401/403), the per-user per-minute quota (429: 300 reads, 60
 * writes), the file (404 missing or deleted, 403 not shared or only viewable for a write, 400 not
 * a document), then the requests (400 "Invalid requests[i].kind: …"). A batch is atomic: "If any
 * request is not valid, then the entire request will fail and nothing will be applied." Errors use
 * the Sheets-style envelope {error: {code, message, status}} and the Sheets API's file errors, a
 * file that is not a document worded as one that is not a spreadsheet (the same Google front end;
 * assumed).
 */
import { EmulatorContext } from '../../../core/context';
import { MIME } from '../../../core/drive-store';
import { DocumentContent } from '../../document';
import { RequestError } from '../../document/api/errors';
import { applyRequests } from '../../document/api/requests';
import { documentResource } from '../../document/api/resource';
import { authError, callerOf, lookup } from '../access';
import { Endpoint, notModeled, ServeEnv } from '../env';
import {
  apiError,
  requestQuotaError,
  SHEETS_NOT_A_SPREADSHEET,
  SHEETS_NOT_FOUND,
  SHEETS_PERMISSION_DENIED,
  sheetsApiEndpoint,
} from '../google-errors';
import { googleJson, ServerRequest } from '../http';
import { takeFromWindow } from '../quotas';

export const DOCS_API_PATH = /^\/v1\/documents\/([A-Za-z0-9_-]+)((?::|%3A)batchUpdate)?$/i;

const REVISIONS = new WeakMap<EmulatorContext, Map<string, number>>();

function revisionOf(ctx: EmulatorContext, id: string): string {
  const n = REVISIONS.get(ctx)?.get(id) ?? 1;
  return `rev-${id.slice(0, 8)}-${n}`;
}

function bumpRevision(ctx: EmulatorContext, id: string): void {
  let map = REVISIONS.get(ctx);
  if (!map) REVISIONS.set(ctx, (map = new Map()));
  map.set(id, (map.get(id) ?? 1) + 1);
}

/** An ApiError or a RequestError (an invalid request in the batch) becomes the error envelope. */
function wrap(
  kind: 'docsRead' | 'docsWrite',
  handle: (env: ServeEnv, req: ServerRequest) => unknown,
): Endpoint {
  return sheetsApiEndpoint(kind, (env, req, pretty) => {
    try {
      return googleJson(200, handle(env, req), pretty);
    } catch (e) {
      if (e instanceof RequestError) apiError({ code: 400, message: e.message, status: 'INVALID_ARGUMENT' });
      throw e;
    }
  });
}

function documentFor(env: ServeEnv, req: ServerRequest, write: boolean) {
  const caller = callerOf(env.ctx, req);
  if (caller.user === null) apiError(authError(req, caller.problem));
  const key = `docs-${write ? 'write' : 'read'}|${caller.user.toLowerCase()}`;
  const limit = write ? env.docsWritesPerMinute : env.docsReadsPerMinute;
  // The Sheets API's 429 (seen widely there); the Docs metric names follow its limits page.
  if (!takeFromWindow(env.ctx, key, limit)) {
    apiError(requestQuotaError('docs.googleapis.com', write ? 'Write' : 'Read', 'user'));
  }
  const id = DOCS_API_PATH.exec(req.url.pathname)![1];
  const found = lookup(env.ctx, id, caller.user);
  if (found.found === 'missing') return apiError(SHEETS_NOT_FOUND);
  if (found.found === 'no-access') return apiError(SHEETS_PERMISSION_DENIED);
  if (found.item.mimeType !== MIME.document || !(found.item.content instanceof DocumentContent)) {
    apiError(SHEETS_NOT_A_SPREADSHEET);
  }
  if (write && found.role === 'viewer') apiError(SHEETS_PERMISSION_DENIED);
  return { item: found.item, content: found.item.content };
}

const documentsGet = wrap('docsRead', (env, req) => {
  const { item, content } = documentFor(env, req, false);
  return documentResource(item.id, item.name, content, revisionOf(env.ctx, item.id));
});

const documentsBatchUpdate = wrap('docsWrite', (env, req) => {
  const { item, content } = documentFor(env, req, true);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body.toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    return apiError({ code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' });
  }
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    // Guessed wording: an empty batch is refused rather than answered as a no-op.
    apiError({ code: 400, message: 'Must specify at least one request.', status: 'INVALID_ARGUMENT' });
  }
  const control = (body.writeControl ?? {}) as Record<string, unknown>;
  if (
    control.requiredRevisionId !== undefined &&
    control.requiredRevisionId !== revisionOf(env.ctx, item.id)
  ) {
    apiError({
      code: 400,
      message: 'The document was modified after the required revision ID.',
      status: 'FAILED_PRECONDITION',
    });
  }
  // Atomic: the batch runs on a copy, installed only when every request succeeded.
  const draft = content.clone();
  const replies = applyRequests(draft, requests);
  install(content, draft);
  env.ctx.drive.touch(item);
  bumpRevision(env.ctx, item.id);
  return { replies, writeControl: { requiredRevisionId: revisionOf(env.ctx, item.id) }, documentId: item.id };
});

/** The draft's state moved into the live content object (which DocumentApp and Drive hold). */
function install(live: DocumentContent, draft: DocumentContent): void {
  live.body = draft.body;
  live.header = draft.header;
  live.footer = draft.footer;
  live.page = draft.page;
  live.bodyTextDefaults = draft.bodyTextDefaults;
  live.firstSection = draft.firstSection;
  live.listSeq = draft.listSeq;
  live.register();
}

export function docsApiEndpoint(req: ServerRequest): Endpoint {
  const m = DOCS_API_PATH.exec(req.url.pathname)!;
  if (m[2] === undefined && req.method === 'GET') return documentsGet;
  if (m[2] !== undefined && req.method === 'POST') return documentsBatchUpdate;
  return notModeled(`${req.method} ${req.url.pathname}`);
}
