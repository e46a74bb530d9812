import { OfficeConfig } from '../config/fields';
import { addDays, compareDates, DateOnly } from '../dates';
import type { SubmissionStatus, TrackRecord } from '../tracking/status';
import { trackKey } from '../tracking/track-sheet';
import { Round, RoundKey } from '../unit-file/submission';
import { PeriodUnitState } from './period-progress';
import { ReportingPeriod } from './periods';
import { progressSheetName } from './sheet';

/**
 * A reporting period is a round of the tracking model, like the plan: the unit says "sent" in its
 * "Nộp kế hoạch" sheet (one row per opened period, under the plan's rows), the refresh moves the
 * round's status, archives and locks the progress sheet on submission, reminders chase it before
 * and after the period's `unitDue`. This module is the one place that says which periods are
 * rounds of a unit and what a round of a period is.
 */
export const PERIOD_ROUND_PREFIX = 'progress:';

export function periodRoundKey(period: ReportingPeriod): RoundKey {
  return `${PERIOD_ROUND_PREFIX}${period.key}`;
}

/** The round of a period: due on the units' due day; its table is the period's progress sheet. */
export function periodRound(config: Pick<OfficeConfig, 'planYear'>, period: ReportingPeriod): Round {
  return {
    key: periodRoundKey(period),
    label: `Báo cáo tiến độ ${period.name} năm ${config.planYear}`,
    deadline: period.unitDue,
    tasksSheet: progressSheetName(period),
    period,
  };
}

/**
 * The day a period opens (its sheet is pushed into the unit files, its round tracked): the year's
 * first period on 1 January of the plan year, every later one the day after the previous period's
 * units' due date — so exactly one period is being filled at a time, and the dates are those the
 * office set in "Kỳ báo cáo tiến độ" (no other setting).
 */
export function periodOpensOn(
  periods: readonly ReportingPeriod[],
  index: number,
  planYear: number,
): DateOnly {
  return index === 0 ? { y: planYear, m: 1, d: 1 } : addDays(periods[index - 1].unitDue, 1);
}

/** What opening a unit's periods depends on beyond the dates. */
export interface PeriodOpening {
  /** The unit's plan was submitted at least once: before that there is no plan to report on. */
  readonly planSubmitted: boolean;
  /** A period already tracked for the unit stays a round (a record exists for its key). */
  readonly tracked: (key: RoundKey) => boolean;
}

/**
 * The periods that are rounds of a unit today: those opened by date once its plan was submitted,
 * and any already tracked. Always a prefix of the configured periods (every period up to the last
 * one open), so each keeps its fixed row in "Nộp kế hoạch" (plan rounds first, then the periods).
 */
export function openPeriods(
  config: Pick<OfficeConfig, 'planYear' | 'reportingPeriods'>,
  today: DateOnly,
  opening: PeriodOpening,
): ReportingPeriod[] {
  const periods = config.reportingPeriods;
  let last = -1;
  periods.forEach((p, i) => {
    const byDate =
      opening.planSubmitted && compareDates(today, periodOpensOn(periods, i, config.planYear)) >= 0;
    if (byDate || opening.tracked(periodRoundKey(p))) last = i;
  });
  return periods.slice(0, last + 1);
}

/** Statuses in which the office holds the unit's report: its sheet is never rewritten. */
export function isSent(status: SubmissionStatus): boolean {
  return status === 'submitted' || status === 'accepted';
}

/**
 * Where a unit stands in a period, from its round's tracking record (absent: the period is not a
 * round of the unit yet): sent (submitted or accepted) is 'reported'; something typed, or returned
 * for more, is 'drafting'; nothing typed, no sheet, or no round is 'missing'. The record alone:
 * unit-state.ts's `periodUnitState` also reads the unit's sheet.
 */
export function trackedUnitState(record: Pick<TrackRecord, 'status'> | undefined): PeriodUnitState {
  if (!record) return 'missing';
  if (isSent(record.status)) return 'reported';
  if (record.status === 'drafting' || record.status === 'returned') return 'drafting';
  return 'missing';
}

/** A unit's record of a period's round among the records as readTrackRecords holds them. */
export function periodRecordOf<R>(
  records: ReadonlyMap<string, R>,
  unitCode: string,
  period: ReportingPeriod,
): R | undefined {
  return records.get(trackKey(unitCode, periodRoundKey(period)));
}

/**
 * The ids of the unit's plan as last submitted (kept on the plan round's record at submission),
 * for carry-over's `baseline`; undefined when not kept (a plan submitted before baselines were).
 */
export function baselineOf(
  records: ReadonlyMap<string, Pick<TrackRecord, 'baselineIds'>>,
  unitCode: string,
): ReadonlySet<string> | undefined {
  const ids = records.get(trackKey(unitCode, 'plan'))?.baselineIds;
  return ids ? new Set(ids) : undefined;
}
