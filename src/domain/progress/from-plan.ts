import { TaskRow } from '../consolidate/task-row';
import { columnIndex, TaskColumn } from '../plan/columns';
import { UNIT_SHEETS } from '../unit-file/sheets';
import { PlanTaskSource } from './carry-over';

/**
 * The tasks a progress sheet carries, from the unit's task table as consolidation read it: the
 * "Nhiệm vụ" sheet only (proposals are for the office's plan, not the unit's), rows with a task.
 */
export function planTasksOf(rows: readonly TaskRow[], columns: readonly TaskColumn[]): PlanTaskSource[] {
  const at = (role: TaskColumn['role']) => columnIndex(columns, role);
  return rows
    .filter((r) => r.sheet === UNIT_SHEETS.tasks && (r.cells[at('task')] ?? '').trim() !== '')
    .map((r) => ({
      area: r.area,
      task: r.cells[at('task')],
      result: r.cells[at('result')] ?? '',
      lead: r.cells[at('lead')] ?? '',
      completion: r.completion,
    }));
}
