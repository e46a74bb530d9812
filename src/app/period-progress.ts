import { CellValue } from '../domain/cell';
import { OfficeConfig } from '../domain/config/fields';
import { entryOf, periodSheetNames, problemOfRow, ratesSheetReading } from '../domain/progress/master-sheets';
import { PeriodProgress } from '../domain/progress/period-progress';
import { ReportingPeriod } from '../domain/progress/periods';
import { ProgressEntry } from '../domain/progress/read';
import { MasterWorkbook } from '../gas/master';
import { findSheet } from '../gas/replace-sheets';

function valuesOf(master: MasterWorkbook, name: string): CellValue[][] | null {
  const sheet = findSheet(master.ss, name);
  return sheet ? (sheet.getDataRange().getValues() as CellValue[][]) : null;
}

/**
 * A period's consolidated progress, read back from the master sheets the period's consolidation
 * wrote ("Tiến độ <kỳ> - Tổng hợp", "- Tỷ lệ", "- Lỗi dữ liệu"; a complete version waiting for its
 * swap counts, as for every reader of replaced sheets). Null when the period was never
 * consolidated. The report documents and the charts are made from this only: they never open the
 * units' files, and they show exactly what the consolidation wrote.
 */
export function loadPeriodProgress(
  master: MasterWorkbook,
  config: OfficeConfig,
  period: ReportingPeriod,
): PeriodProgress | null {
  const names = periodSheetNames(period);
  const entriesGrid = valuesOf(master, names.entries);
  const ratesGrid = valuesOf(master, names.rates);
  if (!entriesGrid || !ratesGrid) return null;
  const { units, consolidatedAt } = ratesSheetReading(ratesGrid);
  const entries = entriesGrid
    .slice(1)
    .map((r) => entryOf(r, config.planYear))
    .filter((e): e is ProgressEntry => e !== null);
  const problems = (valuesOf(master, names.problems) ?? [])
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map(problemOfRow);
  return { period, planYear: config.planYear, units, entries, problems, consolidatedAt };
}
