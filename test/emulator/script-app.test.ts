import { createContext, EmulatorContext } from '../../emulator/core/context';
import { MIME, NOT_FOUND } from '../../emulator/core/drive-store';
import { GasException } from '../../emulator/core/errors';
import {
  checkExecutionTime,
  createScriptApp,
  DEFAULT_SCRIPT_ID,
  EXCEEDED_MAX_EXECUTION_TIME,
  ExecutionTimeLimitExceeded,
  isValidToken,
  onExecutionEnd,
  runExecution,
  SCRIPT_APP_MESSAGES as MSG,
  tokenOwner,
  TriggerRunner,
} from '../../emulator/services/script-app';

type ScriptApp = GoogleAppsScript.Script.ScriptApp;

const OWNER = 'office@x.gov.vn';
const COLLEAGUE = 'unit@x.gov.vn';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 2 Jan 2025 01:00 UTC = 08:00 in Asia/Ho_Chi_Minh (UTC+7), the script's zone. */
const START = new Date(Date.UTC(2025, 0, 2, 1, 0, 0));

function setup(start: Date = START, timeZone?: string): { ctx: EmulatorContext; app: ScriptApp } {
  const ctx = createContext({ user: OWNER, start, timeZone });
  return { ctx, app: createScriptApp(ctx) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

function newSpreadsheet(ctx: EmulatorContext): { getId(): string } {
  const item = ctx.drive.create({ name: 'Kế hoạch CCHC', mimeType: MIME.spreadsheet });
  return { getId: () => item.id };
}

describe('ClockTriggerBuilder arguments', () => {
  test.each([2, 3, 20, 60, 0, 5.5])('everyMinutes(%p) fails with Apps Script’s text', (n) => {
    const { app } = setup();
    const err = thrown(() => app.newTrigger('poll').timeBased().everyMinutes(n));
    expect(err).toBeInstanceOf(GasException);
    expect(err.message).toBe(
      'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    );
  });

  test.each([1, 5, 10, 15, 30])('everyMinutes(%p) is accepted', (n) => {
    const { app } = setup();
    expect(app.newTrigger('poll').timeBased().everyMinutes(n).create().getHandlerFunction()).toBe('poll');
  });

  test('everyHours is held to the editor’s steps 1, 2, 4, 6, 8, 12', () => {
    const { app } = setup();
    expect(thrown(() => app.newTrigger('f').timeBased().everyHours(3)).message).toBe(MSG.EVERY_HOURS_INVALID);
    expect(() => app.newTrigger('f').timeBased().everyHours(4).create()).not.toThrow();
  });

  test('a wrong argument type fails with the signature text', () => {
    const { app } = setup();
    const builder = app.newTrigger('f').timeBased();
    expect(thrown(() => builder.everyMinutes('5' as unknown as number)).message).toBe(
      "The parameters (String) don't match the method signature for ScriptApp.ClockTriggerBuilder.everyMinutes.",
    );
    expect(thrown(() => app.newTrigger(42 as unknown as string)).message).toBe(
      "The parameters (number) don't match the method signature for ScriptApp.newTrigger.",
    );
  });

  test('create() needs exactly one schedule, and atHour only goes with a daily/weekly one', () => {
    const { app } = setup();
    expect(thrown(() => app.newTrigger('f').timeBased().create()).message).toBe(MSG.NO_SCHEDULE);
    expect(thrown(() => app.newTrigger('f').timeBased().everyMinutes(5).everyHours(1).create()).message).toBe(
      MSG.TWO_SCHEDULES,
    );
    expect(thrown(() => app.newTrigger('f').timeBased().everyMinutes(5).atHour(7).create()).message).toBe(
      MSG.notWith('atHour'),
    );
    expect(thrown(() => app.newTrigger('f').timeBased().atHour(24)).message).toBe('Invalid argument: hour');
    expect(app.getProjectTriggers()).toHaveLength(0);
  });
});

describe('ScriptApp triggers', () => {
  test('a Trigger reports handler, enum event type and source, and a 19-digit id', () => {
    const { ctx, app } = setup();
    app.newTrigger('consolidate').timeBased().everyDays(1).atHour(7).create();
    const [t] = app.getProjectTriggers();
    expect(t.getHandlerFunction()).toBe('consolidate');
    // Enum values, not strings: comparing with 'CLOCK' must fail as it does in Apps Script.
    expect(t.getEventType()).toBe(app.EventType.CLOCK);
    expect(t.getEventType() as unknown).not.toBe('CLOCK');
    expect(String(t.getEventType())).toBe('CLOCK');
    expect(t.getTriggerSource()).toBe(app.TriggerSource.CLOCK);
    expect(t.getTriggerSourceId()).toBeNull();
    expect(t.getUniqueId()).toMatch(/^[1-9]\d{18}$/);
    expect(ctx.ledger.count('ScriptApp.newTrigger')).toBe(1);
    expect(ctx.ledger.count('ClockTriggerBuilder.create')).toBe(1);
    expect(ctx.ledger.count('ScriptApp.getProjectTriggers')).toBe(1);
  });

  test('the 21st trigger of one user fails with Google’s text; another user has their own 20', () => {
    const { ctx, app } = setup();
    for (let i = 0; i < 20; i++) app.newTrigger(`job${i}`).timeBased().everyHours(1).create();
    const err = thrown(() => app.newTrigger('job20').timeBased().everyHours(1).create());
    expect(err).toBeInstanceOf(GasException);
    expect(err.message).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(app.getProjectTriggers()).toHaveLength(20);
    ctx.session.as(COLLEAGUE, () => {
      expect(app.getProjectTriggers()).toHaveLength(0);
      app.newTrigger('mine').timeBased().everyHours(1).create();
      expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['mine']);
    });
    // Deleting one makes room again.
    app.deleteTrigger(app.getProjectTriggers()[0]);
    expect(() => app.newTrigger('job20').timeBased().everyHours(1).create()).not.toThrow();
  });

  test('a spent one-off trigger stays listed and counts against the limit until deleted', () => {
    const { ctx, app } = setup();
    for (let i = 0; i < 19; i++) app.newTrigger(`job${i}`).timeBased().everyDays(1).create();
    app.newTrigger('continueLater').timeBased().after(MINUTE).create();
    const runner = new TriggerRunner(ctx);
    const runs = runner.advanceAndRun(2 * MINUTE, { continueLater: () => undefined });
    expect(runs.map((r) => r.handler)).toEqual(['continueLater']);
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toContain('continueLater');
    expect(thrown(() => app.newTrigger('more').timeBased().after(1).create()).message).toBe(
      MSG.TOO_MANY_TRIGGERS,
    );
    // It never fires again.
    expect(runner.advanceAndRun(DAY / 2, { continueLater: () => undefined })).toHaveLength(0);
  });

  test('deleteTrigger refuses the handle create() returned; the getProjectTriggers copy works', () => {
    const { app } = setup();
    const created = app.newTrigger('f').timeBased().everyHours(1).create();
    expect(thrown(() => app.deleteTrigger(created)).message).toBe(
      'Unexpected error while getting the method or property deleteTrigger on object ScriptApp.',
    );
    const [listed] = app.getProjectTriggers();
    expect(listed.getUniqueId()).toBe(created.getUniqueId());
    app.deleteTrigger(listed);
    expect(app.getProjectTriggers()).toHaveLength(0);
    // The handle still answers; deleting it again fails.
    expect(listed.getHandlerFunction()).toBe('f');
    expect(thrown(() => app.deleteTrigger(listed)).message).toBe(MSG.DELETE_TRIGGER_FAILED);
  });

  test('deleteTrigger takes only this user’s Trigger objects', () => {
    const { ctx, app } = setup();
    app.newTrigger('f').timeBased().everyHours(1).create();
    const [mine] = app.getProjectTriggers();
    expect(thrown(() => ctx.session.as(COLLEAGUE, () => app.deleteTrigger(mine))).message).toBe(
      MSG.DELETE_TRIGGER_FAILED,
    );
    const fake = { getUniqueId: () => mine.getUniqueId() } as unknown as GoogleAppsScript.Script.Trigger;
    expect(thrown(() => app.deleteTrigger(fake)).message).toBe(
      "The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.",
    );
    expect(app.getProjectTriggers()).toHaveLength(1);
  });

  test('installable spreadsheet triggers take a Spreadsheet object or id and need a file the user can open', () => {
    const { ctx, app } = setup();
    const ss = newSpreadsheet(ctx);
    app
      .newTrigger('onEditInstalled')
      .forSpreadsheet(ss as GoogleAppsScript.Spreadsheet.Spreadsheet)
      .onEdit()
      .create();
    app.newTrigger('onOpenInstalled').forSpreadsheet(ss.getId()).onOpen().create();
    app.newTrigger('poll').timeBased().everyMinutes(5).create();
    const forSheet = app.getUserTriggers(ss as GoogleAppsScript.Spreadsheet.Spreadsheet);
    expect(forSheet.map((t) => [t.getHandlerFunction(), String(t.getEventType())])).toEqual([
      ['onEditInstalled', 'ON_EDIT'],
      ['onOpenInstalled', 'ON_OPEN'],
    ]);
    expect(forSheet[0].getTriggerSource()).toBe(app.TriggerSource.SPREADSHEETS);
    expect(forSheet[0].getTriggerSourceId()).toBe(ss.getId());
    expect(thrown(() => app.newTrigger('x').forSpreadsheet('1missing').onEdit().create()).message).toBe(
      NOT_FOUND,
    );
    expect(
      thrown(() =>
        ctx.session.as('stranger@y.vn', () =>
          app.newTrigger('x').forSpreadsheet(ss.getId()).onEdit().create(),
        ),
      ).message,
    ).toBe(NOT_FOUND);
    expect(thrown(() => app.newTrigger('x').forSpreadsheet(ss.getId()).create()).message).toBe(MSG.NO_EVENT);
  });
});

describe('getOAuthToken and getScriptId', () => {
  test('the token is the effective user’s, stable within the hour, and only this emulator’s tokens validate', () => {
    const { ctx, app } = setup();
    const mine = app.getOAuthToken();
    expect(mine.startsWith('ya29.')).toBe(true);
    expect(app.getOAuthToken()).toBe(mine);
    expect(isValidToken(ctx, mine)).toBe(true);
    expect(tokenOwner(ctx, mine)).toBe(OWNER);
    const theirs = ctx.session.as(COLLEAGUE, () => app.getOAuthToken());
    expect(theirs).not.toBe(mine);
    expect(tokenOwner(ctx, theirs)).toBe(COLLEAGUE);
    expect(isValidToken(ctx, 'ya29.made-up')).toBe(false);
    // Another emulator did not issue it.
    expect(isValidToken(createContext({ user: OWNER, start: START }), mine)).toBe(false);
  });

  test('a token expires an hour after it was issued', () => {
    const { ctx, app } = setup();
    const token = app.getOAuthToken();
    ctx.clock.advance(HOUR - 1000);
    expect(isValidToken(ctx, token)).toBe(true);
    ctx.clock.advance(1000);
    expect(isValidToken(ctx, token)).toBe(false);
    expect(isValidToken(ctx, app.getOAuthToken())).toBe(true);
  });

  test('getScriptId is the project’s id', () => {
    const { app } = setup();
    expect(app.getScriptId()).toBe(DEFAULT_SCRIPT_ID);
    expect(DEFAULT_SCRIPT_ID).toMatch(/^1[\w-]{56}$/);
    const ctx = createContext({ user: OWNER });
    expect(createScriptApp(ctx, { scriptId: '1abc' }).getScriptId()).toBe('1abc');
  });
});

describe('TriggerRunner: clock triggers', () => {
  test('after(ms) fires once at creation + ms, as its owner, with a time-driven event in UTC', () => {
    const { ctx, app } = setup();
    app
      .newTrigger('step')
      .timeBased()
      .after(10 * MINUTE)
      .create();
    const createdAt = ctx.clock.nowMs();
    const seen: Array<{ e: Record<string, unknown>; user: string; at: number }> = [];
    const handlers = {
      step: (e: Record<string, unknown>) =>
        seen.push({ e, user: ctx.session.effective, at: ctx.clock.nowMs() }),
    };
    const runner = new TriggerRunner(ctx);
    expect(runner.runDue(handlers)).toHaveLength(0);
    ctx.session.as(COLLEAGUE, () => runner.advanceAndRun(30 * MINUTE, handlers));
    expect(seen).toHaveLength(1);
    expect(seen[0].at).toBe(createdAt + 10 * MINUTE);
    expect(seen[0].user).toBe(OWNER);
    const [listed] = app.getProjectTriggers();
    const fired = new Date(createdAt + 10 * MINUTE);
    expect(seen[0].e).toEqual({
      authMode: app.AuthMode.FULL,
      triggerUid: listed.getUniqueId(),
      year: 2025,
      month: 1,
      'day-of-month': 2,
      'day-of-week': 4, // Thursday
      hour: fired.getUTCHours(),
      minute: fired.getUTCMinutes(),
      second: fired.getUTCSeconds(),
      timezone: 'UTC',
      'week-of-year': 1,
    });
    expect(ctx.clock.nowMs()).toBeGreaterThanOrEqual(createdAt + 30 * MINUTE);
  });

  test('everyDays(1).atHour(7) fires at 07:00 in the script’s zone, once a day', () => {
    const { ctx, app } = setup();
    app.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
    const runner = new TriggerRunner(ctx);
    const runs = runner.advanceAndRun(3 * DAY, { daily: () => undefined });
    // 07:00 in Ho Chi Minh City (UTC+7) is 00:00 UTC; created at 08:00 local, so the first is tomorrow.
    expect(runs.map((r) => new Date(r.startedMs).toISOString())).toEqual([
      '2025-01-03T00:00:00.000Z',
      '2025-01-04T00:00:00.000Z',
      '2025-01-05T00:00:00.000Z',
    ]);
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
  });

  test('inTimezone keeps the local hour across a daylight-saving change', () => {
    const start = new Date(Date.UTC(2025, 2, 28, 12, 0, 0)); // Friday 28 March 2025
    const { ctx, app } = setup(start);
    app
      .newTrigger('daily')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .nearMinute(30)
      .inTimezone('Europe/Berlin')
      .create();
    const runs = new TriggerRunner(ctx).advanceAndRun(3 * DAY, { daily: () => undefined });
    // Berlin moves from UTC+1 to UTC+2 on Sunday 30 March.
    expect(runs.map((r) => new Date(r.startedMs).toISOString())).toEqual([
      '2025-03-29T08:30:00.000Z',
      '2025-03-30T07:30:00.000Z',
      '2025-03-31T07:30:00.000Z',
    ]);
  });

  test('everyMinutes(5) fires every 5 minutes from creation; a deleted trigger stops', () => {
    const { ctx, app } = setup();
    app.newTrigger('poll').timeBased().everyMinutes(5).create();
    const runner = new TriggerRunner(ctx);
    expect(runner.advanceAndRun(30 * MINUTE, { poll: () => undefined })).toHaveLength(6);
    app.deleteTrigger(app.getProjectTriggers()[0]);
    expect(runner.advanceAndRun(30 * MINUTE, { poll: () => undefined })).toHaveLength(0);
  });

  test('everyHours(2).nearMinute(15) fires at minute 15 of every other hour', () => {
    const { ctx, app } = setup(); // created 01:00 UTC
    app.newTrigger('sync').timeBased().everyHours(2).nearMinute(15).create();
    const runs = new TriggerRunner(ctx).advanceAndRun(6 * HOUR, { sync: () => undefined });
    expect(runs.map((r) => new Date(r.startedMs).toISOString().slice(11, 16))).toEqual(['03:15', '05:15']);
  });

  test('onWeekDay alone is weekly; onMonthDay(31) skips months without a 31st', () => {
    const { ctx, app } = setup(); // Thursday 2 Jan 2025
    app.newTrigger('weekly').timeBased().onWeekDay(app.WeekDay.MONDAY).atHour(9).create();
    app.newTrigger('monthly').timeBased().onMonthDay(31).atHour(9).create();
    const runs = new TriggerRunner(ctx).advanceAndRun(90 * DAY, {
      weekly: () => undefined,
      monthly: () => undefined,
    });
    const local = (ms: number): string => new Date(ms + 7 * HOUR).toISOString().slice(0, 16);
    expect(runs.filter((r) => r.handler === 'monthly').map((r) => local(r.startedMs))).toEqual([
      '2025-01-31T09:00',
      '2025-03-31T09:00',
    ]);
    const weekly = runs.filter((r) => r.handler === 'weekly').map((r) => local(r.startedMs));
    expect(weekly.slice(0, 2)).toEqual(['2025-01-06T09:00', '2025-01-13T09:00']);
    expect(weekly).toHaveLength(13); // Mondays 6 Jan … 31 Mar
  });

  test('a missing handler or a throwing one fails that execution only', () => {
    const { ctx, app } = setup();
    app.newTrigger('gone').timeBased().after(MINUTE).create();
    app.newTrigger('broken').timeBased().after(MINUTE).create();
    app.newTrigger('fine').timeBased().after(MINUTE).create();
    const runs = new TriggerRunner(ctx).advanceAndRun(2 * MINUTE, {
      broken: () => {
        throw new Error('boom');
      },
      fine: () => undefined,
    });
    expect(runs.map((r) => [r.handler, r.status])).toEqual([
      ['gone', 'failed'],
      ['broken', 'failed'],
      ['fine', 'completed'],
    ]);
    expect((runs[0].error as Error).message).toBe('Script function not found: gone');
    expect((runs[1].error as Error).message).toBe('boom');
  });

  test('a continuation chain (each step schedules the next) runs inside one advanceAndRun', () => {
    const { ctx, app } = setup();
    let steps = 0;
    const handlers = {
      step: () => {
        for (const t of app.getProjectTriggers()) if (t.getHandlerFunction() === 'step') app.deleteTrigger(t);
        if (++steps < 4) app.newTrigger('step').timeBased().after(MINUTE).create();
      },
    };
    app.newTrigger('step').timeBased().after(MINUTE).create();
    const runs = new TriggerRunner(ctx).advanceAndRun(HOUR, handlers);
    expect(runs).toHaveLength(4);
    expect(steps).toBe(4);
    expect(app.getProjectTriggers()).toHaveLength(0);
  });

  test('a handler that runs past 6 minutes fails with the time-limit error', () => {
    const { ctx, app } = setup();
    app.newTrigger('slow').timeBased().after(MINUTE).create();
    const runs = new TriggerRunner(ctx).advanceAndRun(2 * MINUTE, {
      slow: () => {
        for (let i = 0; i < 10; i++) {
          ctx.clock.advance(MINUTE);
          app.getProjectTriggers(); // a service call notices the time is up
        }
      },
    });
    expect(runs[0].status).toBe('failed');
    expect(runs[0].error).toBeInstanceOf(ExecutionTimeLimitExceeded);
    expect((runs[0].error as Error).message).toBe('Exceeded maximum execution time');
  });

  test('fireSpreadsheetEvent runs the installable triggers of that file and event, as their owners', () => {
    const { ctx, app } = setup();
    const ss = newSpreadsheet(ctx);
    app.newTrigger('watchEdits').forSpreadsheet(ss.getId()).onEdit().create();
    app.newTrigger('watchOpen').forSpreadsheet(ss.getId()).onOpen().create();
    const seen: Array<[Record<string, unknown>, string]> = [];
    const runs = ctx.session.as(COLLEAGUE, () =>
      new TriggerRunner(ctx).fireSpreadsheetEvent(
        ss.getId(),
        'ON_EDIT',
        { value: 'x' },
        {
          watchEdits: (e: Record<string, unknown>) => seen.push([e, ctx.session.effective]),
        },
      ),
    );
    expect(runs).toHaveLength(1);
    expect(seen).toEqual([
      [{ value: 'x', authMode: app.AuthMode.FULL, triggerUid: runs[0].triggerId }, OWNER],
    ]);
  });
});

describe('execution time limit', () => {
  test('runExecution fails past 6 minutes of modeled time, and not at exactly 6', () => {
    const { ctx } = setup();
    expect(runExecution(ctx, () => ctx.clock.advance(360_000))).toBeUndefined();
    const err = thrown(() => runExecution(ctx, () => ctx.clock.advance(360_001)));
    expect(err).toBeInstanceOf(ExecutionTimeLimitExceeded);
    expect(err.message).toBe(EXCEEDED_MAX_EXECUTION_TIME);
  });

  test('catching the error does not save the execution', () => {
    const { ctx, app } = setup();
    const err = thrown(() =>
      runExecution(ctx, () => {
        ctx.clock.advance(7 * MINUTE);
        try {
          app.getScriptId();
        } catch {
          // the script tries to carry on
        }
        return 'done';
      }),
    );
    expect(err.message).toBe(EXCEEDED_MAX_EXECUTION_TIME);
  });

  test('service calls inside an execution check the limit; outside one they do not', () => {
    const { ctx, app } = setup();
    ctx.clock.advance(HOUR);
    expect(() => checkExecutionTime(ctx)).not.toThrow();
    expect(() => app.getScriptId()).not.toThrow();
    let calls = 0;
    expect(() =>
      runExecution(ctx, () => {
        for (;;) {
          ctx.clock.advance(MINUTE);
          app.getScriptId();
          calls++;
        }
      }),
    ).toThrow(EXCEEDED_MAX_EXECUTION_TIME);
    expect(calls).toBe(5); // the 6th minute passes 360 s (each call also costs a few ms)
  });

  test('executions run as the given user, end hooks run after each, and they do not nest', () => {
    const { ctx } = setup();
    const ended: number[] = [];
    const undo = onExecutionEnd(ctx, (c) => ended.push(c.clock.nowMs()));
    expect(runExecution(ctx, () => ctx.session.effective, { user: COLLEAGUE })).toBe(COLLEAGUE);
    expect(ctx.session.effective).toBe(OWNER);
    expect(() => runExecution(ctx, () => runExecution(ctx, () => 1))).toThrow(/do not nest/);
    expect(ended).toHaveLength(2);
    undo();
    runExecution(ctx, () => 1);
    expect(ended).toHaveLength(2);
  });
});
