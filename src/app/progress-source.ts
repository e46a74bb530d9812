import { OfficeConfig } from '../domain/config/fields';
import { PeriodProgress } from '../domain/progress/period-progress';
import { ReportingPeriod } from '../domain/progress/periods';
import { MasterWorkbook } from '../gas/master';

/**
 * Where the report documents and the dashboard get a period's consolidated progress: the
 * consolidation's `loadPeriodProgress` (it reads back what the period's consolidation wrote in
 * the master; null when the period has not been consolidated). The reports only consume it.
 */
export type LoadPeriodProgress = (
  master: MasterWorkbook,
  config: OfficeConfig,
  period: ReportingPeriod,
) => PeriodProgress | null;

/**
 * Until the consolidation's loader is wired in (issue 17, item 4), no period reads as
 * consolidated: every report run tells the person to consolidate first. Tests and the merge set
 * the real one with `setPeriodProgressLoader`; the job registry resumes reports through
 * `periodProgressLoader()`, so a continuation sees the same loader as the run it continues.
 */
let loader: LoadPeriodProgress = () => null;

export function periodProgressLoader(): LoadPeriodProgress {
  return loader;
}

export function setPeriodProgressLoader(load: LoadPeriodProgress): void {
  loader = load;
}

/** Every consolidated period of the year, in the configured order (for the dashboard). */
export function consolidatedPeriods(
  master: MasterWorkbook,
  config: OfficeConfig,
  load: LoadPeriodProgress = loader,
): PeriodProgress[] {
  return config.reportingPeriods.flatMap((p) => {
    const progress = load(master, config, p);
    return progress ? [progress] : [];
  });
}
