import { CellValue, isBlank } from '../cell';
import { formatDateVn } from '../dates';
import { DEFAULT_TASK_COLUMNS } from '../plan/columns';
import { valueText } from '../problem';
import { area, SheetSpec, ValidationSpec } from '../sheet-spec';
import { normalizeText } from '../text/normalize';
import { SUBMISSION_FIRST_ROW, UNIT_SHEETS } from '../unit-file/sheets';
import { UNIT_STATE_DRAFTING, UNIT_STATE_SUBMITTED, UNIT_STATES } from '../unit-file/submission';
import { carryOver } from './carry-over';
import { ProgressRow } from './model';
import { ReportingPeriod } from './periods';
import { planTasksOfGrid } from './plan-of-grid';
import { PROGRESS_COLUMNS, PROGRESS_HEADER_ROW, progressSheetName, progressSheetSpec } from './sheet';
import { rowsOfProgressSheet } from './sheet-rows';

type Grid = readonly (readonly CellValue[])[];

/** A period open for the unit, where its row is in "Nộp kế hoạch", and whether it was sent. */
export interface OpenPeriod {
  readonly period: ReportingPeriod;
  /** Its round's index in "Nộp kế hoạch" (plan rounds first, then the periods). */
  readonly index: number;
  readonly label: string;
  /** The tracking has it submitted or accepted: the office holds it, its sheet is never touched. */
  readonly sent: boolean;
}

export interface ProgressPushInput {
  readonly planYear: number;
  readonly unitName: string;
  readonly periods: readonly OpenPeriod[];
  /** A sheet of the unit's file by name, from row 1; null when the file has none of that name. */
  readonly sheet: (name: string) => Grid | null;
  /** The plan's task ids as submitted (the baseline), when kept. */
  readonly baseline?: ReadonlySet<string>;
}

/** A progress sheet to write whole: into a new sheet ('create') or over the existing one. */
export interface ProgressSheetWrite {
  readonly kind: 'create' | 'rewrite';
  readonly period: ReportingPeriod;
  readonly spec: SheetSpec;
}

/** A period's row in "Nộp kế hoạch": A and B always, C only while blank (it is the unit's cell). */
export interface SubmissionRowWrite {
  readonly row: number;
  readonly label: string;
  readonly due: string;
  readonly state: string | null;
}

export interface ProgressPush {
  readonly sheets: readonly ProgressSheetWrite[];
  readonly rows: readonly SubmissionRowWrite[];
  /** "Nộp kế hoạch" rows the unit edits (C:D), plan rounds and periods together. */
  readonly submissionRows: number;
  /** Why a period's sheet was left as it is, in Vietnamese (named unit and sheet). */
  readonly problems: readonly string[];
}

const cellText = (v: CellValue | undefined) => normalizeText(valueText(v ?? ''));

/** A sheet that was inserted but never written (a push stopped between the two): safe to fill. */
function isUnwritten(grid: Grid): boolean {
  return (grid[PROGRESS_HEADER_ROW - 1] ?? []).every((v) => isBlank(v));
}

/**
 * What the template push does to a unit's progress sheets, decided from what the file holds.
 * For each open period (in order):
 * - sent (the tracking has it, or the unit chose "Đã hoàn thành…" in its row): nothing — the
 *   office holds that report; its sheet is locked and archived;
 * - no sheet yet: created, its rows carried over from the latest earlier period's rows (written
 *   in this same push or already in the file), else fresh from the plan;
 * - a sheet: rewritten from carry-over of its own rows against the plan now, so the unit's input
 *   stays (matched by task id, then wording) and tasks added to or dropped from the plan follow;
 * - a sheet whose header the unit changed: left alone, with a problem (nothing is read from it).
 * The plan's sheets are only read. Every write is whole, so a push run again ends the same.
 */
export function progressPush(input: ProgressPushInput): ProgressPush {
  const { planYear, unitName, periods } = input;
  const problems: string[] = [];
  const sheets: ProgressSheetWrite[] = [];
  const submission = input.sheet(UNIT_SHEETS.submission);
  const last = periods[periods.length - 1];
  const rows: SubmissionRowWrite[] = periods.map((p) => {
    const row = SUBMISSION_FIRST_ROW + p.index;
    const current = submission?.[row - 1]?.[2];
    return {
      row,
      label: p.label,
      due: formatDateVn(p.period.unitDue),
      state: isBlank(current) ? UNIT_STATE_DRAFTING : null,
    };
  });
  const result = (): ProgressPush => ({
    sheets,
    rows,
    submissionRows: last ? last.index + 1 : 0,
    problems,
  });
  if (periods.length === 0) return result();
  const tasks = input.sheet(UNIT_SHEETS.tasks);
  const plan = tasks ? planTasksOfGrid(tasks, DEFAULT_TASK_COLUMNS, planYear) : null;
  if (!plan) {
    problems.push(
      `${unitName}: trang "${UNIT_SHEETS.tasks}" thiếu hoặc bị đổi tiêu đề cột nên chưa tạo, cập nhật được trang báo cáo tiến độ.`,
    );
    return result();
  }
  /** The rows each period's sheet holds after this push (null: unreadable, not carried). */
  const rowsAfter = new Map<string, ProgressRow[] | null>();
  const latestBefore = (k: number): ProgressRow[] => {
    for (let j = k - 1; j >= 0; j--) {
      const rowsThen = rowsAfter.get(periods[j].period.key);
      if (rowsThen) return rowsThen;
    }
    return [];
  };
  periods.forEach((p, k) => {
    const name = progressSheetName(p.period);
    const grid = input.sheet(name);
    const unitSays = cellText(submission?.[SUBMISSION_FIRST_ROW + p.index - 1]?.[2]);
    const own = grid && !isUnwritten(grid) ? rowsOfProgressSheet(grid, planYear) : null;
    if (p.sent || unitSays === UNIT_STATE_SUBMITTED) {
      rowsAfter.set(p.period.key, own);
      return;
    }
    if (grid && !isUnwritten(grid) && !own) {
      problems.push(
        `${unitName}, trang "${name}": tiêu đề cột (dòng ${PROGRESS_HEADER_ROW}) đã bị sửa nên không cập nhật trang này; khôi phục tiêu đề các cột ${PROGRESS_COLUMNS.map((c) => `"${c.header}"`).join(', ')} rồi chạy lại.`,
      );
      rowsAfter.set(p.period.key, null);
      return;
    }
    const carried = carryOver({ plan, previous: own ?? latestBefore(k), baseline: input.baseline }).rows;
    rowsAfter.set(p.period.key, carried);
    sheets.push({
      kind: grid ? 'rewrite' : 'create',
      period: p.period,
      spec: progressSheetSpec({ period: p.period, planYear, unitName, rows: carried }),
    });
  });
  return result();
}

/** The unit's status dropdown over every row of "Nộp kế hoạch" it fills (as the template's). */
export function submissionStateValidation(rows: number): ValidationSpec {
  return {
    area: area(SUBMISSION_FIRST_ROW, 3, rows, 1),
    rule: { kind: 'list', values: [...UNIT_STATES] },
    allowInvalid: false,
    helpText: `Chọn "${UNIT_STATES[1]}" khi đã hoàn thành.`,
  };
}
