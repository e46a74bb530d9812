/**
 * Text for the PDF's standard fonts, which use WinAnsiEncoding (Windows-1252): Latin-1 plus a few
 * typographic marks. Vietnamese letters outside it are transliterated: a letter keeps the marks
 * WinAnsi can show ("ế" → "ê", "ạ" → "a", "ơ" → "o", "Đ" → "Ð", "đ" → "d"), anything else becomes
 * "?". The PDF is a readable test artefact, not a typeset copy: the document model keeps the exact
 * text, and the PDF's /Title keeps the exact name (UTF-16).
 */

/** Windows-1252 bytes 0x80–0x9F and the Unicode characters they stand for. */
const HIGH: Readonly<Record<number, number>> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** The WinAnsi byte for a character, or undefined when it has none. */
export function winAnsiByte(ch: string): number | undefined {
  const cp = ch.codePointAt(0)!;
  if (ch.length !== 1) return undefined;
  if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) return cp;
  return HIGH[cp];
}

const SPECIAL: Readonly<Record<string, string>> = { Đ: 'Ð', đ: 'd', '\t': ' ' };

/** One character made printable in WinAnsi (see the comment at the top). */
export function transliterateChar(ch: string): string {
  if (winAnsiByte(ch) !== undefined) return ch;
  if (SPECIAL[ch]) return SPECIAL[ch];
  const [base, ...marks] = Array.from(ch.normalize('NFD'));
  if (base === undefined || winAnsiByte(base) === undefined) return '?';
  let current = base;
  for (const mark of marks) {
    const candidate = (current + mark).normalize('NFC');
    if (winAnsiByte(candidate) !== undefined) current = candidate;
  }
  return current;
}

/** The text with every character printable in WinAnsi ("\r" line breaks are kept for layout). */
export function transliterate(text: string): string {
  return Array.from(text.normalize('NFC'), (ch) => (ch === '\r' ? ch : transliterateChar(ch))).join('');
}

/** A PDF literal string of WinAnsi text: "(…)" with \, ( and ) escaped and bytes above 126 in octal. */
export function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const byte = winAnsiByte(ch) ?? 0x3f;
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) out += `\\${ch}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}
