/**
 * Vietnamese text typed in the legacy 8-bit encodings and pasted into Unicode.
 *
 * Before Unicode (TCVN 6909:2001) offices typed with TCVN3 ("ABC", the ".VnTime" fonts) or
 * VNI-Windows ("VNI-Times"). Their bytes, shown as Unicode, are Latin-1 garbage: "Phòng" is
 * "Phßng" in TCVN3 and "Phoøng" in VNI. Old documents still get copied into plans, so we detect
 * such text and offer a converted suggestion; we never convert silently.
 *
 * - TCVN3 is one byte per letter. Its ".VnTime" font has no upper-case toned letters (those were
 *   typed in the ".VnTimeH" font using the lower-case codes), so the case of a toned capital is
 *   lost: we restore upper case only inside words or lines written in capitals.
 * - VNI is a base letter followed by a mark byte ("a" + "ø" = "à"), with single bytes for
 *   ơ ư đ and the toned i and ỵ.
 */
import { isVietnameseSyllable } from './syllable';
import { TONED_VOWELS } from './vowels';

export type LegacyEncoding = 'TCVN3' | 'VNI';

export interface LegacyEncodingGuess {
  readonly encoding: LegacyEncoding;
  /** The text converted to Unicode (NFC): a suggestion for the user to accept. */
  readonly suggestion: string;
}

type Tone = 0 | 1 | 2 | 3 | 4 | 5; // none, huyền, sắc, hỏi, ngã, nặng

// ---------------------------------------------------------------------------------------------
// TCVN3 (ABC): one code per lower-case letter, in the same base/tone order as TONED_VOWELS.
// ---------------------------------------------------------------------------------------------

const TCVN3_VOWEL_CODES: Readonly<Record<string, string>> = {
  a: 'a\u00B5\u00B8\u00B6\u00B7\u00B9',
  ă: '\u00A8\u00BB\u00BE\u00BC\u00BD\u00C6',
  â: '\u00A9\u00C7\u00CA\u00C8\u00C9\u00CB',
  e: 'e\u00CC\u00D0\u00CE\u00CF\u00D1',
  ê: '\u00AA\u00D2\u00D5\u00D3\u00D4\u00D6',
  i: 'i\u00D7\u00DD\u00D8\u00DC\u00DE',
  o: 'o\u00DF\u00E3\u00E1\u00E2\u00E4',
  ô: '\u00AB\u00E5\u00E8\u00E6\u00E7\u00E9',
  ơ: '\u00AC\u00EA\u00ED\u00EB\u00EC\u00EE',
  u: 'u\u00EF\u00F3\u00F1\u00F2\u00F4',
  ư: '\u00AD\u00F5\u00F8\u00F6\u00F7\u00F9',
  y: 'y\u00FA\u00FD\u00FB\u00FC\u00FE',
};

/** The seven capitals TCVN3 does encode: Ă Â Ê Ô Ơ Ư Đ. */
const TCVN3_CAPITALS: ReadonlyArray<readonly [string, string]> = [
  ['Ă', '\u00A1'],
  ['Â', '\u00A2'],
  ['Ê', '\u00A3'],
  ['Ô', '\u00A4'],
  ['Ơ', '\u00A5'],
  ['Ư', '\u00A6'],
  ['Đ', '\u00A7'],
];

// ---------------------------------------------------------------------------------------------
// VNI-Windows: base letter + mark byte. Marks by tone (none, `, ´, ?, ~, .).
// ---------------------------------------------------------------------------------------------

/** Marks after a plain vowel (a e o u y, and the single-byte ơ ư). */
const VNI_TONE_MARKS = ['', '\u00F8', '\u00F9', '\u00FB', '\u00F5', '\u00EF']; // ø ù û õ ï
/** Marks that mean circumflex + tone (â ê ô). */
const VNI_CIRCUMFLEX_MARKS = ['\u00E2', '\u00E0', '\u00E1', '\u00E5', '\u00E3', '\u00E4']; // â à á å ã ä
/** Marks that mean breve + tone (ă). */
const VNI_BREVE_MARKS = ['\u00EA', '\u00E8', '\u00E9', '\u00FA', '\u00FC', '\u00EB']; // ê è é ú ü ë
/** Toned i is a single byte: i ì í ỉ ĩ ị. */
const VNI_I = ['i', '\u00EC', '\u00ED', '\u00E6', '\u00F3', '\u00F2'];

/** The VNI spelling of each lower-case base vowel before its mark. */
const VNI_BASE: Readonly<Record<string, { readonly prefix: string; readonly marks: readonly string[] }>> = {
  a: { prefix: 'a', marks: VNI_TONE_MARKS },
  ă: { prefix: 'a', marks: VNI_BREVE_MARKS },
  â: { prefix: 'a', marks: VNI_CIRCUMFLEX_MARKS },
  e: { prefix: 'e', marks: VNI_TONE_MARKS },
  ê: { prefix: 'e', marks: VNI_CIRCUMFLEX_MARKS },
  o: { prefix: 'o', marks: VNI_TONE_MARKS },
  ô: { prefix: 'o', marks: VNI_CIRCUMFLEX_MARKS },
  ơ: { prefix: '\u00F4', marks: VNI_TONE_MARKS }, // ô
  u: { prefix: 'u', marks: VNI_TONE_MARKS },
  ư: { prefix: '\u00F6', marks: VNI_TONE_MARKS }, // ö
  y: { prefix: 'y', marks: VNI_TONE_MARKS },
};

/** The capital of a Latin-1 VNI byte is its Latin-1 capital (ø → Ø, ö → Ö, ì → Ì …). */
const upperByte = (ch: string): string => ch.toUpperCase();

interface Tables {
  readonly tcvn3Decode: ReadonlyMap<string, string>;
  readonly tcvn3Encode: ReadonlyMap<string, string>;
  /** VNI sequences of one or two characters → Unicode letter. */
  readonly vniDecode: ReadonlyMap<string, string>;
  readonly vniEncode: ReadonlyMap<string, string>;
}

function buildTables(): Tables {
  const tcvn3Decode = new Map<string, string>();
  const tcvn3Encode = new Map<string, string>();
  const vniDecode = new Map<string, string>();
  const vniEncode = new Map<string, string>();

  for (const base of Object.keys(TONED_VOWELS)) {
    const unicode = TONED_VOWELS[base];
    const tcvn = TCVN3_VOWEL_CODES[base];
    for (let tone = 0 as Tone; tone <= 5; tone++) {
      const lower = unicode[tone];
      const upper = lower.toUpperCase();
      const code = tcvn[tone];
      if (code !== lower) tcvn3Decode.set(code, lower);
      tcvn3Encode.set(lower, code);
      // TCVN3 has no toned capitals: .VnTimeH used the lower-case code (see decodeTcvn3).
      if (!tcvn3Encode.has(upper)) tcvn3Encode.set(upper, code === lower ? upper : code);

      const vni =
        base === 'i'
          ? { lower: VNI_I[tone], upper: upperByte(VNI_I[tone]) }
          : base === 'y' && tone === 5
            ? { lower: '\u00EE', upper: '\u00CE' } // ỵ is the single byte î
            : {
                lower: VNI_BASE[base].prefix + VNI_BASE[base].marks[tone],
                upper: upperByte(VNI_BASE[base].prefix) + upperByte(VNI_BASE[base].marks[tone]),
              };
      vniEncode.set(lower, vni.lower);
      vniEncode.set(upper, vni.upper);
      if (vni.lower !== lower) vniDecode.set(vni.lower, lower);
      if (vni.upper !== upper) vniDecode.set(vni.upper, upper);
      // Mark case does not follow the base in pasted text ("PHOøNG"): accept either.
      if (vni.lower.length === 2) {
        vniDecode.set(vni.lower[0] + vni.upper[1], lower);
        vniDecode.set(vni.upper[0] + vni.lower[1], upper);
      }
    }
  }
  for (const [capital, code] of TCVN3_CAPITALS) {
    tcvn3Decode.set(code, capital);
    tcvn3Encode.set(capital, code);
  }
  tcvn3Encode.set('đ', '\u00AE');
  tcvn3Decode.set('\u00AE', 'đ');
  for (const [letter, code] of [
    ['đ', '\u00F1'],
    ['Đ', '\u00D1'],
  ]) {
    vniEncode.set(letter, code);
    vniDecode.set(code, letter);
  }
  return { tcvn3Decode, tcvn3Encode, vniDecode, vniEncode };
}

/** Built once per script load: decoding 100,000 cells must not rebuild them. */
const TABLES = buildTables();

/** Unicode → TCVN3, as the text would have been typed in .VnTime (capitals lose their tone). */
function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += TABLES.tcvn3Encode.get(ch) ?? ch;
  return out;
}

function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += TABLES.vniEncode.get(ch) ?? ch;
  return out;
}

/** Encodes Unicode text the way a legacy font would have stored it (used to test the decoders). */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === 'TCVN3' ? encodeTcvn3(text) : encodeVni(text);
}

const ASCII_UPPER = /[A-Z]/g;
const ASCII_LOWER = /[a-z]/;

/** "UBND X· VÜNH LINH": every ASCII letter a capital, and at least two of them. */
function writtenInCapitals(s: string): boolean {
  return !ASCII_LOWER.test(s) && (s.match(ASCII_UPPER)?.length ?? 0) >= 2;
}

/** Decodes one TCVN3 word; `capitals` restores the upper case that .VnTimeH text had. */
function decodeTcvn3Word(word: string, capitals: boolean): string {
  let out = '';
  for (const ch of word) out += TABLES.tcvn3Decode.get(ch) ?? ch;
  return capitals || writtenInCapitals(word) ? out.toUpperCase() : out;
}

function decodeTcvn3(text: string): string {
  const lineInCapitals = writtenInCapitals(text);
  return text.replace(/[^\s]+/g, (word) => decodeTcvn3Word(word, lineInCapitals));
}

function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = TABLES.vniDecode.get(text.slice(i, i + 2));
    if (pair !== undefined && i + 1 < text.length) {
      out += pair;
      i++;
      continue;
    }
    out += TABLES.vniDecode.get(text[i]) ?? text[i];
  }
  return out;
}

/** Converts legacy-encoded text (as it shows in Unicode) to Unicode, NFC. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  return (encoding === 'TCVN3' ? decodeTcvn3(text) : decodeVni(text)).normalize('NFC');
}

/** Characters of the Latin-1 Supplement, where both encodings put their letters and marks. */
const LATIN1_HIGH = /[\u00A1-\u00FF]/;
const NON_ASCII = /[\u0080-\uFFFF]/;

/**
 * Letters and marks that only Unicode can hold (ă đ ơ ư ĩ ũ, combining marks, ạ … ỹ). Both
 * legacy encodings are single bytes shown as Latin-1, so text with any of these is Unicode.
 * This is also what keeps detection cheap: nearly every Vietnamese sentence contains one.
 */
const UNICODE_ONLY = /[\u0100-\u024F\u1EA0-\u1EF9]|[\u0300-\u036F]/;

/**
 * Words as the detector sees them: letters, combining marks, and Latin-1 bytes (TCVN3 codes such
 * as "¸" or "µ" are symbols in Unicode, but letters in the legacy text).
 */
const WORD = /[\p{L}\p{M}\u00A1-\u00FF]+/gu;

/**
 * How many words to judge. The decision is about the whole text, and eight words settle it;
 * judging every word of a long paragraph would only cost time (100,000 rows must validate fast).
 */
const MAX_JUDGED_WORDS = 8;

/** The words worth judging: those with non-ASCII characters, at most MAX_JUDGED_WORDS. */
function wordsToJudge(text: string): string[] {
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null && words.length < MAX_JUDGED_WORDS; m = WORD.exec(text)) {
    if (NON_ASCII.test(m[0])) words.push(m[0]);
  }
  return words;
}

function countValid(words: readonly string[], decode: (word: string) => string): number {
  let valid = 0;
  for (const w of words) if (isVietnameseSyllable(decode(w))) valid++;
  return valid;
}

/**
 * Decides whether a decoding turns the text into Vietnamese. Real Unicode Vietnamese is already
 * made of valid syllables, so decoding cannot improve it; legacy text is mostly invalid and becomes
 * valid. Both conditions are required, relative to the words that contain non-ASCII characters.
 */
function convincing(decodedValid: number, originalValid: number, wordCount: number): boolean {
  return (
    decodedValid - originalValid >= Math.max(1, Math.ceil(wordCount / 3)) && decodedValid >= 0.6 * wordCount
  );
}

/**
 * Returns the likely legacy encoding and a Unicode suggestion, or null for ordinary text
 * (Unicode Vietnamese, English, numbers). Pure and linear in the length of the text. Text
 * mixing Unicode Vietnamese with a legacy fragment is not flagged: converting it would damage
 * the Unicode part.
 */
export function detectLegacyEncoding(text: string): LegacyEncodingGuess | null {
  // Fast paths: nothing either encoding could have produced, or something neither could have.
  if (!LATIN1_HIGH.test(text) || UNICODE_ONLY.test(text)) return null;
  // No combining marks past this point, so the text is already NFC.
  const words = wordsToJudge(text);
  if (words.length === 0) return null;
  const originalValid = countValid(words, (w) => w);
  if (originalValid === words.length) return null;

  const lineInCapitals = writtenInCapitals(text);
  const tcvnValid = countValid(words, (w) => decodeTcvn3Word(w, lineInCapitals));
  const vniValid = countValid(words, decodeVni);
  const tcvnOk = convincing(tcvnValid, originalValid, words.length);
  const vniOk = convincing(vniValid, originalValid, words.length);
  if (!tcvnOk && !vniOk) return null;
  const encoding: LegacyEncoding = tcvnOk && (!vniOk || tcvnValid >= vniValid) ? 'TCVN3' : 'VNI';
  return { encoding, suggestion: decodeLegacy(text, encoding) };
}
