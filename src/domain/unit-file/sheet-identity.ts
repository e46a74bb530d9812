import { CellValue } from '../cell';
import { DEFAULT_TASK_COLUMNS } from '../plan/columns';
import { valueText } from '../problem';
import { normalizeText } from '../text/normalize';
import {
  PLAN_HEADER_ROW,
  PLAN_HEADERS,
  PROPOSALS_TITLE,
  SUBMISSION_HEADER_ROW,
  SUBMISSION_UNIT_HEADERS,
  TASK_HEADER_ROW,
  TASKS_TITLE,
  UNIT_SHEETS,
} from './sheets';

/** A cell whose text a sheet always shows: its title or header, locked against the unit's edits. */
interface Mark {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

const headerMarks = (row: number, texts: readonly string[]): Mark[] =>
  texts.map((text, i) => ({ row, column: i + 1, text }));

const taskMarks = (title: string): Mark[] => [
  { row: 1, column: 1, text: title },
  ...headerMarks(
    TASK_HEADER_ROW,
    DEFAULT_TASK_COLUMNS.slice(0, 2).map((c) => c.header),
  ),
];

/**
 * What identifies each sheet a reader asks for: texts with no year and no unit name in them, so
 * they hold in every unit's file of every template. "Nhiệm vụ" and "Đề xuất" share their header
 * row: their first title row tells them apart.
 */
const MARKS: Readonly<Record<string, readonly Mark[]>> = {
  [UNIT_SHEETS.tasks]: taskMarks(TASKS_TITLE),
  [UNIT_SHEETS.proposals]: taskMarks(PROPOSALS_TITLE),
  [UNIT_SHEETS.plan]: headerMarks(PLAN_HEADER_ROW, PLAN_HEADERS.slice(0, 2)),
  [UNIT_SHEETS.submission]: headerMarks(SUBMISSION_HEADER_ROW, SUBMISSION_UNIT_HEADERS.slice(0, 3)),
};

const key = (v: CellValue | undefined) => normalizeText(valueText(v)).toLowerCase();

/**
 * Whether `grid` (from row 1) is the unit sheet `sheetName` — e.g. a CSV export asked by gid,
 * where a stale gid could give another sheet. A sheet with no marks (never read by gid) passes.
 */
export function isUnitSheet(sheetName: string, grid: readonly (readonly CellValue[])[]): boolean {
  const marks = MARKS[sheetName];
  if (!marks) return true;
  return marks.every((m) => key(grid[m.row - 1]?.[m.column - 1]) === key(m.text));
}
