import { CellValue, isBlank } from '../cell';
import { compareDates, DateOnly, formatDateVn, parseDateText } from '../dates';
import { UnitRef } from '../consolidate/task-row';
import { parseBudget } from '../parse/budget';
import { calendarDateFromSerial, makeDate } from '../parse/calendar';
import { a1, columnLetter } from '../plan/columns';
import { areaByRoman } from '../plan/areas';
import { Problem, quoteText, Severity, valueText } from '../problem';
import { normalizeText, plainKey } from '../text/normalize';
import { PlanTask, PROGRESS_STATUSES, ProgressStatus, STATUS_LABELS, TaskOrigin } from './model';
import { ReportingPeriod } from './periods';
import {
  PROGRESS_COLUMNS,
  PROGRESS_FIRST_ROW,
  PROGRESS_HEADER_ROW,
  progressColumn,
  ProgressColumnRole,
  progressSheetName,
} from './sheet';

/** One task's progress as read from a unit's sheet, ready for the rates. */
export interface ProgressEntry {
  readonly unit: UnitRef;
  readonly sheet: string;
  /** 1-based row, for the link back. */
  readonly row: number;
  readonly task: PlanTask;
  readonly origin: Exclude<TaskOrigin, 'not-in-plan'>;
  /** null: nothing (or nothing readable) chosen. */
  readonly status: ProgressStatus | null;
  /** null: none written, or unreadable (flagged). */
  readonly completionDate: DateOnly | null;
  readonly evidence: string;
  /** Whole đồng; null when empty or not an amount. */
  readonly budgetSpent: number | null;
  readonly reason: string;
  readonly notes: string;
}

export interface ProgressContext {
  readonly unit: UnitRef;
  readonly period: ReportingPeriod;
  readonly planYear: number;
  /** The unit's plan now, by task id, with each task's origin. */
  readonly plan: ReadonlyMap<string, { readonly task: PlanTask; readonly origin: 'plan' | 'added' }>;
}

export interface ProgressReading {
  readonly entries: ProgressEntry[];
  readonly problems: Problem[];
  /** false when the header was changed: nothing was read, to never read into the wrong columns. */
  readonly structureOk: boolean;
}

/** How many cells a grouped warning quotes before "…". */
const LISTED_CELLS = 10;

const INPUT_ROLES: readonly ProgressColumnRole[] = PROGRESS_COLUMNS.filter((c) => c.input).map((c) => c.role);

const STATUS_BY_KEY = new Map(PROGRESS_STATUSES.map((s) => [plainKey(STATUS_LABELS[s]), s]));

/** "Đã hoàn thành", "da hoan thanh", "ĐÃ HOÀN THÀNH" → 'done'; null when it is none of the four. */
export function parseStatus(value: CellValue): ProgressStatus | null {
  return typeof value === 'string' ? (STATUS_BY_KEY.get(plainKey(value)) ?? null) : null;
}

/** A date cell, a Sheets serial, "dd/MM/yyyy" or "dd/MM" (the plan year); null when unreadable. */
export function parseProgressDate(value: CellValue, planYear: number): DateOnly | null {
  if (typeof value === 'object') return value;
  if (typeof value === 'number') return calendarDateFromSerial(value);
  if (typeof value !== 'string') return null;
  const text = normalizeText(value);
  const full = parseDateText(text);
  if (full) return full;
  const short = /^(\d{1,2})[/.-](\d{1,2})$/.exec(text);
  return short ? makeDate(planYear, Number(short[2]), Number(short[1])) : null;
}

/** Evidence that names a document (a number) or a link; words alone cannot be checked. */
function looksLikeEvidence(text: string): boolean {
  return /\d/.test(text) || /https?:\/\//i.test(text);
}

const text = (v: CellValue | undefined): string => (v === undefined ? '' : normalizeText(valueText(v)));

/**
 * Reads a period's progress sheet (grid from row 1). Each problem names the unit, the sheet,
 * the cell and the column. Rules:
 * - a row is a task of the plan when its id (the locked last column) is one of the plan's now;
 *   a status or any input on any other row — a task dropped from the plan, a spare row — is an
 *   error and is not counted;
 * - "Đã hoàn thành" needs evidence (error when empty; a warning when it names no number nor link)
 *   and should have its date (warning: without it the task cannot count as on time);
 * - "Không thực hiện" needs a reason (error);
 * - an unreadable date or amount is an error; a completion date after the cut-off is a warning:
 *   the task counts as not yet completed in this period (it will in the next);
 * - tasks with no status are listed in one warning per sheet, and count as not started.
 */
export function readProgressSheet(
  grid: readonly (readonly CellValue[])[],
  ctx: ProgressContext,
): ProgressReading {
  const sheet = progressSheetName(ctx.period);
  const problems: Problem[] = [];
  const add = (
    severity: Severity,
    row: number,
    role: ProgressColumnRole | null,
    value: string,
    message: string,
  ) =>
    problems.push({
      severity,
      unit: ctx.unit,
      sheet,
      cell: role ? a1(row, progressColumn(role)) : '',
      field: role ? PROGRESS_COLUMNS[progressColumn(role) - 1].header : '',
      value: quoteText(value),
      message,
    });

  const header = grid[PROGRESS_HEADER_ROW - 1] ?? [];
  const changed = PROGRESS_COLUMNS.findIndex((c, i) => plainKey(text(header[i])) !== plainKey(c.header));
  if (changed >= 0) {
    add(
      'error',
      PROGRESS_HEADER_ROW,
      null,
      '',
      `Dòng tiêu đề của bảng đã bị thay đổi (cột ${columnLetter(changed + 1)} phải là "${PROGRESS_COLUMNS[changed].header}"). Không đọc trang này; đề nghị cơ quan tổng hợp cập nhật lại mẫu.`,
    );
    return { entries: [], problems, structureOk: false };
  }

  const entries: ProgressEntry[] = [];
  const noStatus: string[] = [];
  const cell = (r: readonly CellValue[], role: ProgressColumnRole) => r[progressColumn(role) - 1] ?? '';
  for (let i = PROGRESS_FIRST_ROW - 1; i < grid.length; i++) {
    const r = grid[i];
    const row = i + 1;
    const id = text(cell(r, 'id'));
    const hasInput = INPUT_ROLES.some((role) => !isBlank(cell(r, role)));
    const known = id === '' ? undefined : ctx.plan.get(id);
    if (!known) {
      if (id === '' && areaByRoman(text(cell(r, 'number'))) && !hasInput) continue; // section row
      if (hasInput) {
        const task = text(cell(r, 'task'));
        add(
          'error',
          row,
          'status',
          text(cell(r, 'status')),
          `Dòng ${row} có nội dung báo cáo nhưng ${task ? `nhiệm vụ "${quoteText(task, 80)}"` : 'không có nhiệm vụ nào'} không có trong kế hoạch của đơn vị. Nhiệm vụ mới phải được bổ sung ở trang "Nhiệm vụ"; nội dung ở dòng này không được tính.`,
        );
      }
      continue;
    }
    entries.push(readRow(r, row, known, ctx, sheet, add, noStatus));
  }
  if (noStatus.length > 0) {
    const listed = noStatus.slice(0, LISTED_CELLS).join(', ') + (noStatus.length > LISTED_CELLS ? '…' : '');
    add(
      'warning',
      PROGRESS_FIRST_ROW,
      null,
      '',
      `${noStatus.length} nhiệm vụ chưa chọn tình trạng (ô ${listed}); được tính là "${STATUS_LABELS['not-started']}".`,
    );
  }
  return { entries, problems, structureOk: true };
}

type Add = (
  severity: Severity,
  row: number,
  role: ProgressColumnRole | null,
  value: string,
  message: string,
) => void;

function readRow(
  r: readonly CellValue[],
  row: number,
  known: { readonly task: PlanTask; readonly origin: 'plan' | 'added' },
  ctx: ProgressContext,
  sheet: string,
  add: Add,
  noStatus: string[],
): ProgressEntry {
  const cell = (role: ProgressColumnRole) => r[progressColumn(role) - 1] ?? '';
  const statusCell = cell('status');
  const status = parseStatus(statusCell);
  if (isBlank(statusCell)) noStatus.push(a1(row, progressColumn('status')));
  else if (!status) {
    add(
      'error',
      row,
      'status',
      text(statusCell),
      `Tình trạng không hợp lệ; chọn một trong: ${PROGRESS_STATUSES.map((s) => STATUS_LABELS[s]).join('; ')}.`,
    );
  }

  const dateCell = cell('completionDate');
  let completionDate: DateOnly | null = null;
  if (!isBlank(dateCell)) {
    completionDate = parseProgressDate(dateCell, ctx.planYear);
    if (!completionDate) {
      add(
        'error',
        row,
        'completionDate',
        text(dateCell),
        'Ngày hoàn thành không đọc được. Nhập theo dạng ngày/tháng/năm, ví dụ 05/03/' + ctx.planYear + '.',
      );
    } else if (compareDates(completionDate, ctx.period.cutOff) > 0) {
      add(
        'warning',
        row,
        'completionDate',
        formatDateVn(completionDate),
        `Ngày hoàn thành sau ngày chốt số liệu ${formatDateVn(ctx.period.cutOff)} của kỳ ${ctx.period.name}: nhiệm vụ chưa được tính là hoàn thành trong kỳ này (sẽ được tính ở kỳ sau).`,
      );
    } else if (status && status !== 'done') {
      add(
        'warning',
        row,
        'completionDate',
        formatDateVn(completionDate),
        `Có ngày hoàn thành nhưng tình trạng là "${STATUS_LABELS[status]}". Chọn "${STATUS_LABELS.done}" hoặc xóa ngày.`,
      );
    }
  }

  const evidence = text(cell('evidence'));
  if (status === 'done') {
    if (evidence === '') {
      add(
        'error',
        row,
        'evidence',
        '',
        `"${STATUS_LABELS.done}" cần có minh chứng: số, ngày văn bản (ví dụ Báo cáo số 15/BC-UBND ngày 10/3/${ctx.planYear}) hoặc đường dẫn tới văn bản.`,
      );
    } else if (!looksLikeEvidence(evidence)) {
      add(
        'warning',
        row,
        'evidence',
        evidence,
        'Minh chứng chưa nêu số, ngày văn bản hoặc đường dẫn; ghi rõ để kiểm tra được.',
      );
    }
    if (isBlank(dateCell)) {
      add(
        'warning',
        row,
        'completionDate',
        '',
        `"${STATUS_LABELS.done}" nhưng chưa ghi ngày hoàn thành: không tính được đúng hạn hay chậm.`,
      );
    }
  }

  const reason = text(cell('reason'));
  if (status === 'dropped' && reason === '') {
    add('error', row, 'reason', '', `"${STATUS_LABELS.dropped}" phải ghi lý do.`);
  }

  const spentCell = cell('budgetSpent');
  let budgetSpent: number | null = null;
  if (!isBlank(spentCell)) {
    const spent = parseBudget(spentCell);
    if (
      (spent.kind === 'amount' || spent.kind === 'none') &&
      spent.amount !== null &&
      !spent.problems.includes('negative')
    ) {
      budgetSpent = spent.amount;
    } else {
      add(
        'error',
        row,
        'budgetSpent',
        text(spentCell),
        'Kinh phí đã sử dụng phải là số tiền bằng đồng (ví dụ 15.000.000 hoặc 15 triệu); ghi 0 nếu chưa sử dụng.',
      );
    }
  }

  return {
    unit: ctx.unit,
    sheet,
    row,
    task: known.task,
    origin: known.origin,
    status,
    completionDate,
    evidence,
    budgetSpent,
    reason,
    notes: text(cell('notes')),
  };
}
