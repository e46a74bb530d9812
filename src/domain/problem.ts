import { CellValue } from './cell';
import { formatDateVn } from './dates';

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

/** "Đơn vị X, trang Nhiệm vụ, ô G12 (Kinh phí): …" — one line for alerts and logs. */
export function describeProblem(p: Problem): string {
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
