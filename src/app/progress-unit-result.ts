/**
 * One unit's part of a period consolidation (consolidate-progress.ts): from the read of its
 * progress sheet, its state, entries and problems, and the links into its file.
 */
import { CellValue } from '../domain/cell';
import { cellUrl } from '../domain/consolidate/links';
import { UnitRef } from '../domain/consolidate/task-row';
import { OfficeConfig } from '../domain/config/fields';
import { a1 } from '../domain/plan/columns';
import { Problem } from '../domain/problem';
import { entriesOf, ENTRY_HEADERS } from '../domain/progress/master-sheets';
import { PeriodUnit } from '../domain/progress/period-progress';
import { ReportingPeriod } from '../domain/progress/periods';
import { ProgressEntry, readProgressSheet } from '../domain/progress/read';
import { progressColumn, progressSheetName } from '../domain/progress/sheet';
import { rowsOfProgressSheet } from '../domain/progress/sheet-rows';
import { periodUnitState } from '../domain/progress/unit-state';
import { TrackRecord } from '../domain/tracking/status';
import { Unit } from '../domain/registry/unit';
import { FILE_STATE_TEXT } from '../domain/unit-file/naming';
import { SheetRead } from '../gas/unit-reader';

const UNREADABLE_TEXT: Record<'missing' | 'failed', string> = {
  missing: FILE_STATE_TEXT.missing,
  failed: 'Không đọc được tệp; thử lại sau',
};

/** The period's sheets as its last run left them: what a unit keeps when its file cannot be read. */
export interface PreviousRun {
  readonly entries: readonly CellValue[][];
  readonly units: readonly PeriodUnit[];
  readonly consolidatedAt: string;
}

/** What one unit's read gave: its state, its entries and problems, and the links into its file. */
export interface UnitResult {
  readonly unit: PeriodUnit;
  readonly entries: readonly ProgressEntry[];
  readonly problems: readonly Problem[];
  /** Why the file could not be read (not: a file without the sheet, which is a unit not reporting). */
  readonly unreadable: string | null;
  /** A cell of the unit's sheet. */
  readonly link: (cell: string) => string;
  /** An entry's status cell (for entries kept from the last run: the link that run wrote). */
  readonly entryLink: (e: ProgressEntry) => string;
  /** Entries kept from the last run (its file could not be read). */
  readonly carried?: number;
}

const STATUS_COLUMN = progressColumn('status');

/**
 * A unit whose file could not be read (gone, or not shared with this admin — not a file without
 * the sheet) keeps what the last run read of it, and its state then, as the plan's consolidation
 * keeps its rows: a file out of reach says nothing of the unit's report.
 */
function carriedResult(
  unit: UnitRef,
  where: { readonly fileUrl: string; readonly sheet: string; readonly planYear: number },
  text: string,
  previous: PreviousRun,
): UnitResult {
  const { fileUrl, sheet, planYear } = where;
  const rows = previous.entries.filter((r) => String(r[1]) === unit.code);
  const links = new Map(
    rows.map((r) => [Number(r[ENTRY_HEADERS.indexOf('Dòng')]), String(r[ENTRY_HEADERS.indexOf('Liên kết')])]),
  );
  const entries = entriesOf(rows, planYear);
  const state = previous.units.find((u) => u.unit.code === unit.code)?.state ?? 'missing';
  const kept =
    entries.length > 0
      ? ` Giữ ${entries.length} nhiệm vụ của lần tổng hợp trước (${previous.consolidatedAt}).`
      : '';
  return {
    unit: { unit, state: entries.length > 0 ? state : 'missing', fileUrl },
    entries,
    problems: [missingProblem(unit, sheet, `${text}.${kept}`)],
    unreadable: text,
    link: () => fileUrl,
    entryLink: (e) => links.get(e.row) ?? fileUrl,
    carried: entries.length,
  };
}

function missingProblem(unit: UnitRef, sheet: string, message: string): Problem {
  return { severity: 'error', unit, sheet, cell: '', field: '', value: '', message };
}

export function readResult(
  unit: Unit,
  read: SheetRead | undefined,
  config: OfficeConfig,
  period: ReportingPeriod,
  previous: (period: ReportingPeriod) => PreviousRun,
  record?: Pick<TrackRecord, 'status'>,
): UnitResult {
  const ref = { code: unit.code, name: unit.name };
  const sheet = progressSheetName(period);
  const fileUrl = unit.fileId ? cellUrl(unit.fileId, null, '') : '';
  const base = { entries: [], unreadable: null, link: () => fileUrl, entryLink: () => fileUrl };
  if (!unit.fileId || !read) {
    const message = 'Đơn vị chưa có tệp bảng tính; chạy "Tạo bảng tính cho đơn vị".';
    return {
      ...base,
      unit: { unit: ref, state: 'missing', fileUrl },
      problems: [missingProblem(ref, sheet, message)],
    };
  }
  if (!read.grid) {
    if (read.failure === 'no-sheet') {
      const message = `Tệp của đơn vị không có trang "${sheet}" (chưa cập nhật mẫu, hoặc trang đã bị xóa, đổi tên): đơn vị chưa báo cáo kỳ ${period.name}.`;
      return {
        ...base,
        unit: { unit: ref, state: 'missing', fileUrl },
        problems: [missingProblem(ref, sheet, message)],
      };
    }
    const text = UNREADABLE_TEXT[read.failure === 'missing' ? 'missing' : 'failed'];
    return carriedResult(ref, { fileUrl, sheet, planYear: config.planYear }, text, previous(period));
  }
  const fileId = unit.fileId;
  const link = (cell: string) => cellUrl(fileId, read.sheetId, cell);
  // The plan the sheet is read against is the sheet's own carried rows: what the unit was asked
  // about when the push made or refreshed it (locked, with each task's id and origin). A second
  // read of "Nhiệm vụ" would double the reads and judge the unit on tasks added to its plan since
  // the push, which its sheet does not show yet.
  const rows = rowsOfProgressSheet(read.grid, config.planYear);
  const plan = new Map(
    (rows ?? []).flatMap((r) =>
      r.origin === 'not-in-plan' ? [] : [[r.task.id, { task: r.task, origin: r.origin }] as const],
    ),
  );
  const reading = readProgressSheet(read.grid, { unit: ref, period, planYear: config.planYear, plan });
  const state = periodUnitState(rows, record);
  // An untouched sheet is one missing report, not one warning per empty status; its tasks still
  // count (as not started): they are the unit's plan.
  const problems =
    state === 'missing' && reading.structureOk
      ? [
          {
            ...missingProblem(
              ref,
              sheet,
              `Đơn vị chưa nhập báo cáo tiến độ kỳ ${period.name} (trang "${sheet}" còn trống).`,
            ),
            severity: 'warning' as const,
          },
        ]
      : reading.problems;
  return {
    unit: { unit: ref, state, fileUrl },
    entries: reading.entries,
    problems,
    unreadable: null,
    link,
    entryLink: (e) => link(a1(e.row, STATUS_COLUMN)),
  };
}
