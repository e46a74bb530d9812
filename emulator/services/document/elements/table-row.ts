/**
 * TableRow: a row of cells; a new row has no cells until appendTableCell adds them.
 * https://developers.google.com/apps-script/reference/document/table-row
 */
import { Attrs, checkAttrs, pointsOf, textPatchOf } from '../attributes';
import { DocHandle } from '../handle';
import { TableCellNode, TableRowNode, newCell } from '../model';
import { insertChild, parentOf, removeChild } from '../tree';
import { checkPoints, loose, typed } from '../values';
import { detachedNode } from './base';
import { registerWrapper } from './wrap';
import { bodyDefaults, Grid, SharedKeys } from './grid';

type Tbl = GoogleAppsScript.Document.Table;
type Row = GoogleAppsScript.Document.TableRow;
type Cell = GoogleAppsScript.Document.TableCell;

type RowKeys =
  | SharedKeys
  | 'appendTableCell'
  | 'getCell'
  | 'getMinimumHeight'
  | 'getNumCells'
  | 'getParentTable'
  | 'insertTableCell'
  | 'removeCell'
  | 'setMinimumHeight';

export class EmuTableRow extends Grid<Row> implements Pick<Row, RowKeys> {
  constructor(handle: DocHandle, node: TableRowNode) {
    super(handle, node, 'TableRow');
  }

  private get r(): TableRowNode {
    return this.node as TableRowNode;
  }

  protected items(): TableCellNode[] {
    return this.r.cells;
  }

  getNumCells(): number {
    this.reading('getNumCells');
    return this.r.cells.length;
  }

  getCell(cellIndex: number): Cell {
    this.reading('getCell');
    return this.wrapNode(this.r.cells[this.checkIndex('getCell', cellIndex, [cellIndex])]);
  }

  getParentTable(): Tbl {
    this.reading('getParentTable');
    const parent = parentOf(this.r);
    return parent ? this.wrapNode(parent) : loose(null);
  }

  appendTableCell(textContentsOrCell?: string | Cell | null): Cell {
    return this.addCell('appendTableCell', null, textContentsOrCell);
  }

  insertTableCell(childIndex: number, textContentsOrCell?: string | Cell | null): Cell {
    return this.addCell('insertTableCell', childIndex, textContentsOrCell);
  }

  private addCell(method: string, index: number | null, given: unknown): Cell {
    const args = index === null ? [given] : [index, given];
    const cell: TableCellNode =
      given === undefined || given === null || typeof given === 'string'
        ? newCell(typed(given ?? ''), bodyDefaults(this.r))
        : detachedNode(given, ['tableCell'], this.cls, method, args);
    return this.editing(method, () => {
      const at = index === null ? this.r.cells.length : this.checkIndex(method, index, args, true);
      insertChild(this.r, at, cell);
      return this.wrapNode<Cell>(cell);
    });
  }

  removeCell(cellIndex: number): Cell {
    return this.editing('removeCell', () => {
      const cell = this.r.cells[this.checkIndex('removeCell', cellIndex, [cellIndex])];
      removeChild(this.r, cell);
      return this.wrapNode<Cell>(cell);
    });
  }

  getMinimumHeight(): number {
    this.reading('getMinimumHeight');
    return loose(this.r.minimumHeight ?? null);
  }

  setMinimumHeight(minHeight: number): Row {
    const h = checkPoints(minHeight, this.cls, 'setMinimumHeight', [minHeight]);
    return this.editing('setMinimumHeight', () => {
      this.r.minimumHeight = h;
      return this.self<Row>();
    });
  }

  getAttributes(): Attrs {
    this.reading('getAttributes');
    return { ...this.textAttributesOfAll(), MINIMUM_HEIGHT: this.r.minimumHeight ?? null };
  }

  setAttributes(attributes: object): Row {
    const attrs = checkAttrs(attributes, this.cls);
    const height = pointsOf(attrs, this.cls, 'MINIMUM_HEIGHT');
    const patch = textPatchOf(attrs, this.cls);
    return this.editing('setAttributes', () => {
      if (height !== undefined) this.r.minimumHeight = height ?? undefined;
      this.applyTextToAll(patch);
      return this.self<Row>();
    });
  }
}

registerWrapper(['tableRow'], (handle, node) => new EmuTableRow(handle, node as TableRowNode));
