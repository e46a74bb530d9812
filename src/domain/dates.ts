/**
 * Calendar dates without a time of day. Deadlines and completion dates are days in the office's
 * time zone; the adapters turn Sheets' Date cells into DateOnly at the edge (in the spreadsheet's
 * own time zone), so domain code never meets time-zone arithmetic. The calendar primitives live in
 * parse/calendar.ts (shared with the cell parsers); this module adds what plans and deadlines need.
 */
import { CalendarDate, compareDates, daysInMonth, formatDate, makeDate } from './parse/calendar';
export type DateOnly = CalendarDate;

export { compareDates, daysInMonth };

export function isValidDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && makeDate(y, m, d) !== null;
}

/** Days from a to b (b − a). */
export function daysBetween(a: DateOnly, b: DateOnly): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86400000);
}

export function addDays(date: DateOnly, days: number): DateOnly {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** "15/02/2025" — the way Vietnamese offices write a date in tables and messages. */
export const formatDateVn: (date: DateOnly) => string = formatDate;

/** Reads "dd/MM/yyyy" (also "-" or "." separators) or ISO "yyyy-MM-dd"; null when it is not one. */
export function parseDateText(text: string): DateOnly | null {
  const s = text.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) {
    const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidDate(y, m, d) ? { y, m, d } : null;
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidDate(y, m, d) ? { y, m, d } : null;
  }
  return null;
}

/**
 * The plan year a new setup proposes: plans are drafted from the autumn for the next year (the
 * seed's letter of December 2024 is for 2025), so from October on it is next year.
 */
export function defaultPlanYear(today: DateOnly): number {
  return today.m >= 10 ? today.y + 1 : today.y;
}
