/**
 * The person running the script. In a menu run this is the signed-in user; getEmail() needs the
 * userinfo.email scope, and may be '' for a consumer account outside the owner's domain.
 */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail().toLowerCase();
}

export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail().toLowerCase();
}

export function scriptTimeZone(): string {
  return Session.getScriptTimeZone();
}
