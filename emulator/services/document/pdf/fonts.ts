/**
 * The PDF standard fonts the writer uses (Helvetica, Times, Courier — every PDF reader has them,
 * so nothing is embedded) and their glyph widths for line breaking. Widths are the Adobe AFM
 * widths of the regular faces for ASCII; bold and italic faces are measured with the regular
 * widths and accented letters with their base letter's width — close enough to wrap lines
 * plausibly, which is all the emulator's PDF promises.
 */
import { winAnsiByte } from './winansi';

// prettier-ignore
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

// prettier-ignore
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

export type Family = 'Helvetica' | 'Times' | 'Courier';

/** The standard family closest to a Docs font name. */
export function familyOf(fontFamily: string): Family {
  const name = fontFamily.toLowerCase();
  if (/courier|mono|consolas/.test(name)) return 'Courier';
  if (/times|serif|georgia|garamond|cambria|merriweather/.test(name) && !/sans/.test(name)) return 'Times';
  return 'Helvetica';
}

const FACES: Record<Family, [string, string, string, string]> = {
  Helvetica: ['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'],
  Times: ['Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic'],
  Courier: ['Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique'],
};

/** The PostScript name of the face, e.g. "Times-BoldItalic". */
export function baseFont(family: Family, bold: boolean, italic: boolean): string {
  return FACES[family][(bold ? 1 : 0) + (italic ? 2 : 0)];
}

function charWidth(family: Family, ch: string): number {
  if (family === 'Courier') return 600;
  const table = family === 'Times' ? TIMES : HELVETICA;
  const code = ch.charCodeAt(0);
  if (code >= 32 && code <= 126) return table[code - 32];
  const base = ch.normalize('NFD')[0];
  const b = base.charCodeAt(0);
  if (base !== ch && b >= 32 && b <= 126) return table[b - 32];
  return winAnsiByte(ch) === undefined ? 0 : family === 'Times' ? 500 : 556;
}

/** Width of WinAnsi text in points at `size`. */
export function textWidth(family: Family, text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += charWidth(family, ch);
  return (units * size) / 1000;
}
