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
