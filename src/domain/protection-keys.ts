import { areaA1 } from './plan/columns';
import { ProtectionSpec } from './sheet-spec';

/**
 * How an existing range protection is matched to a wanted one: same A1 range and same
 * description. Both the SpreadsheetApp path and the Sheets API path sync protections this way.
 */
export function protectionKey(a1: string, description: string): string {
  return `${a1}|${description}`;
}

/** The wanted range protections (whole-sheet ones have no area and are left out) by their key. */
export function wantedRangeProtections(wanted: readonly ProtectionSpec[]): Map<string, ProtectionSpec> {
  return new Map(
    wanted.flatMap((p) =>
      p.area
        ? [
            [
              protectionKey(
                areaA1(p.area.row, p.area.column, p.area.numRows, p.area.numColumns),
                p.description,
              ),
              p,
            ] as const,
          ]
        : [],
    ),
  );
}
