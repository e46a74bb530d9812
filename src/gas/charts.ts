import { ChartSpec } from '../domain/tracking/dashboard';
import { REGISTRY_HEADER_ROW, REGISTRY_SHEET } from '../domain/registry/columns';
import { STATUS_LABELS } from '../domain/tracking/status';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CHART_TYPES: Readonly<Record<ChartSpec['kind'], () => GoogleAppsScript.Charts.ChartType>> = {
  pie: () => Charts.ChartType.PIE,
  column: () => Charts.ChartType.COLUMN,
  bar: () => Charts.ChartType.BAR,
};

/** Embedded charts on a freshly rebuilt sheet (its old charts went with the old sheet). */
export function drawCharts(ss: Spreadsheet, sheetName: string, charts: readonly ChartSpec[]): void {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return;
  for (const spec of charts) {
    const range = sheet.getRange(spec.data.row, spec.data.column, spec.data.numRows, spec.data.numColumns);
    const chart = sheet
      .newChart()
      .setChartType(CHART_TYPES[spec.kind]())
      .addRange(range)
      .setNumHeaders(1)
      .setOption('title', spec.title)
      .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
      .build();
    sheet.insertChart(chart);
  }
}

/** Background per status (the first matching rule wins: "Quá hạn" first). */
const STATUS_COLOURS: readonly [string, string][] = [
  ['Quá hạn', '#f4cccc'],
  [STATUS_LABELS.accepted, '#d9ead3'],
  [STATUS_LABELS.submitted, '#cfe2f3'],
  [STATUS_LABELS.returned, '#fce5cd'],
  [STATUS_LABELS.drafting, '#fff2cc'],
  [STATUS_LABELS['not-started'], '#eeeeee'],
];

/** Colours the registry's status column by conditional formatting (rules replaced, not added). */
export function colourStatusColumn(ss: Spreadsheet, column: number): void {
  const sheet = ss.getSheetByName(REGISTRY_SHEET);
  if (!sheet) return;
  const range = sheet.getRange(
    REGISTRY_HEADER_ROW + 1,
    column,
    Math.max(1, sheet.getMaxRows() - REGISTRY_HEADER_ROW),
    1,
  );
  const rules = STATUS_COLOURS.map(([text, colour]) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextContains(text)
      .setBackground(colour)
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
}
