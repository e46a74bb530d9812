import { CellValue } from './cell';
import { formatDateVn } from './dates';
import { formatVnd } from './parse/vnd';

/**
 * A problem found in what a person typed, pointed back at the cell. Every message is Vietnamese
 * and says what is wrong and what is accepted.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  /** Unit code and name when the problem is in a unit's file. */
  readonly unit?: { readonly code: string; readonly name: string };
  readonly sheet: string;
  /** A1 notation of the cell ("G12"); empty when the problem is about a whole sheet or file. */
  readonly cell: string;
  /** The field or column name the cell belongs to. */
  readonly field: string;
  /** The value as typed (text), for the person to recognise it. */
  readonly value: string;
  readonly message: string;
}

/**
 * A problem row must fit a cell (Sheets refuses more than 50,000 characters) and be readable: a
 * value quoted in a message, and the value column, keep their start; the message as a whole is
 * capped as a last guard. One unit's enormous cell must never stop a whole run.
 */
export const MAX_QUOTED_CHARS = 300;
export const MAX_MESSAGE_CHARS = 2_000;

/** `text` cut to `max` characters with a note of its full length ("… (dài 50.000 ký tự)"). */
export function quoteText(text: string, max = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  // Never split a surrogate pair: half a character would show as garbage.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}… (dài ${formatVnd(text.length)} ký tự)`;
}

/** The problem with its value and message capped, ready to be written into a cell. */
export function cappedProblem(p: Problem): Problem {
  if (p.value.length <= MAX_QUOTED_CHARS && p.message.length <= MAX_MESSAGE_CHARS) return p;
  return { ...p, value: quoteText(p.value), message: quoteText(p.message, MAX_MESSAGE_CHARS) };
}

/** "Đơn vị X, trang Nhiệm vụ, ô G12 (Kinh phí): …" — one line for alerts and logs. */
export function describeProblem(problem: Problem): string {
  const p = cappedProblem(problem);
  const where = [
    p.unit ? `Đơn vị ${p.unit.name}` : '',
    `trang "${p.sheet}"`,
    p.cell ? `ô ${p.cell}` : '',
  ].filter(Boolean);
  const field = p.field ? ` (${p.field})` : '';
  return `${where.join(', ')}${field}: ${p.message}`;
}

/** Text shown for a cell value in a message (dates as dd/MM/yyyy, nothing as empty). */
export function valueText(value: CellValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return formatDateVn(value);
  return String(value);
}
