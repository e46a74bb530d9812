import { CellValue } from '../domain/cell';
import { OfficeConfig } from '../domain/config/fields';
import {
  entryOf,
  PeriodSheetNames,
  periodSheetNames,
  problemOfRow,
  ratesSheetReading,
} from '../domain/progress/master-sheets';
import { PeriodProgress } from '../domain/progress/period-progress';
import { ReportingPeriod } from '../domain/progress/periods';
import { ProgressEntry } from '../domain/progress/read';
import { MasterWorkbook } from '../gas/master';
import { completeName, draftName, findSheet } from '../gas/replace-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheets a period's consolidation replaces as one group, the entries first (its marker). */
export function periodGroup(names: PeriodSheetNames): string[] {
  return [names.entries, names.rates, names.overdue, names.problems];
}

/**
 * One sheet of a period's group as of the same run as the others. The swap marks the entries
 * sheet complete first, and only once every sheet of the group is written in full: so while the
 * entries' complete version waits for its swap, every sheet's newest version — marked or not yet —
 * is whole and of the same run; otherwise each sheet's newest complete version is.
 */
export function periodSheet(master: MasterWorkbook, names: PeriodSheetNames, name: string): Sheet | null {
  const ss = master.ss;
  const swapping = ss.getSheetByName(completeName(names.entries)) !== null;
  if (swapping)
    return (
      ss.getSheetByName(completeName(name)) ?? ss.getSheetByName(draftName(name)) ?? ss.getSheetByName(name)
    );
  return findSheet(ss, name);
}

export function periodSheetValues(
  master: MasterWorkbook,
  names: PeriodSheetNames,
  name: string,
): CellValue[][] | null {
  const sheet = periodSheet(master, names, name);
  return sheet ? (sheet.getDataRange().getValues() as CellValue[][]) : null;
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
  const entries = entriesGrid
    .slice(1)
    .map((r) => entryOf(r, config.planYear))
    .filter((e): e is ProgressEntry => e !== null);
  const problems = (periodSheetValues(master, names, names.problems) ?? [])
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map(problemOfRow);
  return { period, planYear: config.planYear, units, entries, problems, consolidatedAt };
}
