import { Unit } from '../domain/registry/unit';
import { isUnitSheet } from '../domain/unit-file/sheet-identity';
import { readSheets, SheetRead } from '../gas/unit-reader';
import { variantOf } from './provision';
import { SheetIdBook } from './sheet-ids';
import { sheetIdLookup } from './templates';

/**
 * Reads the named sheets of every unit that has a file; keys are "code|sheet name". Each export
 * is asked by the file's own recorded gid, else the latest template's (right for files copied from
 * it); the reader checks the sheet it got and finds stale ones by name. What a read learned about
 * a file's gids is recorded, so a sheet is looked for by name once, not on every read.
 */
export function readUnitSheets(
  units: readonly Unit[],
  sheetsOf: (unit: Unit) => readonly string[],
): SheetRead[] {
  const book = SheetIdBook.load();
  const templateSheetId = sheetIdLookup();
  const requests = units
    .filter((u) => u.fileId)
    .flatMap((unit) =>
      sheetsOf(unit).map((sheetName) => ({
        key: `${unit.code}|${sheetName}`,
        fileId: unit.fileId,
        sheetName,
        sheetId: book.sheetIdOf(unit.fileId, sheetName) ?? templateSheetId(sheetName, variantOf(unit)),
        isExpected: (grid: readonly (readonly string[])[]) => isUnitSheet(sheetName, grid),
      })),
    );
  const reads = readSheets(requests);
  const learned = new Map<string, Record<string, number>>();
  for (const read of reads) {
    if (read.sheetId === null) continue;
    const ids = learned.get(read.request.fileId) ?? {};
    ids[read.request.sheetName] = read.sheetId;
    learned.set(read.request.fileId, ids);
  }
  for (const [fileId, ids] of learned) book.record(fileId, ids);
  book.save();
  return reads;
}
