/**
 * Names of authorities as Nghị định 30/2020 writes them: in the header (capitals, the issuer in
 * full, long names on two lines) and in running text (normal case, "UBND tỉnh Quảng Trị").
 */

/** Words naming a level or a kind of locality: lower case inside a name in running text. */
const LEVEL_WORDS = ['THÀNH PHỐ', 'THỊ XÃ', 'THỊ TRẤN', 'ĐẶC KHU', 'TỈNH', 'HUYỆN', 'QUẬN', 'XÃ', 'PHƯỜNG'];

const FULL_UBND = 'ỦY BAN NHÂN DÂN';

function upper(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase();
}

/** "UBND HUYỆN VĨNH LINH" → "ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH" (the issuer's own name in full). */
export function fullAuthorityName(name: string): string {
  return upper(name)
    .replace(/^UBND\b/, FULL_UBND)
    .replace(/^HĐND\b/, 'HỘI ĐỒNG NHÂN DÂN');
}

/** Where a long authority name is broken: after "ỦY BAN NHÂN DÂN", else before its level word. */
const HEADER_LINE_MAX = 28;

/**
 * The header lines of an authority's name: one line when short, else two — "ỦY BAN NHÂN DÂN" /
 * "TỈNH QUẢNG TRỊ", "SỞ NÔNG NGHIỆP VÀ" / "MÔI TRƯỜNG" (at the word nearest the middle).
 */
export function headerLines(name: string): string[] {
  const text = upper(name);
  // "ỦY BAN NHÂN DÂN" / "XÃ VĨNH HÒA": the authority's kind, then its locality, as decrees print it.
  for (const lead of [FULL_UBND, 'HỘI ĐỒNG NHÂN DÂN']) {
    if (text.startsWith(lead + ' ')) return [lead, text.slice(lead.length + 1)];
  }
  if (text.length <= HEADER_LINE_MAX) return text === '' ? [] : [text];
  const words = text.split(' ');
  let best = 1;
  let bestGap = Infinity;
  for (let i = 1; i < words.length; i++) {
    const gap = Math.abs(words.slice(0, i).join(' ').length - words.slice(i).join(' ').length);
    if (gap < bestGap) {
      best = i;
      bestGap = gap;
    }
  }
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

function titleWord(word: string): string {
  const lower = word.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * The issuer in running text: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ" → "UBND tỉnh Quảng Trị",
 * "SỞ NỘI VỤ" → "Sở Nội vụ" is not guessed (only authorities of a locality are): the office can
 * always type its own short name.
 */
export function shortNameOf(issuer: string): string {
  const full = fullAuthorityName(issuer);
  if (!full.startsWith(FULL_UBND + ' ')) return issuer.normalize('NFC').trim();
  const prefix = 'UBND';
  const rest = full.slice(FULL_UBND.length + 1);
  const level = LEVEL_WORDS.find((w) => rest === w || rest.startsWith(w + ' '));
  if (!level) return `${prefix} ${rest.split(' ').map(titleWord).join(' ')}`;
  const place = rest.slice(level.length).trim().split(' ').filter(Boolean).map(titleWord).join(' ');
  return [prefix, level.toLocaleLowerCase('vi'), place].filter(Boolean).join(' ');
}

/** "UBND tỉnh Quảng Trị" → "tỉnh Quảng Trị" (the locality, as in "Cải cách hành chính tỉnh …"). */
export function localityOf(shortName: string): string {
  return shortName
    .normalize('NFC')
    .trim()
    .replace(/^(UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN)\s+/i, '');
}

/** "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ" → "UBND TỈNH QUẢNG TRỊ" (a parent line may be abbreviated). */
export function abbreviatedAuthority(name: string): string {
  return upper(name).replace(new RegExp(`^${FULL_UBND}\\b`), 'UBND');
}

/** "UBND xã Cửa Tùng" → "Cửa Tùng"; "UBND phường Đồng Hới" → "Đồng Hới"; else ''. */
export function placeFromUnitName(unitName: string): string {
  const locality = localityOf(unitName);
  const match = /^(xã|phường|thị trấn|đặc khu|thị xã|thành phố|huyện|quận|tỉnh)\s+(.+)$/i.exec(locality);
  return match && locality !== unitName.trim() ? match[2].trim() : '';
}
