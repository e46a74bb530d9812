import { CellValue } from '../../../src/domain/cell';
import {
  abolishedAgencyMessage,
  abolishedSourceMessage,
  isTwoLevelPlan,
} from '../../../src/domain/consolidate/abolished';
import { AgencyDirectory, readTaskTable } from '../../../src/domain/consolidate/read-task-table';
import { DEFAULT_TASK_COLUMNS } from '../../../src/domain/plan/columns';
import { REFORM_AREAS } from '../../../src/domain/plan/areas';

const province = { level: 'tỉnh' as const, planYear: 2027, coordinatingOffice: 'Sở Nội vụ' };
const commune = { level: 'xã' as const, planYear: 2027, coordinatingOffice: 'Văn phòng HĐND và UBND xã' };
const district = { level: 'huyện' as const, planYear: 2025, coordinatingOffice: 'Phòng Nội vụ' };

describe('sources and agencies of an abolished level', () => {
  it('applies to province and commune plans from 2026, never to the 2025 district', () => {
    expect(isTwoLevelPlan(province)).toBe(true);
    expect(isTwoLevelPlan(commune)).toBe(true);
    expect(isTwoLevelPlan(district)).toBe(false);
    expect(isTwoLevelPlan({ ...province, planYear: 2025 })).toBe(false);
  });

  it.each([
    ['Ngân sách huyện', province, 'Ngân sách tỉnh'],
    ['NS cấp huyện', commune, 'Ngân sách xã'],
  ])('warns of the source %j and suggests the own level', (text, level, successor) => {
    expect(abolishedSourceMessage(text, level)).toContain(`"${successor}"`);
  });

  it('leaves other sources and the district alone', () => {
    expect(abolishedSourceMessage('Ngân sách tỉnh', province)).toBeNull();
    expect(abolishedSourceMessage('Ngân sách huyện', district)).toBeNull();
  });

  it.each([
    ['Phòng Nội vụ', province, 'Sở Nội vụ'],
    ['Phòng Nội vụ', commune, 'Văn phòng HĐND và UBND xã'],
    ['UBND huyện', province, 'UBND các xã, phường, đặc khu'],
    ['Huyện ủy', commune, 'Đảng ủy xã'],
    ['HĐND huyện', province, 'HĐND tỉnh'],
    ['UBND thị trấn Hồ Xá', province, 'xã, phường'],
  ])('warns of the agency %j with its successor', (text, level, successor) => {
    expect(abolishedAgencyMessage(text, level)).toContain(`Có phải: "${successor}"?`);
  });

  it('does not mistake the living for the abolished', () => {
    for (const text of [
      'Sở Nội vụ',
      'UBND xã Cửa Tùng',
      'Văn phòng HĐND và UBND xã',
      'Thuế tỉnh Quảng Trị',
    ]) {
      expect(abolishedAgencyMessage(text, province)).toBeNull();
    }
  });

  it('points each warning at its cell when a table is read, once for the lead', () => {
    const grid: CellValue[][] = [['PHỤ LỤC II'], [''], [''], DEFAULT_TASK_COLUMNS.map((c) => c.header)];
    for (const area of REFORM_AREAS) {
      grid.push([area.roman, area.tableTitle]);
      if (area.number === 1) {
        grid.push([
          '1.',
          'Ban hành kế hoạch',
          'Kế hoạch',
          'Phòng Nội vụ',
          'UBND huyện',
          'Quý I/2027',
          1000000,
          'Ngân sách huyện',
          '',
        ]);
      }
    }
    const { problems } = readTaskTable({ code: 'TP', name: 'Sở Tư pháp' }, 'Nhiệm vụ', grid, {
      planYear: 2027,
      columns: DEFAULT_TASK_COLUMNS,
      agencies: new AgencyDirectory(['Sở Tư pháp', 'Sở Nội vụ']),
      level: province,
    });
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([
      ['H6', 'warning'],
      ['D6', 'warning'],
      ['E6', 'warning'],
    ]);
    expect(problems[1].message).toContain('"Sở Nội vụ"');
  });
});
