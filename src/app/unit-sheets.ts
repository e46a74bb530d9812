import { Unit } from '../domain/registry/unit';
import { SheetRequest } from '../gas/unit-reader';
import { variantOf } from './provision';
import { sheetIdLookup } from './templates';

/** Requests for the named sheets of every unit that has a file; keys are "code|sheet name". */
export function unitSheetRequests(
  units: readonly Unit[],
  sheetsOf: (unit: Unit) => readonly string[],
): SheetRequest[] {
  const sheetId = sheetIdLookup();
  return units
    .filter((u) => u.fileId)
    .flatMap((unit) =>
      sheetsOf(unit).map((sheetName) => ({
        key: `${unit.code}|${sheetName}`,
        fileId: unit.fileId,
        sheetName,
        sheetId: sheetId(sheetName, variantOf(unit)),
      })),
    );
}
