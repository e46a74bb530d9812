import { callsOf, EndState, Operation, REFRESH, REMIND, RETURN, runWithFault, sample } from './fault-office';

/**
 * A fault at every service call of an operation in turn (sampled unless FULL_FAULT_SWEEP is set:
 * each point builds a fresh office; `FULL_FAULT_SWEEP=1 npx jest test/app/state/sweep.test.ts
 * -t <operation>` runs all 299, 255 and 407 points — one operation per process: all three at once
 * run out of memory), then the rerun a person or the continuation would make: the
 * end state must equal the uninterrupted run's — tracking, mail log, emails sent exactly once,
 * archive copies, the unit's file, no sheet left over — and an email whose fate is unknown must
 * have been reported.
 */
function sweep(op: Operation, target: number): void {
  const reference = runWithFault(op, null);
  const all = callsOf(op);
  const points = sample(all, target);
  const broken: string[] = [];
  for (const point of points) {
    const end: EndState = runWithFault(op, point);
    if (!end.uncertainReported) broken.push(`${point.key}#${point.nth}: unknown email not reported`);
    const { uncertainReported: _a, ...got } = end;
    const { uncertainReported: _b, ...want } = reference;
    try {
      expect(got).toEqual(want);
    } catch (e) {
      broken.push(`${point.key}#${point.nth}: ${String((e as Error).message).slice(0, 1500)}`);
    }
  }
  expect(broken).toEqual([]);
  expect(points.length).toBeGreaterThanOrEqual(Math.min(all.length, target));
}

describe('a fault at any call, then a rerun, ends as an uninterrupted run', () => {
  it('"Gửi nhắc nhở" (creating "Thư đã gửi", then the tracking rebuild)', () => sweep(REMIND, 25));
  it('"Trả lại để bổ sung", then the next hourly refresh', () => sweep(RETURN, 25));
  it('"Cập nhật trạng thái" with a new submission to archive and lock', () => sweep(REFRESH, 25));
});
