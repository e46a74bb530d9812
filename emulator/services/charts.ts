/**
 * The Charts global (Charts service). The emulator provides its enums, which scripts pass to
 * SpreadsheetApp's chart builders (`sheet.newChart().setChartType(Charts.ChartType.PIE)`). They
 * are the very objects the SpreadsheetApp emulator uses, so `builder.getChartType() ===
 * Charts.ChartType.PIE` holds. The stand-alone chart builders (Charts.newPieChart()…, charts drawn
 * from a DataTable as images) are not emulated.
 */
import type { EmulatorContext } from '../core/context';
import { Typed } from './spreadsheet/enums';

export type EmulatedCharts = Pick<
  GoogleAppsScript.Charts.Charts,
  | 'ChartHiddenDimensionStrategy'
  | 'ChartMergeStrategy'
  | 'ChartType'
  | 'ColumnType'
  | 'CurveStyle'
  | 'PointStyle'
  | 'Position'
>;

/** The Charts global. Enum reads are property reads, not service calls: nothing is charged. */
export function createCharts(_ctx: EmulatorContext): EmulatedCharts {
  return Object.freeze({
    ChartHiddenDimensionStrategy: Typed.ChartHiddenDimensionStrategy,
    ChartMergeStrategy: Typed.ChartMergeStrategy,
    ChartType: Typed.ChartType,
    ColumnType: Typed.ColumnType,
    CurveStyle: Typed.CurveStyle,
    PointStyle: Typed.PointStyle,
    Position: Typed.ChartPosition,
  });
}
