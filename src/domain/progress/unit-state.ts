import { isBlank } from '../cell';
import { hasInput } from './carry-over';
import { ProgressRow } from './model';
import { PeriodUnitState } from './period-progress';

/**
 * Where a unit stands in a period, from its progress sheet alone (the one place this is decided,
 * so the period rounds of tracking can replace the rule without touching the consolidation):
 * - 'missing': no sheet (not pushed, deleted, renamed, file out of reach), a sheet whose header
 *   was changed (nothing in it can be read), or one with nothing typed on any task of the plan;
 * - 'reported': every task of the plan has a status chosen — the report is complete;
 * - 'drafting': something is typed, but some task has no status yet.
 * Rows whose task left the plan ('not-in-plan') never count: they carry an earlier period's words
 * and say nothing of this one.
 *
 * Until tracking keeps a round per period, "reported" cannot mean "sent" (the unit's own status
 * choice): a complete sheet is the closest the consolidation can see.
 */
export function periodUnitState(rows: readonly ProgressRow[] | null): PeriodUnitState {
  if (!rows) return 'missing';
  const tasks = rows.filter((r) => r.origin !== 'not-in-plan');
  if (!tasks.some((r) => hasInput(r.input))) return 'missing';
  return tasks.every((r) => !isBlank(r.input.status)) ? 'reported' : 'drafting';
}
