/**
 * A Docs table (document view) → a docx Table with a fixed layout, so Word and LibreOffice keep
 * the widths instead of sizing columns to their content. Columns whose width Docs leaves unset
 * share what the set ones leave of the available width (as Docs spreads them, and as the
 * emulator's PDF does). Borders: the table's width and colour on every edge (Docs' default 1 pt
 * black; 0 pt means none). Cells: content (paragraphs and nested tables), background, vertical
 * alignment, padding (Docs' default 5 pt), spans (a cell covered by another's span is left out:
 * docx writes Word's vMerge continuations itself), and the row's minimum height.
 */
import {
  BorderStyle,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IBorderOptions } from 'docx';
import type { BlockView, CellView, TableView } from '../services/document';
import type { VerticalAlignmentName } from '../services/document/enums';
import { eighths, hex, twips } from './docx-units';

/** Docs' defaults (points): border width and cell padding; narrowest column the PDF allows. */
const DEFAULT_BORDER = 1;
const DEFAULT_PADDING = 5;
const MIN_COLUMN = 18;

export type BlocksWriter = (blocks: readonly BlockView[], widthPt: number) => (Paragraph | Table)[];

const VERTICAL: Readonly<
  Record<VerticalAlignmentName, (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable]>
> = {
  TOP: VerticalAlignTable.TOP,
  CENTER: VerticalAlignTable.CENTER,
  BOTTOM: VerticalAlignTable.BOTTOM,
};

/** Column widths in points, unset ones sharing the rest of `available`. */
export function columnWidths(t: TableView, available: number): number[] {
  const set = t.columnWidths.reduce<number>((s, w) => s + (w ?? 0), 0);
  const unset = t.columnWidths.filter((w) => w === null).length;
  const share = unset > 0 ? Math.max((available - set) / unset, MIN_COLUMN) : 0;
  return t.columnWidths.map((w) => w ?? share);
}

function border(t: TableView): IBorderOptions {
  const width = t.borderWidth ?? DEFAULT_BORDER;
  if (width <= 0) return { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return { style: BorderStyle.SINGLE, size: eighths(width), color: hex(t.borderColor) ?? '000000' };
}

function cell(c: CellView, widthPt: number, writeBlocks: BlocksWriter): TableCell {
  const pad = {
    top: c.paddingTop ?? DEFAULT_PADDING,
    bottom: c.paddingBottom ?? DEFAULT_PADDING,
    left: c.paddingLeft ?? DEFAULT_PADDING,
    right: c.paddingRight ?? DEFAULT_PADDING,
  };
  const children = writeBlocks(c.children, Math.max(widthPt - pad.left - pad.right, MIN_COLUMN));
  // Word needs a paragraph to end every cell.
  if (!(children[children.length - 1] instanceof Paragraph)) children.push(new Paragraph({}));
  const background = hex(c.backgroundColor);
  return new TableCell({
    children,
    width: { size: twips(widthPt), type: WidthType.DXA },
    margins: {
      top: twips(pad.top),
      bottom: twips(pad.bottom),
      left: twips(pad.left),
      right: twips(pad.right),
    },
    ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    ...(background ? { shading: { type: ShadingType.CLEAR, fill: background, color: 'auto' } } : {}),
    ...(c.verticalAlignment ? { verticalAlign: VERTICAL[c.verticalAlignment] } : {}),
  });
}

const EMPTY_CELL: CellView = {
  text: '',
  children: [],
  width: null,
  backgroundColor: null,
  verticalAlignment: null,
  paddingTop: null,
  paddingBottom: null,
  paddingLeft: null,
  paddingRight: null,
  colSpan: 1,
  rowSpan: 1,
};

/** The table, or null when it has no cell (Word cannot open an empty table). */
export function table(t: TableView, available: number, writeBlocks: BlocksWriter): Table | null {
  if (t.numColumns === 0) return null;
  const widths = columnWidths(t, available);
  const covered = new Set<string>();
  const rows: TableRow[] = [];
  t.rows.forEach((row, r) => {
    const cells: TableCell[] = [];
    for (let col = 0; col < t.numColumns; col++) {
      if (covered.has(`${r}:${col}`)) continue;
      // Docs tables are rectangular; a short row is padded rather than left ragged.
      const c = row.cells[col] ?? EMPTY_CELL;
      const colSpan = Math.min(Math.max(c.colSpan, 1), t.numColumns - col);
      const rowSpan = Math.min(Math.max(c.rowSpan, 1), t.rows.length - r);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) if (dr || dc) covered.add(`${r + dr}:${col + dc}`);
      }
      const width = widths.slice(col, col + colSpan).reduce((s, w) => s + w, 0);
      cells.push(cell({ ...c, colSpan, rowSpan }, width, writeBlocks));
    }
    if (cells.length === 0) return;
    const height = row.minimumHeight
      ? { value: twips(row.minimumHeight), rule: HeightRule.ATLEAST }
      : undefined;
    // Pinned header rows (Docs API pinTableHeaderRows) repeat on each page: w:tblHeader.
    const header = r < (t.pinnedHeaderRows ?? 0);
    rows.push(
      new TableRow({
        children: cells,
        ...(height ? { height } : {}),
        ...(header ? { tableHeader: true } : {}),
      }),
    );
  });
  if (rows.length === 0) return null;
  const edge = border(t);
  const twipWidths = widths.map(twips);
  return new Table({
    rows,
    columnWidths: twipWidths,
    width: { size: twipWidths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: edge,
      bottom: edge,
      left: edge,
      right: edge,
      insideHorizontal: edge,
      insideVertical: edge,
    },
  });
}
