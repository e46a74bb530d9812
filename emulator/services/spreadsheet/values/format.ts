/**
 * Display values: what Range.getDisplayValues and the CSV export show for a stored value, given
 * the cell's number format and the spreadsheet locale (decimal and group separators differ: vi
 * writes 1.234.567,5 where en_US writes 1,234,567.5). Covered: "General" (automatic), plain text
 * "@", numeric patterns (0 # , . % E+, quoted literals, [$…] currency) and date/time patterns
 * (d dd ddd dddd M MM MMM MMMM yy yyyy H HH h hh m mm s ss am/pm). Anything fancier (conditional
 * sections, colours, fractions) degrades to the closest of these.
 */
import { serialParts } from '../dates';
import { LocaleInfo } from '../locale';
import { CellValue } from '../model';
import { DAY_NAMES, MONTH_NAMES } from '../../../core/calendar-names';

/** The format with quoted text, escapes and [bracketed] parts removed (for classifying). */
function skeleton(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

export function isTextFormat(format: string): boolean {
  return format.trim() === '@';
}

/** Whether a number format shows a date, a time or both (then getValues returns a Date). */
export function isDateFormat(format: string): boolean {
  if (!format || /^general$/i.test(format.trim())) return false;
  const s = skeleton(format);
  return /[dyhsmDYHSM]/.test(s.replace(/E[+-]/g, ''));
}

/** Group the digits of an integer string with the locale's separator. */
function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * Sheets' automatic format: up to 10 significant digits, no grouping, scientific notation for
 * very large or very small magnitudes (=1/3 shows 0,3333333333 in vi).
 */
export function formatGeneral(n: number, locale: LocaleInfo): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  let text: string;
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(9).split('e');
    const m = mant.replace(/\.?0+$/, '');
    const e = Number(exp);
    text = `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  } else if (Number.isInteger(n)) {
    text = String(n);
  } else {
    text = String(Number(n.toPrecision(10)));
    if (/e/i.test(text)) text = Number(n.toPrecision(10)).toFixed(12).replace(/0+$/, '');
  }
  return text.replace('.', locale.decimal);
}

interface Section {
  prefix: string;
  suffix: string;
  intPattern: string;
  fracPattern: string;
  grouping: boolean;
  percent: boolean;
  exponent: string | null;
}

/** Turn literal parts of a pattern into their text ("" quotes, \x escapes, [$₫-42A] currency). */
function literalText(part: string): string {
  return part
    .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');
}

function parseSection(pattern: string): Section {
  // The numeric core runs from the first to the last digit placeholder, outside quotes.
  const masked = pattern.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, (m) => '\u0000'.repeat(m.length));
  const first = masked.search(/[0#?]/);
  if (first < 0) {
    return {
      prefix: literalText(pattern),
      suffix: '',
      intPattern: '',
      fracPattern: '',
      grouping: false,
      percent: false,
      exponent: null,
    };
  }
  let last = first;
  for (let i = first; i < masked.length; i++) {
    if (/[0#?,.]/.test(masked[i])) last = /[0#?]/.test(masked[i]) ? i : last;
    else if (/[Ee]/.test(masked[i]) && /[+-]/.test(masked[i + 1] ?? '')) {
      i += 1;
      while (/[0#]/.test(masked[i + 1] ?? '')) i++;
      last = i;
    } else break;
  }
  const core = pattern.slice(first, last + 1);
  const expMatch = /[Ee][+-][0#]+$/.exec(core);
  const mantissa = expMatch ? core.slice(0, expMatch.index) : core;
  const dot = mantissa.indexOf('.');
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fracPart = dot < 0 ? '' : mantissa.slice(dot + 1);
  return {
    prefix: literalText(pattern.slice(0, first)),
    suffix: literalText(pattern.slice(last + 1)),
    intPattern: intPart.replace(/,/g, ''),
    fracPattern: fracPart.replace(/,/g, ''),
    grouping: intPart.includes(','),
    percent: masked.includes('%'),
    exponent: expMatch ? expMatch[0] : null,
  };
}

function formatWithSection(n: number, s: Section, locale: LocaleInfo): string {
  let v = s.percent ? n * 100 : n;
  const maxFrac = s.fracPattern.length;
  const minFrac = (s.fracPattern.match(/0/g) ?? []).length;
  const minInt = (s.intPattern.match(/0/g) ?? []).length;
  let expText = '';
  if (s.exponent && v !== 0) {
    const e = Math.floor(Math.log10(Math.abs(v)));
    v = v / 10 ** e;
    const digits = s.exponent.length - 2;
    expText = `E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(digits, '0')}`;
  } else if (s.exponent) {
    expText = `E+${'0'.repeat(s.exponent.length - 2)}`;
  }
  const fixed = Math.abs(v).toFixed(maxFrac);
  let [intDigits, frac = ''] = fixed.split('.');
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (s.grouping) intDigits = group(intDigits, locale.group);
  const body = intDigits + (frac ? locale.decimal + frac : '') + expText;
  return s.prefix + body + s.suffix;
}

export function formatNumberPattern(n: number, format: string, locale: LocaleInfo): string {
  // Sections: positive;negative;zero (;text is ignored).
  const sections = splitSections(format);
  if (sections.length >= 3 && n === 0) return formatWithSection(0, parseSection(sections[2]), locale);
  if (sections.length >= 2 && n < 0) return formatWithSection(-n, parseSection(sections[1]), locale);
  const text = formatWithSection(Math.abs(n), parseSection(sections[0]), locale);
  const roundsToZero = !/[1-9]/.test(text);
  return n < 0 && !roundsToZero ? `-${text}` : text;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const DAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

function monthName(m: number, full: boolean, locale: LocaleInfo): string {
  if (locale.code.startsWith('vi')) return full ? `tháng ${m}` : `thg ${m}`;
  return full ? MONTH_NAMES[m - 1] : MONTH_NAMES[m - 1].slice(0, 3);
}

function dayName(wd: number, full: boolean, locale: LocaleInfo): string {
  if (locale.code.startsWith('vi')) return full ? DAYS_VI[wd] : DAYS_VI[wd].replace('Thứ ', 'Th ');
  return full ? DAY_NAMES[wd] : DAY_NAMES[wd].slice(0, 3);
}

type DateToken = { kind: 'lit'; text: string } | { kind: 'field'; text: string };

function tokenizeDate(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ kind: 'lit', text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\' && i + 1 < format.length) {
      tokens.push({ kind: 'lit', text: format[i + 1] });
      i += 2;
    } else if (ch === '[') {
      const end = format.indexOf(']', i);
      i = end < 0 ? format.length : end + 1;
    } else if (/^(am\/pm|a\/p)/i.test(format.slice(i))) {
      const m = /^(am\/pm|a\/p)/i.exec(format.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'field', text: m[0].toLowerCase() });
      i += m[0].length;
    } else if (/[dDmMyYhHsS]/.test(ch)) {
      let j = i;
      while (j < format.length && format[j].toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'field', text: format.slice(i, j) });
      i = j;
    } else if (ch === '.' && /^\.0+/.test(format.slice(i))) {
      const m = /^\.0+/.exec(format.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'field', text: m[0] });
      i += m[0].length;
    } else {
      tokens.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return tokens;
}

export function formatDatePattern(serial: number, format: string, locale: LocaleInfo): string {
  const p = serialParts(serial);
  const tokens = tokenizeDate(format);
  const twelveHour = tokens.some((t) => t.kind === 'field' && (t.text === 'am/pm' || t.text === 'a/p'));
  const fields = tokens.map((t) => (t.kind === 'field' ? t.text : ''));
  const out: string[] = [];
  tokens.forEach((t, idx) => {
    if (t.kind === 'lit') {
      out.push(t.text);
      return;
    }
    const f = t.text;
    const lower = f.toLowerCase();
    const pad = (n: number, w: number): string => String(n).padStart(w, '0');
    if (lower[0] === 'y') out.push(lower.length <= 2 ? pad(p.year % 100, 2) : String(p.year));
    else if (lower[0] === 'd') {
      if (lower.length === 1) out.push(String(p.day));
      else if (lower.length === 2) out.push(pad(p.day, 2));
      else out.push(dayName(p.weekday, lower.length >= 4, locale));
    } else if (lower[0] === 'h') {
      const h = twelveHour ? ((p.hour + 11) % 12) + 1 : p.hour;
      out.push(lower.length >= 2 ? pad(h, 2) : String(h));
    } else if (lower[0] === 's') out.push(lower.length >= 2 ? pad(p.second, 2) : String(p.second));
    else if (lower[0] === 'm') {
      // "m" is minutes right after an hour or right before a second, otherwise the month.
      const prev = fields
        .slice(0, idx)
        .reverse()
        .find((x) => x !== '');
      const next = fields.slice(idx + 1).find((x) => x !== '');
      const minutes =
        (prev !== undefined && prev.toLowerCase()[0] === 'h') ||
        (next !== undefined && next.toLowerCase()[0] === 's');
      if (minutes && lower.length <= 2) out.push(lower.length === 2 ? pad(p.minute, 2) : String(p.minute));
      else if (lower.length === 1) out.push(String(p.month));
      else if (lower.length === 2) out.push(pad(p.month, 2));
      else out.push(monthName(p.month, lower.length >= 4, locale));
    } else if (lower === 'am/pm') out.push(p.hour < 12 ? 'AM' : 'PM');
    else if (lower === 'a/p') out.push(p.hour < 12 ? 'A' : 'P');
    else if (lower.startsWith('.')) out.push(locale.decimal + '0'.repeat(lower.length - 1));
  });
  return out.join('');
}

/** The display text of a stored value under a number format, in the spreadsheet locale. */
export function formatDisplay(
  value: CellValue | undefined,
  numberFormat: string,
  locale: LocaleInfo,
): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const fmt = numberFormat.trim();
  if (fmt === '' || /^general$/i.test(fmt) || isTextFormat(fmt)) return formatGeneral(value, locale);
  if (isDateFormat(fmt)) return formatDatePattern(value, fmt, locale);
  return formatNumberPattern(value, fmt, locale);
}
