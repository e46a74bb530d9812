/**
 * Reading the "Nguồn kinh phí" (funding source) cell: which budget pays for a task.
 * People abbreviate freely ("NS tỉnh", "NSNN cấp huyện", "NSTW", "XHH", "Ngân sách cấp xã").
 *
 * Public investment capital ("Vốn đầu tư công") and "other lawful sources" ("Nguồn vốn hợp pháp
 * khác") are categories of their own. A level named beside "đầu tư công" ("Vốn đầu tư công của
 * tỉnh") is where the investment comes from, not another category; "… và các nguồn hợp pháp khác"
 * beside a named source is secondary: the named source is the category.
 */
import { normalizeText, plainKey } from '../text/normalize';

export type FundingSource =
  | 'ngân sách trung ương'
  | 'ngân sách tỉnh'
  | 'ngân sách huyện'
  | 'ngân sách xã'
  | 'vốn đầu tư công'
  | 'vốn lồng ghép'
  | 'xã hội hóa'
  | 'nguồn hợp pháp khác'
  | 'khác'
  | 'empty';

/** The sources a user can pick, in the order of a dropdown. */
export const FUNDING_SOURCES: readonly Exclude<FundingSource, 'empty'>[] = [
  'ngân sách trung ương',
  'ngân sách tỉnh',
  'ngân sách huyện',
  'ngân sách xã',
  'vốn đầu tư công',
  'vốn lồng ghép',
  'xã hội hóa',
  'nguồn hợp pháp khác',
  'khác',
];

/**
 * Patterns on the plain key (lower case, no diacritics), most specific first. "xa hoi hoa" is
 * matched before the commune level so that its "xa" is not read as "xã".
 */
const SOURCE_PATTERNS: ReadonlyArray<readonly [Exclude<FundingSource, 'empty' | 'khác'>, RegExp]> = [
  ['xã hội hóa', /\bxa hoi hoa\b|\bxhh\b/],
  ['vốn lồng ghép', /\blong ghep\b/],
  ['vốn đầu tư công', /\bdau tu cong\b|\bdtc\b/],
  ['nguồn hợp pháp khác', /\bhop phap\b/],
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
  const sources = mainSources(fundingSourcesMentioned(raw));
  return sources.length === 1 ? sources[0] : 'khác';
}

const LEVELS: readonly FundingSource[] = [
  'ngân sách trung ương',
  'ngân sách tỉnh',
  'ngân sách huyện',
  'ngân sách xã',
];

/** The sources that make the category: a level beside "đầu tư công", "other lawful" beside any. */
function mainSources(sources: readonly FundingSource[]): FundingSource[] {
  let main = sources.includes('vốn đầu tư công') ? sources.filter((s) => !LEVELS.includes(s)) : [...sources];
  if (main.length > 1) main = main.filter((s) => s !== 'nguồn hợp pháp khác');
  return main;
}

/** Words of a funding source we have no category for: ODA, loans, aid, a budget line. */
const OTHER_SOURCE_WORDS =
  /\boda\b|\bsu nghiep\b|\bvon vay\b|\bvay uu dai\b|\bvien tro\b|\btai tro\b|\bngan sach nha nuoc\b|\bnsnn\b|\bngan sach\b|\bnguon von\b|\bnguon kinh phi\b/;

/**
 * The categories a phrase names when it names a funding source ("Vốn đầu tư công", "Ngân sách
 * trung ương hỗ trợ", "Vốn ODA" → ['khác']), or null when it names none. For a budget cell that
 * holds a source instead of an amount.
 */
export function fundingPhraseSources(raw: unknown): FundingSource[] | null {
  if (typeof raw !== 'string') return null;
  const sources = mainSources(fundingSourcesMentioned(raw));
  if (sources.length > 0) return sources;
  const key = plainKey(raw).replace(/[^a-z0-9]+/g, ' ');
  return OTHER_SOURCE_WORDS.test(key) ? ['khác'] : null;
}

/** "ngân sách huyện" → "Ngân sách huyện" (dropdowns, tables); 'empty' → "Chưa ghi nguồn". */
export function fundingSourceLabel(source: FundingSource): string {
  if (source === 'empty') return 'Chưa ghi nguồn';
  return source.charAt(0).toUpperCase() + source.slice(1);
}
