import { createContext } from '../../emulator/core/context';
import { GasException } from '../../emulator/core/errors';
import {
  createLockService,
  LOCK_TIMEOUT,
  releaseAllLocks,
  simulateLockHolder,
} from '../../emulator/services/lock';

function setup() {
  const ctx = createContext({ user: 'office@so.gov.vn' });
  return { ctx, locks: createLockService(ctx) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('LockService', () => {
  test('two handles contend like two executions; waiting costs modeled time', () => {
    const { ctx, locks } = setup();
    const first = locks.getScriptLock();
    const second = locks.getScriptLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(first.tryLock(1000)).toBe(true); // already held by this handle
    expect(first.hasLock()).toBe(true);
    const before = ctx.clock.nowMs();
    expect(second.tryLock(5000)).toBe(false);
    expect(ctx.clock.nowMs() - before).toBeGreaterThanOrEqual(5000);
    expect(second.hasLock()).toBe(false);
    first.releaseLock();
    expect(second.tryLock(0)).toBe(true);
  });

  test('a tryLock that fails (an injected fault) takes nothing: the lock stays free', () => {
    const { ctx, locks } = setup();
    ctx.ledger.failOn('Lock.tryLock', 1);
    expect(() => locks.getScriptLock().tryLock(1000)).toThrow('Injected fault at Lock.tryLock');
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
  });

  test('waitLock throws Apps Script’s timeout message', () => {
    const { locks } = setup();
    locks.getScriptLock().waitLock(100);
    const err = thrown(() => locks.getScriptLock().waitLock(2000));
    expect(err).toBeInstanceOf(GasException);
    expect(err.message).toBe(LOCK_TIMEOUT);
    expect(LOCK_TIMEOUT).toBe('Lock timeout: another process was holding the lock for too long.');
  });

  test('a negative timeout fails at once; a missing one is a signature error', () => {
    const { ctx, locks } = setup();
    const lock = locks.getScriptLock();
    const before = ctx.clock.nowMs();
    expect(lock.tryLock(-1)).toBe(false);
    expect(thrown(() => lock.waitLock(-1)).message).toBe(LOCK_TIMEOUT);
    expect(ctx.clock.nowMs() - before).toBeLessThan(100);
    expect(thrown(() => (lock.tryLock as () => boolean)()).message).toBe(
      "The parameters () don't match the method signature for LockService.Lock.tryLock.",
    );
  });

  test('a simulated other execution frees the lock at its end, mid-wait', () => {
    const { ctx, locks } = setup();
    simulateLockHolder(ctx, 'script', 3000);
    const lock = locks.getScriptLock();
    const start = ctx.clock.nowMs();
    expect(lock.tryLock(1000)).toBe(false);
    expect(ctx.clock.nowMs() - start).toBeGreaterThanOrEqual(1000);
    expect(lock.tryLock(10_000)).toBe(true);
    expect(ctx.clock.nowMs() - start).toBeGreaterThanOrEqual(3000);
    expect(ctx.clock.nowMs() - start).toBeLessThan(3100);
  });

  test('locks end with the execution: releaseAllLocks frees every handle’s lock', () => {
    const { locks, ctx } = setup();
    const held = locks.getDocumentLock();
    held.waitLock(0);
    releaseAllLocks(ctx);
    expect(held.hasLock()).toBe(false);
    expect(locks.getDocumentLock().tryLock(0)).toBe(true);
  });

  test('user locks are per person; the script lock is shared by everyone', () => {
    const { ctx, locks } = setup();
    expect(locks.getUserLock().tryLock(0)).toBe(true);
    expect(ctx.session.as('other@so.gov.vn', () => locks.getUserLock().tryLock(0))).toBe(true);
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
    expect(ctx.session.as('other@so.gov.vn', () => locks.getScriptLock().tryLock(0))).toBe(false);
  });

  test('each call is charged once, its time including the wait', () => {
    const { ctx, locks } = setup();
    locks.getScriptLock().tryLock(0);
    ctx.ledger.reset();
    locks.getScriptLock().tryLock(2000);
    expect(ctx.ledger.count('Lock.tryLock')).toBe(1);
    expect(ctx.ledger.modeledTimeMs()).toBeGreaterThanOrEqual(2000);
  });
});
