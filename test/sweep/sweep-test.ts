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
  // Every other operation passes every fault point (SWEEP=full: setup 184, provisioning 1263,
  // consolidation 325, Tiếp nhận 212, status refresh 602, reminders 328, Trả lại 285, document
  // generation 274 through the Docs API, template push 961; document generation from the office's
  // own template 311, through the Docs API; period consolidation 310; progress reports 404;
  // progress dashboard refresh 90).
  generateNextDay:
    'found by this sweep (src/app/generate.ts generateNextDay): a fault before "Nhật ký" logs the run (calls 1-9: reading the pending units, deleting the trigger, deleting the key) leaves the pending units in cchc.generate.nextDay (and the spent trigger) after the person makes the documents from the menu — the menu run does not consume the next-day list, and with the trigger spent nothing would make them if the person did not',
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
