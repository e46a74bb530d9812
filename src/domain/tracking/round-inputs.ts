import { planFields } from '../plan/plan-fields';
import { PROGRESS_COLUMNS, PROGRESS_FIRST_ROW } from '../progress/sheet';
import { Area } from '../sheet-spec';
import {
  PLAN_HEADER_ROW,
  PLAN_VALUE_COLUMN,
  SUBMISSION_FIRST_ROW,
  TASK_FIRST_SECTION_ROW,
} from '../unit-file/sheets';
import { Round } from '../unit-file/submission';

/**
 * The unit's input areas of a submitted round — what its lock covers — described once for both
 * ways of locking (SpreadsheetApp in src/gas/unit-locks.ts, the Sheets API in src/gas/lock-api.ts),
 * so the two cannot drift apart: the lock of one must be recognised, and removed, by the other.
 */

/** A sheet's grid size (max rows and columns), as the lock reads it. */
export interface GridSize {
  readonly rows: number;
  readonly columns: number;
}

/**
 * The round's task table: a period's progress sheet from its first task row to the end, every
 * column (at least the progress columns); a plan's task sheet from its first section, its columns.
 * numRows may be ≤ 0 when the sheet is shorter than the first row (callers decide what that means).
 */
export function taskInputArea(round: Round, taskColumns: number, grid: GridSize): Area {
  const row = round.period ? PROGRESS_FIRST_ROW : TASK_FIRST_SECTION_ROW;
  const numColumns = round.period ? Math.max(PROGRESS_COLUMNS.length, grid.columns) : taskColumns;
  return { row, column: 1, numRows: grid.rows - row + 1, numColumns };
}

/** The plan sheet's value column (the plan round only). */
export function planInputArea(): Area {
  return {
    row: PLAN_HEADER_ROW + 1,
    column: PLAN_VALUE_COLUMN,
    numRows: planFields({ planYear: 0 }).length,
    numColumns: 1,
  };
}

/** The unit's cells (C: state, D: time) of the round's row in "Nộp kế hoạch". */
export function submissionInputArea(roundIndex: number): Area {
  return { row: SUBMISSION_FIRST_ROW + roundIndex, column: 3, numRows: 1, numColumns: 2 };
}
