import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSource } from './load-bundle';

const AUTH = 'https://www.googleapis.com/auth/';

/**
 * Which OAuth scope each Apps Script service use needs (each service's reference page lists the
 * scopes its methods require). An explicit oauthScopes list switches off automatic detection, so
 * a missing scope fails only at run time: this table and the test below keep the list honest.
 */
const SCOPE_USES: readonly { pattern: RegExp; scope: string }[] = [
  {
    pattern: /\bSpreadsheetApp\.(openById|openByUrl|create|getActive|getActiveSpreadsheet)\b/,
    scope: 'spreadsheets',
  },
  { pattern: /\.getUi\(\)/, scope: 'script.container.ui' },
  { pattern: /\bDriveApp\./, scope: 'drive' },
  { pattern: /\bDocumentApp\./, scope: 'documents' },
  { pattern: /\bMailApp\./, scope: 'script.send_mail' },
  { pattern: /\bGmailApp\./, scope: 'https://mail.google.com/' },
  { pattern: /\bUrlFetchApp\./, scope: 'script.external_request' },
  { pattern: /\bScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger)\b/, scope: 'script.scriptapp' },
  { pattern: /\bSession\.(getActiveUser|getEffectiveUser)\(\)/, scope: 'userinfo.email' },
];

/**
 * The Google REST APIs the bundle calls through UrlFetchApp, and the advanced service that turns each
 * on. A script's default Cloud project cannot be opened in the console; "when you enable an advanced
 * service for your script project …, it is automatically enabled in the default GCP project when
 * the script project is saved" (Google's Cloud projects guide, quoted in tanaikech's gist
 * 558a5b6da0d9533017b1abe5815989c3) — without it every call answers 403 and the product falls back.
 */
const REST_APIS: readonly { base: string; serviceId: string; version: string }[] = [
  { base: 'https://docs.googleapis.com/v1', serviceId: 'docs', version: 'v1' },
  { base: 'https://www.googleapis.com/drive/v3', serviceId: 'drive', version: 'v3' },
  { base: 'https://sheets.googleapis.com/v4', serviceId: 'sheets', version: 'v4' },
];

const full = (scope: string) => (scope.startsWith('https://') ? scope : AUTH + scope);

describe('appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8'));
  const bundle = bundleSource();

  it('runs V8 in the office time zone and logs exceptions', () => {
    expect(manifest).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
    });
  });

  it('declares exactly the scopes the bundle uses (least privilege, nothing missing)', () => {
    const needed = [
      ...new Set(SCOPE_USES.filter((u) => u.pattern.test(bundle)).map((u) => full(u.scope))),
    ].sort();
    expect([...manifest.oauthScopes].sort()).toEqual(needed);
  });

  it('enables, as advanced services, exactly the Google APIs the bundle calls over REST', () => {
    const called = REST_APIS.filter((api) => bundle.includes(api.base)).map(({ serviceId, version }) => ({
      serviceId,
      version,
    }));
    expect(called.length).toBeGreaterThan(0);
    const enabled = (manifest.dependencies?.enabledAdvancedServices ?? []).map(
      (s: { serviceId: string; version: string }) => ({ serviceId: s.serviceId, version: s.version }),
    );
    expect(enabled).toEqual(called);
  });
});
