import { compareDates, DateOnly, daysBetween, formatDateVn } from '../dates';
import { UnitRef } from '../consolidate/task-row';
import { REFORM_AREAS, ReformArea } from '../plan/areas';
import { deadlineOf } from './deadline';
import { ReportingPeriod } from './periods';
import { ProgressEntry } from './read';

/**
 * Completion figures as of a period's cut-off. Every task of the plan now counts (the plan as
 * amended is the plan: tasks added mid-year count from the first period they are in, against
 * their own deadline, and are also counted apart); rows whose task left the plan never count.
 * Each task is in exactly one of: completed, in progress, not started, not carried out.
 */
export interface Figures {
  /** Tasks counted: the plan's and those added. */
  readonly total: number;
  /** Of `total`, added after the plan was submitted. */
  readonly added: number;
  /** "Đã hoàn thành" with a completion date on or before the cut-off, or with none written. */
  readonly completed: number;
  /** Of `completed`: dated, and the date on or before the task's deadline (see deadline.ts). */
  readonly completedOnTime: number;
  /** Of `completed`: dated after the deadline. */
  readonly completedLate: number;
  /** Of `completed`: no completion date, so neither on time nor late. */
  readonly completedUndated: number;
  /** "Đang thực hiện", or "Đã hoàn thành" dated after the cut-off (done in the next period). */
  readonly inProgress: number;
  /** "Chưa thực hiện", or no status chosen. */
  readonly notStarted: number;
  /** "Không thực hiện" (with its reason). */
  readonly dropped: number;
  /** Not completed as of the cut-off and the deadline is before it; "Không thực hiện" excluded. */
  readonly overdue: number;
  /** Tasks whose deadline is on or before the cut-off (what should be done by now). */
  readonly dueByCutOff: number;
  /** Tasks with no single deadline, judged against the year's end ('year-end' rule). */
  readonly yearRound: number;
  /** Tasks with no date to judge against ('none' and 'unknown' rules). */
  readonly noDeadline: number;
}

export interface Rates {
  readonly figures: Figures;
  /** Shares of `total`, 0 … 1; null when there is no task. */
  readonly completedRate: number | null;
  readonly onTimeRate: number | null;
  readonly overdueRate: number | null;
  readonly notStartedRate: number | null;
  /** completed-and-due ÷ due: of what should be done by the cut-off, the share done. */
  readonly dueCompletedRate: number | null;
}

/** Written beside the figures in the consolidation and the report (Vietnamese, user-facing). */
export const RATE_DEFINITIONS = {
  total:
    'Tổng số nhiệm vụ: các nhiệm vụ trong kế hoạch của đơn vị tại ngày chốt số liệu, kể cả nhiệm vụ bổ sung trong năm; không tính dòng có nhiệm vụ đã bỏ khỏi kế hoạch.',
  added:
    'Nhiệm vụ bổ sung: nhiệm vụ được thêm vào kế hoạch sau khi đơn vị nộp kế hoạch; được tính từ kỳ báo cáo đầu tiên có nhiệm vụ đó, theo hạn của chính nhiệm vụ.',
  completed:
    'Đã hoàn thành: đơn vị chọn "Đã hoàn thành" và ngày hoàn thành không sau ngày chốt số liệu (hoặc chưa ghi ngày). Tỷ lệ = số đã hoàn thành / tổng số nhiệm vụ.',
  completedOnTime:
    'Hoàn thành đúng hạn: đã hoàn thành, có ngày hoàn thành và ngày đó không sau hạn của nhiệm vụ. Nhiệm vụ thường xuyên, định kỳ: hạn là ngày 31/12 của năm kế hoạch. Nhiệm vụ theo chỉ đạo, theo điều kiện hoặc không đọc được hạn: hoàn thành là đúng hạn. Tỷ lệ = số hoàn thành đúng hạn / tổng số nhiệm vụ.',
  overdue:
    'Quá hạn: hạn của nhiệm vụ trước ngày chốt số liệu mà chưa hoàn thành tại ngày chốt (không tính nhiệm vụ "Không thực hiện"). Nhiệm vụ thường xuyên, định kỳ không quá hạn trước khi hết năm; nhiệm vụ không có hạn cụ thể không bao giờ quá hạn. Tỷ lệ = số quá hạn / tổng số nhiệm vụ.',
  notStarted:
    'Chưa thực hiện: đơn vị chọn "Chưa thực hiện" hoặc chưa chọn tình trạng. Tỷ lệ = số chưa thực hiện / tổng số nhiệm vụ.',
  dropped:
    'Không thực hiện: đơn vị chọn "Không thực hiện" và ghi lý do; tính là chưa hoàn thành, không tính là quá hạn.',
  dueByCutOff:
    'Đến hạn: nhiệm vụ có hạn không sau ngày chốt số liệu. Tỷ lệ hoàn thành nhiệm vụ đến hạn = số nhiệm vụ đến hạn đã hoàn thành / số nhiệm vụ đến hạn.',
} as const;

interface Judged {
  readonly entry: ProgressEntry;
  readonly completed: boolean;
  readonly onTime: boolean;
  readonly overdue: boolean;
  readonly due: DateOnly | null;
}

function judge(entry: ProgressEntry, cutOff: DateOnly, planYear: number): Judged {
  const deadline = deadlineOf(entry.task.completion, planYear);
  const dated = entry.completionDate;
  const completed = entry.status === 'done' && (!dated || compareDates(dated, cutOff) <= 0);
  const onTime = completed && dated !== null && (!deadline.due || compareDates(dated, deadline.due) <= 0);
  const overdue =
    !completed &&
    entry.status !== 'dropped' &&
    deadline.due !== null &&
    compareDates(deadline.due, cutOff) < 0;
  return { entry, completed, onTime, overdue, due: deadline.due };
}

const share = (n: number, of: number): number | null => (of === 0 ? null : n / of);

/** The figures and rates of `entries` (any selection: a unit, an area, all) as of the cut-off. */
export function ratesOf(entries: readonly ProgressEntry[], period: ReportingPeriod, planYear: number): Rates {
  const judged = entries.map((e) => judge(e, period.cutOff, planYear));
  const count = (f: (j: Judged) => boolean) => judged.filter(f).length;
  const isDue = (j: Judged) => j.due !== null && compareDates(j.due, period.cutOff) <= 0;
  const rule = (j: Judged) => deadlineOf(j.entry.task.completion, planYear).rule;
  const figures: Figures = {
    total: judged.length,
    added: count((j) => j.entry.origin === 'added'),
    completed: count((j) => j.completed),
    completedOnTime: count((j) => j.onTime),
    completedLate: count((j) => j.completed && j.entry.completionDate !== null && !j.onTime),
    completedUndated: count((j) => j.completed && j.entry.completionDate === null),
    inProgress: count((j) => !j.completed && (j.entry.status === 'in-progress' || j.entry.status === 'done')),
    notStarted: count((j) => j.entry.status === 'not-started' || j.entry.status === null),
    dropped: count((j) => j.entry.status === 'dropped'),
    overdue: count((j) => j.overdue),
    dueByCutOff: count(isDue),
    yearRound: count((j) => rule(j) === 'year-end'),
    noDeadline: count((j) => rule(j) === 'none' || rule(j) === 'unknown'),
  };
  return {
    figures,
    completedRate: share(figures.completed, figures.total),
    onTimeRate: share(figures.completedOnTime, figures.total),
    overdueRate: share(figures.overdue, figures.total),
    notStartedRate: share(figures.notStarted, figures.total),
    dueCompletedRate: share(
      count((j) => isDue(j) && j.completed),
      figures.dueByCutOff,
    ),
  };
}

export interface RatesReport {
  readonly overall: Rates;
  /** By unit code, in the order units first appear. */
  readonly byUnit: ReadonlyMap<string, { readonly unit: UnitRef; readonly rates: Rates }>;
  /** By area (all eight, in order; an area without tasks has total 0 and null rates). */
  readonly byArea: readonly { readonly area: ReformArea; readonly rates: Rates }[];
  readonly overdue: readonly OverdueTask[];
}

export interface OverdueTask {
  readonly unit: UnitRef;
  readonly sheet: string;
  readonly row: number;
  readonly task: string;
  /** The completion time as the plan says it. */
  readonly deadlineText: string;
  readonly due: DateOnly;
  /** Days from the deadline to the cut-off. */
  readonly daysLate: number;
}

/** Every figure the consolidation writes for a period: overall, per unit, per area; and the overdue list. */
export function progressRates(
  entries: readonly ProgressEntry[],
  period: ReportingPeriod,
  planYear: number,
): RatesReport {
  const units = new Map<string, { unit: UnitRef; entries: ProgressEntry[] }>();
  for (const e of entries) {
    const group = units.get(e.unit.code) ?? { unit: e.unit, entries: [] };
    group.entries.push(e);
    units.set(e.unit.code, group);
  }
  const byUnit = new Map(
    [...units].map(
      ([code, g]) => [code, { unit: g.unit, rates: ratesOf(g.entries, period, planYear) }] as const,
    ),
  );
  const byArea = REFORM_AREAS.map((area) => ({
    area,
    rates: ratesOf(
      entries.filter((e) => e.task.area.number === area.number),
      period,
      planYear,
    ),
  }));
  return {
    overall: ratesOf(entries, period, planYear),
    byUnit,
    byArea,
    overdue: overdueTasks(entries, period, planYear),
  };
}

/** Overdue tasks as of the cut-off: by unit (in order of appearance), then by deadline, earliest first. */
export function overdueTasks(
  entries: readonly ProgressEntry[],
  period: ReportingPeriod,
  planYear: number,
): OverdueTask[] {
  const unitOrder = new Map<string, number>();
  for (const e of entries) if (!unitOrder.has(e.unit.code)) unitOrder.set(e.unit.code, unitOrder.size);
  return entries
    .map((e) => judge(e, period.cutOff, planYear))
    .filter((j): j is Judged & { due: DateOnly } => j.overdue && j.due !== null)
    .map((j) => ({
      unit: j.entry.unit,
      sheet: j.entry.sheet,
      row: j.entry.row,
      task: j.entry.task.task,
      deadlineText: j.entry.task.completion.text || formatDateVn(j.due),
      due: j.due,
      daysLate: daysBetween(j.due, period.cutOff),
    }))
    .sort(
      (a, b) =>
        (unitOrder.get(a.unit.code) ?? 0) - (unitOrder.get(b.unit.code) ?? 0) ||
        compareDates(a.due, b.due) ||
        a.row - b.row,
    );
}

/** "45,5%" — a rate as the report writes it (Vietnamese decimal comma); "—" when there is no task. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  const rounded = Math.round(rate * 1000) / 10;
  return `${String(rounded).replace('.', ',')}%`;
}
