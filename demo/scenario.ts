import { Emulator, mailOutbox } from '../emulator';
import { focalEmail, registryRows, SAMPLE_ADMIN, SAMPLE_UNITS, SampleUnit } from '../sample/vinh-linh';
import { CONSOLIDATED_SHEET, PROBLEMS_SHEET, PROPOSALS_SHEET } from '../src/domain/consolidate/master-sheets';
import { CONFIG_SHEET } from '../src/domain/config/parse-config';
import { OfficeConfig } from '../src/domain/config/fields';
import { DateOnly } from '../src/domain/dates';
import { UNIT_SHEETS } from '../src/domain/unit-file/sheets';
import * as entry from '../src/index';
import { castOf, CastMember, submitsPlan } from './cast';
import { collectFacts, ScenarioFacts } from './facts';
import { DemoOffice } from './office';
import { PeriodFacts, playReportingPeriods } from './progress-year';
import { FocalPoints } from './people';
import { configFromSheet, dayText, timelineOf, vnTime } from './timeline';

/** One line of progress: a day of the year and what happened on it. */
export interface StepReport {
  readonly day: string;
  readonly title: string;
  readonly detail: string;
  /** The product's service calls and modeled Apps Script time in this step. */
  readonly calls: number;
  readonly modeledMs: number;
  /** Apps Script executions: menu actions, and the continuations of long ones. */
  readonly executions: number;
}

export interface ScenarioOptions {
  /** The district's units (default: all 36 of the sample). */
  readonly units?: readonly SampleUnit[];
  readonly onStep?: (step: StepReport) => void;
  /**
   * Called at moments worth a look in the sidebar ("Bảng điều khiển"), with the emulator's
   * globals installed: the demo records what the sidebar would read then.
   */
  readonly onMoment?: (name: SidebarMoment) => void;
}

/** The week of the plan deadline, after the returns; and the deadline day, after acceptances. */
export type SidebarMoment = 'returned' | 'deadline';

export interface ScenarioResult {
  readonly office: DemoOffice;
  readonly config: OfficeConfig;
  readonly cast: readonly CastMember[];
  readonly facts: ScenarioFacts;
  /** The reporting periods after the plan (quarter I, six months). */
  readonly periods: readonly PeriodFacts[];
}

/** The office's letter goes out in December of the year before the plan year (the seed's date). */
const LETTER_DAY = { y: 2024, m: 12, d: 20 };

/** The emulator the scenario expects: the office's admin at the keyboard, before the letter. */
export function demoEmulator(): Emulator {
  return new Emulator({ user: SAMPLE_ADMIN, start: new Date(vnTime(LETTER_DAY, 7)) });
}

/**
 * The whole yearly cycle on `emu`, through the product's own menu functions (src/index.ts), with
 * the units' focal points typing into their files between them: setup, registry, provisioning,
 * filling in, proposals, consolidation, submissions through time with reminders, a return and a
 * resubmission, acceptance, the dashboard and the documents; then the first two reporting periods
 * (progress sheets, reports sent, late and missing, the period consolidation and its reports). Every menu action must log success,
 * or the scenario stops with the action's own message. `emu` should start on LETTER_DAY or
 * earlier, as the admin; the emulator's globals are installed for the run and removed after.
 */
export function runScenario(emu: Emulator, options: ScenarioOptions = {}): ScenarioResult {
  const units = options.units ?? SAMPLE_UNITS;
  const uninstall = emu.install(globalThis);
  try {
    return play(emu, units, options.onStep ?? (() => undefined), options.onMoment ?? (() => undefined));
  } finally {
    uninstall();
  }
}

function play(
  emu: Emulator,
  units: readonly SampleUnit[],
  onStep: (s: StepReport) => void,
  onMoment: (name: SidebarMoment) => void,
): ScenarioResult {
  const clock = emu.ctx.clock;
  const outbox = mailOutbox(emu.ctx);
  const office = new DemoOffice(emu);
  const cast = castOf(units);
  const agencies = cast.filter((m) => m.proposals !== null);
  const playing = (pred: (m: CastMember) => boolean) => cast.filter(pred);

  /** Moves the clock to `hour`:00 of `day` (never back), runs the step and reports it. */
  const step = (day: DateOnly, hour: number, title: string, body: () => string) => {
    clock.set(Math.max(vnTime(day, hour), clock.nowMs()));
    const executionsBefore = office.executions.length;
    const detail = body();
    const done = office.executions.slice(executionsBefore);
    onStep({
      day: dayText(day),
      title,
      detail,
      calls: done.reduce((n, a) => n + a.calls, 0),
      modeledMs: done.reduce((n, a) => n + a.modeledMs, 0),
      executions: done.length,
    });
  };
  const mailsSince = (n: number) => outbox.messages().length - n;
  const remind = (day: DateOnly, what: string) =>
    step(day, 10, `Gửi nhắc nhở (${what})`, () => {
      const before = outbox.messages().length;
      office.run('Gửi nhắc nhở', entry.menuSendReminders);
      const sent = outbox.messages().slice(before);
      const copied = sent.filter((m) => m.cc.length > 0).length;
      return `${sent.length} emails${copied > 0 ? `, ${copied} with the unit head in copy` : ''}`;
    });
  const refresh = () => office.run('Cập nhật trạng thái', entry.menuRefreshStatus);

  step(LETTER_DAY, 8, 'Thiết lập ban đầu', () => {
    office.run('Thiết lập ban đầu', entry.menuSetup);
    return 'master gets "Cấu hình", "Đơn vị", "Nhật ký"';
  });
  const config = configFromSheet(office.grid(CONFIG_SHEET));
  const t = timelineOf(config);
  const focal = new FocalPoints(office, units, config.planYear);

  step(LETTER_DAY, 9, 'Danh sách đơn vị + Kiểm tra danh sách đơn vị', () => {
    office.typeRegistry(registryRows(units));
    office.run('Kiểm tra danh sách đơn vị', entry.menuCheckRegistry);
    const kinds = new Map<string, number>();
    for (const u of units) kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
    return `${units.length} units: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`;
  });

  step(LETTER_DAY, 10, 'Tạo bảng tính cho đơn vị', () => {
    office.run('Tạo bảng tính cho đơn vị', entry.menuProvisionUnits);
    for (const m of cast) {
      const file = emu.ctx.drive.peek(office.fileId(m.unit.code));
      if (!file) throw new Error(`${m.unit.code} got no file`);
      const editors = [...file.editors].join(', ');
      if (editors !== focalEmail(m.unit) || file.sharingAccess !== 'PRIVATE')
        throw new Error(`${m.unit.code}'s file is shared with ${editors} (${file.sharingAccess})`);
    }
    return `${cast.length} unit spreadsheets, each shared with its focal point only`;
  });

  step(t.fillIn, 9, 'Units fill in their files', () => {
    let tasks = 0;
    let proposals = 0;
    playing((m) => m.plan !== 'untouched').forEach((m, i) => (tasks += focal.fillPlan(m, i)));
    agencies.forEach((m, i) => (proposals += m.proposals === 'never' ? 0 : focal.fillProposals(m, i)));
    refresh();
    const messy = playing((m) => m.messy.length > 0).map((m) => `${m.unit.code} (${m.messy.join(', ')})`);
    return `${tasks} task rows and plan texts, ${proposals} proposals; mistakes typed in ${messy.join(', ')}`;
  });

  remind(t.proposalsBefore, `${config.reminderDaysBefore} days before the proposals deadline`);

  step(t.proposalsSubmitted, 9, 'Agencies submit proposals + Cập nhật trạng thái', () => {
    const on = agencies.filter((m) => m.proposals === 'on-time');
    on.forEach((m) => focal.submit(m, 1));
    refresh();
    return `${on.length} agencies submitted their proposals (archived copy, inputs locked)`;
  });

  remind(t.proposalsDue, 'proposals due day');
  remind(t.proposalsOverdue, 'proposals overdue');

  step(t.proposalsLate, 9, 'Late proposals + Cập nhật trạng thái', () => {
    const late = agencies.filter((m) => m.proposals === 'late');
    late.forEach((m) => focal.submit(m, 1));
    refresh();
    return `${late.map((m) => m.unit.code).join(', ')} submitted after ${dayText(config.proposalDeadline)}`;
  });

  step(t.firstConsolidation, 9, 'Tổng hợp dữ liệu', () => {
    office.run('Tổng hợp dữ liệu', entry.menuConsolidate);
    return consolidationText(office);
  });

  step(t.localPlan, 9, 'Tạo dự thảo kế hoạch chung', () => {
    office.run('Tạo dự thảo kế hoạch chung', entry.menuGenerateLocalPlan);
    return `district plan draft (Google Doc + PDF) from the agencies' proposals`;
  });

  const onTime = playing((m) => m.plan === 'on-time' || m.plan === 'accepted');
  step(t.plansOnTime, 9, 'Units submit on time + Cập nhật trạng thái', () => {
    onTime.forEach((m) => focal.submit(m));
    refresh();
    return `${onTime.length} units submitted`;
  });

  remind(t.plansBefore, `${config.reminderDaysBefore} days before the plan deadline`);

  const returned = playing((m) => m.plan === 'returned');
  const edited = playing((m) => m.plan === 'edited');
  step(t.plansEarly, 9, 'More units submit + Cập nhật trạng thái; the office corrects a cell', () => {
    [...returned, ...edited].forEach((m) => focal.submit(m));
    refresh();
    // The office fixes a typo in a submitted file (its inputs are locked to the units, not to
    // admins): the next refresh flags the change.
    for (const m of edited) correctTypo(office, m);
    return `${[...returned, ...edited].map((m) => m.unit.code).join(', ')} submitted; ${edited
      .map((m) => m.unit.code)
      .join(', ')} corrected by the office afterwards`;
  });

  step(t.plansReturn, 9, 'Trả lại để bổ sung', () => {
    const before = outbox.messages().length;
    for (const m of returned) {
      office.run('Trả lại để bổ sung', entry.menuReturn, [
        m.unit.code,
        'Đề nghị bổ sung kinh phí và nguồn kinh phí cho các nhiệm vụ ở mục VII.',
      ]);
    }
    return `${returned.map((m) => m.unit.code).join(', ')} returned with a comment, unlocked (${mailsSince(before)} emails)`;
  });
  onMoment('returned');

  step(t.plansDue, 8, 'Returned units resubmit + Cập nhật trạng thái; Tiếp nhận', () => {
    returned.forEach((m) => focal.submit(m));
    refresh();
    const accepted = playing((m) => m.plan === 'accepted');
    for (const m of accepted) office.run('Tiếp nhận kế hoạch', entry.menuAccept, [m.unit.code]);
    return `${returned.length} resubmitted; ${accepted.map((m) => m.unit.code).join(', ')} accepted`;
  });
  onMoment('deadline');

  remind(t.plansDue, 'plan due day');
  remind(t.plansOverdue, 'plan overdue');

  const late = playing((m) => m.plan === 'late');
  step(t.plansLate, 9, 'Late units submit + Cập nhật trạng thái', () => {
    late.forEach((m) => focal.submit(m));
    refresh();
    return `${late.map((m) => m.unit.code).join(', ')} submitted after ${dayText(config.unitPlanDeadline)}`;
  });

  step(t.finalConsolidation, 9, 'Tổng hợp dữ liệu + Cập nhật trạng thái (dashboard)', () => {
    office.run('Tổng hợp dữ liệu', entry.menuConsolidate);
    refresh();
    return `${consolidationText(office)}; "Tổng quan" rebuilt`;
  });

  step(t.documents, 9, 'Tạo văn bản kế hoạch của đơn vị (blank: every submitted unit)', () => {
    office.run('Tạo văn bản kế hoạch', entry.menuGenerateUnitPlans, ['']);
    const submitted = cast.filter(submitsPlan).length;
    return `${submitted} unit plans as Google Docs + PDF, linked in "Đơn vị"`;
  });

  const periods = playReportingPeriods(office, config, cast, step, remind);

  const facts = collectFacts(office, cast, outbox.messages());
  return { office, config, cast, facts, periods };
}

function consolidationText(office: DemoOffice): string {
  const problems = office.grid(PROBLEMS_SHEET).slice(1);
  const errors = problems.filter((r) => r[7] === 'Lỗi').length;
  return `${office.grid(CONSOLIDATED_SHEET).length - 1} task rows, ${office.grid(PROPOSALS_SHEET).length - 1} proposals; ${errors} errors and ${problems.length - errors} warnings pointed at their cells`;
}

/** An admin's hand correction of one task cell in a unit's (submitted, locked) file. */
function correctTypo(office: DemoOffice, member: CastMember): void {
  const sheet = office.emu.SpreadsheetApp.openById(office.fileId(member.unit.code)).getSheetByName(
    UNIT_SHEETS.tasks,
  );
  sheet?.getRange(6, 3).setValue('Kế hoạch được ban hành (đã sửa lỗi chính tả)');
}
