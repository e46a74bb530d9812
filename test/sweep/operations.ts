/**
 * The operations the fault sweep stops at every call, each on a small year: four sample units (an
 * agency with a proposals round, a service unit, two communes), prepared to the state just before
 * the operation. Every `prepare` is deterministic (the emulator has no randomness), so the k-th call
 * of a fresh run is the same call each time.
 */
import { mailOutbox } from '../../emulator';
import { pacificDay } from '../../emulator/core/daily-documents';
import { CONSOLIDATED_SHEET } from '../../src/domain/consolidate/master-sheets';
import { REGISTRY_HEADER_ROW, registryColumn } from '../../src/domain/registry/columns';
import { TRACK_SHEET } from '../../src/domain/tracking/track-sheet';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { focalEmail, registryRows, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import {
  fillUnitTaskTable,
  Office,
  openOffice,
  provisionedOffice,
  setConfig,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';
import { SAMPLE_PLAN_TEXTS, writePlanTexts } from '../fixtures/plan';
import { SweepOperation } from './harness';
import { setPeriodProgressLoader } from '../../src/app/progress-source';
import { PROGRESS_DASHBOARD_SHEET } from '../../src/domain/progress/dashboard';
import { defaultPeriods } from '../../src/domain/progress/periods';
import { periodProgress } from '../fixtures/period-progress';
import { periodSheetNames } from '../../src/domain/progress/master-sheets';
import { addProgressSheets, fillSampleProgress, SAMPLE_PERIODS } from '../fixtures/progress';

const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
export const UNITS: readonly SampleUnit[] = ['TP', 'BQLDA', 'HX', 'VO'].map(pick);
const [agency, serviceUnit, onTime, returned] = UNITS;

const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
/** 09:00 in Vĩnh Linh (UTC+7) on a day of 2025. */
const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);

/** A dialog's answer; by button name, so scripting it makes no service call (no fault lands there). */
function answer(office: Office, ...texts: string[]): void {
  for (const text of texts) office.emu.ui.answerNext('OK', text);
}

function fill(office: Office, unit: SampleUnit): void {
  fillUnitTaskTable(office, unit, UNITS);
}

function fillProposals(office: Office): void {
  fillTaskTable(office.emu, focalEmail(agency), unitFileId(office.master, agency.code), 'Đề xuất', [
    [],
    [],
    [
      [
        '1.',
        'Số hóa hồ sơ hộ tịch',
        'Dữ liệu số',
        'Phòng Tư pháp',
        '',
        'Quý III/2025',
        '200.000.000',
        'Ngân sách huyện',
        '',
      ],
    ],
  ]);
}

function submit(office: Office, unit: SampleUnit, round: 0 | 1 = 0): void {
  setUnitState(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), SUBMIT, round);
}

/**
 * 13 February: every unit has filled its table (TP its proposals too), HX and VO have submitted
 * their plans, TP its proposals; a refresh has recorded that.
 */
function submittedOffice(): Office {
  const office = provisionedOffice(UNITS);
  office.emu.ctx.clock.set(at(2, 13));
  for (const unit of UNITS) {
    fill(office, unit);
    writePlanTexts(office, unit, SAMPLE_PLAN_TEXTS);
  }
  fillProposals(office);
  submit(office, onTime);
  submit(office, returned);
  submit(office, agency, 1);
  entry.menuRefreshStatus();
  return office;
}

/** Throws unless `ok`: what an uninterrupted run must have done. */
function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(`the uninterrupted run did not ${what}`);
}

function planStatus(office: Office, unit: SampleUnit, round = 'Kế hoạch CCHC năm 2025'): string {
  const row = sheetValues(office.master, TRACK_SHEET).find((r) => r[0] === unit.code && r[2] === round);
  return String(row?.[3]);
}

/** Both submitted units (on time, and returned then submitted) have a Google Doc in "Đơn vị". */
function submittedUnitsHaveDocs(office: Office): boolean {
  const registry = sheetValues(office.master, 'Đơn vị');
  return [onTime, returned].every((u) =>
    String(registry.find((r) => r[0] === u.code)?.[registryColumn('planDoc') - 1] ?? '').startsWith(
      'https://docs.google.com/document/d/',
    ),
  );
}

/** Offices whose generateNextDayTrigger already fired (a rerun is the person's). */
const startedNextDay = new WeakSet<Office>();

const QUARTER_SHEET = 'Tiến độ Quý I';

function progressSheet(office: Office, unit: SampleUnit) {
  return office.emu.SpreadsheetApp.openById(unitFileId(office.master, unit.code)).getSheetByName(
    QUARTER_SHEET,
  );
}

/** The unit's status (and evidence) on the first task of its Quý I sheet, typed as its focal point. */
function typeProgress(office: Office, unit: SampleUnit, status: string): void {
  const id = unitFileId(office.master, unit.code);
  office.emu.as(focalEmail(unit), () => {
    const sheet = office.emu.SpreadsheetApp.openById(id).getSheetByName(QUARTER_SHEET);
    if (!sheet) throw new Error(`${unit.code} has no ${QUARTER_SHEET}`);
    const ids = sheet.getRange(1, 14, sheet.getMaxRows(), 1).getValues();
    const row = ids.findIndex((r, i) => i >= 4 && r[0] !== '') + 1;
    sheet.getRange(row, 8, 1, 3).setValues([[status, '', 'Văn bản số 5/UBND ngày 02/02/2025']]);
  });
}

/** The unit's "sent" for a period, in its row of "Nộp kế hoạch". */
function submitPeriod(office: Office, unit: SampleUnit, row: number): void {
  const id = unitFileId(office.master, unit.code);
  office.emu.as(focalEmail(unit), () =>
    office.emu.SpreadsheetApp.openById(id).getSheetByName('Nộp kế hoạch')?.getRange(row, 3).setValue(SUBMIT),
  );
}

const mails = (office: Office, subject: string) =>
  mailOutbox(office.emu.ctx)
    .messages()
    .filter((m) => m.subject.includes(subject));

export const OPERATIONS: Record<string, SweepOperation> = {
  setup: {
    name: 'Thiết lập ban đầu',
    prepare: () => openOffice(),
    start: () => entry.menuSetup(),
    checkReference: (office) =>
      must(
        ['Cấu hình', 'Đơn vị', 'Nhật ký'].every((n) => office.master.getSheetByName(n) !== null),
        'create the configuration, registry and log sheets',
      ),
  },
  provision: {
    name: 'Tạo tệp cho đơn vị',
    prepare: () => {
      const office = openOffice();
      entry.menuSetup();
      typeRegistry(office.master, registryRows(UNITS));
      return office;
    },
    start: () => entry.menuProvisionUnits(),
    checkReference: (office) =>
      must(
        UNITS.every((u) => unitFileId(office.master, u.code) !== ''),
        'give every unit a file',
      ),
  },
  pushTemplate: {
    name: 'Cập nhật mẫu cho các đơn vị',
    // A second focal point for BQLDA, typed in the registry: the push shares its file with them.
    // Quý I is open (13 February, plans submitted): HX's sheet holds its input and is rewritten,
    // VO has sent its report (left alone), BQLDA's plan came in since the last push (created).
    prepare: () => {
      const office = provisionedOffice(UNITS);
      office.emu.ctx.clock.set(at(2, 13));
      for (const unit of UNITS) fill(office, unit);
      submit(office, onTime);
      submit(office, returned);
      entry.menuRefreshStatus();
      entry.menuPushTemplate();
      typeProgress(office, onTime, 'Đang thực hiện');
      typeProgress(office, returned, 'Đã hoàn thành');
      submitPeriod(office, returned, 7);
      submit(office, serviceUnit);
      entry.menuRefreshStatus();
      const registry = office.master.getSheetByName('Đơn vị');
      const row = REGISTRY_HEADER_ROW + 1 + UNITS.indexOf(serviceUnit);
      registry
        ?.getRange(row, registryColumn('focalEmails'))
        .setValue(`${focalEmail(serviceUnit)}, ketoan.bqlda@vinhlinh.example.vn`);
      return office;
    },
    start: () => entry.menuPushTemplate(),
    checkReference: (office) => {
      must(
        office.emu.ctx.drive
          .peek(unitFileId(office.master, serviceUnit.code))
          ?.editors.has('ketoan.bqlda@vinhlinh.example.vn') === true,
        "share BQLDA's file with its new focal point",
      );
      must(progressSheet(office, serviceUnit) !== null, "create BQLDA's Quý I sheet");
    },
  },
  consolidate: {
    name: 'Tổng hợp dữ liệu',
    prepare: () => {
      const office = provisionedOffice(UNITS);
      for (const unit of UNITS) fill(office, unit);
      fillProposals(office);
      return office;
    },
    start: () => entry.menuConsolidate(),
    checkReference: (office) =>
      must(
        UNITS.every((u) => sheetValues(office.master, CONSOLIDATED_SHEET).some((r) => r.includes(u.name))),
        'consolidate every unit',
      ),
  },
  consolidateProgress: {
    name: 'Tổng hợp tiến độ kỳ báo cáo',
    // 17 March: three units typed their quarter I progress, VO never reports.
    prepare: () => {
      const office = provisionedOffice(UNITS);
      for (const unit of UNITS) fill(office, unit);
      addProgressSheets(office, UNITS, SAMPLE_PERIODS[0]);
      office.emu.ctx.clock.set(at(3, 16));
      fillSampleProgress(office, UNITS, SAMPLE_PERIODS[0]);
      office.emu.ctx.clock.set(at(3, 17));
      return office;
    },
    start: () => entry.menuConsolidateProgress(),
    checkReference: (office) =>
      must(
        UNITS.every((u) =>
          sheetValues(office.master, periodSheetNames(SAMPLE_PERIODS[0]).rates).some((r) => r[1] === u.code),
        ) && sheetValues(office.master, periodSheetNames(SAMPLE_PERIODS[0]).entries).length > UNITS.length,
        "consolidate every unit's quarter I progress",
      ),
  },
  refresh: {
    name: 'Cập nhật tình trạng nộp',
    // 13 February: HX submits its plan, TP its proposals; BQLDA is still drafting. VO's plan was
    // in on 5 January: its Quý I sheet was pushed, and it sends that report now (archived, locked).
    prepare: () => {
      const office = provisionedOffice(UNITS);
      office.emu.ctx.clock.set(at(1, 5));
      for (const unit of UNITS) fill(office, unit);
      submit(office, returned);
      entry.menuRefreshStatus();
      entry.menuPushTemplate();
      office.emu.ctx.clock.set(at(2, 13));
      fillProposals(office);
      typeProgress(office, returned, 'Đã hoàn thành');
      submitPeriod(office, returned, 7);
      submit(office, onTime);
      submit(office, agency, 1);
      return office;
    },
    start: () => entry.menuRefreshStatus(),
    checkReference: (office) =>
      must(
        planStatus(office, onTime) === 'Đã nộp' &&
          planStatus(office, serviceUnit) === 'Đang soạn' &&
          planStatus(office, returned, 'Báo cáo tiến độ Quý I năm 2025') === 'Đã nộp',
        'record HX as submitted, BQLDA as drafting and VO’s Quý I as sent',
      ),
  },
  refreshSameDay: {
    name: 'Cập nhật tình trạng nộp (lần sau trong ngày: chỉ ghi các dòng đổi)',
    // As `refresh`, but an hour after a refresh of the same day: "Theo dõi nộp" and "Tổng quan"
    // are updated in place (only the rows that changed), not rebuilt.
    prepare: () => {
      const office = provisionedOffice(UNITS);
      office.emu.ctx.clock.set(at(2, 13) - 60 * 60 * 1000);
      entry.menuRefreshStatus();
      office.emu.ctx.clock.set(at(2, 13));
      for (const unit of UNITS) fill(office, unit);
      fillProposals(office);
      submit(office, onTime);
      submit(office, returned);
      submit(office, agency, 1);
      return office;
    },
    start: () => entry.menuRefreshStatus(),
    checkReference: (office) =>
      must(
        planStatus(office, onTime) === 'Đã nộp' && planStatus(office, serviceUnit) === 'Đang soạn',
        'record HX as submitted and BQLDA as drafting',
      ),
  },
  reminders: {
    name: 'Gửi nhắc nhở',
    // 16 February, the day after the plan deadline: TP and BQLDA are overdue (their heads in copy).
    prepare: () => {
      const office = submittedOffice();
      office.emu.ctx.clock.set(at(2, 16));
      return office;
    },
    start: () => entry.menuSendReminders(),
    checkReference: (office) => must(mails(office, '[Quá hạn]').length >= 2, 'send the overdue reminders'),
  },
  remindSelected: {
    name: 'Nhắc ngay (thanh bên)',
    // The sidebar's "Nhắc ngay" for one overdue unit: the same day as above, only TP is reminded.
    prepare: () => {
      const office = submittedOffice();
      office.emu.ctx.clock.set(at(2, 16));
      return office;
    },
    start: () => {
      entry.consoleRemind([agency.code]);
    },
    checkReference: (office) =>
      must(
        mails(office, '[Quá hạn]').length === 1 &&
          mails(office, '[Quá hạn]')[0].to.some((to) => to === focalEmail(agency)),
        'send TP, and only TP, its overdue reminder',
      ),
  },
  returnSubmission: {
    name: 'Trả lại để bổ sung',
    prepare: () => submittedOffice(),
    start: (office) => {
      answer(office, returned.code, 'Bổ sung kinh phí cho mục VII.');
      entry.menuReturn();
    },
    checkReference: (office) =>
      must(
        planStatus(office, returned) === 'Cần bổ sung' && mails(office, '[Cần bổ sung]').length === 1,
        'return VO and tell it',
      ),
  },
  accept: {
    name: 'Tiếp nhận kế hoạch',
    prepare: () => submittedOffice(),
    start: (office) => {
      answer(office, onTime.code);
      entry.menuAccept();
    },
    checkReference: (office) => must(planStatus(office, onTime) === 'Đã tiếp nhận', 'accept HX'),
  },
  generate: {
    name: 'Tạo văn bản kế hoạch',
    prepare: () => submittedOffice(),
    start: (office) => {
      answer(office, '');
      entry.menuGenerateUnitPlans();
    },
    checkReference: (office) =>
      must(submittedUnitsHaveDocs(office), "generate the submitted units' documents"),
  },
  progressReport: {
    name: 'Tạo báo cáo tiến độ',
    prepare: () => reportingOffice(),
    start: (office) => {
      answer(office, 'Quý I');
      entry.menuGenerateProgressReports();
    },
    checkReference: (office) =>
      must(
        office.emu.ctx.drive
          .all()
          .filter((f) => f.name.startsWith('Báo cáo CCHC Quý I 2025 - ') && f.name.endsWith('.pdf'))
          .length === 4 && office.master.getSheetByName(PROGRESS_DASHBOARD_SHEET)?.getCharts().length === 2,
        "make the office's and three units' reports and the progress dashboard",
      ),
  },
  progressDashboard: {
    name: 'Cập nhật biểu đồ tiến độ',
    prepare: () => reportingOffice(),
    start: () => entry.menuRefreshProgressDashboard(),
    checkReference: (office) =>
      must(
        office.master.getSheetByName(PROGRESS_DASHBOARD_SHEET)?.getCharts().length === 2,
        "build the progress dashboard's two charts from the consolidated quarter",
      ),
  },
  generateNextDay: {
    name: 'Tạo văn bản kế hoạch (hôm sau)',
    prepare: () => {
      const office = submittedOffice();
      // The day's documents are spent (as the product counts them): the menu run makes none and
      // leaves the units for generateNextDayTrigger; then Google's quota resets at midnight Pacific.
      office.emu.PropertiesService.getDocumentProperties().setProperty(
        'cchc.docs.createdToday',
        JSON.stringify({ day: pacificDay(office.emu.ctx.clock.nowMs()), count: 250 }),
      );
      answer(office, '');
      entry.menuGenerateUnitPlans();
      office.emu.ctx.clock.set(at(2, 13) + 7 * 3600 * 1000);
      return office;
    },
    // The trigger fires once; a person who then sees its failure in "Nhật ký" uses the menu item.
    start: (office) => {
      if (startedNextDay.has(office)) {
        answer(office, '');
        entry.menuGenerateUnitPlans();
      } else {
        startedNextDay.add(office);
        entry.generateNextDayTrigger();
      }
    },
    checkReference: (office) =>
      must(submittedUnitsHaveDocs(office), "generate, the next day, the submitted units' documents"),
  },
  generateTemplate: {
    name: 'Tạo văn bản kế hoạch (mẫu văn bản riêng)',
    prepare: () => {
      const office = submittedOffice();
      const template = office.emu.DocumentApp.create('Mẫu kế hoạch của văn phòng');
      const body = template.getBody();
      for (const line of [
        '{{co_quan_ban_hanh}}',
        'Kính gửi: {{don_vi}}',
        '{{noi_nhan}}',
        '{{BANG_NHIEM_VU}}',
      ])
        body.appendParagraph(line);
      template.addHeader().appendParagraph('Năm {{nam}}');
      const templateId = template.getId();
      template.saveAndClose();
      setConfig(office.master, 'documentTemplateId', templateId);
      return office;
    },
    start: (office) => {
      answer(office, '');
      entry.menuGenerateUnitPlans();
    },
    checkReference: (office) =>
      must(
        submittedUnitsHaveDocs(office),
        "generate the submitted units' documents from the office's template",
      ),
  },
};

/**
 * 20 March: quarter I consolidated (the loader gives crafted progress, as the consolidation's
 * loadPeriodProgress would): TP, BQLDA and VO reported, one task overdue; HX never reported.
 */
function reportingOffice(): Office {
  const office = provisionedOffice(UNITS, false);
  office.emu.ctx.clock.set(at(3, 20));
  const [q1] = defaultPeriods(2025, 'huyện');
  const ref = (u: SampleUnit) => ({ code: u.code, name: u.name });
  const progress = periodProgress(q1, 2025, [
    {
      unit: ref(agency),
      state: 'reported',
      tasks: [
        {
          task: 'Ban hành kế hoạch CCHC',
          area: 1,
          time: 'Tháng 1/2025',
          status: 'done',
          done: { y: 2025, m: 1, d: 20 },
        },
        {
          task: 'Kiểm tra CCHC',
          area: 1,
          time: 'Tháng 2/2025',
          status: 'in-progress',
          reason: 'Thiếu nhân lực',
        },
      ],
    },
    {
      unit: ref(serviceUnit),
      state: 'reported',
      tasks: [{ task: 'Số hóa hồ sơ', area: 7, time: 'Thường xuyên', status: 'in-progress' }],
    },
    { unit: ref(onTime), state: 'missing', tasks: [] },
    {
      unit: ref(returned),
      state: 'drafting',
      tasks: [{ task: 'Tuyên truyền CCHC', area: 1, time: 'Quý I/2025', status: 'not-started' }],
    },
  ]);
  setPeriodProgressLoader((_m, _c, period) => (period.key === q1.key ? progress : null));
  return office;
}
