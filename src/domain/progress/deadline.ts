import { DateOnly, formatDateVn } from '../dates';
import { CompletionTime, CompletionTimeKind } from '../parse/completion-time';

/**
 * How a task's parsed completion time counts in the rates (the rules, and why):
 * - 'dated' — one due day (year, quarter, half, month, by-date, date; a period ending within the
 *   plan year): on time when completed on or before it; overdue once it is past at the cut-off.
 * - 'beyond-year' — a due day after the plan year (a multi-year 'period', "Giai đoạn 2026-2030"):
 *   this year's reports cannot call it late; on time when completed.
 * - 'year-end' — work that runs through the year with no single due day ('recurring' "Thường
 *   xuyên", 'periodic' "Định kỳ hằng quý", 'ongoing-from' "Triển khai từ tháng 3"): the plan is
 *   for the year, so the year's last day is its deadline. It is never overdue before the year
 *   ends (no period of the year cuts off after 31/12), and "Đã hoàn thành" by the cut-off is on
 *   time. A periodic task is one row: its status is the unit's account of the year's work so
 *   far; it is not split into occurrences (the plan gives no dates for them).
 * - 'none' — due when someone else decides or something happens ('per-plan' "Theo kế hoạch của
 *   tỉnh", 'conditional' "Sau khi có hướng dẫn"): no date to be late against; never overdue, on
 *   time when completed.
 * - 'unknown' — nothing readable ('empty', 'unreadable'; the plan's reading already flagged the
 *   cell): like 'none', and counted apart so the figures say how many could not be judged.
 */
export type DeadlineRule = 'dated' | 'beyond-year' | 'year-end' | 'none' | 'unknown';

export interface Deadline {
  readonly rule: DeadlineRule;
  /** The day on-time is judged against; null for 'none' and 'unknown'. */
  readonly due: DateOnly | null;
}

const DATED: ReadonlySet<CompletionTimeKind> = new Set([
  'year',
  'quarter',
  'half',
  'month',
  'by-date',
  'date',
  'period',
]);
const YEAR_END: ReadonlySet<CompletionTimeKind> = new Set(['recurring', 'periodic', 'ongoing-from']);
const NONE: ReadonlySet<CompletionTimeKind> = new Set(['per-plan', 'conditional']);

export function deadlineOf(completion: CompletionTime, planYear: number): Deadline {
  const { kind, due } = completion;
  if (DATED.has(kind) && due) return { rule: due.y > planYear ? 'beyond-year' : 'dated', due };
  if (YEAR_END.has(kind)) return { rule: 'year-end', due: { y: planYear, m: 12, d: 31 } };
  if (NONE.has(kind)) return { rule: 'none', due: null };
  return { rule: 'unknown', due: null };
}

/** What the locked "Hạn (hệ thống đọc)" cell shows. */
export function deadlineText(completion: CompletionTime): string {
  const { kind, due } = completion;
  if (DATED.has(kind) && due) return formatDateVn(due);
  if (YEAR_END.has(kind)) return 'Trong năm (không có hạn riêng)';
  if (NONE.has(kind)) return 'Không có hạn cụ thể';
  return 'Chưa đọc được hạn';
}
