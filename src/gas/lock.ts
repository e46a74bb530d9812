/**
 * Runs `fn` holding the script lock, or refuses at once with a clear message: two admins pressing
 * the same menu item must not interleave (LockService reference: tryLock returns false on timeout).
 */
export function withScriptLock<T>(actionLabel: string, fn: () => T, waitMs = 5000): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) {
    throw new Error(
      `Một thao tác khác đang chạy nên chưa thể "${actionLabel}". Vui lòng thử lại sau ít phút.`,
    );
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
