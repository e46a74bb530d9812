import { compareDates, DateOnly } from '../dates';
import { RoundKey } from '../unit-file/submission';

/**
 * Where a unit stands in one round (its plan, or an agency's proposals):
 * Chưa thực hiện → Đang soạn → Đã nộp → (Cần bổ sung → Đã nộp …) → Đã tiếp nhận.
 */
export type SubmissionStatus = 'not-started' | 'drafting' | 'submitted' | 'returned' | 'accepted';

export const STATUS_LABELS: Readonly<Record<SubmissionStatus, string>> = {
  'not-started': 'Chưa thực hiện',
  drafting: 'Đang soạn',
  submitted: 'Đã nộp',
  returned: 'Cần bổ sung',
  accepted: 'Đã tiếp nhận',
};

export const FLAG_LABELS = {
  overdue: 'Quá hạn',
  late: 'Nộp trễ',
  changed: 'Sửa sau khi nộp',
} as const;

/** What a refresh sees in the unit's file for one round. */
export interface Observation {
  /** The unit's own choice in "Nộp kế hoạch" ('' when blank). */
  readonly unitState: string;
  /** Anything typed in the round's tables or plan text. */
  readonly hasContent: boolean;
  /** Fingerprint of the round's content, to notice edits after submission. */
  readonly fingerprint: string;
  /** The file's last update (Drive), epoch ms. */
  readonly lastUpdatedMs: number;
}

/** What the master remembers of a unit's round between refreshes ("Theo dõi nộp"). */
export interface TrackRecord {
  readonly unitCode: string;
  readonly round: RoundKey;
  readonly status: SubmissionStatus;
  /** The file's last update when the submission was first seen; null before any submission. */
  readonly submittedAtMs: number | null;
  readonly submittedFingerprint: string;
  readonly changedAfterSubmission: boolean;
  /** Who accepted or returned it, when, and the office's comment. */
  readonly decidedBy: string;
  readonly decidedAtMs: number | null;
  readonly comment: string;
  /** Reminder tiers already sent ("before", "due-day", "overdue-1" …). */
  readonly remindersSent: readonly string[];
  /** Archived copies made at each submission, oldest first. */
  readonly snapshotIds: readonly string[];
  /**
   * A return whose notice to the unit is tracked in "Thư đã gửi" under this time (absent for
   * returns recorded before notices were logged: those are never sent again).
   */
  readonly noticeAtMs?: number | null;
  /**
   * The last successful read of the unit's file (read-marks.ts): which file, its Drive modified
   * time then, and when that time was listed. Absent: never read, or the last read failed.
   */
  readonly readFileId?: string;
  readonly readModifiedAtMs?: number;
  readonly readListedAtMs?: number;
  /**
   * The plan round only: the progress task ids of "Nhiệm vụ" when the plan was last submitted
   * (progress/identity.ts), the baseline that tells a task added later from one of the plan.
   */
  readonly baselineIds?: readonly string[];
}

export function emptyRecord(unitCode: string, round: RoundKey): TrackRecord {
  return {
    unitCode,
    round,
    status: 'not-started',
    submittedAtMs: null,
    submittedFingerprint: '',
    changedAfterSubmission: false,
    decidedBy: '',
    decidedAtMs: null,
    comment: '',
    remindersSent: [],
    snapshotIds: [],
  };
}

export type TrackEvent = 'submitted' | 'changed-after-submission';

/**
 * The next state of a round from what the unit's file shows now. The submission time is the
 * file's last update when the submission is first seen (see README: exact to the refresh
 * interval). Decisions (accept, return) are the office's actions, not observations.
 */
export function observe(
  prev: TrackRecord,
  obs: Observation,
  submittedState: string,
): { record: TrackRecord; events: TrackEvent[] } {
  const says = obs.unitState === submittedState;
  const events: TrackEvent[] = [];
  let record = prev;

  if (says && (prev.status === 'not-started' || prev.status === 'drafting' || prev.status === 'returned')) {
    record = {
      ...prev,
      status: 'submitted',
      submittedAtMs: obs.lastUpdatedMs,
      submittedFingerprint: obs.fingerprint,
      changedAfterSubmission: false,
    };
    events.push('submitted');
  } else if (prev.status === 'submitted' || prev.status === 'accepted') {
    if (obs.fingerprint !== prev.submittedFingerprint && !prev.changedAfterSubmission) {
      record = { ...prev, changedAfterSubmission: true };
      events.push('changed-after-submission');
    }
  } else if (prev.status !== 'returned') {
    record = { ...prev, status: obs.hasContent ? 'drafting' : 'not-started' };
  }
  return { record, events };
}

export interface Flags {
  readonly overdue: boolean;
  readonly late: boolean;
  readonly changed: boolean;
}

/** A deadline is met until the end of its day in the office's time zone. */
export function flagsOf(
  record: TrackRecord,
  deadline: DateOnly,
  today: DateOnly,
  submittedDay: DateOnly | null,
): Flags {
  const done = record.status === 'submitted' || record.status === 'accepted';
  return {
    overdue: !done && compareDates(today, deadline) > 0,
    late: submittedDay !== null && compareDates(submittedDay, deadline) > 0,
    changed: record.changedAfterSubmission,
  };
}

export function flagText(flags: Flags): string {
  return (Object.keys(FLAG_LABELS) as (keyof Flags)[])
    .filter((k) => flags[k])
    .map((k) => FLAG_LABELS[k])
    .join(', ');
}
