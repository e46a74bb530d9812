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
import { WITH_MODIFIER } from './vowels';

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

/**
 * Primary elements. Each starts with a character that fixes its band and its length, so keys
 * compare element by element under plain string comparison:
 * space (1 char) < punctuation (2) < digits (1) < alphabet letters (1) < other letters (2).
 */
const SPACE_ELEMENT = '\u0001';
const PUNCTUATION_PREFIX = '\u0002';
const OTHER_LETTER_PREFIX = '\uE000';
const ALPHABET_BASE = 0x100;
/** Separates the levels; lower than every element so that a prefix sorts first ("Hà" < "Hà Nội"). */
const LEVEL_SEPARATOR = '\u0000';

type CharInfo =
  | { readonly type: 'tone'; readonly weight: string }
  | { readonly type: 'mark' }
  | { readonly type: 'letter'; readonly lower: string; readonly upper: boolean }
  | { readonly type: 'space' | 'digit' | 'punctuation' };

const IS_SPACE = /\s/;
const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;

/** Classifying a character is the slow part; the characters in use are few, so remember them. */
const CHAR_INFO = new Map<string, CharInfo>();

function charInfo(ch: string): CharInfo {
  let info = CHAR_INFO.get(ch);
  if (info !== undefined) return info;
  const weight = TONE_WEIGHT.get(ch);
  if (weight !== undefined) info = { type: 'tone', weight };
  else if (IS_MARK.test(ch)) info = { type: 'mark' };
  else if (IS_LETTER.test(ch))
    info = { type: 'letter', lower: ch.toLowerCase(), upper: ch !== ch.toLowerCase() };
  else if (IS_SPACE.test(ch)) info = { type: 'space' };
  else if (ch >= '0' && ch <= '9') info = { type: 'digit' };
  else info = { type: 'punctuation' };
  if (CHAR_INFO.size < 8192) CHAR_INFO.set(ch, info);
  return info;
}

function letterElement(letter: string): string {
  const rank = LETTER_RANK.get(letter);
  return rank === undefined ? OTHER_LETTER_PREFIX + letter : String.fromCharCode(ALPHABET_BASE + rank);
}

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

  for (let i = 0; i < chars.length; i++) {
    const info = charInfo(chars[i]);
    if (info.type === 'tone') {
      if (syllableTone === '0') syllableTone = info.weight;
    } else if (info.type === 'letter') {
      // NFD puts a dot below before a circumflex ("ậ" = a, dot below, circumflex): look past the
      // tone marks for the modifier that makes the letter.
      let j = i + 1;
      while (j < chars.length && TONE_WEIGHT.has(chars[j])) j++;
      const withModifier = j < chars.length ? WITH_MODIFIER.get(info.lower + chars[j]) : undefined;
      if (withModifier !== undefined) {
        for (let k = i + 1; k < j; k++)
          if (syllableTone === '0') syllableTone = TONE_WEIGHT.get(chars[k]) ?? '0';
        i = j;
      }
      primary += letterElement(withModifier ?? info.lower);
      cases += info.upper ? '1' : '0';
      inWord = true;
    } else if (info.type !== 'mark') {
      // A word ends: its tone (one per syllable, wherever the mark sat) is the secondary weight.
      if (inWord) tones += syllableTone;
      inWord = false;
      syllableTone = '0';
      if (info.type === 'space') primary += SPACE_ELEMENT;
      else if (info.type === 'digit') primary += chars[i];
      else primary += PUNCTUATION_PREFIX + chars[i];
    }
  }
  if (inWord) tones += syllableTone;
  return primary + LEVEL_SEPARATOR + tones + LEVEL_SEPARATOR + cases;
}

/** Keys of recently compared strings: a sort compares each string about log n times. */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 20_000;

function cachedKey(s: string): string {
  let key = KEY_CACHE.get(s);
  if (key === undefined) {
    if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
    key = vietnameseSortKey(s);
    KEY_CACHE.set(s, key);
  }
  return key;
}

/** Comparator for Array.prototype.sort: negative, 0 or positive, in Vietnamese order. */
export function compareVietnamese(a: string, b: string): number {
  if (a === b) return 0;
  const ka = cachedKey(a);
  const kb = cachedKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A sorted copy, computing each item's key once (for long lists). */
export function sortVietnamese<T>(items: readonly T[], textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, key: vietnameseSortKey(textOf(item)) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.index - y.index))
    .map((entry) => entry.item);
}
