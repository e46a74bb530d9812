import { Scope } from '../domain/scopes';

/**
 * Of `scopes`, those the person the script runs as has not granted (granular consent): asked
 * with getAuthorizationInfo, which needs no scope itself and changes nothing.
 * https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
 */
export function missingScopes(scopes: readonly Scope[]): Scope[] {
  if (scopes.length === 0) return [];
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...scopes]);
  const granted = new Set(info.getAuthorizedScopes() ?? []);
  return scopes.filter((s) => !granted.has(s));
}

/**
 * Google's consent screen for `scopes`, from a menu run: "If any of the specified consents are
 * missing, then this method ends the current execution and renders an authorization prompt"
 * (https://developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)).
 * Nothing after it runs when a consent is missing: call it last.
 */
export function askForScopes(scopes: readonly Scope[]): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [...scopes]);
}
