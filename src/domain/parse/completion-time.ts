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
 * - "Trước" before a month or quarter ("Trước quý III", "Trước tháng 6") reads the same way: the
 *   period is the deadline, due at its end.
 * - "Trước năm X" is read as due 31/12 of X−1, always with the warning 'before-year' that says so.
 *   Why: in a yearly plan for year P, "hoàn thành trước năm P+1" is how tables say "within P" (a
 *   deadline inside the plan); reading it as the end of X would silently give the task a year more,
 *   while the earlier reading can only make a reminder come early. The warning lets the unit fix it.
 * - A month, quarter or year without a year ("Quý 1", "tháng 6", "Trước 30/6", "Cả năm") is in the
 *   plan year; in a list ("Quý I, II/2025") an item takes the year written after it.
 * - A list or range ("Tháng 3-4/2025", "Quý I và Quý II", "Từ tháng 3 đến tháng 6") is due at the
 *   end of its latest item, and has that item's kind.
 * - Several years only ("2026 - 2030", "Giai đoạn 2026-2030", "Từ năm 2026 đến năm 2030") are a
 *   'period', due at its end. One that runs past the plan year is normal for a few tasks of a
 *   yearly plan: the warning 'spans-past-plan-year' is reported once per table, not per row.
 * - "Từ …" with one item and no "đến" ("Triển khai từ năm 2026", "Bắt đầu từ tháng 3") is a start:
 *   kind 'ongoing-from', no due date. A start is never turned into a deadline.
 * - A deadline followed by another clause ("Hoàn thành trong năm 2026, và rà soát … trong các năm
 *   tiếp theo (nếu có)", "Ban hành trong quý I năm 2026. Thực hiện rà soát …"): the first dated part
 *   is the deadline, the rest is kept as `note`, with a warning that says what was read. When the
 *   rest has another time in it, the warning says the deadline may be another one.
 * - "Tháng 12 hằng năm", "Hằng năm, trước ngày 15/12": a yearly task; this year's time is in the
 *   plan year.
 * - Recurring ("Thường xuyên", also "Nhiệm vụ thường xuyên"), periodic ("Hằng quý", "Định kỳ 6
 *   tháng"), per-plan ("Theo chỉ đạo") and conditional ("Sau khi có …", "Khi có văn bản hướng
 *   dẫn", "Theo tiến độ của …") tasks have no single deadline: due is null.
 * - Old and variant spellings are the same word: "Quí", "quí", "Qúy" (quý), "hàng"/"hằng".
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
  /** "Giai đoạn 2026 - 2030", "2026-2030": several years; due at the end of the last. */
  | 'period'
  /** "Triển khai từ năm 2026", "Bắt đầu từ tháng 3": ongoing from `from`; no due date. */
  | 'ongoing-from'
  /** "Định kỳ hằng quý", "Hằng tháng": repeats; no single due date. */
  | 'periodic'
  /** "Theo kế hoạch của tỉnh", "Theo chỉ đạo": set by someone else; no due date. */
  | 'per-plan'
  /** "Sau khi có …", "Khi có văn bản hướng dẫn", "Theo tiến độ của …": no date until then. */
  | 'conditional'
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
  /** A period of several years that goes on after the plan year (reported once per table). */
  | 'spans-past-plan-year'
  /** A deadline then another clause: the clause is kept as `note`. (warning) */
  | 'follow-up-note'
  /** As 'follow-up-note', and the clause has another time: the deadline may be that one. (warning) */
  | 'other-time-in-note'
  /** "Trước năm X", read as due 31/12 of X−1. (warning) */
  | 'before-year'
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
  /** The first day: the start of an 'ongoing-from' task, of a 'period'. */
  readonly from?: CalendarDate;
  /** What follows the deadline ("và rà soát … trong các năm tiếp theo (nếu có)"), as written. */
  readonly note?: string;
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

type Token = (
  | { readonly type: 'number'; readonly value: number; readonly digits: number }
  | { readonly type: 'word'; readonly value: string }
  | { readonly type: 'symbol'; readonly value: string }
  | { readonly type: 'other'; readonly value: string }
) & {
  /** Where the token starts in the key (the key has the text's length: see readText). */
  readonly at: number;
};

const TOKEN = /(\d+)|([a-z]+)|([/.,;:+&-])|(\s+|["'*“”‘’])|(.)/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const PARENTHESISED = /\([^()]*\)/g;

/** Numbers, words and separators of a plain key; a character with no place in a time is 'other'. */
function tokenize(key: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(key); m !== null; m = TOKEN.exec(key)) {
    const at = m.index;
    if (m[1] !== undefined) tokens.push({ type: 'number', value: Number(m[1]), digits: m[1].length, at });
    else if (m[2] !== undefined) tokens.push({ type: 'word', value: m[2], at });
    else if (m[3] !== undefined) tokens.push({ type: 'symbol', value: m[3], at });
    else if (m[5] !== undefined) tokens.push({ type: 'other', value: m[5], at });
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
  /** The first day of the item in a given year. */
  readonly start: (year: number) => CalendarDate | null;
}

/** An item that was recognised but cannot exist (tháng 13, Quý 5, 32/1). */
const IMPOSSIBLE = 'impossible';

interface Parsed {
  readonly item: Item | typeof IMPOSSIBLE;
  readonly next: number;
}

const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const Q_WORDS: Readonly<Record<string, number>> = { qi: 1, qii: 2, qiii: 3, qiv: 4 };
/** "quý" and its old spellings ("quí", "Qúy" lose their marks to "qui", "quy"). */
const QUARTER_WORDS = new Set(['quy', 'qui', 'q']);
const DATE_SEPARATORS = new Set(['/', '-', '.']);
/** Symbols and words that only join items: "Quý I, II", "Tháng 3 - 4", "Quý I và Quý II". */
const LIST_SEPARATORS = new Set([',', ';', '-', '+', '&', '.', ':', 'va']);
/** Words around the time that do not change it ("Hoàn thành trong Quý I", "Cuối năm"). */
const FILLER_WORDS = new Set(
  (
    'hoan thanh thuc hien thoi gian trien khai trong vao ngay cuoi het ca tu den truoc cham nhat han ' +
    'chot xong ket du kien khoang dip nay giaidoan gd'
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

const startOfYear = (y: number): CalendarDate => ({ y, m: 1, d: 1 });
const startOfMonth = (y: number, m: number): CalendarDate => ({ y, m, d: 1 });

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
        item: {
          kind: 'half',
          year,
          end: (y) => (fromStart ? endOfMonth(y, 6) : endOfYear(y)),
          start: (y) => (fromStart ? startOfYear(y) : startOfMonth(y, 7)),
        },
        next: after,
      };
    }
    if (months === 3 || (months === 9 && fromStart)) {
      const quarter = months === 9 ? 3 : fromStart ? 1 : 4;
      return {
        item: {
          kind: 'quarter',
          year,
          end: (y) => endOfQuarter(y, quarter),
          start: (y) => (fromStart ? startOfYear(y) : startOfMonth(y, 10)),
        },
        next: after,
      };
    }
    return null;
  }

  /** "Quý I/2025", "Quý 1", "Q2/2025", "QIV", "Quí II", and "II" after a quarter ("Quý I, II/2025"). */
  quarter(i: number, continuesQuarters: boolean): Parsed | null {
    let q: number | null = null;
    let next = i;
    const w = this.word(i);
    if (w !== null && Q_WORDS[w] !== undefined) {
      q = Q_WORDS[w];
      next = i + 1;
    } else if ((w !== null && QUARTER_WORDS.has(w)) || continuesQuarters) {
      let at = w !== null && QUARTER_WORDS.has(w) ? i + 1 : i;
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
    return {
      item: {
        kind: 'quarter',
        year,
        end: (y) => endOfQuarter(y, quarter),
        start: (y) => startOfMonth(y, quarter * 3 - 2),
      },
      next: after,
    };
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
    return {
      item: { kind: 'month', year, end: (y) => endOfMonth(y, month), start: (y) => startOfMonth(y, month) },
      next,
    };
  }

  /** "Năm 2025", "năm" (of "Trong năm", "Cả năm"), or a bare "2025". */
  year(i: number): Parsed | null {
    if (this.word(i) === 'nam') {
      const { year, next } = this.yearAfter(i);
      return { item: { kind: 'year', year, end: endOfYear, start: startOfYear }, next };
    }
    const n = this.number(i);
    if (n !== null && n.digits === 4)
      return { item: { kind: 'year', year: n.value, end: endOfYear, start: startOfYear }, next: i + 1 };
    return null;
  }

  isListSeparator(i: number): boolean {
    const t = this.tokens[i];
    return t.type !== 'number' && t.type !== 'other' && LIST_SEPARATORS.has(t.value);
  }
}

function dateItem(d: number, m: number, year: number | null): Item | typeof IMPOSSIBLE {
  // Check what can be checked without the year now: 31/04 never exists, 29/02 depends on it.
  if (makeDate(2000, m, d) === null) return IMPOSSIBLE;
  return { kind: 'date', year, end: (y) => makeDate(y, m, d), start: (y) => makeDate(y, m, d) };
}

/** What a scan of the tokens found: the items up to the first word that is not part of a time. */
interface ItemScan {
  readonly items: readonly Item[];
  readonly byDate: boolean;
  /** "từ" before the first item. */
  readonly from: boolean;
  /** "đến" somewhere: the time has an end. */
  readonly hasEnd: boolean;
  /** "trước năm X" (the only item a year, "trước" just before it). */
  readonly beforeYear: boolean;
  readonly impossible: boolean;
  /** Index of the first token that is neither a time nor a joining word; tokens.length if none. */
  readonly stop: number;
  /** Where the clause after the last item starts in the key (after its separator), or -1. */
  readonly restAt: number;
}

/** Reads items from the start of the token list, until a token that belongs to no time. */
function scanItems(tokens: readonly Token[]): ItemScan {
  const reader = new ItemReader(tokens);
  const items: Item[] = [];
  let byDate = false;
  let from = false;
  let hasEnd = false;
  let beforeYear = false;
  let impossible = false;
  let restAt = -1;
  let last: ItemKind | null = null;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === 'other') break;
    if (t.type !== 'number' && reader.isListSeparator(i)) {
      if (restAt < 0 && items.length > 0) restAt = t.at + t.value.length;
      i++;
      continue;
    }
    if (t.type === 'word' && FILLER_WORDS.has(t.value)) {
      if (BY_DATE_WORDS.has(t.value)) byDate = true;
      if (t.value === 'tu' && items.length === 0) from = true;
      if (t.value === 'den') hasEnd = true;
      i++;
      continue;
    }
    const parsed: Parsed | null =
      reader.half(i) ??
      reader.date(i) ??
      reader.quarter(i, last === 'quarter') ??
      reader.month(i, last === 'month') ??
      reader.year(i);
    if (parsed === null) break;
    if (parsed.item === IMPOSSIBLE) impossible = true;
    else {
      const before = tokens[i - 1];
      if (parsed.item.kind === 'year' && before?.type === 'word' && before.value === 'truoc')
        beforeYear = items.length === 0 && parsed.item.year !== null;
      else beforeYear = false;
      items.push(parsed.item);
      last = parsed.item.kind;
    }
    restAt = -1;
    i = parsed.next;
  }
  return { items, byDate, from, hasEnd, beforeYear, impossible, stop: i, restAt };
}

// ---------------------------------------------------------------------------------------------
// Whole-cell readings
// ---------------------------------------------------------------------------------------------

const LEADING_FILLER = /^(?:(?:thoi gian|hoan thanh|thuc hien|trien khai|bat dau|ke(?= tu\b))\s*[:,-]?\s*)+/;
const PERIODIC = /^(?:dinh ky|(?:hang|moi) (?:ngay|tuan|thang|quy|nam)|theo (?:tuan|thang|quy|nam)\b)/;
const PERIODIC_ANYWHERE = /\bdinh ky\b|\b(?:hang|moi) (?:ngay|tuan|thang|quy|nam)\b/;
const RECURRING = /^(?:thuong xuyen|lien tuc)/;
const RECURRING_ANYWHERE = /\bthuong xuyen\b|\blien tuc\b/;
const CONDITIONAL =
  /^(?:ngay )?(?:sau khi|khi|tuy theo|tuy thuoc|phu thuoc|theo tien do|can cu (?:vao )?tien do)\b/;
const CONDITIONAL_ANYWHERE = /\bsau khi\b|\bkhi co\b|\btheo tien do\b/;
const PER_PLAN = /^(?:theo|can cu)\b/;
const YEAR_IN_TEXT = /\bnam (\d{4})\b/g;
/** "hằng năm", "hàng năm", "mỗi năm" (with "định kỳ"): a yearly task. */
const YEARLY = /\b(?:dinh ky )?(?:hang|moi) nam\b/g;
/** Phrases read as one word: "giai đoạn" (GĐ), "trở đi" (after a start). */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bgiai doan\b/g, 'giaidoan '],
  [/\btro (?:di|ve sau)\b/g, '   '],
];

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

/** Years written in a phrase ("Thường xuyên trong năm 2024"): a wrong one is still worth a warning. */
function phraseYearProblems(key: string, planYear: number): CompletionTimeProblem[] {
  const problems = new Set<CompletionTimeProblem>();
  YEAR_IN_TEXT.lastIndex = 0;
  for (let m = YEAR_IN_TEXT.exec(key); m !== null; m = YEAR_IN_TEXT.exec(key)) {
    for (const p of yearProblems(Number(m[1]), planYear)) problems.add(p);
  }
  return [...problems];
}

/** "Thường xuyên", "Hằng quý", "Theo chỉ đạo", "Sau khi có …" at the start of the cell. */
function phraseAtStart(key: string): CompletionTimeKind | null {
  if (CONDITIONAL.test(key)) return 'conditional';
  if (PERIODIC.test(key)) return 'periodic';
  if (RECURRING.test(key)) return 'recurring';
  if (PER_PLAN.test(key)) return 'per-plan';
  return null;
}

/** The same words further in ("Nhiệm vụ thường xuyên", "Báo cáo định kỳ 6 tháng"). */
function phraseAnywhere(key: string): CompletionTimeKind | null {
  if (PERIODIC_ANYWHERE.test(key)) return 'periodic';
  if (RECURRING_ANYWHERE.test(key)) return 'recurring';
  if (CONDITIONAL_ANYWHERE.test(key)) return 'conditional';
  return null;
}

/** The reading of scanned items (whole cell or its first clause), or the problem that stops it. */
function readScan(scan: ItemScan, text: string, planYear: number): CompletionTime {
  if (scan.impossible) return unreadable(text, 'impossible-date');
  // An item without a year takes the year written after it ("Quý I, II/2025"), else the plan year.
  let due: CalendarDate | null = null;
  let first: CalendarDate | null = null;
  let dueKind: ItemKind = 'year';
  let laterYear: number | null = null;
  for (let k = scan.items.length - 1; k >= 0; k--) {
    const item = scan.items[k];
    const year = item.year ?? laterYear ?? planYear;
    if (item.year !== null) laterYear = item.year;
    if (year < MIN_YEAR || year > MAX_YEAR) return unreadable(text, 'impossible-date');
    const end = item.end(year);
    const start = item.start(year);
    if (end === null || start === null) return unreadable(text, 'impossible-date');
    if (due === null || compareDates(end, due) > 0) {
      due = end;
      dueKind = item.kind;
    }
    if (first === null || compareDates(start, first) < 0) first = start;
  }
  if (due === null || first === null) return unreadable(text);

  if (scan.from && !scan.hasEnd && scan.items.length === 1) {
    // A start, never a deadline: "Triển khai từ năm 2026".
    const problems = first.y > planYear ? (['year-after-plan'] as const) : [];
    return { kind: 'ongoing-from', due: null, text, problems, from: first };
  }
  const years = new Set(scan.items.map((i) => i.year));
  if (scan.items.every((i) => i.kind === 'year' && i.year !== null) && years.size >= 2) {
    const problems: CompletionTimeProblem[] =
      due.y < planYear
        ? ['year-before-plan']
        : first.y > planYear
          ? ['year-after-plan']
          : due.y > planYear
            ? ['spans-past-plan-year']
            : [];
    return { kind: 'period', due, text, problems, from: first };
  }
  if (scan.beforeYear) {
    const byEnd = endOfYear(due.y - 1);
    return result('year', byEnd, text, [...yearProblems(byEnd.y, planYear), 'before-year']);
  }
  const kind: CompletionTimeKind = dueKind === 'date' && scan.byDate ? 'by-date' : dueKind;
  return result(kind, due, text, yearProblems(due.y, planYear));
}

/** The key's tokens and the clause after the first dated part, if that is how the cell reads. */
function readFirstClause(
  tokens: readonly Token[],
  scan: ItemScan,
  key: string,
  text: string,
  planYear: number,
): CompletionTime | null {
  if (scan.items.length === 0 && !scan.impossible) return null;
  if (scan.restAt < 0) return null; // no separator between the time and the rest: "Tháng 6 hoặc 7"
  const rest = key.slice(scan.restAt);
  if (!/[a-z]{2}/.test(rest)) return null; // "Quý I/2025 #": not a clause
  const reading = readScan(scan, text, planYear);
  if (reading.kind === 'unreadable') return reading;
  const note = text
    .slice(scan.restAt)
    .replace(/^[\s,.;:+&-]+/, '')
    .trim();
  const otherTime = tokens.slice(scan.stop).some((t) => t.type === 'number');
  return {
    ...reading,
    note,
    problems: [...reading.problems, otherTime ? 'other-time-in-note' : 'follow-up-note'],
  };
}

/** The whole cell, or its first clause, as a time; null when it does not start with one. */
function readTokens(
  tokens: readonly Token[],
  key: string,
  text: string,
  planYear: number,
): CompletionTime | null {
  const scan = scanItems(tokens);
  if (scan.stop === tokens.length) {
    if (scan.items.length === 0 && !scan.impossible) return tokens.length === 0 ? unreadable(text) : null;
    return readScan(scan, text, planYear);
  }
  return readFirstClause(tokens, scan, key, text, planYear);
}

/** Words that start the time after an action ("Ban hành trong quý I", "Báo cáo trước ngày 15/12"). */
const TIME_PREPOSITIONS = new Set(['trong', 'truoc', 'vao', 'cham', 'den', 'han']);
/** Words that change the time after them: "Sau tháng 6" is not "tháng 6". */
const CHANGES_TIME = new Set(['sau', 'hoac', 'ngoai', 'khong', 'chua', 'neu', 'tru', 'giua', 'dau']);
const MAX_LEAD_WORDS = 6;

/** "Ban hành trong quý I năm 2026": an action of a few words, then the time. */
function readAfterLead(
  tokens: readonly Token[],
  key: string,
  text: string,
  planYear: number,
): CompletionTime | null {
  for (let k = 0; k < tokens.length && k <= MAX_LEAD_WORDS; k++) {
    const t = tokens[k];
    if (t.type !== 'word' || CHANGES_TIME.has(t.value)) return null;
    if (k > 0 && TIME_PREPOSITIONS.has(t.value)) return readTokens(tokens.slice(k), key, text, planYear);
  }
  return null;
}

/** "Tháng 12 hằng năm", "Hằng năm, trước ngày 15/12": this year's time of a yearly task. */
function readYearly(key: string, text: string, planYear: number): CompletionTime | null {
  YEARLY.lastIndex = 0;
  if (!YEARLY.test(key)) return null;
  const tokens = tokenize(key.replace(YEARLY, (m) => ' '.repeat(m.length)));
  const scan = scanItems(tokens);
  if (scan.items.length === 0 || scan.stop < tokens.length || scan.from) return null;
  const reading = readScan(scan, text, planYear);
  return reading.kind === 'unreadable' ? null : reading;
}

function readText(text: string, planYear: number): CompletionTime {
  // Every replacement keeps the length, so that a position in the key is one in the text.
  let key = removeDiacritics(text)
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(PARENTHESISED, (m) => ' '.repeat(m.length))
    .replace(LEADING_FILLER, (m) => ' '.repeat(m.length));
  for (const [pattern, replacement] of PHRASES)
    key = key.replace(pattern, (m) => replacement.padEnd(m.length, ' ').slice(0, m.length));
  if (key.length !== text.length) key = key.padEnd(text.length, ' ').slice(0, text.length);
  const trimmed = key.trim();

  const yearly = readYearly(key, text, planYear);
  if (yearly !== null) return yearly;
  const atStart = phraseAtStart(trimmed);
  if (atStart !== null) return result(atStart, null, text, phraseYearProblems(trimmed, planYear));

  const tokens = tokenize(key);
  const reading = readTokens(tokens, key, text, planYear) ?? readAfterLead(tokens, key, text, planYear);
  if (reading !== null) return reading;
  const anywhere = phraseAnywhere(trimmed);
  if (anywhere !== null) return result(anywhere, null, text, phraseYearProblems(trimmed, planYear));
  return unreadable(text);
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
    'Sau khi có văn bản hướng dẫn',
  ];
}

function quoted(forms: readonly string[]): string {
  return forms.map((f) => `"${f}"`).join(', ');
}

/** "hạn 31/03/2026", or what a reading without a due date means. */
function readingText(r: Pick<CompletionTime, 'kind' | 'due' | 'from'>): string {
  if (r.due !== null) return `hạn ${formatDate(r.due)}`;
  if (r.from !== undefined) return `thực hiện từ ${formatDate(r.from)}, không có hạn`;
  return 'không có hạn cụ thể';
}

/** The part of the text before the note: what was read as the deadline. */
function deadlinePart(r: Pick<CompletionTime, 'text' | 'note'>): string {
  const note = r.note ?? '';
  const at = note === '' ? -1 : r.text.lastIndexOf(note);
  return (at > 0 ? r.text.slice(0, at) : r.text).replace(/[\s,.;:+&-]+$/, '').replace(/\s+và$/i, '');
}

/**
 * A Vietnamese message for a problem code, to show next to the cell. With the `reading`, the
 * message says what was read and how (the note kept, the date chosen).
 */
export function completionTimeMessage(
  code: CompletionTimeProblem,
  planYear?: number,
  reading?: Pick<CompletionTime, 'kind' | 'due' | 'text' | 'note' | 'from'>,
): string {
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
    case 'spans-past-plan-year': {
      const span = reading?.from && reading.due ? ` (${reading.from.y}–${reading.due.y})` : '';
      return `Thời gian là giai đoạn nhiều năm${span}, kéo dài quá ${planYearText}: đã đọc là nhiệm vụ thực hiện trong cả giai đoạn, hạn là ngày cuối giai đoạn${reading?.due ? ` (${formatDate(reading.due)})` : ''}. Với kế hoạch năm, việc này bình thường cho một số nhiệm vụ; nếu trong năm kế hoạch có phần việc phải xong, ghi thêm thời hạn của năm đó (ví dụ "Quý IV${planYear === undefined ? '' : `/${planYear}`}") ở cột Ghi chú.`;
    }
    case 'follow-up-note':
    case 'other-time-in-note': {
      const first = reading ? `"${deadlinePart(reading)}" (${readingText(reading)})` : 'phần thời gian đầu';
      const note = reading?.note ? `"${reading.note}"` : 'phần sau';
      const base = `Đã lấy ${first} làm thời hạn; ${note} được giữ làm ghi chú, không tính là thời hạn.`;
      return code === 'follow-up-note'
        ? `${base} Nếu đúng, nên chuyển phần ghi chú sang cột Ghi chú.`
        : `${base} Phần ghi chú có mốc thời gian khác: nếu thời hạn hoàn thành là mốc đó, hãy chỉ ghi mốc đó ở ô này và chuyển phần còn lại sang cột Ghi chú.`;
    }
    case 'before-year': {
      const y = reading?.due ? reading.due.y : null;
      return y === null
        ? '"Trước năm X" được hiểu là hạn 31/12 của năm X−1. Nếu ý là trong năm X, hãy ghi "Trong năm X".'
        : `"Trước năm ${y + 1}" được hiểu là hạn 31/12/${y} (xong trước khi năm ${y + 1} bắt đầu). Nếu ý là trong năm ${y + 1}, hãy ghi "Trong năm ${y + 1}"; nếu đúng là năm ${y}, nên ghi rõ "Trong năm ${y}".`;
    }
    case 'legacy-encoding':
      return 'Nội dung được gõ bằng bảng mã cũ (TCVN3 hoặc VNI) và đã được đọc sau khi chuyển sang Unicode. Hãy gõ lại bằng Unicode.';
  }
}
