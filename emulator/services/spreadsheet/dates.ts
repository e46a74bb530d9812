/**
 * Sheets stores dates as serial numbers: days since 1899-12-30 on the wall clock of the
 * spreadsheet's time zone (noon of 2 January 2025 is 45659.5 whatever the zone). A script sees
 * `Date` instants, so conversions go through the spreadsheet's time zone (Range.getValues
 * reference: dates come back as Date objects in the spreadsheet's time zone).
 */
import { tzOffsetMs } from '../../core/time-zone';

export { tzOffsetMs };

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** Wall-clock milliseconds (as if UTC) of an instant in a zone. */
export function wallClockMs(instantMs: number, timeZone: string): number {
  return instantMs + tzOffsetMs(timeZone, instantMs);
}

export function dateToSerial(date: Date, timeZone: string): number {
  return (wallClockMs(date.getTime(), timeZone) - EPOCH_MS) / DAY_MS;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round(serial * DAY_MS) + EPOCH_MS;
  // Two passes find the instant whose wall clock is `wall` (correct across DST changes).
  let instant = wall - tzOffsetMs(timeZone, wall);
  instant = wall - tzOffsetMs(timeZone, instant);
  return new Date(instant);
}

export function serialFromParts(y: number, m: number, d: number, h = 0, min = 0, s = 0): number {
  return (Date.UTC(y, m - 1, d, h, min, s) - EPOCH_MS) / DAY_MS;
}

export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** The calendar fields of a serial (no time zone involved: serials are wall-clock values). */
export function serialParts(serial: number): WallParts {
  const d = new Date(Math.round(serial * DAY_MS) + EPOCH_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
