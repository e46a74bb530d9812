import { createHash } from 'node:crypto';
import { requireScope, SCOPES } from './script-app/consent';
import { EmulatorContext } from '../core/context';
import { GAS_CLASS } from './support/args';
import { asGas } from './support/gas';

type SessionApi = GoogleAppsScript.Base.Session;
type User = GoogleAppsScript.Base.User;

/** Session's User: only getEmail. https://developers.google.com/apps-script/reference/base/user */
class SessionUser implements Pick<User, 'getEmail'> {
  readonly [GAS_CLASS] = 'User';

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.ctx.ledger.charge('User.getEmail');
    return this.email;
  }
}

/** The temporary key "rotates every 30 days and is unique to the script" (Session reference). */
const KEY_PERIOD_MS = 30 * 24 * 3600 * 1000;

/**
 * Session, read from ctx.session. getActiveUser().getEmail() is ctx.session.active as is: tests set
 * it to '' to model Apps Script's blank active user (consumer accounts in triggers, or a user of
 * another domain — "the active user's email address may be blank" per the reference).
 * https://developers.google.com/apps-script/reference/base/session
 */
class EmuSession implements Pick<
  SessionApi,
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getActiveUserLocale'
  | 'getTemporaryActiveUserKey'
> {
  constructor(private readonly ctx: EmulatorContext) {}

  getActiveUser(): User {
    requireScope(this.ctx, 'Session.getActiveUser', SCOPES.email);
    this.ctx.ledger.charge('Session.getActiveUser');
    return asGas<User>(new SessionUser(this.ctx, this.ctx.session.active));
  }

  getEffectiveUser(): User {
    requireScope(this.ctx, 'Session.getEffectiveUser', SCOPES.email);
    this.ctx.ledger.charge('Session.getEffectiveUser');
    return asGas<User>(new SessionUser(this.ctx, this.ctx.session.effective));
  }

  getScriptTimeZone(): string {
    this.ctx.ledger.charge('Session.getScriptTimeZone');
    return this.ctx.session.timeZone;
  }

  /** e.g. 'vi' or 'en'; may be '' where Apps Script has no user (kept as set in ctx.session). */
  getActiveUserLocale(): string {
    this.ctx.ledger.charge('Session.getActiveUserLocale');
    return this.ctx.session.locale;
  }

  /**
   * Stable for one person for 30 days, different across people, revealing no email: a hash of
   * the active user and the 30-day period. Empty active user → still a key (of the empty user).
   */
  getTemporaryActiveUserKey(): string {
    this.ctx.ledger.charge('Session.getTemporaryActiveUserKey');
    const period = Math.floor(this.ctx.clock.nowMs() / KEY_PERIOD_MS);
    const digest = createHash('sha256')
      .update(`${this.ctx.session.active.toLowerCase()}|${period}`)
      .digest('base64');
    return `AP${digest.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`;
  }
}

export function createSession(ctx: EmulatorContext): SessionApi {
  return asGas<SessionApi>(new EmuSession(ctx));
}
