import { EmulatorContext } from '../core/context';
import { gasError } from '../core/errors';
import { latencyOf } from '../core/latency';
import { GAS_CLASS, signatureError } from './support/args';
import { asGas } from './support/gas';

type Lock = GoogleAppsScript.Lock.Lock;
type LockServiceApi = GoogleAppsScript.Lock.LockService;

/** waitLock's failure, as Apps Script reports it (seen in execution logs and characterization tests). */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export type LockScope = 'script' | 'document' | `user:${string}`;

/** Who holds one lock resource: a Lock handle of this emulator, or a simulated other execution. */
interface Holder {
  readonly handle?: EmuLock;
  /** For a simulated holder: the modeled instant its execution ends and the lock frees. */
  readonly untilMs?: number;
}

interface LockState {
  readonly holders: Map<LockScope, Holder>;
}

const STATES = new WeakMap<EmulatorContext, LockState>();

function stateOf(ctx: EmulatorContext): LockState {
  let state = STATES.get(ctx);
  if (!state) STATES.set(ctx, (state = { holders: new Map() }));
  return state;
}

/** The holder of `scope` now, after letting a simulated holder's time run out. */
function currentHolder(ctx: EmulatorContext, scope: LockScope): Holder | undefined {
  const state = stateOf(ctx);
  const holder = state.holders.get(scope);
  if (holder?.untilMs !== undefined && ctx.clock.nowMs() >= holder.untilMs) {
    state.holders.delete(scope);
    return undefined;
  }
  return holder;
}

/**
 * Test control: the end of an execution. Apps Script releases an execution's locks when it ends;
 * call this between two modeled executions (the lead's runner does it after each one). Releases
 * every lock held through a Lock handle; simulated holders keep theirs until their own end.
 */
export function releaseAllLocks(ctx: EmulatorContext): void {
  const { holders } = stateOf(ctx);
  for (const [scope, holder] of [...holders]) if (holder.handle) holders.delete(scope);
}

/**
 * Test control: another execution (e.g. a second person pressing the same menu item) holds the
 * lock for `durationMs` of modeled time from now. A tryLock/waitLock that waits past that instant
 * gets the lock; one with a shorter timeout fails after waiting its whole timeout.
 */
export function simulateLockHolder(ctx: EmulatorContext, scope: LockScope, durationMs: number): void {
  stateOf(ctx).holders.set(scope, { untilMs: ctx.clock.nowMs() + durationMs });
}

/**
 * One execution's handle on a lock (LockService.getScriptLock() etc.): two handles contend like two
 * executions. Single-threaded, so a wait cannot be cut short by another handle releasing — only a
 * simulated holder's end can free the lock mid-wait.
 * https://developers.google.com/apps-script/reference/lock/lock
 */
class EmuLock implements Pick<Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  readonly [GAS_CLASS] = 'LockService.Lock';

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly scope: LockScope,
  ) {}

  /**
   * true at once if free or already held by this handle. When another holds it, waits up to
   * `timeoutInMillis` of modeled time (charged to the clock) and returns whether it got the lock.
   * A negative timeout fails at once (characterized: tryLock(-1) is false).
   */
  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') {
      this.ctx.ledger.charge('Lock.tryLock');
      signatureError('LockService.Lock.tryLock', [timeoutInMillis]);
    }
    return this.acquire('tryLock', timeoutInMillis);
  }

  /** As tryLock, but throws LOCK_TIMEOUT when the lock could not be had in time. */
  waitLock(timeoutInMillis: number): void {
    if (typeof timeoutInMillis !== 'number') {
      this.ctx.ledger.charge('Lock.waitLock');
      signatureError('LockService.Lock.waitLock', [timeoutInMillis]);
    }
    if (!this.acquire('waitLock', timeoutInMillis)) gasError(LOCK_TIMEOUT);
  }

  /** Releasing a lock this handle does not hold does nothing. */
  releaseLock(): void {
    this.ctx.ledger.charge('Lock.releaseLock');
    const { holders } = stateOf(this.ctx);
    if (holders.get(this.scope)?.handle === this) holders.delete(this.scope);
  }

  hasLock(): boolean {
    this.ctx.ledger.charge('Lock.hasLock');
    return currentHolder(this.ctx, this.scope)?.handle === this;
  }

  /** One ledger entry per call, its modeled time including the wait. */
  private acquire(method: 'tryLock' | 'waitLock', timeoutMs: number): boolean {
    const key = `Lock.${method}`;
    const callMs = latencyOf(key).ms;
    const holder = currentHolder(this.ctx, this.scope);
    if (timeoutMs < 0) {
      this.ctx.ledger.chargeFixed(key, callMs);
      return holder?.handle === this;
    }
    if (!holder || holder.handle === this) {
      // Charged first: a call that fails (an injected fault) takes nothing — a lock is only held
      // once tryLock/waitLock returns, and released when the script ends (releaseLock:
      // https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
      this.ctx.ledger.chargeFixed(key, callMs);
      this.take();
      return true;
    }
    const freeAt = holder.untilMs;
    const waitMs = Math.floor(timeoutMs);
    if (freeAt !== undefined && freeAt - this.ctx.clock.nowMs() <= waitMs) {
      this.ctx.ledger.chargeFixed(key, callMs + Math.max(0, freeAt - this.ctx.clock.nowMs()));
      stateOf(this.ctx).holders.delete(this.scope);
      this.take();
      return true;
    }
    this.ctx.ledger.chargeFixed(key, callMs + waitMs);
    return false;
  }

  private take(): void {
    stateOf(this.ctx).holders.set(this.scope, { handle: this });
  }
}

/**
 * getScriptLock, getDocumentLock (the script is modeled as container-bound, so never null),
 * getUserLock (the effective user's). Each call gives a new handle.
 * https://developers.google.com/apps-script/reference/lock/lock-service
 */
class EmuLockService implements Pick<LockServiceApi, 'getScriptLock' | 'getDocumentLock' | 'getUserLock'> {
  constructor(private readonly ctx: EmulatorContext) {}

  getScriptLock(): Lock {
    this.ctx.ledger.charge('LockService.getScriptLock');
    return asGas<Lock>(new EmuLock(this.ctx, 'script'));
  }

  getDocumentLock(): Lock {
    this.ctx.ledger.charge('LockService.getDocumentLock');
    return asGas<Lock>(new EmuLock(this.ctx, 'document'));
  }

  getUserLock(): Lock {
    this.ctx.ledger.charge('LockService.getUserLock');
    return asGas<Lock>(new EmuLock(this.ctx, `user:${this.ctx.session.effective.toLowerCase()}`));
  }
}

export function createLockService(ctx: EmulatorContext): LockServiceApi {
  return asGas<LockServiceApi>(new EmuLockService(ctx));
}
