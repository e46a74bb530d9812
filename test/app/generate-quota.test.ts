import { configureQuotas } from '../../emulator/core/quotas';
import { TriggerRunner } from '../../emulator';
import { pacificDay } from '../../emulator/core/daily-documents';
import { registryColumn } from '../../src/domain/registry/columns';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import {
  Office,
  provisionedOffice,
  runContinuations,
  setConfig,
  sheetValues,
  unitFileId,
} from '../fixtures/office';
import { SAMPLE_PLAN_TEXTS, writePlanTexts } from '../fixtures/plan';

const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = [pick('TP'), pick('VHO')];

function submittedOffice(): Office {
  const office = provisionedOffice(UNITS);
  office.emu.ctx.clock.set(Date.UTC(2025, 1, 6, 2)); // 18:00 Pacific on 5 February
  for (const unit of UNITS) {
    const id = unitFileId(office.master, unit.code);
    fillTaskTable(office.emu, focalEmail(unit), id, 'Nhiệm vụ', sampleTasks(unit, UNITS));
    writePlanTexts(office, unit, SAMPLE_PLAN_TEXTS);
    setUnitState(office.emu, focalEmail(unit), id, 'Đã hoàn thành, đề nghị tiếp nhận');
  }
  entry.menuRefreshStatus();
  return office;
}

/** Documents already made today (by this office, before the run), as the product counts them. */
function usedToday(office: Office, count: number): void {
  office.emu.PropertiesService.getDocumentProperties().setProperty(
    'cchc.docs.createdToday',
    JSON.stringify({ day: pacificDay(office.emu.ctx.clock.nowMs()), count }),
  );
}

function generate(office: Office): void {
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, '');
  entry.menuGenerateUnitPlans();
}

const docLink = (office: Office, unit: SampleUnit) =>
  String(
    sheetValues(office.master, 'Đơn vị').find((r) => r[0] === unit.code)?.[registryColumn('planDoc') - 1] ??
      '',
  );

/** Everything the person was shown (alerts and toasts), newest last. */
function shown(office: Office): string {
  const ui = office.emu.ui as unknown as {
    dialogList: { kind: string; prompt: string }[];
    toastList: { message: string }[];
  };
  return [
    ...ui.dialogList.filter((d) => d.kind === 'alert').map((d) => d.prompt),
    ...ui.toastList.map((t) => t.message),
  ].join('\n');
}

const docsNamed = (office: Office, unit: SampleUnit) =>
  office.emu.ctx.drive.all().filter((it) => it.name === `Văn bản KH CCHC 2025 - ${unit.name}`);

const nextDayTriggers = (office: Office) =>
  office.emu.ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === 'generateNextDayTrigger',
  );

describe("the day's document quota", () => {
  let office: Office;
  afterEach(() => office.close());

  it('makes what today allows, says so, and makes the rest after the quota resets — each once', () => {
    office = submittedOffice();
    usedToday(office, 250 - 2); // two left: the layout template and one unit
    generate(office);
    runContinuations(office);
    expect(shown(office)).toContain(
      'hôm nay còn tạo được 1 văn bản, đang tạo 1 đơn vị đầu; 1 đơn vị còn lại sẽ tự được tạo sau',
    );
    expect(docLink(office, UNITS[0])).toMatch(/docs\.google\.com\/document\/d\//);
    expect(docLink(office, UNITS[1])).toBe('');
    expect(nextDayTriggers(office)).toHaveLength(1);

    // Past midnight Pacific (08:00 UTC) the trigger makes the other unit's document.
    const runner = new TriggerRunner(office.emu.ctx);
    runner.advanceAndRun(7 * 3600 * 1000, {
      generateNextDayTrigger: entry.generateNextDayTrigger,
      continueJobsTrigger: entry.continueJobsTrigger,
    });
    runContinuations(office);
    expect(docLink(office, UNITS[1])).toMatch(/docs\.google\.com\/document\/d\//);
    expect(docsNamed(office, UNITS[0])).toHaveLength(1);
    expect(docsNamed(office, UNITS[1])).toHaveLength(1);
    expect(nextDayTriggers(office)).toHaveLength(0);
    expect(
      office.emu.PropertiesService.getDocumentProperties().getProperty('cchc.generate.nextDay'),
    ).toBeNull();
  });

  it('makes nothing when today is spent, and everything the next day', () => {
    office = submittedOffice();
    usedToday(office, 250);
    generate(office);
    expect(shown(office)).toContain('hôm nay đã dùng hết. 2 văn bản sẽ tự được tạo sau');
    expect(UNITS.map((u) => docsNamed(office, u).length)).toEqual([0, 0]);
    expect(office.emu.PropertiesService.getDocumentProperties().getProperty('cchc.job.generate')).toBeNull();
    new TriggerRunner(office.emu.ctx).advanceAndRun(7 * 3600 * 1000, {
      generateNextDayTrigger: entry.generateNextDayTrigger,
      continueJobsTrigger: entry.continueJobsTrigger,
    });
    runContinuations(office);
    expect(UNITS.map((u) => docsNamed(office, u).length)).toEqual([1, 1]);
  });

  it('a person who makes the waiting units by hand after the reset takes them off the next-day list', () => {
    office = submittedOffice();
    usedToday(office, 250);
    generate(office);
    expect(nextDayTriggers(office)).toHaveLength(1);
    // After midnight Pacific, before the trigger fires, the person runs the menu item again.
    office.emu.ctx.clock.advance(7 * 3600 * 1000);
    generate(office);
    runContinuations(office);
    expect(UNITS.map((u) => docsNamed(office, u).length)).toEqual([1, 1]);
    expect(nextDayTriggers(office)).toHaveLength(0);
    expect(
      office.emu.PropertiesService.getDocumentProperties().getProperty('cchc.generate.nextDay'),
    ).toBeNull();
  });

  it("follows the office's account type: on Google Workspace, 1,500 a day", () => {
    office = submittedOffice();
    setConfig(office.master, 'googleAccount', 'Google Workspace');
    configureQuotas(office.emu.ctx, { accountType: 'workspace' });
    usedToday(office, 250); // a consumer account's whole day, not a Workspace one's
    generate(office);
    runContinuations(office);
    expect(shown(office)).not.toContain('hôm nay');
    expect(UNITS.map((u) => docsNamed(office, u).length)).toEqual([1, 1]);
    expect(nextDayTriggers(office)).toHaveLength(0);
  });

  it('counts every Google Doc it creates, the layout template included', () => {
    office = submittedOffice();
    usedToday(office, 0);
    generate(office);
    runContinuations(office);
    const counted = JSON.parse(
      office.emu.PropertiesService.getDocumentProperties().getProperty('cchc.docs.createdToday') ?? '{}',
    ) as { count: number };
    expect(counted.count).toBe(1 + UNITS.length); // the layout template and one per unit
  });
});
