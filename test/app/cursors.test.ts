import * as entry from '../../src/index';
import { setUnitState } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, registryRows, SampleUnit } from '../../sample/vinh-linh';
import { REGISTRY_HEADER_ROW, REGISTRY_SHEET } from '../../src/domain/registry/columns';
import { manyUnits } from '../fixtures/many-units';
import {
  Office,
  openOffice,
  runContinuations,
  sheetValues,
  typeRegistry,
  unitFileId,
  fillEveryTaskTable,
} from '../fixtures/office';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Paused jobs resume by unit code: a unit inserted, a row deleted or the registry sorted while a
 * job waits for its continuation neither repeats a unit nor skips one (issue 12, item 4).
 */

function registry(o: Office): Sheet {
  return o.master.getSheetByName(REGISTRY_SHEET) as Sheet;
}

function registryCodes(o: Office): string[] {
  const sheet = registry(o);
  return sheet
    .getRange(REGISTRY_HEADER_ROW + 1, 1, sheet.getLastRow() - REGISTRY_HEADER_ROW, 1)
    .getValues()
    .map((r) => String(r[0]));
}

/** The registry row of a unit, values included (to move it out and back in). */
function takeRow(o: Office, code: string): unknown[] {
  const sheet = registry(o);
  const row = REGISTRY_HEADER_ROW + 1 + registryCodes(o).indexOf(code);
  const values = sheet.getRange(row, 1, 1, sheet.getLastColumn()).getValues()[0];
  sheet.deleteRow(row);
  return values;
}

function insertRowAtTop(o: Office, values: unknown[]): void {
  const sheet = registry(o);
  sheet.insertRowAfter(REGISTRY_HEADER_ROW);
  sheet.getRange(REGISTRY_HEADER_ROW + 1, 1, 1, values.length).setValues([values as string[]]);
}

/** The registry sorted by code, descending (the order steps went in is turned around). */
function sortRegistry(o: Office): void {
  const sheet = registry(o);
  const range = sheet.getRange(
    REGISTRY_HEADER_ROW + 1,
    1,
    sheet.getLastRow() - REGISTRY_HEADER_ROW,
    sheet.getLastColumn(),
  );
  const rows = range.getValues();
  rows.sort((a, b) => (String(a[0]) < String(b[0]) ? 1 : -1));
  range.setValues(rows);
}

function isPaused(o: Office, name: string): boolean {
  return o.emu.PropertiesService.getDocumentProperties().getProperty(`cchc.job.${name}`) !== null;
}

/** An office of n units, each with its file provisioned; `late` units are left out of the registry. */
function office(units: readonly SampleUnit[], start?: Date, batchMs = 90_000): Office {
  const o = openOffice(start);
  entry.menuSetup();
  typeRegistry(o.master, registryRows(units));
  entry.menuProvisionUnits();
  runContinuations(o);
  // From now on a slow day for the unit files' exports: each batch of reads (or copies) takes
  // `batchMs`,
  // so a run pauses after every step.
  o.emu.ctx.ledger.onCharge((key) => {
    if (key === 'UrlFetchApp.fetchAll') o.emu.ctx.clock.advance(batchMs);
  });
  return o;
}

describe('a consolidation paused while the registry is edited', () => {
  const units = manyUnits(150);
  const tasksOf = (u: SampleUnit) => sampleTasks(u, units).flat().length;

  it('reads every unit of the registry at the end exactly once: an inserted one included, a sorted registry not repeated', () => {
    const o = office(units);
    try {
      fillEveryTaskTable(o, units);
      // One unit leaves the registry before the run (its file kept) and comes back during the pause.
      const late = units[units.length - 1];
      const lateRow = takeRow(o, late.code);
      // A unit after the first step's hundred, removed during the pause: never read.
      const dropped = units[120];

      entry.menuConsolidate();
      expect(isPaused(o, 'consolidate')).toBe(true);
      insertRowAtTop(o, lateRow);
      takeRow(o, dropped.code);
      sortRegistry(o);
      runContinuations(o);

      const expected = units.filter((u) => u.code !== dropped.code);
      const rows = sheetValues(o.master, 'Tổng hợp').slice(1);
      const perUnit = new Map<string, number>();
      for (const r of rows) perUnit.set(String(r[1]), (perUnit.get(String(r[1])) ?? 0) + 1);
      expect(perUnit.get(dropped.code)).toBeUndefined();
      expect(perUnit.get(late.code)).toBe(tasksOf(late));
      for (const unit of expected)
        expect([unit.code, perUnit.get(unit.code) ?? 0]).toEqual([unit.code, tasksOf(unit)]);
      expect(rows).toHaveLength(expected.reduce((n, u) => n + tasksOf(u), 0));
      const log = sheetValues(o.master, 'Nhật ký');
      expect(String(log[log.length - 1][4])).toContain(`${expected.length}/${expected.length} đơn vị`);
    } finally {
      o.close();
    }
  });

  it('drops the rows of a unit already read when its row is deleted during the pause', () => {
    const o = office(units);
    try {
      fillEveryTaskTable(o, units);
      entry.menuConsolidate();
      expect(isPaused(o, 'consolidate')).toBe(true);
      const removed = units[3]; // read by the first step
      takeRow(o, removed.code);
      runContinuations(o);

      const rows = sheetValues(o.master, 'Tổng hợp').slice(1);
      expect(rows.filter((r) => r[1] === removed.code)).toEqual([]);
      const expected = units.filter((u) => u.code !== removed.code);
      expect(rows).toHaveLength(expected.reduce((n, u) => n + tasksOf(u), 0));
      const budget = sheetValues(o.master, 'Kinh phí');
      // The totals are those of a run over the registry as it now is, without the removed unit.
      entry.menuConsolidate();
      runContinuations(o);
      expect(sheetValues(o.master, 'Kinh phí')).toEqual(budget);
    } finally {
      o.close();
    }
  });
});

describe('a consolidation paused across a deploy of this version', () => {
  const units = manyUnits(150);
  const tasksOf = (u: SampleUnit) => sampleTasks(u, units).flat().length;

  it('starts over from a state that kept only a registry row, repeating no unit', () => {
    const o = office(units);
    try {
      fillEveryTaskTable(o, units);
      entry.menuConsolidate();
      expect(isPaused(o, 'consolidate')).toBe(true);
      // The record as the previous version saved it: a row cursor, no codes.
      const props = o.emu.PropertiesService.getDocumentProperties();
      const record = JSON.parse(props.getProperty('cchc.job.consolidate') as string);
      const { done, ...rest } = record.state;
      expect(done).not.toBe('');
      record.state = { ...rest, afterRow: REGISTRY_HEADER_ROW + 100 };
      props.setProperty('cchc.job.consolidate', JSON.stringify(record));
      runContinuations(o);

      const rows = sheetValues(o.master, 'Tổng hợp').slice(1);
      const perUnit = new Map<string, number>();
      for (const r of rows) perUnit.set(String(r[1]), (perUnit.get(String(r[1])) ?? 0) + 1);
      for (const unit of units)
        expect([unit.code, perUnit.get(unit.code) ?? 0]).toEqual([unit.code, tasksOf(unit)]);
    } finally {
      o.close();
    }
  });
});

describe('a status refresh paused while the registry is edited', () => {
  const units = manyUnits(60);

  it('sees every unit of the registry at the end once: one archive each, the inserted unit included, the removed one not tracked', () => {
    const o = office(units, new Date(Date.UTC(2025, 1, 10, 2)), 30_000);
    try {
      for (const unit of units)
        setUnitState(
          o.emu,
          focalEmail(unit),
          unitFileId(o.master, unit.code),
          'Đã hoàn thành, đề nghị tiếp nhận',
        );
      const late = units[units.length - 1];
      const lateRow = takeRow(o, late.code);
      entry.menuRefreshStatus();
      expect(isPaused(o, 'refresh')).toBe(true);
      const removed = units[0]; // done by the first step
      takeRow(o, removed.code);
      insertRowAtTop(o, lateRow);
      sortRegistry(o);
      runContinuations(o);

      const expected = units.filter((u) => u.code !== removed.code);
      const archives: string[] = [];
      const files = o.emu.DriveApp.getFilesByType('application/vnd.google-apps.spreadsheet');
      while (files.hasNext()) {
        const name = files.next().getName();
        if (name.includes(' - bản nộp ')) archives.push(name);
      }
      // Every unit submitted is archived once: none twice, none skipped (the late one included).
      for (const unit of expected)
        expect([unit.code, archives.filter((n) => n.startsWith(`${unit.name} - `)).length]).toEqual([
          unit.code,
          1,
        ]);
      const tracked = sheetValues(o.master, 'Theo dõi nộp')
        .slice(1)
        .map((r) => r.map(String).join('|'));
      expect(
        tracked.filter((r) => r.includes(`|${removed.code}|`) || r.startsWith(`${removed.code}|`)),
      ).toEqual([]);
      expect(tracked.some((r) => r.includes(late.name))).toBe(true);
    } finally {
      o.close();
    }
  });
});
