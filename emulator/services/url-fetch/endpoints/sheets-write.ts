/**
 * Sheets API v4 writes, applied to the same in-memory spreadsheets SpreadsheetApp edits:
 *   POST https://sheets.googleapis.com/v4/spreadsheets/{id}:batchUpdate
 *   POST …/v4/spreadsheets/{id}/values:batchUpdate
 *
 * Order of checks: credentials (401/403), the per-minute write quotas (429 RESOURCE_EXHAUSTED:
 * "Write requests per minute per user per project 60", "per project 300", Sheets API usage
 * limits), the file (404 / 403 / 400 as for reads; a reader or commenter gets 403), the body
 * (400), then every request — run first on a copy, so that one invalid request fails the whole
 * batch and nothing is applied (batchUpdate reference).
 *
 * Buffered SpreadsheetApp writes (core/pending-writes.ts): Google's servers hold the committed
 * content; the API's change is applied to it and to the running script's live view (whose
 * pending writes commit later, on top). Drive's modified time moves as with any edit.
 */
import { SpreadsheetModel, spreadsheetModelOf } from '../../spreadsheet';
import { MIME } from '../../../core/drive-store';
import { authError, callerOf, lookup } from '../access';
import { Endpoint, ServeEnv } from '../env';
import {
  apiError,
  GoogleError,
  invalidFieldValue,
  SHEETS_NOT_A_SPREADSHEET,
  SHEETS_NOT_FOUND,
  SHEETS_PERMISSION_DENIED,
  sheetsApiEndpoint,
  sheetsWriteQuota,
} from '../google-errors';
import { googleJson, ServerRequest, ServerResponse } from '../http';
import { takeFromWindow } from '../quotas';
import { ApplyEnv, applyRequest, applyValues } from './sheets-requests';

export const SHEETS_WRITE_PATH = /^\/v4\/spreadsheets\/([A-Za-z0-9_-]+)(\/values)?(?::|%3A)batchUpdate$/i;

type Json = Record<string, unknown>;

export const sheetsWrite: Endpoint = sheetsApiEndpoint('sheetsWrite', serve);

const badBody = (detail: string): GoogleError => ({
  code: 400,
  message: `Invalid JSON payload received. ${detail}`,
  status: 'INVALID_ARGUMENT',
});

function serve(env: ServeEnv, req: ServerRequest, pretty: boolean): ServerResponse {
  if (req.method !== 'POST') apiError({ code: 404, message: 'Not Found', status: 'NOT_FOUND' });
  const m = SHEETS_WRITE_PATH.exec(req.url.pathname)!;
  const id = m[1];
  const caller = callerOf(env.ctx, req);
  if (caller.user === null) apiError(authError(req, caller.problem));
  const user = caller.user.toLowerCase();
  // The project's limit is shared by every user of the script (one Apps Script project).
  if (!takeFromWindow(env.ctx, `sheets-write|${user}`, env.sheetsWritesPerMinute))
    apiError(sheetsWriteQuota('user'));
  if (!takeFromWindow(env.ctx, 'sheets-write|project', env.sheetsWritesPerMinutePerProject))
    apiError(sheetsWriteQuota('project'));
  const found = lookup(env.ctx, id, caller.user);
  if (found.found === 'missing') apiError(SHEETS_NOT_FOUND);
  if (found.found === 'no-access') apiError(SHEETS_PERMISSION_DENIED);
  if (found.role === 'viewer') apiError(SHEETS_PERMISSION_DENIED);
  const committed = found.item.mimeType === MIME.spreadsheet ? spreadsheetModelOf(env.ctx, id) : undefined;
  if (!committed) apiError(SHEETS_NOT_A_SPREADSHEET);
  let body: Json;
  try {
    body = JSON.parse(req.body.toString('utf8') || '{}') as Json;
  } catch {
    return apiError(badBody('Unexpected token.'));
  }
  const applyEnv: ApplyEnv = {
    user,
    owner: found.item.owner,
    nowMs: env.ctx.clock.nowMs(),
    item: found.item,
    actor: { email: caller.user, fileEditor: true, groups: env.ctx.drive.groupsOf(caller.user) },
  };
  const live = found.item.content as SpreadsheetModel;
  const answer = m[2] ? valuesBatchUpdate(body, applyEnv) : batchUpdate(body, applyEnv);
  // Atomic: on a copy first; only a batch that passed whole reaches the file.
  answer(committed.clone());
  let reply: Json;
  if (committed === live) reply = answer(live);
  else {
    // The committed view shares untouched sheets with the live one: give it its own first.
    for (const sheet of [...committed.sheets]) if (live.sheets.includes(sheet)) committed.detachSheet(sheet);
    reply = answer(committed);
    try {
      answer(live);
    } catch {
      // The script's pending writes changed what the request named: they win when committed.
    }
  }
  env.ctx.drive.touch(found.item);
  return googleJson(200, { spreadsheetId: id, ...reply }, pretty);
}

type Apply = (model: SpreadsheetModel) => Json;

function batchUpdate(body: Json, env: ApplyEnv): Apply {
  const requests = body.requests;
  if (!Array.isArray(requests))
    apiError(
      invalidFieldValue('requests', 'type.googleapis.com/google.apps.sheets.v4.Request', String(requests)),
    );
  if (requests.length === 0)
    apiError({ code: 400, message: 'Must specify at least one request.', status: 'INVALID_ARGUMENT' });
  if (body.includeSpreadsheetInResponse === true)
    apiError({
      code: 400,
      message: 'Emulator: includeSpreadsheetInResponse is not modeled',
      status: 'INVALID_ARGUMENT',
    });
  return (model) => ({ replies: requests.map((r: Json, i: number) => applyRequest(model, r, i, env)) });
}

function valuesBatchUpdate(body: Json, env: ApplyEnv): Apply {
  const option = body.valueInputOption;
  if (option !== 'RAW' && option !== 'USER_ENTERED')
    apiError({
      code: 400,
      message: `'valueInputOption' is required but not specified`,
      status: 'INVALID_ARGUMENT',
    });
  const data = Array.isArray(body.data) ? (body.data as Json[]) : [];
  return (model) => {
    const fail = (d: string): never => apiError({ code: 400, message: d, status: 'INVALID_ARGUMENT' });
    const done = applyValues(model, data, option, env, fail);
    return {
      totalUpdatedRows: done.rows,
      totalUpdatedColumns: done.columns,
      totalUpdatedCells: done.cells,
      totalUpdatedSheets: new Set(data.map((d) => String(d.range).split('!')[0])).size,
    };
  };
}
