import { CellValue } from '../../../src/domain/cell';
import {
  compactSummary,
  emptySummary,
  mergeSummaries,
  summarizeBudget,
} from '../../../src/domain/consolidate/budget-totals';
import { AgencyDirectory, readTaskTable } from '../../../src/domain/consolidate/read-task-table';
import { DEFAULT_TASK_COLUMNS } from '../../../src/domain/plan/columns';
import { REFORM_AREAS } from '../../../src/domain/plan/areas';
import { encodeLegacy } from '../../../src/domain/text/legacy-encoding';

const unit = { code: 'TP', name: 'Phòng Tư pháp' };
const ctx = {
  planYear: 2025,
  columns: DEFAULT_TASK_COLUMNS,
  agencies: new AgencyDirectory(['Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch', 'UBND xã Vĩnh Hòa']),
};

/** A task table as display values: title rows, header, then sections with the given rows. */
function table(rowsByArea: Record<number, CellValue[][]>): CellValue[][] {
  const grid: CellValue[][] = [['PHỤ LỤC II'], [''], [''], DEFAULT_TASK_COLUMNS.map((c) => c.header)];
  for (const area of REFORM_AREAS) {
    grid.push([area.roman, area.tableTitle]);
    grid.push(...(rowsByArea[area.number] ?? []), ['', '', '', '', '', '', '', '', '']);
  }
  return grid;
}

const good = (task: string, time: CellValue, budget: CellValue, source = 'Ngân sách huyện'): CellValue[] => [
  '1.',
  task,
  'Kết quả',
  'Phòng Tư pháp',
  '',
  time,
  budget,
  source,
  '',
];

describe('readTaskTable', () => {
  it('reads rows into their areas with normalised times and budgets', () => {
    const { rows, problems, structureOk } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({
        1: [
          good('Ban hành kế hoạch', 'Quý I/2025', '50.000.000'),
          good('Tuyên truyền', 'Thường xuyên', 'Kinh phí thường xuyên', ''),
        ],
        7: [good('Chữ ký số', '15/12/2025', '50 triệu', 'NS tỉnh')],
      }),
      ctx,
    );
    expect(structureOk).toBe(true);
    expect(problems).toEqual([]);
    expect(
      rows.map((r) => [r.area.roman, r.row, r.completion.kind, r.budget.kind, r.budget.amount, r.source]),
    ).toEqual([
      ['I', 6, 'quarter', 'amount', 50000000, 'ngân sách huyện'],
      ['I', 7, 'recurring', 'recurrent', null, 'empty'],
      ['VII', 20, 'date', 'amount', 50000000, 'ngân sách tỉnh'],
    ]);
    const summary = summarizeBudget(rows);
    expect(summary.total).toBe(100000000);
    expect(summary.byArea[0].amount).toBe(50000000);
    expect(summary.recurrentTasks).toBe(1);
    expect(summary.bySource.map((s) => [s.source, s.amount])).toEqual([
      ['ngân sách tỉnh', 50000000],
      ['ngân sách huyện', 50000000],
    ]);
  });

  it('points every problem at the unit cell with a Vietnamese message', () => {
    const legacy = encodeLegacy('Kiểm tra công tác cải cách', 'TCVN3');
    const { rows, problems } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({
        2: [
          good('Rà soát', 'sớm nhất có thể', '50.000.000'),
          ['', '', 'Báo cáo', 'Phòng Tư pháp', '', 'Quý I/2025', 'Không', '', ''],
          good(legacy, 'Tháng 6/2025', 'Không'),
          ['', 'Phối hợp', '', 'Phòng Tai chinh', '', 'Quý 2', 'chưa rõ', '', ''],
          good('#ERROR!', 'Quý 2', 'Không'),
        ],
      }),
      ctx,
    );
    const at = (cell: string) => problems.filter((p) => p.cell === cell);
    expect(at('F8')[0]).toMatchObject({
      severity: 'error',
      field: 'Thời gian hoàn thành',
      value: 'sớm nhất có thể',
    });
    expect(at('B9')[0]).toMatchObject({
      severity: 'error',
      message: 'Dòng có dữ liệu nhưng chưa ghi tên nhiệm vụ.',
    });
    expect(at('B10')[0]).toMatchObject({ severity: 'warning' });
    expect(at('B10')[0].message).toContain('Kiểm tra công tác cải cách');
    expect(at('D11')[0].message).toContain('Phòng Tài chính - Kế hoạch');
    expect(at('G11')[0]).toMatchObject({ severity: 'error', value: 'chưa rõ' });
    expect(at('B12')[0].message).toContain("'- Rà soát");
    expect(problems.every((p) => p.unit?.code === 'TP' && p.sheet === 'Nhiệm vụ')).toBe(true);
    expect(rows.find((r) => r.row === 8)?.errors).toBe(1);
  });

  it('matches lead agencies through Unicode form and tone placement', () => {
    const { problems } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({
        3: [
          [
            ...good('Một cửa', 'Quý 2', 'Không').slice(0, 3),
            'UBND xã Vĩnh Hoà'.normalize('NFD'),
            '',
            'Quý 2',
            'Không',
            '',
            '',
          ],
        ],
      }),
      ctx,
    );
    expect(problems).toEqual([]);
  });

  it('refuses a table whose columns were renamed or moved, reading nothing', () => {
    const grid = table({ 1: [good('Việc', 'Quý 2', 'Không')] });
    grid[3] = [...grid[3]];
    [grid[3][6], grid[3][7]] = [grid[3][7], grid[3][6]];
    const { rows, problems, structureOk } = readTaskTable(unit, 'Nhiệm vụ', grid, ctx);
    expect(structureOk).toBe(false);
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.cell)).toEqual(['G4', 'H4']);
  });

  it('caps a problem quoting a 50,000-character cell: the start of the text and its length', () => {
    const phrase = encodeLegacy('Kiểm tra công tác cải cách hành chính ', 'TCVN3');
    const huge = phrase.repeat(Math.ceil(50_000 / phrase.length)).slice(0, 50_000);
    const { rows, problems } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({ 1: [good(huge, 'Quý I/2025', 'Không')] }),
      ctx,
    );
    expect(rows[0].cells[1]).toBe(huge); // the task itself is read whole
    const legacy = problems.find((p) => p.message.includes('bảng mã cũ'));
    expect(legacy?.cell).toBe('B6');
    expect(legacy?.message).toMatch(
      /^Chữ có vẻ gõ bằng bảng mã cũ TCVN3\. Đề nghị sửa thành: "Kiểm tra công tác/,
    );
    expect(legacy?.message).toContain('… (dài 50.000 ký tự)');
    expect(legacy?.message.length).toBeLessThan(500);
    expect(legacy?.value.startsWith(huge.slice(0, 300))).toBe(true);
    expect(legacy?.value.length).toBeLessThan(400);
  });

  it('reads a task numbered "III" inside section II as a task of II, at a problem in its TT cell', () => {
    const grid = table({
      2: [
        good('Rà soát văn bản', 'Quý 2', 'Không'),
        ['III', 'Kiểm tra văn bản', 'Báo cáo', 'Phòng Tư pháp', '', 'Quý 3', 'Không', '', ''],
      ],
      3: [good('Một cửa điện tử', 'Quý 4', 'Không')],
    });
    const { rows, problems } = readTaskTable(unit, 'Nhiệm vụ', grid, ctx);
    // Rows: 5 I, 6 blank, 7 II, 8 task, 9 "III" task, 10 blank, 11 III (section), 12 task.
    expect(rows.map((r) => [r.row, r.area.roman, r.cells[1]])).toEqual([
      [8, 'II', 'Rà soát văn bản'],
      [9, 'II', 'Kiểm tra văn bản'],
      [12, 'III', 'Một cửa điện tử'],
    ]);
    expect(problems.map((p) => [p.severity, p.cell, p.value])).toEqual([['warning', 'A9', 'III']]);
    expect(problems[0].message).toContain('không phải dòng tên mục: đã tính là nhiệm vụ của mục II');
  });

  it('finds a section whose title was changed by its place, not a task numbered like it', () => {
    const grid = table({
      2: [['III', 'Kiểm tra văn bản', 'Báo cáo', 'Phòng Tư pháp', '', 'Quý 3', 'Không', '', '']],
      3: [good('Một cửa điện tử', 'Quý 4', 'Không')],
    });
    grid[9] = ['III', 'Thủ tục hành chính (đã sửa tên)'];
    const { rows, problems } = readTaskTable(unit, 'Nhiệm vụ', grid, ctx);
    expect(rows.map((r) => [r.row, r.area.roman])).toEqual([
      [8, 'II'],
      [11, 'III'],
    ]);
    expect(problems.map((p) => p.cell)).toEqual(['A8']);
  });

  it('skips a repeated section row with a warning instead of reading its title as a task', () => {
    const grid = table({ 4: [['IV', REFORM_AREAS[3].tableTitle], good('Sắp xếp bộ máy', 'Quý 2', 'Không')] });
    const { rows, problems } = readTaskTable(unit, 'Nhiệm vụ', grid, ctx);
    // Rows: 11 IV (section), 12 its copy, 13 task.
    expect(rows.map((r) => [r.row, r.area.roman, r.cells[1]])).toEqual([[13, 'IV', 'Sắp xếp bộ máy']]);
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([['A12', 'warning']]);
    expect(problems[0].message).toContain('bị lặp lại');
  });

  it('reports a signature block typed under the table once, naming its cells, and reads no task from it', () => {
    const grid = table({ 8: [good('Chỉ số CCHC', 'Quý 4', 'Không')] });
    const last = grid.length; // the blank row after the last task
    grid.push(
      [],
      ['', 'NGƯỜI LẬP BIỂU', '', '', '', 'THỦ TRƯỞNG ĐƠN VỊ'],
      [],
      [],
      ['', 'Nguyễn Văn An', '', '', '', 'Trần Thị Bình'],
    );
    const { rows, problems } = readTaskTable(unit, 'Nhiệm vụ', grid, ctx);
    expect(rows.map((r) => r.cells[1])).toEqual(['Chỉ số CCHC']);
    expect(problems.map((p) => [p.severity, p.cell])).toEqual([['warning', `A${last + 2}:I${last + 5}`]]);
    expect(problems[0].value).toBe('NGƯỜI LẬP BIỂU / THỦ TRƯỞNG ĐƠN VỊ / Nguyễn Văn An / Trần Thị Bình');
    expect(problems[0].message).toContain('có thể là phần ký tên');
  });

  it('still reads tasks below a blank row in the last section when they look like tasks', () => {
    const grid = table({ 8: [good('Chỉ số CCHC', 'Quý 4', 'Không')] });
    grid.push([], ['', 'Khảo sát sự hài lòng', 'Báo cáo', 'Phòng Tư pháp', '', 'Quý 3', 'Không', '', '']);
    grid.push([], ['5.', 'Công bố chỉ số']);
    const { rows, problems } = readTaskTable(unit, 'Nhiệm vụ', grid, ctx);
    expect(rows.map((r) => r.cells[1])).toEqual(['Chỉ số CCHC', 'Khảo sát sự hài lòng', 'Công bố chỉ số']);
    expect(problems.some((p) => p.cell.includes(':'))).toBe(false);
  });

  it('flags a task above the first section', () => {
    const grid = table({});
    grid.splice(4, 0, good('Lạc chỗ', 'Quý 2', 'Không'));
    const { problems } = readTaskTable(unit, 'Nhiệm vụ', grid, ctx);
    expect(problems.map((p) => [p.cell, p.message])).toEqual([
      ['B5', expect.stringContaining('ngoài các mục')],
    ]);
  });
});

describe('readTaskTable: the forms of real plans (issue 15)', () => {
  const ctx2026 = {
    planYear: 2026,
    columns: DEFAULT_TASK_COLUMNS,
    agencies: new AgencyDirectory([
      'Sở Nội vụ',
      'Sở Y tế',
      'Sở Giáo dục và Đào tạo',
      'Sở Khoa học và Công nghệ',
      'Bảo hiểm xã hội tỉnh Quảng Trị',
    ]),
  };
  const row = (
    time: string,
    budget: string,
    lead = 'Sở Nội vụ',
    cooperating = '',
    source = '',
  ): CellValue[] => [
    '1.',
    'Rà soát quy trình nội bộ',
    'Quy trình',
    lead,
    cooperating,
    time,
    budget,
    source,
    '',
  ];

  it('warns once per table of periods past the plan year, naming every cell', () => {
    const { rows, problems } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({
        1: [row('Giai đoạn 2026 - 2030', 'Kinh phí thường xuyên'), row('Quý I/2026', 'Không')],
        5: [row('2026-2030', 'Kinh phí thường xuyên')],
      }),
      ctx2026,
    );
    expect(rows.map((r) => r.completion.kind)).toEqual(['period', 'quarter', 'period']);
    expect(problems.map((p) => [p.severity, p.cell, p.value])).toEqual([
      ['warning', 'F6', 'Giai đoạn 2026 - 2030 / 2026-2030'],
    ]);
    expect(problems[0].message).toMatch(/^2 nhiệm vụ \(ô F6, F\d+\), ví dụ "Giai đoạn 2026 - 2030"\./);
    expect(problems[0].message).toContain('chỉ báo một lần cho mỗi tệp');
  });

  it('shows a follow-up clause, "Trước năm", a source in the budget cell as warnings at their cells, saying what was read', () => {
    const { rows, problems } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({
        2: [
          row('Ban hành trong quý I năm 2026. Thực hiện rà soát, điều chỉnh (nếu có)', 'Không'),
          row('Hoàn thành trước năm 2027', 'Vốn đầu tư công'),
          row('Triển khai từ năm 2026', 'Nguồn sự nghiệp khoa học'),
        ],
      }),
      ctx2026,
    );
    const at = (cell: string) => problems.filter((p) => p.cell === cell).map((p) => [p.severity, p.message]);
    expect(at('F8')).toEqual([['warning', expect.stringContaining('(hạn 31/03/2026) làm thời hạn')]]);
    expect(at('F9')).toEqual([['warning', expect.stringContaining('hạn 31/12/2026')]]);
    expect(at('G9')).toEqual([['warning', expect.stringContaining('đã đọc là nguồn "Vốn đầu tư công"')]]);
    expect(at('G10')).toEqual([['warning', expect.stringContaining('đã đọc là nguồn "Khác"')]]);
    expect(at('F10')).toEqual([]); // a start is no problem, and no deadline
    expect(rows.map((r) => [r.completion.kind, r.budget.kind, r.source])).toEqual([
      ['quarter', 'none', 'empty'],
      ['year', 'source-only', 'vốn đầu tư công'],
      ['ongoing-from', 'source-only', 'khác'],
    ]);
    expect(rows[2].completion.due).toBeNull();
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('splits agencies, matches abbreviations and groups, and names only the unknown one', () => {
    const { problems } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({
        3: [
          row(
            'Quý 2',
            'Không',
            'Sở Y tế; Sở Giáo dục và Đào tạo',
            'Sở KH&CN, BHXH và UBND các xã, phường, đặc khu',
          ),
          row('Quý 2', 'Không', 'Các sở, ban, ngành', 'Bộ Công an'),
          row('Quý 2', 'Không', 'Sở Y tế\nSở ABC', 'Sở Giao duc và Đào tạo'),
        ],
      }),
      ctx2026,
    );
    expect(problems.map((p) => [p.cell, p.value])).toEqual([
      ['D12', 'Sở Y tế\nSở ABC'],
      ['E12', 'Sở Giao duc và Đào tạo'],
    ]);
    expect(problems[0].message).toBe(
      'Cơ quan chủ trì "Sở ABC" không có trong danh sách đơn vị (ô ghi 2 cơ quan, đã tách theo dòng, dấu ";", "," và chữ "và"; các cơ quan khác đã khớp danh sách).',
    );
    expect(problems[1].message).toContain('Có phải: "Sở Giáo dục và Đào tạo"?');
  });

  it('counts tasks whose budget cell names only a source in the budget totals, outside the total', () => {
    const { rows } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({ 1: [row('Quý 2', 'Vốn ODA'), row('Quý 2', '50 triệu', 'Sở Nội vụ', '', 'Vốn đầu tư công')] }),
      ctx2026,
    );
    const summary = summarizeBudget(rows);
    expect(summary.sourceOnlyTasks).toBe(1);
    expect(summary.total).toBe(50_000_000);
    expect(summary.bySource.map((s) => [s.source, s.amount])).toEqual([['vốn đầu tư công', 50_000_000]]);
    const merged = mergeSummaries(emptySummary(), compactSummary(summary));
    expect(merged.sourceOnlyTasks).toBe(1);
  });
});

describe('mergeSummaries', () => {
  it('adds up step summaries to the summary of all rows', () => {
    const { rows } = readTaskTable(
      unit,
      'Nhiệm vụ',
      table({
        1: [good('A', 'Quý 2', '10.000.000'), good('B', 'Quý 2', 'Kinh phí thường xuyên', '')],
        3: [good('C', 'Quý 2', '5 triệu', 'NS tỉnh'), good('D', 'Quý 2', 'Lồng ghép', '')],
      }),
      ctx,
    );
    const whole = compactSummary(summarizeBudget(rows));
    const stepwise = [rows.slice(0, 1), rows.slice(1, 3), rows.slice(3)]
      .map((part) => compactSummary(summarizeBudget(part)))
      .reduce(mergeSummaries, emptySummary());
    expect(stepwise).toEqual(whole);
    expect(whole.total).toBe(15000000);
  });
});
