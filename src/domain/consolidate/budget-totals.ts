import { FUNDING_SOURCES, FundingSource } from '../parse/funding-source';
import { REFORM_AREAS, ReformArea } from '../plan/areas';
import { TaskRow } from './task-row';

export interface AreaTotal {
  readonly area: ReformArea;
  readonly tasks: number;
  /** Sum of the stated amounts, in đồng. */
  readonly amount: number;
  /** Tasks paid from the recurrent budget ("Kinh phí thường xuyên"). */
  readonly recurrentTasks: number;
}

export interface SourceTotal {
  readonly source: FundingSource;
  readonly amount: number;
  readonly tasks: number;
}

export interface BudgetSummary {
  readonly total: number;
  readonly byArea: readonly AreaTotal[];
  /** Every source with money or tasks, in the dropdown's order; 'empty' last when present. */
  readonly bySource: readonly SourceTotal[];
  readonly recurrentTasks: number;
  readonly integratedTasks: number;
  /** Tasks whose budget cell names only a source ("Vốn đầu tư công"): no amount to add. */
  readonly sourceOnlyTasks: number;
  /** Tasks whose budget could not be read: the totals leave them out. */
  readonly unreadableTasks: number;
}

/** What the totals need of a task (rows kept from an earlier run are read back into this). */
export type BudgetInput = Pick<TaskRow, 'area' | 'source'> & {
  readonly budget: Pick<TaskRow['budget'], 'kind' | 'amount'>;
};

/** Section V of the plan ("Tổng kinh phí … trong đó …") from the task rows. */
export function summarizeBudget(rows: readonly BudgetInput[]): BudgetSummary {
  const amountOf = (r: BudgetInput) => r.budget.amount ?? 0;
  const byArea = REFORM_AREAS.map((area) => {
    const inArea = rows.filter((r) => r.area.number === area.number);
    return {
      area,
      tasks: inArea.length,
      amount: inArea.reduce((sum, r) => sum + amountOf(r), 0),
      recurrentTasks: inArea.filter((r) => r.budget.kind === 'recurrent').length,
    };
  });
  const sources: FundingSource[] = [...FUNDING_SOURCES, 'empty'];
  const bySource = sources
    .map((source) => {
      const withSource = rows.filter((r) => r.source === source && amountOf(r) > 0);
      return {
        source,
        amount: withSource.reduce((sum, r) => sum + amountOf(r), 0),
        tasks: withSource.length,
      };
    })
    .filter((s) => s.tasks > 0);
  return {
    total: byArea.reduce((sum, a) => sum + a.amount, 0),
    byArea,
    bySource,
    recurrentTasks: rows.filter((r) => r.budget.kind === 'recurrent').length,
    integratedTasks: rows.filter((r) => r.budget.kind === 'integrated').length,
    sourceOnlyTasks: rows.filter((r) => r.budget.kind === 'source-only').length,
    unreadableTasks: rows.filter((r) => r.budget.kind === 'unreadable').length,
  };
}

/** The summary without the areas' texts: small enough for a Properties value (9 KB). */
export interface CompactBudgetSummary {
  readonly total: number;
  readonly byArea: readonly {
    readonly number: number;
    readonly tasks: number;
    readonly amount: number;
    readonly recurrentTasks: number;
  }[];
  readonly bySource: readonly SourceTotal[];
  readonly recurrentTasks: number;
  readonly integratedTasks: number;
  /** Absent in a state saved before issue 15: read as 0. */
  readonly sourceOnlyTasks?: number;
  readonly unreadableTasks: number;
}

export function compactSummary(summary: BudgetSummary): CompactBudgetSummary {
  return {
    ...summary,
    byArea: summary.byArea.map(({ area, ...rest }) => ({ number: area.number, ...rest })),
  };
}

export function expandSummary(compact: CompactBudgetSummary): BudgetSummary {
  return {
    ...compact,
    sourceOnlyTasks: compact.sourceOnlyTasks ?? 0,
    byArea: compact.byArea.flatMap(({ number, ...rest }) => {
      const area = REFORM_AREAS.find((a) => a.number === number);
      return area ? [{ area, ...rest }] : [];
    }),
  };
}

/** The summary of no task at all (the start of a consolidation in steps). */
export function emptySummary(): CompactBudgetSummary {
  return compactSummary(summarizeBudget([]));
}

/** Two summaries of disjoint task sets, as one (steps add up to the whole). */
export function mergeSummaries(a: CompactBudgetSummary, b: CompactBudgetSummary): CompactBudgetSummary {
  const byArea = a.byArea.map((x) => {
    const y = b.byArea.find((z) => z.number === x.number);
    return y
      ? {
          number: x.number,
          tasks: x.tasks + y.tasks,
          amount: x.amount + y.amount,
          recurrentTasks: x.recurrentTasks + y.recurrentTasks,
        }
      : x;
  });
  const sources: FundingSource[] = [...FUNDING_SOURCES, 'empty'];
  const bySource = sources
    .map((source) => {
      const x = a.bySource.find((s) => s.source === source);
      const y = b.bySource.find((s) => s.source === source);
      return {
        source,
        amount: (x?.amount ?? 0) + (y?.amount ?? 0),
        tasks: (x?.tasks ?? 0) + (y?.tasks ?? 0),
      };
    })
    .filter((s) => s.tasks > 0);
  return {
    total: a.total + b.total,
    byArea,
    bySource,
    recurrentTasks: a.recurrentTasks + b.recurrentTasks,
    integratedTasks: a.integratedTasks + b.integratedTasks,
    sourceOnlyTasks: (a.sourceOnlyTasks ?? 0) + (b.sourceOnlyTasks ?? 0),
    unreadableTasks: a.unreadableTasks + b.unreadableTasks,
  };
}
