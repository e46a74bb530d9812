/** Block-level changes of the Docs API (tables in, blocks out), on plain model nodes. */
import { BlockNode, newParagraph, TableNode, TextStyle } from '../model';
import { Parent } from './indexes';

export function insertChildAfter(parent: Parent, after: BlockNode, block: BlockNode): void {
  const at = parent.children.indexOf(after);
  parent.children.splice(at + 1, 0, block);
}

/** Removes the blocks from `from` (included) to `to` (excluded), siblings in `parent`. */
export function removeBlocks(parent: Parent, from: BlockNode, to: BlockNode): void {
  const a = parent.children.indexOf(from);
  const b = parent.children.indexOf(to);
  parent.children.splice(a, b - a);
}

/** A new table as InsertTableRequest makes it: every cell one empty paragraph. */
export function newEmptyTable(rows: number, columns: number, textStyle: TextStyle): TableNode {
  return {
    kind: 'table',
    columnWidths: [],
    rows: Array.from({ length: rows }, () => ({
      kind: 'tableRow' as const,
      cells: Array.from({ length: columns }, () => ({
        kind: 'tableCell' as const,
        children: [newParagraph('', {}, textStyle)],
        style: {},
        colSpan: 1,
        rowSpan: 1,
      })),
    })),
  };
}
