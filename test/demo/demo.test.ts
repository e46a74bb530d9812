import type ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { submitsPlan } from '../../demo/cast';
import { periodCast } from '../../demo/progress-year';
import { exportAndCheck, ExportReport } from '../../demo/export';
import { demoEmulator, runScenario, ScenarioResult } from '../../demo/scenario';
import { elementAttributes, elementBodies, readDocxParts, readXlsx, wordText } from '../../emulator/export';
import { spreadsheetModelOf } from '../../emulator/services/spreadsheet';
import { MESSY_ROWS } from '../../sample/tasks';
import { SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { AMOUNT_HEADER, CONSOLIDATED_SHEET } from '../../src/domain/consolidate/master-sheets';
import { registryColumn } from '../../src/domain/registry/columns';
import { TASK_FIRST_SECTION_ROW, TASK_HEADER_ROW, UNIT_SHEETS } from '../../src/domain/unit-file/sheets';

/**
 * The demo's scenario — the same code `npm run demo` runs — on a smaller district (every role of
 * the cast still present), exported to real files that are then READ BACK and compared with the
 * emulator's own state: what a person opening out/ in Excel or Word would see.
 */

const byKind = (kind: SampleUnit['kind'], n: number) =>
  SAMPLE_UNITS.filter((u) => u.kind === kind).slice(0, n);
const UNITS = [
  ...byKind('Cơ quan chuyên môn', 5),
  ...byKind('Đơn vị sự nghiệp', 3),
  ...byKind('UBND xã, thị trấn', 6),
];

let result: ScenarioResult;
let report: ExportReport;
let dir: string;

beforeAll(async () => {
  const emu = demoEmulator();
  result = runScenario(emu, { units: UNITS });
  dir = mkdtempSync(join(tmpdir(), 'cchc-demo-'));
  report = await exportAndCheck(emu.ctx, dir);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx = () => result.office.emu.ctx;
const count = (pred: (m: ScenarioResult['cast'][number]) => boolean) => result.cast.filter(pred).length;

/** A cell as a person reads it in Excel: text of links and rich text, '' for empty. */
function shown(value: ExcelJS.CellValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return String(value.text);
    if ('formula' in value) return `=${value.formula}`; // a formula where the emulator has a value fails
    return JSON.stringify(value);
  }
  return value;
}

/** The emulator's values of a sheet (rows 1…last), straight from its model. */
function modelRows(fileId: string, sheet: string): (string | number | boolean)[][] {
  const model = spreadsheetModelOf(ctx(), fileId)?.sheetByName(sheet);
  if (!model) throw new Error(`no sheet ${sheet}`);
  return Array.from({ length: model.lastRow() }, (_, r) =>
    Array.from({ length: model.lastColumn() }, (_, c) => model.valueAt(r + 1, c + 1) ?? ''),
  );
}

function xlsxRow(ws: ExcelJS.Worksheet, row: number, width: number): (string | number | boolean)[] {
  return Array.from({ length: width }, (_, c) => shown(ws.getRow(row).getCell(c + 1).value));
}

async function workbookOf(fileId: string): Promise<ExcelJS.Workbook> {
  const file = report.files.find((f) => f.id === fileId);
  if (!file) throw new Error(`file ${fileId} was not exported`);
  return readXlsx(await readFile(file.path));
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no worksheet ${name} in the .xlsx`);
  return ws;
}

describe('npm run demo: the scenario', () => {
  it('plays the year as cast: statuses, flags, returns and documents', () => {
    const { facts } = result;
    const status = (label: string) => facts.planStatus.get(label);
    const flag = (label: string) => facts.planFlags.get(label);
    expect(facts.units).toBe(UNITS.length);
    expect(status('Đã tiếp nhận')).toBe(count((m) => m.plan === 'accepted'));
    expect(status('Đã nộp')).toBe(count(submitsPlan) - count((m) => m.plan === 'accepted'));
    expect(status('Đang soạn')).toBe(count((m) => m.plan === 'drafting'));
    expect(status('Chưa thực hiện')).toBe(count((m) => m.plan === 'untouched'));
    expect(status('Cần bổ sung')).toBe(0); // returned units resubmitted
    expect(flag('Nộp trễ')).toBe(count((m) => m.plan === 'late'));
    expect(flag('Sửa sau khi nộp')).toBe(count((m) => m.plan === 'edited'));
    expect(flag('Quá hạn')).toBe(count((m) => !submitsPlan(m)));
    expect(facts.emails.returns).toBe(count((m) => m.plan === 'returned'));
    expect(facts.emails.copiedToHead).toBeGreaterThan(0); // overdue reminders copy the head
    // Every submitted unit + the district draft, then each period's reports.
    const reports = result.periods.reduce((n, p) => n + p.reports, 0);
    expect(facts.documents).toBe(count(submitsPlan) + 1 + reports);
    expect(facts.pdfs).toBe(facts.documents);
    expect(facts.dashboardCharts).toBeGreaterThanOrEqual(2);
  });

  it('continues into quarter I and six months: sheets, reports sent, late, unsent and missing, figures, reports', () => {
    const roles = periodCast(result.cast);
    const planned = count(submitsPlan);
    expect(result.periods.map((p) => p.period)).toEqual(['Quý I', '6 tháng']);
    for (const p of result.periods) {
      expect(p.sheets).toBe(planned);
      expect(p.reported).toBe(roles.onTime.length + roles.late.length);
      expect(p.drafting).toBe(roles.unsent.length);
      // No sheet (no plan submitted) or an untouched one.
      expect(p.missing).toBe(result.cast.length - planned + roles.silent.length);
      expect(p.entries).toBeGreaterThan(0);
      // The office's report, and one for each unit with a progress sheet.
      expect(p.reports).toBe(planned + 1);
    }
    expect(roles.late.length).toBe(1);
    expect(roles.unsent.length).toBe(1);
    // Work goes on: more is completed at six months than at quarter I, some of it late or undated.
    const rate = (text: string) => Number(text.replace('%', '').replace(',', '.'));
    const [q1, six] = result.periods;
    expect(rate(six.completedRate)).toBeGreaterThan(rate(q1.completedRate));
    expect(rate(six.onTimeRate)).toBeLessThan(rate(six.completedRate));
    const masterSheets = spreadsheetModelOf(ctx(), result.office.master.getId())?.sheets.map((x) => x.name);
    expect(masterSheets).toEqual(
      expect.arrayContaining(['Tiến độ Quý I - Tổng hợp', 'Tiến độ 6 tháng - Tỷ lệ', 'Tiến độ - Biểu đồ']),
    );
  });

  it('finds every kind of mistake typed into the chosen units, at their cells', () => {
    const problems = result.office.grid('Lỗi dữ liệu').slice(1);
    const messy = result.cast.filter((m) => m.messy.length > 0);
    expect(messy.flatMap((m) => m.messy).sort()).toEqual(Object.keys(MESSY_ROWS).sort());
    for (const m of messy.filter((x) => x.plan !== 'untouched')) {
      expect(problems.some((p) => p[0] === m.unit.code && /^[A-Z]+\d+$/.test(String(p[3])))).toBe(true);
    }
    expect(result.facts.problems.errors).toBeGreaterThan(0);
  });
});

describe('npm run demo: the files it writes, read back', () => {
  it('writes every live spreadsheet and document, and none would need a repair', () => {
    const live = ctx()
      .drive.all()
      .filter((it) => !it.deleted && !ctx().drive.isTrashed(it));
    const kinds = (mime: string) => live.filter((it) => it.mimeType === mime).length;
    expect(report.files.filter((f) => f.kind === 'spreadsheet')).toHaveLength(
      kinds('application/vnd.google-apps.spreadsheet'),
    );
    expect(report.files.filter((f) => f.kind === 'document')).toHaveLength(
      kinds('application/vnd.google-apps.document'),
    );
    expect(report.problems).toEqual([]);
  });

  it("keeps the master's sheets, a consolidated row, the amount format and the frozen header", async () => {
    const masterId = result.office.master.getId();
    const wb = await workbookOf(masterId);
    const model = spreadsheetModelOf(ctx(), masterId);
    const renamed = new Map(
      (report.files.find((f) => f.id === masterId)?.sheetNames ?? []).map((c) => [c.from, c.to]),
    );
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(
      model?.sheets.map((s) => renamed.get(s.name) ?? s.name),
    );

    const rows = modelRows(masterId, CONSOLIDATED_SHEET);
    expect(rows.length - 1).toBe(result.facts.taskRows);
    const ws = sheet(wb, CONSOLIDATED_SHEET);
    const width = rows[0].length;
    for (const r of [1, 2, Math.floor(rows.length / 2), rows.length])
      expect(xlsxRow(ws, r, width)).toEqual(rows[r - 1]);

    const amount = rows[0].indexOf(AMOUNT_HEADER) + 1;
    expect(amount).toBeGreaterThan(0);
    const firstAmountRow = rows.findIndex((r, i) => i > 0 && typeof r[amount - 1] === 'number') + 1;
    const cell = ws.getRow(firstAmountRow).getCell(amount);
    expect(typeof cell.value).toBe('number');
    expect(cell.numFmt).toBe('#,##0');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it("keeps a unit's task rows as typed — a formula-looking text stays text — with its formats", async () => {
    const injected = result.cast.find((m) => m.messy.includes('injection'));
    if (!injected) throw new Error('no unit got the injection row');
    const fileId = result.office.fileId(injected.unit.code);
    const ws = sheet(await workbookOf(fileId), UNIT_SHEETS.tasks);
    const rows = modelRows(fileId, UNIT_SHEETS.tasks);
    for (let r = TASK_FIRST_SECTION_ROW; r <= rows.length; r++)
      expect(xlsxRow(ws, r, 9)).toEqual(rows[r - 1].slice(0, 9));

    const formulaText = String(MESSY_ROWS.injection[1]);
    const at = rows.findIndex((r) => r[1] === formulaText) + 1;
    expect(at).toBeGreaterThan(0);
    const cell = ws.getRow(at).getCell(2);
    expect(cell.value).toBe(formulaText);
    expect(cell.formula).toBeUndefined();

    const budget = rows.findIndex((r, i) => i >= TASK_FIRST_SECTION_ROW && typeof r[6] === 'number') + 1;
    expect(ws.getRow(budget).getCell(7).numFmt).toBe('#,##0');
    expect(ws.getRow(budget).getCell(2).numFmt).toBe('@'); // the text columns stay plain text
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TASK_HEADER_ROW });
  });

  it("writes a unit's plan as a Word file: Times New Roman, A4, the title and its task table", async () => {
    const unit = result.cast.find((m) => m.plan === 'accepted')?.unit as SampleUnit;
    const row = result.office.registry().find((r) => r[0] === unit.code) ?? [];
    const docId = /\/document\/d\/([^/]+)/.exec(String(row[registryColumn('planDoc') - 1]))?.[1] ?? '';
    const file = report.files.find((f) => f.id === docId);
    expect(file?.kind).toBe('document');
    const { document } = await readDocxParts(await readFile(file?.path ?? ''));

    // Every run of text is Times New Roman (an empty paragraph Docs adds after a table may keep
    // the Docs default font on its paragraph mark: it shows no text).
    const runs = elementBodies(document, 'w:r').filter((r) => /<w:t[ >]/.test(r));
    expect(runs.length).toBeGreaterThan(50);
    for (const run of runs)
      expect(elementAttributes(run, 'w:rFonts')[0]?.['w:ascii']).toBe('Times New Roman');

    const [page] = elementAttributes(document, 'w:pgSz');
    const mm = (twips: string) => (Number(twips) / 1440) * 25.4;
    expect(mm(page['w:w'])).toBeCloseTo(210, 0);
    expect(mm(page['w:h'])).toBeCloseTo(297, 0);

    expect(elementBodies(document, 'w:p').map(wordText)).toContain('KẾ HOẠCH');

    const tasks = modelRows(result.office.fileId(unit.code), UNIT_SHEETS.tasks)
      .slice(TASK_FIRST_SECTION_ROW)
      .filter((r) => /^\d+\.$/.test(String(r[0])))
      .map((r) => String(r[1]));
    expect(tasks.length).toBeGreaterThan(0);
    const table = elementBodies(document, 'w:tbl')
      .map(wordText)
      .find((text) => text.startsWith('TT'));
    expect(table).toBeDefined();
    for (const task of tasks) expect(table).toContain(task);
  });
});
