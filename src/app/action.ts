import { formatTimestamp } from '../gas/values';
import { MasterWorkbook } from '../gas/master';
import { activeUserEmail, effectiveUserEmail } from '../gas/session';
import { explainError } from '../domain/errors';
import { withScriptLock } from '../gas/lock';
import { alert, toast } from '../gas/ui';
import { actionScopes, missingScopesMessage, Scope, SCOPE } from '../domain/scopes';
import { askForScopes, missingScopes } from '../gas/scopes';
import { withBoundaryCheck } from './admin-boundary';

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
  /**
   * The permissions (OAuth scopes) the action needs beyond the master and the person's email
   * (and, with dialogs, the UI). Checked before anything else: a person who did not grant one
   * (granular consent) is told which, in Vietnamese, and nothing is done.
   */
  readonly scopes?: readonly Scope[];
  /**
   * false: the outcome is only returned and logged, not shown in a dialog or toast — the
   * sidebar ("Bảng điều khiển") shows it itself (default true).
   */
  readonly report?: boolean;
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
  const interactive = options.interactive ?? true;
  const missing = missingScopes(actionScopes(options.scopes ?? [], interactive));
  if (missing.length > 0) return refuseForScopes(label, missing, options, interactive);
  const master = options.master ?? MasterWorkbook.active();
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
  // A person at the menu is told when the master's editors are not just the admins.
  if (interactive) outcome = withBoundaryCheck(master, outcome);
  if (!log(master, ctx.user, label, outcome)) {
    outcome = { ...outcome, problems: [...outcome.problems, 'Không ghi được trang "Nhật ký".'] };
  }
  if (ctx.interactive && options.report !== false) report(master, label, outcome);
  return outcome;
}

/** Appends the outcome to "Nhật ký"; false when that failed (the person is told anyway). */
function log(master: MasterWorkbook, user: string, label: string, outcome: ActionOutcome): boolean {
  try {
    master.appendLog([
      formatTimestamp(new Date(), master.timeZone()),
      user,
      label,
      outcome.ok ? 'Thành công' : 'Không thành công',
      outcome.counts,
      [outcome.ok ? '' : outcome.summary, ...outcome.problems].filter(Boolean).join('\n'),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Some permission the action needs was not granted: nothing is done. The refusal is logged and
 * shown with what it can still reach (no dialog without the UI permission, no log without the
 * spreadsheets one); from the menu, Google's consent screen comes last — it ends the execution.
 * A trigger has no one to show it to: with the master out of reach too, the refusal is thrown so
 * that it lands in the execution's log.
 */
function refuseForScopes(
  label: string,
  missing: readonly Scope[],
  options: ActionOptions,
  interactive: boolean,
): ActionOutcome {
  const outcome: ActionOutcome = {
    ok: false,
    summary: missingScopesMessage(label, missing, interactive),
    counts: '',
    problems: [],
  };
  if (missing.includes(SCOPE.spreadsheets)) {
    if (!interactive) throw new Error(outcome.summary);
  } else {
    const master = options.master ?? MasterWorkbook.active();
    const user = missing.includes(SCOPE.email) ? '' : interactive ? activeUserEmail() : effectiveUserEmail();
    log(master, user, label, outcome);
    if (interactive && missing.includes(SCOPE.ui)) toast(master.ss, outcome.summary, label);
    else if (interactive) alert(label, outcome.summary);
  }
  if (interactive) askForScopes(missing);
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
