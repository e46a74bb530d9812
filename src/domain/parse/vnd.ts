/**
 * Amounts of money in đồng, written the Vietnamese way: "." between thousands, "," before
 * decimals ("50.000.000", "1,2 tỷ"). Pure code: Intl's vi-VN data is unreliable in Apps Script.
 */

/** "50.000.000" for 50000000; rounded to the nearest đồng; "" for NaN or ±Infinity. */
export function formatVnd(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Math.round(Math.abs(n));
  const sign = n < 0 && rounded !== 0 ? '-' : '';
  const digits = String(rounded);
  if (/e/i.test(digits)) return sign + digits; // ≥ 1e21: JavaScript has no plain digits to group
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const group = digits.slice(Math.max(0, end - 3), end);
    grouped = grouped === '' ? group : `${group}.${grouped}`;
  }
  return sign + grouped;
}

/** The reading of a written number, before any unit ("triệu", "tỷ") is applied. */
export interface WrittenNumber {
  /** Digits before the decimal separator, without thousands separators. */
  readonly whole: string;
  /** Digits after the decimal separator ('' if none). */
  readonly fraction: string;
  /** True when thousands separators were used ("50.000.000", "50,000,000", "50 000 000"). */
  readonly grouped: boolean;
  /**
   * True for a single comma followed by exactly three digits ("1,500"): thousands in English,
   * 1.5 in Vietnamese. The caller decides, knowing whether a unit follows.
   */
  readonly commaThousandsOrDecimal: boolean;
}

/** "50.000.000" with separator "." → "50000000" if every group after the first has 3 digits. */
function joinGroups(s: string, separator: string): string | null {
  const groups = s.split(separator);
  if (groups[0].length < 1 || groups[0].length > 3) return null;
  for (let i = 1; i < groups.length; i++) if (groups[i].length !== 3) return null;
  return groups.join('');
}

function reading(whole: string | null, fraction: string, grouped: boolean): WrittenNumber | null {
  if (whole === null || !/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  return { whole, fraction, grouped, commaThousandsOrDecimal: false };
}

/** Marks a space that separates groups of three digits ("50 000 000"). */
const GROUP_SPACE = / (?=\d{3}(?!\d))/g;

/**
 * Reads a run of digits with "." "," or single spaces as separators. Vietnamese first:
 * "." thousands and "," decimals; "50,000,000" (several commas), "50.000.000,00",
 * "50,000,000.5" and "50.5" (one dot, not three digits after it) are tolerated.
 * Returns null for malformed runs ("50.00.000", "1.2.3,4,5").
 */
export function readWrittenNumber(run: string): WrittenNumber | null {
  const s = run.replace(GROUP_SPACE, '_');
  if (s.includes(' ')) return null;
  const hasDot = s.includes('.');
  const hasComma = s.includes(',');

  if (s.includes('_')) {
    if (hasDot && hasComma) return null;
    const [whole, fraction = ''] = hasDot || hasComma ? s.split(hasComma ? ',' : '.') : [s];
    return reading(joinGroups(whole, '_'), fraction, true);
  }
  if (hasDot && hasComma) {
    // The separator that comes last is the decimal one: "50.000.000,5" or "50,000,000.5".
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const at = s.lastIndexOf(decimal);
    if (s.indexOf(decimal) !== at) return null;
    return reading(joinGroups(s.slice(0, at), decimal === ',' ? '.' : ','), s.slice(at + 1), true);
  }
  if (hasDot || hasComma) {
    const separator = hasDot ? '.' : ',';
    const parts = s.split(separator);
    if (parts.length > 2) return reading(joinGroups(s, separator), '', true);
    const [whole, after] = parts;
    const looksLikeThousands = after.length === 3 && whole.length <= 3 && whole !== '0';
    if (!looksLikeThousands) return reading(whole, after, false);
    const asThousands = reading(whole + after, '', true);
    if (asThousands === null || separator === '.') return asThousands;
    return { ...asThousands, commaThousandsOrDecimal: true };
  }
  return reading(s, '', false);
}
