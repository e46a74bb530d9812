import { ModeledClock } from './clock';
import { latencyOf } from './latency';

/**
 * Counts every emulated service call ("Service.method") and advances the modeled clock by its
 * latency. Tests hold budgets on counts; benchmarks print modeled time.
 */
export class CostLedger {
  private readonly counts = new Map<string, number>();
  private modeledMs = 0;

  constructor(private readonly clock: ModeledClock) {}

  /** Record one call of `key` ("SpreadsheetApp.openById"); `units` scales the per-unit cost. */
  charge(key: string, units = 0): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const row = latencyOf(key);
    this.spend(row.ms + (row.perUnitMs ?? 0) * units);
  }

  /** Record one call of `key` with an explicit modeled duration (e.g. fetchAll's slowest request). */
  chargeFixed(key: string, ms: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.spend(ms);
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
