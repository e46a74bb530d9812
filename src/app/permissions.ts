import { Scope, SCOPE, scopeName } from '../domain/scopes';
import { missingScopes } from '../gas/scopes';

/**
 * The permissions of appsscript.json the person running the script has not granted (granular
 * consent), each with its Vietnamese name — for a system check to report. Changes nothing.
 */
export function missingPermissions(): { scope: Scope; name: string }[] {
  return missingScopes(Object.values(SCOPE)).map((scope) => ({ scope, name: scopeName(scope) }));
}
