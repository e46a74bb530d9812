import { EmulatorContext } from '../../core/context';
import { GasException } from '../../core/errors';
import { GasEnumValue } from '../support/enums';
import { AUTH_MODE, EventTypeName } from './enums';
import { DailyQuotaExceeded, record as recordQuota, remaining } from '../../core/quotas';
import { ExecutionTimeLimitExceeded, MAX_EXECUTION_MS, runExecution } from './execution';
import { functionNotFound } from './messages';
import { nextFireAfter } from './schedule';
import { scriptState, TriggerRecord } from './state';
import { isoWeek } from './tz';

/**
 * The event a time-driven trigger passes its handler
 * (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events). The
 * date fields describe the firing instant in UTC and `timezone` says "UTC", as in the reference's
 * example; day-of-week runs 1 (Monday) to 7 (Sunday). Dashed names need e['day-of-month'].
 */
export interface TimeDrivenEvent {
  readonly authMode: GasEnumValue;
  readonly triggerUid: string;
  readonly year: number;
  readonly month: number;
  readonly 'day-of-month': number;
  readonly 'day-of-week': number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly timezone: string;
  readonly 'week-of-year': number;
}

// Handlers are the product's trigger functions, whose event parameter types vary.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TriggerHandler = (e: any) => unknown;
/** Top-level functions by name, as Apps Script finds a trigger's handler. */
export type TriggerHandlers = Readonly<Record<string, TriggerHandler>>;

/** One trigger execution, as the Executions page would list it. */
export interface TriggerExecution {
  readonly triggerId: string;
  readonly handler: string;
  /** Whom it ran as: the trigger's owner. */
  readonly user: string;
  readonly eventType: EventTypeName;
  /** When it was due (clock triggers); it starts then, or as soon after as the runner gets to it. */
  readonly dueMs: number | null;
  readonly startedMs: number;
  readonly endedMs: number;
  readonly status: 'completed' | 'failed';
  readonly error?: unknown;
}

export interface TriggerRunnerOptions {
  /** Per-execution limit passed to runExecution (default 6 min). */
  readonly limitMs?: number;
}

/**
 * Test control (not part of Apps Script): fires installable triggers. Each firing is its own
 * execution (runExecution): it runs as the trigger's owner, under the 6-minute limit, and a
 * failure — a thrown error, a missing handler ("Script function not found: x"), the time limit —
 * is recorded and does not stop the other triggers, as on Google's servers. Missed occurrences
 * of a recurring trigger are not made up: after a run the next firing is the first one after the
 * run ends. A one-off (after/at/atDate) fires once and stays listed, spent, until deleted.
 */
export class TriggerRunner {
  /** Every execution this runner has made, oldest first. */
  readonly executions: TriggerExecution[] = [];

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly opts: TriggerRunnerOptions = {},
  ) {}

  /** Live clock triggers due now (or overdue), in due order. */
  due(): TriggerRecord[] {
    const now = this.ctx.clock.nowMs();
    return this.scheduled()
      .filter((t) => t.nextFireMs! <= now)
      .sort((a, b) => a.nextFireMs! - b.nextFireMs!);
  }

  /** When the next clock trigger is due; null when none will fire again. */
  nextDueMs(): number | null {
    const times = this.scheduled().map((t) => t.nextFireMs!);
    return times.length === 0 ? null : Math.min(...times);
  }

  /** Fire every clock trigger that is due now, each once. */
  runDue(handlers: TriggerHandlers): TriggerExecution[] {
    const out: TriggerExecution[] = [];
    for (const record of this.due()) {
      if (record.deleted || record.nextFireMs === null) continue; // an earlier handler deleted it
      const dueMs = record.nextFireMs;
      record.fired++;
      record.nextFireMs = null; // spent while it runs; a recurring one is rescheduled below
      const execution = this.execute(
        record,
        handlers,
        dueMs,
        timeDrivenEvent(this.ctx.clock.nowMs(), record.id),
      );
      if (!record.deleted && record.schedule && record.schedule.spec.kind !== 'once') {
        record.nextFireMs = nextFireAfter(record.schedule, Math.max(dueMs, this.ctx.clock.nowMs()));
      }
      out.push(execution);
    }
    return out;
  }

  /**
   * Move the modeled clock forward by `ms`, stopping at each due time in order to fire what is due
   * (including triggers created by the handlers themselves, e.g. a continuation's after(ms)).
   */
  advanceAndRun(ms: number, handlers: TriggerHandlers): TriggerExecution[] {
    if (!(ms >= 0)) throw new RangeError(`Cannot advance the clock by ${ms} ms`);
    const target = this.ctx.clock.nowMs() + ms;
    const out: TriggerExecution[] = [];
    for (let guard = 0; ; guard++) {
      if (guard > 100_000) throw new Error('advanceAndRun: more than 100,000 firings (a runaway trigger?)');
      const next = this.nextDueMs();
      if (next === null || next > target) break;
      if (next > this.ctx.clock.nowMs()) this.ctx.clock.set(next);
      out.push(...this.runDue(handlers));
    }
    if (target > this.ctx.clock.nowMs()) this.ctx.clock.set(target);
    return out;
  }

  /**
   * Fire the installable spreadsheet triggers of `spreadsheetId` for `eventType` (e.g. after the
   * test models an edit), each with `event` plus authMode FULL and its triggerUid.
   * https://developers.google.com/apps-script/guides/triggers/events#google_sheets_events
   */
  fireSpreadsheetEvent(
    spreadsheetId: string,
    eventType: 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT',
    event: Record<string, unknown>,
    handlers: TriggerHandlers,
  ): TriggerExecution[] {
    const matching = scriptState(this.ctx).triggers.filter(
      (t) =>
        !t.deleted &&
        t.source === 'SPREADSHEETS' &&
        t.sourceId === spreadsheetId &&
        t.eventType === eventType,
    );
    return matching.map((record) => {
      record.fired++;
      return this.execute(record, handlers, null, {
        ...event,
        authMode: AUTH_MODE.FULL,
        triggerUid: record.id,
      });
    });
  }

  private scheduled(): TriggerRecord[] {
    return scriptState(this.ctx).triggers.filter((t) => !t.deleted && t.nextFireMs !== null);
  }

  private execute(
    record: TriggerRecord,
    handlers: TriggerHandlers,
    dueMs: number | null,
    event: object,
  ): TriggerExecution {
    const startedMs = this.ctx.clock.nowMs();
    let status: TriggerExecution['status'] = 'completed';
    let error: unknown;
    // "Triggers total runtime: 90 min / day" (6 h Workspace), per owner. A day spent: the run fails
    // at once (as the failure mails show, start = end). A run that would pass it is stopped there
    // — whether Google stops it mid-run is not published: the stricter case is taken.
    const limitMs = this.opts.limitMs ?? MAX_EXECUTION_MS;
    const runtimeLeft = remaining(this.ctx, 'trigger runtime', record.owner);
    try {
      if (runtimeLeft <= 0) throw new DailyQuotaExceeded('trigger runtime');
      runExecution(
        this.ctx,
        () => {
          const fn = Object.prototype.hasOwnProperty.call(handlers, record.handler)
            ? handlers[record.handler]
            : undefined;
          if (typeof fn !== 'function') throw new GasException(functionNotFound(record.handler));
          return fn(event);
        },
        { user: record.owner, limitMs: Math.min(limitMs, runtimeLeft) },
      );
    } catch (e) {
      status = 'failed';
      error =
        e instanceof ExecutionTimeLimitExceeded && runtimeLeft < limitMs
          ? new DailyQuotaExceeded('trigger runtime')
          : e;
    }
    recordQuota(this.ctx, 'trigger runtime', this.ctx.clock.nowMs() - startedMs, record.owner);
    const execution: TriggerExecution = {
      triggerId: record.id,
      handler: record.handler,
      user: record.owner,
      eventType: record.eventType,
      dueMs,
      startedMs,
      endedMs: this.ctx.clock.nowMs(),
      status,
      ...(status === 'failed' ? { error } : {}),
    };
    this.executions.push(execution);
    return execution;
  }
}

function timeDrivenEvent(instantMs: number, triggerUid: string): TimeDrivenEvent {
  const d = new Date(instantMs);
  const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return {
    authMode: AUTH_MODE.FULL,
    triggerUid,
    year,
    month,
    'day-of-month': day,
    'day-of-week': d.getUTCDay() || 7,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    'week-of-year': isoWeek(year, month, day),
  };
}
