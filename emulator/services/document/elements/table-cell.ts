/**
 * TableCell: a container of paragraphs inside a row, with its fill, vertical alignment and
 * padding (unset ones read as null). Its width is its column's (see table.ts).
 *
 * Merged cells: Apps Script has no call that merges table cells; the model keeps colSpan/rowSpan
 * so a document merged in the editor can be described, and getColSpan()/getRowSpan() report them
 * (1 for ordinary cells).
 * https://developers.google.com/apps-script/reference/document/table-cell
 */
import {
  Attrs,
  cellPatchOf,
  checkAttrs,
  paragraphPatchOf,
  textPatchOf,
  withoutTextBackground,
} from '../attributes';
import { VerticalAlignment } from '../enums';
import { DocHandle } from '../handle';
import { CellStyle, TableCellNode, TableNode, TableRowNode, newParagraph } from '../model';
import { paragraphsIn } from '../text-view';
import { insertChild, parentOf, removeChild } from '../tree';
import { checkColor, checkEnum, checkPoints, loose, typed } from '../values';
import { gasEnum } from './base';
import { BlockContainer } from './container';
import { applyParagraphPatch } from './paragraph';
import { registerWrapper } from './wrap';
import { bodyDefaults, SharedKeys } from './grid';

type Tbl = GoogleAppsScript.Document.Table;
type Row = GoogleAppsScript.Document.TableRow;
type Cell = GoogleAppsScript.Document.TableCell;

type CellKeys =
  | SharedKeys
  | 'appendHorizontalRule'
  | 'appendListItem'
  | 'appendParagraph'
  | 'appendTable'
  | 'clear'
  | 'getBackgroundColor'
  | 'getColSpan'
  | 'getPaddingBottom'
  | 'getPaddingLeft'
  | 'getPaddingRight'
  | 'getPaddingTop'
  | 'getParentRow'
  | 'getParentTable'
  | 'getRowSpan'
  | 'getVerticalAlignment'
  | 'getWidth'
  | 'insertHorizontalRule'
  | 'insertListItem'
  | 'insertParagraph'
  | 'insertTable'
  | 'setBackgroundColor'
  | 'setPaddingBottom'
  | 'setPaddingLeft'
  | 'setPaddingRight'
  | 'setPaddingTop'
  | 'setText'
  | 'setVerticalAlignment'
  | 'setWidth';

type Padding = 'paddingTop' | 'paddingBottom' | 'paddingLeft' | 'paddingRight';

export class EmuTableCell extends BlockContainer<Cell> implements Pick<Cell, CellKeys> {
  constructor(handle: DocHandle, node: TableCellNode) {
    super(handle, node, 'TableCell');
  }

  private get c(): TableCellNode {
    return this.node as TableCellNode;
  }

  private row(): TableRowNode | undefined {
    const parent = parentOf(this.c);
    return parent?.kind === 'tableRow' ? parent : undefined;
  }

  private table(): TableNode | undefined {
    const row = this.row();
    const parent = row && parentOf(row);
    return parent?.kind === 'table' ? parent : undefined;
  }

  getParentRow(): Row {
    this.reading('getParentRow');
    const row = this.row();
    return row ? this.wrapNode(row) : loose(null);
  }

  getParentTable(): Tbl {
    this.reading('getParentTable');
    const table = this.table();
    return table ? this.wrapNode(table) : loose(null);
  }

  getColSpan(): number {
    this.reading('getColSpan');
    return this.c.colSpan;
  }

  getRowSpan(): number {
    this.reading('getRowSpan');
    return this.c.rowSpan;
  }

  /** The cell's text replaced by one paragraph (a "\n" in it is a line break, as in appendTable). */
  override setText(text: string): Cell {
    if (typeof text !== 'string') this.fail('setText', [text]);
    return this.editing('setText', () => {
      for (const b of [...this.c.children]) removeChild(this.c, b);
      insertChild(this.c, 0, newParagraph(typed(text), {}, bodyDefaults(this.c)));
      return this.self<Cell>();
    });
  }

  /** The width of the cell's column ("Sets the width of the column containing the current cell"). */
  getWidth(): number {
    this.reading('getWidth');
    const row = this.row();
    const table = this.table();
    if (!row || !table) return loose(null);
    return loose(table.columnWidths[row.cells.indexOf(this.c)] ?? null);
  }

  setWidth(width: number): Cell {
    const w = checkPoints(width, this.cls, 'setWidth', [width]);
    return this.editing('setWidth', () => {
      const row = this.row();
      const table = this.table();
      if (row && table) table.columnWidths[row.cells.indexOf(this.c)] = w;
      return this.self<Cell>();
    });
  }

  getBackgroundColor(): string {
    this.reading('getBackgroundColor');
    return loose(this.c.style.backgroundColor ?? null);
  }

  setBackgroundColor(color: string): Cell {
    const v = checkColor(color, this.cls, 'setBackgroundColor', [color]);
    return this.setCell('setBackgroundColor', { backgroundColor: v });
  }

  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    this.reading('getVerticalAlignment');
    const name = this.c.style.verticalAlignment;
    return gasEnum(name ? VerticalAlignment[name] : null);
  }

  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): Cell {
    const name = checkEnum(VerticalAlignment, alignment, this.cls, 'setVerticalAlignment', [alignment]);
    return this.setCell('setVerticalAlignment', { verticalAlignment: name });
  }

  private padding(method: string, key: Padding): number {
    this.reading(method);
    return loose(this.c.style[key] ?? null);
  }

  private setPadding(method: string, key: Padding, v: unknown): Cell {
    return this.setCell(method, { [key]: checkPoints(v, this.cls, method, [v]) });
  }

  getPaddingTop(): number {
    return this.padding('getPaddingTop', 'paddingTop');
  }
  getPaddingBottom(): number {
    return this.padding('getPaddingBottom', 'paddingBottom');
  }
  getPaddingLeft(): number {
    return this.padding('getPaddingLeft', 'paddingLeft');
  }
  getPaddingRight(): number {
    return this.padding('getPaddingRight', 'paddingRight');
  }
  setPaddingTop(paddingTop: number): Cell {
    return this.setPadding('setPaddingTop', 'paddingTop', paddingTop);
  }
  setPaddingBottom(paddingBottom: number): Cell {
    return this.setPadding('setPaddingBottom', 'paddingBottom', paddingBottom);
  }
  setPaddingLeft(paddingLeft: number): Cell {
    return this.setPadding('setPaddingLeft', 'paddingLeft', paddingLeft);
  }
  setPaddingRight(paddingRight: number): Cell {
    return this.setPadding('setPaddingRight', 'paddingRight', paddingRight);
  }

  private setCell(method: string, patch: CellStyle): Cell {
    return this.editing(method, () => {
      this.c.style = { ...this.c.style, ...patch };
      return this.self<Cell>();
    });
  }

  getAttributes(): Attrs {
    this.reading('getAttributes');
    const s = this.c.style;
    return {
      ...this.textAttributesOfAll(),
      BACKGROUND_COLOR: s.backgroundColor ?? null,
      VERTICAL_ALIGNMENT: s.verticalAlignment ? VerticalAlignment[s.verticalAlignment] : null,
      PADDING_TOP: s.paddingTop ?? null,
      PADDING_BOTTOM: s.paddingBottom ?? null,
      PADDING_LEFT: s.paddingLeft ?? null,
      PADDING_RIGHT: s.paddingRight ?? null,
    };
  }

  /**
   * Cell attributes for the cell (BACKGROUND_COLOR is the cell's fill here), text attributes for
   * all its text (so BOLD makes the cell's text bold), paragraph attributes for its paragraphs.
   */
  setAttributes(attributes: object): Cell {
    const attrs = checkAttrs(attributes, this.cls);
    const cellPatch = cellPatchOf(attrs, this.cls);
    const textPatch = withoutTextBackground(textPatchOf(attrs, this.cls));
    const paragraphPatch = paragraphPatchOf(attrs, this.cls);
    return this.editing('setAttributes', () => {
      const style: Record<string, unknown> = { ...this.c.style };
      for (const [k, v] of Object.entries(cellPatch)) {
        if (v === null) delete style[k];
        else style[k] = v;
      }
      this.c.style = style as CellStyle;
      this.applyTextToAll(textPatch);
      for (const p of paragraphsIn(this.c)) applyParagraphPatch(p, paragraphPatch);
      return this.self<Cell>();
    });
  }
}

registerWrapper(['tableCell'], (handle, node) => new EmuTableCell(handle, node as TableCellNode));
