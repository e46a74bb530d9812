import { SCOPE } from '../domain/scopes';
import { OfficeConfig } from '../domain/config/fields';
import { Unit } from '../domain/registry/unit';
import { CellValue } from '../domain/cell';
import { mailLogSpec, MAIL_LOG_SHEET, sentFromRow, sentTiers } from '../domain/tracking/mail-log';
import {
  dueTier,
  recipientCount,
  reminderMail,
  ReminderMail,
  reminderReserve,
  ReminderTier,
} from '../domain/tracking/reminders';
import { emptyRecord } from '../domain/tracking/status';
import { msToPacificMidnight, resumeText } from '../gas/doc-quota';
import { deleteTriggers, once } from '../gas/triggers';
import { trackKey } from '../domain/tracking/track-sheet';
import { Round } from '../domain/unit-file/submission';
import { spreadsheetUrl } from '../domain/unit-file/naming';
import { remainingMailQuota } from '../gas/mail';
import { MasterWorkbook } from '../gas/master';
import { ActionContext, ActionOutcome } from './action';
import { reportUnresolvedMail, sendLoggedBatch } from './logged-mail';
import { Job } from './jobs/job';
import { memo } from './jobs/memo';
import { loadConfig, requireAdmin } from './config';
import { loadUnits, protectionEditors } from './provision';
import { decodeDone } from '../domain/jobs/done-codes';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import { loadRecord, runJob } from './jobs/runner';
import { loadTrackState, TrackState, unitRounds, UNREADABLE_UNITS_KEY, writeTracking } from './tracking';
import { problemCounts } from './problem-counts';

interface PlannedReminder {
  readonly unit: Unit;
  readonly round: Round;
  readonly tier: ReminderTier;
  readonly mail: ReminderMail;
}

/** Who gets what today: one reminder per unit and round whose tier is due and not yet sent. */
export function planReminders(
  master: MasterWorkbook,
  config: OfficeConfig,
  state: TrackState,
  onlyCodes: readonly string[] | null = null,
  log: readonly (readonly CellValue[])[] = master.readSheet(MAIL_LOG_SHEET),
): PlannedReminder[] {
  const today = state.today;
  const policy = { daysBefore: config.reminderDaysBefore, overdueEveryDays: config.reminderOverdueEveryDays };
  const sent = sentTiers(log);
  const problems = problemCounts(master);
  const planned: PlannedReminder[] = [];
  // A status the last refresh could not read is not known: no reminder is based on it.
  const unreadable = new Set(decodeDone(readDocumentJson<string>(UNREADABLE_UNITS_KEY) ?? ''));
  const chosen = (u: Unit) => onlyCodes === null || onlyCodes.includes(u.code);
  for (const unit of state.units.filter((u) => u.fileId && !unreadable.has(u.code) && chosen(u))) {
    for (const round of unitRounds(config, unit, state.records, today)) {
      const key = trackKey(unit.code, round.key);
      const record = state.records.get(key) ?? emptyRecord(unit.code, round.key);
      const tier = dueTier(record.status, round.deadline, today, sent.get(key) ?? [], policy);
      if (!tier) continue;
      const mail = reminderMail(tier, {
        unitName: unit.name,
        roundLabel: round.label,
        deadline: round.deadline,
        fileUrl: spreadsheetUrl(unit.fileId),
        problems: problems ? (problems.get(unit.code) ?? 0) : null,
        office: config.coordinatingOffice,
        focalEmails: unit.focalEmails,
        headEmail: unit.headEmail,
      });
      planned.push({ unit, round, tier, mail });
    }
  }
  // The most overdue first: if the quota runs out, the latest units were reminded.
  return planned.sort((a, b) => a.tier.daysLeft - b.tier.daysLeft);
}

function describe(p: PlannedReminder): string {
  const cc = p.mail.cc.length > 0 ? `, đồng gửi ${p.mail.cc.join(', ')}` : '';
  return `${p.unit.name} - ${p.round.label} (${p.tier.key}): ${p.mail.to.join(', ')}${cc}`;
}

/** "Xem trước nhắc nhở": lists who would get what today, sending nothing. */
export function previewReminders(
  ctx: ActionContext,
  onlyCodes: readonly string[] | null = null,
): ActionOutcome {
  const config = loadConfig(ctx.master);
  requireAdmin(config, ctx.user);
  const log = ctx.master.readSheet(MAIL_LOG_SHEET);
  const state = loadTrackState(ctx.master, config, loadUnits(ctx.master, config), log);
  const planned = planReminders(ctx.master, config, state, onlyCodes, log);
  const recipients = planned.reduce((n, p) => n + recipientCount(p.mail), 0);
  const quota = remainingMailQuota();
  return {
    ok: true,
    summary:
      planned.length === 0
        ? 'Hôm nay không có thư nhắc nào cần gửi. (Chỉ xem trước, chưa gửi thư nào.)'
        : `Nếu gửi bây giờ: ${planned.length} thư, ${recipients} người nhận (hạn mức còn ${quota}). Chỉ xem trước, chưa gửi thư nào:`,
    counts: `xem trước ${planned.length} thư`,
    problems: planned.map(describe),
  };
}

/** The trigger that sends the daily reminders a quota left, after Google resets it (src/index.ts). */
export const REMIND_AFTER_RESET_HANDLER = 'remindAfterQuotaResetTrigger';
/** After the reset, a margin for clocks that differ (Google's and ours), as for documents. */
const AFTER_RESET_MS = 10 * 60 * 1000;

/** One pending trigger after the next Pacific midnight; returns when, in the office's words. */
function remindAfterReset(zone: string): string {
  const waitMs = msToPacificMidnight(new Date().getTime()) + AFTER_RESET_MS;
  deleteTriggers(REMIND_AFTER_RESET_HANDLER);
  once(REMIND_AFTER_RESET_HANDLER, waitMs);
  return resumeText(new Date().getTime() + waitMs, zone);
}

/** Emails per step: each is a send (about half a second modeled); the log is two writes a step. */
const REMIND_CHUNK = 40;

interface RemindState {
  readonly sent: number;
  /**
   * The first row of "Thư đã gửi" this run may append (its row count + 1 at the start): a step that
   * died after sending had its count lost with it, and its rows from here on tell it again.
   * Absent in a run paused before this existed (then nothing is recounted).
   */
  readonly firstLogRow?: number;
  /** Left unsent because the daily quota, or the reminders' share of it, ran out (the run then stops). */
  readonly leftForQuota: number;
  readonly quotaLeft: number;
  /**
   * Recipients kept for other mail when the run stopped at the reminders' share of the quota
   * (absent: it stopped at the quota itself, or did not stop).
   */
  readonly kept?: number;
  readonly done: boolean;
  readonly unsent: readonly string[];
  /** Only these units (the sidebar's "Nhắc ngay" for the selected units); absent: every unit. */
  readonly codes?: readonly string[];
}

function remindSetup(ctx: ActionContext) {
  return memo(ctx, 'remind', () => {
    const config = loadConfig(ctx.master);
    requireAdmin(config, ctx.user);
    const units = loadUnits(ctx.master, config);
    ctx.master.ensureSheet(mailLogSpec(), protectionEditors(config));
    return { config, units };
  });
}

/**
 * "Gửi nhắc nhở" (and the daily trigger): sends today's due tiers, each logged in "Thư đã gửi"
 * before it goes and marked sent after (see logged-mail) — the log is what stops a tier going
 * twice, also when a step is run again.
 * The daily quota is read first; when it would be exceeded, the run sends what fits and stops,
 * saying how many are left. Works in steps.
 */
export const remindJob: Job<RemindState> = remindJobFor('remind', 'Gửi nhắc nhở', () => undefined);

/** The codes the sidebar chose for "Nhắc ngay", read once when that run begins. */
const SELECTED_CODES_KEY = 'cchc.remind.codes';

/**
 * The sidebar's "Nhắc ngay" for the selected units: the same reminders, logs and quota rules as
 * "Gửi nhắc nhở", for those units only (a job of its own, so a paused daily run is not narrowed).
 */
export const remindSelectedJob: Job<RemindState> = remindJobFor(
  'remind-selected',
  'Gửi nhắc nhở cho đơn vị đã chọn',
  () => readDocumentJson<string[]>(SELECTED_CODES_KEY) ?? [],
);

/** Starts (or resumes) "Nhắc ngay" for these codes; rights first, as generateUnitPlans. */
export function remindUnits(ctx: ActionContext, codes: readonly string[]): ActionOutcome {
  requireAdmin(loadConfig(ctx.master), ctx.user);
  if (!loadRecord(remindSelectedJob.name)) writeDocumentJson(SELECTED_CODES_KEY, [...codes]);
  return runJob(ctx, remindSelectedJob, ctx.startedMs);
}

function remindJobFor(
  name: string,
  label: string,
  codesOf: () => readonly string[] | undefined,
): Job<RemindState> {
  return {
    name,
    label,
    scopes: [SCOPE.sendMail],
    stepMs: REMIND_CHUNK * 1000,
    begin(ctx) {
      const { config, units } = remindSetup(ctx);
      const codes = codesOf();
      const log = ctx.master.readSheet(MAIL_LOG_SHEET);
      const state = loadTrackState(ctx.master, config, units, log);
      const total = planReminders(ctx.master, config, state, codes ?? null, log).length;
      return {
        state: {
          sent: 0,
          firstLogRow: Math.max(2, log.length + 1),
          leftForQuota: 0,
          quotaLeft: 0,
          done: total === 0,
          unsent: [],
          ...(codes ? { codes } : {}),
        },
        total,
      };
    },
    step(ctx, current) {
      const { master } = ctx;
      const { config, units } = remindSetup(ctx);
      // Planned afresh from the log each step: what a dead step had sent is not sent again, and is
      // counted (the state saved before that step does not know it went).
      const log = master.readSheet(MAIL_LOG_SHEET);
      const state =
        current.firstLogRow === undefined
          ? current
          : { ...current, sent: Math.max(current.sent, sentFromRow(log, current.firstLogRow)) };
      const planned = planReminders(
        master,
        config,
        loadTrackState(master, config, units, log),
        state.codes ?? null,
        log,
      );
      // The reminders' share of the day's quota: what they may still use, the rest kept.
      const reserve = reminderReserve(config.googleAccount, config.reminderQuotaShare);
      const quotaNow = remainingMailQuota();
      let quota = Math.max(0, quotaNow - reserve);
      // The step's emails that fit, in order; the first that does not fit stops them.
      const batch: PlannedReminder[] = [];
      for (const p of planned.slice(0, REMIND_CHUNK)) {
        const needed = recipientCount(p.mail);
        if (needed > quota) break;
        batch.push(p);
        quota -= needed;
      }
      // The log is written twice per step (every intent, then every outcome), not twice per email.
      const sent = sendLoggedBatch(
        master,
        batch.map((p) => ({
          unitCode: p.unit.code,
          unitName: p.unit.name,
          roundLabel: p.round.label,
          roundKey: p.round.key,
          tier: p.tier.key,
          mail: p.mail,
        })),
        config.coordinatingOffice,
        log,
      );
      if (batch.length < Math.min(planned.length, REMIND_CHUNK)) {
        const left = planned.slice(sent);
        const used = batch.reduce((n, p) => n + recipientCount(p.mail), 0);
        // Stopped by the share when the quota itself still had room for the next email.
        const byShare = left.length > 0 && recipientCount(left[0].mail) <= quotaNow - used;
        return {
          state: {
            ...state,
            sent: state.sent + sent,
            leftForQuota: left.length,
            quotaLeft: quota,
            ...(byShare ? { kept: quotaNow - used } : {}),
            done: true,
            unsent: left.slice(0, 40).map(describe),
          },
          done: state.sent + sent,
        };
      }
      return {
        state: { ...state, sent: state.sent + sent, quotaLeft: quota, done: planned.length <= REMIND_CHUNK },
        done: state.sent + sent,
      };
    },
    isDone: (state) => state.done,
    finish(ctx, state) {
      const { config, units } = remindSetup(ctx);
      // Always: a step that died after sending (before its count was saved) was retried with
      // nothing left to send, yet the tracking must show what went.
      writeTracking(ctx.master, loadTrackState(ctx.master, config, units));
      // Last: if this finish dies before its result is logged, a retry reports them again.
      const uncertain = reportUnresolvedMail(ctx.master);
      const left = state.leftForQuota;
      // The daily run's emails left go by themselves once Google resets the quota (the sidebar's
      // "Nhắc ngay" is a person's choice of units: its rest waits for them or the next daily run).
      const later = left > 0 && name === remindJob.name ? remindAfterReset(ctx.master.timeZone()) : null;
      const when = later
        ? `sẽ tự gửi lúc ${later}, sau khi Google làm mới hạn mức`
        : 'sẽ được gửi ở lần chạy sau';
      const share = Math.min(100, config.reminderQuotaShare);
      return {
        ok: left === 0 && uncertain.length === 0,
        summary:
          left === 0
            ? `Đã gửi ${state.sent} thư nhắc.`
            : state.kept !== undefined
              ? `Đã gửi ${state.sent} thư nhắc; dừng lại vì thư nhắc đã dùng hết phần hạn mức gửi thư dành cho chúng (${share}% mỗi ngày), giữ lại ${state.kept} người nhận cho thư báo trả lại kế hoạch. ${left} thư chưa gửi ${when}.`
              : `Đã gửi ${state.sent} thư nhắc; dừng lại vì hết hạn mức gửi thư trong ngày (còn ${state.quotaLeft} người nhận). ${left} thư chưa gửi ${when}.`,
        counts: `gửi ${state.sent}, chưa gửi ${left}`,
        problems: [...uncertain, ...state.unsent.map((d) => `Chưa gửi: ${d}`)],
      };
    },
  };
}
