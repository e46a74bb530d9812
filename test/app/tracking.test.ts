import { mailOutbox, TriggerRunner, urlFetchControls } from '../../emulator';
import { DASHBOARD_SHEET } from '../../src/domain/tracking/dashboard';
import { MAIL_LOG_SHEET } from '../../src/domain/tracking/mail-log';
import { TRACK_SHEET } from '../../src/domain/tracking/track-sheet';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { focalEmail, headEmail, SAMPLE_ADMIN, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import {
  fillUnitTaskTable,
  lastLog,
  Office,
  provisionedOffice,
  setConfig,
  sheetValues,
  unitFileId,
} from '../fixtures/office';

const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
/** 09:00 in Vĩnh Linh (UTC+7) on a day of 2025. */
const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);
const PLAN = 'Kế hoạch CCHC năm 2025';
/** The plan-round reminders in the outbox (YT's proposals stay overdue and are reminded too). */
const isPlan = (m: { subject: string }) => m.subject.includes(PLAN);

const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
// Two agencies (plan + proposals rounds), a service unit and three communes.
const UNITS = ['TP', 'YT', 'BQLDA', 'HX', 'VHO', 'VO'].map(pick);
const [onTime, late, edited, returned, never, agencyProposals] = [
  pick('HX'),
  pick('VHO'),
  pick('BQLDA'),
  pick('VO'),
  pick('YT'),
  pick('TP'),
];

function status(
  office: Office,
  code: string,
  round = 'Kế hoạch CCHC năm 2025',
): { status: string; flags: string; sent: string } {
  const row = sheetValues(office.master, TRACK_SHEET).find((r) => r[0] === code && r[2] === round);
  return { status: String(row?.[3]), flags: String(row?.[6]), sent: String(row?.[7]) };
}

function fill(office: Office, unit: SampleUnit): void {
  fillUnitTaskTable(office, unit, UNITS);
}

function submit(office: Office, unit: SampleUnit, round: 0 | 1 = 0): void {
  setUnitState(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), SUBMIT, round);
}

function answer(office: Office, ...texts: string[]): void {
  for (const text of texts) office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, text);
}

describe('a round through time', () => {
  let office: Office;
  afterAll(() => office.close());

  it('walks the sample units from the letter to the deadline and after', () => {
    office = provisionedOffice(UNITS);
    const { emu, master } = office;
    const clock = emu.ctx.clock;
    const outbox = mailOutbox(emu.ctx);
    let seen = 0;
    /** Emails sent since the last call. */
    const fresh = () => {
      const all = outbox.messages();
      const news = all.slice(seen);
      seen = all.length;
      return news;
    };

    // 5 January: some units start; nobody has submitted.
    clock.set(at(1, 5));
    for (const u of [onTime, late, edited, returned, agencyProposals]) fill(office, u);
    entry.menuRefreshStatus();
    expect(status(office, onTime.code).status).toBe('Đang soạn');
    expect(status(office, never.code).status).toBe('Chưa thực hiện');

    // 7 January: three days before the proposals deadline (10/01), agencies are reminded.
    clock.set(at(1, 7));
    entry.menuSendReminders();
    const january = fresh();
    expect(january.map((m) => m.to[0]).sort()).toEqual(
      [focalEmail(agencyProposals), focalEmail(never)].sort(),
    );
    expect(january[0].subject).toContain('Đề xuất nhiệm vụ mới, đột phá');
    entry.menuSendReminders(); // same day again: the same tier is never sent twice
    expect(fresh()).toHaveLength(0);

    // 9 January: TP submits its proposals: archived, locked.
    clock.set(at(1, 9));
    fillTaskTable(emu, focalEmail(agencyProposals), unitFileId(master, agencyProposals.code), 'Đề xuất', [
      [
        [
          '1.',
          'Số hóa hộ tịch',
          'Dữ liệu',
          'Phòng Tư pháp',
          '',
          'Quý III/2025',
          '100.000.000',
          'Ngân sách huyện',
          '',
        ],
      ],
    ]);
    submit(office, agencyProposals, 1);
    entry.menuRefreshStatus();
    expect(status(office, agencyProposals.code, 'Đề xuất nhiệm vụ mới, đột phá').status).toBe('Đã nộp');
    const tpFile = unitFileId(master, agencyProposals.code);
    const tpEdit = (sheet: string, row: number) => () =>
      emu.as(focalEmail(agencyProposals), () =>
        emu.SpreadsheetApp.openById(tpFile).getSheetByName(sheet)?.getRange(row, 2).setValue('sửa'),
      );
    expect(tpEdit('Đề xuất', 6)).toThrow('protected cell');
    expect(tpEdit('Nhiệm vụ', 7)).not.toThrow(); // the plan round stays open
    const archived = emu.DriveApp.getFilesByName(
      `${agencyProposals.name} - Đề xuất nhiệm vụ mới, đột phá - bản nộp 09-01-2025 09-00`,
    );
    expect(archived.hasNext()).toBe(true);

    // 10 February: HX submits on time. 12 February: plan reminders three days before 15/02.
    clock.set(at(2, 10));
    submit(office, onTime);
    entry.menuRefreshStatus();
    clock.set(at(2, 12));
    entry.menuSendReminders();
    const before = fresh();
    expect(
      before
        .filter(isPlan)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([late, edited, returned, never, agencyProposals].map(focalEmail).sort());
    expect(before.filter(isPlan).every((m) => m.cc.length === 0)).toBe(true);
    // YT's proposals are overdue since 10/01: that reminder copies its head.
    expect(before.filter((m) => !isPlan(m)).map((m) => m.cc)).toEqual([[headEmail(never)]]);

    // 13 February: BQLDA submits, and the office later changes a task in its file.
    clock.set(at(2, 13));
    submit(office, edited);
    entry.menuRefreshStatus();
    emu.SpreadsheetApp.openById(unitFileId(master, edited.code))
      .getSheetByName('Nhiệm vụ')
      ?.getRange(6, 3)
      .setValue('Sửa bởi văn phòng');

    // 14 February: VO submits; the office returns it with a comment.
    clock.set(at(2, 14));
    submit(office, returned);
    entry.menuRefreshStatus();
    answer(office, returned.code, 'Bổ sung kinh phí cho mục VII.');
    entry.menuReturn();
    expect(status(office, returned.code).status).toBe('Cần bổ sung');
    expect(fresh().map((m) => m.subject)).toEqual([
      `[Cần bổ sung] Kế hoạch CCHC năm 2025 - ${returned.name}`,
    ]);
    const voFile = emu.SpreadsheetApp.openById(unitFileId(master, returned.code));
    expect(voFile.getSheetByName('Nộp kế hoạch')?.getRange(6, 3, 1, 4).getValues()[0]).toEqual([
      'Đang soạn',
      '',
      'Cần bổ sung',
      'Bổ sung kinh phí cho mục VII.',
    ]);
    expect(() =>
      emu.as(focalEmail(returned), () =>
        voFile.getSheetByName('Nhiệm vụ')?.getRange(6, 7).setValue('20.000.000'),
      ),
    ).not.toThrow();

    // 15 February, the deadline: VO resubmits; the office accepts HX; due-day reminders.
    clock.set(at(2, 15));
    submit(office, returned);
    entry.menuRefreshStatus();
    answer(office, onTime.code);
    entry.menuAccept();
    entry.menuSendReminders();
    expect(
      fresh()
        .filter(isPlan)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([late, never, agencyProposals].map(focalEmail).sort());

    // 16 February: overdue, with the unit head in copy.
    clock.set(at(2, 16));
    entry.menuSendReminders();
    const overdue = fresh().filter(isPlan);
    expect(overdue.map((m) => m.cc[0]).sort()).toEqual([late, never, agencyProposals].map(headEmail).sort());
    expect(overdue.every((m) => m.subject.startsWith('[Quá hạn]'))).toBe(true);

    // 17 February: VHO submits late.
    clock.set(at(2, 17));
    submit(office, late);
    entry.menuRefreshStatus();

    expect(status(office, onTime.code)).toMatchObject({ status: 'Đã tiếp nhận', flags: '' });
    expect(status(office, late.code)).toMatchObject({ status: 'Đã nộp', flags: 'Nộp trễ' });
    expect(status(office, edited.code)).toMatchObject({ status: 'Đã nộp', flags: 'Sửa sau khi nộp' });
    expect(status(office, returned.code)).toMatchObject({ status: 'Đã nộp', flags: '' });
    expect(status(office, never.code)).toMatchObject({ status: 'Chưa thực hiện', flags: 'Quá hạn' });
    expect(status(office, never.code).sent).toBe('before, due-day, overdue-1');

    // Snapshots: VO was archived at both submissions; none was destroyed.
    const voRow = sheetValues(master, TRACK_SHEET).find(
      (r) => r[0] === returned.code && r[2] === 'Kế hoạch CCHC năm 2025',
    );
    expect(String(voRow?.[11]).split('\n')).toHaveLength(2);

    // Every email (reminders and the return notice) is in the mail log, marked sent, and the
    // dashboard counts agree with the tracking sheet.
    const log = sheetValues(master, MAIL_LOG_SHEET).slice(1);
    expect(log.map((r) => r[8])).toEqual(outbox.messages().map((m) => m.subject));
    expect(log.every((r) => r[9] === 'Đã gửi')).toBe(true);
    const dashboard = sheetValues(master, DASHBOARD_SHEET);
    const count = (label: string, nth = 0) => dashboard.filter((r) => r[0] === label)[nth]?.[1];
    expect(count('Đã nộp', 0)).toBe(3);
    expect(count('Đã tiếp nhận', 0)).toBe(1);
    expect(count('Chưa thực hiện', 0)).toBe(1);
    expect(String(dashboard.find((r) => r[0] === 'Quá hạn chưa nộp')?.[1])).toContain(never.name);
    expect(
      emu.SpreadsheetApp.openById(master.getId()).getSheetByName(DASHBOARD_SHEET)?.getCharts().length,
    ).toBeGreaterThanOrEqual(2);
    expect(lastLog(master)[3]).toBe('Thành công');

    // The registry shows each unit's plan status, coloured by conditional formatting.
    const registry = sheetValues(master, 'Đơn vị');
    expect(registry.find((r) => r[0] === never.code)?.[9]).toBe('Chưa thực hiện (Quá hạn)');
    expect(registry.find((r) => r[0] === late.code)?.[9]).toBe('Đã nộp (Nộp trễ)');
    expect(master.getSheetByName('Đơn vị')?.getConditionalFormatRules().length).toBe(6);
  });
});

describe('the cost of a new submission', () => {
  it('locks without opening the files: one Sheets API read and one write per file, each kind in one batch', () => {
    const office = provisionedOffice(UNITS.slice(0, 2));
    try {
      for (const unit of UNITS.slice(0, 2)) submit(office, unit);
      const ledger = office.emu.ctx.ledger;
      const net = urlFetchControls(office.emu.ctx);
      const before = net.requests().length;
      ledger.reset();
      entry.menuRefreshStatus();
      expect(status(office, UNITS[0].code).status).toBe('Đã nộp');
      expect(ledger.count('SpreadsheetApp.openById')).toBe(0);
      expect(ledger.count('Sheet.getProtections') + ledger.count('Spreadsheet.getProtections')).toBe(0);
      const api = net
        .requests()
        .slice(before)
        .filter((r) => r.url.startsWith('https://sheets.googleapis.com/v4/spreadsheets/'));
      expect(api.filter((r) => r.url.includes(':batchUpdate'))).toHaveLength(2);
      expect(api.filter((r) => !r.url.includes(':batchUpdate') && !r.url.includes('/values'))).toHaveLength(
        2,
      );
      // Locked, and the office's cells written, as the SpreadsheetApp way leaves them.
      const file = office.emu.SpreadsheetApp.openById(unitFileId(office.master, UNITS[0].code));
      const locks = file
        .getProtections(office.emu.SpreadsheetApp.ProtectionType.RANGE)
        .filter((p) => p.getDescription().startsWith('Đã nộp, khóa: '));
      expect(locks.length).toBeGreaterThanOrEqual(2);
      expect(file.getSheetByName('Nộp kế hoạch')?.getRange(6, 5).getValue()).toBe('Đã nhận, đang xem xét');
    } finally {
      office.close();
    }
  });
});

describe('reminders and admin rights', () => {
  let office: Office;
  afterEach(() => office.close());

  it('stops cleanly when the daily mail quota would be exceeded, and says so', () => {
    office = provisionedOffice(UNITS);
    // The whole quota for reminders (by default they leave half of it to other mail).
    setConfig(office.master, 'reminderQuotaShare', 100);
    office.emu.ctx.clock.set(at(2, 16));
    entry.menuRefreshStatus();
    const outbox = mailOutbox(office.emu.ctx);
    for (let i = 0; i < 96; i++) office.emu.MailApp.sendEmail('x@vinhlinh.example.vn', 'x', 'x'); // 4 recipients left
    outbox.clear();
    entry.menuSendReminders();
    expect(outbox.messages()).toHaveLength(2); // 2 recipients each (focal + head)
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('hết hạn mức gửi thư');
    expect(lastLog(office.master)[4]).toMatch(/^gửi 2, chưa gửi \d+$/);
  });

  it('previews without sending anything', () => {
    office = provisionedOffice(UNITS);
    office.emu.ctx.clock.set(at(2, 12));
    entry.menuPreviewReminders();
    expect(mailOutbox(office.emu.ctx).messages()).toHaveLength(0);
    const preview = office.emu.ui.dialogs().at(-1)?.prompt ?? '';
    expect(preview).toContain('Chỉ xem trước');
    expect(preview).toContain(focalEmail(never));
  });

  it('refuses a person who is not an admin', () => {
    office = provisionedOffice(UNITS);
    office.master.addEditor('nhanvien@vinhlinh.example.vn');
    office.emu.as('nhanvien@vinhlinh.example.vn', () => entry.menuSendReminders());
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('không có quyền quản trị');
    expect(mailOutbox(office.emu.ctx).messages()).toHaveLength(0);
  });

  it('installs one hourly and one daily trigger, never twice, and removes them', () => {
    office = provisionedOffice(UNITS.slice(0, 1));
    entry.menuEnableAutomation();
    entry.menuEnableAutomation();
    const handlers = office.emu.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
    expect(handlers.sort()).toEqual(['autoRefreshStatus', 'autoSendReminders']);
    // An hour later the trigger runs the refresh, as the admin who installed it, with no dialogs.
    const runner = new TriggerRunner(office.emu.ctx);
    office.emu.ui.uiAvailable = false;
    runner.advanceAndRun(60 * 60 * 1000, {
      autoRefreshStatus: entry.autoRefreshStatus,
      autoSendReminders: entry.autoSendReminders,
    });
    office.emu.ui.uiAvailable = true;
    expect(lastLog(office.master).slice(1, 4)).toEqual([
      SAMPLE_ADMIN,
      'Cập nhật trạng thái (tự động)',
      'Thành công',
    ]);
    entry.menuDisableAutomation();
    expect(office.emu.ScriptApp.getProjectTriggers()).toHaveLength(0);
  });
});
