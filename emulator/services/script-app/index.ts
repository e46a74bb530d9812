import { EmulatorContext } from '../../core/context';
import { gasError } from '../../core/errors';
import { signatureError } from '../support/args';
import { asGas } from '../support/gas';
import { EmuTriggerBuilder } from './builders';
import {
  AUTH_MODE,
  AUTHORIZATION_STATUS,
  EVENT_TYPE,
  INSTALLATION_SOURCE,
  TRIGGER_SOURCE,
  WEEKDAY,
} from './enums';
import { chargeCall } from './execution';
import { DELETE_TRIGGER_FAILED } from './messages';
import { checkRequested, declaredScopes, grantedScopes, promptAndEnd, requireScope, SCOPES } from './consent';
import { issueToken } from './oauth';
import { sameUser, scriptState, triggersOf } from './state';
import { handleInfo, triggerHandle } from './trigger';

export {
  checkExecutionTime,
  currentExecution,
  EXCEEDED_MAX_EXECUTION_TIME,
  Execution,
  ExecutionTimeLimitExceeded,
  MAX_EXECUTION_MS,
  onExecutionEnd,
  runExecution,
} from './execution';
export type { ExecutionOptions } from './execution';
export { isValidToken, tokenOwner, TOKEN_LIFETIME_MS, TOKEN_PREFIX } from './oauth';
export {
  AUTHORIZATION_REQUIRED,
  consentControls,
  declareScopes,
  declaredScopes,
  notDeclared,
  notGranted,
  requireScope,
  scopeNotRequired,
  SCOPES,
} from './consent';
export type { AuthorizationPrompt, ConsentControls, Refusal } from './consent';
export { TriggerRunner } from './runner';
export type {
  TimeDrivenEvent,
  TriggerExecution,
  TriggerHandler,
  TriggerHandlers,
  TriggerRunnerOptions,
} from './runner';
export { MAX_TRIGGERS_PER_USER } from './trigger';
export { DEFAULT_SCRIPT_ID } from './state';
export * as SCRIPT_APP_MESSAGES from './messages';

type ScriptAppApi = GoogleAppsScript.Script.ScriptApp;
type Trigger = GoogleAppsScript.Script.Trigger;

type ScriptAppMethods =
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getOAuthToken'
  | 'getScriptId'
  | 'getAuthorizationInfo'
  | 'requireScopes'
  | 'requireAllScopes';

export interface ScriptAppOptions {
  /** The script project's id (default DEFAULT_SCRIPT_ID). One project per emulator context. */
  readonly scriptId?: string;
}

/**
 * ScriptApp: installable triggers, the OAuth token and the script id.
 * https://developers.google.com/apps-script/reference/script/script-app
 */
class EmuScriptApp implements Pick<ScriptAppApi, ScriptAppMethods> {
  readonly AuthMode = asGas<ScriptAppApi['AuthMode']>(AUTH_MODE);
  readonly AuthorizationStatus = asGas<ScriptAppApi['AuthorizationStatus']>(AUTHORIZATION_STATUS);
  readonly EventType = asGas<ScriptAppApi['EventType']>(EVENT_TYPE);
  readonly InstallationSource = asGas<ScriptAppApi['InstallationSource']>(INSTALLATION_SOURCE);
  readonly TriggerSource = asGas<ScriptAppApi['TriggerSource']>(TRIGGER_SOURCE);
  readonly WeekDay = asGas<ScriptAppApi['WeekDay']>(WEEKDAY);

  constructor(private readonly ctx: EmulatorContext) {}

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    requireScope(this.ctx, 'ScriptApp.newTrigger', SCOPES.scriptApp);
    chargeCall(this.ctx, 'ScriptApp.newTrigger');
    if (typeof functionName !== 'string') signatureError('ScriptApp.newTrigger', [functionName]);
    return asGas<GoogleAppsScript.Script.TriggerBuilder>(new EmuTriggerBuilder(this.ctx, functionName));
  }

  /**
   * "Gets all installable triggers associated with the current project and current user": the
   * effective user's, spent one-off clock triggers included. Each call gives fresh handles.
   */
  getProjectTriggers(): Trigger[] {
    requireScope(this.ctx, 'ScriptApp.getProjectTriggers', SCOPES.scriptApp);
    chargeCall(this.ctx, 'ScriptApp.getProjectTriggers');
    return triggersOf(this.ctx, this.ctx.session.effective).map((t) => triggerHandle(this.ctx, t));
  }

  /** The current user's triggers of this script for one spreadsheet (or document/form) object. */
  getUserTriggers(container: { getId(): string }): Trigger[] {
    requireScope(this.ctx, 'ScriptApp.getUserTriggers', SCOPES.scriptApp);
    chargeCall(this.ctx, 'ScriptApp.getUserTriggers');
    if (typeof (container as { getId?: unknown } | null)?.getId !== 'function') {
      signatureError('ScriptApp.getUserTriggers', [container]);
    }
    const id = container.getId();
    return triggersOf(this.ctx, this.ctx.session.effective)
      .filter((t) => t.sourceId === id)
      .map((t) => triggerHandle(this.ctx, t));
  }

  /**
   * Deletes one of the current user's triggers, given a handle from getProjectTriggers or
   * getUserTriggers. The handle create() returned cannot be used (Apps Script fails with
   * DELETE_TRIGGER_FAILED in that execution — seen in a public spike); neither can a handle whose
   * trigger is already gone or belongs to someone else (the stricter choice).
   */
  deleteTrigger(trigger: Trigger): void {
    requireScope(this.ctx, 'ScriptApp.deleteTrigger', SCOPES.scriptApp);
    chargeCall(this.ctx, 'ScriptApp.deleteTrigger');
    const info = handleInfo(trigger);
    if (!info) signatureError('ScriptApp.deleteTrigger', [trigger]);
    const { record, fromCreate } = info;
    if (fromCreate || record.deleted || !sameUser(record.owner, this.ctx.session.effective)) {
      gasError(DELETE_TRIGGER_FAILED);
    }
    record.deleted = true;
    record.nextFireMs = null;
  }

  /** A token for the effective user; see oauth.ts (UrlFetchApp accepts only these). */
  getOAuthToken(): string {
    chargeCall(this.ctx, 'ScriptApp.getOAuthToken');
    return issueToken(this.ctx);
  }

  getScriptId(): string {
    chargeCall(this.ctx, 'ScriptApp.getScriptId');
    return scriptState(this.ctx).scriptId;
  }

  /**
   * Whether the effective user has granted the script's scopes (or the listed ones): needs no
   * scope itself. Every auth mode is answered as FULL — "in almost all cases, the value for
   * authMode should be ScriptApp.AuthMode.FULL"; what the others answer is not documented, and
   * FULL (the one that asks for consent) is the stricter reading.
   * https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
   */
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes?: string[]): AuthInfo {
    chargeCall(this.ctx, 'ScriptApp.getAuthorizationInfo');
    const requested = this.requested('ScriptApp.getAuthorizationInfo', authMode, oAuthScopes);
    const granted = grantedScopes(this.ctx);
    return asGas<AuthInfo>(
      new EmuAuthorizationInfo(
        requested.filter((s) => granted.includes(s)),
        requested.filter((s) => !granted.includes(s)),
        scriptState(this.ctx).scriptId,
      ),
    );
  }

  /**
   * "If any of the specified consents are missing, then this method ends the current execution
   * and renders an authorization prompt to request the missing consents."
   * https://developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)
   */
  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): void {
    chargeCall(this.ctx, 'ScriptApp.requireScopes');
    if (!Array.isArray(oAuthScopes)) signatureError('ScriptApp.requireScopes', [authMode, oAuthScopes]);
    this.require(this.requested('ScriptApp.requireScopes', authMode, oAuthScopes));
  }

  /** requireScopes for every scope of the manifest. */
  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode): void {
    chargeCall(this.ctx, 'ScriptApp.requireAllScopes');
    this.require(this.requested('ScriptApp.requireAllScopes', authMode, undefined));
  }

  private require(scopes: readonly string[]): void {
    const granted = grantedScopes(this.ctx);
    const missing = scopes.filter((s) => !granted.includes(s));
    if (missing.length > 0) promptAndEnd(this.ctx, missing);
  }

  /** The scopes asked about: the listed ones (each must be declared), else all declared. */
  private requested(method: string, authMode: unknown, scopes: string[] | undefined): string[] {
    if (!Object.values(AUTH_MODE).includes(authMode as never)) signatureError(method, [authMode, scopes]);
    if (scopes === undefined) return [...declaredScopes(this.ctx)];
    if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) {
      signatureError(method, [authMode, scopes]);
    }
    checkRequested(this.ctx, scopes);
    return [...new Set(scopes)];
  }
}

type AuthInfo = GoogleAppsScript.Script.AuthorizationInfo;

/** https://developers.google.com/apps-script/reference/script/authorization-info */
class EmuAuthorizationInfo implements Pick<
  AuthInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl' | 'getAuthorizedScopes'
> {
  constructor(
    private readonly granted: readonly string[],
    private readonly missing: readonly string[],
    private readonly scriptId: string,
  ) {}

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    const status =
      this.missing.length > 0 ? AUTHORIZATION_STATUS.REQUIRED : AUTHORIZATION_STATUS.NOT_REQUIRED;
    return status as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  /**
   * "This method returns null if no authorization is required." The URL's shape is a guess (the
   * reference gives none); code should only open it.
   */
  getAuthorizationUrl(): string {
    if (this.missing.length === 0) return null as unknown as string;
    return `https://script.google.com/macros/d/${this.scriptId}/authorize`;
  }

  /** "If authorization information is requested for a specified list of scopes, returns the authorized scopes from the specified list." */
  getAuthorizedScopes(): string[] {
    return [...this.granted];
  }
}

export function createScriptApp(ctx: EmulatorContext, options: ScriptAppOptions = {}): ScriptAppApi {
  if (options.scriptId !== undefined) scriptState(ctx).scriptId = options.scriptId;
  return asGas<ScriptAppApi>(new EmuScriptApp(ctx));
}
