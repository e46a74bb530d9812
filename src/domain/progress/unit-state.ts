import { isBlank } from '../cell';
import { hasInput } from './carry-over';
import { ProgressRow } from './model';
import { PeriodUnitState } from './period-progress';
import { trackedUnitState } from './period-rounds';
import { TrackRecord } from '../tracking/status';

/**
 * Where a unit stands in a period. The period is a round of the tracking (period-rounds.ts), so
 * once the refresh keeps a record for it the record decides "sent": 'reported' means the unit
 * sent its report (submitted or accepted), whatever its sheet holds. Otherwise the sheet tells
 * the rest:
 * - 'missing': no sheet (not pushed, deleted, renamed, file out of reach), a sheet whose header
 *   was changed (nothing in it can be read), or one with nothing typed on any task of the plan;
 * - 'drafting': something is typed but not sent.
 * Before any refresh has seen the period (no record: the sheet was made and filled between two
 * refreshes), the sheet alone decides, and a complete one — every task with a status — counts as
 * reported: the closest to "sent" the consolidation can see.
 * Rows whose task left the plan ('not-in-plan') never count: they carry an earlier period's words
 * and say nothing of this one.
 */
export function periodUnitState(
  rows: readonly ProgressRow[] | null,
  record?: Pick<TrackRecord, 'status'>,
): PeriodUnitState {
  if (!rows) return 'missing';
  const tasks = rows.filter((r) => r.origin !== 'not-in-plan');
  if (record && trackedUnitState(record) === 'reported') return 'reported';
  if (!tasks.some((r) => hasInput(r.input))) return 'missing';
  if (record) return 'drafting';
  return tasks.every((r) => !isBlank(r.input.status)) ? 'reported' : 'drafting';
}
