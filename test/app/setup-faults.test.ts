import * as entry from '../../src/index';
import { openOffice, Office } from '../fixtures/office';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A rule's criterion as data: a range (a dropdown from a list sheet) by its sheet and A1 notation. */
function criterion(value: unknown): unknown {
  const range = value as Partial<GoogleAppsScript.Spreadsheet.Range>;
  return typeof range?.getA1Notation === 'function' && typeof range.getSheet === 'function'
    ? `'${range.getSheet().getName()}'!${range.getA1Notation()}`
    : value;
}

/** Everything setup makes, read through the public API (the log's own rows left out). */
function snapshot(master: Spreadsheet): unknown {
  const { SHEET, RANGE } = SpreadsheetApp.ProtectionType;
  return master.getSheets().map((sheet: Sheet) => {
    const name = sheet.getName();
    const lastRow = name === 'Nhật ký' ? Math.min(1, sheet.getLastRow()) : sheet.getLastRow();
    const width = Math.max(1, sheet.getLastColumn());
    const rows = Math.max(1, lastRow);
    const grid = sheet.getRange(1, 1, rows, width);
    // Formatting and validations are read on the first rows and the last (reading all 3000 is slow).
    const top = sheet.getRange(1, 1, Math.min(sheet.getMaxRows(), 4), width);
    const bottom = sheet.getRange(sheet.getMaxRows(), 1, 1, width);
    const rules = (r: GoogleAppsScript.Spreadsheet.Range) =>
      r
        .getDataValidations()
        .map((row) =>
          row.map((v) =>
            v ? [v.getCriteriaType(), v.getCriteriaValues().map(criterion), v.getHelpText()] : null,
          ),
        );
    return {
      name,
      size: [sheet.getMaxRows(), sheet.getMaxColumns()],
      frozen: sheet.getFrozenRows(),
      widths: Array.from({ length: width }, (_, i) => sheet.getColumnWidth(i + 1)),
      values: lastRow > 0 ? grid.getValues() : [],
      weights: grid.getFontWeights(),
      backgrounds: [top.getBackgrounds(), bottom.getBackgrounds()],
      notes: grid.getNotes(),
      validations: [rules(top), rules(bottom)],
      protections: [...sheet.getProtections(SHEET), ...sheet.getProtections(RANGE)]
        .map((p) => ({
          description: p.getDescription(),
          range: p.getProtectionType() === SHEET ? '' : p.getRange().getA1Notation(),
          warningOnly: p.isWarningOnly(),
          editors: p.isWarningOnly() ? [] : p.getEditors().map((u) => u.getEmail()),
        }))
        .sort((a, b) => (a.description + a.range).localeCompare(b.description + b.range)),
    };
  });
}

/** The service calls an uninterrupted setup makes, in order. */
function setupCalls(): string[] {
  const office = openOffice();
  try {
    const keys: string[] = [];
    const stop = office.emu.ctx.ledger.onCharge((key) => keys.push(key));
    entry.menuSetup();
    stop();
    return keys;
  } finally {
    office.close();
  }
}

function uninterrupted(): unknown {
  const office = openOffice();
  try {
    entry.menuSetup();
    return snapshot(office.master);
  } finally {
    office.close();
  }
}

describe('setup interrupted at any call', () => {
  const calls = setupCalls();
  const expected = uninterrupted();

  it('makes a few dozen calls (the loop below covers each)', () => {
    expect(calls.length).toBeGreaterThan(20);
  });

  it.each(calls.map((key, k) => [k, key] as const))(
    'a rerun after a fault at call %i (%s) ends as an uninterrupted setup',
    (k, key) => {
      const office: Office = openOffice();
      try {
        const nth = calls.slice(0, k + 1).filter((c) => c === key).length;
        office.emu.ctx.ledger.failOn(key, nth, () => new Error('Exceeded maximum execution time'));
        try {
          entry.menuSetup();
        } catch {
          // A fault before the action's own error handling ends the execution: so be it.
        }
        office.emu.ctx.ledger.clearFaults();
        entry.menuSetup();
        expect(snapshot(office.master)).toEqual(expected);
      } finally {
        office.close();
      }
    },
  );
});
