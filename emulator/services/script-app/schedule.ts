import { addDays, DAY_MS, fromWallTime, HOUR_MS, MINUTE_MS, wallTime } from './tz';

/**
 * When a clock trigger fires. Apps Script promises only approximate times (atHour: "within the
 * hour", nearMinute: "plus or minus 15 minutes", an unset minute or hour is random); the emulator
 * picks one deterministic instant inside each window so runs repeat:
 *   - everyMinutes(n) / everyHours(n): first at creation + n, then every n (nearMinute moves the
 *     hourly series to that minute of the hour);
 *   - everyDays / everyWeeks / onWeekDay / onMonthDay: at atHour:nearMinute local time in the
 *     trigger's zone (inTimezone, else the script's), defaulting to the hour and minute of creation
 *     when not given, and to minute 0 when only atHour is given;
 *   - after / at / atDate: once.
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder
 */
export type ClockSpec =
  | { readonly kind: 'once'; readonly fireAtMs: number }
  | { readonly kind: 'minutes'; readonly every: number }
  | { readonly kind: 'hours'; readonly every: number; readonly nearMinute?: number }
  | { readonly kind: 'days'; readonly every: number; readonly atHour?: number; readonly nearMinute?: number }
  | {
      readonly kind: 'weeks';
      readonly every: number;
      readonly weekday?: number;
      readonly atHour?: number;
      readonly nearMinute?: number;
    }
  | {
      readonly kind: 'monthDay';
      readonly day: number;
      readonly atHour?: number;
      readonly nearMinute?: number;
    };

export interface Schedule {
  readonly spec: ClockSpec;
  readonly timeZone: string;
  readonly createdMs: number;
}

/** The first firing of a new trigger (a one-off in the past fires at the next chance). */
export function firstFire(s: Schedule): number {
  return s.spec.kind === 'once' ? s.spec.fireAtMs : nextFireAfter(s, s.createdMs)!;
}

/** The first occurrence strictly after `afterMs`; null when a one-off has had its turn. */
export function nextFireAfter(s: Schedule, afterMs: number): number | null {
  const { spec } = s;
  switch (spec.kind) {
    case 'once':
      return null;
    case 'minutes':
      return series(s.createdMs + spec.every * MINUTE_MS, spec.every * MINUTE_MS, afterMs);
    case 'hours':
      return series(hourlyStart(s, spec.every, spec.nearMinute), spec.every * HOUR_MS, afterMs);
    case 'days':
      return nextByDays(
        s,
        localDateAfterCreation(s, () => true),
        spec.every,
        afterMs,
      );
    case 'weeks': {
      const weekday = spec.weekday ?? wallTime(s.createdMs, s.timeZone).weekday;
      return nextByDays(
        s,
        localDateAfterCreation(s, (wd) => wd === weekday),
        7 * spec.every,
        afterMs,
      );
    }
    case 'monthDay':
      return nextMonthDay(s, spec.day, afterMs);
  }
}

/** t0, t0 + step, …: the first one after `afterMs`. */
function series(t0: number, step: number, afterMs: number): number {
  if (afterMs < t0) return t0;
  return t0 + (Math.floor((afterMs - t0) / step) + 1) * step;
}

function hourlyStart(s: Schedule, every: number, nearMinute: number | undefined): number {
  let t0 = s.createdMs + every * HOUR_MS;
  if (nearMinute === undefined) return t0;
  t0 += (nearMinute - wallTime(t0, s.timeZone).minute) * MINUTE_MS;
  t0 -= ((t0 % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  return t0 <= s.createdMs ? t0 + every * HOUR_MS : t0;
}

/** Local hour and minute of the daily/weekly/monthly firings. */
function timeOfDay(s: Schedule): [number, number] {
  const spec = s.spec as { atHour?: number; nearMinute?: number };
  const created = wallTime(s.createdMs, s.timeZone);
  const hour = spec.atHour ?? created.hour;
  const minute = spec.nearMinute ?? (spec.atHour !== undefined ? 0 : created.minute);
  return [hour, minute];
}

function instantOn(s: Schedule, [y, m, d]: [number, number, number]): number {
  const [hour, minute] = timeOfDay(s);
  return fromWallTime(s.timeZone, y, m, d, hour, minute);
}

/** The first local date, from the creation date on, whose weekday fits and whose firing is later. */
function localDateAfterCreation(s: Schedule, fits: (weekday: number) => boolean): [number, number, number] {
  const c = wallTime(s.createdMs, s.timeZone);
  for (let i = 0; i < 8; i++) {
    const date = addDays(c.year, c.month, c.day, i);
    const weekday = new Date(Date.UTC(date[0], date[1] - 1, date[2])).getUTCDay();
    if (fits(weekday) && instantOn(s, date) > s.createdMs) return date;
  }
  throw new Error('unreachable: no matching local date within 8 days');
}

function nextByDays(s: Schedule, first: [number, number, number], stepDays: number, afterMs: number): number {
  const t0 = instantOn(s, first);
  // Jump near the answer, then walk (wall-clock days are not all 24 h long across DST changes).
  let k = Math.max(0, Math.floor((afterMs - t0) / (stepDays * DAY_MS)) - 1);
  for (;;) {
    const t = instantOn(s, addDays(first[0], first[1], first[2], k * stepDays));
    if (t > afterMs) return t;
    k++;
  }
}

/** Monthly on `day`; a month without that day (30 Feb) is skipped, as the stricter reading. */
function nextMonthDay(s: Schedule, day: number, afterMs: number): number {
  const from = wallTime(Math.max(afterMs, s.createdMs) - 2 * DAY_MS, s.timeZone);
  for (let i = 0; i < 1200; i++) {
    const probe = new Date(Date.UTC(from.year, from.month - 1 + i, day));
    if (probe.getUTCDate() !== day) continue;
    const t = instantOn(s, [probe.getUTCFullYear(), probe.getUTCMonth() + 1, day]);
    if (t > afterMs && t > s.createdMs) return t;
  }
  throw new Error('unreachable: no month with that day in 100 years');
}
