/**
 * Granular OAuth consent (Google Workspace Updates, 8 January 2025, "Granular OAuth consent in
 * Google Apps Script IDE executions"; https://developers.google.com/apps-script/concepts/scopes):
 * a person may grant only some of the scopes the manifest declares, and a later run reaches the
 * services of the declined ones only to fail.
 *
 * The emulator keeps the script's declared scopes (appsscript.json's oauthScopes by default) and,
 * per person (the effective user: whose authority the script runs with), which of them they
 * declined; everyone has granted everything until a test declines some. A call to a service whose
 * scope is missing throws before it does anything:
 *   - declared but declined: "You do not have permission to call X. Required permissions: S" —
 *     the text seen in public scripts' logs for a scope the person has not granted (e.g.
 *     ttsukagoshi/mail-merge-for-gmail#129, in Japanese; quoted in English in many READMEs);
 *   - not declared at all: "Specified permissions are not sufficient to call X. Required
 *     permissions: S" — the text seen for an explicit manifest that lacks the scope.
 */
import { EmulatorContext } from '../../core/context';
import { gasError, GasException } from '../../core/errors';
import { currentExecution } from './execution';

export const AUTH_PREFIX = 'https://www.googleapis.com/auth/';

/** The scopes the emulated services ask for (each service's reference page, "Authorization"). */
export const SCOPES = {
  spreadsheets: `${AUTH_PREFIX}spreadsheets`,
  documents: `${AUTH_PREFIX}documents`,
  drive: `${AUTH_PREFIX}drive`,
  ui: `${AUTH_PREFIX}script.container.ui`,
  externalRequest: `${AUTH_PREFIX}script.external_request`,
  scriptApp: `${AUTH_PREFIX}script.scriptapp`,
  sendMail: `${AUTH_PREFIX}script.send_mail`,
  email: `${AUTH_PREFIX}userinfo.email`,
} as const;

/**
 * Guessed: the reference says requireScopes "ends the current execution and renders an
 * authorization prompt" but not what the execution's log shows; this is Apps Script's usual text
 * when a run needs authorization.
 */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

/** Guessed: getAuthorizationInfo/requireScopes say only that such scopes "lead to an error". */
export function scopeNotRequired(scope: string): string {
  return `Invalid argument: ${scope} is not a scope this script requires.`;
}

export function notGranted(call: string, scope: string): string {
  return `You do not have permission to call ${call}. Required permissions: ${scope}`;
}

export function notDeclared(call: string, scope: string): string {
  return `Specified permissions are not sufficient to call ${call}. Required permissions: ${scope}`;
}

/** What requireScopes asked Google to show: the person and the consents missing. */
export interface AuthorizationPrompt {
  readonly user: string;
  readonly scopes: readonly string[];
}

interface ConsentState {
  /**
   * The manifest's explicit list; null when there is none: Apps Script then detects the scopes
   * from the code, so every scope a service asks for counts as declared (a context made without
   * the Emulator class, as many service tests do).
   */
  declared: readonly string[] | null;
  readonly declined: Map<string, Set<string>>;
  readonly prompts: AuthorizationPrompt[];
  readonly refusals: Refusal[];
}

/** A service call refused for a missing consent (even if the code caught the error). */
export interface Refusal {
  readonly user: string;
  readonly call: string;
  readonly scope: string;
}

const STATES = new WeakMap<EmulatorContext, ConsentState>();

function stateOf(ctx: EmulatorContext): ConsentState {
  let state = STATES.get(ctx);
  if (!state) STATES.set(ctx, (state = { declared: null, declined: new Map(), prompts: [], refusals: [] }));
  return state;
}

/** The manifest's oauthScopes (set once, when the emulator is made). */
export function declareScopes(ctx: EmulatorContext, scopes: readonly string[]): void {
  stateOf(ctx).declared = [...scopes];
}

/** The declared scopes (with no explicit list: every scope the emulated services use). */
export function declaredScopes(ctx: EmulatorContext): readonly string[] {
  return stateOf(ctx).declared ?? Object.values(SCOPES);
}

/** The declared scopes `user` has granted. */
export function grantedScopes(ctx: EmulatorContext, user: string = ctx.session.effective): string[] {
  const declined = stateOf(ctx).declined.get(user.toLowerCase()) ?? new Set<string>();
  return declaredScopes(ctx).filter((s) => !declined.has(s));
}

/**
 * The gate every scoped service call passes first: `call` is "Service.method" as the error names
 * it, `scope` the one the method needs.
 */
export function requireScope(ctx: EmulatorContext, call: string, scope: string): void {
  const state = stateOf(ctx);
  if (state.declared && !state.declared.includes(scope)) gasError(notDeclared(call, scope));
  const user = ctx.session.effective;
  if (state.declined.get(user.toLowerCase())?.has(scope)) {
    state.refusals.push({ user, call, scope });
    gasError(notGranted(call, scope));
  }
}

/**
 * "Scopes that are invalid or not required by the script lead to an error"
 * (https://developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)).
 */
export function checkRequested(ctx: EmulatorContext, scopes: readonly string[]): void {
  const declared = declaredScopes(ctx);
  for (const s of scopes) if (!declared.includes(s)) gasError(scopeNotRequired(String(s)));
}

/**
 * requireScopes / requireAllScopes with consents missing: "this method ends the current execution
 * and renders an authorization prompt to request the missing consents". The prompt is recorded;
 * the execution ends like one past its time limit — the code cannot catch its way on: every later
 * service call of that execution throws again, and runExecution rethrows at the end.
 */
export function promptAndEnd(ctx: EmulatorContext, missing: readonly string[]): never {
  stateOf(ctx).prompts.push({ user: ctx.session.effective, scopes: [...missing] });
  const error = new GasException(AUTHORIZATION_REQUIRED);
  const exec = currentExecution(ctx);
  if (exec) exec.endWith(error);
  throw error;
}

/** Test controls: decline or grant scopes as a person would on Google's consent screen. */
export interface ConsentControls {
  /** `user` unticks these scopes (default: the effective user). */
  decline(scopes: readonly string[], user?: string): void;
  /** `user` ticks these scopes again (default: every declared scope). */
  grant(scopes?: readonly string[], user?: string): void;
  granted(user?: string): string[];
  /** Every authorization prompt requireScopes rendered, oldest first. */
  prompts(): readonly AuthorizationPrompt[];
  /** Every call refused for a declined scope, oldest first — also those the code caught. */
  refusals(): readonly Refusal[];
}

export function consentControls(ctx: EmulatorContext): ConsentControls {
  const state = stateOf(ctx);
  const setFor = (user: string): Set<string> => {
    const key = user.toLowerCase();
    let set = state.declined.get(key);
    if (!set) state.declined.set(key, (set = new Set()));
    return set;
  };
  return {
    decline(scopes, user = ctx.session.effective) {
      checkRequested(ctx, scopes);
      for (const s of scopes) setFor(user).add(s);
    },
    grant(scopes = declaredScopes(ctx), user = ctx.session.effective) {
      for (const s of scopes) setFor(user).delete(s);
    },
    granted: (user) => grantedScopes(ctx, user),
    prompts: () => state.prompts,
    refusals: () => state.refusals,
  };
}
