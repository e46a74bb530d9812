import { Emulator } from '../emulator';
import { TASK_FIRST_SECTION_ROW } from '../src/domain/unit-file/sheets';
import { SampleCell, SampleRow } from './tasks';

/**
 * How a unit's focal point fills its own file, on the emulator: acting as them, through the same
 * SpreadsheetApp a person's edits go through (protections and the cells' formats apply — the
 * task columns are plain text, so "=…" or "0012" stay what was typed; the budget column is not,
 * so "50.000.000" becomes a number as it does when a person types it).
 */
/**
 * Writes rows under each section (index 0 = area I) of a task table, inserting rows inside the
 * section when it has fewer empty rows than tasks.
 */
export function fillTaskTable(
  emu: Emulator,
  user: string,
  fileId: string,
  sheetName: string,
  rowsByArea: readonly (readonly SampleRow[])[],
): void {
  emu.as(user, () => {
    const sheet = emu.SpreadsheetApp.openById(fileId).getSheetByName(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const width = 9;
    const grid = () => sheet.getRange(1, 1, sheet.getMaxRows(), width).getValues();
    rowsByArea.forEach((rows, areaIndex) => {
      if (rows.length === 0) return;
      const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][areaIndex];
      const values = grid();
      const sectionRow = values.findIndex((r, i) => i + 1 >= TASK_FIRST_SECTION_ROW && r[0] === roman) + 1;
      const after = values.findIndex((r, i) => i + 1 > sectionRow && /^[IVX]+$/.test(String(r[0]))) + 1;
      const end = after > 0 ? after : values.length + 1; // first row past the section
      // Rows already used in the section stay; new tasks go after the last used one.
      let firstFree = sectionRow + 1;
      for (let row = sectionRow + 1; row < end; row++) {
        if (values[row - 1].slice(1).some((v) => v !== '')) firstFree = row + 1;
      }
      const room = end - firstFree;
      if (rows.length > room) sheet.insertRowsAfter(firstFree - 1, rows.length - room);
      const padded = rows.map((r) => [...r, ...Array<SampleCell>(width - r.length).fill('')].slice(0, width));
      sheet.getRange(firstFree, 1, padded.length, width).setValues(padded);
    });
  });
}

/** The unit's own status choice for a round (row 6: plan, row 7: proposals). */
export function setUnitState(
  emu: Emulator,
  user: string,
  fileId: string,
  state: string,
  round: 0 | 1 = 0,
): void {
  emu.as(user, () => {
    emu.SpreadsheetApp.openById(fileId)
      .getSheetByName('Nộp kế hoạch')
      ?.getRange(6 + round, 3)
      .setValue(state);
  });
}
