/**
 * Reading the "Cơ quan chủ trì" (lead) and "Cơ quan phối hợp" (cooperating) cells: which
 * agencies of the unit list they name.
 *
 * Real tables put several agencies in one cell ("Sở Y tế; Sở Giáo dục và Đào tạo", "… và UBND cấp
 * xã", one per line), abbreviate ("Sở KH&CN", "BHXH", "VP UBND", "TTPVHCC") and name groups
 * ("Các sở, ban, ngành", "UBND các xã, phường, đặc khu"). Names themselves contain the separators
 * ("Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo"), so a cell is split on lines and
 * ";" first, then each part is cut at "," and "và" only where the pieces are names we know: the
 * longest known name wins, and pieces we do not know stay together as one unknown name.
 *
 * Readings chosen:
 * - An abbreviation matches when, written out, it is a unit's name: "Sở TN&MT" is "Sở Tài nguyên
 *   và Môi trường", "Bộ CHQS tỉnh" is "Bộ Chỉ huy Quân sự tỉnh". A name may leave out or add the
 *   level and place ("BHXH" for "Bảo hiểm xã hội tỉnh Quảng Trị", "VP UBND" for "Văn phòng UBND
 *   tỉnh") when exactly one unit fits.
 * - A group ("các …", "… cấp xã", "… liên quan", "Sở, ban, ngành") is 'collective': no agency of
 *   the list, and no warning.
 */
import { foldForMatch, plainKey } from '../text/normalize';

export type AgencyPart =
  /** A unit of the list, by its registry name. */
  | { readonly kind: 'known'; readonly text: string; readonly name: string }
  /** A group of agencies ("Các sở, ban, ngành"). */
  | { readonly kind: 'collective'; readonly text: string }
  /** Not in the list. */
  | { readonly kind: 'unknown'; readonly text: string };

/**
 * Long forms and their abbreviations, on the folded name (diacritics kept, tone of a final
 * "oa"/"uy" on its second vowel: "hoá", "uỷ") without "và" and punctuation. Diacritics are kept
 * on purpose: "Phòng Tu phap" is a typo to suggest a name for, not a match.
 */
const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = (
  [
    ['uỷ ban nhân dân', 'ubnd'],
    ['hội đồng nhân dân', 'hđnd'],
    ['khoa học công nghệ|kh cn', 'khcn'],
    ['tài nguyên môi trường|tn mt', 'tnmt'],
    ['giáo dục đào tạo|gd đt', 'gdđt'],
    ['văn hoá thể thao du lịch|vh tt dl|vhtt dl', 'vhttdl'],
    ['nông nghiệp phát triển nông thôn|nn ptnt', 'nnptnt'],
    ['nông nghiệp môi trường|nn mt', 'nnmt'],
    ['kế hoạch đầu tư|kh đt', 'khđt'],
    ['lao động thương binh xã hội|lđ tb xh|lđtb xh', 'lđtbxh'],
    ['giao thông vận tải|gt vt', 'gtvt'],
    ['thông tin truyền thông|tt tt', 'tttt'],
    ['bộ chỉ huy quân sự|bộ ch qs|bộ chqs|bch qs', 'bchqs'],
    ['bảo hiểm xã hội', 'bhxh'],
    ['kho bạc nhà nước', 'kbnn'],
    ['trung tâm phục vụ hành chính công|tt pvhcc|tt phục vụ hcc|trung tâm pvhcc', 'ttpvhcc'],
    ['mặt trận tổ quốc', 'mttq'],
    ['văn phòng', 'vp'],
    ['thành phố', 'tp'],
  ] as const
).map(([long, short]) => [new RegExp(`(?:^| )(?:${long})(?= |$)`, 'g'), ` ${short}`] as const);

/** The comparison key of an agency name: folded, no "và", abbreviations for long forms. */
export function agencyKey(name: string): string {
  let key = ` ${foldForMatch(name)
    .replace(/(?:^| )và(?= |$)/g, ' ')
    .replace(/ +/g, ' ')
    .trim()} `;
  for (const [pattern, short] of CONTRACTIONS) key = key.replace(pattern, short);
  return key.trim().replace(/ +/g, ' ');
}

/** Words that start the level and place after a name ("… tỉnh Quảng Trị", "… xã", "… khu vực XI"). */
const LEVEL_WORDS = /^(?:tỉnh|tp|xã|phường|huyện|đặc khu|khu vực)(?: |$)/;
const ENDS_WITH_LEVEL = / (?:tỉnh|tp|huyện)$/;

const COLLECTIVE = [
  /^(?:cac|nhung|tat ca|toan the) /,
  /\bcac (?:xa|phuong|don vi|co quan|so|phong|dia phuong|nganh|thanh vien|to chuc|truong|doanh nghiep)\b/,
  /\bcap (?:xa|tinh|huyen)\b/,
  /\b(?:co )?lien quan$/,
  /^(?:so|ban|nganh|co quan|don vi|dia phuong|phong)(?: (?:so|ban|nganh|co quan|don vi|dia phuong|phong|doan the))+$/,
  /^thanh vien (?:ban|hoi dong|to)\b/,
];

/** "Các sở, ban, ngành", "UBND cấp xã", "cơ quan, đơn vị liên quan": a group, not one agency. */
export function isCollective(text: string): boolean {
  const key = plainKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return COLLECTIVE.some((p) => p.test(key));
}

/** Lines, ";" and "+" always separate agencies; a leading "-" or "•" is a bullet. */
const STRONG_SEPARATOR = /\s*(?:\n|;|\+)\s*/;
const BULLET = /^[-–•*]\s*/;
/** "," and "và" may separate agencies, or be part of a name: kept to rebuild the name. */
const WEAK_SEPARATOR = /(\s*,\s*|\s+(?:và|với|cùng)\s+)/i;
/** What starts an agency's name: a piece that does not is the rest of the previous name. */
const HEAD =
  /^(?:so|phong|ubnd|uy ban|hdnd|hoi dong|ban|van phong|vp|trung tam|tt|cong an|bo|cuc|chi cuc|kho bac|kbnn|bao hiem|bhxh|thue|thanh tra|doan|hoi|lien doan|mat tran|mttq|dang uy|tinh uy|benh vien|truong|cac|cap)\b/;

/** Matches cell texts against the unit list; each distinct text is read once (rows repeat). */
export class AgencyReader {
  private readonly byFolded = new Map<string, string>();
  private readonly byKey = new Map<string, string | null>();
  private readonly keys: readonly (readonly [string, string])[];
  private readonly cache = new Map<string, AgencyPart[]>();

  constructor(names: readonly string[]) {
    for (const name of names) {
      this.byFolded.set(foldForMatch(name), name);
      const key = agencyKey(name);
      // Two units with one key (rare): the key names neither.
      this.byKey.set(key, this.byKey.has(key) && this.byKey.get(key) !== name ? null : name);
    }
    this.keys = [...this.byKey.entries()].filter((e): e is [string, string] => e[1] !== null);
  }

  /** The unit a piece of text names, or null. */
  match(text: string): string | null {
    const exact = this.byFolded.get(foldForMatch(text));
    if (exact !== undefined) return exact;
    const key = agencyKey(text);
    if (key === '') return null;
    const byKey = this.byKey.get(key);
    if (byKey !== undefined) return byKey;
    return this.matchLeavingOutPlace(key);
  }

  /**
   * "BHXH" → "Bảo hiểm xã hội tỉnh Quảng Trị", "Sở Nội vụ tỉnh Quảng Trị" → "Sở Nội vụ": only the
   * level and place may be left out or added ("Phòng Tài chính" is not "Phòng Tài chính - Kế hoạch").
   */
  private matchLeavingOutPlace(key: string): string | null {
    let found: string | null = null;
    let count = 0;
    for (const [unitKey, name] of this.keys) {
      let fits = false;
      if (unitKey.startsWith(`${key} `)) {
        // "BHXH" + "tỉnh Quảng Trị", or "BHXH tỉnh" + "Quảng Trị": what is left out is the place.
        fits = LEVEL_WORDS.test(unitKey.slice(key.length + 1)) || ENDS_WITH_LEVEL.test(key);
      } else if (key.startsWith(`${unitKey} `)) {
        fits = LEVEL_WORDS.test(key.slice(unitKey.length + 1));
      }
      if (fits) {
        found = name;
        count++;
      }
    }
    return count === 1 ? found : null;
  }

  /** The agencies a cell names, in order. */
  read(cell: string): AgencyPart[] {
    const cached = this.cache.get(cell);
    if (cached !== undefined) return cached;
    const parts: AgencyPart[] = [];
    for (const raw of cell.split(STRONG_SEPARATOR)) {
      const segment = raw
        .replace(BULLET, '')
        .replace(/[.,:]+$/, '')
        .trim();
      if (segment !== '') parts.push(...this.readSegment(segment));
    }
    if (this.cache.size < 5000) this.cache.set(cell, parts);
    return parts;
  }

  private readSegment(segment: string): AgencyPart[] {
    const whole = this.match(segment);
    if (whole !== null) return [{ kind: 'known', text: segment, name: whole }];
    const pieces = segment.split(WEAK_SEPARATOR);
    const atoms = pieces.filter((_, i) => i % 2 === 0);
    const joined = (from: number, to: number) => pieces.slice(from * 2, to * 2 - 1).join('');
    const parts: AgencyPart[] = [];
    let i = 0;
    while (i < atoms.length) {
      // The longest known name from here; else the longest group ("các sở, ban, ngành").
      const known = this.longest(i, atoms.length, (j) => this.match(joined(i, j)) !== null);
      if (known > i) {
        const text = joined(i, known);
        parts.push({ kind: 'known', text, name: this.match(text) as string });
        i = known;
        continue;
      }
      const group = this.longest(i, atoms.length, (j) => isCollective(joined(i, j)));
      if (group > i) {
        parts.push({ kind: 'collective', text: joined(i, group) });
        i = group;
        continue;
      }
      // Unknown: it runs on over the pieces that do not start a name ("Du lịch" of a misspelt name).
      let j = i + 1;
      while (j < atoms.length && !HEAD.test(plainKey(atoms[j])) && this.match(atoms[j]) === null) j++;
      parts.push({ kind: 'unknown', text: joined(i, j) });
      i = j;
    }
    return parts;
  }

  /** The largest j in (i, n] for which `fits(j)`, or i. */
  private longest(i: number, n: number, fits: (j: number) => boolean): number {
    for (let j = n; j > i; j--) if (fits(j)) return j;
    return i;
  }
}
