import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { report, sweep, SweepResult } from './harness';
import { OPERATIONS } from './operations';

export type OperationKey = keyof typeof OPERATIONS;

/**
 * Operations whose sweep finds divergences today, with why (issue 12 item 1: the fixes are under
 * way on other branches). Their test is `it.failing`: it stays green while they fail and turns red
 * the day a fix lands — then remove the entry. Points found by `npm run sweep` (SWEEP=full).
 */
export const KNOWN_FAILING: Partial<Record<OperationKey, string>> = {
  // Empty: every operation passes every fault point (SWEEP=full on 2026-12-03: setup 186,
  // provisioning 1256, consolidation 321, Tiếp nhận 83, Trả lại 159, status refresh 470 and 471 the
  // same day, reminders 342, Nhắc ngay 361, template push 189, document generation 266 and 309
  // from the office's own template, period consolidation 401, progress reports 401, progress
  // dashboard 90, the next day's generation 254).
};

/** Where each sweep writes its report: one line per diverging point. */
export const REPORT_DIR = join(__dirname, '..', '..', 'out', 'sweep');

/** Ten minutes: the full sweep of provisioning stops it at each of ~1,200 calls. */
const TIMEOUT_MS = 600_000;

/**
 * The sweep of one operation as a jest test: every sampled point (all with SWEEP=full) must end as
 * the uninterrupted run. Prints the number of fault points covered and writes out/sweep/<key>.txt.
 */
export function sweepTest(key: OperationKey): void {
  const op = OPERATIONS[key];
  const known = KNOWN_FAILING[key];
  let result: SweepResult | undefined;

  describe(`fault sweep: ${op.name}`, () => {
    afterAll(() => {
      if (!result) return;
      mkdirSync(REPORT_DIR, { recursive: true });
      writeFileSync(join(REPORT_DIR, `${key}.txt`), `${report(result)}\n`);
      console.log(
        `fault sweep ${key} (${op.name}): ${result.points.length} fault points covered of ${result.calls} calls` +
          `${process.env.SWEEP === 'full' ? ' (full)' : ' (sampled; SWEEP=full for all)'}, ` +
          `${result.failing.length} diverge${known ? ` — known failing: ${known}` : ''}`,
      );
    });

    const title =
      'ends as an uninterrupted run after a fault at any of its calls, rerun as a person or the continuation would';
    const body = () => {
      result = sweep(op);
      expect(result.points.length).toBeGreaterThan(0);
      expect(result.failing.map((p) => `call ${p.nth} (${p.key}): ${p.diffs.join(' | ')}`)).toEqual([]);
    };
    if (known) it.failing(`${title} [KNOWN FAILING: ${known}]`, body, TIMEOUT_MS);
    else it(title, body, TIMEOUT_MS);
    // Not covered by KNOWN_FAILING: a sweep is only worth something if the reference did the work.
    it('compares against an uninterrupted run that did its work', () => {
      expect(result?.referenceProblem).toBe('');
    });
  });
}
