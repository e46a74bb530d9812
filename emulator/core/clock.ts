/**
 * The modeled clock: emulated "now". It starts at a chosen instant and moves only when a service
 * call is charged (its modeled latency) or a test advances it, so runs are repeatable.
 */
export class ModeledClock {
  private ms: number;

  constructor(start: Date | number = Date.UTC(2025, 0, 2, 1, 0, 0)) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }

  nowMs(): number {
    return this.ms;
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`Cannot advance the clock by ${ms} ms`);
    this.ms += ms;
  }

  /** Jump forward to an instant (never backwards: emulated time is monotonic). */
  set(instant: Date | number): void {
    const target = typeof instant === 'number' ? instant : instant.getTime();
    if (target < this.ms) throw new RangeError('The modeled clock cannot go backwards');
    this.ms = target;
  }
}
