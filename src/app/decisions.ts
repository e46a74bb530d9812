import { SCOPE } from '../domain/scopes';
import { spreadsheetUrl } from '../domain/unit-file/naming';
import { Unit } from '../domain/registry/unit';
import { TrackRecord } from '../domain/tracking/status';
import { trackKey } from '../domain/tracking/track-sheet';
import {
  OFFICE_DECISION_ACCEPTED,
  OFFICE_DECISION_RETURNED,
  Round,
  UNIT_STATE_DRAFTING,
} from '../domain/unit-file/submission';
import { CellValue } from '../domain/cell';
import { OfficeConfig } from '../domain/config/fields';
import {
  alreadySent as wasSent,
  mailLogSpec,
  MAIL_INTENT,
  MAIL_LOG_SHEET,
  MAIL_STATE_COLUMN,
  MAIL_UNCERTAIN,
  noticeTier,
} from '../domain/tracking/mail-log';
import { valueText } from '../domain/problem';
import { remainingMailQuota } from '../gas/mail';
import { MasterWorkbook } from '../gas/master';
import { openSpreadsheet } from '../gas/spreadsheets';
import { prompt } from '../gas/ui';
import { unlockRound, writeOfficeCells, writeUnitState } from '../gas/unit-locks';
import { formatTimestamp } from '../gas/values';
import { ActionContext, ActionOutcome, runLockedAction } from './action';
import { loadConfig, requireAdmin } from './config';
import { loadUnits, protectionEditors } from './provision';
import { loadTrackState, refreshJob, unitRounds, writeTracking } from './tracking';
import { LoggedMail, reportUnresolvedMail, sendLogged } from './logged-mail';
import { loadRecord } from './jobs/runner';
import { periodKey } from '../domain/progress/periods';

/** Suffix a person adds to a unit code to mean its proposals round ("TP/DX"). */
export const PROPOSALS_SUFFIX = '/DX';

export interface DecisionTarget {
  readonly unit: Unit;
  readonly round: Round;
  readonly index: number;
}

/**
 * "TP" → the unit's plan; "TP/DX" → its proposals; "TP/Quý I" (or "TP/quy-i") → its progress
 * report of that period, once the period is a round of the unit. A clear error for anything else.
 */
export function findTarget(
  units: readonly Unit[],
  roundsOf: (u: Unit) => Round[],
  text: string,
): DecisionTarget {
  const raw = text.normalize('NFC').trim().toUpperCase();
  const proposals = raw.endsWith(PROPOSALS_SUFFIX);
  const slash = raw.lastIndexOf('/');
  const byCode = (code: string) => units.find((u) => u.code.toUpperCase() === code);
  // A code may itself hold "/": the whole text is a code first.
  const periodPart = !proposals && slash > 0 && !byCode(raw) ? raw.slice(slash + 1).trim() : '';
  const code = proposals
    ? raw.slice(0, -PROPOSALS_SUFFIX.length).trim()
    : periodPart
      ? raw.slice(0, slash).trim()
      : raw;
  const unit = byCode(code);
  if (!unit) throw new Error(`Không có đơn vị mã "${code}" trong trang "Đơn vị".`);
  const rounds = roundsOf(unit);
  if (periodPart) {
    const wanted = periodKey(periodPart);
    const index = rounds.findIndex((r) => r.period && r.period.key === wanted);
    if (index < 0)
      throw new Error(
        `${unit.name} chưa có kỳ báo cáo tiến độ "${text.slice(text.lastIndexOf('/') + 1).trim()}" (kỳ chưa mở hoặc tên kỳ không đúng như ở trang "Cấu hình").`,
      );
    return { unit, round: rounds[index], index };
  }
  const index = rounds.findIndex((r) => r.key === (proposals ? 'proposals' : 'plan'));
  if (index < 0) throw new Error(`${unit.name} không có vòng đề xuất nhiệm vụ.`);
  return { unit, round: rounds[index], index };
}

/**
 * "Trả lại để bổ sung": the office returns a submitted round with a comment. The round's lock is
 * removed, the unit's status cell is set back to "Đang soạn" (the office asked for exactly this),
 * the comment is written in the office's cells, the tracking records the return, and the comment
 * is emailed to the focal points.
 *
 * Safe at any failed call: the unit's file is changed first (a refresh in between sees a
 * submitted round whose file says "Đang soạn", which it leaves submitted), so until the tracking
 * records the return, running "Trả lại" again redoes it all. Once recorded, the return notice is
 * pending until "Thư đã gửi" has it: running "Trả lại" again for the unit then sends just the
 * notice (with the comment recorded the first time), and never sends it twice (logged-mail).
 */
export function returnSubmission(ctx: ActionContext, targetText: string, comment: string): ActionOutcome {
  const { master } = ctx;
  const { config, state, target, key, record } = loadDecision(ctx, targetText);
  ctx.master.ensureSheet(mailLogSpec(), protectionEditors(config));
  const notice = record.noticeAtMs ? noticeTier(record.noticeAtMs) : null;
  const log = master.readSheet(MAIL_LOG_SHEET);
  const noticePending = record.status === 'returned' && notice !== null && !alreadySent(log, key, notice);
  let decided = record;
  if (!noticePending) {
    if (record.status === 'returned' && notice !== null && alreadyUncertain(log, key, notice)) {
      // The last try died between sending the notice and marking it: never sent twice; said so.
      return {
        ok: false,
        summary: `${target.unit.name} (${target.round.label}) đã được trả lại; thư báo có thể chưa đến đơn vị.`,
        counts: `${target.unit.code} ${target.round.key}`,
        problems: reportUnresolvedMailOr(
          master,
          `Thư báo trả lại ${target.unit.name} chưa rõ đã gửi hay chưa (xem trang "${MAIL_LOG_SHEET}"); không gửi lại để tránh gửi hai lần — hãy kiểm tra hộp thư đã gửi.`,
        ),
      };
    }
    if (record.status === 'returned' && notice !== null) {
      // Already returned and told: a rerun after a run that died once both were recorded finishes
      // what that run left (the tracking's rebuild) and says so; it returns nothing twice.
      writeTracking(master, state);
      return {
        ok: true,
        summary: `${target.unit.name} (${target.round.label}) đã được trả lại trước đó (ý kiến: "${record.comment}"); không trả lại lần nữa.`,
        counts: `${target.unit.code} ${target.round.key}`,
        problems: [],
      };
    }
    if (record.status !== 'submitted') {
      throw new Error(
        `${target.unit.name} (${target.round.label}) chưa nộp hoặc đã được tiếp nhận nên không trả lại được.`,
      );
    }
    if (comment.trim() === '') throw new Error('Cần ghi ý kiến để đơn vị biết phải bổ sung gì.');
    const now = new Date().getTime();
    decided = {
      ...record,
      status: 'returned',
      decidedBy: ctx.user,
      comment: comment.trim(),
      decidedAtMs: now,
      noticeAtMs: now,
    };
    const ss = openSpreadsheet(target.unit.fileId);
    unlockRound(ss, target.round);
    writeUnitState(ss, target.index, UNIT_STATE_DRAFTING);
    writeOfficeCells(ss, target.index, OFFICE_DECISION_RETURNED, decided.comment, timeText(master, now));
    state.records.set(key, decided);
    writeTracking(master, state);
  } else {
    // The return was recorded by a run that died before its notice went: that run's tracking
    // rebuild may not have finished either, so it is finished first (a rebuild is safe to repeat).
    writeTracking(master, state);
  }
  const problems: string[] = [];
  const mail = returnMail(target, config, decided.comment);
  const canSend = remainingMailQuota() >= mail.to.length + mail.cc.length;
  if (canSend) {
    sendLogged(
      master,
      {
        unitCode: target.unit.code,
        unitName: target.unit.name,
        roundLabel: target.round.label,
        roundKey: target.round.key,
        tier: noticeTier(decided.noticeAtMs as number),
        mail,
      },
      config.coordinatingOffice,
      log,
    );
  } else {
    problems.push(
      'Hết hạn mức gửi thư trong ngày: chưa báo được cho đơn vị qua thư. Ngày mai chọn lại "Trả lại để bổ sung" cho đơn vị này để gửi thư báo.',
    );
  }
  problems.push(...reportUnresolvedMail(master));
  return {
    ok: problems.length === 0,
    summary: !noticePending
      ? `Đã trả lại để bổ sung: ${target.unit.name} - ${target.round.label}.`
      : canSend
        ? `Đã gửi thư báo trả lại (ý kiến đã ghi lần trước): ${target.unit.name} - ${target.round.label}.`
        : `Đã trả lại trước đó; chưa gửi được thư báo: ${target.unit.name} - ${target.round.label}.`,
    counts: `${target.unit.code} ${target.round.key}`,
    problems,
  };
}

/**
 * What "Trả lại để bổ sung" would email for this unit and comment, sending and writing nothing
 * (the sidebar shows it before the person confirms). Refused as the return itself would be.
 */
export function returnPreview(ctx: ActionContext, targetText: string, comment: string): LoggedMail['mail'] {
  const { config, target, record } = loadDecision(ctx, targetText);
  if (record.status !== 'submitted') {
    throw new Error(
      `${target.unit.name} (${target.round.label}) chưa nộp hoặc đã được tiếp nhận nên không trả lại được.`,
    );
  }
  if (comment.trim() === '') throw new Error('Cần ghi ý kiến để đơn vị biết phải bổ sung gì.');
  return returnMail(target, config, comment.trim());
}

function returnMail(target: DecisionTarget, config: OfficeConfig, comment: string): LoggedMail['mail'] {
  return {
    to: target.unit.focalEmails,
    cc: [],
    subject: `[Cần bổ sung] ${target.round.label} - ${target.unit.name}`,
    body: [
      `Kính gửi: ${target.unit.name},`,
      '',
      `${config.coordinatingOffice} đề nghị đơn vị bổ sung, hoàn thiện ${target.round.label}:`,
      comment,
      '',
      `Bảng tính của đơn vị đã được mở khóa: ${spreadsheetUrl(target.unit.fileId)}`,
      'Sau khi bổ sung, vui lòng chọn lại "Đã hoàn thành, đề nghị tiếp nhận" ở trang "Nộp kế hoạch".',
      '',
      'Trân trọng,',
      config.coordinatingOffice,
    ].join('\n'),
  };
}

function alreadySent(log: CellValue[][], key: string, tier: string): boolean {
  const [code, round] = key.split('|');
  return wasSent(log, code, round, tier);
}

function reportUnresolvedMailOr(master: MasterWorkbook, text: string): string[] {
  const reported = reportUnresolvedMail(master);
  return reported.length > 0 ? reported : [text];
}

function alreadyUncertain(log: CellValue[][], key: string, tier: string): boolean {
  const [code, round] = key.split('|');
  return log.some(
    (row) =>
      valueText(row[1]) === code &&
      valueText(row[4]) === round &&
      valueText(row[5]) === tier &&
      [MAIL_INTENT, MAIL_UNCERTAIN].includes(valueText(row[MAIL_STATE_COLUMN - 1])),
  );
}

/**
 * "Tiếp nhận": the office accepts a submitted round; it stays locked; who and when are recorded.
 * The unit's file is told first, the tracking last: until the tracking records it, running
 * "Tiếp nhận" again redoes both.
 */
export function acceptSubmission(ctx: ActionContext, targetText: string): ActionOutcome {
  const { master } = ctx;
  const { state, target, key, record } = loadDecision(ctx, targetText);
  if (record.status === 'accepted') {
    // A rerun after a run that died once the acceptance was recorded: it finishes what that run
    // left (the tracking's rebuild) and says so; accepting twice changes nothing.
    writeTracking(master, state);
    return {
      ok: true,
      summary: `${target.unit.name} (${target.round.label}) đã được tiếp nhận trước đó.`,
      counts: `${target.unit.code} ${target.round.key}`,
      problems: [],
    };
  }
  if (record.status !== 'submitted') {
    throw new Error(
      `${target.unit.name} (${target.round.label}) chưa ở trạng thái "Đã nộp" nên chưa tiếp nhận được.`,
    );
  }
  const now = new Date().getTime();
  writeOfficeCells(
    openSpreadsheet(target.unit.fileId),
    target.index,
    OFFICE_DECISION_ACCEPTED,
    '',
    timeText(master, now),
  );
  state.records.set(key, {
    ...record,
    status: 'accepted',
    decidedBy: ctx.user,
    comment: '',
    decidedAtMs: now,
  });
  writeTracking(master, state);
  return {
    ok: true,
    summary: `Đã tiếp nhận: ${target.unit.name} - ${target.round.label}.`,
    counts: `${target.unit.code} ${target.round.key}`,
    problems: [],
  };
}

function timeText(master: MasterWorkbook, ms: number): string {
  return formatTimestamp(new Date(ms), master.timeZone());
}

function loadDecision(ctx: ActionContext, targetText: string) {
  const { master } = ctx;
  const config = loadConfig(master);
  requireAdmin(config, ctx.user);
  if (loadRecord(refreshJob.name)) {
    // Its finish would write back the records it read before this decision.
    throw new Error(
      '"Cập nhật trạng thái" đang chạy dở. Chờ thao tác đó xong (xem trang "Tiến độ") rồi thực hiện lại.',
    );
  }
  const units = loadUnits(master, config);
  const state = loadTrackState(master, config, units);
  const target = findTarget(units, (u) => unitRounds(config, u, state.records, state.today), targetText);
  const key = trackKey(target.unit.code, target.round.key);
  return { config, state, target, key, record: state.records.get(key) as TrackRecord };
}

/** Asks which unit (and the comment, for a return) with dialogs; null when the person cancels. */
function askTarget(question: string): string | null {
  return prompt(
    'Chọn đơn vị',
    `${question}\nNhập mã đơn vị (cột "Mã đơn vị"); với đề xuất nhiệm vụ thêm ${PROPOSALS_SUFFIX}, ví dụ TP${PROPOSALS_SUFFIX}; với báo cáo tiến độ thêm / và tên kỳ, ví dụ TP/Quý I.`,
  );
}

/** Menu: asks which unit, then accepts. Cancelling a dialog does nothing. */
export function acceptFromMenu(): void {
  const target = askTarget('Tiếp nhận kế hoạch đã nộp của đơn vị nào?');
  if (target !== null) runLockedAction('Tiếp nhận kế hoạch', (ctx) => acceptSubmission(ctx, target));
}

/** Menu: asks which unit and the comment, then returns it. */
export function returnFromMenu(): void {
  const target = askTarget('Trả lại kế hoạch của đơn vị nào để bổ sung?');
  if (target === null) return;
  const comment = prompt('Ý kiến', 'Ý kiến của cơ quan tổng hợp (sẽ gửi cho đơn vị):');
  if (comment !== null)
    runLockedAction('Trả lại để bổ sung', (ctx) => returnSubmission(ctx, target, comment), {
      scopes: [SCOPE.sendMail],
    });
}
