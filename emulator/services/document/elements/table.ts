/**
 * Table. Column widths belong to the table (TableCell.setWidth "Sets the width of the column
 * containing the current cell"); unset widths and borders read as null (Docs then spreads columns
 * evenly and uses its defaults).
 * https://developers.google.com/apps-script/reference/document/table
 */
import { gasError } from '../../../core/errors';
import { Attrs, checkAttrs, colorOf, pointsOf, textPatchOf } from '../attributes';
import { DocHandle } from '../handle';
import { MSG } from '../messages';
import { TableNode, TableRowNode } from '../model';
import { insertChild, removeChild } from '../tree';
import { checkColor, checkPoints, isInteger, loose } from '../values';
import { detachedNode } from './base';
import { registerWrapper } from './wrap';
import { Grid, SharedKeys } from './grid';

type Tbl = GoogleAppsScript.Document.Table;
type Row = GoogleAppsScript.Document.TableRow;
type Cell = GoogleAppsScript.Document.TableCell;

function numColumns(table: TableNode): number {
  return Math.max(0, ...table.rows.map((r) => r.cells.length));
}

type TableKeys =
  | SharedKeys
  | 'appendTableRow'
  | 'getBorderColor'
  | 'getBorderWidth'
  | 'getCell'
  | 'getColumnWidth'
  | 'getNumRows'
  | 'getRow'
  | 'insertTableRow'
  | 'removeRow'
  | 'setBorderColor'
  | 'setBorderWidth'
  | 'setColumnWidth';

export class EmuTable extends Grid<Tbl> implements Pick<Tbl, TableKeys> {
  constructor(handle: DocHandle, node: TableNode) {
    super(handle, node, 'Table');
  }

  private get t(): TableNode {
    return this.node as TableNode;
  }

  protected items(): TableRowNode[] {
    return this.t.rows;
  }

  getNumRows(): number {
    this.reading('getNumRows');
    return this.t.rows.length;
  }

  getRow(rowIndex: number): Row {
    this.reading('getRow');
    return this.wrapNode(this.t.rows[this.checkIndex('getRow', rowIndex, [rowIndex])]);
  }

  getCell(rowIndex: number, cellIndex: number): Cell {
    this.reading('getCell');
    const row = this.t.rows[this.checkIndex('getCell', rowIndex, [rowIndex, cellIndex])];
    if (!isInteger(cellIndex)) this.fail('getCell', [rowIndex, cellIndex]);
    if (cellIndex < 0 || cellIndex >= row.cells.length) gasError(MSG.childIndex(cellIndex, row.cells.length));
    return this.wrapNode(row.cells[cellIndex]);
  }

  appendTableRow(tableRow?: Row): Row {
    return this.addRow('appendTableRow', null, tableRow);
  }

  insertTableRow(childIndex: number, tableRow?: Row | null): Row {
    return this.addRow('insertTableRow', childIndex, tableRow);
  }

  /** A new row has no cells (add them with appendTableCell), or is the detached row given. */
  private addRow(method: string, index: number | null, given: unknown): Row {
    const args = index === null ? [given] : [index, given];
    const row: TableRowNode =
      given === undefined || given === null
        ? { kind: 'tableRow', cells: [] }
        : detachedNode(given, ['tableRow'], this.cls, method, args);
    return this.editing(method, () => {
      const at = index === null ? this.t.rows.length : this.checkIndex(method, index, args, true);
      insertChild(this.t, at, row);
      return this.wrapNode<Row>(row);
    });
  }

  /** Removes the row and returns it (detached). */
  removeRow(rowIndex: number): Row {
    return this.editing('removeRow', () => {
      const row = this.t.rows[this.checkIndex('removeRow', rowIndex, [rowIndex])];
      removeChild(this.t, row);
      return this.wrapNode<Row>(row);
    });
  }

  getColumnWidth(columnIndex: number): number {
    this.reading('getColumnWidth');
    this.checkColumn('getColumnWidth', columnIndex);
    return loose(this.t.columnWidths[columnIndex] ?? null);
  }

  setColumnWidth(columnIndex: number, width: number): Tbl {
    const args = [columnIndex, width];
    if (!isInteger(columnIndex)) this.fail('setColumnWidth', args);
    const w = checkPoints(width, this.cls, 'setColumnWidth', args);
    return this.editing('setColumnWidth', () => {
      this.checkColumn('setColumnWidth', columnIndex);
      this.t.columnWidths[columnIndex] = w;
      return this.self<Tbl>();
    });
  }

  private checkColumn(method: string, columnIndex: unknown): void {
    if (!isInteger(columnIndex)) this.fail(method, [columnIndex]);
    const n = numColumns(this.t);
    if (columnIndex < 0 || columnIndex >= n) gasError(MSG.childIndex(columnIndex, n));
  }

  getBorderWidth(): number {
    this.reading('getBorderWidth');
    return loose(this.t.borderWidth ?? null);
  }

  setBorderWidth(width: number): Tbl {
    const w = checkPoints(width, this.cls, 'setBorderWidth', [width]);
    return this.editing('setBorderWidth', () => {
      this.t.borderWidth = w;
      return this.self<Tbl>();
    });
  }

  getBorderColor(): string {
    this.reading('getBorderColor');
    return loose(this.t.borderColor ?? null);
  }

  setBorderColor(color: string): Tbl {
    const c = checkColor(color, this.cls, 'setBorderColor', [color]);
    return this.editing('setBorderColor', () => {
      this.t.borderColor = c;
      return this.self<Tbl>();
    });
  }

  getAttributes(): Attrs {
    this.reading('getAttributes');
    return {
      ...this.textAttributesOfAll(),
      BORDER_COLOR: this.t.borderColor ?? null,
      BORDER_WIDTH: this.t.borderWidth ?? null,
    };
  }

  /** Border attributes for the table; text attributes for all its text. */
  setAttributes(attributes: object): Tbl {
    const attrs = checkAttrs(attributes, this.cls);
    const width = pointsOf(attrs, this.cls, 'BORDER_WIDTH');
    const color = colorOf(attrs, this.cls, 'BORDER_COLOR');
    const patch = textPatchOf(attrs, this.cls);
    return this.editing('setAttributes', () => {
      if (width !== undefined) this.t.borderWidth = width ?? undefined;
      if (color !== undefined) this.t.borderColor = color ?? undefined;
      this.applyTextToAll(patch);
      return this.self<Tbl>();
    });
  }
}

registerWrapper(['table'], (handle, node) => new EmuTable(handle, node as TableNode));
