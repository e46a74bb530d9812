/**
 * What @types/google-apps-script 2.0.13 lacks of the ScriptApp reference (granular consent,
 * https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
 * and .../authorization-info#getAuthorizedScopes()). Merged into the package's namespace; remove
 * when the package has them.
 */
declare namespace GoogleAppsScript {
  namespace Script {
    interface AuthorizationInfo {
      /** The authorized scopes (of the requested ones, when a list was given). */
      getAuthorizedScopes(): string[] | null;
    }
    interface ScriptApp {
      getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
    }
  }
}
