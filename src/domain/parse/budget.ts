/**
 * Reading the "Kinh phí" (budget) cell of a plan's task table.
 *
 * The letter asks for an amount in đồng, or "Kinh phí thường xuyên" when the task is paid from the
 * recurrent budget. People also write millions and billions ("50 triệu", "50tr", "1,2 tỷ",
 * "1 tỷ 200 triệu"), "Lồng ghép" (paid inside another programme), "Không", or nothing.
 *
 * Readings chosen where the text is ambiguous:
 * - Numbers are Vietnamese first: "." thousands, "," decimals ("50.000.000", "50,5 triệu").
 *   "50,000,000" (several commas) is read as thousands; a single comma before three digits is
 *   thousands for a plain amount ("50,000" đồng — 50 đồng and a fraction makes no sense) but
 *   ambiguous before a unit ("1,500 triệu": 1,5 or 1.500 triệu?) → unreadable.
 * - "1 tỷ 2" / "1 tỷ 200" (spoken style, the unit of the last part left out) → unreadable
 *   ('ambiguous-number'), "1 tỷ 200 triệu" is read.
 * - A negative amount is an error ('negative'), not a warning: a plan cannot budget −50 triệu.
 * - An amount with a hedge ("khoảng 50 triệu", "tối đa 50 triệu", "~50tr") is read, with the
 *   warning 'approximate' (the letter asks for a stated amount). "Dự kiến" is not a hedge:
 *   the plan's budget is by nature "dự kiến".
 * - Other words mixed with an amount ("50 triệu cho hội nghị") → unreadable: we cannot tell what
 *   they change. Text in parentheses is ignored with the warning 'extra-text'
 *   ("50.000.000 (năm mươi triệu đồng)").
 * - "Kinh phí thường xuyên" / "Lồng ghép …" may come with an amount ("KP thường xuyên
 *   50.000.000"); the amount is kept when it is unmistakably money (a unit, "đ", or thousands
 *   separators), so that "Chương trình 135" or "giai đoạn 2021-2025" are not read as amounts.
 * - 'none' ("Không", "0", "-") has amount 0; 'recurrent'/'integrated' without a stated amount,
 *   'empty' and 'unreadable' have amount null.
 * - A plain amount under 10.000 đồng is kept with the warning 'suspiciously-small': most likely
 *   written in millions ("50" for 50 triệu).
 * - A funding source written instead of an amount ("Vốn đầu tư công", "Ngân sách trung ương hỗ
 *   trợ", "Nguồn sự nghiệp khoa học", "Vốn ODA") is read as that source with no amount: kind
 *   'source-only', `sources` its categories, the warning 'source-in-amount' (real tables often
 *   have only the source; the budget totals leave such tasks out and count them). A source with an
 *   unmistakable amount ("NS tỉnh: 50.000.000") is read as the amount, with 'source-with-amount'.
 *   "Chi thường xuyên của cơ quan", "Nguồn chi thường xuyên hoặc nguồn vốn hợp pháp khác (nếu có)"
 *   are the recurrent budget ('recurrent'), as "Kinh phí thường xuyên".
 */
import { detectLegacyEncoding } from '../text/legacy-encoding';
import { normalizeText, removeDiacritics } from '../text/normalize';
import { FundingSource, fundingPhraseSources, fundingSourceLabel } from './funding-source';
import { formatVnd, readWrittenNumber, WrittenNumber } from './vnd';

export { formatVnd } from './vnd';
export { parseFundingSource, fundingSourcesMentioned, FUNDING_SOURCES } from './funding-source';
export type { FundingSource } from './funding-source';

export type BudgetKind =
  /** An amount in đồng. */
  | 'amount'
  /** "Kinh phí thường xuyên": the unit's recurrent budget (amount if one is stated). */
  | 'recurrent'
  /** "Lồng ghép …": inside another programme's budget (amount if one is stated). */
  | 'integrated'
  /** "Không", "0", "-": no money needed; amount 0. */
  | 'none'
  /** "Vốn đầu tư công", "Vốn ODA": a funding source and no amount; see `sources`. */
  | 'source-only'
  /** Nothing written. */
  | 'empty'
  /** Not understood; see problems. */
  | 'unreadable';

export type BudgetProblem =
  /** Not an amount or one of the accepted words. (error) */
  | 'unreadable'
  /** A negative amount. (error) */
  | 'negative'
  /** "1,500 triệu", "1 tỷ 2": could mean two different amounts. (error) */
  | 'ambiguous-number'
  /** More than 9 triệu tỷ đồng: beyond exact arithmetic, surely a typing error. (error) */
  | 'too-large'
  /** The cell names a funding source ("Vốn đầu tư công") instead of an amount. (warning) */
  | 'source-in-amount'
  /** The cell names a funding source beside the amount ("NS tỉnh: 50.000.000"). (warning) */
  | 'source-with-amount'
  /** "khoảng", "tối đa", "~": the amount was read but is not exact. (warning) */
  | 'approximate'
  /** Text in parentheses was ignored. (warning) */
  | 'extra-text'
  /** Fractions of a đồng were rounded. (warning) */
  | 'rounded'
  /** Under 10.000 đồng: probably written in millions. (warning) */
  | 'suspiciously-small'
  /** Typed in a legacy encoding (TCVN3/VNI); read from the converted text. (warning) */
  | 'legacy-encoding';

export interface Budget {
  readonly kind: BudgetKind;
  /** Whole đồng; 0 for 'none'; null when no amount is stated or readable. */
  readonly amount: number | null;
  /** What the cell says, normalised. */
  readonly text: string;
  readonly problems: readonly BudgetProblem[];
  /** The funding sources the cell names (kinds 'source-only', and 'amount' with a source). */
  readonly sources?: readonly FundingSource[];
}

/** Below this a plain amount is more likely millions written as đồng. */
export const SUSPICIOUSLY_SMALL_DONG = 10_000;

const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['ty', 1e9],
  ['ti', 1e9],
  ['trieu', 1e6],
  ['tr', 1e6],
  ['trd', 1e6], // "trđ" = triệu đồng
  ['nghin', 1e3],
  ['ngan', 1e3],
  ['k', 1e3],
]);
const CURRENCY_WORDS = new Set(['d', 'dong', 'vnd']);
/** Phrases that may surround an amount without changing it ("Tổng kinh phí dự kiến: …"). */
const FILLER_PHRASES = /\b(?:tong cong|tong|kinh phi|kp|du kien|so tien|gia tri|la)\b/g;
/** Hedges ("khoảng", "ước tính", "tối đa", "không quá", "trên"): read, with a warning. */
const APPROXIMATE_PHRASES =
  /\b(?:khoang|uoc tinh|uoc|tam|gan|xap xi|toi da|khong qua|chung|hon|tren|duoi)\b/g;
/** Words that, with "không", say no money is needed ("Không phát sinh kinh phí"). */
const NONE_WORDS = new Set([
  'khong',
  'co',
  'phat',
  'sinh',
  'su',
  'dung',
  'can',
  'yeu',
  'cau',
  'kinh',
  'phi',
  'kp',
]);

const RECURRENT = /thuong xuyen|\bkp ?tx\b/;
const INTEGRATED = /long ghep/;
const PARENTHESISED = /\([^()]*\)/g;
/** Years in a phrase ("giai đoạn 2026 - 2030"): not amounts. */
const YEARS = /\b(?:19|20|21)\d{2}\b/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const TOKEN = /(\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*)|([a-z]+)|(\s+)|([~\u2248])|(.)/g;

type Token =
  | { readonly type: 'number'; readonly run: string }
  | { readonly type: 'word'; readonly value: string }
  | { readonly type: 'approx' }
  | { readonly type: 'symbol'; readonly value: string };

function tokenize(key: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(key); m !== null; m = TOKEN.exec(key)) {
    if (m[1] !== undefined) tokens.push({ type: 'number', run: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: 'word', value: m[2] });
    else if (m[4] !== undefined) tokens.push({ type: 'approx' });
    else if (m[5] !== undefined) tokens.push({ type: 'symbol', value: m[5] });
  }
  return tokens;
}

interface Segment {
  readonly number: WrittenNumber | null;
  readonly multiplier: number | null;
  readonly currency: boolean;
}

/** "50 triệu", "1 tỷ 200 triệu đồng", "50.000.000 đ": consecutive number + unit segments. */
interface AmountExpression {
  readonly segments: readonly Segment[];
  /** First token after the expression. */
  readonly next: number;
}

function readExpression(tokens: readonly Token[], start: number): AmountExpression {
  const segments: Segment[] = [];
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type !== 'number') break;
    i++;
    let multiplier: number | null = null;
    let currency = false;
    const unit = tokens[i];
    if (unit !== undefined && unit.type === 'word' && MULTIPLIERS.has(unit.value)) {
      multiplier = MULTIPLIERS.get(unit.value) ?? null;
      currency = unit.value === 'trd';
      i++;
    }
    const dot = tokens[i];
    const afterDot = dot !== undefined && dot.type === 'symbol' && dot.value === '.' ? tokens[i + 1] : dot;
    if (afterDot !== undefined && afterDot.type === 'word' && CURRENCY_WORDS.has(afterDot.value)) {
      currency = true;
      i += afterDot === dot ? 1 : 2;
    }
    segments.push({ number: readWrittenNumber(t.run), multiplier, currency });
  }
  return { segments, next: i };
}

type Amount = { readonly amount: number; readonly rounded: boolean } | { readonly error: BudgetProblem };

const POWERS: ReadonlyMap<number, number> = new Map([
  [1, 0],
  [1e3, 3],
  [1e6, 6],
  [1e9, 9],
]);

/** whole,fraction × 10^exponent, exactly when the fraction fits, else rounded. */
function scale(n: WrittenNumber, exponent: number): { value: number; rounded: boolean } {
  const fraction = n.fraction.replace(/0+$/, '');
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const rest = fraction.slice(exponent);
  const whole = Number(n.whole + kept);
  if (rest === '') return { value: whole, rounded: false };
  return { value: whole + Math.round(Number(`0.${rest}`)), rounded: true };
}

/** The amount in đồng of an expression, or why it cannot be read. */
function evaluate(expression: AmountExpression): Amount {
  const { segments } = expression;
  if (segments.some((s) => s.number === null)) return { error: 'unreadable' };
  if (segments.length === 1) {
    const [only] = segments;
    const n = only.number as WrittenNumber;
    if (n.commaThousandsOrDecimal && only.multiplier !== null) return { error: 'ambiguous-number' };
    const { value, rounded } = scale(n, POWERS.get(only.multiplier ?? 1) ?? 0);
    return value > Number.MAX_SAFE_INTEGER ? { error: 'too-large' } : { amount: value, rounded };
  }
  // "1 tỷ 200 triệu 500 nghìn": units strictly decreasing, each part below 1000 of its unit.
  let total = 0;
  let previous = Infinity;
  for (const [index, segment] of segments.entries()) {
    const n = segment.number as WrittenNumber;
    if (segment.multiplier === null) return { error: 'ambiguous-number' }; // "1 tỷ 2"
    if (segment.multiplier >= previous || n.fraction !== '' || n.commaThousandsOrDecimal)
      return { error: 'unreadable' };
    if (index > 0 && Number(n.whole) >= 1000) return { error: 'unreadable' };
    total += Number(n.whole) * segment.multiplier;
    previous = segment.multiplier;
  }
  return total > Number.MAX_SAFE_INTEGER ? { error: 'too-large' } : { amount: total, rounded: false };
}

/** Money beyond doubt: a unit, "đ", or thousands separators — not "135" or "2021". */
function isUnmistakablyMoney(expression: AmountExpression): boolean {
  return expression.segments.some((s) => s.multiplier !== null || s.currency || s.number?.grouped === true);
}

function budget(
  kind: BudgetKind,
  amount: number | null,
  text: string,
  problems: readonly BudgetProblem[] = [],
): Budget {
  return { kind, amount, text, problems };
}

function warningsFor(amount: number, rounded: boolean, problems: BudgetProblem[]): BudgetProblem[] {
  if (rounded) problems.push('rounded');
  if (amount > 0 && amount < SUSPICIOUSLY_SMALL_DONG) problems.push('suspiciously-small');
  return problems;
}

/** "Kinh phí thường xuyên", "Lồng ghép …", with the amount if one is unmistakably stated. */
function readRecurrentOrIntegrated(
  kind: 'recurrent' | 'integrated',
  tokens: readonly Token[],
  text: string,
): Budget {
  const amounts: Amount[] = [];
  for (let i = 0; i < tokens.length;) {
    if (tokens[i].type !== 'number') {
      i++;
      continue;
    }
    const expression = readExpression(tokens, i);
    if (isUnmistakablyMoney(expression)) amounts.push(evaluate(expression));
    i = expression.next;
  }
  const only = amounts.length === 1 ? amounts[0] : null;
  if (only === null || 'error' in only) return budget(kind, null, text);
  return budget(kind, only.amount, text, only.rounded ? ['rounded'] : []);
}

function isNone(tokens: readonly Token[]): boolean {
  if (tokens.length === 0) return false;
  const allDashes = tokens.every((t) => t.type === 'symbol' && t.value === '-');
  const onlyK = tokens.length === 1 && tokens[0].type === 'word' && tokens[0].value === 'k';
  const saysNo =
    tokens.some((t) => t.type === 'word' && t.value === 'khong') &&
    tokens.every(
      (t) => (t.type === 'word' && NONE_WORDS.has(t.value)) || (t.type === 'symbol' && t.value === ':'),
    );
  return allDashes || onlyK || saysNo;
}

function readText(text: string): Budget {
  const fullKey = removeDiacritics(text).toLowerCase().replace(DASHES, '-');
  const recurrentAt = fullKey.search(RECURRENT);
  const integratedAt = fullKey.search(INTEGRATED);
  if (recurrentAt >= 0 || integratedAt >= 0) {
    const kind =
      integratedAt >= 0 && (recurrentAt < 0 || integratedAt < recurrentAt) ? 'integrated' : 'recurrent';
    return readRecurrentOrIntegrated(kind, tokenize(fullKey), text);
  }

  const withoutNotes = fullKey.replace(PARENTHESISED, ' ');
  const problems: BudgetProblem[] = withoutNotes === fullKey ? [] : ['extra-text'];
  if (isNone(tokenize(withoutNotes))) return budget('none', 0, text);
  // "Vốn đầu tư công trung hạn giai đoạn 2026 - 2030": a source, its only numbers years.
  if (!/\d/.test(withoutNotes.replace(YEARS, ' '))) {
    const sources = fundingPhraseSources(text);
    if (sources !== null)
      return { kind: 'source-only', amount: null, text, problems: ['source-in-amount'], sources };
  }
  const tokens = tokenize(withoutNotes.replace(APPROXIMATE_PHRASES, ' ~ ').replace(FILLER_PHRASES, ' '));

  let expression: AmountExpression | null = null;
  let negative = false;
  let unknown = false;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (t.type === 'number') {
      if (expression !== null) return budget('unreadable', null, text, ['unreadable']); // two amounts
      expression = readExpression(tokens, i);
      i = expression.next;
      continue;
    }
    if (t.type === 'approx') {
      if (!problems.includes('approximate')) problems.push('approximate');
    } else if (t.type === 'symbol' && t.value === '-' && expression === null) {
      negative = true;
    } else if (t.type === 'word' && CURRENCY_WORDS.has(t.value)) {
      // "VNĐ 50.000.000"
    } else if (!(
      t.type === 'symbol' &&
      (t.value === ':' || t.value === '=' || t.value === '.' || t.value === ',')
    )) {
      unknown = true;
    }
    i++;
  }
  if (unknown || expression === null) {
    const sources = fundingPhraseSources(text);
    if (sources !== null && expression === null && !negative)
      return { kind: 'source-only', amount: null, text, problems: ['source-in-amount'], sources };
    if (sources !== null && expression !== null && !negative && isUnmistakablyMoney(expression)) {
      const value = evaluate(expression);
      if (!('error' in value) && value.amount > 0) {
        const warnings = warningsFor(value.amount, value.rounded, [...problems, 'source-with-amount']);
        return { kind: 'amount', amount: value.amount, text, problems: warnings, sources };
      }
    }
    return budget('unreadable', null, text, ['unreadable']);
  }
  const value = evaluate(expression);
  if ('error' in value) return budget('unreadable', null, text, [value.error]);
  if (negative && value.amount !== 0) return budget('unreadable', null, text, ['negative']);
  if (value.amount === 0)
    return budget('none', 0, text, problems.includes('extra-text') ? ['extra-text'] : []);
  return budget('amount', value.amount, text, warningsFor(value.amount, value.rounded, problems));
}

function readNumber(n: number): Budget {
  const text = Number.isFinite(n) ? formatVnd(n) : String(n);
  if (!Number.isFinite(n)) return budget('unreadable', null, text, ['unreadable']);
  if (n < 0) return budget('unreadable', null, text, ['negative']);
  if (n > Number.MAX_SAFE_INTEGER) return budget('unreadable', null, text, ['too-large']);
  const amount = Math.round(n);
  if (amount === 0) return budget('none', 0, text, n === 0 ? [] : ['rounded']);
  return budget('amount', amount, text, warningsFor(amount, amount !== n, []));
}

/**
 * Reads a budget cell: a number (already đồng), a string, '' or null. Never throws.
 * `amount` is whole đồng: the amount for 'amount', 0 for 'none', a stated amount (or null) for
 * 'recurrent'/'integrated', null otherwise.
 */
export function parseBudget(raw: unknown): Budget {
  if (raw === null || raw === undefined) return budget('empty', null, '');
  if (typeof raw === 'number') return readNumber(raw);
  if (typeof raw !== 'string') return budget('unreadable', null, String(raw), ['unreadable']);
  const text = normalizeText(raw);
  if (text === '') return budget('empty', null, '');
  const reading = readText(text);
  if (reading.kind !== 'unreadable') return reading;
  const legacy = detectLegacyEncoding(text);
  if (legacy === null) return reading;
  const converted = readText(normalizeText(legacy.suggestion));
  if (converted.kind === 'unreadable') return reading;
  return { ...converted, text, problems: [...converted.problems, 'legacy-encoding'] };
}

const ACCEPTED_FORMS = '"50.000.000", "50 triệu", "1,2 tỷ", "Kinh phí thường xuyên", "Lồng ghép", "Không"';

/** "Vốn đầu tư công", "Khác" …: the categories read, for messages. */
function sourcesText(sources: readonly FundingSource[] | undefined): string {
  return (sources ?? []).map((s) => `"${fundingSourceLabel(s)}"`).join(', ');
}

/**
 * A Vietnamese message for a problem code, to show next to the cell. With the `reading`, the
 * message says what was read (the source, the amount).
 */
export function budgetMessage(
  code: BudgetProblem,
  reading?: Pick<Budget, 'amount' | 'text' | 'sources'>,
): string {
  switch (code) {
    case 'unreadable':
      return (
        'Không hiểu kinh phí. Ghi số tiền bằng đồng (dấu chấm phân cách hàng nghìn, ví dụ 50.000.000) ' +
        `hoặc một trong các dạng: ${ACCEPTED_FORMS}.`
      );
    case 'negative':
      return 'Kinh phí không thể là số âm.';
    case 'ambiguous-number':
      return (
        'Số tiền có thể hiểu theo hai cách. Dùng dấu chấm phân cách hàng nghìn và dấu phẩy cho phần thập phân ' +
        '(ví dụ "1.500 triệu" hoặc "1,5 tỷ"), và ghi đủ đơn vị ("1 tỷ 200 triệu").'
      );
    case 'too-large':
      return 'Số tiền quá lớn, có thể đã gõ thừa chữ số. Hãy kiểm tra lại.';
    case 'source-in-amount':
      return reading?.sources
        ? `Ô Kinh phí ghi nguồn kinh phí "${reading.text}", không có số tiền: đã đọc là nguồn ${sourcesText(reading.sources)}, chưa có số tiền (không tính vào tổng kinh phí). Ghi số tiền (đồng) vào ô này và nguồn vào cột Nguồn kinh phí; nếu dùng kinh phí thường xuyên, ghi "Kinh phí thường xuyên".`
        : 'Ô Kinh phí đang ghi nguồn kinh phí, không có số tiền. Ghi số tiền (đồng) vào ô này và nguồn vào cột Nguồn kinh phí.';
    case 'source-with-amount':
      return `Ô Kinh phí ghi cả nguồn và số tiền: đã đọc số tiền ${typeof reading?.amount === 'number' ? `${formatVnd(reading.amount)} đồng` : 'ghi trong ô'}${reading?.sources ? `, nguồn ${sourcesText(reading.sources)}` : ''}. Nên chỉ ghi số tiền ở ô này và ghi nguồn ở cột Nguồn kinh phí.`;
    case 'approximate':
      return 'Kinh phí đang ghi ước chừng ("khoảng", "tối đa"…). Đã lấy số tiền ghi trong ô; nên ghi rõ số tiền.';
    case 'extra-text':
      return 'Phần ghi trong ngoặc không được tính vào số tiền.';
    case 'rounded':
      return 'Số tiền có phần lẻ dưới 1 đồng và đã được làm tròn.';
    case 'suspiciously-small':
      return `Số tiền nhỏ bất thường (dưới ${formatVnd(SUSPICIOUSLY_SMALL_DONG)} đồng). Kinh phí ghi bằng đồng: 50 triệu ghi là 50.000.000 hoặc "50 triệu".`;
    case 'legacy-encoding':
      return 'Nội dung được gõ bằng bảng mã cũ (TCVN3 hoặc VNI) và đã được đọc sau khi chuyển sang Unicode. Hãy gõ lại bằng Unicode.';
  }
}
