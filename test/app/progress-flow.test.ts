import { mailOutbox } from '../../emulator';
import { urlFetchControls } from '../../emulator/services/url-fetch';
import { TRACK_SHEET } from '../../src/domain/tracking/track-sheet';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import {
  fillUnitTaskTable,
  lastLog,
  Office,
  provisionedOffice,
  sheetValues,
  unitFileId,
} from '../fixtures/office';

const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
/** 09:00 in Vĩnh Linh (UTC+7) on a day of 2025 (the sample plan year). */
const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);
const QUARTER = 'Tiến độ Quý I';
const QUARTER_ROUND = 'Báo cáo tiến độ Quý I năm 2025';

const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = ['TP', 'HX', 'VO'].map(pick);
const [agency, reporting, silent] = UNITS;

function values(office: Office, unit: SampleUnit, sheet: string): unknown[][] {
  const s = office.emu.SpreadsheetApp.openById(unitFileId(office.master, unit.code)).getSheetByName(sheet);
  return s ? s.getDataRange().getValues() : [];
}

function fill(office: Office, unit: SampleUnit): void {
  fillUnitTaskTable(office, unit, UNITS);
}

/** Row 6 is the plan (and 7 an agency's proposals), the periods follow. */
function submitRow(office: Office, unit: SampleUnit, row: number, state = SUBMIT): void {
  const id = unitFileId(office.master, unit.code);
  office.emu.as(focalEmail(unit), () =>
    office.emu.SpreadsheetApp.openById(id).getSheetByName('Nộp kế hoạch')?.getRange(row, 3).setValue(state),
  );
}

function track(office: Office, unit: SampleUnit, round: string): unknown[] | undefined {
  return sheetValues(office.master, TRACK_SHEET).find((r) => r[0] === unit.code && r[2] === round);
}

/** The unit types into its progress sheet (as its focal point, through its protections). */
function type(office: Office, unit: SampleUnit, row: number, column: number, value: string): void {
  const id = unitFileId(office.master, unit.code);
  office.emu.as(focalEmail(unit), () =>
    office.emu.SpreadsheetApp.openById(id).getSheetByName(QUARTER)?.getRange(row, column).setValue(value),
  );
}

/** 1-based row of the first task of the progress sheet (under section I). */
const firstTaskRow = (grid: unknown[][]) => grid.findIndex((r, i) => i >= 4 && r[13] !== '') + 1;

describe('a reporting period as a round: the push makes its sheet, the refresh tracks it', () => {
  let office: Office;
  afterAll(() => office.close());

  it('opens Quý I once the plan is in, keeps the unit’s input, locks and archives it when sent', () => {
    office = provisionedOffice(UNITS);
    const { emu, master } = office;
    emu.ctx.clock.set(at(2, 10));
    for (const u of UNITS) fill(office, u);
    setUnitState(emu, focalEmail(reporting), unitFileId(master, reporting.code), SUBMIT);
    setUnitState(emu, focalEmail(silent), unitFileId(master, silent.code), SUBMIT);
    entry.menuRefreshStatus();
    expect(lastLog(master)[3]).toBe('Thành công');
    // The plan as submitted is kept as the baseline, on the plan's record.
    const planRecord = JSON.parse(String(track(office, reporting, 'Kế hoạch CCHC năm 2025')?.[12]));
    expect(planRecord.baselineIds.length).toBeGreaterThan(0);

    // The plan's own sheets are never written by the push.
    const planBefore = ['Nhiệm vụ', 'Kế hoạch'].map((s) => values(office, reporting, s));
    const controls = urlFetchControls(emu.ctx);
    const requestsBefore = controls.requests().length;
    const opened = emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuPushTemplate();
    expect(lastLog(master)[3]).toBe('Thành công');
    // Budget: one masked read and one batchUpdate per file, no file opened with SpreadsheetApp.
    const api = controls
      .requests()
      .slice(requestsBefore)
      .filter((r) => r.url.includes('sheets.googleapis.com'));
    expect(api.filter((r) => r.method === 'GET')).toHaveLength(UNITS.length);
    expect(api.filter((r) => r.method === 'POST')).toHaveLength(UNITS.length);
    expect(emu.ctx.ledger.count('SpreadsheetApp.openById') - opened).toBe(0);
    expect(['Nhiệm vụ', 'Kế hoạch'].map((s) => values(office, reporting, s))).toEqual(planBefore);

    // A unit whose plan is not in has no period yet; the others have Quý I, not later periods.
    expect(values(office, agency, QUARTER)).toEqual([]);
    const sheet = values(office, reporting, QUARTER);
    expect(sheet[3][0]).toBe('TT');
    expect(values(office, reporting, 'Tiến độ 6 tháng')).toEqual([]);
    const tasks = sheet.filter((r, i) => i >= 4 && r[13] !== '');
    expect(tasks).toHaveLength(sampleTasks(reporting, UNITS).flat().length);
    expect(tasks.every((r) => r[6] === '')).toBe(true); // all from the plan as submitted
    const submission = values(office, reporting, 'Nộp kế hoạch');
    expect(submission[6].slice(0, 3)).toEqual([QUARTER_ROUND, '16/03/2025', 'Đang soạn']);

    // The unit reports on its first task; the office returns the plan, the unit adds a task.
    const row = firstTaskRow(sheet);
    type(office, reporting, row, 8, 'Đã hoàn thành');
    type(office, reporting, row, 10, 'Quyết định số 12/QĐ-UBND ngày 05/3/2025');
    expect(() => type(office, reporting, row, 2, 'sửa nhiệm vụ')).toThrow('protected cell');
    emu.ui.answerNext(emu.SpreadsheetApp.getUi().Button.OK, reporting.code);
    emu.ui.answerNext(emu.SpreadsheetApp.getUi().Button.OK, 'Bổ sung nhiệm vụ.');
    entry.menuReturn();
    fillTaskTable(emu, focalEmail(reporting), unitFileId(master, reporting.code), 'Nhiệm vụ', [
      [['9', 'Rà soát quy chế làm việc năm 2025', 'Quy chế', 'Văn phòng', '', 'Quý II/2025']],
    ]);
    entry.menuPushTemplate();
    const refreshed = values(office, reporting, QUARTER);
    expect(refreshed.filter((r) => r[6] === 'Bổ sung').map((r) => r[1])).toEqual([
      'Rà soát quy chế làm việc năm 2025',
    ]);
    const kept = refreshed.find((r) => r[13] === sheet[row - 1][13]) as unknown[];
    expect(kept.slice(7, 10)).toEqual(['Đã hoàn thành', '', 'Quyết định số 12/QĐ-UBND ngày 05/3/2025']);

    // Typed: drafting. The push recorded the sheets' gids: the refresh reads them as CSV, opening
    // no file. Sent: submitted, archived, locked; a later push leaves it as it is.
    const openedBefore = emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuRefreshStatus();
    expect(emu.ctx.ledger.count('SpreadsheetApp.openById') - openedBefore).toBe(0);
    expect(track(office, reporting, QUARTER_ROUND)?.[3]).toBe('Đang soạn');
    emu.ctx.clock.set(at(3, 12));
    submitRow(office, reporting, 7);
    entry.menuRefreshStatus();
    const sent = track(office, reporting, QUARTER_ROUND) as unknown[];
    expect(sent[3]).toBe('Đã nộp');
    expect(String(sent[11])).toContain('https://docs.google.com/spreadsheets/d/');
    expect(() => type(office, reporting, row, 12, 'thêm')).toThrow('protected cell');
    const locked = values(office, reporting, QUARTER);
    entry.menuPushTemplate();
    expect(values(office, reporting, QUARTER)).toEqual(locked);

    // Reminders for the period: VO never reports; "before" is sent once, not again the same day.
    const outbox = mailOutbox(emu.ctx);
    const seen = outbox.messages().length;
    emu.ctx.clock.set(at(3, 13));
    entry.menuSendReminders();
    entry.menuSendReminders();
    const mails = outbox
      .messages()
      .slice(seen)
      .filter((m) => m.subject.includes(QUARTER_ROUND));
    expect(mails.map((m) => m.to[0])).toEqual([focalEmail(silent)]);
    expect(track(office, silent, QUARTER_ROUND)?.[7]).toBe('before');

    // Trả lại and Tiếp nhận work on a period round through the menu ("code/period"): a return
    // unlocks the sheet and sets the unit's row back; the report sent again is archived again.
    emu.ui.answerNext(emu.SpreadsheetApp.getUi().Button.OK, `${reporting.code}/Quý I`);
    emu.ui.answerNext(emu.SpreadsheetApp.getUi().Button.OK, 'Bổ sung minh chứng.');
    entry.menuReturn();
    expect(track(office, reporting, QUARTER_ROUND)?.[3]).toBe('Cần bổ sung');
    expect(values(office, reporting, 'Nộp kế hoạch')[6].slice(2, 6)).toEqual([
      'Đang soạn',
      '',
      'Cần bổ sung',
      'Bổ sung minh chứng.',
    ]);
    expect(() => type(office, reporting, row, 12, 'thêm')).not.toThrow();
    emu.ctx.clock.set(at(3, 14));
    submitRow(office, reporting, 7);
    entry.menuRefreshStatus();
    expect(String(track(office, reporting, QUARTER_ROUND)?.[11]).split('\n')).toHaveLength(2);
    emu.ui.answerNext(emu.SpreadsheetApp.getUi().Button.OK, `${reporting.code}/Quý I`);
    entry.menuAccept();
    expect(track(office, reporting, QUARTER_ROUND)?.[3]).toBe('Đã tiếp nhận');
    // A period that is not open for the unit is refused by name.
    emu.ui.answerNext(emu.SpreadsheetApp.getUi().Button.OK, `${reporting.code}/6 tháng`);
    entry.menuAccept();
    expect(lastLog(master)[5]).toContain('chưa có kỳ báo cáo tiến độ "6 tháng"');
  });
});

describe('the progress sheets through SpreadsheetApp (the API refused)', () => {
  let office: Office;
  afterEach(() => office.close());

  /** The progress sheet's values, validations' formulas and protections, comparable. */
  function shape(o: Office, unit: SampleUnit): unknown {
    const ss = o.emu.SpreadsheetApp.openById(unitFileId(o.master, unit.code));
    const sheet = ss.getSheetByName(QUARTER);
    if (!sheet) return null;
    const range = sheet.getDataRange();
    const protections = sheet
      .getProtections(o.emu.SpreadsheetApp.ProtectionType.SHEET)
      .map((p) => [p.getDescription(), p.getUnprotectedRanges().map((r) => r.getA1Notation())]);
    const submission = ss.getSheetByName('Nộp kế hoạch');
    return {
      values: range.getValues(),
      rules: range
        .getDataValidations()
        .map((row) => row.map((v) => (v ? `${String(v.getCriteriaType())}|${v.getAllowInvalid()}` : ''))),
      protections,
      submission: submission?.getRange(6, 1, 3, 3).getValues(),
      open: submission
        ?.getProtections(o.emu.SpreadsheetApp.ProtectionType.SHEET)
        .map((p) => p.getUnprotectedRanges().map((r) => r.getA1Notation())),
    };
  }

  function prepared(): Office {
    const o = provisionedOffice(UNITS);
    o.emu.ctx.clock.set(at(2, 10));
    for (const u of UNITS) fill(o, u);
    setUnitState(o.emu, focalEmail(reporting), unitFileId(o.master, reporting.code), SUBMIT);
    entry.menuRefreshStatus();
    return o;
  }

  it('ends as the API path does, and a second push changes nothing', () => {
    office = prepared();
    entry.menuPushTemplate();
    const viaApi = shape(office, reporting);
    expect(viaApi).not.toBeNull();
    office.close();

    office = prepared();
    urlFetchControls(office.emu.ctx).failNext('sheets.googleapis.com', 500, { times: 1000 });
    entry.menuPushTemplate();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(shape(office, reporting)).toEqual(viaApi);
    urlFetchControls(office.emu.ctx).failNext('sheets.googleapis.com', 500, { times: 1000 });
    entry.menuPushTemplate();
    expect(shape(office, reporting)).toEqual(viaApi);
  });

  it('names a progress sheet whose header the unit changed, and leaves it as it is', () => {
    office = prepared();
    entry.menuPushTemplate();
    const id = unitFileId(office.master, reporting.code);
    const sheet = office.emu.SpreadsheetApp.openById(id).getSheetByName(QUARTER);
    sheet?.getRange(4, 8).setValue('Trạng thái');
    const before = sheet?.getDataRange().getValues();
    entry.menuPushTemplate();
    expect(sheet?.getDataRange().getValues()).toEqual(before);
    expect(lastLog(office.master)[5]).toContain(
      `${reporting.name}, trang "${QUARTER}": tiêu đề cột (dòng 4) đã bị sửa`,
    );
  });
});
