import { createCharts } from '../../../emulator/services/charts';
import { CHART_MSG } from '../../../emulator/services/spreadsheet/charts';
import { SpreadsheetModel, spreadsheetModelOf } from '../../../emulator/services/spreadsheet';
import { FOCAL, thrown, world } from './helpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** A dashboard file: a registry sheet with data and a summary sheet that shows the charts. */
function dashboard() {
  const w = world();
  const Charts = createCharts(w.ctx);
  const ss = w.app.create('Bảng điều khiển');
  const summary = ss.getSheets()[0].setName('Tổng hợp');
  const data = ss.insertSheet('Số liệu');
  data.getRange('A1:B4').setValues([
    ['Trạng thái', 'Số nhiệm vụ'],
    ['Đạt', 5],
    ['Chậm', 2],
    ['Chưa làm', 1],
  ]);
  data.getRange('D1:E3').setValues([
    ['Lĩnh vực', 'Kinh phí'],
    ['Thể chế', 120],
    ['Tổ chức bộ máy', 80],
  ]);
  return { w, Charts, ss, summary, data };
}

function pie(d: ReturnType<typeof dashboard>, sheet: Sheet = d.summary) {
  return sheet
    .newChart()
    .addRange(d.data.getRange('A1:B4'))
    .asPieChart()
    .setTitle('Nhiệm vụ theo trạng thái')
    .setPosition(2, 1, 0, 0)
    .build();
}

describe('building and inserting embedded charts', () => {
  it('inserts a pie and a column chart that getCharts gives back with ids, ranges, title and position', () => {
    const d = dashboard();
    const { summary, data, Charts } = d;
    summary.insertChart(pie(d));
    summary.insertChart(
      summary
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(data.getRange('D1:E3'))
        .setOption('title', 'Kinh phí theo lĩnh vực')
        .setOption('legend', { position: 'none' })
        .setPosition(20, 5, 10, 4)
        .build(),
    );
    const charts = summary.getCharts();
    expect(charts).toHaveLength(2);
    const [a, b] = charts;
    expect(typeof a.getChartId()).toBe('number');
    expect(a.getChartId()).not.toBe(b.getChartId());
    expect(a.getOptions().get('title')).toBe('Nhiệm vụ theo trạng thái');
    expect(b.getOptions().get('title')).toBe('Kinh phí theo lĩnh vực');
    expect(b.getOptions().get('legend')).toEqual({ position: 'none' });
    expect(b.getOptions().get('pieHole')).toBeNull();
    expect(a.getRanges().map((r) => [r.getSheet().getName(), r.getA1Notation()])).toEqual([
      ['Số liệu', 'A1:B4'],
    ]);
    expect(a.modify().getChartType()).toBe(Charts.ChartType.PIE);
    expect(b.modify().getChartType()).toBe(Charts.ChartType.COLUMN);
    const info = b.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([
      20, 5, 10, 4,
    ]);
    expect(data.getCharts()).toEqual([]);
  });

  it('gives a built chart no id until it is in the spreadsheet, and inserting does not change that object', () => {
    const d = dashboard();
    const chart = pie(d);
    expect(chart.getChartId()).toBeNull();
    d.summary.insertChart(chart);
    expect(chart.getChartId()).toBeNull();
    expect(d.summary.getCharts()[0].getChartId()).toEqual(expect.any(Number));
  });

  it('inserts a new chart each time the same built chart is inserted', () => {
    const d = dashboard();
    const chart = pie(d);
    d.summary.insertChart(chart);
    d.summary.insertChart(chart);
    const ids = d.summary.getCharts().map((c) => c.getChartId());
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('refuses to insert a chart that is already in the spreadsheet', () => {
    const d = dashboard();
    d.summary.insertChart(pie(d));
    const existing = d.summary.getCharts()[0];
    expect(thrown(() => d.summary.insertChart(existing)).message).toBe(CHART_MSG.alreadyInserted);
    expect(thrown(() => d.summary.insertChart(existing.modify().build())).message).toBe(
      CHART_MSG.alreadyInserted,
    );
    expect(d.summary.getCharts()).toHaveLength(1);
  });

  it('refuses to build without a chart type or without data (stricter guess)', () => {
    const d = dashboard();
    const noType = d.summary.newChart().addRange(d.data.getRange('A1:B4'));
    const e = thrown(() => noType.build());
    expect(e.name).toBe('Exception');
    expect(e.message).toBe(CHART_MSG.noType);
    const noData = d.summary.newChart().setChartType(d.Charts.ChartType.PIE);
    expect(thrown(() => noData.build()).message).toBe(CHART_MSG.noRanges);
    expect(d.summary.newChart().getChartType()).toBeNull();
  });

  it('refuses a chart anchored outside the sheet, and a non-range, with Apps Script’s signature message', () => {
    const d = dashboard();
    const far = d.summary
      .newChart()
      .asPieChart()
      .addRange(d.data.getRange('A1:B4'))
      .setPosition(1001, 1, 0, 0)
      .build();
    expect(thrown(() => d.summary.insertChart(far)).message).toBe(CHART_MSG.anchorOutside);
    expect(() => d.summary.newChart().setPosition(0, 1, 0, 0)).toThrow(CHART_MSG.anchorOutside);
    const addRange = d.summary.newChart().addRange as unknown as (x: unknown) => unknown;
    expect(thrown(() => addRange.call(d.summary.newChart(), 'A1:B4')).message).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
    );
    expect(d.summary.getCharts()).toEqual([]);
  });
});

describe('EmbeddedChartBuilder', () => {
  it('has setTitle only on the specialised builders, which share the settings with the plain one', () => {
    const d = dashboard();
    const builder = d.summary.newChart().addRange(d.data.getRange('A1:B4'));
    expect((builder as unknown as Record<string, unknown>).setTitle).toBeUndefined();
    const asPie = builder.asPieChart();
    asPie.setTitle('Tỷ lệ');
    expect(builder.getChartType()).toBe(d.Charts.ChartType.PIE);
    const chart = builder.build();
    expect(chart.getOptions().get('title')).toBe('Tỷ lệ');
    expect(chart.modify().getChartType()).toBe(d.Charts.ChartType.PIE);
    builder.asColumnChart();
    expect(String(asPie.getChartType())).toBe('COLUMN');
    expect(builder.asBarChart().setTitle('b').getChartType()).toBe(d.Charts.ChartType.BAR);
    expect(builder.asLineChart().getChartType()).toBe(d.Charts.ChartType.LINE);
  });

  it('adds a range once, removes ranges (ignoring unknown ones) and clears them', () => {
    const d = dashboard();
    const b = d.summary.newChart();
    b.addRange(d.data.getRange('A1:B4'))
      .addRange(d.data.getRange('A1:B4'))
      .addRange(d.data.getRange('D1:E3'));
    expect(b.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B4', 'D1:E3']);
    b.removeRange(d.data.getRange('A1:B4')).removeRange(d.data.getRange('Z1'));
    expect(b.getRanges().map((r) => r.getA1Notation())).toEqual(['D1:E3']);
    b.clearRanges();
    expect(b.getRanges()).toEqual([]);
  });

  it('refuses data from another spreadsheet', () => {
    const d = dashboard();
    const other = d.w.app.create('Khác').getSheets()[0].getRange('A1:B2');
    expect(thrown(() => d.summary.newChart().addRange(other)).message).toBe(CHART_MSG.otherFile);
  });

  it('copies option values, so later changes to the caller’s object do not leak in', () => {
    const d = dashboard();
    const legend = { position: 'bottom' };
    const chart = d.summary
      .newChart()
      .asColumnChart()
      .addRange(d.data.getRange('D1:E3'))
      .setOption('legend', legend)
      .setNumHeaders(1)
      .setTransposeRowsAndColumns(true)
      .build();
    legend.position = 'top';
    expect(chart.getOptions().get('legend')).toEqual({ position: 'bottom' });
    expect(chart.getNumHeaders()).toBe(1);
    expect(chart.getTransposeRowsAndColumns()).toBe(true);
    expect(d.summary.newChart().asPieChart().addRange(d.data.getRange('A1:B4')).build().getNumHeaders()).toBe(
      -1,
    );
  });
});

describe('modify, updateChart and removeChart', () => {
  it('saves a modified chart only through updateChart, keeping its id', () => {
    const d = dashboard();
    d.summary.insertChart(pie(d));
    const chart = d.summary.getCharts()[0];
    const changed = chart.modify().setOption('title', 'Đã sửa').setPosition(5, 3, 0, 0).build();
    expect(changed.getChartId()).toBe(chart.getChartId());
    expect(d.summary.getCharts()[0].getOptions().get('title')).toBe('Nhiệm vụ theo trạng thái');
    d.summary.updateChart(changed);
    const [after] = d.summary.getCharts();
    expect(after.getChartId()).toBe(chart.getChartId());
    expect(after.getOptions().get('title')).toBe('Đã sửa');
    expect(after.getContainerInfo().getAnchorRow()).toBe(5);
    // the chart read before the update is a snapshot
    expect(chart.getOptions().get('title')).toBe('Nhiệm vụ theo trạng thái');
  });

  it('refuses to update or remove a chart that is not on the sheet', () => {
    const d = dashboard();
    d.summary.insertChart(pie(d));
    const chart = d.summary.getCharts()[0];
    expect(thrown(() => d.data.updateChart(chart)).message).toBe(CHART_MSG.notFound);
    expect(thrown(() => d.data.removeChart(chart)).message).toBe(CHART_MSG.notFound);
    expect(thrown(() => d.summary.updateChart(pie(d))).message).toBe(CHART_MSG.notFound);
    d.summary.removeChart(chart);
    expect(d.summary.getCharts()).toEqual([]);
    expect(thrown(() => d.summary.removeChart(chart)).message).toBe(CHART_MSG.notFound);
    expect(thrown(() => d.data.insertChart(pie(d))).message).toBe(CHART_MSG.otherSheet);
  });
});

describe('charts and the rest of the sheet', () => {
  it('survive Sheet.clear() (they are not cell content)', () => {
    const d = dashboard();
    d.summary.insertChart(pie(d));
    d.summary.getRange('A1').setValue('x');
    d.summary.clear();
    expect(d.summary.getCharts()).toHaveLength(1);
  });

  it('go away with their sheet, and lose data ranges whose sheet is deleted', () => {
    const d = dashboard();
    d.summary.insertChart(pie(d));
    const other = d.ss.insertSheet('Khác');
    other.insertChart(
      other
        .newChart()
        .asColumnChart()
        .addRange(d.data.getRange('D1:E3'))
        .addRange(other.getRange('A1:A3'))
        .build(),
    );
    d.ss.deleteSheet(d.summary);
    const model = spreadsheetModelOf(d.w.ctx, d.ss.getId()) as SpreadsheetModel;
    expect(model.sheets.flatMap((s) => s.charts)).toHaveLength(1);
    d.ss.deleteSheet(d.data);
    expect(
      other
        .getCharts()[0]
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:A3']);
  });

  it('follow inserted and deleted rows: data ranges and anchors move', () => {
    const d = dashboard();
    d.summary.insertChart(pie(d));
    d.data.insertRowsBefore(1, 2);
    expect(d.summary.getCharts()[0].getRanges()[0].getA1Notation()).toBe('A3:B6');
    d.summary.insertRowsBefore(1, 3);
    expect(d.summary.getCharts()[0].getContainerInfo().getAnchorRow()).toBe(5);
    d.data.deleteRows(3, 4);
    expect(d.summary.getCharts()[0].getRanges()).toEqual([]);
  });

  it('are sheet edits: blocked by a sheet protection, refused to viewers', () => {
    const d = dashboard();
    d.ss.addEditor(FOCAL);
    d.summary.protect().removeEditors([FOCAL]);
    const asFocal = <T>(fn: (s: Sheet, data: Sheet) => T): T =>
      d.w.ctx.session.as(FOCAL, () => {
        const ss = d.w.app.openById(d.ss.getId());
        return fn(ss.getSheetByName('Tổng hợp') as Sheet, ss.getSheetByName('Số liệu') as Sheet);
      });
    const e = thrown(() =>
      asFocal((s, data) => s.insertChart(s.newChart().asPieChart().addRange(data.getRange('A1:B4')).build())),
    );
    expect(e.message).toBe(PROTECTED);
    d.summary.insertChart(pie(d));
    expect(() => asFocal((s) => s.removeChart(s.getCharts()[0]))).toThrow(PROTECTED);
    // an unprotected sheet is fine for the editor
    asFocal((_s, data) =>
      data.insertChart(data.newChart().asPieChart().addRange(data.getRange('A1:B4')).build()),
    );
    d.ss.addViewer('viewer@unit.vn');
    expect(() =>
      d.w.ctx.session.as('viewer@unit.vn', () => {
        const s = d.w.app.openById(d.ss.getId()).getSheetByName('Số liệu') as Sheet;
        s.removeChart(s.getCharts()[0]);
      }),
    ).toThrow('You do not have permission to access the requested document.');
    expect(d.data.getCharts()).toHaveLength(1);
  });

  it('charge every call on the ledger and move the file’s last-updated time on insertion', () => {
    const d = dashboard();
    const item = d.w.ctx.drive.peek(d.ss.getId())!;
    const before = item.updatedMs;
    d.w.ctx.ledger.reset();
    d.summary.insertChart(pie(d));
    d.summary.getCharts()[0].getOptions().get('title');
    const counts = d.w.ctx.ledger.snapshot();
    expect(counts).toMatchObject({
      'Sheet.newChart': 1,
      'EmbeddedChartBuilder.addRange': 1,
      'EmbeddedChartBuilder.asPieChart': 1,
      'EmbeddedPieChartBuilder.setTitle': 1,
      'EmbeddedPieChartBuilder.setPosition': 1,
      'EmbeddedPieChartBuilder.build': 1,
      'Sheet.insertChart': 1,
      'Sheet.getCharts': 1,
      'EmbeddedChart.getOptions': 1,
      'ChartOptions.get': 1,
    });
    expect(item.updatedMs).toBeGreaterThan(before);
  });
});

describe('the model', () => {
  it('exposes charts to exporters and deep-copies them with clone()', () => {
    const d = dashboard();
    d.summary.insertChart(pie(d));
    const model = spreadsheetModelOf(d.w.ctx, d.ss.getId()) as SpreadsheetModel;
    const [chart] = model.sheetByName('Tổng hợp')!.charts;
    expect(chart).toEqual({
      id: expect.any(Number),
      type: 'PIE',
      ranges: [
        { kind: 'range', sheetId: d.data.getSheetId(), range: { row: 1, col: 1, numRows: 4, numCols: 2 } },
      ],
      options: { title: 'Nhiệm vụ theo trạng thái' },
      position: { anchorRow: 2, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
      transpose: false,
    });
    expect(model.chartById(chart.id)?.chart).toBe(chart);
    const copy = model.clone();
    const copied = copy.sheetByName('Tổng hợp')!.charts[0];
    expect(copied).toEqual(chart);
    copied.options.title = 'khác';
    copied.ranges[0].range.row = 9;
    copied.position.anchorRow = 9;
    expect(chart.options.title).toBe('Nhiệm vụ theo trạng thái');
    expect(chart.ranges[0].range.row).toBe(1);
    expect(chart.position.anchorRow).toBe(2);
    // ids stay unique in the copy
    expect(copy.nextChartId()).not.toBe(chart.id);
  });
});

describe('the Charts global', () => {
  it('gives Apps Script enum members, the same objects the chart builders return', () => {
    const d = dashboard();
    const { ChartType, Position } = d.Charts;
    expect(String(ChartType.PIE)).toBe('PIE');
    expect((ChartType.COLUMN as unknown as { name(): string }).name()).toBe('COLUMN');
    expect(Object.keys(ChartType)).toEqual(
      expect.arrayContaining(['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE']),
    );
    expect(String(Position.BOTTOM)).toBe('BOTTOM');
    expect(createCharts(d.w.ctx).ChartType.PIE).toBe(d.summary.newChart().asPieChart().getChartType());
    const bad = d.summary.newChart().setChartType as unknown as (x: unknown) => unknown;
    expect(() => bad.call(d.summary.newChart(), 'DONUT')).toThrow(
      "don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType",
    );
  });
});
