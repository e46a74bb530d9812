import { EmulatorContext } from '../../core/context';
import { GasException } from '../../core/errors';

/**
 * One Apps Script execution and its time limit ("Script runtime: 6 min / execution", quotas page:
 * https://developers.google.com/apps-script/guides/services/quotas). Time is the modeled clock:
 * service calls advance it by their latency, so a loop of slow calls runs out of time as it would
 * on Google's servers.
 *
 * Apps Script ends a script that passes the limit with "Exceeded maximum execution time", and the
 * script cannot catch that. The emulator throws ExecutionTimeLimitExceeded from the first check
 * after the limit; should the code catch it, every later check in that execution throws again and
 * runExecution rethrows it at the end, so swallowing it does not make the run succeed.
 *
 * Hooking it into every service call (for the lead): ScriptApp and MailApp already call
 * checkExecutionTime after charging. To cover every service, give CostLedger a listener run after
 * each charge/chargeFixed (e.g. `onSpend?: () => void`, called at the end of `spend`) and wire it
 * in the Emulator constructor: `ctx.ledger.onSpend = () => checkExecutionTime(ctx)`. Outside an
 * execution the check does nothing, so tests that never start one are unaffected. Also register
 * end-of-execution work there, e.g. `onExecutionEnd(ctx, releaseAllLocks)` (Apps Script releases
 * an execution's locks when it ends).
 */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;

/** The text Apps Script reports (execution logs; widely quoted). */
export const EXCEEDED_MAX_EXECUTION_TIME = 'Exceeded maximum execution time';

export class ExecutionTimeLimitExceeded extends GasException {
  constructor() {
    super(EXCEEDED_MAX_EXECUTION_TIME);
  }
}

export class Execution {
  private static seq = 0;
  readonly id = ++Execution.seq;
  /** Set once the limit has been passed: the execution is dead, whatever the code does next. */
  killed = false;
  /**
   * Set when something ended the execution early (requireScopes with consents missing): every
   * later check throws it again, so catching it does not let the code go on.
   */
  ended: GasException | null = null;

  constructor(
    private readonly ctx: EmulatorContext,
    readonly startMs: number,
    readonly limitMs: number,
    readonly user: string,
  ) {}

  elapsedMs(): number {
    return this.ctx.clock.nowMs() - this.startMs;
  }

  remainingMs(): number {
    return this.limitMs - this.elapsedMs();
  }

  endWith(error: GasException): void {
    if (!this.ended) this.ended = error;
  }
}

interface ExecutionState {
  current?: Execution;
  readonly endHooks: Array<(ctx: EmulatorContext) => void>;
}

const STATES = new WeakMap<EmulatorContext, ExecutionState>();

function stateOf(ctx: EmulatorContext): ExecutionState {
  let state = STATES.get(ctx);
  if (!state) STATES.set(ctx, (state = { endHooks: [] }));
  return state;
}

export function currentExecution(ctx: EmulatorContext): Execution | undefined {
  return stateOf(ctx).current;
}

/** Run `hook` at the end of every execution (e.g. releasing its locks). Returns the undo. */
export function onExecutionEnd(ctx: EmulatorContext, hook: (ctx: EmulatorContext) => void): () => void {
  const hooks = stateOf(ctx).endHooks;
  hooks.push(hook);
  return () => {
    const i = hooks.indexOf(hook);
    if (i >= 0) hooks.splice(i, 1);
  };
}

/**
 * Throws ExecutionTimeLimitExceeded when the current execution has run longer than its limit
 * (strictly more than 6 min). Does nothing outside an execution.
 */
export function checkExecutionTime(ctx: EmulatorContext): void {
  const exec = stateOf(ctx).current;
  if (!exec) return;
  if (exec.ended) throw exec.ended;
  if (exec.killed || exec.elapsedMs() > exec.limitMs) {
    exec.killed = true;
    throw new ExecutionTimeLimitExceeded();
  }
}

export interface ExecutionOptions {
  /** Whom it runs as (active and effective user), e.g. a trigger's owner. Default: as is. */
  readonly user?: string;
  /** Default MAX_EXECUTION_MS. */
  readonly limitMs?: number;
}

/**
 * Runs `fn` as one execution: starts the clock on the limit, runs as `user`, and throws the
 * time-limit error if the modeled time went past the limit — even when `fn` caught it. Executions
 * do not nest (an Apps Script function cannot start another execution synchronously).
 */
export function runExecution<T>(ctx: EmulatorContext, fn: () => T, opts: ExecutionOptions = {}): T {
  const state = stateOf(ctx);
  if (state.current) throw new Error('runExecution: an execution is already running (they do not nest)');
  const user = opts.user ?? ctx.session.effective;
  const exec = new Execution(ctx, ctx.clock.nowMs(), opts.limitMs ?? MAX_EXECUTION_MS, user);
  state.current = exec;
  try {
    const body = (): T => {
      let result: T;
      try {
        result = fn();
      } catch (e) {
        if (exec.ended) throw exec.ended;
        if (exec.killed) throw new ExecutionTimeLimitExceeded();
        throw e;
      }
      checkExecutionTime(ctx);
      return result;
    };
    return opts.user === undefined ? body() : ctx.session.as(user, body);
  } finally {
    state.current = undefined;
    for (const hook of [...state.endHooks]) hook(ctx);
  }
}

/** Charge one service call ("Class.method") on the ledger, then enforce the execution's time limit. */
export function chargeCall(ctx: EmulatorContext, key: string): void {
  ctx.ledger.charge(key);
  checkExecutionTime(ctx);
}
