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
import { remainingMailQuota, sendMail } from '../gas/mail';
import { openSpreadsheet } from '../gas/spreadsheets';
import { prompt } from '../gas/ui';
import { unlockRound, writeOfficeCells, writeUnitState } from '../gas/unit-locks';
import { formatTimestamp } from '../gas/values';
import { ActionContext, ActionOutcome, runLockedAction } from './action';
import { loadConfig, requireAdmin } from './config';
import { loadUnits } from './provision';
import { loadTrackState, refreshJob, unitRounds, writeTracking } from './tracking';
import { loadRecord } from './jobs/runner';

/** Suffix a person adds to a unit code to mean its proposals round ("TP/DX"). */
export const PROPOSALS_SUFFIX = '/DX';

export interface DecisionTarget {
  readonly unit: Unit;
  readonly round: Round;
  readonly index: number;
}

/** "TP" → the unit's plan; "TP/DX" → its proposals. A clear error for anything else. */
export function findTarget(
  units: readonly Unit[],
  roundsOf: (u: Unit) => Round[],
  text: string,
): DecisionTarget {
  const raw = text.normalize('NFC').trim().toUpperCase();
  const proposals = raw.endsWith(PROPOSALS_SUFFIX);
  const code = proposals ? raw.slice(0, -PROPOSALS_SUFFIX.length).trim() : raw;
  const unit = units.find((u) => u.code.toUpperCase() === code);
  if (!unit) throw new Error(`Không có đơn vị mã "${code}" trong trang "Đơn vị".`);
  const rounds = roundsOf(unit);
  const index = rounds.findIndex((r) => r.key === (proposals ? 'proposals' : 'plan'));
  if (index < 0) throw new Error(`${unit.name} không có vòng đề xuất nhiệm vụ.`);
  return { unit, round: rounds[index], index };
}

/**
 * "Trả lại để bổ sung": the office returns a submitted round with a comment. The round's lock is
 * removed, the unit's status cell is set back to "Đang soạn" (the office asked for exactly this),
 * the comment is written in the office's cells and emailed to the focal points.
 */
export function returnSubmission(ctx: ActionContext, targetText: string, comment: string): ActionOutcome {
  return decide(
    ctx,
    targetText,
    (target, record, now) => {
      if (record.status !== 'submitted') {
        throw new Error(
          `${target.unit.name} (${target.round.label}) chưa nộp hoặc đã được tiếp nhận nên không trả lại được.`,
        );
      }
      if (comment.trim() === '') throw new Error('Cần ghi ý kiến để đơn vị biết phải bổ sung gì.');
      const ss = openSpreadsheet(target.unit.fileId);
      unlockRound(ss, target.round);
      writeUnitState(ss, target.index, UNIT_STATE_DRAFTING);
      writeOfficeCells(ss, target.index, OFFICE_DECISION_RETURNED, comment.trim(), now);
      return { ...record, status: 'returned', decidedBy: ctx.user, comment: comment.trim() };
    },
    (target, config) => ({
      to: target.unit.focalEmails,
      cc: [],
      subject: `[Cần bổ sung] ${target.round.label} - ${target.unit.name}`,
      body: [
        `Kính gửi: ${target.unit.name},`,
        '',
        `${config.coordinatingOffice} đề nghị đơn vị bổ sung, hoàn thiện ${target.round.label}:`,
        comment.trim(),
        '',
        `Bảng tính của đơn vị đã được mở khóa: ${spreadsheetUrl(target.unit.fileId)}`,
        'Sau khi bổ sung, vui lòng chọn lại "Đã hoàn thành, đề nghị tiếp nhận" ở trang "Nộp kế hoạch".',
        '',
        'Trân trọng,',
        config.coordinatingOffice,
      ].join('\n'),
    }),
  );
}

/** "Tiếp nhận": the office accepts a submitted round; it stays locked; who and when are recorded. */
export function acceptSubmission(ctx: ActionContext, targetText: string): ActionOutcome {
  return decide(
    ctx,
    targetText,
    (target, record, now) => {
      if (record.status !== 'submitted') {
        throw new Error(
          `${target.unit.name} (${target.round.label}) chưa ở trạng thái "Đã nộp" nên chưa tiếp nhận được.`,
        );
      }
      writeOfficeCells(openSpreadsheet(target.unit.fileId), target.index, OFFICE_DECISION_ACCEPTED, '', now);
      return { ...record, status: 'accepted', decidedBy: ctx.user, comment: '' };
    },
    null,
  );
}

type Mail = { to: readonly string[]; cc: readonly string[]; subject: string; body: string };

function decide(
  ctx: ActionContext,
  targetText: string,
  apply: (target: DecisionTarget, record: TrackRecord, nowText: string) => TrackRecord,
  mailFor: ((target: DecisionTarget, config: ReturnType<typeof loadConfig>) => Mail) | null,
): ActionOutcome {
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
  const target = findTarget(units, (u) => unitRounds(config, u), targetText);
  const key = trackKey(target.unit.code, target.round.key);
  const now = new Date();
  const next = {
    ...apply(target, state.records.get(key) as TrackRecord, formatTimestamp(now, master.timeZone())),
    decidedAtMs: now.getTime(),
  };
  state.records.set(key, next);
  writeTracking(master, state);
  const problems: string[] = [];
  if (mailFor) {
    const mail = mailFor(target, config);
    if (remainingMailQuota() >= mail.to.length + mail.cc.length) sendMail(mail, config.coordinatingOffice);
    else problems.push('Hết hạn mức gửi thư trong ngày: chưa báo được cho đơn vị qua thư.');
  }
  const verb = next.status === 'accepted' ? 'Đã tiếp nhận' : 'Đã trả lại để bổ sung';
  return {
    ok: problems.length === 0,
    summary: `${verb}: ${target.unit.name} - ${target.round.label}.`,
    counts: `${target.unit.code} ${target.round.key}`,
    problems,
  };
}

/** Asks which unit (and the comment, for a return) with dialogs; null when the person cancels. */
function askTarget(question: string): string | null {
  return prompt(
    'Chọn đơn vị',
    `${question}\nNhập mã đơn vị (cột "Mã đơn vị"); với đề xuất nhiệm vụ thêm ${PROPOSALS_SUFFIX}, ví dụ TP${PROPOSALS_SUFFIX}.`,
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
