import { UnitRef } from '../consolidate/task-row';
import { Problem } from '../problem';
import { ReportingPeriod } from './periods';
import { ProgressEntry } from './read';

/**
 * Where a unit stands in one reporting period, as the consolidation saw it:
 * - 'reported': it sent its progress (its period round is submitted or accepted);
 * - 'drafting': its sheet holds some input but was not sent by the consolidation;
 * - 'missing': no progress sheet, or nothing typed in it.
 */
export type PeriodUnitState = 'reported' | 'drafting' | 'missing';

export interface PeriodUnit {
  readonly unit: UnitRef;
  readonly state: PeriodUnitState;
  /** The unit's file, for links in the master and the documents; empty when it has none. */
  readonly fileUrl: string;
}

/**
 * A period's consolidated progress: what the consolidation writes into the master, and what the
 * report documents and the dashboard are made from. The consolidation is the only producer
 * (`loadPeriodProgress` reads it back from the master); documents and charts only consume it, so
 * they never open the units' files.
 */
export interface PeriodProgress {
  readonly period: ReportingPeriod;
  readonly planYear: number;
  /** Every unit expected to report, in registry order. */
  readonly units: readonly PeriodUnit[];
  /** Every counted task entry of every unit that has a readable sheet, in registry then sheet order. */
  readonly entries: readonly ProgressEntry[];
  readonly problems: readonly Problem[];
  /** When the consolidation ran ("dd/MM/yyyy HH:mm"), for the documents' "số liệu tổng hợp lúc …". */
  readonly consolidatedAt: string;
}
