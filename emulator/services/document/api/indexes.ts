/**
 * Where each element of a document's body sits in the Docs API's index space
 * (https://developers.google.com/docs/api/concepts/structure): indexes count UTF-16 code units
 * from 0; the body opens with a section break at 0 (so its first paragraph starts at 1); a
 * paragraph spans its text, page breaks (1 each) and its closing newline (1); a section break is
 * 1; a table is 1 for its start, 1 per row start, 1 per cell start, then the cells' content.
 * Documented: the 1-based body, the newline, "the table start index will be at the specified
 * location index + 1" (InsertTableRequest). Guessed (not published): that a table has no closing
 * unit — it ends where its last cell's content ends.
 *
 * The walk is lazy and stops past the index a request needs: a batch fills a document from its
 * start, so each request looks at the few elements before its index, not the whole document.
 */
import { BlockNode, ParagraphNode, SectionNode, TableCellNode, TableNode } from '../model';

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
}

export interface CellAt {
  readonly kind: 'cell';
  readonly table: TableNode;
  /** The cell's content [start, end). */
  readonly start: number;
  readonly end: number;
}

export interface TableEndAt {
  readonly kind: 'tableEnd';
  readonly node: TableNode;
  readonly start: number;
  readonly end: number;
}

export interface SectionBreakAt {
  readonly kind: 'sectionBreak';
  readonly start: number;
  /** The paragraph the break precedes (null for the body's opening break). */
  readonly before: ParagraphNode | null;
}

type Entry = ParagraphAt | TableAt | CellAt | TableEndAt | SectionBreakAt;

export interface BodyLayout {
  readonly paragraphs: ParagraphAt[];
  /** Tables by their start (known as soon as the walk reaches them). */
  readonly tables: TableAt[];
  /** Tables the walk went all through, with each cell's span. */
  readonly wholeTables: { start: number; end: number; cells: CellAt[] }[];
  readonly sectionBreaks: SectionBreakAt[];
  /** The body's end index (after its last newline); null when the walk stopped before it. */
  readonly end: number | null;
}

export function paragraphUnits(p: ParagraphNode): number {
  let n = 1;
  for (const inline of p.inlines) {
    if (inline.kind === 'text') for (const run of inline.runs) n += run.text.length;
    else n += 1;
  }
  return n;
}

function* walk(
  blocks: readonly BlockNode[],
  parent: Parent,
  from: number,
  inTable: boolean,
  pos: { at: number },
): Generator<Entry> {
  pos.at = from;
  for (const b of blocks) {
    if (b.kind === 'table') {
      const start = pos.at;
      yield { kind: 'table', node: b, parent, start };
      pos.at += 1;
      for (const row of b.rows) {
        pos.at += 1;
        for (const cell of row.cells) {
          pos.at += 1;
          const cellStart = pos.at;
          yield* walk(cell.children, cell, cellStart, true, pos);
          yield { kind: 'cell', table: b, start: cellStart, end: pos.at };
        }
      }
      yield { kind: 'tableEnd', node: b, start, end: pos.at };
    } else {
      if (b.sectionBreakBefore) {
        yield { kind: 'sectionBreak', start: pos.at, before: b };
        pos.at += 1;
      }
      const start = pos.at;
      pos.at += paragraphUnits(b);
      yield { kind: 'paragraph', node: b, parent, start, end: pos.at, inTable };
    }
  }
}

/**
 * The body laid out up to `limit` (inclusive): every element starting at or before it, and the
 * body's end when the walk reached it. Without a limit, the whole body.
 */
export function layoutOf(body: SectionNode, limit = Infinity): BodyLayout {
  const out: BodyLayout = { paragraphs: [], tables: [], wholeTables: [], sectionBreaks: [], end: null };
  out.sectionBreaks.push({ kind: 'sectionBreak', start: 0, before: null });
  const open = new Map<TableNode, CellAt[]>();
  const pos = { at: 1 };
  for (const e of walk(body.children, body, 1, false, pos)) {
    if (e.kind === 'paragraph') out.paragraphs.push(e);
    else if (e.kind === 'table') {
      out.tables.push(e);
      open.set(e.node, []);
    } else if (e.kind === 'cell') open.get(e.table)?.push(e);
    else if (e.kind === 'tableEnd')
      out.wholeTables.push({ start: e.start, end: e.end, cells: open.get(e.node) ?? [] });
    else out.sectionBreaks.push(e);
    if (e.kind === 'paragraph' && e.end > limit) return out;
  }
  return { ...out, end: pos.at };
}

/** The paragraph whose units include `index` (its text or its newline). */
export function paragraphAt(layout: BodyLayout, index: number): ParagraphAt | undefined {
  // Paragraphs are in index order: binary search for the last one starting at or before index.
  const list = layout.paragraphs;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].start <= index) lo = mid;
    else hi = mid - 1;
  }
  const p = list[lo];
  return p && p.start <= index && index < p.end ? p : undefined;
}

export function tableStartingAt(layout: BodyLayout, index: number): TableAt | undefined {
  return layout.tables.find((t) => t.start === index);
}

/**
 * The whole body's layout, kept between the requests of a batch: text typed inside a paragraph
 * only shifts what follows (shiftAfter), anything else that moves indexes drops it (forget).
 * Filling a 1,000-row table is 9,000 insertions; walking the body for each would be quadratic.
 */
const CACHE = new WeakMap<SectionNode, BodyLayout>();

export function cachedLayout(body: SectionNode): BodyLayout {
  let layout = CACHE.get(body);
  if (!layout) CACHE.set(body, (layout = layoutOf(body)));
  return layout;
}

export function forgetLayout(body: SectionNode): void {
  CACHE.delete(body);
}

/** `by` units were inserted inside `paragraph` (no newline): it and everything after it shift. */
export function shiftAfter(body: SectionNode, paragraph: ParagraphNode, by: number): void {
  const layout = CACHE.get(body) as Mutable | undefined;
  if (!layout) return;
  const at = layout.paragraphs.findIndex((p) => p.node === paragraph);
  if (at < 0) return forgetLayout(body);
  const from = layout.paragraphs[at].start;
  layout.paragraphs[at].end += by;
  for (let i = at + 1; i < layout.paragraphs.length; i++) {
    layout.paragraphs[i].start += by;
    layout.paragraphs[i].end += by;
  }
  for (const t of layout.tables) if (t.start > from) t.start += by;
  for (const b of layout.sectionBreaks) if (b.start > from) b.start += by;
  for (const t of layout.wholeTables) {
    if (t.start > from) t.start += by;
    if (t.end > from) t.end += by;
    for (const c of t.cells) {
      if (c.start > from) c.start += by;
      if (c.end > from) c.end += by;
    }
  }
  if (layout.end !== null) layout.end += by;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
interface Mutable {
  paragraphs: Writable<ParagraphAt>[];
  tables: Writable<TableAt>[];
  sectionBreaks: Writable<SectionBreakAt>[];
  wholeTables: { start: number; end: number; cells: Writable<CellAt>[] }[];
  end: number | null;
}
