import * as entry from '../../src/index';
import { setUnitState } from '../../sample/fill';
import { focalEmail, SampleUnit } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import { Office, provisionedOffice, runContinuations, sheetValues, unitFileId } from '../fixtures/office';

/**
 * The hourly status refresh's fixed cost (issue 14): an hour in which nothing changed must not
 * rebuild "Theo dõi nộp" and "Tổng quan" (drafts, swap, protections, charts), list the unit folder
 * more than once, or read the settings and the registry twice — at 1,000 units these came to about
 * 7 s of a 15 s run. The counts are the run's service calls (the emulator's ledger).
 */
const HOUR = 60 * 60 * 1000;
/** 13/02/2025 08:00 in Viet Nam (UTC+7). */
const MORNING = Date.UTC(2025, 1, 13, 1);
const TRACK = 'Theo dõi nộp';
const DASHBOARD = 'Tổng quan';

const offices: Office[] = [];
afterEach(() => {
  while (offices.length > 0) offices.pop()?.close();
});

/** A province of n units, refreshed once this morning (the day's first refresh: a rebuild). */
function refreshedOffice(n: number): { office: Office; units: SampleUnit[] } {
  const units = manyUnits(n);
  const office = provisionedOffice(units);
  offices.push(office);
  office.emu.ctx.clock.set(MORNING);
  entry.menuRefreshStatus();
  runContinuations(office);
  return { office, units };
}

type Calls = Record<string, number>;

/** The service calls of one refresh, `afterMs` after the clock's now. */
function refreshCalls(office: Office, afterMs = HOUR): Calls {
  office.emu.ctx.clock.advance(afterMs);
  office.emu.ctx.ledger.reset();
  entry.menuRefreshStatus();
  runContinuations(office);
  return { ...office.emu.ctx.ledger.snapshot(), total: office.emu.ctx.ledger.totalCalls() };
}

const count = (calls: Calls, key: string) => calls[key] ?? 0;

/** No sheet rebuilt: the only sheet made is the run's records draft, nothing protected or drawn. */
function expectNoRebuild(calls: Calls): void {
  expect(count(calls, 'Spreadsheet.insertSheet')).toBe(1);
  expect(count(calls, 'Spreadsheet.deleteSheet')).toBe(1);
  expect(count(calls, 'Range.protect') + count(calls, 'Sheet.protect')).toBe(0);
  expect(count(calls, 'Sheet.insertChart')).toBe(0);
  expect(count(calls, 'Sheet.setConditionalFormatRules')).toBe(0);
}

describe('status refresh call budget: a routine hour pays a small fixed cost', () => {
  it('with nothing changed: one folder listing, no sheet rebuilt, the same calls at 20 and 60 units', () => {
    const small = refreshCalls(refreshedOffice(20).office);
    const large = refreshCalls(refreshedOffice(60).office);
    expect(large).toEqual(small);
    expectNoRebuild(large);
    // One listing of the unit folder (times and sharing together), no file read.
    expect(count(large, 'UrlFetchApp.fetch')).toBe(1);
    expect(count(large, 'UrlFetchApp.fetchAll')).toBe(0);
    expect(count(large, 'SpreadsheetApp.openById')).toBe(0);
    // Reads: settings, registry, "Theo dõi nộp", the mail log, "Tổng quan", the progress row's key.
    expect(count(large, 'Range.getValues')).toBeLessThanOrEqual(6);
    // Writes: the draft's header, the update time, the registry column, progress (3), the log.
    expect(count(large, 'Range.setValues')).toBeLessThanOrEqual(7);
    expect(count(large, 'Spreadsheet.getSheetByName')).toBeLessThanOrEqual(18);
    expect(large.total).toBeLessThanOrEqual(130);
  });

  it('with one unit edited: its file read, its rows written, still no sheet rebuilt', () => {
    const { office, units } = refreshedOffice(20);
    const quiet = refreshCalls(office);
    office.emu.ctx.clock.advance(20 * 60 * 1000);
    const unit = units[7];
    const rowOf = () => sheetValues(office.master, TRACK).find((r) => r[0] === unit.code);
    const before = rowOf();
    setUnitState(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Đang soạn');
    const busy = refreshCalls(office, 40 * 60 * 1000);
    expectNoRebuild(busy);
    // Its sheets read in one parallel batch.
    expect(count(busy, 'UrlFetchApp.fetchAll')).toBe(1);
    expect(count(busy, 'UrlFetchApp.fetch')).toBe(count(quiet, 'UrlFetchApp.fetch'));
    // + the unit's records in the draft, + its rows in "Theo dõi nộp" (the dashboard's changed rows
    // go in the one write its update time needs anyway).
    expect(count(busy, 'Range.setValues')).toBe(count(quiet, 'Range.setValues') + 2);
    // Its record now carries the read of its edited file (an empty table is still "not started").
    expect(rowOf()).not.toEqual(before);
  });

  it('the first refresh of a day rebuilds both sheets whole, restoring a protection removed by hand', () => {
    const { office } = refreshedOffice(20);
    const track = () => office.master.getSheetByName(TRACK);
    const protections = () =>
      track()?.getProtections(office.emu.SpreadsheetApp.ProtectionType.SHEET).length ?? 0;
    expect(protections()).toBe(1);
    track()
      ?.getProtections(office.emu.SpreadsheetApp.ProtectionType.SHEET)
      .forEach((p) => p.remove());
    expectNoRebuild(refreshCalls(office));
    expect(protections()).toBe(0);
    // The next morning.
    const nextDay = refreshCalls(office, 23 * HOUR);
    expect(count(nextDay, 'Spreadsheet.insertSheet')).toBeGreaterThanOrEqual(3);
    expect(count(nextDay, 'Sheet.insertChart')).toBeGreaterThan(0);
    expect(protections()).toBe(1);
  });

  it('an update in place leaves the same values, formats and charts as a rebuild', () => {
    const { office, units } = refreshedOffice(20);
    // A first plan in opens Quý I (13/02 is in it): "Tổng quan" gains the period's block.
    office.emu.ctx.clock.advance(10 * 60 * 1000);
    const submit = (u: SampleUnit) =>
      setUnitState(
        office.emu,
        focalEmail(u),
        unitFileId(office.master, u.code),
        'Đã hoàn thành, đề nghị tiếp nhận',
      );
    submit(units[0]);
    refreshCalls(office, 10 * 60 * 1000);
    office.emu.ctx.clock.advance(20 * 60 * 1000);
    // A second opens the period's round for its unit too: a row added among the others.
    submit(units[3]);
    setUnitState(office.emu, focalEmail(units[11]), unitFileId(office.master, units[11].code), 'Đang soạn');
    const trackRows = sheetValues(office.master, TRACK).length;
    expectNoRebuild(refreshCalls(office, 40 * 60 * 1000));
    expect(sheetValues(office.master, TRACK).length).toBe(trackRows + 1);
    // An hour later the submitted file is read once more (its lock changed it), in place too.
    expectNoRebuild(refreshCalls(office));
    const inPlace = { track: looks(office, TRACK), dashboard: looks(office, DASHBOARD) };
    // A dashboard deleted by hand: the next refresh (nothing changed) must rebuild both.
    office.master.deleteSheet(office.master.getSheetByName(DASHBOARD) as GoogleAppsScript.Spreadsheet.Sheet);
    const rebuild = refreshCalls(office, 60 * 1000);
    expect(count(rebuild, 'Spreadsheet.insertSheet')).toBeGreaterThanOrEqual(3);
    expect(looks(office, TRACK)).toEqual(inPlace.track);
    const withoutTime = (l: Looks) => ({ ...l, values: l.values.filter((_, i) => i !== 1) });
    expect(withoutTime(looks(office, DASHBOARD))).toEqual(withoutTime(inPlace.dashboard));
    const quarter = (code: string) =>
      inPlace.track.values.find((r) => r[0] === code && r[2] === 'Báo cáo tiến độ Quý I năm 2025');
    expect(quarter(units[3].code)).toBeDefined();
    expect(inPlace.track.values.find((r) => r[0] === units[3].code)?.[3]).toBe('Đã nộp');
    expect(inPlace.dashboard.charts).toContain('Báo cáo tiến độ Quý I năm 2025: trạng thái|A32:B37');
  });
});

type Looks = { values: unknown[][]; weights: string[][]; backgrounds: string[][]; charts: string[] };

/** A sheet's values, bold cells and backgrounds over its data, and its charts (title and data). */
function looks(office: Office, name: string): Looks {
  const sheet = office.master.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const range = sheet.getDataRange();
  return {
    values: range.getValues(),
    weights: range.getFontWeights(),
    backgrounds: range.getBackgrounds(),
    charts: sheet
      .getCharts()
      .map(
        (c) =>
          `${String(c.getOptions().get('title'))}|${c
            .getRanges()
            .map((r) => r.getA1Notation())
            .join(',')}`,
      )
      .sort(),
  };
}
