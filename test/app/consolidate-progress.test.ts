import { runExecution } from '../../emulator';
import * as entry from '../../src/index';
import { CellValue } from '../../src/domain/cell';
import { loadConfig } from '../../src/app/config';
import { loadPeriodProgress, periodSheetValues } from '../../src/app/period-progress';
import { PROBLEMS_SHEET } from '../../src/domain/consolidate/master-sheets';
import { figuresOfRow, periodSheetNames, SCOPE_LABELS } from '../../src/domain/progress/master-sheets';
import { PeriodProgress } from '../../src/domain/progress/period-progress';
import { progressRates, RATE_DEFINITIONS } from '../../src/domain/progress/rates';
import { readProgressSheet } from '../../src/domain/progress/read';
import { progressColumn, progressSheetName } from '../../src/domain/progress/sheet';
import { rowsOfProgressSheet } from '../../src/domain/progress/sheet-rows';
import { MasterWorkbook } from '../../src/gas/master';
import { periodRoundKey } from '../../src/domain/progress/period-rounds';
import { emptyRecord, TrackRecord } from '../../src/domain/tracking/status';
import { TRACK_HEADERS, TRACK_SHEET } from '../../src/domain/tracking/track-sheet';
import { fillTaskTable } from '../../sample/fill';
import { NEVER_REPORTS } from '../../sample/progress';
import { focalEmail, SAMPLE_ADMIN, SAMPLE_UNITS, SAMPLE_YEAR, SampleUnit } from '../../sample/vinh-linh';
import {
  fillEveryTaskTable,
  lastLog,
  Office,
  provisionedOffice,
  runContinuations,
  sheetValues,
  unitFileId,
} from '../fixtures/office';
import { addProgressSheets, fillSampleProgress, SAMPLE_PERIODS } from '../fixtures/progress';

const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = ['TP', 'BQLDA', 'HX', NEVER_REPORTS].map(pick);
const [quarterI, sixMonths] = SAMPLE_PERIODS;
/** 09:00 in Vĩnh Linh on a day of 2025. */
const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);

function load(office: Office, period = quarterI): PeriodProgress | null {
  const master = new MasterWorkbook(office.master);
  return loadPeriodProgress(master, loadConfig(master), period);
}

/** A unit's progress sheet as the consolidation reads it (display values), read here on its own. */
function unitGrid(office: Office, unit: SampleUnit, period = quarterI): string[][] {
  const ss = office.emu.SpreadsheetApp.openById(unitFileId(office.master, unit.code));
  return ss.getSheetByName(progressSheetName(period))?.getDataRange().getDisplayValues() ?? [];
}

function readDirectly(office: Office, unit: SampleUnit, period = quarterI) {
  const grid = unitGrid(office, unit, period);
  const rows = rowsOfProgressSheet(grid, SAMPLE_YEAR) ?? [];
  const plan = new Map(
    rows.flatMap((r) =>
      r.origin === 'not-in-plan' ? [] : [[r.task.id, { task: r.task, origin: r.origin }] as const],
    ),
  );
  return readProgressSheet(grid, {
    unit: { code: unit.code, name: unit.name },
    period,
    planYear: SAMPLE_YEAR,
    plan,
  });
}

/** A row of the period's rates sheet, as readers see it (findGroupSheet: of the same run as the entries). */
function ratesRow(office: Office, period: typeof quarterI, scope: string, code: string): CellValue[] {
  const names = periodSheetNames(period);
  const rows = periodSheetValues(new MasterWorkbook(office.master), names, names.rates) ?? [];
  const row = rows.find((r) => r[0] === scope && r[1] === code);
  if (!row) throw new Error(`no rates row ${scope} ${code}`);
  return row;
}

/** The sample quarter I: every unit but VO has typed its progress. */
function quarterIOffice(consolidatedOn = at(3, 17)): Office {
  const office = provisionedOffice(UNITS);
  fillEveryTaskTable(office, UNITS);
  addProgressSheets(office, UNITS, quarterI);
  office.emu.ctx.clock.set(at(3, 16));
  fillSampleProgress(office, UNITS, quarterI);
  office.emu.ctx.clock.set(consolidatedOn);
  return office;
}

const HX = pick('HX');
const VO = pick(NEVER_REPORTS);
const task = (n: number, name: string, time: string) => [
  `${n}.`,
  name,
  `Kết quả ${n}`,
  HX.name,
  '',
  time,
  '',
  '',
  '',
];
/** HX's plan for the crafted case: what each task's deadline rule is, by its name. */
const CRAFTED_PLAN = [
  [
    task(1, 'Nhiệm vụ A hoàn thành đúng hạn', 'Quý I/2025'),
    task(2, 'Nhiệm vụ B hoàn thành chậm', 'Quý I/2025'),
    task(3, 'Nhiệm vụ C quá hạn', 'Tháng 4/2025'),
  ],
  [],
  [
    task(1, 'Nhiệm vụ D thường xuyên', 'Thường xuyên'),
    task(2, 'Nhiệm vụ E theo kế hoạch của tỉnh', 'Theo kế hoạch của tỉnh'),
    task(3, 'Nhiệm vụ F chưa làm', 'Quý III/2025'),
  ],
];
/** What HX types by the six-month cut-off (14/06): Tình trạng … Ghi chú. */
const CRAFTED_INPUT: Record<string, (string | number)[]> = {
  A: ['Đã hoàn thành', '20/03/2025', 'Báo cáo số 12/BC-UBND ngày 20/3/2025', 5000000, '', '=SUM(1;2)'],
  B: [
    'Đã hoàn thành',
    '10/04/2025',
    '=HYPERLINK("https://example.com/30";"Quyết định số 30/QĐ-UBND")',
    '',
    '',
    '',
  ],
  C: ['Đang thực hiện', '', '', '', '+ chờ kinh phí', ''],
  D: ['Đã hoàn thành', '', 'Thông báo số 5/TB-UBND', '', '', ''],
  E: ['Không thực hiện', '', '', '', 'Tỉnh chưa ban hành kế hoạch', ''],
};

/** The row of HX's progress sheet holding task `letter`. */
function rowOf(office: Office, letter: string, period = sixMonths): number {
  const grid = unitGrid(office, HX, period);
  const i = grid.findIndex((r) => r[progressColumn('task') - 1].startsWith(`Nhiệm vụ ${letter} `));
  if (i < 0) throw new Error(`no task ${letter}`);
  return i + 1;
}

function typeInput(office: Office, letter: string, input: readonly (string | number)[]): void {
  const row = rowOf(office, letter);
  const fileId = unitFileId(office.master, HX.code);
  office.emu.as(focalEmail(HX), () => {
    office.emu.SpreadsheetApp.openById(fileId)
      .getSheetByName(progressSheetName(sixMonths))
      ?.getRange(row, progressColumn('status'), 1, input.length)
      .setValues([[...input]]);
  });
}

/** HX with the crafted plan and six-month input; VO has no progress sheet at all. */
function craftedOffice(): Office {
  const office = provisionedOffice([HX, VO]);
  fillTaskTable(office.emu, focalEmail(HX), unitFileId(office.master, HX.code), 'Nhiệm vụ', CRAFTED_PLAN);
  addProgressSheets(office, [HX], sixMonths);
  office.emu.ctx.clock.set(at(6, 15));
  for (const [letter, input] of Object.entries(CRAFTED_INPUT)) typeInput(office, letter, input);
  office.emu.ctx.clock.set(at(6, 17));
  return office;
}

describe('Tổng hợp tiến độ kỳ báo cáo', () => {
  let office: Office;
  afterEach(() => office.close());

  it('counts every rate as defined on crafted data, end to end, with the overdue list linked', () => {
    office = craftedOffice();
    entry.menuConsolidateProgress();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(lastLog(office.master)[2]).toBe('Tổng hợp tiến độ kỳ báo cáo');

    const overall = figuresOfRow(ratesRow(office, sixMonths, SCOPE_LABELS.overall, ''));
    expect(overall).toEqual({
      total: 6,
      added: 0,
      completed: 3, // A, B (late, but done by the cut-off), D (undated)
      completedOnTime: 1, // A only: B is late, D has no date
      overdue: 1, // C: due 30/04, not done at 14/06; E is dropped, F not yet due
      notStarted: 1, // F, no status
      dropped: 1, // E
      dueByCutOff: 3, // A, B, C (D's deadline is 31/12, E has none)
    });
    const hx = ratesRow(office, sixMonths, SCOPE_LABELS.unit, 'HX');
    expect(hx[3]).toBe('Đang soạn'); // F has no status yet
    const header = sheetValues(office.master, periodSheetNames(sixMonths).rates)[3];
    expect(hx[header.indexOf('Tỷ lệ hoàn thành')]).toBeCloseTo(0.5);
    expect(hx[header.indexOf('Tỷ lệ hoàn thành nhiệm vụ đến hạn')]).toBeCloseTo(2 / 3);
    expect(hx[header.indexOf('Hoàn thành chậm')]).toBe(1);
    expect(hx[header.indexOf('Hoàn thành chưa ghi ngày')]).toBe(1);
    expect(hx[header.indexOf('Thường xuyên, định kỳ (hạn 31/12)')]).toBe(1);
    expect(hx[header.indexOf('Không có hạn cụ thể')]).toBe(1);
    // VO never got the sheet: listed, missing, no figures.
    const vo = ratesRow(office, sixMonths, SCOPE_LABELS.unit, 'VO');
    expect(vo[3]).toBe('Chưa báo cáo');
    expect(vo[header.indexOf('Tổng số nhiệm vụ')]).toBe('');
    const areaI = figuresOfRow(ratesRow(office, sixMonths, SCOPE_LABELS.area, 'I'));
    expect([areaI.total, areaI.completed, areaI.overdue]).toEqual([3, 2, 1]);
    // The definitions are written beside the figures' names, and as the headers' notes.
    const rates = sheetValues(office.master, periodSheetNames(sixMonths).rates);
    expect(rates.find((r) => r[0] === 'Quá hạn')?.[1]).toBe(RATE_DEFINITIONS.overdue);
    const ratesSheet = office.master.getSheetByName(periodSheetNames(sixMonths).rates);
    expect(ratesSheet?.getRange(4, header.indexOf('Quá hạn') + 1).getNote()).toBe(RATE_DEFINITIONS.overdue);
    expect(ratesSheet?.getRange(5, header.indexOf('Tỷ lệ hoàn thành') + 1).getNumberFormat()).toBe('0.0%');

    const overdue = sheetValues(office.master, periodSheetNames(sixMonths).overdue);
    const gid = office.emu.SpreadsheetApp.openById(unitFileId(office.master, 'HX'))
      .getSheetByName(progressSheetName(sixMonths))
      ?.getSheetId();
    expect(overdue.slice(1)).toEqual([
      [
        1,
        'HX',
        HX.name,
        'Nhiệm vụ C quá hạn',
        'Tháng 4/2025',
        '30/04/2025',
        45,
        `https://docs.google.com/spreadsheets/d/${unitFileId(office.master, 'HX')}/edit#gid=${gid}&range=H${rowOf(office, 'C')}`,
      ],
    ]);
  });

  it('takes a unit\'s state from its period round in "Theo dõi nộp" once tracked: sent is reported, an unsent complete sheet is drafting', () => {
    office = craftedOffice();
    const hxRow = () => ratesRow(office, sixMonths, SCOPE_LABELS.unit, 'HX');
    // The refresh's record of HX's six-month round (as writeTracking keeps it, one per row).
    const track = (status: TrackRecord['status']) => {
      const sheet = office.master.getSheetByName(TRACK_SHEET) ?? office.master.insertSheet(TRACK_SHEET);
      const record = { ...emptyRecord('HX', periodRoundKey(sixMonths)), status };
      const row = [...TRACK_HEADERS].map(() => '');
      row[0] = 'HX';
      row[TRACK_HEADERS.length - 1] = JSON.stringify(record);
      sheet.clear();
      sheet.getRange(1, 1, 2, TRACK_HEADERS.length).setValues([[...TRACK_HEADERS], row]);
    };
    // Sent though task F has no status: the office holds the report.
    track('submitted');
    entry.menuConsolidateProgress();
    expect(hxRow()[3]).toBe('Đã báo cáo');
    // Every task given a status but the round not sent (returned for more): still drafting.
    typeInput(office, 'F', ['Chưa thực hiện']);
    track('returned');
    office.emu.ctx.clock.set(at(6, 18));
    entry.menuConsolidateProgress();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(hxRow()[3]).toBe('Đang soạn');
  });

  it("points every problem at the unit cell, in the period's own problems sheet, and never turns text into a formula", () => {
    office = craftedOffice();
    entry.menuConsolidate(); // the plan's problems first: they must stay as they are
    const planProblems = sheetValues(office.master, PROBLEMS_SHEET);
    expect(planProblems.length).toBeGreaterThan(0);
    entry.menuConsolidateProgress();
    expect(sheetValues(office.master, PROBLEMS_SHEET)).toEqual(planProblems);

    const problems = sheetValues(office.master, periodSheetNames(sixMonths).problems).slice(1);
    const fileId = unitFileId(office.master, 'HX');
    const at = (cell: string) => problems.filter((p) => p[0] === 'HX' && p[3] === cell);
    const dRow = rowOf(office, 'D');
    // "Đã hoàn thành" with no date: a warning at D's date cell, linked to it.
    expect(at(`I${dRow}`)).toEqual([
      [
        'HX',
        HX.name,
        progressSheetName(sixMonths),
        `I${dRow}`,
        'Ngày hoàn thành',
        '',
        expect.stringContaining('chưa ghi ngày hoàn thành'),
        'Cảnh báo',
        expect.stringMatching(
          new RegExp(`^https://docs.google.com/spreadsheets/d/${fileId}/edit#gid=\\d+&range=I${dRow}$`),
        ),
      ],
    ]);
    // F has no status: listed in the sheet's one warning.
    expect(problems.some((p) => p[0] === 'HX' && String(p[6]).includes(`H${rowOf(office, 'F')}`))).toBe(true);
    // VO has no progress sheet: an error naming it.
    expect(problems.filter((p) => p[0] === 'VO').map((p) => [p[2], p[7]])).toEqual([
      [progressSheetName(sixMonths), 'Lỗi'],
    ]);

    // What the unit typed is copied as text: no cell of the master holds a formula.
    const entriesSheet = office.master.getSheetByName(periodSheetNames(sixMonths).entries);
    const formulas = entriesSheet
      ?.getDataRange()
      .getFormulas()
      .flat()
      .filter((f) => f !== '');
    expect(formulas).toEqual([]);
    const values = entriesSheet?.getDataRange().getValues().flat();
    expect(values).toContain('=SUM(1;2)');
    expect(values).toContain('=HYPERLINK("https://example.com/30";"Quyết định số 30/QĐ-UBND")');
    expect(values).toContain('+ chờ kinh phí');
  });

  it("consolidates the sample quarter I: the same entries and figures as the units' sheets, and the unit that never reports", () => {
    office = quarterIOffice();
    entry.menuConsolidateProgress();
    expect(lastLog(office.master)[3]).toBe('Thành công');

    const expected = UNITS.map((u) => readDirectly(office, u));
    const entries = expected.flatMap((r) => r.entries);
    const loaded = load(office);
    expect(loaded?.entries).toEqual(entries);
    expect(loaded?.period).toEqual(quarterI);
    expect(loaded?.consolidatedAt).toBe('17/03/2025 09:00');
    expect(loaded?.units.map((u) => [u.unit.code, u.state])).toEqual([
      ['TP', 'reported'],
      ['BQLDA', 'reported'],
      ['HX', 'reported'],
      ['VO', 'missing'],
    ]);
    expect(loaded?.units.every((u) => u.fileUrl.includes(unitFileId(office.master, u.unit.code)))).toBe(true);

    // The figures written are those of the entries read back (the round trip).
    const report = progressRates(loaded?.entries ?? [], quarterI, SAMPLE_YEAR);
    const overall = figuresOfRow(ratesRow(office, quarterI, SCOPE_LABELS.overall, ''));
    const f = report.overall.figures;
    expect(overall).toEqual({
      total: f.total,
      added: f.added,
      completed: f.completed,
      completedOnTime: f.completedOnTime,
      overdue: f.overdue,
      notStarted: f.notStarted,
      dropped: f.dropped,
      dueByCutOff: f.dueByCutOff,
    });
    // The sample is realistic: some done, some dropped, the missing unit's tasks not started.
    expect(f.completed).toBeGreaterThan(0);
    expect(f.dropped).toBe(3);
    expect(report.byUnit.get('VO')?.rates.figures.notStarted).toBe(
      report.byUnit.get('VO')?.rates.figures.total,
    );

    // Problems read back are the units' own (VO: one warning instead of a list of empty statuses).
    const problems = expected.flatMap((r, i) => (UNITS[i].code === 'VO' ? [] : r.problems));
    expect(loaded?.problems.filter((p) => p.unit?.code !== 'VO')).toEqual(problems);
    expect(loaded?.problems.filter((p) => p.unit?.code === 'VO').map((p) => p.severity)).toEqual(['warning']);
    expect(problems.some((p) => p.field.startsWith('Kết quả, minh chứng') && p.severity === 'error')).toBe(
      true,
    );
  });

  it("keeps the last run's entries of a unit whose file it cannot read, and says so", () => {
    office = craftedOffice();
    entry.menuConsolidateProgress();
    const before = load(office, sixMonths);
    office.emu.ctx.drive.deletePermanently(unitFileId(office.master, 'HX'));
    office.emu.ctx.clock.set(at(6, 18));
    entry.menuConsolidateProgress();
    const after = load(office, sixMonths);
    expect(after?.entries).toEqual(before?.entries);
    expect(after?.entries.length).toBe(6);
    expect(after?.units.map((u) => [u.unit.code, u.state])).toEqual([
      ['HX', 'drafting'],
      ['VO', 'missing'],
    ]);
    expect(after?.consolidatedAt).toBe('18/06/2025 09:00');
    const hx = after?.problems.filter((p) => p.unit?.code === 'HX') ?? [];
    expect(hx.map((p) => [p.severity, p.message])).toEqual([
      ['error', expect.stringContaining(`Giữ 6 nhiệm vụ của lần tổng hợp trước (${before?.consolidatedAt})`)],
    ]);
    // The overdue list still links to the cell the last run linked.
    const overdue = sheetValues(office.master, periodSheetNames(sixMonths).overdue);
    expect(String(overdue[1]?.[7])).toMatch(/#gid=\d+&range=H\d+$/);
    expect(lastLog(office.master)[3]).not.toBe('Thành công');
    expect(lastLog(office.master)[5]).toContain('giữ 6 nhiệm vụ của lần tổng hợp trước');
  });

  it("keeps the last consolidation whole when most files cannot be read (this admin's access, not the units' data)", () => {
    office = craftedOffice();
    entry.menuConsolidateProgress();
    const before = load(office, sixMonths);
    const names = Object.values(periodSheetNames(sixMonths));
    const sheets = names.map((n) => sheetValues(office.master, n));
    for (const code of ['HX', 'VO']) office.emu.ctx.drive.deletePermanently(unitFileId(office.master, code));
    office.emu.ctx.clock.set(at(6, 18));
    entry.menuConsolidateProgress();
    expect(lastLog(office.master)[3]).toBe('Không thành công');
    expect(lastLog(office.master)[5]).toContain(
      `Không đọc được tệp của 2/2 đơn vị: có lẽ tài khoản ${SAMPLE_ADMIN} chưa được chia sẻ thư mục bảng tính đơn vị.`,
    );
    expect(lastLog(office.master)[5]).toContain(
      `Đã giữ nguyên kết quả tổng hợp tiến độ kỳ ${sixMonths.name} cũ.`,
    );
    expect(load(office, sixMonths)).toEqual(before);
    expect(names.map((n) => sheetValues(office.master, n))).toEqual(sheets);
    expect(office.master.getSheets().filter((s) => s.getName().includes('đang ghi'))).toHaveLength(0);
  });

  it("reads by CSV export once a sheet's gid is known; a sheet made again is found by name, once", () => {
    office = craftedOffice();
    const { ledger } = office.emu.ctx;
    const run = () => {
      ledger.reset();
      entry.menuConsolidateProgress();
      return [ledger.count('SpreadsheetApp.openById'), ledger.count('UrlFetchApp.fetchAll')];
    };
    // HX's sheet is read by name the first time (VO has no sheet: looked for by name each time).
    expect(run()).toEqual([2, 0]);
    const before = load(office, sixMonths);
    expect(run()).toEqual([1, 1]);
    // The sheet deleted and made again, with the same input: a new gid.
    const ss = office.emu.SpreadsheetApp.openById(unitFileId(office.master, 'HX'));
    ss.deleteSheet(ss.getSheetByName(progressSheetName(sixMonths)) as GoogleAppsScript.Spreadsheet.Sheet);
    addProgressSheets(office, [HX], sixMonths);
    for (const [letter, input] of Object.entries(CRAFTED_INPUT)) typeInput(office, letter, input);
    expect(run()).toEqual([2, 1]);
    expect(run()).toEqual([1, 1]);
    const entries = (p: PeriodProgress | null) => p?.entries.map((e) => ({ ...e, row: 0 }));
    expect(entries(load(office, sixMonths))).toEqual(entries(before));
  });

  it('refuses before the first cut-off, saying when it is', () => {
    office = provisionedOffice(UNITS);
    office.emu.ctx.clock.set(at(3, 13));
    entry.menuConsolidateProgress();
    expect(lastLog(office.master)[3]).not.toBe('Thành công');
    expect(lastLog(office.master)[5]).toContain('14/03/2025');
    expect(load(office)).toBeNull();
  });

  it('takes the latest period whose cut-off is past: six months from 14/06', () => {
    office = quarterIOffice();
    entry.menuConsolidateProgress();
    addProgressSheets(office, UNITS, sixMonths, quarterI);
    office.emu.ctx.clock.set(at(6, 16));
    fillSampleProgress(office, UNITS, sixMonths);
    entry.menuConsolidateProgress();
    const six = load(office, sixMonths);
    const quarter = load(office, quarterI);
    expect(six?.entries).toEqual(UNITS.flatMap((u) => readDirectly(office, u, sixMonths).entries));
    // Quarter I stays as it was consolidated; six months is later in the year, with more done.
    expect(quarter?.consolidatedAt).toBe('17/03/2025 09:00');
    const done = (p: PeriodProgress | null) =>
      progressRates(p?.entries ?? [], p?.period ?? quarterI, SAMPLE_YEAR).overall.figures.completed;
    expect(done(six)).toBeGreaterThan(done(quarter));
    const overdue = progressRates(six?.entries ?? [], sixMonths, SAMPLE_YEAR).overdue;
    expect(overdue.length).toBeGreaterThan(0);
    // The sample as the issue asks: late completions, done without evidence, a dropped task with
    // its reason in each reporting unit, and reports that are cumulative.
    const figures = progressRates(six?.entries ?? [], sixMonths, SAMPLE_YEAR).overall.figures;
    expect(figures.completedLate).toBeGreaterThan(0);
    expect(figures.completedOnTime).toBeGreaterThan(figures.completedLate);
    expect(
      six?.problems.filter((p) => p.field.startsWith('Kết quả, minh chứng') && p.severity === 'error').length,
    ).toBeGreaterThan(0);
    const dropped = six?.entries.filter((e) => e.status === 'dropped') ?? [];
    expect(dropped.map((e) => e.unit.code)).toEqual(['TP', 'BQLDA', 'HX']);
    expect(dropped.every((e) => e.reason !== '')).toBe(true);
    const sixById = new Map(six?.entries.map((e) => [`${e.unit.code}|${e.task.id}`, e]));
    for (const e of quarter?.entries.filter((q) => q.status === 'done') ?? []) {
      const later = sixById.get(`${e.unit.code}|${e.task.id}`);
      expect([e.task.task, later?.status, later?.completionDate]).toEqual([
        e.task.task,
        'done',
        e.completionDate,
      ]);
    }
    expect(six?.units.find((u) => u.unit.code === NEVER_REPORTS)?.state).toBe('missing');
    expect(sheetValues(office.master, periodSheetNames(sixMonths).overdue).length - 1).toBe(overdue.length);
  });
});

describe('Tổng hợp tiến độ kỳ báo cáo under a fault', () => {
  /** The points where a dead run could leave sheets half-replaced: every write of the master's structure. */
  const POINTS = [
    ...[1, 2, 3, 4, 5].map((nth) => ({ key: 'Sheet.setName', nth })),
    ...[1, 2, 3, 4].map((nth) => ({ key: 'Spreadsheet.deleteSheet', nth })),
    ...[1, 2, 3, 4, 5].map((nth) => ({ key: 'Spreadsheet.insertSheet', nth })),
    ...[1, 3, 5, 7].map((nth) => ({ key: 'Range.setValues', nth })),
  ];

  it.each(POINTS)(
    'never leaves the period half-written ($key #$nth): old or new, whole; a rerun ends new',
    (point) => {
      const office = craftedOffice();
      try {
        entry.menuConsolidateProgress();
        const old = load(office, sixMonths);
        typeInput(office, 'C', [
          'Đã hoàn thành',
          '01/06/2025',
          'Báo cáo số 9/BC-UBND ngày 01/6/2025',
          '',
          '',
          '',
        ]);
        office.emu.ctx.ledger.failOn(point.key, point.nth);
        try {
          runExecution(office.emu.ctx, () => entry.menuConsolidateProgress());
        } catch {
          // the execution died: Apps Script shows the error
        }
        const tripped = office.emu.ctx.ledger.tripped().length > 0;
        office.emu.ctx.ledger.clearFaults();
        const between = load(office, sixMonths);
        const newDone = (p: PeriodProgress | null) =>
          p?.entries.find((e) => e.task.task === 'Nhiệm vụ C quá hạn')?.status === 'done';
        // Whole: the rates written beside the entries are the entries' own.
        const consistent = (p: PeriodProgress | null) =>
          figuresOfRow(ratesRow(office, sixMonths, SCOPE_LABELS.overall, '')).completed ===
          progressRates(p?.entries ?? [], sixMonths, SAMPLE_YEAR).overall.figures.completed;
        expect([point, between?.entries.length, consistent(between)]).toEqual([
          point,
          old?.entries.length,
          true,
        ]);
        runContinuations(office);
        if (!newDone(load(office, sixMonths))) {
          entry.menuConsolidateProgress();
          runContinuations(office);
        }
        const after = load(office, sixMonths);
        expect([point, tripped, newDone(after), consistent(after)]).toEqual([point, true, true, true]);
        const names = office.master.getSheets().map((s) => s.getName());
        expect(names.filter((n) => n.startsWith('Tiến độ 6 tháng')).sort()).toEqual(
          Object.values(periodSheetNames(sixMonths))
            .filter((n) => n !== periodSheetNames(sixMonths).unitsRaw)
            .sort(),
        );
      } finally {
        office.close();
      }
    },
  );
});
