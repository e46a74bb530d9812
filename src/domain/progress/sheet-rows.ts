import { CellValue, isBlank } from '../cell';
import { parseCompletionTime } from '../parse/completion-time';
import { areaByRoman, ReformArea } from '../plan/areas';
import { valueText } from '../problem';
import { normalizeText, plainKey } from '../text/normalize';
import { ADDED_MARK, NOT_IN_PLAN_MARK, ProgressRow, TaskOrigin } from './model';
import {
  PROGRESS_COLUMNS,
  PROGRESS_FIRST_ROW,
  PROGRESS_HEADER_ROW,
  progressColumn,
  ProgressColumnRole,
} from './sheet';

const text = (v: CellValue | undefined): string => (v === undefined ? '' : normalizeText(valueText(v)));

function originOf(mark: string): TaskOrigin {
  if (plainKey(mark) === plainKey(ADDED_MARK)) return 'added';
  if (plainKey(mark) === plainKey(NOT_IN_PLAN_MARK)) return 'not-in-plan';
  return 'plan';
}

/**
 * The rows a progress sheet holds now (grid from row 1), as carry-over takes them: for the next
 * period's sheet, or to refresh this one after the plan changed. Only rows with an id are tasks;
 * the area is the section row above. The unit's cells are kept exactly as read (a date cell stays
 * a date). Null when the header was changed: then nothing may be carried from it, and the
 * reading's own problem says why.
 */
export function rowsOfProgressSheet(
  grid: readonly (readonly CellValue[])[],
  planYear: number,
): ProgressRow[] | null {
  const header = grid[PROGRESS_HEADER_ROW - 1] ?? [];
  if (PROGRESS_COLUMNS.some((c, i) => plainKey(text(header[i])) !== plainKey(c.header))) return null;
  const rows: ProgressRow[] = [];
  let area: ReformArea | undefined;
  for (let i = PROGRESS_FIRST_ROW - 1; i < grid.length; i++) {
    const r = grid[i];
    const cell = (role: ProgressColumnRole): CellValue => r[progressColumn(role) - 1] ?? '';
    const id = text(cell('id'));
    if (id === '') {
      area = areaByRoman(text(cell('number'))) ?? area;
      continue;
    }
    if (!area) continue; // a task above the first section row: the sheet was rearranged
    rows.push({
      task: {
        id,
        area,
        task: text(cell('task')),
        result: text(cell('result')),
        lead: text(cell('lead')),
        completion: parseCompletionTime(
          isBlank(cell('completion')) ? '' : text(cell('completion')),
          planYear,
        ),
      },
      origin: originOf(text(cell('origin'))),
      input: {
        status: cell('status'),
        completionDate: cell('completionDate'),
        evidence: cell('evidence'),
        budgetSpent: cell('budgetSpent'),
        reason: cell('reason'),
        notes: cell('notes'),
      },
    });
  }
  return rows;
}
