/**
 * Apps Script stops every execution at 6 minutes (quotas page: "Script runtime 6 min /
 * execution"). Long operations work in steps and stop at a safe point before that, leaving a
 * margin for saving their cursor and scheduling their continuation. The limit and the margin are
 * set here, once.
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const SAFETY_MARGIN_MS = 75 * 1000;

export class TimeBudget {
  constructor(
    private readonly startMs: number,
    private readonly now: () => number,
    private readonly limitMs = EXECUTION_LIMIT_MS,
    private readonly marginMs = SAFETY_MARGIN_MS,
  ) {}

  elapsedMs(): number {
    return this.now() - this.startMs;
  }

  /** Whether a step expected to take `stepMs` still ends before the limit minus the margin. */
  allows(stepMs: number): boolean {
    return this.elapsedMs() + stepMs <= this.limitMs - this.marginMs;
  }
}

/**
 * Time a step of `chunk` units needs when only `remaining` are left: proportional, with a floor
 * for the step's fixed costs (a listing, the draft write). A commune with 7 units must not wait a
 * minute for the time a 25-unit step would need.
 */
export function chunkStepMs(fullStepMs: number, chunk: number, remaining: number, floorMs: number): number {
  if (remaining >= chunk) return fullStepMs;
  return Math.max(floorMs, Math.ceil((fullStepMs * Math.max(remaining, 0)) / chunk));
}
