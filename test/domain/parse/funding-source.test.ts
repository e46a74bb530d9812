import {
  FUNDING_SOURCES,
  FundingSource,
  fundingSourcesMentioned,
  parseFundingSource,
} from '../../../src/domain/parse/funding-source';
import { parseFundingSource as reExported } from '../../../src/domain/parse/budget';

describe('parseFundingSource', () => {
  it.each<[unknown, FundingSource]>([
    ['Ngân sách trung ương', 'ngân sách trung ương'],
    ['NSTW', 'ngân sách trung ương'],
    ['NS TW', 'ngân sách trung ương'],
    ['NS TƯ', 'ngân sách trung ương'],
    ['NSTƯ', 'ngân sách trung ương'],
    ['Trung ương', 'ngân sách trung ương'],
    ['Ngân sách tỉnh', 'ngân sách tỉnh'],
    ['NS tỉnh', 'ngân sách tỉnh'],
    ['NSNN cấp tỉnh', 'ngân sách tỉnh'],
    ['Tỉnh', 'ngân sách tỉnh'],
    ['Từ ngân sách tỉnh', 'ngân sách tỉnh'],
    ['Ngân sách huyện', 'ngân sách huyện'],
    ['NSNN cấp huyện', 'ngân sách huyện'],
    ['NS huyện', 'ngân sách huyện'],
    ['Ngân sách cấp xã', 'ngân sách xã'],
    ['NS xã', 'ngân sách xã'],
    ['Ngân sách phường', 'ngân sách xã'],
    ['Ngân sách thị trấn', 'ngân sách xã'],
    ['Ngân sách đặc khu', 'ngân sách xã'],
    ['Vốn lồng ghép', 'vốn lồng ghép'],
    ['Lồng ghép các chương trình MTQG', 'vốn lồng ghép'],
    ['Xã hội hóa', 'xã hội hóa'],
    ['Xã hội hoá', 'xã hội hóa'],
    ['XHH', 'xã hội hóa'],
    ['Nguồn xã hội hóa', 'xã hội hóa'],
    ['NGÂN SÁCH TỈNH'.normalize('NFD'), 'ngân sách tỉnh'],
    ['ngan sach tinh', 'ngân sách tỉnh'],
    ['Ngân sách nhà nước', 'khác'],
    ['Ngân sách địa phương', 'khác'],
    ['Tài trợ quốc tế', 'khác'],
    ['NS tỉnh, NS huyện', 'khác'],
    ['NS xã và XHH', 'khác'],
    ['Vốn đầu tư công', 'vốn đầu tư công'],
    ['Đầu tư công', 'vốn đầu tư công'],
    ['Vốn đầu tư công của tỉnh', 'vốn đầu tư công'],
    ['Nguồn vốn đầu tư công (NSTW)', 'vốn đầu tư công'],
    ['Nguồn vốn hợp pháp khác', 'nguồn hợp pháp khác'],
    ['Các nguồn hợp pháp khác', 'nguồn hợp pháp khác'],
    ['Nguồn chi thường xuyên hoặc nguồn vốn hợp pháp khác (nếu có)', 'nguồn hợp pháp khác'],
    ['Ngân sách tỉnh và các nguồn hợp pháp khác', 'ngân sách tỉnh'],
    ['Vốn ODA', 'khác'],
    [42, 'khác'],
    ['', 'empty'],
    ['  ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
  ])('%j → %s', (raw, source) => {
    expect(parseFundingSource(raw)).toBe(source);
  });

  it('is also exported from budget.ts', () => {
    expect(reExported('NS tỉnh')).toBe('ngân sách tỉnh');
  });
});

describe('fundingSourcesMentioned', () => {
  it('lists every source named, in dropdown order', () => {
    expect(fundingSourcesMentioned('XHH, NS xã, NS tỉnh')).toEqual([
      'ngân sách tỉnh',
      'ngân sách xã',
      'xã hội hóa',
    ]);
    expect(fundingSourcesMentioned('Xã hội hóa')).toEqual(['xã hội hóa']);
    expect(fundingSourcesMentioned('Khác')).toEqual([]);
    expect(fundingSourcesMentioned(null)).toEqual([]);
  });
});

describe('FUNDING_SOURCES', () => {
  it('lists the categories for a dropdown, without "empty"', () => {
    expect(FUNDING_SOURCES).toEqual([
      'ngân sách trung ương',
      'ngân sách tỉnh',
      'ngân sách huyện',
      'ngân sách xã',
      'vốn đầu tư công',
      'vốn lồng ghép',
      'xã hội hóa',
      'nguồn hợp pháp khác',
      'khác',
    ]);
  });

  it.each(FUNDING_SOURCES.filter((s) => s !== 'khác'))('reads its own label %j back', (label) => {
    expect(parseFundingSource(label)).toBe(label);
  });
});
