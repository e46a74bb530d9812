import { compareDates } from '../dates';
import { REFORM_AREAS } from '../plan/areas';
import { area, SpecValue } from '../sheet-spec';
import { ChartSpec, Dashboard } from '../tracking/dashboard';
import { UnitRef } from '../consolidate/task-row';
import { PeriodProgress } from './period-progress';
import { progressRates, RATE_DEFINITIONS, ratesOf } from './rates';

/**
 * "Tiến độ - Biểu đồ": completion over the consolidated periods of the year, rebuilt (never
 * edited by hand) from the list of every period's PeriodProgress. Two blocks, each a chart with
 * its table under it: the completion rate per reform area per period (columns), and per unit per
 * period (bars), the units furthest behind in the latest period first — a unit that has not
 * reported in it comes before every unit that has. Rates are percentages (0–100, one decimal) so
 * the charts' axes read as the report's "42,9%"; a period without tasks leaves its cell blank.
 */
export const PROGRESS_DASHBOARD_SHEET = 'Tiến độ - Biểu đồ';

/** Rows a chart takes above its table (a default embedded chart is about 370 px, rows 21 px). */
export const CHART_ROWS = 20;

const percent = (rate: number | null): SpecValue => (rate === null ? '' : Math.round(rate * 1000) / 10);

/** The periods in cut-off order (the caller may pass them as the consolidation found them). */
function ordered(progresses: readonly PeriodProgress[]): PeriodProgress[] {
  return [...progresses].sort(
    (a, b) => a.planYear - b.planYear || compareDates(a.period.cutOff, b.period.cutOff),
  );
}

/**
 * Every unit of any period, in the latest period's registry order (then any others), each with its
 * completion rate per period (null: no entries in that period, i.e. it did not report).
 */
export function unitRows(
  progresses: readonly PeriodProgress[],
): { unit: UnitRef; rates: (number | null)[] }[] {
  const periods = ordered(progresses);
  const units = new Map<string, UnitRef>();
  for (const p of [...periods].reverse())
    for (const u of p.units) if (!units.has(u.unit.code)) units.set(u.unit.code, u.unit);
  const rows = [...units.values()].map((unit) => ({
    unit,
    rates: periods.map((p) => {
      const entries = p.entries.filter((e) => e.unit.code === unit.code);
      return entries.length === 0 ? null : ratesOf(entries, p.period, p.planYear).completedRate;
    }),
  }));
  const latest = (r: { rates: (number | null)[] }) => r.rates[r.rates.length - 1] ?? -1;
  // Stable: units equally behind keep the registry order.
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => latest(a.r) - latest(b.r) || a.i - b.i)
    .map((x) => x.r);
}

export function progressDashboardSpec(progresses: readonly PeriodProgress[], updatedText: string): Dashboard {
  const periods = ordered(progresses);
  const year = periods[periods.length - 1]?.planYear ?? '';
  const periodHeaders = periods.map((p) => `${p.period.name} (%)`);
  const width = 1 + Math.max(1, periods.length);
  const values: SpecValue[][] = [
    [`TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${year}`],
    [`Cập nhật lúc ${updatedText}. Tỷ lệ hoàn thành (%) theo từng kỳ báo cáo đã tổng hợp.`],
    [],
  ];
  const charts: ChartSpec[] = [];
  const headers: number[] = [];
  const bold: number[] = [1];

  if (periods.length === 0) {
    values.push(['Chưa có kỳ báo cáo nào được tổng hợp. Chạy "Tổng hợp tiến độ" trước.']);
  } else {
    // Block 1: by area.
    bold.push(values.length + 1);
    values.push(['1. Tỷ lệ hoàn thành theo lĩnh vực']);
    const areaChartRow = values.length + 1;
    for (let i = 0; i < CHART_ROWS; i++) values.push([]);
    const areaHeader = values.length + 1;
    headers.push(areaHeader);
    values.push(['Lĩnh vực', ...periodHeaders]);
    const byPeriod = periods.map((p) => progressRates(p.entries, p.period, p.planYear));
    REFORM_AREAS.forEach((a, i) => {
      values.push([
        `${a.roman}. ${a.tableTitle}`,
        ...byPeriod.map((r) => percent(r.byArea[i].rates.completedRate)),
      ]);
    });
    values.push(['Chung', ...byPeriod.map((r) => percent(r.overall.completedRate))]);
    charts.push({
      kind: 'column',
      title: 'Tỷ lệ hoàn thành theo lĩnh vực (%)',
      data: area(areaHeader, 1, REFORM_AREAS.length + 1, width),
      anchor: { row: areaChartRow, column: 1 },
    });
    values.push([]);

    // Block 2: by unit, furthest behind first.
    bold.push(values.length + 1);
    values.push([
      '2. Tỷ lệ hoàn thành theo đơn vị (đơn vị chậm nhất ở kỳ gần nhất xếp trước; ô trống: chưa báo cáo)',
    ]);
    const unitChartRow = values.length + 1;
    for (let i = 0; i < CHART_ROWS; i++) values.push([]);
    const unitHeader = values.length + 1;
    headers.push(unitHeader);
    values.push(['Đơn vị', ...periodHeaders]);
    const rows = unitRows(periods);
    for (const r of rows) values.push([r.unit.name, ...r.rates.map(percent)]);
    charts.push({
      kind: 'bar',
      title: 'Tỷ lệ hoàn thành theo đơn vị (%)',
      data: area(unitHeader, 1, rows.length + 1, width),
      anchor: { row: unitChartRow, column: 1 },
    });
    values.push([]);
    values.push([RATE_DEFINITIONS.completed]);
  }

  return {
    sheet: {
      name: PROGRESS_DASHBOARD_SHEET,
      values,
      columnWidths: [360, ...Array<number>(Math.max(1, periods.length)).fill(110)],
      styles: [
        ...bold.map((row) => ({ area: area(row, 1, 1, width), bold: true })),
        ...headers.map((row) => ({ area: area(row, 1, 1, width), bold: true, background: '#d9e2f3' })),
        { area: area(1, 1), fontSize: 14 },
      ],
      protections: [{ description: 'Tiến độ - Biểu đồ (do hệ thống dựng lại)', warningOnly: true }],
    },
    charts,
  };
}
