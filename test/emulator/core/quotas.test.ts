import { Emulator, TriggerRunner } from '../../../emulator';
import {
  configureQuotas,
  consume,
  DAILY_QUOTAS,
  dailyLimit,
  nextPacificMidnight,
  pacificDate,
  quotaReport,
  remaining,
  resetsAt,
} from '../../../emulator/core/quotas';

const OWNER = 'office@x.gov.vn';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 2 Jan 2025 01:00 UTC = 1 Jan 17:00 in Los Angeles (PST, UTC−8): Pacific midnight is 08:00 UTC. */
const START = new Date(Date.UTC(2025, 0, 2, 1, 0, 0));
const PACIFIC_MIDNIGHT = Date.UTC(2025, 0, 2, 8, 0, 0);

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

function emulator(opts: ConstructorParameters<typeof Emulator>[0] = {}): Emulator {
  return new Emulator({ user: OWNER, start: START, ...opts });
}

describe('daily quotas: limits per account type', () => {
  test.each([
    ['urlfetch', 20_000, 100_000],
    ['email', 100, 1_500],
    ['docs create', 250, 1_500],
    ['spreadsheets create', 250, 3_200],
    ['trigger runtime', 90 * MINUTE, 6 * HOUR],
  ] as const)('%s: %d consumer, %d Workspace', (name, consumer, workspace) => {
    expect(dailyLimit(emulator().ctx, name)).toBe(consumer);
    expect(dailyLimit(emulator({ accountType: 'workspace' }).ctx, name)).toBe(workspace);
  });

  test('MailApp reports the account type’s recipients', () => {
    expect(emulator({ accountType: 'workspace' }).MailApp.getRemainingDailyQuota()).toBe(1_500);
    expect(emulator().MailApp.getRemainingDailyQuota()).toBe(100);
  });
});

describe('daily quotas: the day turns at midnight Pacific', () => {
  test('Pacific dates and midnights, across the change to daylight time', () => {
    expect(pacificDate(START.getTime())).toBe('2025-01-01');
    expect(nextPacificMidnight(START.getTime())).toBe(PACIFIC_MIDNIGHT);
    // 9 Mar 2025 is 23 hours long in Los Angeles: the next midnight is 07:00 UTC on the 10th.
    expect(nextPacificMidnight(Date.UTC(2025, 2, 9, 12))).toBe(Date.UTC(2025, 2, 10, 7));
  });

  test('a spent UrlFetch quota refuses until Pacific midnight, then counts afresh', () => {
    const emu = emulator({ dailyUrlFetchQuota: 2 });
    const url = 'https://nowhere.example/';
    expect(() => emu.UrlFetchApp.fetchAll([url, url])).toThrow(); // DNS failure, but counted
    expect(thrown(() => emu.UrlFetchApp.fetch(url)).message).toBe(
      'Service invoked too many times for one day: urlfetch.',
    );
    expect(resetsAt(emu.ctx, 'urlfetch')?.getTime()).toBe(PACIFIC_MIDNIGHT);
    emu.ctx.clock.set(PACIFIC_MIDNIGHT - 1);
    expect(thrown(() => emu.UrlFetchApp.fetch(url)).message).toMatch(/for one day: urlfetch/);
    emu.ctx.clock.set(PACIFIC_MIDNIGHT);
    expect(thrown(() => emu.UrlFetchApp.fetch(url)).message).toMatch(/DNS error/);
    expect(remaining(emu.ctx, 'urlfetch')).toBe(1);
  });

  test('read as 24 hours after the first request, the same quota waits a whole day', () => {
    const emu = emulator({ dailyMailQuota: 1, quotaDay: 'rolling-24h' });
    emu.MailApp.sendEmail('a@x.gov.vn', 'S', 'B');
    emu.ctx.clock.set(PACIFIC_MIDNIGHT);
    expect(thrown(() => emu.MailApp.sendEmail('a@x.gov.vn', 'S', 'B')).message).toBe(
      'Service invoked too many times for one day: email.',
    );
    emu.ctx.clock.set(START.getTime() + 24 * HOUR);
    emu.MailApp.sendEmail('a@x.gov.vn', 'S', 'B');
    expect(emu.MailApp.getRemainingDailyQuota()).toBe(0);
  });

  test('quotas are per user', () => {
    const emu = emulator({ dailyMailQuota: 1 });
    emu.MailApp.sendEmail('a@x.gov.vn', 'S', 'B');
    emu.as('other@x.gov.vn', () => emu.MailApp.sendEmail('a@x.gov.vn', 'S', 'B'));
    expect(emu.MailApp.getRemainingDailyQuota()).toBe(0);
  });
});

describe('daily quotas: each one refuses past its limit, doing nothing', () => {
  test('the 251st DocumentApp.create of a consumer day: "…: docs create." and no file', () => {
    const emu = emulator();
    for (let i = 0; i < 250; i++) emu.DocumentApp.create(`D${i}`);
    const files = emu.ctx.drive.all().length;
    expect(thrown(() => emu.DocumentApp.create('D250')).message).toBe(
      'Service invoked too many times for one day: docs create.',
    );
    expect(emu.ctx.drive.all()).toHaveLength(files);
    emu.ctx.clock.set(PACIFIC_MIDNIGHT);
    emu.DocumentApp.create('next day');
    expect(emu.ctx.drive.all()).toHaveLength(files + 1);
  });

  test('SpreadsheetApp.create past its limit: "…: spreadsheets create." and no file', () => {
    const emu = emulator();
    configureQuotas(emu.ctx, { limits: { 'spreadsheets create': 2 } });
    emu.SpreadsheetApp.create('A');
    emu.SpreadsheetApp.create('B');
    const files = emu.ctx.drive.all().length;
    expect(thrown(() => emu.SpreadsheetApp.create('C')).message).toBe(
      DAILY_QUOTAS['spreadsheets create'].message,
    );
    expect(emu.ctx.drive.all()).toHaveLength(files);
  });

  test('consume refuses a charge larger than what is left, whole', () => {
    const emu = emulator();
    consume(emu.ctx, 'docs create', 249);
    expect(() => consume(emu.ctx, 'docs create', 2)).toThrow(/docs create/);
    expect(remaining(emu.ctx, 'docs create')).toBe(1);
  });
});

describe('daily quotas: triggers total runtime', () => {
  function tickEveryHour(emu: Emulator, runMs: number): { runner: TriggerRunner; tick: () => void } {
    emu.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    const tick = () => {
      emu.ctx.clock.advance(runMs);
      emu.Utilities.sleep(1); // a charged call: the execution's limits are checked
    };
    return { runner: new TriggerRunner(emu.ctx), tick };
  }

  test('a consumer owner’s 90 minutes: the run that passes them is stopped, later ones fail at once', () => {
    const emu = emulator({ start: new Date(PACIFIC_MIDNIGHT) });
    const { runner, tick } = tickEveryHour(emu, 5 * MINUTE);
    const dayEnd = PACIFIC_MIDNIGHT + 24 * HOUR;
    const runs = runner.advanceAndRun(23 * HOUR, { tick }).filter((r) => r.startedMs < dayEnd);
    // 17 runs of 5 min (and a few ms) leave under 5 min: the 18th is stopped, the rest refused.
    expect(runs.filter((r) => r.status === 'completed')).toHaveLength(17);
    const failed = runs.filter((r) => r.status === 'failed');
    expect(failed.length).toBe(runs.length - 17);
    expect(failed.map((r) => (r.error as Error).message)).toEqual(
      failed.map(() => 'Service using too much computer time for one day'),
    );
    expect(failed[0].endedMs).toBeGreaterThan(failed[0].startedMs);
    expect(failed.slice(1).every((r) => r.endedMs === r.startedMs)).toBe(true);
    expect(quotaReport(emu.ctx).find((q) => q.name === 'trigger runtime')?.used).toBeGreaterThanOrEqual(
      90 * MINUTE,
    );
  });

  test('a run longer than what is left stops there with the quota text; the next Pacific day runs again', () => {
    const emu = emulator();
    consume(emu.ctx, 'trigger runtime', 87 * MINUTE, OWNER);
    const { runner, tick } = tickEveryHour(emu, 5 * MINUTE);
    const [first] = runner.advanceAndRun(HOUR + MINUTE, { tick });
    expect(first.status).toBe('failed');
    expect((first.error as Error).message).toBe('Service using too much computer time for one day');
    expect(remaining(emu.ctx, 'trigger runtime')).toBe(0);
    const after = runner.advanceAndRun(PACIFIC_MIDNIGHT - emu.ctx.clock.nowMs() + HOUR, { tick });
    expect(after.filter((r) => r.startedMs >= PACIFIC_MIDNIGHT).map((r) => r.status)).toEqual(['completed']);
  });

  test('a menu run (not a trigger) does not count', () => {
    const emu = emulator();
    emu.ctx.clock.advance(10 * MINUTE);
    expect(remaining(emu.ctx, 'trigger runtime')).toBe(90 * MINUTE);
  });
});
