import {
  checkCodes,
  checkComment,
  checkTargetText,
  countUnits,
  filterUnits,
  RoundView,
  UnitView,
} from '../../../src/domain/console/view';

const round = (status: RoundView['status'], flags: RoundView['flags'] = []): RoundView => ({
  target: 'X',
  label: 'Kế hoạch',
  status,
  statusLabel: status,
  flags,
  deadline: '15/02/2025',
  submittedAt: '',
  decidedAt: '',
  comment: '',
});

const unit = (
  code: string,
  name: string,
  kind: string,
  plan: RoundView,
  proposals: RoundView | null = null,
): UnitView => ({
  code,
  name,
  kind,
  plan,
  proposals,
  lastChange: '',
  problems: null,
  fileUrl: '',
  submittedUrl: '',
  docUrl: '',
});

const UNITS = [
  unit('VL', 'UBND xã Vĩnh Long', 'Xã', round('submitted', ['late'])),
  unit('TT', 'UBND thị trấn Vĩnh Linh', 'Xã', round('not-started', ['overdue'])),
  unit('TP', 'Phòng Tư pháp', 'Phòng', round('accepted'), round('returned', ['changed'])),
];
const all = { text: '', kind: '', status: '', flag: '' } as const;
const codes = (units: UnitView[]) => units.map((u) => u.code);

describe('the sidebar list', () => {
  it('finds names typed without diacritics or case, word by word, and codes', () => {
    expect(codes(filterUnits(UNITS, { ...all, text: 'vinh linh' }))).toEqual(['TT']);
    expect(codes(filterUnits(UNITS, { ...all, text: 'VĨNH' }))).toEqual(['VL', 'TT']);
    expect(codes(filterUnits(UNITS, { ...all, text: 'tu phap' }))).toEqual(['TP']);
    expect(codes(filterUnits(UNITS, { ...all, text: 'tp' }))).toEqual(['TP']);
    expect(codes(filterUnits(UNITS, { ...all, text: 'linh long' }))).toEqual([]);
  });

  it('filters by kind, by the status or flag of either round', () => {
    expect(codes(filterUnits(UNITS, { ...all, kind: 'Phòng' }))).toEqual(['TP']);
    expect(codes(filterUnits(UNITS, { ...all, status: 'returned' }))).toEqual(['TP']);
    expect(codes(filterUnits(UNITS, { ...all, flag: 'overdue' }))).toEqual(['TT']);
    expect(codes(filterUnits(UNITS, { ...all, flag: 'changed', kind: 'Xã' }))).toEqual([]);
  });

  it('counts plan statuses and units with each flag', () => {
    const c = countUnits(UNITS);
    expect(c.units).toBe(3);
    expect(c.byStatus).toEqual({ 'not-started': 1, drafting: 0, submitted: 1, returned: 0, accepted: 1 });
    expect(c.byFlag).toEqual({ overdue: 1, late: 1, changed: 1 });
  });
});

describe('what the page sends, checked on the server', () => {
  it('takes unit codes and "CODE/DX", refusing anything else in Vietnamese', () => {
    expect(checkTargetText(' TP/DX ')).toBe('TP/DX');
    for (const bad of ['', 42, null, 'X'.repeat(60)])
      expect(() => checkTargetText(bad)).toThrow('Mã đơn vị không hợp lệ');
    expect(checkCodes(['TP', 'HX', 'TP'])).toEqual(['TP', 'HX']);
    expect(() => checkCodes([])).toThrow('Chưa chọn đơn vị nào');
    expect(() => checkCodes('TP')).toThrow('Chưa chọn đơn vị nào');
    expect(() => checkCodes(['TP, HX'])).toThrow('Mã đơn vị không hợp lệ');
    expect(() => checkCodes(Array(501).fill('TP'))).toThrow('Chọn tối đa 500 đơn vị mỗi lần.');
  });

  it('takes a comment of 1 to 2000 characters', () => {
    expect(checkComment('  Bổ sung mục VII. ')).toBe('Bổ sung mục VII.');
    expect(() => checkComment('   ')).toThrow('Cần ghi ý kiến');
    expect(() => checkComment(7)).toThrow('Ý kiến không hợp lệ.');
    expect(checkComment('x'.repeat(2000))).toHaveLength(2000);
    expect(() => checkComment('x'.repeat(2001))).toThrow('Ý kiến dài 2001 ký tự; tối đa 2000 ký tự.');
  });
});
