import { ModeledClock } from './clock';
import { latencyOf } from './latency';

/**
 * Counts every emulated service call ("Service.method") and advances the modeled clock by its
 * latency. Tests hold budgets on counts; benchmarks print modeled time.
 */
/**
 * A planned failure: the `nth` call of `key` (counted from when it was planned) throws `error`
 * instead of running — "the script died here", for tests of interrupted runs.
 */
export interface FaultPlan {
  readonly key: string;
  readonly nth: number;
  readonly error: () => Error;
}

/** Called after every charge; may throw (e.g. the execution time limit). */
export type ChargeListener = (key: string) => void;

export class CostLedger {
  private readonly counts = new Map<string, number>();
  private modeledMs = 0;
  private faults: { plan: FaultPlan; seen: number }[] = [];
  /** Planned failures of "the nth next call, whatever its key" (failOnCall). */
  private anyFaults: { nth: number; seen: number; error: (key: string) => Error }[] = [];
  /** Every injected fault that fired, oldest first: which call it stopped. */
  private readonly trippedList: { key: string }[] = [];
  private readonly listeners: ChargeListener[] = [];

  constructor(private readonly clock: ModeledClock) {}

  /** Record one call of `key` ("SpreadsheetApp.openById"); `units` scales the per-unit cost. */
  charge(key: string, units = 0): void {
    this.trip(key);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const row = latencyOf(key);
    this.spend(row.ms + (row.perUnitMs ?? 0) * units);
    for (const listener of this.listeners) listener(key);
  }

  /** Record one call of `key` with an explicit modeled duration (e.g. fetchAll's slowest request). */
  chargeFixed(key: string, ms: number): void {
    this.trip(key);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.spend(ms);
    for (const listener of this.listeners) listener(key);
  }

  /**
   * Modeled time that is no call of the script's (e.g. SpreadsheetApp committing buffered writes
   * before a read): it advances the clock and the modeled time, is not counted, and still runs the
   * listeners (so the execution time limit applies).
   */
  wait(key: string, ms: number): void {
    if (ms <= 0) return;
    this.spend(ms);
    for (const listener of this.listeners) listener(key);
  }

  /** Plan a failure of the `nth` next call of `key` (1 = the very next one). */
  failOn(key: string, nth = 1, error: () => Error = () => new Error(`Injected fault at ${key}`)): void {
    this.faults.push({ plan: { key, nth, error }, seen: 0 });
  }

  /**
   * Plan a failure of the `nth` next call of any key (1 = the very next call) — for sweeps that stop
   * an operation at each of its calls in turn. Counting starts now, as with failOn.
   */
  failOnCall(
    nth: number,
    error: (key: string) => Error = (key) => new Error(`Injected fault at ${key} (call ${nth})`),
  ): void {
    this.anyFaults.push({ nth, seen: 0, error });
  }

  /** The keys of the calls an injected fault stopped, oldest first. */
  tripped(): readonly { key: string }[] {
    return [...this.trippedList];
  }

  clearFaults(): void {
    this.faults = [];
    this.anyFaults = [];
  }

  onCharge(listener: ChargeListener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  private trip(key: string): void {
    // As before failOnCall existed: the first plan that fires stops the call, and plans later in
    // the list do not see it (a stopped call did not happen).
    for (const fault of this.anyFaults) {
      fault.seen++;
      if (fault.seen === fault.nth) {
        this.anyFaults = this.anyFaults.filter((f) => f !== fault);
        this.trippedList.push({ key });
        throw fault.error(key);
      }
    }
    for (const fault of this.faults) {
      if (fault.plan.key !== key) continue;
      fault.seen++;
      if (fault.seen === fault.plan.nth) {
        this.faults = this.faults.filter((f) => f !== fault);
        this.trippedList.push({ key });
        throw fault.plan.error();
      }
    }
  }

  private spend(ms: number): void {
    this.modeledMs += ms;
    this.clock.advance(ms);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Sum of the counts of every key starting with `prefix` ("SpreadsheetApp.", "Range."). */
  countPrefix(prefix: string): number {
    let total = 0;
    for (const [key, n] of this.counts) if (key.startsWith(prefix)) total += n;
    return total;
  }

  totalCalls(): number {
    return this.countPrefix('');
  }

  /** Modeled milliseconds spent in service calls since the last reset. */
  modeledTimeMs(): number {
    return this.modeledMs;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.modeledMs = 0;
  }
}
