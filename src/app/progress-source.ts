import { OfficeConfig } from '../domain/config/fields';
import { PeriodProgress } from '../domain/progress/period-progress';
import { ReportingPeriod } from '../domain/progress/periods';
import { MasterWorkbook } from '../gas/master';
import { loadPeriodProgress } from './period-progress';

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
 * The consolidation's own reader of the master. Tests may put crafted progress in its place
 * with `setPeriodProgressLoader` (and must put it back: see `resetPeriodProgressLoader`); the job
 * registry resumes reports through `periodProgressLoader()`, so a continuation sees the same
 * loader as the run it continues.
 */
let loader: LoadPeriodProgress = loadPeriodProgress;

export function periodProgressLoader(): LoadPeriodProgress {
  return loader;
}

export function setPeriodProgressLoader(load: LoadPeriodProgress): void {
  loader = load;
}

export function resetPeriodProgressLoader(): void {
  loader = loadPeriodProgress;
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
