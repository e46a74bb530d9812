import { EmulatorContext } from '../../core/context';
import { digest, scriptState } from './state';

/**
 * ScriptApp.getOAuthToken: "Gets the OAuth 2.0 access token for the effective user"
 * (https://developers.google.com/apps-script/reference/script/script-app#getOAuthToken()).
 * Google access tokens start "ya29." and live one hour, so a token stored (say in properties) and
 * replayed in a later execution fails. The emulator issues a deterministic token per effective
 * user, script and clock hour, records who it belongs to and until when it is good, and
 * UrlFetchApp's emulated Google endpoints accept only tokens that isValidToken confirms.
 */
export const TOKEN_PREFIX = 'ya29.emulator-';
export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

interface Grant {
  readonly user: string;
  expiresMs: number;
}

const GRANTS = new WeakMap<EmulatorContext, Map<string, Grant>>();

function grantsOf(ctx: EmulatorContext): Map<string, Grant> {
  let grants = GRANTS.get(ctx);
  if (!grants) GRANTS.set(ctx, (grants = new Map()));
  return grants;
}

/** Issue (or re-issue) the effective user's token for the current hour. */
export function issueToken(ctx: EmulatorContext): string {
  const user = ctx.session.effective;
  const now = ctx.clock.nowMs();
  const hour = Math.floor(now / TOKEN_LIFETIME_MS);
  const token =
    TOKEN_PREFIX + digest(`${scriptState(ctx).scriptId}|${user.toLowerCase()}|${hour}`, 'base64url');
  const grants = grantsOf(ctx);
  const grant = grants.get(token) ?? { user, expiresMs: 0 };
  grant.expiresMs = Math.max(grant.expiresMs, now + TOKEN_LIFETIME_MS);
  grants.set(token, grant);
  return token;
}

/** The account a token was issued to, while it is still valid; null for unknown or expired tokens. */
export function tokenOwner(ctx: EmulatorContext, token: string): string | null {
  const grant = grantsOf(ctx).get(token);
  return grant && ctx.clock.nowMs() < grant.expiresMs ? grant.user : null;
}

/** True when `token` came from this emulator's getOAuthToken and has not expired. */
export function isValidToken(ctx: EmulatorContext, token: string): boolean {
  return tokenOwner(ctx, token) !== null;
}
