/**
 * Reading the "Thời gian hoàn thành" (completion time) cell of a plan's task table.
 *
 * People write it in many ways ("Thường xuyên", "Quý I/2025", "6 tháng đầu năm", "Trước ngày
 * 15/12/2025", a real date cell …). We never force a date: the text is kept, and we derive a kind
 * and, where one exists, the due date = the last day on which the task still counts as on time.
 *
 * Readings chosen where the text is ambiguous:
 * - "Trước ngày X" / "Chậm nhất ngày X" / "Đến ngày X" / "Hạn X" → kind 'by-date', due X itself.
 *   Offices use "trước ngày 15/12" for "no later than 15/12" (the letter's own "trước ngày
 *   31/01/2025" is its deadline of 31/01/2025), not for "by 14/12".
 * - "Trước" before a period ("Trước quý III", "Trước tháng 6") reads the same way: the period is
 *   the deadline, due at its end.
 * - A month, quarter or year without a year ("Quý 1", "tháng 6", "Trước 30/6", "Cả năm") is in the
 *   plan year; in a list ("Quý I, II/2025") an item takes the year written after it.
 * - A list or range ("Tháng 3-4/2025", "Quý I và Quý II", "Từ tháng 3 đến tháng 6") is due at the
 *   end of its latest item, and has that item's kind.
 * - "3/6/9 tháng đầu năm" → due 31/03, 30/06, 30/09; "6 tháng cuối năm" → 31/12.
 * - Recurring ("Thường xuyên"), periodic ("Hằng quý") and per-plan ("Theo chỉ đạo") tasks have no
 *   single deadline: due is null.
 * - A Date from a cell is read as its calendar date in Asia/Ho_Chi_Minh (UTC+7, no DST); a number
 *   is a Sheets date serial from 01/01/2000 on, except a whole number 1900 … 2199, which is a
 *   year someone typed ("2025" typed in a cell becomes the number 2025); other numbers are
 *   unreadable.
 * - Text in parentheses is ignored ("Quý II/2025 (dự kiến)").
 * - Day/month order is always Vietnamese: "6/12" is 6 December.
 */
import { detectLegacyEncoding } from '../text/legacy-encoding';
import { normalizeText, removeDiacritics } from '../text/normalize';
import {
  CalendarDate,
  calendarDateFromSerial,
  calendarDateInVietnam,
  compareDates,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  formatDate,
  makeDate,
} from './calendar';

export type CompletionTimeKind =
  /** "Thường xuyên", "Thường xuyên, liên tục": ongoing all year; no due date. */
  | 'recurring'
  /** "Trong năm 2025", "Cả năm", "Năm 2025": due 31/12. */
  | 'year'
  /** "Quý I/2025", "Q2/2025", "Quý 1": due on the quarter's last day. */
  | 'quarter'
  /** "6 tháng đầu năm" (due 30/06), "6 tháng cuối năm" (due 31/12). */
  | 'half'
  /** "Tháng 6/2025", "T12/2025": due on the month's last day. */
  | 'month'
  /** "Trước ngày 15/12/2025", "Chậm nhất 30/6": due that day. */
  | 'by-date'
  /** "15/12/2025", a date cell: due that day. */
  | 'date'
  /** "Định kỳ hằng quý", "Hằng tháng": repeats; no single due date. */
  | 'periodic'
  /** "Theo kế hoạch của tỉnh", "Theo chỉ đạo": set by someone else; no due date. */
  | 'per-plan'
  /** Nothing written. */
  | 'empty'
  /** Not understood, or an impossible date; see problems. */
  | 'unreadable';

export type CompletionTimeProblem =
  /** The text is not one of the accepted forms. */
  | 'unreadable'
  /** A day, month or quarter that does not exist (31/02/2025, tháng 13, Quý 5). */
  | 'impossible-date'
  /** Due in a year before the plan year: often copied from last year's plan. */
  | 'year-before-plan'
  /** Due after the end of the plan year. */
  | 'year-after-plan'
  /** Typed in a legacy encoding (TCVN3/VNI); it was read from the converted text. */
  | 'legacy-encoding';

export interface CompletionTime {
  readonly kind: CompletionTimeKind;
  /** The last day the task can be completed on time, or null when there is no single one. */
  readonly due: CalendarDate | null;
  /** What the cell says, normalised (a date cell as dd/mm/yyyy). */
  readonly text: string;
  /** Empty when all is well; warnings keep the kind and due date, errors make it 'unreadable'. */
  readonly problems: readonly CompletionTimeProblem[];
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

type Token =
  | { readonly type: 'number'; readonly value: number; readonly digits: number }
  | { readonly type: 'word'; readonly value: string }
  | { readonly type: 'symbol'; readonly value: string };

const TOKEN = /(\d+)|([a-z]+)|([/.,;:+&-])|(\s+|["'*“”‘’])|(.)/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const PARENTHESISED = /\([^()]*\)/g;

/** Numbers, words and separators of a plain key; null if a character has no place in a time. */
function tokenize(key: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(key); m !== null; m = TOKEN.exec(key)) {
    if (m[1] !== undefined) tokens.push({ type: 'number', value: Number(m[1]), digits: m[1].length });
    else if (m[2] !== undefined) tokens.push({ type: 'word', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ type: 'symbol', value: m[3] });
    else if (m[5] !== undefined) return null;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Items: the periods and dates a completion time is made of
// ---------------------------------------------------------------------------------------------

type ItemKind = 'date' | 'month' | 'quarter' | 'half' | 'year';

interface Item {
  readonly kind: ItemKind;
  /** The year written with the item, or null (taken from a later item, else the plan year). */
  readonly year: number | null;
  /** The last day of the item in a given year; null if it does not exist (29/02/2025). */
  readonly end: (year: number) => CalendarDate | null;
}

/** An item that was recognised but cannot exist (tháng 13, Quý 5, 32/1). */
const IMPOSSIBLE = 'impossible';

interface Parsed {
  readonly item: Item | typeof IMPOSSIBLE;
  readonly next: number;
}

const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const Q_WORDS: Readonly<Record<string, number>> = { qi: 1, qii: 2, qiii: 3, qiv: 4 };
const DATE_SEPARATORS = new Set(['/', '-', '.']);
/** Symbols and words that only join items: "Quý I, II", "Tháng 3 - 4", "Quý I và Quý II". */
const LIST_SEPARATORS = new Set([',', ';', '-', '+', '&', '.', ':', 'va']);
/** Words around the time that do not change it ("Hoàn thành trong Quý I", "Cuối năm"). */
const FILLER_WORDS = new Set(
  (
    'hoan thanh thuc hien thoi gian trien khai trong vao ngay cuoi het ca tu den truoc cham nhat han ' +
    'chot xong ket du kien khoang dip'
  ).split(' '),
);
/** Fillers that make a date a deadline ("Trước ngày", "Chậm nhất", "Đến ngày", "Hạn chót"). */
const BY_DATE_WORDS = new Set(['truoc', 'cham', 'han', 'chot', 'den']);

/**
 * A number below the serial of 01/01/2000 is not a deadline typed in a plan ("6" would be
 * 05/01/1900): it is unreadable rather than a date.
 */
const FIRST_PLAUSIBLE_SERIAL = 36_526;

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

class ItemReader {
  constructor(private readonly tokens: readonly Token[]) {}

  private word(i: number): string | null {
    const t = this.tokens[i];
    return t !== undefined && t.type === 'word' ? t.value : null;
  }

  private symbol(i: number): string | null {
    const t = this.tokens[i];
    return t !== undefined && t.type === 'symbol' ? t.value : null;
  }

  private number(i: number, maxDigits = 4): { value: number; digits: number } | null {
    const t = this.tokens[i];
    return t !== undefined && t.type === 'number' && t.digits <= maxDigits ? t : null;
  }

  /**
   * A year after an item: "/2025", "-2025", ".2025", ", 2025", "/25", "năm 2025", or "năm" alone (the
   * "năm" of "6 tháng đầu năm"). Returns the year (null if none written) and the next index.
   */
  private yearAfter(i: number): { year: number | null; next: number } {
    const sym = this.symbol(i);
    if (sym !== null && (DATE_SEPARATORS.has(sym) || sym === ',')) {
      const n = this.number(i + 1);
      if (n !== null && n.digits === 4) return { year: n.value, next: i + 2 };
      if (n !== null && n.digits === 2 && sym === '/') return { year: 2000 + n.value, next: i + 2 };
    }
    if (this.word(i) === 'nam') {
      const n = this.number(i + 1);
      if (n !== null && n.digits === 4) return { year: n.value, next: i + 2 };
      return { year: null, next: i + 1 };
    }
    return { year: null, next: i };
  }

  /** "15/12/2025", "15-12-2025", "15.12.2025", "30/6", "2025-12-15", "15 tháng 12 năm 2025". */
  date(i: number): Parsed | null {
    const first = this.number(i);
    if (first === null) return null;
    const sep = this.symbol(i + 1);
    if (first.digits === 4 && sep !== null && DATE_SEPARATORS.has(sep)) {
      const m = this.number(i + 2, 2);
      const d = this.symbol(i + 3) === sep ? this.number(i + 4, 2) : null;
      if (m === null || d === null) return null;
      return { item: dateItem(d.value, m.value, first.value), next: i + 5 };
    }
    if (first.digits > 2) return null;
    if (sep !== null && DATE_SEPARATORS.has(sep)) {
      const m = this.number(i + 2, 2);
      if (m === null) return null; // "6/2025" is a month
      const sep2 = this.symbol(i + 3);
      const y = sep2 !== null && DATE_SEPARATORS.has(sep2) ? this.number(i + 4) : null;
      if (y !== null && (y.digits === 4 || y.digits === 2)) {
        return {
          item: dateItem(first.value, m.value, y.digits === 2 ? 2000 + y.value : y.value),
          next: i + 5,
        };
      }
      return { item: dateItem(first.value, m.value, null), next: i + 3 };
    }
    if (this.word(i + 1) === 'thang') {
      const m = this.number(i + 2, 2);
      if (m === null) return null;
      const { year, next } = this.yearAfter(i + 3);
      return { item: dateItem(first.value, m.value, year), next };
    }
    return null;
  }

  /** "6 tháng đầu năm", "Sáu tháng cuối năm 2025", "Nửa đầu năm", "9 tháng đầu năm". */
  half(i: number): Parsed | null {
    let months: number | null = null;
    let next = i;
    const n = this.number(i, 1);
    if (n !== null && this.word(i + 1) === 'thang') {
      months = n.value;
      next = i + 2;
    } else if (
      (this.word(i) === 'sau' || this.word(i) === 'ba' || this.word(i) === 'chin') &&
      this.word(i + 1) === 'thang'
    ) {
      months = { sau: 6, ba: 3, chin: 9 }[this.word(i) as 'sau' | 'ba' | 'chin'];
      next = i + 2;
    } else if (this.word(i) === 'nua') {
      months = 6;
      next = i + 1;
    }
    const side = this.word(next);
    if (months === null || (side !== 'dau' && side !== 'cuoi')) return null;
    const { year, next: after } = this.yearAfter(next + 1);
    const fromStart = side === 'dau';
    if (months === 6) {
      return {
        item: { kind: 'half', year, end: (y) => (fromStart ? endOfMonth(y, 6) : endOfYear(y)) },
        next: after,
      };
    }
    if (months === 3) {
      return { item: { kind: 'quarter', year, end: (y) => endOfQuarter(y, fromStart ? 1 : 4) }, next: after };
    }
    if (months === 9 && fromStart) {
      return { item: { kind: 'quarter', year, end: (y) => endOfQuarter(y, 3) }, next: after };
    }
    return null;
  }

  /** "Quý I/2025", "Quý 1", "Q2/2025", "QIV", and "II" after a quarter ("Quý I, II/2025"). */
  quarter(i: number, continuesQuarters: boolean): Parsed | null {
    let q: number | null = null;
    let next = i;
    const w = this.word(i);
    if (w !== null && Q_WORDS[w] !== undefined) {
      q = Q_WORDS[w];
      next = i + 1;
    } else if (w === 'quy' || w === 'q' || continuesQuarters) {
      let at = w === 'quy' || w === 'q' ? i + 1 : i;
      if (at > i && this.symbol(at) === '.') at++;
      const roman = this.word(at);
      const n = this.number(at, 2);
      if (roman !== null && ROMAN_QUARTERS[roman] !== undefined) q = ROMAN_QUARTERS[roman];
      else if (n !== null) q = n.value;
      else if (roman !== null && /^[ivx]+$/.test(roman) && at > i) q = 0; // "Quý V": a quarter that does not exist
      next = at + 1;
    }
    if (q === null) return null;
    const { year, next: after } = this.yearAfter(next);
    if (q < 1 || q > 4) return { item: IMPOSSIBLE, next: after };
    const quarter = q;
    return { item: { kind: 'quarter', year, end: (y) => endOfQuarter(y, quarter) }, next: after };
  }

  /** "Tháng 6/2025", "tháng 6", "T12/2025", "6/2025", and "4" after a month ("Tháng 3-4/2025"). */
  month(i: number, continuesMonths: boolean): Parsed | null {
    const w = this.word(i);
    let at = i;
    if (w === 'thang' || w === 't') {
      at = i + 1;
      if (this.symbol(at) === '.') at++;
    } else if (!continuesMonths) {
      // A bare "6/2025": month and year, nothing else.
      const m = this.number(i, 2);
      const sep = this.symbol(i + 1);
      const y = this.number(i + 2);
      if (m === null || sep === null || !DATE_SEPARATORS.has(sep) || y === null || y.digits !== 4)
        return null;
    }
    const m = this.number(at, 2);
    if (m === null) return null;
    const { year, next } = this.yearAfter(at + 1);
    if (m.value < 1 || m.value > 12) return { item: IMPOSSIBLE, next };
    const month = m.value;
    return { item: { kind: 'month', year, end: (y) => endOfMonth(y, month) }, next };
  }

  /** "Năm 2025", "năm" (of "Trong năm", "Cả năm"), or a bare "2025". */
  year(i: number): Parsed | null {
    if (this.word(i) === 'nam') {
      const { year, next } = this.yearAfter(i);
      return { item: { kind: 'year', year, end: endOfYear }, next };
    }
    const n = this.number(i);
    if (n !== null && n.digits === 4)
      return { item: { kind: 'year', year: n.value, end: endOfYear }, next: i + 1 };
    return null;
  }

  isListSeparator(i: number): boolean {
    const t = this.tokens[i];
    return t.type !== 'number' && LIST_SEPARATORS.has(t.value);
  }
}

function dateItem(d: number, m: number, year: number | null): Item | typeof IMPOSSIBLE {
  // Check what can be checked without the year now: 31/04 never exists, 29/02 depends on it.
  if (makeDate(2000, m, d) === null) return IMPOSSIBLE;
  return { kind: 'date', year, end: (y) => makeDate(y, m, d) };
}

interface ItemList {
  readonly items: readonly Item[];
  readonly byDate: boolean;
}

/** Reads the whole token list as items; 'unreadable' or 'impossible-date' if it cannot. */
function readItems(tokens: readonly Token[]): ItemList | 'unreadable' | 'impossible-date' {
  const reader = new ItemReader(tokens);
  const items: Item[] = [];
  let byDate = false;
  let impossible = false;
  let last: ItemKind | null = null;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (reader.isListSeparator(i)) {
      i++;
      continue;
    }
    if (t.type === 'word' && FILLER_WORDS.has(t.value)) {
      if (BY_DATE_WORDS.has(t.value)) byDate = true;
      i++;
      continue;
    }
    const parsed: Parsed | null =
      reader.half(i) ??
      reader.date(i) ??
      reader.quarter(i, last === 'quarter') ??
      reader.month(i, last === 'month') ??
      reader.year(i);
    if (parsed === null) return 'unreadable';
    if (parsed.item === IMPOSSIBLE) impossible = true;
    else {
      items.push(parsed.item);
      last = parsed.item.kind;
    }
    i = parsed.next;
  }
  if (impossible) return 'impossible-date';
  if (items.length === 0) return 'unreadable';
  return { items, byDate };
}

// ---------------------------------------------------------------------------------------------
// Whole-cell readings
// ---------------------------------------------------------------------------------------------

const LEADING_FILLER = /^(?:(?:thoi gian|hoan thanh|thuc hien|trien khai)\s*[:,-]?\s*)+/;
const PERIODIC = /^(?:dinh ky|(?:hang|moi) (?:ngay|tuan|thang|quy|nam)|theo (?:tuan|thang|quy|nam)\b)/;
const RECURRING = /^(?:thuong xuyen|lien tuc)/;
const PER_PLAN = /^(?:theo|tuy theo|tuy thuoc|khi)\b/;
const YEAR_IN_TEXT = /\bnam (\d{4})\b/g;

function yearProblems(year: number, planYear: number): CompletionTimeProblem[] {
  if (year < planYear) return ['year-before-plan'];
  if (year > planYear) return ['year-after-plan'];
  return [];
}

function result(
  kind: CompletionTimeKind,
  due: CalendarDate | null,
  text: string,
  problems: readonly CompletionTimeProblem[] = [],
): CompletionTime {
  return { kind, due, text, problems };
}

function unreadable(text: string, problem: 'unreadable' | 'impossible-date' = 'unreadable'): CompletionTime {
  return result('unreadable', null, text, [problem]);
}

/** "Thường xuyên", "Hằng quý", "Theo chỉ đạo": no due date, but a wrong year is still worth a warning. */
function readPhrase(key: string, text: string, planYear: number): CompletionTime | null {
  const kind: CompletionTimeKind | null = PERIODIC.test(key)
    ? 'periodic'
    : RECURRING.test(key)
      ? 'recurring'
      : PER_PLAN.test(key)
        ? 'per-plan'
        : null;
  if (kind === null) return null;
  const problems = new Set<CompletionTimeProblem>();
  YEAR_IN_TEXT.lastIndex = 0;
  for (let m = YEAR_IN_TEXT.exec(key); m !== null; m = YEAR_IN_TEXT.exec(key)) {
    for (const p of yearProblems(Number(m[1]), planYear)) problems.add(p);
  }
  return result(kind, null, text, [...problems]);
}

function readText(text: string, planYear: number): CompletionTime {
  const key = removeDiacritics(text)
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(PARENTHESISED, ' ')
    .replace(LEADING_FILLER, '')
    .trim();
  const phrase = readPhrase(key, text, planYear);
  if (phrase !== null) return phrase;
  const tokens = tokenize(key);
  if (tokens === null) return unreadable(text);
  const list = readItems(tokens);
  if (list === 'unreadable' || list === 'impossible-date') return unreadable(text, list);

  // An item without a year takes the year written after it ("Quý I, II/2025"), else the plan year.
  let due: CalendarDate | null = null;
  let dueKind: ItemKind = 'year';
  let laterYear: number | null = null;
  for (let k = list.items.length - 1; k >= 0; k--) {
    const item = list.items[k];
    const year = item.year ?? laterYear ?? planYear;
    if (item.year !== null) laterYear = item.year;
    if (year < MIN_YEAR || year > MAX_YEAR) return unreadable(text, 'impossible-date');
    const end = item.end(year);
    if (end === null) return unreadable(text, 'impossible-date');
    if (due === null || compareDates(end, due) > 0) {
      due = end;
      dueKind = item.kind;
    }
  }
  if (due === null) return unreadable(text);
  const kind: CompletionTimeKind = dueKind === 'date' && list.byDate ? 'by-date' : dueKind;
  return result(kind, due, text, yearProblems(due.y, planYear));
}

function isDate(raw: unknown): raw is Date {
  return Object.prototype.toString.call(raw) === '[object Date]';
}

/**
 * Reads a completion-time cell: a string, a number (Sheets date serial, or a year), a Date, ''
 * or null. `planYear` is the year of the plan: missing years default to it, other years are
 * flagged. Never throws.
 */
export function parseCompletionTime(raw: unknown, planYear: number): CompletionTime {
  if (raw === null || raw === undefined) return result('empty', null, '');
  if (isDate(raw)) {
    const date = calendarDateInVietnam(raw);
    if (date === null) return unreadable('');
    return result('date', date, formatDate(date), yearProblems(date.y, planYear));
  }
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= MIN_YEAR && raw <= MAX_YEAR) {
      return result('year', endOfYear(raw), String(raw), yearProblems(raw, planYear));
    }
    const date = raw >= FIRST_PLAUSIBLE_SERIAL ? calendarDateFromSerial(raw) : null;
    if (date === null) return unreadable(String(raw));
    return result('date', date, formatDate(date), yearProblems(date.y, planYear));
  }
  if (typeof raw !== 'string') return unreadable(String(raw));
  const text = normalizeText(raw);
  if (text === '') return result('empty', null, '');
  const reading = readText(text, planYear);
  if (reading.kind !== 'unreadable') return reading;
  const legacy = detectLegacyEncoding(text);
  if (legacy === null) return reading;
  const converted = readText(normalizeText(legacy.suggestion), planYear);
  if (converted.kind === 'unreadable') return reading;
  return { ...converted, text, problems: [...converted.problems, 'legacy-encoding'] };
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** The forms we read, as examples for users (with the plan year when known). */
export function acceptedCompletionTimeForms(planYear?: number): string[] {
  const y = planYear === undefined ? '' : `/${planYear}`;
  const inYear = planYear === undefined ? 'Trong năm' : `Trong năm ${planYear}`;
  return [
    'Thường xuyên',
    inYear,
    `Quý I${y}`,
    '6 tháng đầu năm',
    `Tháng 6${y}`,
    `15/12${y}`,
    `Trước ngày 15/12${y}`,
    'Định kỳ hằng quý',
    'Theo kế hoạch của tỉnh',
  ];
}

function quoted(forms: readonly string[]): string {
  return forms.map((f) => `"${f}"`).join(', ');
}

/** A Vietnamese message for a problem code, to show next to the cell. */
export function completionTimeMessage(code: CompletionTimeProblem, planYear?: number): string {
  const planYearText = planYear === undefined ? 'năm kế hoạch' : `năm kế hoạch ${planYear}`;
  switch (code) {
    case 'unreadable':
      return (
        'Không hiểu thời gian hoàn thành. Hãy ghi theo một trong các dạng: ' +
        `${quoted(acceptedCompletionTimeForms(planYear))}.`
      );
    case 'impossible-date':
      return 'Ngày, tháng hoặc quý không có thật (ví dụ 31/02, tháng 13, quý V). Hãy kiểm tra lại.';
    case 'year-before-plan':
      return `Thời gian hoàn thành thuộc năm trước ${planYearText}; có thể đã chép từ kế hoạch năm trước. Hãy kiểm tra lại năm.`;
    case 'year-after-plan':
      return `Thời gian hoàn thành sau ${planYearText}. Nếu nhiệm vụ đúng là kéo dài sang năm sau, hãy ghi rõ ở cột Ghi chú.`;
    case 'legacy-encoding':
      return 'Nội dung được gõ bằng bảng mã cũ (TCVN3 hoặc VNI) và đã được đọc sau khi chuyển sang Unicode. Hãy gõ lại bằng Unicode.';
  }
}
