import { CellValue } from '../domain/cell';
import { OfficeConfig } from '../domain/config/fields';
import {
  entriesOf,
  PeriodSheetNames,
  periodSheetNames,
  problemOfRow,
  ratesSheetReading,
} from '../domain/progress/master-sheets';
import { PeriodProgress } from '../domain/progress/period-progress';
import { ReportingPeriod } from '../domain/progress/periods';
import { MasterWorkbook } from '../gas/master';
import { readGroupSheet } from '../gas/replace-sheets';

/** The sheets a period's consolidation replaces as one group, the entries first (its marker). */
export function periodGroup(names: PeriodSheetNames): string[] {
  return [names.entries, names.rates, names.overdue, names.problems];
}

/** A sheet of the period's group, of the same run as the others even mid-swap (findGroupSheet). */
export function periodSheetValues(
  master: MasterWorkbook,
  names: PeriodSheetNames,
  name: string,
): CellValue[][] | null {
  return readGroupSheet(master.ss, periodGroup(names), name, master.timeZone());
}

/**
 * A period's consolidated progress, read back from the master sheets the period's consolidation
 * wrote ("Tiến độ <kỳ> - Tổng hợp", "- Tỷ lệ", "- Lỗi dữ liệu"), all of the same run even while a
 * swap is under way. Null when the period was never consolidated. The report documents and the
 * charts are made from this only: they never open the units' files, and they show exactly what
 * the consolidation wrote.
 */
export function loadPeriodProgress(
  master: MasterWorkbook,
  config: OfficeConfig,
  period: ReportingPeriod,
): PeriodProgress | null {
  const names = periodSheetNames(period);
  const entriesGrid = periodSheetValues(master, names, names.entries);
  const ratesGrid = periodSheetValues(master, names, names.rates);
  if (!entriesGrid || !ratesGrid) return null;
  const { units, consolidatedAt } = ratesSheetReading(ratesGrid);
  const entries = entriesOf(entriesGrid.slice(1), config.planYear);
  const problems = (periodSheetValues(master, names, names.problems) ?? [])
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map(problemOfRow);
  return { period, planYear: config.planYear, units, entries, problems, consolidatedAt };
}
