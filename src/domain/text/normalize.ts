/**
 * Normalising Vietnamese text as it arrives from cells, pasted documents and input methods.
 *
 * The same word can arrive composed (NFC) or decomposed (NFD, from some input methods and from
 * macOS), with non-breaking spaces from Word, zero-width characters from web pages, and with the
 * tone mark on either vowel of "oa", "oe", "uy" (the old "hoà" and the new "hòa" placement are both
 * in everyday use). These functions remove those differences at three strengths:
 * - normalizeText: for storing and displaying (keeps everything a reader would see);
 * - foldForMatch: a comparison key for names (not for display);
 * - removeDiacritics: the plain-Latin skeleton, for fuzzy suggestions and keyword parsing.
 */

/** Zero-width characters that carry no visible content: ZWSP, ZWNJ, ZWJ, word joiner, BOM, MVS. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;

/** Every way a line can end: CRLF, CR, and the Unicode line/paragraph separators, NEL, VT, FF. */
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085\v\f]/g;

/** Runs of horizontal whitespace (tabs, NBSP, thin and ideographic spaces …) but not '\n'. */
const HORIZONTAL_SPACE_RUN = /[^\S\n]+/g;

/** A line break with the spaces and further line breaks around it. */
const LINE_BREAK_RUN = / ?\n[\n ]*/g;

/** Anything the passes of normalizeText would change in an NFC string. */
const NEEDS_SPACING_WORK = /[^\S ]| {2}|^ | $|[\u200B-\u200D\u2060\uFEFF\u180E]/;

/**
 * NFC, zero-width characters removed, horizontal whitespace runs (including NBSP and tabs)
 * collapsed to one space, each run of line breaks (with blank lines) collapsed to one '\n',
 * the ends trimmed.
 *
 * The soft hyphen U+00AD is deliberately kept: in text pasted from legacy TCVN3 documents it is
 * the letter "ư", so removing it would make such text unrecoverable (see legacy-encoding.ts).
 */
export function normalizeText(s: string): string {
  const nfc = s.normalize('NFC');
  // Most cells need nothing more; skip the four passes below for them (100,000 rows add up).
  if (!NEEDS_SPACING_WORK.test(nfc)) return nfc;
  return nfc
    .replace(ZERO_WIDTH, '')
    .replace(LINE_BREAK, '\n')
    .replace(HORIZONTAL_SPACE_RUN, ' ')
    .replace(LINE_BREAK_RUN, '\n')
    .trim();
}

/**
 * A word ending in "oa", "oe" or "uy" with the tone mark on its first vowel (NFD, lower case).
 * These are the only clusters whose tone placement varies in practice: the traditional "hòa",
 * "khỏe", "thủy" and the reformed "hoà", "khoẻ", "thuỷ". With a final consonant ("hoàn",
 * "tuyết") everyone puts the tone on the second vowel, so only word-final clusters are moved.
 */
const TONE_ON_FIRST_OF_OA_OE_UY =
  /(o)([\u0300\u0301\u0303\u0309\u0323])([ae])$|(u)([\u0300\u0301\u0303\u0309\u0323])(y)$/;

/** Puts the tone of a final "oa"/"oe"/"uy" on its second vowel: "hòa" → "hoà", "thủy" → "thuỷ". */
function canonicalTonePlacement(nfdWord: string): string {
  return nfdWord.replace(
    TONE_ON_FIRST_OF_OA_OE_UY,
    (_m, o?: string, oTone?: string, ae?: string, u?: string, uTone?: string, y?: string) =>
      o !== undefined ? `${o}${ae}${oTone}` : `${u}${y}${uTone}`,
  );
}

/** Letters that look like "đ" and are typed for it (Icelandic eth, African D). */
const D_LOOKALIKES = /[\u00D0\u00F0\u0189\u0256]/g;

/** Anything that is not a letter, digit or combining mark separates words for matching. */
const NOT_WORD_CHAR = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * A key for deciding whether two names are the same: NFC, lower case, one tone-mark placement
 * for "oa"/"oe"/"uy" (the reformed one: "hoà", "khoẻ", "thuỷ"), "đ" look-alikes mapped to "đ",
 * punctuation dropped, single spaces between words. "UBND xã Vĩnh Hoà" and "UBND Xã  Vĩnh Hòa"
 * (NFC or NFD) both give "ubnd xã vĩnh hoà". The key is for comparison, not for display.
 */
export function foldForMatch(s: string): string {
  const words = normalizeText(s)
    .normalize('NFD')
    .toLowerCase()
    .replace(D_LOOKALIKES, 'đ')
    .split(NOT_WORD_CHAR);
  const folded: string[] = [];
  for (const word of words) {
    if (word !== '') folded.push(canonicalTonePlacement(word));
  }
  return folded.join(' ').normalize('NFC');
}

/** Letters that look like "đ"/"Đ" (eth, African D) are stripped to "d"/"D" like "đ" itself. */
const D_LIKE: Readonly<Record<string, string>> = {
  đ: 'd',
  ð: 'd',
  '\u0256': 'd',
  Đ: 'D',
  Ð: 'D',
  '\u0189': 'D',
};

/** The combining diacritical blocks. */
const COMBINING_MARKS = /[\u0300-\u036F]|[\u1AB0-\u1AFF]|[\u1DC0-\u1DFF]|[\u20D0-\u20FF]|[\uFE20-\uFE2F]/g;

/** Non-ASCII characters already seen → their plain form (a bounded set: letters in use). */
const PLAIN_FORM_CACHE = new Map<string, string>();

function plainForm(ch: string): string {
  let plain = PLAIN_FORM_CACHE.get(ch);
  if (plain === undefined) {
    plain = D_LIKE[ch] ?? ch.normalize('NFD').replace(COMBINING_MARKS, '');
    if (PLAIN_FORM_CACHE.size < 4096) PLAIN_FORM_CACHE.set(ch, plain);
  }
  return plain;
}

const NON_ASCII_CHAR = /[\u0080-\uFFFF]/g;

/**
 * The text without any diacritics, "đ" → "d" and "Đ" → "D", case kept ("Vĩnh Hòa" → "Vinh Hoa").
 * For fuzzy suggestions and for keyword parsing that must accept text typed without accents.
 * Works character by character (NFC or NFD input alike: a lone combining mark becomes "").
 */
export function removeDiacritics(s: string): string {
  return s.replace(NON_ASCII_CHAR, plainForm);
}

/**
 * The key the parsers in src/domain/parse read: normalised, lower case, no diacritics.
 * "Quý  I/2025", "QUÝ I/2025" and "Quy I/2025" all give "quy i/2025".
 */
export function plainKey(s: string): string {
  return removeDiacritics(normalizeText(s)).toLowerCase();
}
