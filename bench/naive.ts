import { BenchOffice } from './office';

/**
 * The baseline offices write by hand, as a script: open each unit's file, read its table, append
 * the rows to the master one by one. No batching, no parallel reads — what the product replaces.
 * Uses the emulator's services directly; it is not product code.
 */
export function naiveConsolidation(office: BenchOffice): void {
  const { emu, master } = office;
  const registry = master.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [];
  const target = master.getSheetByName('Naive') ?? master.insertSheet('Naive');
  for (const row of registry.slice(2)) {
    const id = String(row[6]);
    if (!id) continue;
    const sheet = emu.SpreadsheetApp.openById(id).getSheetByName('Nhiệm vụ');
    if (!sheet) continue;
    for (const values of sheet.getDataRange().getValues().slice(4)) {
      if (values.slice(1).some((v) => v !== '') && !/^[IVX]+$/.test(String(values[0])))
        target.appendRow(values);
    }
  }
}
