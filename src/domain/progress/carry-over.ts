import { isBlank } from '../cell';
import { CompletionTime } from '../parse/completion-time';
import { ReformArea } from '../plan/areas';
import { taskIds, wordingSimilarity } from './identity';
import { EMPTY_INPUT, PlanTask, ProgressRow, TaskOrigin, UnitInput } from './model';

/** A task of the submitted plan as consolidation read it (consolidate/task-row.ts has these). */
export interface PlanTaskSource {
  readonly area: ReformArea;
  readonly task: string;
  readonly result: string;
  readonly lead: string;
  readonly completion: CompletionTime;
}

export interface CarryOverInput {
  /** The unit's plan now, in its table's order. */
  readonly plan: readonly PlanTaskSource[];
  /**
   * The rows the unit already has: the previous period's (a new period) or this period's own
   * (the plan changed and the sheet is refreshed). Empty for the year's first period.
   */
  readonly previous: readonly ProgressRow[];
  /**
   * Ids of the plan as submitted in the plan round (the baseline), when kept. Without it, a task
   * is 'added' when earlier rows exist and do not have it, and 'plan' in the year's first period.
   */
  readonly baseline?: ReadonlySet<string>;
}

export interface CarryOverResult {
  readonly rows: ProgressRow[];
  /** Rows matched to a task whose wording the unit edited since (old id → new id), to report. */
  readonly reworded: readonly { readonly from: string; readonly to: string }[];
}

/** Below this share of common words an edited task is a different task. */
export const REWORDED_MIN_SIMILARITY = 0.6;

export function hasInput(input: UnitInput): boolean {
  return (Object.keys(EMPTY_INPUT) as (keyof UnitInput)[]).some((k) => !isBlank(input[k]));
}

/**
 * The new period's rows: one per task of the plan, in the plan's order, each keeping what the
 * unit already typed for it (reports are cumulative: a task done in quarter I stays done, with
 * its evidence, in the six-month report). Matching is by task id, then — for a task whose
 * wording the unit edited — by wording in the same area. An earlier row with the unit's input
 * whose task left the plan stays, marked 'not-in-plan', at the end of its area: nothing a unit
 * typed disappears unasked, and the reading flags it.
 */
export function carryOver({ plan, previous, baseline }: CarryOverInput): CarryOverResult {
  const ids = taskIds(plan);
  const byId = new Map(previous.map((r) => [r.task.id, r]));
  const used = new Set<ProgressRow>();
  const matched: (ProgressRow | undefined)[] = ids.map((id) => {
    const row = byId.get(id);
    if (row && !used.has(row)) {
      used.add(row);
      return row;
    }
    return undefined;
  });
  const reworded: { from: string; to: string }[] = [];
  matchReworded(plan, previous, matched, used, ids, reworded);

  const originOf = (id: string, earlier: ProgressRow | undefined): TaskOrigin => {
    if (earlier && earlier.origin !== 'not-in-plan') return earlier.origin;
    if (baseline) return baseline.has(id) ? 'plan' : 'added';
    return previous.length > 0 ? 'added' : 'plan';
  };
  const rows: ProgressRow[] = plan.map((source, i) => {
    const earlier = matched[i];
    const task: PlanTask = { id: ids[i], ...source };
    return { task, origin: originOf(ids[i], earlier), input: earlier ? earlier.input : EMPTY_INPUT };
  });
  const kept = previous
    .filter((r) => !used.has(r) && hasInput(r.input))
    .map((r): ProgressRow => ({ ...r, origin: 'not-in-plan' }));
  return { rows: placeByArea(rows, kept), reworded };
}

/** Second pass: an unmatched earlier row with input, and an unmatched task of its area, worded alike. */
function matchReworded(
  plan: readonly PlanTaskSource[],
  previous: readonly ProgressRow[],
  matched: (ProgressRow | undefined)[],
  used: Set<ProgressRow>,
  ids: readonly string[],
  reworded: { from: string; to: string }[],
): void {
  const pairs: { score: number; task: number; row: ProgressRow }[] = [];
  for (const row of previous) {
    if (used.has(row) || !hasInput(row.input)) continue;
    plan.forEach((t, i) => {
      if (matched[i] || t.area.number !== row.task.area.number) return;
      const score = wordingSimilarity(t.task, row.task.task);
      if (score >= REWORDED_MIN_SIMILARITY) pairs.push({ score, task: i, row });
    });
  }
  // Best pairs first, so two edited tasks of one area each find their own row.
  pairs.sort((a, b) => b.score - a.score || a.task - b.task);
  for (const p of pairs) {
    if (matched[p.task] || used.has(p.row)) continue;
    matched[p.task] = p.row;
    used.add(p.row);
    reworded.push({ from: p.row.task.id, to: ids[p.task] });
  }
}

/** The plan's rows with the kept rows after the last row of their area. */
function placeByArea(rows: readonly ProgressRow[], kept: readonly ProgressRow[]): ProgressRow[] {
  const all = [...rows, ...kept];
  // A stable sort by area keeps the plan's order inside each area and puts kept rows last.
  return all
    .map((row, order) => ({ row, order }))
    .sort((a, b) => a.row.task.area.number - b.row.task.area.number || a.order - b.order)
    .map((x) => x.row);
}
