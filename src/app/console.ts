/**
 * "Bảng điều khiển": the sidebar's server side. Every function the page calls is here, behind
 * one export each in src/index.ts. Each checks what the page sent (codes, comment) and who asks
 * (an admin), then hands over to the same use case as the menu item, with the same lock, log and
 * permission checks — the sidebar only shows the outcome itself instead of a dialog.
 */
import {
  ActionResult,
  checkCodes,
  checkComment,
  checkTargetText,
  ConsoleSnapshot,
  FlagKey,
  JobView,
  MailPreview,
  RoundView,
  UnitView,
} from '../domain/console/view';
import { PROBLEMS_SHEET } from '../domain/consolidate/master-sheets';
import { formatDateVn } from '../domain/dates';
import { PHASE_LABELS, PROGRESS_SHEET } from '../domain/jobs/progress';
import { LOG_SHEET } from '../domain/master/layout';
import { valueText } from '../domain/problem';
import { registryColumn, REGISTRY_HEADER_ROW } from '../domain/registry/columns';
import { Unit } from '../domain/registry/unit';
import { SCOPE } from '../domain/scopes';
import { flagsOf, STATUS_LABELS, TrackRecord } from '../domain/tracking/status';
import { trackKey } from '../domain/tracking/track-sheet';
import { spreadsheetUrl } from '../domain/unit-file/naming';
import { Round } from '../domain/unit-file/submission';
import { MasterWorkbook } from '../gas/master';
import { activeUserEmail } from '../gas/session';
import { showRows, showSidebar } from '../gas/sidebar';
import { alert } from '../gas/ui';
import { dateOnlyOf, formatTimestamp } from '../gas/values';
import { ActionContext, ActionOutcome, runLockedAction } from './action';
import { loadConfig, requireAdmin } from './config';
import { acceptSubmission, PROPOSALS_SUFFIX, returnPreview, returnSubmission } from './decisions';
import { generateJob, generateUnitPlans } from './generate';
import { jobScopes } from './jobs/job';
import { continueJobs } from './jobs/registry';
import { CONTINUE_AFTER_MS, loadRecord, pendingJobNames, STALLED_AFTER_MS } from './jobs/runner';
import { loadUnits } from './provision';
import { previewReminders, remindUnits } from './reminders';
import { loadTrackState, unitRounds } from './tracking';
import { problemCounts } from './problem-counts';

export const CONSOLE_TITLE = 'Bảng điều khiển';
/** dist/console.html, built from src/client/ by scripts/build.mjs. */
export const CONSOLE_FILE = 'console';
/** "Nhật ký" rows read for each operation's last error (the newest are at the bottom). */
const LOG_ROWS_READ = 200;

/** Menu: opens the sidebar — only for an admin (the data and every action check again). */
export function openConsole(): void {
  try {
    requireAdmin(loadConfig(MasterWorkbook.active()), activeUserEmail());
  } catch (e) {
    alert(CONSOLE_TITLE, e instanceof Error ? e.message : String(e));
    return;
  }
  showSidebar(CONSOLE_FILE, CONSOLE_TITLE);
}

/** A read for the sidebar: the person must be an admin; nothing is logged (it is polled). */
function readAsAdmin<T>(fn: (ctx: ActionContext) => T): T {
  const master = MasterWorkbook.active();
  const ctx: ActionContext = {
    master,
    user: activeUserEmail(),
    interactive: true,
    startedMs: new Date().getTime(),
  };
  requireAdmin(loadConfig(master), ctx.user);
  return fn(ctx);
}

function result(outcome: ActionOutcome): ActionResult {
  return { ok: outcome.ok, summary: outcome.summary, problems: [...outcome.problems] };
}

/** Every unit with its rounds, flags, problems and links; and the long operations. */
export function consoleSnapshot(): ConsoleSnapshot {
  return readAsAdmin((ctx) => {
    const { master } = ctx;
    const config = loadConfig(master);
    // One registry read for the units and their rows' links (a second read could see rows moved).
    const registry = master.readRegistry();
    const units = loadUnits(master, config, registry);
    const state = loadTrackState(master, config, units);
    const zone = master.timeZone();
    // The day the records were loaded for: every round unitRounds gives then has its record.
    const today = state.today;
    const time = (ms: number | null) => (ms === null ? '' : formatTimestamp(new Date(ms), zone));
    const problems = problemCounts(master);
    const docColumn = registryColumn('planDoc') - 1;
    const roundView = (unit: Unit, round: Round): RoundView => {
      const record = state.records.get(trackKey(unit.code, round.key)) as TrackRecord;
      const submittedDay =
        record.submittedAtMs === null ? null : dateOnlyOf(new Date(record.submittedAtMs), zone);
      const flags = flagsOf(record, round.deadline, today, submittedDay);
      return {
        target: round.key === 'proposals' ? unit.code + PROPOSALS_SUFFIX : unit.code,
        label: round.label,
        status: record.status,
        statusLabel: STATUS_LABELS[record.status],
        flags: (Object.keys(flags) as FlagKey[]).filter((k) => flags[k]),
        deadline: formatDateVn(round.deadline),
        submittedAt: time(record.submittedAtMs),
        decidedAt: time(record.decidedAtMs),
        comment: record.comment,
      };
    };
    const views: UnitView[] = units.map((unit) => {
      const rounds = unitRounds(config, unit, state.records, today);
      const records = rounds.map((r) => state.records.get(trackKey(unit.code, r.key)) as TrackRecord);
      const latest = Math.max(0, ...records.flatMap((r) => [r.submittedAtMs ?? 0, r.decidedAtMs ?? 0]));
      const snapshots = records.flatMap((r) => r.snapshotIds);
      const row = registry[unit.row - REGISTRY_HEADER_ROW - 1] ?? [];
      return {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        plan: roundView(unit, rounds[0]),
        proposals: rounds[1] ? roundView(unit, rounds[1]) : null,
        lastChange: latest > 0 ? time(latest) : '',
        problems: problems ? (problems.get(unit.code) ?? 0) : null,
        fileUrl: unit.fileId ? spreadsheetUrl(unit.fileId) : '',
        submittedUrl: snapshots.length > 0 ? spreadsheetUrl(snapshots[snapshots.length - 1]) : '',
        docUrl: valueText(row[docColumn]),
      };
    });
    return {
      planYear: config.planYear,
      today: formatDateVn(today),
      user: ctx.user,
      kinds: [...new Set(units.map((u) => u.kind))],
      units: views,
      jobs: jobViews(master),
    };
  });
}

/** The long operations: each row of "Tiến độ", with what the paused ones' records add. */
function jobViews(master: MasterWorkbook): JobView[] {
  const zone = master.timeZone();
  const now = new Date().getTime();
  const time = (ms: number) => formatTimestamp(new Date(ms), zone);
  const pending = pendingJobNames()
    .map((name) => loadRecord<unknown>(name))
    .filter((r): r is NonNullable<typeof r> => r !== null);
  const log = master.readLastRows(LOG_SHEET, LOG_ROWS_READ);
  const lastError = (label: string) => {
    const row = [...log]
      .reverse()
      .find((r) => valueText(r[2]).startsWith(label) && valueText(r[3]) === 'Không thành công');
    return row ? `${valueText(row[0])}: ${valueText(row[5])}` : '';
  };
  const rows = master.readSheet(PROGRESS_SHEET).slice(1);
  return rows
    .filter((r) => valueText(r[0]) !== '')
    .map((r) => {
      const label = valueText(r[0]);
      const record = pending.find((p) => p.label === label);
      const waiting = record !== undefined && valueText(r[1]) !== PHASE_LABELS.running;
      return {
        label,
        done: record ? record.done : Number(r[2]) || 0,
        total: record ? record.total : Number(r[3]) || 0,
        phase: valueText(r[1]),
        updatedAt: record ? time(record.updatedMs) : valueText(r[5]),
        continuesAt: waiting ? time(record.updatedMs + CONTINUE_AFTER_MS) : '',
        failures: record ? record.failures : 0,
        lastError: lastError(label),
        stalled: record !== undefined && now - record.updatedMs > STALLED_AFTER_MS,
      };
    });
}

export function consoleProgress(): JobView[] {
  return readAsAdmin((ctx) => jobViews(ctx.master));
}

/** The unit codes must be in the registry: named in Vietnamese when not. */
function checkKnown(ctx: ActionContext, codes: readonly string[]): string[] {
  const units = loadUnits(ctx.master, loadConfig(ctx.master));
  const byUpper = new Map(units.map((u) => [u.code.toUpperCase(), u.code]));
  const unknown = codes.filter((c) => !byUpper.has(c.toUpperCase()));
  if (unknown.length > 0)
    throw new Error(`Không có đơn vị mã ${unknown.map((c) => `"${c}"`).join(', ')} trong trang "Đơn vị".`);
  return codes.map((c) => byUpper.get(c.toUpperCase()) as string);
}

export function consoleAccept(target: unknown): ActionResult {
  const text = checkTargetText(target);
  return result(
    runLockedAction('Tiếp nhận kế hoạch', (ctx) => acceptSubmission(ctx, text), { report: false }),
  );
}

export function consoleReturnPreview(target: unknown, comment: unknown): MailPreview {
  const text = checkTargetText(target);
  const checked = checkComment(comment);
  return readAsAdmin((ctx) => returnPreview(ctx, text, checked));
}

export function consoleReturn(target: unknown, comment: unknown): ActionResult {
  const text = checkTargetText(target);
  const checked = checkComment(comment);
  return result(
    runLockedAction('Trả lại để bổ sung', (ctx) => returnSubmission(ctx, text, checked), {
      scopes: [SCOPE.sendMail],
      report: false,
    }),
  );
}

export function consoleGenerate(codes: unknown): ActionResult {
  const checked = checkCodes(codes);
  return result(
    runLockedAction(
      'Tạo văn bản kế hoạch',
      (ctx) => generateUnitPlans(ctx, checkKnown(ctx, checked).join(', ')),
      { scopes: jobScopes(generateJob), report: false },
    ),
  );
}

export function consoleRemindPreview(codes: unknown): ActionResult {
  const checked = checkCodes(codes);
  return readAsAdmin((ctx) => result(previewReminders(ctx, checkKnown(ctx, checked))));
}

export function consoleRemind(codes: unknown): ActionResult {
  const checked = checkCodes(codes);
  return result(
    runLockedAction('Gửi nhắc nhở cho đơn vị đã chọn', (ctx) => remindUnits(ctx, checkKnown(ctx, checked)), {
      scopes: [SCOPE.sendMail],
      report: false,
    }),
  );
}

/** Shows "Lỗi dữ liệu" with the unit's rows selected; returns their problem texts. */
export function consoleShowProblems(code: unknown): ActionResult {
  const [checked] = checkCodes([code]);
  return readAsAdmin((ctx) => {
    const [known] = checkKnown(ctx, [checked]);
    const grid = ctx.master.readSheet(PROBLEMS_SHEET);
    if (grid.length === 0)
      return { ok: false, summary: 'Chưa tổng hợp lần nào: chưa có trang "Lỗi dữ liệu".', problems: [] };
    const rows = grid
      .map((r, i) => ({ r, sheetRow: i + 1 }))
      .filter((x) => x.sheetRow > 1 && valueText(x.r[0]) === known);
    if (rows.length > 0)
      showRows(ctx.master.ss, PROBLEMS_SHEET, rows[0].sheetRow, rows[rows.length - 1].sheetRow);
    return {
      ok: true,
      summary:
        rows.length === 0
          ? `Đơn vị ${known} không có lỗi dữ liệu trong lần tổng hợp gần nhất.`
          : `Đơn vị ${known}: ${rows.length} lỗi dữ liệu (đã chọn trong trang "${PROBLEMS_SHEET}").`,
      problems: rows.map((x) => `${valueText(x.r[2])}!${valueText(x.r[3])}: ${valueText(x.r[6])}`),
    };
  });
}

/** "Chạy tiếp": resumes the first paused operation now, as the menu item does. */
export function consoleContinue(): ActionResult {
  readAsAdmin(() => null);
  const outcome = continueJobs(true, { report: false });
  return outcome ? result(outcome) : { ok: true, summary: 'Không có thao tác nào đang dở.', problems: [] };
}
