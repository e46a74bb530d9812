/**
 * Calendar dates (year, month, day) without time or time zone, as the plan's deadlines are.
 *
 * Cells can hold real Date objects (a date cell read with getValues) or Sheets date serials (a
 * number, e.g. from the Sheets API). Both are turned into the calendar date a user in Vietnam sees:
 * Vietnam is UTC+7 all year (no daylight saving since 1975), so "the date in
 * Asia/Ho_Chi_Minh" is the UTC date of the instant + 7 hours, with no time-zone database needed.
 */

export interface CalendarDate {
  readonly y: number;
  /** 1 … 12 */
  readonly m: number;
  /** 1 … 31 */
  readonly d: number;
}

const MS_PER_DAY = 86_400_000;
const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;

/** Day 0 of Google Sheets (and Lotus/Excel-1900 without its leap-year bug): 30 Dec 1899. */
const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Serials of 01/01/1900 … 31/12/2199: a wider number is not a date someone typed. */
const SERIAL_MIN = 2;
const SERIAL_MAX = 109_574;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The date if it exists (31/02 and month 13 do not), else null. */
export function makeDate(y: number, m: number, d: number): CalendarDate | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function endOfMonth(y: number, m: number): CalendarDate {
  return { y, m, d: daysInMonth(y, m) };
}

/** Last day of quarter 1 … 4. */
export function endOfQuarter(y: number, quarter: number): CalendarDate {
  return endOfMonth(y, quarter * 3);
}

export function endOfYear(y: number): CalendarDate {
  return { y, m: 12, d: 31 };
}

/** Negative if a is earlier, 0 if the same day, positive if later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function fromUtcMs(ms: number): CalendarDate {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The calendar date of an instant as seen in Vietnam (UTC+7); null for an invalid Date. */
export function calendarDateInVietnam(instant: Date): CalendarDate | null {
  const ms = instant.getTime();
  return Number.isNaN(ms) ? null : fromUtcMs(ms + VIETNAM_UTC_OFFSET_MS);
}

/**
 * The date of a Sheets date serial (days since 30/12/1899; a fraction is the time of day and is
 * dropped). Null outside 1900 … 2199, where a number is much more likely to be something else.
 */
export function calendarDateFromSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  return fromUtcMs(SHEETS_EPOCH_MS + Math.floor(serial) * MS_PER_DAY);
}

/** The Sheets serial of a calendar date (for tests and for writing dates back). */
export function serialFromCalendarDate(date: CalendarDate): number {
  return Math.round((Date.UTC(date.y, date.m - 1, date.d) - SHEETS_EPOCH_MS) / MS_PER_DAY);
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "15/12/2025", "05/02/2025": the dd/mm/yyyy form used in Vietnamese documents. */
export function formatDate(date: CalendarDate): string {
  return `${twoDigits(date.d)}/${twoDigits(date.m)}/${date.y}`;
}
