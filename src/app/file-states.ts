import { CellValue } from '../domain/cell';
import { REGISTRY_HEADER_ROW, registryColumn } from '../domain/registry/columns';
import { Unit } from '../domain/registry/unit';
import { FILE_STATE_TEXT } from '../domain/unit-file/naming';
import { valueText } from '../domain/problem';
import { fileState } from '../gas/drive';
import { ActionContext } from './action';
import { memo } from './jobs/memo';

/**
 * The registry's rows as read once in this execution, for the readers that share one read (the
 * status refresh's units and flagged files: each read of the registry costs a round trip).
 */
export function registryRowsOnce(ctx: ActionContext): CellValue[][] {
  return memo(ctx, 'registry.rows', () => ctx.master.readRegistry());
}

/**
 * The registry's "Tình trạng tệp" of units whose file had a problem (trashed, missing, a sheet
 * unreadable), by unit code: read once per execution. Units whose cell shows the OK text, or
 * nothing, are left out. Keyed by registry row, as the units of the same execution are.
 */
function flaggedStates(ctx: ActionContext): Map<number, string> {
  return memo(ctx, 'fileStates.flagged', () => {
    const column = registryColumn('fileState') - 1;
    const flagged = new Map<number, string>();
    registryRowsOnce(ctx).forEach((row, i) => {
      const text = valueText(row[column]).trim();
      if (text && text !== FILE_STATE_TEXT.ok) flagged.set(REGISTRY_HEADER_ROW + 1 + i, text);
    });
    return flagged;
  });
}

/** Does the registry show a problem with the unit's file (its state is then not known)? */
export function fileStateFlagged(ctx: ActionContext, unit: Unit): boolean {
  return flaggedStates(ctx).has(unit.row);
}

/**
 * A file restored from the trash (as the README advises), or readable again, must not stay marked
 * as lost: for each unit just read without trouble whose registry cell still shows a problem, the
 * file's state is asked again and the cell rewritten when it changed (back to the OK text when the
 * file is fine; a file still in the trash stays marked). Costs one Drive call per marked unit.
 */
export function refreshFileStates(ctx: ActionContext, readable: readonly Unit[]): void {
  const flagged = flaggedStates(ctx);
  if (flagged.size === 0) return;
  for (const unit of readable) {
    const shown = flagged.get(unit.row);
    if (shown === undefined || !unit.fileId) continue;
    const now = FILE_STATE_TEXT[fileState(unit.fileId).state];
    if (now !== shown) ctx.master.writeRegistryCells(unit.row, registryColumn('fileState'), [now]);
    flagged.delete(unit.row);
  }
}
