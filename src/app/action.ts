import { formatTimestamp } from '../gas/values';
import { MasterWorkbook } from '../gas/master';
import { activeUserEmail, effectiveUserEmail } from '../gas/session';
import { explainError } from '../domain/errors';
import { withScriptLock } from '../gas/lock';
import { alert, toast } from '../gas/ui';

/** What an action tells the person and writes to the log. */
export interface ActionOutcome {
  readonly ok: boolean;
  /** One line: what was done. */
  readonly summary: string;
  /** "tạo 12, bỏ qua 3" — for the log's count column. */
  readonly counts: string;
  /** Problems, each naming where to look. */
  readonly problems: readonly string[];
}

export interface ActionContext {
  readonly master: MasterWorkbook;
  readonly user: string;
  /** false when a trigger runs the action: no dialogs then. */
  readonly interactive: boolean;
  /** When this execution started (epoch ms): long jobs stop before Apps Script's time limit. */
  readonly startedMs: number;
}

const MAX_PROBLEMS_SHOWN = 12;

export interface ActionOptions {
  /** false when a trigger runs the action (default true). */
  readonly interactive?: boolean;
  /**
   * The master to act on; default the spreadsheet the script is bound to. Only the self-test
   * passes another: a scratch master of its own, so the office's sheets are never touched.
   */
  readonly master?: MasterWorkbook;
  /**
   * When the execution started, if before this action (the self-test runs several actions in
   * one execution: each long step must see the time already spent).
   */
  readonly startedMs?: number;
}

/**
 * Runs a menu or trigger action: reports the result to the person (alert, or toast for quiet
 * successes) and appends a row to "Nhật ký". A thrown Error becomes a failed outcome whose
 * message is shown as it is — every Error raised by our code is written in Vietnamese.
 */
export function runAction(
  label: string,
  fn: (ctx: ActionContext) => ActionOutcome,
  options: ActionOptions = {},
): ActionOutcome {
  const startedMs = options.startedMs ?? new Date().getTime();
  const master = options.master ?? MasterWorkbook.active();
  const interactive = options.interactive ?? true;
  // A trigger runs as the admin who installed it; Session.getActiveUser() may be '' there.
  const ctx: ActionContext = {
    master,
    user: interactive ? activeUserEmail() : effectiveUserEmail(),
    interactive,
    startedMs,
  };
  let outcome: ActionOutcome;
  try {
    outcome = fn(ctx);
  } catch (e) {
    const message = explainError(e instanceof Error ? e.message : String(e));
    outcome = { ok: false, summary: message, counts: '', problems: [] };
  }
  let logged = true;
  try {
    master.appendLog([
      formatTimestamp(new Date(), master.timeZone()),
      ctx.user,
      label,
      outcome.ok ? 'Thành công' : 'Không thành công',
      outcome.counts,
      [outcome.ok ? '' : outcome.summary, ...outcome.problems].filter(Boolean).join('\n'),
    ]);
  } catch {
    logged = false; // the outcome still reaches the person; the missing log line is said
  }
  if (!logged) outcome = { ...outcome, problems: [...outcome.problems, 'Không ghi được trang "Nhật ký".'] };
  if (ctx.interactive) report(master, label, outcome);
  return outcome;
}

function report(master: MasterWorkbook, label: string, outcome: ActionOutcome): void {
  if (outcome.ok && outcome.problems.length === 0) {
    toast(master.ss, outcome.summary, label);
    return;
  }
  const shown = outcome.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `• ${p}`);
  const more = outcome.problems.length - shown.length;
  if (more > 0) shown.push(`… và ${more} vấn đề khác (xem trang "Nhật ký").`);
  alert(label, [outcome.summary, ...shown].join('\n'));
}

/**
 * An action that must not overlap another run of any locked action (two admins, or a trigger and
 * an admin): it waits briefly for the script lock, else is refused — with the refusal shown and
 * logged like any outcome.
 */
export function runLockedAction(
  label: string,
  fn: (ctx: ActionContext) => ActionOutcome,
  options: ActionOptions = {},
): ActionOutcome {
  return runAction(label, (ctx) => withScriptLock(label, () => fn(ctx)), options);
}
