/**
 * "User entered" input: Range.setValue/setValues treat a string as if a person typed it into the
 * cell (Range.setValues reference; the Sheets API calls it USER_ENTERED). So:
 *   - "=…" is a formula; so is a leading "+" or "-" before something that is not a number
 *     ("- Rà soát" becomes the formula "=- Rà soát", which Sheets cannot parse: #ERROR!);
 *   - a leading apostrophe keeps the rest as text (the apostrophe is not part of the value);
 *   - numbers are read per the spreadsheet locale ("0012" → 12; vi "50.000.000" → 50000000,
 *     "1,5" → 1.5; en "1,234.5" → 1234.5), with "%" (→ 0.5 and a percent format) and exponents;
 *   - "TRUE"/"FALSE" (any case) are booleans;
 *   - dates and times per locale (vi: d/M/yyyy, d/M/yy, d/M; en_US: M/d/yyyy…; everywhere
 *     yyyy-M-d), with optional H:mm[:ss]; a date without year is in the current year;
 *   - a cell formatted as plain text ("@") keeps the string exactly as given.
 * Non-string values are stored as they are (a Date becomes a serial in the spreadsheet's zone).
 * When the typed text implies a format (percent, date, grouped digits) and the cell's format is
 * still automatic, the cell gets that format, as Sheets does.
 *
 * Guesses (stricter side): currency symbols are not recognised (stay text); in vi "1.5" (a dot
 * that is not a thousands group) stays text; two-digit years 00–29 are 20xx, 30–99 are 19xx.
 */
import { dateToSerial, isValidYmd, serialFromParts, wallClockMs } from '../dates';
import { LocaleInfo } from '../locale';
import { CellValue } from '../model';
import { isTextFormat } from './format';
import { evaluateFormula } from './formula';

export interface EnteredCell {
  /** Undefined: the cell becomes empty. */
  value?: CellValue;
  formula?: string;
  /** A number format the input implies, to apply when the cell's format is automatic. */
  impliedFormat?: string;
}

export interface EntryContext {
  readonly locale: LocaleInfo;
  readonly timeZone: string;
  /** Now, for dates typed without a year. */
  readonly nowMs: number;
  /** The cell's current number format. */
  readonly numberFormat: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A number as typed in the locale (no sign handling beyond a leading +/-), or null. */
export function parseLocaleNumber(
  text: string,
  locale: LocaleInfo,
): { value: number; format?: string } | null {
  const g = escapeRe(locale.group);
  const d = escapeRe(locale.decimal);
  const re = new RegExp(
    `^([+-])?(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(\\s?%)?$`,
  );
  const m = re.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const grouped = m[2] !== undefined && m[2].includes(locale.group);
  const intDigits = (m[2] ?? '0').split(locale.group).join('');
  let value = Number(`${intDigits}.${m[3] ?? '0'}${m[4] !== undefined ? `e${m[4]}` : ''}`);
  if (m[1] === '-') value = -value;
  let format: string | undefined;
  if (m[5]) {
    value = value / 100;
    format = m[3] !== undefined ? '0.00%' : '0%';
  } else if (m[4] !== undefined) format = '0.00E+00';
  else if (grouped) format = m[3] !== undefined ? '#,##0.00' : '#,##0';
  if (!Number.isFinite(value)) return null;
  return { value, format };
}

function year4(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|sa|ch)?$/i.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3] ?? 0);
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return null;
    if (ampm === 'pm' || ampm === 'ch') h = (h % 12) + 12;
    else h = h % 12;
  }
  if (h > 23 || min > 59 || s > 59) return null;
  return (h * 3600 + min * 60 + s) / 86400;
}

/** A typed date/time as a serial and the format Sheets gives it, or null. */
export function parseLocaleDate(
  text: string,
  locale: LocaleInfo,
  nowMs: number,
  timeZone: string,
): { value: number; format: string } | null {
  const time = parseTime(text);
  if (time !== null) return { value: time, format: locale.timeFormat };
  const m = /^(\d{1,4})([/-])(\d{1,2})(?:\2(\d{1,4}))?(?:\s+(.+))?$/.exec(text);
  if (!m) return null;
  let y: number;
  let mo: number;
  let d: number;
  if (m[1].length === 4) {
    // yyyy-M-d (or yyyy/M/d) in every locale
    if (m[4] === undefined) return null;
    y = Number(m[1]);
    mo = Number(m[3]);
    d = Number(m[4]);
  } else {
    if (m[4] !== undefined && m[4].length === 3) return null;
    const a = Number(m[1]);
    const b = Number(m[3]);
    [d, mo] = locale.dateOrder === 'DMY' ? [a, b] : [b, a];
    y = m[4] !== undefined ? year4(m[4]) : new Date(wallClockMs(nowMs, timeZone)).getUTCFullYear();
  }
  if (!isValidYmd(y, mo, d)) return null;
  let serial = serialFromParts(y, mo, d);
  let format = locale.dateFormat;
  if (m[5] !== undefined) {
    const t = parseTime(m[5]);
    if (t === null) return null;
    serial += t;
    format = locale.dateTimeFormat;
  }
  return { value: serial, format };
}

/** What typing `input` into a cell stores. */
export function enterValue(input: unknown, ctx: EntryContext): EnteredCell {
  if (input === null || input === undefined) return {};
  if (typeof input === 'number') {
    // Sheets cannot hold NaN or ±Infinity; it shows #NUM! (guess for a script's write).
    return Number.isFinite(input) ? { value: input } : { value: '#NUM!' };
  }
  if (typeof input === 'boolean') return { value: input };
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { value: String(input) };
    return { value: dateToSerial(input, ctx.timeZone), impliedFormat: ctx.locale.dateTimeFormat };
  }
  if (typeof input !== 'string') return enterValue(String(input), ctx);
  return enterString(input, ctx);
}

function enterString(s: string, ctx: EntryContext): EnteredCell {
  if (s === '') return {};
  if (isTextFormat(ctx.numberFormat)) return { value: s };
  if (s.startsWith("'")) {
    const rest = s.slice(1);
    return rest === '' ? {} : { value: rest };
  }
  if (s.startsWith('=') && s.length > 1) return formulaCell(s);
  const trimmed = s.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const num = parseLocaleNumber(trimmed, ctx.locale);
  if (num) return { value: num.value, impliedFormat: num.format };
  const date = parseLocaleDate(trimmed, ctx.locale, ctx.nowMs, ctx.timeZone);
  if (date) return { value: date.value, impliedFormat: date.format };
  if ((s.startsWith('+') || s.startsWith('-')) && s.length > 1) return formulaCell(`=${s}`);
  return { value: s };
}

function formulaCell(formula: string): EnteredCell {
  return { formula, value: evaluateFormula(formula) };
}

/** Whether a cell's format should be replaced by the one typed input implies. */
export function shouldApplyImpliedFormat(current: string): boolean {
  const f = current.trim();
  return f === '' || /^general$/i.test(f);
}
