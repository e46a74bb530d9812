import { CellValue } from '../cell';
import { CompletionTime } from '../parse/completion-time';
import { ReformArea } from '../plan/areas';

/** What a unit says of a task as of the cut-off (the dropdown of the progress sheet). */
export type ProgressStatus = 'done' | 'in-progress' | 'not-started' | 'dropped';

export const STATUS_LABELS: Readonly<Record<ProgressStatus, string>> = {
  done: 'Đã hoàn thành',
  'in-progress': 'Đang thực hiện',
  'not-started': 'Chưa thực hiện',
  dropped: 'Không thực hiện',
};

export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['done', 'in-progress', 'not-started', 'dropped'];

/**
 * Where a row of the progress sheet comes from:
 * - 'plan': a task of the plan as the unit submitted it (the baseline);
 * - 'added': a task the unit added to its plan after that ("Nhiệm vụ" stays the one list of
 *   tasks; the progress sheet only carries them);
 * - 'not-in-plan': a row already in the progress sheet, with what the unit typed, whose task is
 *   no longer in the plan. Kept (never drop a unit's words unasked) and flagged, never counted.
 */
export type TaskOrigin = 'plan' | 'added' | 'not-in-plan';

export const ADDED_MARK = 'Bổ sung';
export const NOT_IN_PLAN_MARK = 'Không còn trong kế hoạch';

/** A task of the unit's plan, as the progress sheet carries it (read-only for the unit). */
export interface PlanTask {
  /** Stable identity across periods (see identity.ts). */
  readonly id: string;
  readonly area: ReformArea;
  readonly task: string;
  readonly result: string;
  readonly lead: string;
  /** The completion time as the plan says it, with its parsed kind and due date. */
  readonly completion: CompletionTime;
}

/** What the unit types for one task, as typed (cells are read at the edge into CellValue). */
export interface UnitInput {
  readonly status: CellValue;
  readonly completionDate: CellValue;
  /** Số, ngày văn bản or a link. */
  readonly evidence: CellValue;
  readonly budgetSpent: CellValue;
  /** Why the task will not be done (required with "Không thực hiện"), or what holds it up. */
  readonly reason: CellValue;
  readonly notes: CellValue;
}

export const EMPTY_INPUT: UnitInput = {
  status: '',
  completionDate: '',
  evidence: '',
  budgetSpent: '',
  reason: '',
  notes: '',
};

/** One task row of a period's progress sheet. */
export interface ProgressRow {
  readonly task: PlanTask;
  readonly origin: TaskOrigin;
  readonly input: UnitInput;
}
