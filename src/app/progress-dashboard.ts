import { progressDashboardSpec } from '../domain/progress/dashboard';
import { PeriodProgress } from '../domain/progress/period-progress';
import { drawCharts } from '../gas/charts';
import { MasterWorkbook } from '../gas/master';
import { replaceSheets } from '../gas/replace-sheets';
import { formatTimestamp } from '../gas/values';
import { loadConfig } from './config';
import { protectionEditors } from './provision';

/**
 * "Tiến độ - Biểu đồ" rebuilt from every consolidated period (domain/progress/dashboard.ts): the
 * sheet replaced whole (replace-sheets.ts: a run that dies leaves the previous one), then its two
 * embedded charts drawn on the new sheet — the old charts went with the old sheet, so a rerun
 * never leaves two of a chart.
 */
export function writeProgressDashboard(master: MasterWorkbook, progresses: readonly PeriodProgress[]): void {
  const config = loadConfig(master);
  const dashboard = progressDashboardSpec(progresses, formatTimestamp(new Date(), master.timeZone()));
  replaceSheets(master.ss, [dashboard.sheet], protectionEditors(config));
  drawCharts(master.ss, dashboard.sheet.name, dashboard.charts);
}
