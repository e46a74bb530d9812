/**
 * Reading the "Nguồn kinh phí" (funding source) cell: which budget pays for a task.
 * People abbreviate freely ("NS tỉnh", "NSNN cấp huyện", "NSTW", "XHH", "Ngân sách cấp xã").
 */
import { normalizeText, plainKey } from '../text/normalize';

export type FundingSource =
  | 'ngân sách trung ương'
  | 'ngân sách tỉnh'
  | 'ngân sách huyện'
  | 'ngân sách xã'
  | 'vốn lồng ghép'
  | 'xã hội hóa'
  | 'khác'
  | 'empty';

/** The sources a user can pick, in the order of a dropdown. */
export const FUNDING_SOURCES: readonly Exclude<FundingSource, 'empty'>[] = [
  'ngân sách trung ương',
  'ngân sách tỉnh',
  'ngân sách huyện',
  'ngân sách xã',
  'vốn lồng ghép',
  'xã hội hóa',
  'khác',
];

/**
 * Patterns on the plain key (lower case, no diacritics), most specific first. "xa hoi hoa" is
 * matched before the commune level so that its "xa" is not read as "xã".
 */
const SOURCE_PATTERNS: ReadonlyArray<readonly [Exclude<FundingSource, 'empty' | 'khác'>, RegExp]> = [
  ['xã hội hóa', /\bxa hoi hoa\b|\bxhh\b/],
  ['vốn lồng ghép', /\blong ghep\b/],
  // "TW", "NSTW", "trung ương"; "TƯ" only after "NS"/"ngân sách" (alone, "tu" is also "từ").
  [
    'ngân sách trung ương',
    /\btrung uong\b|\b(?:ns|nsnn)?tw\b|\b(?:ns|nsnn|ngan sach)(?: cap)? (?:tw|tu)\b|\bnstu\b/,
  ],
  ['ngân sách tỉnh', /\btinh\b|\bnstinh\b/],
  ['ngân sách huyện', /\bhuyen\b|\bnshuyen\b/],
  // Commune level: xã, phường, thị trấn, đặc khu (the units at that level since 2025).
  ['ngân sách xã', /\bxa\b|\bphuong\b|\bthi tran\b|\bdac khu\b|\bnsxa\b/],
];

/** Every source the text names, in the order of FUNDING_SOURCES ("NS tỉnh và XHH" names two). */
export function fundingSourcesMentioned(raw: unknown): FundingSource[] {
  if (typeof raw !== 'string') return [];
  // "địa phương" (local, any level) is not "phường" (ward).
  let key = plainKey(raw)
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bdia phuong\b/g, ' ');
  const found = new Set<FundingSource>();
  for (const [source, pattern] of SOURCE_PATTERNS) {
    if (pattern.test(key)) {
      found.add(source);
      // "xã hội hóa" must not also count as "xã".
      if (source === 'xã hội hóa') key = key.replace(/\bxa hoi hoa\b/g, ' ');
    }
  }
  return FUNDING_SOURCES.filter((s) => found.has(s));
}

/**
 * One category for the cell: the single source it names; 'khác' when it names none we know
 * ("Ngân sách nhà nước", "Sở Tài chính") or several ("NS tỉnh, NS huyện" — one category cannot
 * say both; fundingSourcesMentioned lists them); 'empty' when blank.
 */
export function parseFundingSource(raw: unknown): FundingSource {
  if (raw === null || raw === undefined) return 'empty';
  if (typeof raw !== 'string') return 'khác';
  if (normalizeText(raw) === '') return 'empty';
  const sources = fundingSourcesMentioned(raw);
  return sources.length === 1 ? sources[0] : 'khác';
}

/** "ngân sách huyện" → "Ngân sách huyện" (dropdowns, tables); 'empty' → "Chưa ghi nguồn". */
export function fundingSourceLabel(source: FundingSource): string {
  if (source === 'empty') return 'Chưa ghi nguồn';
  return source.charAt(0).toUpperCase() + source.slice(1);
}
