import { gasError } from '../../core/errors';
import { resolveZone, Zone } from './time-zone';
import { DAY_NAMES, MONTH_NAMES } from '../../core/calendar-names';

/**
 * Java SimpleDateFormat, English (US) names, as Utilities.formatDate uses it: "formats date
 * according to specification described in Java SE SimpleDateFormat class"
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 * Pattern letters: https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const tokens = tokenize(pattern);
  const ms = date.getTime();
  const zone = resolveZone(timeZone);
  const fields = fieldsAt(ms, zone);
  return tokens
    .map((t) => (typeof t === 'string' ? t : formatField(t.letter, t.count, fields, zone, ms)))
    .join('');
}

const LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

type Token = string | { letter: string; count: number };

/**
 * Quoted text is literal ('' is a quote, inside quotes or out); other ASCII letters must be
 * pattern letters: Java throws "Illegal pattern character 'T'" (the text Apps Script shows for
 * "yyyy-MM-ddTHH:mm") and "Unterminated quote".
 */
function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push("'");
        i += 2;
        continue;
      }
      let text = '';
      i++;
      for (;;) {
        if (i >= pattern.length) gasError('Unterminated quote');
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += pattern[i++];
      }
      tokens.push(text);
    } else if (/[A-Za-z]/.test(ch)) {
      if (!LETTERS.includes(ch)) gasError(`Illegal pattern character '${ch}'`);
      let count = 1;
      while (pattern[i + count] === ch) count++;
      tokens.push({ letter: ch, count });
      i += count;
    } else {
      tokens.push(ch);
      i++;
    }
  }
  return tokens;
}

interface Fields {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
  offset: number; // minutes east of UTC
}

function fieldsAt(ms: number, zone: Zone): Fields {
  const offset = zone.offsetMinutes(ms);
  const local = new Date(ms + offset * 60000);
  const year = local.getUTCFullYear();
  const startOfYear = Date.UTC(year, 0, 1);
  const startOfDay = Date.UTC(year, local.getUTCMonth(), local.getUTCDate());
  return {
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millis: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    dayOfYear: Math.round((startOfDay - startOfYear) / 86400000) + 1,
    offset,
  };
}

function num(n: number, count: number): string {
  return String(n).padStart(count, '0');
}

function text(full: string, count: number): string {
  return count >= 4 ? full : full.slice(0, 3);
}

/**
 * US week rules (Java's default for en-US): weeks start on Sunday and week 1 is the week holding
 * January 1, so the last days of December can be week 1 of the next week-year.
 */
function weekOfYear(f: Fields): { week: number; weekYear: number } {
  const jan1 = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  const nextJan1 = new Date(Date.UTC(f.year + 1, 0, 1)).getUTCDay();
  const daysInYear = Math.round((Date.UTC(f.year + 1, 0, 1) - Date.UTC(f.year, 0, 1)) / 86400000);
  if (nextJan1 !== 0 && f.dayOfYear > daysInYear - nextJan1) return { week: 1, weekYear: f.year + 1 };
  return { week: Math.floor((f.dayOfYear - 1 + jan1) / 7) + 1, weekYear: f.year };
}

function formatField(letter: string, count: number, f: Fields, zone: Zone, ms: number): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? num(f.year % 100, 2) : num(f.year, count);
    case 'Y': {
      const { weekYear } = weekOfYear(f);
      return count === 2 ? num(weekYear % 100, 2) : num(weekYear, count);
    }
    case 'M':
    case 'L':
      return count >= 3 ? text(MONTH_NAMES[f.month - 1], count) : num(f.month, count);
    case 'w':
      return num(weekOfYear(f).week, count);
    case 'W': {
      const firstWeekday = new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay();
      return num(Math.floor((f.day - 1 + firstWeekday) / 7) + 1, count);
    }
    case 'D':
      return num(f.dayOfYear, count);
    case 'd':
      return num(f.day, count);
    case 'F':
      return num(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return text(DAY_NAMES[f.weekday], count);
    case 'u':
      return num(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return num(f.hour, count);
    case 'k':
      return num(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return num(f.hour % 12, count);
    case 'h':
      return num(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return num(f.minute, count);
    case 's':
      return num(f.second, count);
    case 'S':
      // Java's S is the millisecond as a number ("S" of 5 ms is "5"), not a fraction.
      return num(f.millis, count);
    case 'z':
      return count >= 4 ? zone.longName(ms) : zone.shortName(ms);
    case 'Z':
      return offsetText(f.offset, false);
    case 'X':
      if (count > 3) gasError('invalid ISO 8601 format: length=' + count);
      if (f.offset === 0) return 'Z';
      return count === 1 ? offsetText(f.offset, false).slice(0, 3) : offsetText(f.offset, count === 3);
    default:
      return gasError(`Illegal pattern character '${letter}'`);
  }
}

function offsetText(offset: number, colon: boolean): string {
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  return `${sign}${num(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${num(abs % 60, 2)}`;
}
