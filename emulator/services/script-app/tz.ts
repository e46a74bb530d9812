/**
 * Wall-clock arithmetic in an IANA time zone, for clock triggers ("every day at 7 in the script's
 * time zone" must stay at 7:00 local across offset changes), on the shared core/time-zone.ts.
 */
import { isTimeZone, tzOffsetMs, wallParts } from '../../core/time-zone';
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday … 6 = Saturday (as Base.Weekday's ordinal). */
  readonly weekday: number;
}

export { isTimeZone };

export function wallTime(instantMs: number, timeZone: string): WallTime {
  const { year, month, day, hour, minute, second } = wallParts(instantMs, timeZone);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, second, weekday };
}

/** The instant whose wall clock in `timeZone` reads the given date and time (two passes for DST). */
export function fromWallTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  return guess;
}

/** The zone's offset at an instant (argument order of this module). */
function offsetMs(instantMs: number, timeZone: string): number {
  return tzOffsetMs(timeZone, instantMs);
}

/** Calendar arithmetic on a local date (no time zone involved): 31 Jan + 1 day = 1 Feb. */
export function addDays(year: number, month: number, day: number, days: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** ISO-8601 week number (1–53) of a calendar date. */
export function isoWeek(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day));
  const isoDay = d.getUTCDay() || 7; // Monday = 1 … Sunday = 7
  d.setUTCDate(d.getUTCDate() + 4 - isoDay); // the Thursday of the same ISO week
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7);
}
