import { Emulator } from '../emulator';
import { addDays, compareDates, DateOnly, daysBetween, formatDateVn } from '../src/domain/dates';
import { parseCompletionTime } from '../src/domain/parse/completion-time';
import { deadlineOf } from '../src/domain/progress/deadline';
import { STATUS_LABELS } from '../src/domain/progress/model';
import { ReportingPeriod } from '../src/domain/progress/periods';
import { PROGRESS_FIRST_ROW, progressColumn, progressSheetName } from '../src/domain/progress/sheet';
import { SampleUnit } from './vinh-linh';

/**
 * The sample year's progress reports (quarter I, six months, …), as units' focal points type them
 * into their "Tiến độ <kỳ>" sheets. Deterministic: a task's fate depends only on the unit, its
 * place in the unit's sheet and its deadline — never on the period —, so the six-month report
 * repeats what quarter I said of the tasks done by then (reports are cumulative). Per unit:
 * - most tasks done on or before their deadline, with a document as evidence;
 * - every sixth task done twelve days late (and every other task due in quarter I: the first
 *   deadlines are the ones most often missed), every eighth a hundred days late (while that day is
 *   after the cut-off: still in progress, so it shows as overdue once its deadline is past);
 * - every seventh done task with no evidence (an error the consolidation points at), every
 *   eleventh with no completion date (counted completed, neither on time nor late);
 * - its third task "Không thực hiện", with the reason;
 * - tasks not yet done in progress if they started (two months before their completion day;
 *   recurring work from January), not started otherwise; some budget spent on done tasks.
 * And one unit never reports: NEVER_REPORTS leaves its sheet as the push made it.
 */
export const NEVER_REPORTS = 'VO';

/** One task row's input cells: Tình trạng … Ghi chú (the unit's six columns, in order). */
export type ProgressInput = readonly [string, string, string, string | number, string, string];

export interface SampleTaskLine {
  /** 1-based row of the unit's sheet. */
  readonly row: number;
  /** The plan's completion time as the sheet carries it. */
  readonly completion: string;
}

const START_BEFORE_DAYS = 60;
const LATE_DAYS = 12;
const VERY_LATE_DAYS = 100;

/**
 * When the sample unit starts and finishes a task (null: not carried out). Work with no single
 * deadline (recurring, periodic) starts in January and is finished late in the year.
 */
function schedule(
  index: number,
  completion: string,
  planYear: number,
): { start: DateOnly; end: DateOnly } | null {
  const deadline = deadlineOf(parseCompletionTime(completion, planYear), planYear);
  if (index === 2) return null; // the unit's "Không thực hiện"
  const due = deadline.due ?? { y: planYear, m: 3 + (index % 6), d: 10 };
  const firstDay = { y: planYear, m: 1, d: 10 };
  const notBefore = (day: DateOnly) => (compareDates(day, firstDay) < 0 ? firstDay : day);
  let end: DateOnly;
  if (index % 8 === 7) end = addDays(due, VERY_LATE_DAYS);
  else if (index % 6 === 5 || (deadline.rule === 'dated' && due.m <= 3 && index % 2 === 0))
    end = addDays(due, LATE_DAYS);
  // On time: spread between January and the deadline (the plan's work goes on all year).
  else
    end = addDays(
      firstDay,
      Math.max(0, Math.floor((daysBetween(firstDay, due) * ((index * 37) % 100)) / 100)),
    );
  const start = deadline.rule === 'year-end' ? firstDay : notBefore(addDays(end, -START_BEFORE_DAYS));
  return { start, end };
}

/** What `unit` types for each of its tasks in `period` (nothing for the unit that never reports). */
export function sampleProgress(
  unit: Pick<SampleUnit, 'code'>,
  period: ReportingPeriod,
  planYear: number,
  tasks: readonly SampleTaskLine[],
): { readonly row: number; readonly input: ProgressInput }[] {
  if (unit.code === NEVER_REPORTS) return [];
  return tasks.map((t, i) => {
    const plan = schedule(i, t.completion, planYear);
    if (plan === null) {
      const reason = 'Chưa được bố trí kinh phí; đơn vị đề nghị điều chỉnh ra khỏi kế hoạch năm.';
      return { row: t.row, input: [STATUS_LABELS.dropped, '', '', '', reason, ''] };
    }
    const day = plan.end;
    if (compareDates(day, period.cutOff) <= 0) {
      const evidence = i % 7 === 3 ? '' : `Báo cáo số ${10 + i}/BC-${unit.code} ngày ${formatDateVn(day)}`;
      const date = i % 11 === 9 ? '' : formatDateVn(day);
      const spent = i % 3 === 0 ? 5_000_000 * (1 + (i % 4)) : '';
      return { row: t.row, input: [STATUS_LABELS.done, date, evidence, spent, '', ''] };
    }
    if (compareDates(plan.start, period.cutOff) <= 0) {
      const reason = i % 6 === 5 || i % 8 === 7 ? 'Chậm do chờ hướng dẫn của cấp trên.' : '';
      return { row: t.row, input: [STATUS_LABELS['in-progress'], '', '', '', reason, ''] };
    }
    return { row: t.row, input: [STATUS_LABELS['not-started'], '', '', '', '', ''] };
  });
}

/**
 * The focal point of `unit` fills its progress sheet of `period` with the sample input: acting as
 * them, through SpreadsheetApp, one task row at a time (section rows are locked for them).
 */
export function fillProgressSheet(
  emu: Emulator,
  user: string,
  fileId: string,
  unit: Pick<SampleUnit, 'code'>,
  period: ReportingPeriod,
  planYear: number,
): void {
  emu.as(user, () => {
    const sheet = emu.SpreadsheetApp.openById(fileId).getSheetByName(progressSheetName(period));
    if (!sheet) throw new Error(`no sheet ${progressSheetName(period)}`);
    const grid = sheet.getDataRange().getDisplayValues();
    const tasks: SampleTaskLine[] = [];
    for (let i = PROGRESS_FIRST_ROW - 1; i < grid.length; i++) {
      if (grid[i][progressColumn('id') - 1] === '') continue;
      tasks.push({ row: i + 1, completion: grid[i][progressColumn('completion') - 1] });
    }
    for (const { row, input } of sampleProgress(unit, period, planYear, tasks)) {
      sheet.getRange(row, progressColumn('status'), 1, input.length).setValues([[...input]]);
    }
  });
}
