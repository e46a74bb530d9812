import { DOCS_API_SWITCH_KEY } from '../../src/gas/docs-api';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { SampleRow, sampleTasks } from '../../sample/tasks';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import {
  lastLog,
  Office,
  provisionedOffice,
  runContinuations,
  setConfig,
  sheetValues,
  unitFileId,
} from '../fixtures/office';
import { SAMPLE_PLAN_TEXTS, writePlanTexts } from '../fixtures/plan';

/** Eight units in registry order: generation takes them in this order, five per step. */
const UNITS = SAMPLE_UNITS.slice(0, 8);
const docName = (unit: SampleUnit) => `Văn bản KH CCHC 2025 - ${unit.name}`;

/** Every unit submitted; `tasksOf` may change one unit's table (e.g. thousands of rows). */
function submittedOffice(
  tasksOf: (unit: SampleUnit, rows: SampleRow[][]) => SampleRow[][] = (_u, r) => r,
): Office {
  const office = provisionedOffice(UNITS);
  office.emu.ctx.clock.set(Date.UTC(2025, 1, 6, 2));
  for (const unit of UNITS) {
    const fileId = unitFileId(office.master, unit.code);
    fillTaskTable(office.emu, focalEmail(unit), fileId, 'Nhiệm vụ', tasksOf(unit, sampleTasks(unit, UNITS)));
    writePlanTexts(office, unit, SAMPLE_PLAN_TEXTS);
    setUnitState(office.emu, focalEmail(unit), fileId, 'Đã hoàn thành, đề nghị tiếp nhận');
  }
  entry.menuRefreshStatus();
  return office;
}

function generate(office: Office, codes = ''): void {
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, codes);
  entry.menuGenerateUnitPlans();
}

/** How many files of that name were ever made (trashed or not), and how many are not trashed. */
function filesNamed(office: Office, name: string): { made: number; live: number } {
  let made = 0;
  let live = 0;
  const files = office.emu.DriveApp.getFilesByName(name);
  while (files.hasNext()) {
    made++;
    if (!files.next().isTrashed()) live++;
  }
  return { made, live };
}

/** Each of these units has exactly one Doc and one PDF, made once: none made, trashed and remade. */
function expectMadeOnce(office: Office, units: readonly SampleUnit[]): void {
  for (const unit of units) {
    expect([unit.code, filesNamed(office, docName(unit))]).toEqual([unit.code, { made: 1, live: 1 }]);
    expect([unit.code, filesNamed(office, `${docName(unit)}.pdf`)]).toEqual([
      unit.code,
      { made: 1, live: 1 },
    ]);
  }
}

const generationLogs = (office: Office) =>
  sheetValues(office.master, 'Nhật ký').filter((r) => String(r[2]).startsWith('Tạo văn bản kế hoạch'));

/**
 * These cases fault DocumentApp's calls: the documents go the DocumentApp way (the Docs API path's
 * own faults are in generate-docs-api.test.ts).
 */
function documentAppOnly(office: Office): void {
  office.emu.PropertiesService.getDocumentProperties().setProperty(DOCS_API_SWITCH_KEY, 'false');
}

describe('one unit cannot stop document generation for the others', () => {
  let office: Office;
  afterEach(() => office.close());

  it('skips a unit with thousands of task rows, saying what to do, and makes every other document once', () => {
    const big = UNITS[2];
    office = submittedOffice((unit, rows) =>
      unit === big
        ? [
            Array.from({ length: 5000 }, (_, i): SampleRow => [
              `${i + 1}.`,
              `Nhiệm vụ ${i + 1}`,
              'Báo cáo',
              unit.name,
              '',
              'Quý I',
              '',
              '',
              '',
            ]),
            ...rows.slice(1),
          ]
        : rows,
    );
    generate(office);
    runContinuations(office);
    const others = UNITS.filter((u) => u !== big);
    expectMadeOnce(office, others);
    expect(filesNamed(office, docName(big))).toEqual({ made: 0, live: 0 });
    const log = lastLog(office.master);
    expect(log[2]).toBe('Tạo văn bản kế hoạch');
    expect(log[4]).toBe(`tạo ${others.length}, lỗi 1`);
    expect(log[5]).toContain(`${big.name}: bảng nhiệm vụ có`);
    expect(log[5]).toContain('quá 1000 dòng');
    expect(generationLogs(office).some((r) => String(r[5]).includes('dừng hẳn'))).toBe(false);
    expect(sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Tạo văn bản kế hoạch')?.[1]).toBe(
      'Hoàn thành',
    );
  });

  it('skips a unit whose document fails to render twice, reporting it by name, and goes on', () => {
    office = submittedOffice();
    documentAppOnly(office);
    const bad = UNITS[2];
    // The third Doc saved is the third unit's; its immediate second try fails the same way.
    for (let attempt = 0; attempt < 2; attempt++)
      office.emu.ctx.ledger.failOn(
        'Document.saveAndClose',
        3,
        () => new Error('Service unavailable: Documents'),
      );
    generate(office);
    runContinuations(office);
    const others = UNITS.filter((u) => u !== bad);
    expectMadeOnce(office, others);
    // Both half-made Docs of the bad unit went to the trash; no PDF was made for it.
    expect(filesNamed(office, docName(bad))).toEqual({ made: 2, live: 0 });
    expect(filesNamed(office, `${docName(bad)}.pdf`)).toEqual({ made: 0, live: 0 });
    const log = lastLog(office.master);
    expect(log[4]).toBe(`tạo ${others.length}, lỗi 1`);
    expect(log[5]).toContain(`${bad.name}: không tạo được văn bản (lỗi: Service unavailable: Documents)`);
    expect(generationLogs(office).some((r) => String(r[5]).includes('dừng hẳn'))).toBe(false);
  });

  it('skips a unit whose file cannot be read, saying so, and makes every other document once', () => {
    office = submittedOffice();
    const gone = UNITS[3];
    office.emu.ctx.drive.deletePermanently(unitFileId(office.master, gone.code));
    generate(office);
    runContinuations(office);
    const others = UNITS.filter((u) => u !== gone);
    expectMadeOnce(office, others);
    expect(filesNamed(office, docName(gone))).toEqual({ made: 0, live: 0 });
    expect(lastLog(office.master)[4]).toBe(`tạo ${others.length}, lỗi 1`);
    expect(lastLog(office.master)[5]).toContain(
      `${gone.name}: không đọc được bảng tính của đơn vị (tệp đã bị xóa, chuyển vào thùng rác hoặc tài khoản của bạn không được mở)`,
    );
  });

  it('caps the problem message when the error quoted in it is very long', () => {
    office = submittedOffice();
    documentAppOnly(office);
    const bad = UNITS[1];
    const long = `Service error: Documents ${'chi tiết '.repeat(6000)}`;
    for (let attempt = 0; attempt < 2; attempt++)
      office.emu.ctx.ledger.failOn('Document.saveAndClose', 2, () => new Error(long));
    generate(office);
    runContinuations(office);
    const problems = String(lastLog(office.master)[5]).split('\n');
    const problem = problems.find((p) => p.startsWith(`${bad.name}: không tạo được văn bản`)) ?? '';
    expect(problem.length).toBeGreaterThan(100);
    expect(problem.length).toBeLessThanOrEqual(500);
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length - 1}, lỗi 1`);
  });

  it('tries a unit again at once after a passing fault: every document made once, nothing reported', () => {
    office = submittedOffice();
    documentAppOnly(office);
    office.emu.ctx.ledger.failOn(
      'Document.saveAndClose',
      3,
      () => new Error('Service unavailable: Documents'),
    );
    generate(office);
    runContinuations(office);
    expectMadeOnce(
      office,
      UNITS.filter((u) => u !== UNITS[2]),
    );
    expect(filesNamed(office, docName(UNITS[2]))).toEqual({ made: 2, live: 1 }); // the failed try trashed
    expect(generationLogs(office).map((r) => [r[3], r[4]])).toEqual([
      ['Thành công', `tạo ${UNITS.length}, lỗi 0`],
    ]);
  });

  it("stops before making anything when the office's template itself is wrong, blaming the template", () => {
    office = submittedOffice();
    const template = office.emu.DocumentApp.create('Mẫu kế hoạch');
    template.getBody().appendParagraph('KẾ HOẠCH {{don_vi}}');
    template.getBody().appendTable([['Bảng:', '{{BANG_NHIEM_VU}}']]); // the marker inside a table
    const templateId = template.getId();
    template.saveAndClose();
    setConfig(office.master, 'documentTemplateId', templateId);
    generate(office);
    runContinuations(office);
    for (const unit of UNITS)
      expect([unit.code, filesNamed(office, docName(unit))]).toEqual([unit.code, { made: 0, live: 0 }]);
    const log = lastLog(office.master);
    expect(log[3]).toBe('Không thành công');
    expect(log[5]).toContain('Mẫu văn bản có trường không thay được: {{BANG_NHIEM_VU}}');
    expect(log[5]).toContain('chưa tạo văn bản nào');
    expect(generationLogs(office)).toHaveLength(1);
    expect(office.emu.PropertiesService.getDocumentProperties().getProperty('cchc.job.generate')).toBeNull();
  });

  it('never makes a document twice when a step is repeated after the execution was stopped mid-way', () => {
    office = submittedOffice();
    documentAppOnly(office);
    // Apps Script stops the execution while the fourth unit's Doc is being made: the step is
    // repeated by the continuation from its first unit.
    office.emu.ctx.ledger.failOn('DocumentApp.create', 4, () => new Error('Exceeded maximum execution time'));
    generate(office);
    expect(sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Tạo văn bản kế hoạch')?.[1]).not.toBe(
      'Hoàn thành',
    );
    runContinuations(office);
    expectMadeOnce(office, UNITS);
    expect(lastLog(office.master).slice(3, 5)).toEqual(['Thành công', `tạo ${UNITS.length}, lỗi 0`]);
  });
});

describe('the document menu checks rights before it touches anything', () => {
  it("leaves an admin's paused generation untouched when a non-admin presses the menu three times", () => {
    const office = submittedOffice();
    documentAppOnly(office);
    try {
      // Documents are slow today: each unit takes over half a minute, so the run pauses mid-way.
      const slow = office.emu.ctx.ledger.onCharge((key) => {
        if (key === 'DocumentApp.create') office.emu.ctx.clock.advance(30 * 1000);
      });
      generate(office);
      slow();
      const progress = () =>
        sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Tạo văn bản kế hoạch');
      const paused = progress();
      expect(paused?.[1]).toBe('Tạm dừng, sẽ tự chạy tiếp');
      expect(Number(paused?.[2])).toBeGreaterThan(0);
      expect(Number(paused?.[2])).toBeLessThan(UNITS.length);
      const properties = office.emu.PropertiesService.getDocumentProperties();
      const before = properties.getProperties();
      const filesBefore = UNITS.map((u) => filesNamed(office, docName(u)));

      const stranger = 'nhanvien@vinhlinh.example.vn';
      office.master.addEditor(stranger);
      for (let i = 0; i < 3; i++) office.emu.as(stranger, () => generate(office, 'TP'));
      expect(lastLog(office.master).slice(1, 4)).toEqual([
        stranger,
        'Tạo văn bản kế hoạch',
        'Không thành công',
      ]);
      expect(lastLog(office.master)[5]).toContain('không có quyền quản trị');
      expect(properties.getProperties()).toEqual(before);
      expect(progress()).toEqual(paused);
      expect(UNITS.map((u) => filesNamed(office, docName(u)))).toEqual(filesBefore);

      // The admin's run resumes and ends as an uninterrupted run would: every document once.
      runContinuations(office);
      expectMadeOnce(office, UNITS);
      expect(progress()?.slice(1, 4)).toEqual(['Hoàn thành', UNITS.length, UNITS.length]);
      expect(lastLog(office.master).slice(3, 5)).toEqual(['Thành công', `tạo ${UNITS.length}, lỗi 0`]);
      expect(generationLogs(office).some((r) => String(r[5]).includes('dừng hẳn'))).toBe(false);
    } finally {
      office.close();
    }
  });
});
