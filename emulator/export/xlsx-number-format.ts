/**
 * Sheets number formats → Excel number formats.
 *
 * The two languages are close (both write '#,##0.00', '0%', '@', quoted "text" and \x escapes in
 * the invariant en-US syntax, whatever the locale), but not equal:
 *   - Sheets accepts date codes in any case ('dd/MM/yyyy', 'HH:mm'); Excel reads them too, yet
 *     LibreOffice and older Excel builds are safer with the canonical lower case, which is
 *     what Excel itself writes: 'dd/MM/yyyy' → 'dd/mm/yyyy'. AM/PM and A/P are upper-cased.
 *   - Excel rejects a format holding a bare letter it does not know (Sheets shows it as is), and a
 *     rejected format in styles.xml is one of the things that trigger the repair prompt. So every
 *     literal character that Excel does not display unquoted is escaped with a backslash:
 *     '#,##0 ₫' → '#,##0 \₫', 'dd.MM.yyyy' → 'dd\.mm\.yyyy'.
 *   - Bracketed parts are kept only when Excel knows them: elapsed time [h] [mm] [ss], currency
 *     and locale [$…], colours [Red] [Color12], conditions [>=100]; others are dropped.
 * 'General' (any case, or empty) means "no format" and gives undefined.
 */
import { isDateFormat } from '../services/spreadsheet';

/** Characters Excel shows without quotes (its own list, plus the space). */
const PLAIN_LITERALS = new Set([..."$-+/():!^&'~{}<>= "]);

const KNOWN_BRACKET = [
  /^\[(h+|m+|s+)\]$/i,
  /^\[\$[^\]]*\]$/,
  /^\[(black|blue|cyan|green|magenta|red|white|yellow|color\s?\d{1,2})\]$/i,
  /^\[(<|>|=|<=|>=|<>)-?\d+(\.\d+)?\]$/,
];

/** Reads one token at `i`: [text to emit, characters consumed]. */
type Reader = (format: string, i: number) => [string, number] | null;

const quoted: Reader = (f, i) => {
  if (f[i] !== '"') return null;
  const end = f.indexOf('"', i + 1);
  // An unterminated quote would make the whole format invalid: close it.
  return end < 0 ? [`${f.slice(i)}"`, f.length - i] : [f.slice(i, end + 1), end + 1 - i];
};

const escaped: Reader = (f, i) => {
  if ((f[i] !== '\\' && f[i] !== '_' && f[i] !== '*') || i + 1 >= f.length) return null;
  const cp = String.fromCodePoint(f.codePointAt(i + 1) as number);
  return [f[i] + cp, 1 + cp.length];
};

const bracket: Reader = (f, i) => {
  if (f[i] !== '[') return null;
  const end = f.indexOf(']', i);
  if (end < 0) return ['', f.length - i];
  const part = f.slice(i, end + 1);
  if (!KNOWN_BRACKET.some((re) => re.test(part))) return ['', part.length];
  return [/^\[[hms]+\]$/i.test(part) ? part.toLowerCase() : part, part.length];
};

const general: Reader = (f, i) => (/^general/i.test(f.slice(i)) ? ['General', 7] : null);

const ampm: Reader = (f, i) => {
  const m = /^(am\/pm|a\/p)/i.exec(f.slice(i));
  return m ? [m[0].toUpperCase(), m[0].length] : null;
};

const dateCode: Reader = (f, i) => (/[dmyhs]/i.test(f[i]) ? [f[i].toLowerCase(), 1] : null);

const numberCode: Reader = (f, i) => {
  const exp = /^[Ee][+-]/.exec(f.slice(i));
  if (exp) return [exp[0].toUpperCase(), 2];
  return /[0#?.,%@;]/.test(f[i]) ? [f[i], 1] : null;
};

/** In a date format, '.' and '0' only belong to fractions of a second ('ss.000'). */
const dateFraction: Reader = (f, i) => {
  const m = /^\.0+/.exec(f.slice(i));
  if (m) return [m[0], m[0].length];
  return f[i] === ';' || f[i] === '@' ? [f[i], 1] : null;
};

function literal(f: string, i: number): [string, number] {
  const cp = String.fromCodePoint(f.codePointAt(i) as number);
  return [PLAIN_LITERALS.has(cp) ? cp : `\\${cp}`, cp.length];
}

/** The Excel number format for a Sheets one; undefined for "General". */
export function excelNumberFormat(sheetsFormat: string): string | undefined {
  const format = sheetsFormat.trim();
  if (format === '' || /^general$/i.test(format)) return undefined;
  const readers: Reader[] = isDateFormat(format)
    ? [quoted, escaped, bracket, general, ampm, dateCode, dateFraction]
    : [quoted, escaped, bracket, general, numberCode];
  let out = '';
  for (let i = 0; i < format.length;) {
    let step: [string, number] | null = null;
    for (const read of readers) {
      step = read(format, i);
      if (step) break;
    }
    const [text, used] = step ?? literal(format, i);
    out += text;
    i += used;
  }
  return out;
}
