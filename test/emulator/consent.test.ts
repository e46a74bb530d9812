import { Emulator, mailOutbox, runExecution } from '../../emulator';
import {
  AUTHORIZATION_REQUIRED,
  consentControls,
  notDeclared,
  notGranted,
  scopeNotRequired,
  SCOPES,
} from '../../emulator/services/script-app';
import manifest from '../../appsscript.json';

const ADMIN = 'admin@x.gov.vn';
const OTHER = 'other@x.gov.vn';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('granular consent', () => {
  it('grants every scope of the manifest by default', () => {
    const emu = new Emulator({ user: ADMIN });
    expect(consentControls(emu.ctx).granted().sort()).toEqual([...manifest.oauthScopes].sort());
    const info = emu.ScriptApp.getAuthorizationInfo(emu.ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(emu.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info.getAuthorizationUrl()).toBeNull();
    expect(info.getAuthorizedScopes()?.sort()).toEqual([...manifest.oauthScopes].sort());
  });

  it('a declined scope makes its services throw before doing anything, for that person only', () => {
    const emu = new Emulator({ user: ADMIN });
    consentControls(emu.ctx).decline([SCOPES.sendMail, SCOPES.externalRequest, SCOPES.scriptApp]);
    expect(thrown(() => emu.MailApp.sendEmail('a@x.gov.vn', 's', 'b')).message).toBe(
      notGranted('MailApp.sendEmail', SCOPES.sendMail),
    );
    expect(mailOutbox(emu.ctx).messages()).toHaveLength(0);
    expect(thrown(() => emu.MailApp.getRemainingDailyQuota()).message).toBe(
      'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(thrown(() => emu.UrlFetchApp.fetch('https://www.googleapis.com/drive/v3/files')).message).toBe(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(thrown(() => emu.UrlFetchApp.fetchAll([])).message).toBe(
      notGranted('UrlFetchApp.fetchAll', SCOPES.externalRequest),
    );
    expect(thrown(() => emu.ScriptApp.newTrigger('f')).message).toBe(
      notGranted('ScriptApp.newTrigger', SCOPES.scriptApp),
    );
    expect(thrown(() => emu.ScriptApp.getProjectTriggers()).message).toBe(
      notGranted('ScriptApp.getProjectTriggers', SCOPES.scriptApp),
    );
    expect(emu.ctx.ledger.count('MailApp.sendEmail')).toBe(0);
    // Refusals are on record even when the code catches them (e.g. a fallback that hides one).
    expect(
      consentControls(emu.ctx)
        .refusals()
        .map((r) => r.call),
    ).toEqual([
      'MailApp.sendEmail',
      'MailApp.getRemainingDailyQuota',
      'UrlFetchApp.fetch',
      'UrlFetchApp.fetchAll',
      'ScriptApp.newTrigger',
      'ScriptApp.getProjectTriggers',
    ]);
    // The scopes still granted work; another person's consent is their own.
    expect(emu.SpreadsheetApp.create('ok').getName()).toBe('ok');
    emu.as(OTHER, () => expect(emu.MailApp.getRemainingDailyQuota()).toBe(100));
  });

  it('gates every scoped service: Sheets, Drive, Docs, the UI and the user email', () => {
    const emu = new Emulator({ user: ADMIN });
    const ss = emu.SpreadsheetApp.create('f');
    const id = ss.getId();
    const consent = consentControls(emu.ctx);
    consent.decline([SCOPES.spreadsheets, SCOPES.drive, SCOPES.documents, SCOPES.ui, SCOPES.email]);
    expect(thrown(() => emu.SpreadsheetApp.openById(id)).message).toBe(
      notGranted('SpreadsheetApp.openById', SCOPES.spreadsheets),
    );
    // A handle from before is no way around it.
    expect(thrown(() => ss.getSheets()).message).toBe(
      notGranted('Spreadsheet.getSheets', SCOPES.spreadsheets),
    );
    expect(thrown(() => emu.DriveApp.getFileById(id)).message).toBe(
      notGranted('DriveApp.getFileById', SCOPES.drive),
    );
    expect(thrown(() => emu.DocumentApp.create('d')).message).toBe(
      notGranted('DocumentApp.create', SCOPES.documents),
    );
    expect(thrown(() => emu.SpreadsheetApp.getUi()).message).toBe(
      notGranted('SpreadsheetApp.getUi', SCOPES.ui),
    );
    expect(thrown(() => emu.Session.getActiveUser()).message).toBe(
      notGranted('Session.getActiveUser', SCOPES.email),
    );
    // Builders touch no file: no scope.
    expect(emu.SpreadsheetApp.newDataValidation()).toBeDefined();
    consent.grant();
    expect(emu.SpreadsheetApp.openById(id).getSheets()).toHaveLength(1);
  });

  it('a scope the manifest does not list fails with the explicit-manifest text', () => {
    const emu = new Emulator({ user: ADMIN, oauthScopes: [SCOPES.spreadsheets] });
    expect(thrown(() => emu.MailApp.sendEmail('a@x.gov.vn', 's', 'b')).message).toBe(
      notDeclared('MailApp.sendEmail', SCOPES.sendMail),
    );
    expect(notDeclared('MailApp.sendEmail', SCOPES.sendMail)).toBe(
      'Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(thrown(() => consentControls(emu.ctx).decline([SCOPES.drive])).message).toBe(
      scopeNotRequired(SCOPES.drive),
    );
  });

  it('getAuthorizationInfo with scopes answers for those, and refuses scopes the script does not use', () => {
    const emu = new Emulator({ user: ADMIN });
    consentControls(emu.ctx).decline([SCOPES.sendMail]);
    const FULL = emu.ScriptApp.AuthMode.FULL;
    const info = emu.ScriptApp.getAuthorizationInfo(FULL, [SCOPES.sendMail, SCOPES.spreadsheets]);
    expect(info.getAuthorizedScopes()).toEqual([SCOPES.spreadsheets]);
    expect(info.getAuthorizationStatus()).toBe(emu.ScriptApp.AuthorizationStatus.REQUIRED);
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
    const fine = emu.ScriptApp.getAuthorizationInfo(FULL, [SCOPES.spreadsheets]);
    expect(fine.getAuthorizationStatus()).toBe(emu.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(fine.getAuthorizationUrl()).toBeNull();
    const all = emu.ScriptApp.getAuthorizationInfo(FULL);
    expect(all.getAuthorizationStatus()).toBe(emu.ScriptApp.AuthorizationStatus.REQUIRED);
    expect(all.getAuthorizedScopes()).not.toContain(SCOPES.sendMail);
    const gmail = 'https://mail.google.com/';
    expect(thrown(() => emu.ScriptApp.getAuthorizationInfo(FULL, [gmail])).message).toBe(
      scopeNotRequired(gmail),
    );
    expect(thrown(() => emu.ScriptApp.requireScopes(FULL, [gmail])).message).toBe(scopeNotRequired(gmail));
  });

  it('requireScopes passes when granted, else prompts and ends the execution for good', () => {
    const emu = new Emulator({ user: ADMIN });
    const FULL = emu.ScriptApp.AuthMode.FULL;
    const consent = consentControls(emu.ctx);
    expect(() => emu.ScriptApp.requireScopes(FULL, [SCOPES.sendMail])).not.toThrow();
    expect(() => emu.ScriptApp.requireAllScopes(FULL)).not.toThrow();
    consent.decline([SCOPES.sendMail, SCOPES.scriptApp]);

    let after = 'not reached';
    const err = thrown(() =>
      runExecution(emu.ctx, () => {
        try {
          emu.ScriptApp.requireScopes(FULL, [SCOPES.spreadsheets, SCOPES.sendMail]);
        } catch {
          // Catching it does not let the execution go on.
          after = 'caught';
        }
        emu.SpreadsheetApp.create('never');
        after = 'went on';
      }),
    );
    expect(err.message).toBe(AUTHORIZATION_REQUIRED);
    expect(after).toBe('caught');
    expect(emu.ctx.drive.all().some((i) => i.name === 'never')).toBe(false);
    expect(consent.prompts()).toEqual([{ user: ADMIN, scopes: [SCOPES.sendMail] }]);

    expect(thrown(() => runExecution(emu.ctx, () => emu.ScriptApp.requireAllScopes(FULL))).message).toBe(
      AUTHORIZATION_REQUIRED,
    );
    expect([...consent.prompts()[1].scopes].sort()).toEqual([SCOPES.scriptApp, SCOPES.sendMail].sort());
    // The next execution starts afresh.
    expect(runExecution(emu.ctx, () => emu.SpreadsheetApp.create('later').getName())).toBe('later');
  });
});
