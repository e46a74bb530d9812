/**
 * Where each element of a document's body sits in the Docs API's index space
 * (https://developers.google.com/docs/api/concepts/structure): indexes count UTF-16 code units
 * from 0; the body opens with a section break at 0 (so its first paragraph starts at 1); a
 * paragraph spans its text, page breaks (1 each) and its closing newline (1); a section break is
 * 1; a table is 1 for its start, 1 per row start, 1 per cell start, then the cells' content.
 * Documented: the 1-based body, the newline, "the table start index will be at the specified
 * location index + 1" (InsertTableRequest). Guessed (not published): that a table has no closing
 * unit — it ends where its last cell's content ends.
 */
import { BlockNode, ParagraphNode, SectionNode, TableCellNode, TableNode } from '../model';
import { atomsOf, lengthOf } from './paragraph-edit';

export type Parent = SectionNode | TableCellNode;

export interface ParagraphAt {
  readonly kind: 'paragraph';
  readonly node: ParagraphNode;
  readonly parent: Parent;
  readonly start: number;
  /** Exclusive: the index just after the paragraph's newline. */
  readonly end: number;
  /** Inside a table cell (at any depth). */
  readonly inTable: boolean;
}

export interface TableAt {
  readonly kind: 'table';
  readonly node: TableNode;
  readonly parent: Parent;
  readonly start: number;
  readonly end: number;
  /** Each cell's content [start, end), by row then column. */
  readonly cells: { start: number; end: number }[][];
}

export interface SectionBreakAt {
  readonly kind: 'sectionBreak';
  readonly start: number;
  /** The paragraph the break precedes (null for the body's opening break). */
  readonly before: ParagraphNode | null;
}

export interface BodyLayout {
  readonly paragraphs: ParagraphAt[];
  readonly tables: TableAt[];
  readonly sectionBreaks: SectionBreakAt[];
  /** The body's end index (after its last newline). */
  readonly end: number;
}

export function paragraphUnits(p: ParagraphNode): number {
  return lengthOf(atomsOf(p)) + 1;
}

export function layoutOf(body: SectionNode): BodyLayout {
  const out: BodyLayout = { paragraphs: [], tables: [], sectionBreaks: [], end: 0 };
  out.sectionBreaks.push({ kind: 'sectionBreak', start: 0, before: null });
  const end = walk(body.children, body, 1, false, out);
  return { ...out, end };
}

function walk(
  blocks: readonly BlockNode[],
  parent: Parent,
  from: number,
  inTable: boolean,
  out: BodyLayout,
): number {
  let pos = from;
  for (const b of blocks) {
    if (b.kind === 'table') {
      const start = pos;
      pos += 1;
      const cells: { start: number; end: number }[][] = [];
      for (const row of b.rows) {
        pos += 1;
        const spans: { start: number; end: number }[] = [];
        for (const cell of row.cells) {
          pos += 1;
          const cellStart = pos;
          pos = walk(cell.children, cell, pos, true, out);
          spans.push({ start: cellStart, end: pos });
        }
        cells.push(spans);
      }
      out.tables.push({ kind: 'table', node: b, parent, start, end: pos, cells });
    } else {
      if (b.sectionBreakBefore) {
        out.sectionBreaks.push({ kind: 'sectionBreak', start: pos, before: b });
        pos += 1;
      }
      const start = pos;
      pos += paragraphUnits(b);
      out.paragraphs.push({ kind: 'paragraph', node: b, parent, start, end: pos, inTable });
    }
  }
  return pos;
}

/** The paragraph whose units include `index` (its text or its newline). */
export function paragraphAt(layout: BodyLayout, index: number): ParagraphAt | undefined {
  return layout.paragraphs.find((p) => p.start <= index && index < p.end);
}

export function tableStartingAt(layout: BodyLayout, index: number): TableAt | undefined {
  return layout.tables.find((t) => t.start === index);
}
