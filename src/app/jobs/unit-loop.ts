import { Scope } from '../../domain/scopes';
import { Unit } from '../../domain/registry/unit';
import { ActionContext, ActionOutcome } from '../action';
import { chunkStepMs } from '../../domain/jobs/time-budget';
import { DoneCodes, progressAgainst, withDone, withoutDone } from '../../domain/jobs/done-codes';
import { Job } from './job';
import { memo } from './memo';

const MAX_KEPT_PROBLEMS = 40;

export interface UnitLoopState {
  /**
   * The codes of the units done: a step does the registry's units not in it, so rows inserted,
   * deleted or sorted while the job is paused neither repeat nor skip a unit.
   */
  readonly done?: DoneCodes;
  readonly remaining: number;
  readonly total: number;
  readonly handled: number;
  /** Units where the work changed something worth telling (e.g. sharing brought in line). */
  readonly changed?: number;
  readonly problems: readonly string[];
}

/**
 * A job that does the same thing for every unit of a list, a few units per step. `each` must be
 * safe to repeat for a unit (a step that dies is run again from its first unit).
 */
export function unitLoopJob<Setup>(spec: {
  readonly name: string;
  readonly label: string;
  readonly scopes: readonly Scope[];
  readonly chunk: number;
  readonly unitMs: number;
  /** Checks and what every step needs; computed once per execution. */
  readonly setup: (ctx: ActionContext) => Setup & { readonly units: readonly Unit[] };
  /** Does the work for one unit; returns its problems and whether it counted as handled. */
  readonly each: (
    ctx: ActionContext,
    setup: Setup,
    unit: Unit,
  ) => { handled: boolean; problems: readonly string[]; changed?: boolean };
  /**
   * Optional: does a whole chunk at once (parallel API requests), one result per unit in order;
   * without it the step calls `each` unit by unit.
   */
  readonly eachChunk?: (
    ctx: ActionContext,
    setup: Setup,
    units: readonly Unit[],
  ) => readonly { handled: boolean; problems: readonly string[]; changed?: boolean }[];
  readonly outcome: (state: UnitLoopState) => ActionOutcome;
}): Job<UnitLoopState> {
  const setup = (ctx: ActionContext) => memo(ctx, spec.name, () => spec.setup(ctx));
  return {
    name: spec.name,
    label: spec.label,
    scopes: spec.scopes,
    stepMs: spec.chunk * spec.unitMs,
    nextStepMs: (state) => chunkStepMs(spec.chunk * spec.unitMs, spec.chunk, state.remaining, spec.unitMs),
    begin(ctx) {
      const total = setup(ctx).units.length;
      return { state: { done: '', remaining: total, total, handled: 0, problems: [] }, total };
    },
    step(ctx, state) {
      const s = setup(ctx);
      // The registry as it is now: units added while paused are done, removed ones dropped.
      const progress = progressAgainst(s.units, state.done);
      const todo = progress.todo;
      const chunk = todo.slice(0, spec.chunk);
      let handled = 0;
      let changed = 0;
      const problems: string[] = [];
      const results = spec.eachChunk ? spec.eachChunk(ctx, s, chunk) : chunk.map((u) => spec.each(ctx, s, u));
      for (const result of results) {
        if (result.handled) handled++;
        if (result.changed) changed++;
        problems.push(...result.problems);
      }
      return {
        state: {
          ...state,
          done: withDone(
            withoutDone(state.done, progress.removed),
            chunk.map((u) => u.code),
          ),
          remaining: todo.length - chunk.length,
          total: s.units.length,
          handled: state.handled + handled,
          changed: (state.changed ?? 0) + changed,
          problems: [...state.problems, ...problems].slice(0, MAX_KEPT_PROBLEMS),
        },
        done: s.units.length - (todo.length - chunk.length),
      };
    },
    isDone: (state) => state.remaining === 0,
    finish: (_ctx, state) => spec.outcome(state),
  };
}
