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
  setup:
    'issue 12 item 5: a setup stopped midway and run again leaves protections missing or without their description, "Cấu hình"/"Đơn vị" without their title rows',
  provision:
    'found by this sweep, not in issue 12: a fault while a template spreadsheet ("[Mẫu] … (không sửa)") is built or before its id is stored leaves it behind, not trashed, and the retry builds another; a fault right after the units\' folder is created makes a second one; a fault while "Tiến độ" is created leaves it without its header or protection',
  consolidate:
    'issue 12 item 4: a fault at the rename of the last rebuilt sheet ("Lỗi dữ liệu") is not recovered by the continuation (a person must rerun), and the sheet ends out of its place in the tab order',
  generate:
    'a fault while a unit\'s document is written leaves the partial Google Doc in My Drive, not trashed; the retry regenerates units already done, moving their first documents and PDFs to "Lưu trữ" (issue 12 item 8); a fault right after the documents folder is created makes a second one',
  accept:
    'issue 12 item 1: "Theo dõi nộp" is replaced by renaming a draft; a fault there loses it or leaves "(đang ghi)" sheets; the registry status stays "Đã nộp"; a rerun is refused ("Không thành công") though the work is done',
  refresh:
    'a fault right after the archive folder is created makes a second "Bản đã nộp" folder; a fault at Protection.setDescription leaves a second, unnamed lock protection in the unit file; a fault at the rename of the rebuilt "Theo dõi nộp" moves it in the tab order (issue 12 item 1)',
  reminders:
    'issue 12 items 1 and 6: a fault while a sent reminder is logged sends it again; a fault at the rename of the rebuilt "Theo dõi nộp" resets every unit to "Chưa thực hiện"; a fault while "Thư đã gửi" is created leaves it without its protection',
  returnSubmission:
    'issue 12 items 1 and 7: as accept, and the unit is unlocked but never told (the notice mail is lost) when the rerun is refused',
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
