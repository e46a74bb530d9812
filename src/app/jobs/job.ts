import { Scope, SCOPE } from '../../domain/scopes';
import { ActionContext, ActionOutcome } from '../action';

/**
 * A long operation that works in steps. `step` must be safe to run again from the same state:
 * when an execution dies mid-step, the next one repeats that step from the last saved state, so
 * a step either redoes its writes idempotently or first undoes what an unfinished step left.
 */
export interface Job<S> {
  /** Stable key (property name, progress row). */
  readonly name: string;
  /** Vietnamese, for the log, the progress sheet and toasts. */
  readonly label: string;
  /**
   * The permissions its steps need beyond the master's (continuing by trigger is added by the
   * runner): checked before the job starts or resumes, so a missing one stops nothing half-done.
   */
  readonly scopes: readonly Scope[];
  /** Modeled time one step may take; a step starts only if it fits before the limit. */
  readonly stepMs: number;
  /** The next step's time when it depends on what is left (a last, short chunk); default stepMs. */
  readonly nextStepMs?: (state: S) => number;
  /** First execution only: checks and the initial state (small: it is kept in a property). */
  begin(ctx: ActionContext): { state: S; total: number };
  /**
   * One chunk of work; returns the new state and how many units are done in all. `checkpoint`
   * saves a state mid-step (e.g. what was observed before the step's own writes changed it), so
   * a retry of the step starts from it.
   */
  step(ctx: ActionContext, state: S, checkpoint: (state: S) => void): { state: S; done: number };
  isDone(state: S): boolean;
  /** Once every step is done: the last writes and what to tell the person. */
  finish(ctx: ActionContext, state: S): ActionOutcome;
}

/** What is kept between executions, as JSON in a document property. */
export interface JobRecord<S> {
  readonly name: string;
  readonly label: string;
  readonly state: S;
  readonly done: number;
  readonly total: number;
  readonly startedMs: number;
  readonly updatedMs: number;
  readonly executions: number;
  /** Failed attempts at the current step in a row (reset by a step that succeeds). */
  readonly failures: number;
}

/** What running a job needs: its own permissions, and triggers to continue by itself. */
export function jobScopes(job: { readonly scopes: readonly Scope[] }): Scope[] {
  return [...job.scopes, SCOPE.scriptApp];
}
