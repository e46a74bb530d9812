import { PROBLEMS_SHEET } from '../domain/consolidate/master-sheets';
import { valueText } from '../domain/problem';
import { MasterWorkbook } from '../gas/master';

/**
 * Problems per unit code in the last consolidation's "Lỗi dữ liệu" sheet; null before any
 * consolidation. Shared by the console (its per-unit counts) and the reminders (which name them).
 */
export function problemCounts(master: MasterWorkbook): Map<string, number> | null {
  const grid = master.readSheet(PROBLEMS_SHEET);
  if (grid.length === 0) return null;
  const counts = new Map<string, number>();
  for (const row of grid.slice(1)) {
    const code = valueText(row[0]);
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}
