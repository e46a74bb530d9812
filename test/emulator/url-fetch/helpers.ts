import { createContext, EmulatorContext } from '../../../emulator/core/context';
import { createDriveApp } from '../../../emulator/services/drive';
import { createScriptApp } from '../../../emulator/services/script-app';
import { createSpreadsheetApp, UiRecorder } from '../../../emulator/services/spreadsheet';
import {
  createUrlFetchApp,
  UrlFetchAppOptions,
  urlFetchControls,
  UrlFetchControls,
} from '../../../emulator/services/url-fetch';

export const OFFICE = 'office@unit.gov.vn';
export const FOCAL = 'focal@district.gov.vn';
export const STRANGER = 'stranger@elsewhere.vn';

export interface Net {
  ctx: EmulatorContext;
  sheets: ReturnType<typeof createSpreadsheetApp>;
  drive: ReturnType<typeof createDriveApp>;
  script: GoogleAppsScript.Script.ScriptApp;
  fetcher: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  controls: UrlFetchControls;
  /** OFFICE's OAuth token (as ScriptApp.getOAuthToken gives it). */
  token: string;
}

/** A fresh emulator run by OFFICE (Asia/Ho_Chi_Minh, locale vi) with UrlFetchApp and friends. */
export function net(options: UrlFetchAppOptions = {}): Net {
  const ctx = createContext({ user: OFFICE, start: new Date(Date.UTC(2025, 0, 2, 1, 0, 0)) });
  const script = createScriptApp(ctx);
  return {
    ctx,
    sheets: createSpreadsheetApp(ctx, new UiRecorder(ctx)),
    drive: createDriveApp(ctx),
    script,
    fetcher: createUrlFetchApp(ctx, options),
    controls: urlFetchControls(ctx),
    token: script.getOAuthToken(),
  };
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** The token of another person (issued while running as them). */
export function tokenOf(n: Net, email: string): string {
  return n.ctx.session.as(email, () => n.script.getOAuthToken());
}

/** The exception a call throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}

export function json(response: GoogleAppsScript.URL_Fetch.HTTPResponse): Record<string, unknown> {
  return JSON.parse(response.getContentText()) as Record<string, unknown>;
}

export const SHEETS_API = 'https://sheets.googleapis.com/v4/spreadsheets';

/** A POST to the Sheets API (`path` under spreadsheets/) as OFFICE, answering errors as responses. */
export function sheetsPost(n: Net, path: string, body: unknown): GoogleAppsScript.URL_Fetch.HTTPResponse {
  return n.fetcher.fetch(`${SHEETS_API}/${path}`, {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify(body),
    headers: bearer(n.token),
    muteHttpExceptions: true,
  });
}
