import { BudgetKind } from '../parse/budget';
import { FUNDING_SOURCES, fundingSourceLabel, FundingSource } from '../parse/funding-source';
import { TaskColumn } from '../plan/columns';
import { REFORM_AREAS } from '../plan/areas';
import { SpecValue } from '../sheet-spec';
import { BudgetInput } from './budget-totals';
import { BUDGET_KIND_LABELS } from './labels';
import { AMOUNT_HEADER, consolidatedFormat } from './master-sheets';

/**
 * A unit whose file could not be read this time keeps its rows of the last consolidation in
 * "Tổng hợp" (never the emptiness of an unreadable file), marked in "Kiểm tra" with when they
 * were read, and they still count in the budget totals.
 */
export const CARRIED_MARK = 'Dữ liệu lần đọc trước';

export function carriedMark(readAt: string): string {
  return `${CARRIED_MARK} (${readAt})`;
}

function header(columns: readonly TaskColumn[]): string[] {
  return consolidatedFormat(columns, 0).values[0].map(String);
}

/** The unit's rows of a "Tổng hợp" sheet (code in the second column). */
export function rowsOfUnit(sheet: readonly (readonly SpecValue[])[], code: string): SpecValue[][] {
  return sheet.filter((r) => String(r[1]) === code).map((r) => [...r]);
}

/**
 * A row kept: numbered `n`, its check column saying it is old data (a row kept twice keeps the
 * time it was really read).
 */
export function carryRow(
  row: readonly SpecValue[],
  n: number,
  mark: string,
  columns: readonly TaskColumn[],
): SpecValue[] {
  const check = header(columns).indexOf('Kiểm tra');
  const out = [...row];
  out[0] = n;
  if (!String(out[check]).startsWith(CARRIED_MARK)) out[check] = mark;
  return out;
}

/** The kept rows as the budget totals need them, read back from their columns. */
export function budgetOfRows(
  rows: readonly (readonly SpecValue[])[],
  columns: readonly TaskColumn[],
): BudgetInput[] {
  const h = header(columns);
  const at = (name: string) => h.indexOf(name);
  const kinds = Object.keys(BUDGET_KIND_LABELS) as BudgetKind[];
  const sources: FundingSource[] = [...FUNDING_SOURCES];
  return rows.flatMap((r) => {
    const area = REFORM_AREAS.find((a) => a.roman === String(r[at('Mục')]));
    if (!area) return [];
    const kind = kinds.find((k) => BUDGET_KIND_LABELS[k] === String(r[at('Loại kinh phí')])) ?? 'empty';
    const amountCell = r[at(AMOUNT_HEADER)];
    const amount = amountCell === '' || amountCell === null ? null : Number(amountCell);
    const sourceText = String(r[at('Nguồn (chuẩn hóa)')]);
    const source = sources.find((s) => fundingSourceLabel(s) === sourceText) ?? 'empty';
    return [{ area, budget: { kind, amount: Number.isFinite(amount) ? amount : null }, source }];
  });
}
