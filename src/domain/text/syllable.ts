/**
 * Is a word a well-formed Vietnamese syllable? Used to tell real Vietnamese from text in a legacy
 * encoding shown as Unicode garbage: "Phòng" is a syllable, "Phßng" (TCVN3) and "Phoøng" (VNI)
 * are not, and neither is "chÝnh" (mixed case).
 *
 * The check follows the orthography, not a dictionary: initial consonant + vowel cluster + final
 * consonant, at most one tone mark, placed on a vowel that can carry it (both the old "hòa" and
 * the new "hoà" placement are accepted). It is deliberately a little lenient: a rare real
 * syllable rejected only makes detection less sure, never wrong on its own. It runs once per word
 * of every checked cell, so it is a single pass with table lookups.
 */
import { TONED_VOWELS, WITH_MODIFIER } from './vowels';

const INITIALS = new Set(
  'b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x'.split(' ').concat(['']),
);

const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** Vowel clusters that end a syllable (no final consonant). */
const OPEN_CLUSTERS = new Set(
  (
    'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oai oao oay oe oeo oi ôi ơi ua uây uê ui uôi ' +
    'uơ uy uya uyu ưa ưi ươi ươu ưu iêu yêu'
  ).split(' '),
);

/** Vowel clusters followed by a final consonant. */
const CLOSED_CLUSTERS = new Set('a ă â e ê i o ô ơ u ư iê yê uô ươ oa oă oe oo uâ uê uy uyê'.split(' '));

/** Clusters where the tone may sit on the last vowel even without a final ("hoà", "thuỷ"). */
const TONE_ON_LAST_ALLOWED = new Set(['oa', 'oe', 'uy', 'uê', 'uơ']);

/** Clusters where the old style puts the tone on the first vowel even before a final ("hòan"). */
const TONE_ON_FIRST_ALLOWED_BEFORE_FINAL = new Set(['oa', 'oe', 'uy']);

const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const CONSONANTS = new Set('bcdđghklmnpqrstvx'.split(''));
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

const FRONT_VOWELS = new Set(['e', 'ê', 'i', 'y']);

/** Lower case, upper case or capitalised: "phòng", "PHÒNG", "Phòng" — not "chÝnh". */
function hasConsistentCase(word: string, lower: string): boolean {
  if (word === lower) return true;
  const upper = word.toUpperCase();
  if (word === upper) return true;
  return word.charAt(0) === upper.charAt(0) && word.slice(1) === lower.slice(1);
}

/** Each precomposed toned vowel → its tone-free letter (built once; avoids NFD per word). */
const TONED_TO_BASE: ReadonlyMap<string, string> = new Map(
  Object.keys(TONED_VOWELS).flatMap((base) =>
    TONED_VOWELS[base]
      .slice(1)
      .split('')
      .map((toned): [string, string] => [toned, base]),
  ),
);

interface Spelling {
  /** Tone-free letters, one character each (ă â ê ô ơ ư included). */
  readonly bare: string;
  /** Index in `bare` of the letter under the tone mark, or -1 without a tone. */
  readonly toneAt: number;
}

/**
 * Splits a lower-case word (NFC, NFD or mixed) into tone-free letters and the tone position;
 * null if it holds anything but Vietnamese letters or more than one tone.
 */
function spell(lower: string): Spelling | null {
  let bare = '';
  let toneAt = -1;
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    if (VOWELS.has(ch) || CONSONANTS.has(ch)) {
      bare += ch;
      continue;
    }
    const base = TONED_TO_BASE.get(ch);
    if (base !== undefined || TONE_MARKS.has(ch)) {
      if (toneAt >= 0) return null; // two tones
      if (base !== undefined) bare += base;
      else if (bare === '') return null; // a tone mark on nothing
      toneAt = bare.length - 1;
      continue;
    }
    // A modifier mark of NFD text: "a" + breve = "ă".
    const combined = bare === '' ? undefined : WITH_MODIFIER.get(bare[bare.length - 1] + ch);
    if (combined === undefined) return null;
    bare = bare.slice(0, -1) + combined;
  }
  return { bare, toneAt };
}

function initialFits(initial: string, cluster: string): boolean {
  const first = cluster.charAt(0);
  if (initial === 'k' || initial === 'gh' || initial === 'ngh') return FRONT_VOWELS.has(first);
  if (initial === 'c') return !FRONT_VOWELS.has(first);
  return true;
}

function toneFits(cluster: string, final: string, toneInCluster: number): boolean {
  if (toneInCluster < 0 || toneInCluster >= cluster.length) return false;
  if (cluster.length < 2) return true;
  const onLast = toneInCluster === cluster.length - 1;
  if (final !== '') return onLast || TONE_ON_FIRST_ALLOWED_BEFORE_FINAL.has(cluster);
  return !onLast || TONE_ON_LAST_ALLOWED.has(cluster);
}

/**
 * True for one well-formed Vietnamese syllable in consistent case ("Phòng", "NGƯỜI", "hoà",
 * "thủy", "gì", "quý"); false for legacy-encoding garbage, foreign words ("café") and mixed case.
 */
export function isVietnameseSyllable(word: string): boolean {
  if (word === '') return false;
  const lower = word.toLowerCase();
  if (!hasConsistentCase(word, lower)) return false;
  const spelling = spell(lower);
  if (spelling === null) return false;
  const { bare, toneAt } = spelling;

  let firstVowel = 0;
  while (firstVowel < bare.length && !VOWELS.has(bare[firstVowel])) firstVowel++;
  if (firstVowel === bare.length) return false;
  let lastVowel = bare.length - 1;
  while (!VOWELS.has(bare[lastVowel])) lastVowel--;

  // "qu" and "gi" spell their u/i as part of the initial ("quý", "già"), unless the i is the only
  // vowel ("gì", "gìn").
  const before = bare.slice(0, firstVowel);
  let clusterStart = firstVowel;
  if (
    (before === 'q' && bare[firstVowel] === 'u') ||
    (before === 'g' && bare[firstVowel] === 'i' && lastVowel > firstVowel)
  ) {
    clusterStart++;
  }
  const initial = bare.slice(0, clusterStart);
  const cluster = bare.slice(clusterStart, lastVowel + 1);
  const final = bare.slice(lastVowel + 1);
  if (!INITIALS.has(initial) || !FINALS.has(final)) return false;
  if (!(final === '' ? OPEN_CLUSTERS : CLOSED_CLUSTERS).has(cluster)) return false;
  if (!initialFits(initial, cluster)) return false;
  return toneAt < 0 || toneFits(cluster, final, toneAt - clusterStart);
}
