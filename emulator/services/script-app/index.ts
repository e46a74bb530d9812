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
  | 'getScriptId';

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
    chargeCall(this.ctx, 'ScriptApp.newTrigger');
    if (typeof functionName !== 'string') signatureError('ScriptApp.newTrigger', [functionName]);
    return asGas<GoogleAppsScript.Script.TriggerBuilder>(new EmuTriggerBuilder(this.ctx, functionName));
  }

  /**
   * "Gets all installable triggers associated with the current project and current user": the
   * effective user's, spent one-off clock triggers included. Each call gives fresh handles.
   */
  getProjectTriggers(): Trigger[] {
    chargeCall(this.ctx, 'ScriptApp.getProjectTriggers');
    return triggersOf(this.ctx, this.ctx.session.effective).map((t) => triggerHandle(this.ctx, t));
  }

  /** The current user's triggers of this script for one spreadsheet (or document/form) object. */
  getUserTriggers(container: { getId(): string }): Trigger[] {
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
}

export function createScriptApp(ctx: EmulatorContext, options: ScriptAppOptions = {}): ScriptAppApi {
  if (options.scriptId !== undefined) scriptState(ctx).scriptId = options.scriptId;
  return asGas<ScriptAppApi>(new EmuScriptApp(ctx));
}
