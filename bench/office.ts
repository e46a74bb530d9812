import { Emulator, EmulatorOptions, TriggerRunner } from '../emulator';
import { REGISTRY_HEADER_ROW } from '../src/domain/registry/columns';
import * as entry from '../src/index';
import { fillTaskTable } from '../sample/fill';
import { sampleTasks, SampleRow } from '../sample/tasks';
import { focalEmail, registryRows, SAMPLE_ADMIN, SAMPLE_UNITS, SampleUnit } from '../sample/vinh-linh';

/** Sample units repeated with new codes up to n: a province of n units. */
export function provinceUnits(n: number): SampleUnit[] {
  return Array.from({ length: n }, (_, i) => {
    const base = SAMPLE_UNITS[i % SAMPLE_UNITS.length];
    return i < SAMPLE_UNITS.length
      ? base
      : { ...base, code: `${base.code}${i}`, name: `${base.name} (${i})` };
  });
}

/** `rows` task rows for a unit, spread over the eight areas (the sample's rows, repeated). */
export function rowsFor(unit: SampleUnit, units: readonly SampleUnit[], rows: number): SampleRow[][] {
  const sample = sampleTasks(unit, units);
  return sample.map((area, a) =>
    Array.from({ length: Math.floor(rows / 8) + (a < rows % 8 ? 1 : 0) }, (_, i) => area[i % area.length]),
  );
}

export interface BenchOffice {
  readonly emu: Emulator;
  readonly master: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly units: SampleUnit[];
  readonly close: () => void;
}

/**
 * The operations' benchmark runs every operation on one modeled day: a Workspace account, whose
 * daily quotas (6 h of trigger time, 1,500 recipients) do not stop it — the day benchmark
 * (day.ts) is where quotas are measured.
 */
export function openBenchOffice(
  n: number,
  options: EmulatorOptions = { accountType: 'workspace' },
): BenchOffice {
  const emu = new Emulator({
    ...options,
    user: SAMPLE_ADMIN,
    start: new Date(Date.UTC(2024, 11, 20, 2)),
  });
  const close = emu.install(globalThis);
  const master = emu.SpreadsheetApp.create('Kế hoạch CCHC - bench');
  emu.SpreadsheetApp.setActiveSpreadsheet(master);
  entry.menuSetup();
  const units = provinceUnits(n);
  const rows = registryRows(units);
  master
    .getSheetByName('Đơn vị')
    ?.getRange(REGISTRY_HEADER_ROW + 1, 1, rows.length, rows[0].length)
    .setValues(rows);
  return { emu, master, units, close };
}

/** Runs the paused operation's continuations until none is left; returns the executions. */
export function continueAll(office: BenchOffice): void {
  const runner = new TriggerRunner(office.emu.ctx);
  office.emu.ui.uiAvailable = false;
  try {
    for (let hop = 0; hop < 500; hop++) {
      const pending = office.emu.ScriptApp.getProjectTriggers().some(
        (t) => t.getHandlerFunction() === 'continueJobsTrigger',
      );
      if (!pending) return;
      runner.advanceAndRun(61 * 1000, { continueJobsTrigger: entry.continueJobsTrigger });
    }
    throw new Error('continuations never finished');
  } finally {
    office.emu.ui.uiAvailable = true;
  }
}

export function fillAll(office: BenchOffice, rowsPerUnit: number): void {
  const ids = new Map(
    (office.master.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? []).map((r) => [
      String(r[0]),
      String(r[6]),
    ]),
  );
  for (const unit of office.units) {
    fillTaskTable(
      office.emu,
      focalEmail(unit),
      ids.get(unit.code) ?? '',
      'Nhiệm vụ',
      rowsFor(unit, office.units, rowsPerUnit),
    );
  }
}
