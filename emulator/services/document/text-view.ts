/**
 * The text a Text object edits, as one string over several paragraphs. A Text element is one
 * TextNode; Paragraph.editAsText() spans all its TextNodes; a container's editAsText() (Body,
 * TableCell…) spans every paragraph inside it, joined by "\n" — the same string getText() gives.
 * Offsets map back to (node, run) here, so formatting applies to exactly the characters asked.
 *
 * The "\n" between paragraphs is not editable: formatting skips it, and deleting across it (which
 * would merge paragraphs in Docs) fails loudly as not modeled.
 */
import {
  BlockNode,
  ContainerNode,
  ParagraphNode,
  TextNode,
  TextStyle,
  TextStyleKey,
  TextStylePatch,
  newTextNode,
} from './model';
import {
  deleteFromRuns,
  insertInRuns,
  insertionStyle,
  normalizeRuns,
  patchStyle,
  sameStyle,
  styleAt,
  styleRange,
  textOfRuns,
} from './runs';
import { childrenOf, insertChild } from './tree';

export type Segment = { kind: 'paragraph'; node: ParagraphNode } | { kind: 'text'; node: TextNode };

interface Piece {
  node: TextNode;
  start: number;
  end: number;
}

export function textNodesOf(p: ParagraphNode): TextNode[] {
  return p.inlines.filter((n): n is TextNode => n.kind === 'text');
}

export function paragraphText(p: ParagraphNode): string {
  return textNodesOf(p)
    .map((n) => textOfRuns(n.runs))
    .join('');
}

/** Every paragraph (and list item) inside a container, in document order. */
export function paragraphsIn(node: ContainerNode): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  const walk = (blocks: readonly BlockNode[]) => {
    for (const b of blocks) {
      if (b.kind === 'table') for (const row of b.rows) for (const cell of row.cells) walk(cell.children);
      else out.push(b);
    }
  };
  switch (node.kind) {
    case 'paragraph':
    case 'listItem':
      return [node];
    case 'table':
      walk([node]);
      return out;
    case 'tableRow':
      for (const cell of node.cells) walk(cell.children);
      return out;
    default:
      walk(childrenOf(node) as BlockNode[]);
      return out;
  }
}

export class TextView {
  constructor(readonly segments: readonly Segment[]) {}

  static ofTextNode(node: TextNode): TextView {
    return new TextView([{ kind: 'text', node }]);
  }

  static ofContainer(node: ContainerNode): TextView {
    return new TextView(paragraphsIn(node).map((p) => ({ kind: 'paragraph', node: p })));
  }

  /** The TextNodes the view covers, in order (the "text blocks" findText and replaceText scan). */
  textNodes(): TextNode[] {
    return this.segments.flatMap((s) => (s.kind === 'text' ? [s.node] : textNodesOf(s.node)));
  }

  text(): string {
    return this.segments.map((s) => this.segText(s)).join('\n');
  }

  length(): number {
    return this.text().length;
  }

  private segText(s: Segment): string {
    return s.kind === 'text' ? textOfRuns(s.node.runs) : paragraphText(s.node);
  }

  private pieces(s: Segment): Piece[] {
    const nodes = s.kind === 'text' ? [s.node] : textNodesOf(s.node);
    let pos = 0;
    return nodes.map((node) => {
      const start = pos;
      pos += textOfRuns(node.runs).length;
      return { node, start, end: pos };
    });
  }

  /** Segment starts in view offsets (each segment is followed by one "\n"). */
  private bounds(): { seg: Segment; start: number; end: number }[] {
    let pos = 0;
    return this.segments.map((seg) => {
      const start = pos;
      const end = start + this.segText(seg).length;
      pos = end + 1;
      return { seg, start, end };
    });
  }

  /** The style of the character at `offset` (a separator reports its paragraph's mark style). */
  styleAt(offset: number): TextStyle {
    for (const { seg, start, end } of this.bounds()) {
      if (offset > end) continue;
      if (offset === end) return seg.kind === 'paragraph' ? seg.node.endStyle : {};
      const local = offset - start;
      const piece = this.pieces(seg).find((p) => local >= p.start && local < p.end)!;
      return styleAt(piece.node.runs, local - piece.start);
    }
    return {};
  }

  /** The value of `key` over all characters, or null when they differ (or there are none). */
  uniform<K extends TextStyleKey>(key: K): TextStyle[K] | null {
    let seen = false;
    let value: TextStyle[K] | undefined;
    for (const node of this.textNodes()) {
      for (const run of normalizeRuns(node.runs)) {
        if (!seen) {
          value = run.style[key];
          seen = true;
        } else if (run.style[key] !== value) return null;
      }
    }
    return seen && value !== undefined ? value : null;
  }

  /**
   * Applies `patch` to characters [start, end) of the view; `all` also gives it to every paragraph
   * mark, empty paragraphs included (formatting "the whole text").
   */
  applyStyle(start: number, end: number, patch: TextStylePatch, all = false): void {
    for (const { seg, start: s0, end: s1 } of this.bounds()) {
      const from = Math.max(start, s0);
      const to = Math.min(end, s1);
      if (from < to) {
        for (const piece of this.pieces(seg)) {
          const a = Math.max(from - s0, piece.start);
          const b = Math.min(to - s0, piece.end);
          if (a < b) piece.node.runs = styleRange(piece.node.runs, a - piece.start, b - piece.start, patch);
        }
      }
      // The paragraph mark takes the style when the range runs to the paragraph's end, as selecting
      // to the end of a line does in the editor (new text typed there then has that style).
      const coversEnd = all || (s1 > s0 ? from < to && to === s1 : start <= s0 && s0 < end);
      if (seg.kind === 'paragraph' && coversEnd) seg.node.endStyle = patchStyle(seg.node.endStyle, patch);
    }
  }

  /**
   * Inserts `text` at `offset` (0 ≤ offset ≤ length) in the style of the character before it in
   * the same Text (none when there is none: see insertionStyle).
   */
  insert(offset: number, text: string): void {
    for (const { seg, start, end } of this.bounds()) {
      if (offset < start || offset > end) continue;
      const local = offset - start;
      if (seg.kind === 'text') {
        seg.node.runs = insertInRuns(seg.node.runs, local, text, insertionStyle(seg.node.runs, local));
        return;
      }
      const pieces = this.pieces(seg);
      const piece = pieces.find((p) => local >= p.start && local <= p.end);
      if (!piece) {
        // A paragraph with no Text at all: the new one takes the paragraph mark's style, as
        // setText and appendText do.
        insertChild(seg.node, seg.node.inlines.length, newTextNode(text, seg.node.endStyle));
        return;
      }
      const at = local - piece.start;
      const style = insertionStyle(piece.node.runs, at);
      piece.node.runs = insertInRuns(piece.node.runs, at, text, style);
      return;
    }
  }

  /** Deletes characters [start, end) inside one paragraph. */
  delete(start: number, end: number): void {
    for (const { seg, start: s0, end: s1 } of this.bounds()) {
      if (start >= s0 && end <= s1) {
        for (const piece of this.pieces(seg)) {
          const a = Math.max(start - s0, piece.start);
          const b = Math.min(end - s0, piece.end);
          if (a < b) piece.node.runs = deleteFromRuns(piece.node.runs, a - piece.start, b - piece.start);
        }
        return;
      }
    }
    throw new Error('Emulator: deleting text across paragraphs (which merges them) is not modeled');
  }

  /** Style runs over the whole view with their start offsets (separators not included). */
  styleStarts(): number[] {
    const starts: number[] = [];
    let last: TextStyle | undefined;
    for (const { seg, start } of this.bounds()) {
      for (const piece of this.pieces(seg)) {
        let pos = start + piece.start;
        for (const run of normalizeRuns(piece.node.runs)) {
          if (!last || !sameStyle(last, run.style)) starts.push(pos);
          last = run.style;
          pos += run.text.length;
        }
      }
    }
    return starts;
  }
}
