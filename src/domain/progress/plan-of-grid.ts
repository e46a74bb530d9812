import { CellValue } from '../cell';
import { parseCompletionTime } from '../parse/completion-time';
import { columnIndex, TaskColumn } from '../plan/columns';
import { valueText } from '../problem';
import { normalizeText } from '../text/normalize';
import { locateTaskTable } from '../unit-file/task-table';
import { PlanTaskSource } from './carry-over';

/**
 * The tasks of a unit's "Nhiệm vụ" sheet as carry-over takes them, straight from the sheet's grid
 * (row 1 first): for the template push (which reads the file anyway) and for the baseline the
 * refresh keeps at the plan's submission — neither runs the whole consolidation reading. The rows
 * are those the consolidation counts as tasks: under a section row, with a task text, above a
 * signature block; a second copy of a section row is skipped. Null when the header was changed
 * (nothing may be read into the wrong columns; the push and consolidation word that problem).
 */
export function planTasksOfGrid(
  grid: readonly (readonly CellValue[])[],
  columns: readonly TaskColumn[],
  planYear: number,
): PlanTaskSource[] | null {
  const shape = locateTaskTable(grid, columns);
  if (shape.headerProblems.length > 0) return null;
  const at = (role: TaskColumn['role']) => columnIndex(columns, role);
  const text = (v: CellValue | undefined) => normalizeText(valueText(v ?? ''));
  const sectionRows = new Set(shape.sections.map((s) => s.row));
  const skipped = new Set(shape.lookalikes.filter((l) => l.kind === 'duplicate').map((l) => l.row));
  const end = shape.trailing ? shape.trailing.first - 1 : shape.lastRow;
  const tasks: PlanTaskSource[] = [];
  shape.sections.forEach((section, k) => {
    const next = shape.sections[k + 1]?.row ?? end + 1;
    for (let row = section.row + 1; row < next && row <= end; row++) {
      if (sectionRows.has(row) || skipped.has(row)) continue;
      const cells = grid[row - 1] ?? [];
      const task = text(cells[at('task')]);
      if (task === '') continue;
      tasks.push({
        area: section.area,
        task,
        result: text(cells[at('result')]),
        lead: text(cells[at('lead')]),
        completion: parseCompletionTime(text(cells[at('completion')]), planYear),
      });
    }
  });
  return tasks;
}
