import { createContext, EmulatorContext } from './core/context';
import { AccountType, configureQuotas, QuotaDay } from './core/quotas';
import { modeledDateClass } from './core/modeled-date';
import { createCharts } from './services/charts';
import { createDocumentApp, exportDocument } from './services/document';
import { createUrlFetchApp } from './services/url-fetch';
import { createDriveApp, registerContentExporter } from './services/drive';
import { EmuBlob } from './services/support/blob';
import { createLockService, releaseAllLocks } from './services/lock';
import { createMailApp } from './services/mail';
import { commitAll, setExecutionProbe } from './core/pending-writes';
import {
  checkExecutionTime,
  createScriptApp,
  currentExecution,
  declareScopes,
  onExecutionEnd,
} from './services/script-app';
import manifest from '../appsscript.json';
import { createPropertiesService } from './services/properties';
import { createSession } from './services/session';
import { createSpreadsheetApp, UiRecorder } from './services/spreadsheet';
import { createHtmlService, ProjectFiles } from './services/html';
import { createConsole, createLogger, createUtilities, LogSink } from './services/utilities';

export { GasException } from './core/errors';
export { urlFetchControls } from './services/url-fetch';
export { mailOutbox } from './services/mail';
export { TriggerRunner, runExecution, consentControls, SCOPES } from './services/script-app';
export type { EmulatorContext } from './core/context';
export * as quotas from './core/quotas';
export type { AccountType, DailyQuotaName, QuotaDay } from './core/quotas';

export interface EmulatorOptions {
  /** The person running the script (active and effective user). */
  user?: string;
  /** Where the modeled clock starts. */
  start?: Date;
  timeZone?: string;
  /**
   * The account whose daily quotas apply (core/quotas.ts): 'consumer' (gmail.com, the default) or
   * 'workspace'.
   */
  accountType?: AccountType;
  /** When daily quotas reset: midnight Pacific (default) or 24 h after the first request. */
  quotaDay?: QuotaDay;
  /** Daily email recipients, over the account type's (100 consumer, 1,500 Workspace). */
  dailyMailQuota?: number;
  /** Daily UrlFetch calls, over the account type's (20,000 consumer, 100,000 Workspace). */
  dailyUrlFetchQuota?: number;
  /** Drive writes (copies, shares) a user may send at once (default 50; url-fetch/quotas.ts). */
  driveWriteBurst?: number;
  /**
   * The manifest's oauthScopes (default: this project's appsscript.json). A service call needing a
   * scope not listed fails as on Google; tests decline granted ones with consentControls.
   */
  oauthScopes?: readonly string[];
  /** Modeled latency of Google's endpoints, over the defaults (e.g. a slow day for the CSV export). */
  urlFetchLatencyMs?: Parameters<typeof createUrlFetchApp>[1] extends infer O
    ? O extends { latencyMs?: infer L }
      ? L
      : never
    : never;
}

/**
 * Our offline Apps Script: the services the product uses, in memory. Create one per test, then
 * either `install()` it as globals (as Apps Script has them) or read its services directly.
 */
export class Emulator {
  readonly ctx: EmulatorContext;
  readonly ui: UiRecorder;
  readonly logs: LogSink;
  readonly SpreadsheetApp: ReturnType<typeof createSpreadsheetApp>;
  readonly DriveApp: ReturnType<typeof createDriveApp>;
  readonly PropertiesService: ReturnType<typeof createPropertiesService>;
  readonly LockService: ReturnType<typeof createLockService>;
  readonly Session: ReturnType<typeof createSession>;
  readonly Utilities: ReturnType<typeof createUtilities>;
  readonly Logger: ReturnType<typeof createLogger>;
  readonly ScriptApp: ReturnType<typeof createScriptApp>;
  readonly MailApp: ReturnType<typeof createMailApp>;
  readonly DocumentApp: ReturnType<typeof createDocumentApp>;
  readonly UrlFetchApp: ReturnType<typeof createUrlFetchApp>;
  readonly Charts: ReturnType<typeof createCharts>;
  readonly HtmlService: ReturnType<typeof createHtmlService>;
  /** The project's .html files (what clasp pushed next to Code.js): tests and the demo add them. */
  readonly projectFiles = new ProjectFiles();

  constructor(opts: EmulatorOptions = {}) {
    this.ctx = createContext({
      user: opts.user ?? 'office@example.gov.vn',
      start: opts.start,
      timeZone: opts.timeZone,
    });
    configureQuotas(this.ctx, { accountType: opts.accountType, day: opts.quotaDay });
    declareScopes(this.ctx, opts.oauthScopes ?? manifest.oauthScopes);
    this.ui = new UiRecorder(this.ctx);
    this.logs = new LogSink();
    this.SpreadsheetApp = createSpreadsheetApp(this.ctx, this.ui);
    this.DriveApp = createDriveApp(this.ctx);
    this.PropertiesService = createPropertiesService(this.ctx);
    this.LockService = createLockService(this.ctx);
    this.Session = createSession(this.ctx);
    this.Utilities = createUtilities(this.ctx);
    this.Logger = createLogger(this.ctx, this.logs);
    this.ScriptApp = createScriptApp(this.ctx);
    this.MailApp = createMailApp(this.ctx, { dailyQuota: opts.dailyMailQuota });
    this.DocumentApp = createDocumentApp(this.ctx);
    this.UrlFetchApp = createUrlFetchApp(this.ctx, {
      dailyQuota: opts.dailyUrlFetchQuota,
      latencyMs: opts.urlFetchLatencyMs,
      driveWriteBurst: opts.driveWriteBurst,
    });
    this.Charts = createCharts(this.ctx);
    this.HtmlService = createHtmlService(this.ctx, this.projectFiles);
    // DriveApp's getBlob/getAs of a Google Doc is Docs' PDF export.
    registerContentExporter(this.ctx, 'document', (item, contentType, c) => {
      const out = exportDocument(item, contentType);
      return new EmuBlob(c, out.bytes, out.contentType, out.name);
    });
    // Apps Script frees an execution's locks when it ends, and stops any execution past 6 minutes:
    // every charged call checks the modeled time (a no-op outside runExecution).
    onExecutionEnd(this.ctx, releaseAllLocks);
    // SpreadsheetApp buffers an execution's writes; they are committed when it ends.
    setExecutionProbe(this.ctx, () => currentExecution(this.ctx) !== undefined);
    onExecutionEnd(this.ctx, commitAll);
    this.ctx.ledger.onCharge(() => checkExecutionTime(this.ctx));
  }

  /** The globals Apps Script provides, backed by this emulator. */
  globals(): Record<string, unknown> {
    return {
      SpreadsheetApp: this.SpreadsheetApp,
      DriveApp: this.DriveApp,
      PropertiesService: this.PropertiesService,
      LockService: this.LockService,
      Session: this.Session,
      Utilities: this.Utilities,
      Logger: this.Logger,
      ScriptApp: this.ScriptApp,
      MailApp: this.MailApp,
      DocumentApp: this.DocumentApp,
      UrlFetchApp: this.UrlFetchApp,
      Charts: this.Charts,
      HtmlService: this.HtmlService,
      console: createConsole(this.ctx, this.logs),
      Date: modeledDateClass(this.ctx.clock),
    };
  }

  /** Install the globals on `target` (globalThis, or a vm context); returns the undo. */
  install(target: object = globalThis): () => void {
    const host = target as Record<string, unknown>;
    const entries = Object.entries(this.globals());
    const saved = entries.map(([name]) => [name, Object.getOwnPropertyDescriptor(host, name)] as const);
    for (const [name, value] of entries) {
      Object.defineProperty(host, name, { value, configurable: true, writable: true, enumerable: false });
    }
    return () => {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(host, name, descriptor);
        else delete host[name];
      }
    };
  }

  /** Run `fn` as another person (e.g. a unit's focal point), then switch back. */
  as<T>(email: string, fn: () => T): T {
    return this.ctx.session.as(email, fn);
  }
}
