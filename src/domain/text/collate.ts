/**
 * Sorting Vietnamese without Intl (Apps Script's locale data is unreliable, and code-unit order
 * puts "Đ" after "Z" and "ă" after "z").
 *
 * Three levels, as in the Vietnamese collation of CLDR:
 * 1. primary: the letters, in the Vietnamese alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q
 *    r s t u ư v x y (f j w z, for foreign words, sit where Latin puts them), case-insensitive;
 *    spaces < punctuation < digits < letters < other scripts;
 * 2. secondary: the tone of each syllable: none < huyền < sắc < hỏi < ngã < nặng;
 * 3. tertiary: lower case before upper case.
 * Strings equal at all three levels compare as 0: NFC/NFD forms, and "hoà"/"hòa" (where the tone
 * mark sits is spelling, not meaning).
 */

/** The alphabet in collation order; f j w z are not Vietnamese letters but do occur. */
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'].concat(
  ['n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'],
);
const LETTER_RANK: ReadonlyMap<string, number> = new Map(ALPHABET.map((letter, i) => [letter, i]));

/** Tone marks (NFD combining characters) → secondary weight. */
const TONE_WEIGHT: ReadonlyMap<string, string> = new Map([
  ['\u0300', '1'], // huyền
  ['\u0301', '2'], // sắc
  ['\u0309', '3'], // hỏi
  ['\u0303', '4'], // ngã
  ['\u0323', '5'], // nặng
]);

/** Modifier marks that make a different letter: breve, circumflex, horn. */
const MODIFIERS = /[\u0302\u0306\u031B]/;

/**
 * Bands of primary weights. Every primary element is two characters, band then value, so the
 * keys compare element by element with plain string comparison.
 */
const BAND_SPACE = '\u0001';
const BAND_PUNCTUATION = '\u0002';
const BAND_DIGIT = '\u0003';
const BAND_LETTER = '\u0004';
const BAND_OTHER = '\u0005';
/** Separates the levels; lower than every band so that a prefix sorts first ("Hà" < "Hà Nội"). */
const LEVEL_SEPARATOR = '\u0000';

const IS_SPACE = /\s/;
const IS_DIGIT = /[0-9]/;
const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;

/**
 * A string that sorts like compareVietnamese under plain `<`. Use it to sort many rows
 * (compute each key once, then compare keys) instead of calling compareVietnamese n·log n times.
 */
export function vietnameseSortKey(s: string): string {
  const chars = s.normalize('NFD');
  let primary = '';
  let tones = '';
  let cases = '';
  let syllableTone = '0';
  let inWord = false;

  const endWord = (): void => {
    if (inWord) tones += syllableTone;
    inWord = false;
    syllableTone = '0';
  };

  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const tone = TONE_WEIGHT.get(ch);
    if (tone !== undefined) {
      if (syllableTone === '0') syllableTone = tone;
      continue;
    }
    if (IS_MARK.test(ch)) continue; // modifiers are consumed with their letter; other marks are ignored
    if (IS_LETTER.test(ch)) {
      let letter = ch.toLowerCase();
      while (i + 1 < chars.length && MODIFIERS.test(chars[i + 1])) letter += chars[++i];
      letter = letter.normalize('NFC');
      const rank = LETTER_RANK.get(letter);
      primary += rank === undefined ? BAND_OTHER + letter : BAND_LETTER + String.fromCharCode(0x20 + rank);
      cases += ch === ch.toLowerCase() ? '0' : '1';
      inWord = true;
      continue;
    }
    endWord();
    if (IS_SPACE.test(ch)) primary += BAND_SPACE + ' ';
    else if (IS_DIGIT.test(ch)) primary += BAND_DIGIT + ch;
    else primary += BAND_PUNCTUATION + ch;
  }
  endWord();
  return primary + LEVEL_SEPARATOR + tones + LEVEL_SEPARATOR + cases;
}

/** Comparator for Array.prototype.sort: negative, 0 or positive, in Vietnamese order. */
export function compareVietnamese(a: string, b: string): number {
  if (a === b) return 0;
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A sorted copy, computing each item's key once (for long lists). */
export function sortVietnamese<T>(items: readonly T[], textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, key: vietnameseSortKey(textOf(item)) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.index - y.index))
    .map((entry) => entry.item);
}
