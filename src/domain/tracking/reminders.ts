import { GoogleAccountType } from '../config/fields';
import { DateOnly, daysBetween, formatDateVn } from '../dates';
import { SubmissionStatus } from './status';

export interface ReminderPolicy {
  /** The first reminder goes this many days before the deadline. */
  readonly daysBefore: number;
  /** Once overdue: a reminder on the day after, then every this many days. */
  readonly overdueEveryDays: number;
}

export interface ReminderTier {
  /** "before", "due-day", "overdue-1", "overdue-2"…: a tier is sent at most once per round. */
  readonly key: string;
  readonly kind: 'before' | 'due-day' | 'overdue';
  /** Overdue reminders copy the unit's head. */
  readonly ccHead: boolean;
  readonly daysLeft: number;
}

/**
 * The tier due today for a unit that has not submitted, or null: nothing to send, or already
 * sent. Days are calendar days in the office's time zone.
 */
export function dueTier(
  status: SubmissionStatus,
  deadline: DateOnly,
  today: DateOnly,
  sent: readonly string[],
  policy: ReminderPolicy,
): ReminderTier | null {
  if (status === 'submitted' || status === 'accepted') return null;
  const daysLeft = daysBetween(today, deadline);
  let tier: ReminderTier | null = null;
  if (daysLeft > 0 && daysLeft <= policy.daysBefore)
    tier = { key: 'before', kind: 'before', ccHead: false, daysLeft };
  else if (daysLeft === 0) tier = { key: 'due-day', kind: 'due-day', ccHead: false, daysLeft };
  else if (daysLeft < 0) {
    const n = Math.floor((-daysLeft - 1) / Math.max(1, policy.overdueEveryDays)) + 1;
    tier = { key: `overdue-${n}`, kind: 'overdue', ccHead: true, daysLeft };
  }
  return tier && !sent.includes(tier.key) ? tier : null;
}

export interface ReminderMail {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly body: string;
}

export interface ReminderFacts {
  readonly unitName: string;
  readonly roundLabel: string;
  readonly deadline: DateOnly;
  readonly fileUrl: string;
  /** Data problems found in the unit's file by the last consolidation; null when unknown. */
  readonly problems: number | null;
  readonly office: string;
  readonly focalEmails: readonly string[];
  readonly headEmail: string;
}

/** The Vietnamese email for a tier. */
export function reminderMail(tier: ReminderTier, facts: ReminderFacts): ReminderMail {
  const deadline = formatDateVn(facts.deadline);
  const when =
    tier.kind === 'before'
      ? `còn ${tier.daysLeft} ngày nữa là đến hạn (${deadline})`
      : tier.kind === 'due-day'
        ? `hôm nay (${deadline}) là hạn cuối`
        : `đã quá hạn ${-tier.daysLeft} ngày (hạn ${deadline})`;
  const subject =
    tier.kind === 'overdue'
      ? `[Quá hạn] ${facts.roundLabel} - ${facts.unitName}`
      : `[Nhắc việc] ${facts.roundLabel} - ${facts.unitName}`;
  const lines = [
    `Kính gửi: ${facts.unitName},`,
    '',
    `${facts.office} nhắc: ${facts.roundLabel} của đơn vị ${when}, nhưng đơn vị chưa nộp.`,
    `Bảng tính của đơn vị: ${facts.fileUrl}`,
    'Khi đã hoàn thành, vui lòng chọn "Đã hoàn thành, đề nghị tiếp nhận" ở trang "Nộp kế hoạch".',
  ];
  if (facts.problems !== null && facts.problems > 0) {
    lines.push(
      `Lần tổng hợp gần nhất phát hiện ${facts.problems} lỗi dữ liệu cần sửa trong bảng tính của đơn vị.`,
    );
  }
  lines.push('', `Trân trọng,`, facts.office, '', '(Thư gửi tự động, vui lòng không trả lời thư này.)');
  return {
    to: facts.focalEmails,
    cc: tier.ccHead && facts.headEmail ? [facts.headEmail] : [],
    subject,
    body: lines.join('\n'),
  };
}

/** Recipients a mail counts against the daily quota (to + cc). */
export function recipientCount(mail: ReminderMail): number {
  return mail.to.length + mail.cc.length;
}

/**
 * Email recipients a day per account (Apps Script quotas, "Email recipients per day": 100 for a
 * consumer account, 1,500 for Google Workspace; https://developers.google.com/apps-script/guides/services/quotas).
 */
export const RECIPIENTS_PER_DAY: Readonly<Record<GoogleAccountType, number>> = {
  consumer: 100,
  workspace: 1500,
};

/**
 * Recipients the reminders leave for other mail (return notices) today: the part of the day's
 * quota beyond their share (%, 1–100; above 100 counts as 100). On the plan's deadline day a
 * province of 1,000 units would otherwise spend the whole quota on reminders at 08:00, and the
 * office could not tell a unit its plan was returned until the next day.
 */
export function reminderReserve(account: GoogleAccountType, sharePercent: number): number {
  const limit = RECIPIENTS_PER_DAY[account];
  const share = Math.min(100, Math.max(0, sharePercent));
  return limit - Math.floor((limit * share) / 100);
}
