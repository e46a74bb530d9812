import { DateOnly } from '../dates';

/**
 * Nghị định 30/2020/NĐ-CP, Phụ lục I: how an administrative document is laid out. Sizes in points
 * (1 mm = 72/25.4 pt). One place for the numbers every generated document follows.
 */
export const MM = 72 / 25.4;

export const PAGE = {
  /** A4 portrait. */
  width: 210 * MM,
  height: 297 * MM,
  /** Top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm: the lower ends. */
  marginTop: 20 * MM,
  marginBottom: 20 * MM,
  marginLeft: 30 * MM,
  marginRight: 15 * MM,
} as const;

export const FONT_FAMILY = 'Times New Roman';

export const SIZE = {
  // 12 (the decree allows 12–13) keeps both header columns on their lines in A4's text width.
  authority: 12,
  nationalTitle: 12,
  motto: 14,
  number: 13,
  placeDate: 14,
  title: 14,
  subject: 14,
  body: 14,
  recipientsLabel: 12,
  recipients: 11,
  signer: 14,
  appendixLabel: 14,
  appendixTitle: 14,
  /** A nine-column table on a portrait page: 11 keeps words whole in the narrow columns. */
  table: 11,
} as const;

/** Body paragraphs: first-line indent 1–1.27 cm, at least 6 pt apart, line spacing 1–1.5. */
export const BODY = {
  firstLineIndent: 10 * MM,
  spacingAfter: 6,
  lineSpacing: 1.15,
} as const;

/**
 * "Vĩnh Linh, ngày 05 tháng 02 năm 2025": days below 10 and the months 1 and 2 take a leading
 * zero; other months do not ("tháng 3", not "tháng 03").
 */
export function officialDateLine(place: string, date: DateOnly | null, year: number): string {
  if (!date) return `${place}, ngày      tháng      năm ${year}`;
  const day = String(date.d).padStart(2, '0');
  const month = date.m <= 2 ? String(date.m).padStart(2, '0') : String(date.m);
  return `${place}, ngày ${day} tháng ${month} năm ${date.y}`;
}

/** "ngày 05 tháng 02 năm 2025" alone, for the appendix's "(Kèm theo …)" line. */
export function officialDate(date: DateOnly | null, year: number): string {
  return officialDateLine('', date, year).replace(/^, /, '');
}

/** "Số: 05/KH-UBND" — numbers below 10 take a leading zero; a blank number leaves room to fill in. */
export function documentNumber(number: string, symbol: string): string {
  const n = number.trim();
  if (n === '') return `Số:      /${symbol}`;
  return `Số: ${/^\d$/.test(n) ? `0${n}` : n}/${symbol}`;
}
