/**
 * Lays a document's model view out on pages for the PDF: greedy line breaking with the standard
 * fonts' widths, alignment (justified lines use word spacing), indents, paragraph spacing, line
 * spacing, page breaks, horizontal rules, list glyphs, tables (column widths, padding, borders,
 * fills; a row is never split — a row taller than a page overflows it) and the header and footer
 * on every page. Approximate by design: the model view, not the PDF, is what tests measure.
 */
import { BlockView, DocumentModel, NAMED_STYLES, ParagraphView, ResolvedTextStyle, TableView } from '../view';
import { baseFont, Family, familyOf, textWidth } from './fonts';
import { transliterate } from './winansi';

/** Drawing operations; `dy` is measured down from the top of the box being laid out. */
export type Op =
  | {
      kind: 'text';
      x: number;
      dy: number;
      font: string;
      size: number;
      text: string;
      color: string;
      wordSpacing: number;
    }
  | { kind: 'line'; x1: number; dy1: number; x2: number; dy2: number; width: number; color: string }
  | {
      kind: 'rect';
      x: number;
      dy: number;
      w: number;
      h: number;
      fill: string | null;
      stroke: string | null;
      width: number;
    };

interface Chunk {
  height: number;
  ops: Op[];
  pageBreak?: boolean;
}

/** Docs' default header/footer distance from the page edge, and cell padding (points). */
const HEADER_MARGIN = 36;
const CELL_PADDING = 5;
const LEADING = 1.2;

interface Token {
  text: string;
  style: ResolvedTextStyle;
  family: Family;
  width: number;
  kind: 'word' | 'space' | 'newline';
}

function shift(ops: readonly Op[], dx: number, dy: number): Op[] {
  return ops.map((op) => {
    switch (op.kind) {
      case 'text':
        return { ...op, x: op.x + dx, dy: op.dy + dy };
      case 'line':
        return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, dy1: op.dy1 + dy, dy2: op.dy2 + dy };
      case 'rect':
        return { ...op, x: op.x + dx, dy: op.dy + dy };
    }
  });
}

function tokens(text: string, style: ResolvedTextStyle): Token[] {
  const family = familyOf(style.fontFamily);
  const out: Token[] = [];
  for (const m of transliterate(text).matchAll(/\r|[^\S\r]+|[^\s]+/g)) {
    const t = m[0];
    const kind = t === '\r' ? 'newline' : /^\s+$/.test(t) ? 'space' : 'word';
    out.push({
      text: t,
      style,
      family,
      kind,
      width: kind === 'newline' ? 0 : textWidth(family, t, style.fontSize),
    });
  }
  return out;
}

/** A word wider than the line is cut into pieces that fit. */
function splitWord(token: Token, avail: number): Token[] {
  const pieces: Token[] = [];
  let current = '';
  for (const ch of token.text) {
    const next = current + ch;
    if (current !== '' && textWidth(token.family, next, token.style.fontSize) > avail) {
      pieces.push({ ...token, text: current, width: textWidth(token.family, current, token.style.fontSize) });
      current = ch;
    } else current = next;
  }
  if (current !== '')
    pieces.push({ ...token, text: current, width: textWidth(token.family, current, token.style.fontSize) });
  return pieces;
}

function listPrefix(p: ParagraphView, counters: Map<string, number>): string {
  if (!p.list) return '';
  const key = `${p.list.listId}:${p.list.nestingLevel}`;
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  const roman = (k: number) =>
    ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][k] ?? String(k);
  switch (p.list.glyphType) {
    case 'NUMBER':
      return `${n}. `;
    case 'LATIN_UPPER':
      return `${String.fromCharCode(64 + ((n - 1) % 26) + 1)}. `;
    case 'LATIN_LOWER':
      return `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}. `;
    case 'ROMAN_UPPER':
      return `${roman(n).toUpperCase()}. `;
    case 'ROMAN_LOWER':
      return `${roman(n)}. `;
    case 'HOLLOW_BULLET':
      return 'o ';
    default:
      return '\u2022 ';
  }
}

class Typesetter {
  readonly counters = new Map<string, number>();

  constructor(private readonly defaultSize: (p: ParagraphView) => number) {}

  blocks(blocks: readonly BlockView[], left: number, width: number): Chunk[] {
    return blocks.flatMap((b) =>
      b.type === 'table' ? this.table(b, left, width) : this.paragraph(b, left, width),
    );
  }

  paragraph(p: ParagraphView, left: number, width: number): Chunk[] {
    const chunks: Chunk[] = [];
    if (p.spacingBefore > 0) chunks.push({ height: p.spacingBefore, ops: [] });
    const fallback = this.defaultSize(p);
    const prefix = listPrefix(p, this.counters);
    const indentStart =
      p.list && p.explicit.indentStart === undefined ? 36 * (p.list.nestingLevel + 1) : p.indentStart;
    const firstLine =
      p.list && p.explicit.indentFirstLine === undefined ? indentStart - 18 : p.indentFirstLine;
    let pending: Token[] = [];
    const firstStyle = p.runs[0]?.style;
    if (prefix && firstStyle) pending.push(...tokens(prefix, firstStyle));
    let lineIndex = 0;
    const flushText = (endsParagraph: boolean) => {
      const lines = this.breakLines(
        pending,
        (i) => width - p.indentEnd - (i + lineIndex === 0 ? firstLine : indentStart),
      );
      lines.forEach((line, i) => {
        const last = endsParagraph && i === lines.length - 1;
        const indent = lineIndex === 0 ? firstLine : indentStart;
        chunks.push(
          this.line(line.tokens, left + indent, width - p.indentEnd - indent, p, fallback, last || line.hard),
        );
        lineIndex++;
      });
      pending = [];
    };
    for (const item of p.content) {
      if (item.type === 'text') pending.push(...tokens(item.text, item.style));
      else {
        if (pending.length > 0) flushText(false);
        if (item.type === 'pageBreak') chunks.push({ height: 0, ops: [], pageBreak: true });
        else {
          const h = fallback * LEADING;
          const y = h / 2;
          chunks.push({
            height: h,
            ops: [{ kind: 'line', x1: left, dy1: y, x2: left + width, dy2: y, width: 1, color: '#888888' }],
          });
        }
      }
    }
    if (pending.length > 0) flushText(true);
    else if (p.content.length === 0) chunks.push({ height: fallback * LEADING * p.lineSpacing, ops: [] });
    if (p.spacingAfter > 0) chunks.push({ height: p.spacingAfter, ops: [] });
    return chunks;
  }

  private breakLines(all: Token[], avail: (i: number) => number): { tokens: Token[]; hard: boolean }[] {
    const lines: { tokens: Token[]; hard: boolean }[] = [];
    let current: Token[] = [];
    let used = 0;
    const push = (hard: boolean) => {
      while (current.length > 0 && current[current.length - 1].kind === 'space') current.pop();
      lines.push({ tokens: current, hard });
      current = [];
      used = 0;
    };
    const queue = [...all];
    while (queue.length > 0) {
      const t = queue.shift()!;
      if (t.kind === 'newline') {
        push(true);
        continue;
      }
      const room = avail(lines.length);
      if (t.kind === 'word' && used + t.width > room && current.some((c) => c.kind === 'word')) {
        push(false);
      }
      if (t.kind === 'word' && t.width > avail(lines.length) && t.text.length > 1) {
        const [head, ...rest] = splitWord(t, Math.max(avail(lines.length) - used, 1));
        current.push(head);
        used += head.width;
        if (rest.length > 0) {
          push(false);
          queue.unshift(...rest);
        }
        continue;
      }
      if (t.kind === 'space' && current.length === 0 && lines.length > 0 && !lines[lines.length - 1].hard)
        continue;
      current.push(t);
      used += t.width;
    }
    if (current.length > 0 || lines.length === 0 || lines[lines.length - 1].hard) push(false);
    return lines;
  }

  private line(
    line: Token[],
    x0: number,
    avail: number,
    p: ParagraphView,
    fallback: number,
    last: boolean,
  ): Chunk {
    const size = Math.max(fallback, ...line.map((t) => t.style.fontSize));
    const height = size * LEADING * p.lineSpacing;
    const baseline = size;
    const width = line.reduce((w, t) => w + t.width, 0);
    const extra = Math.max(avail - width, 0);
    const spaces = line.filter((t) => t.kind === 'space').reduce((n, t) => n + t.text.length, 0);
    let x = x0;
    if (p.alignment === 'CENTER') x += extra / 2;
    else if (p.alignment === 'RIGHT') x += extra;
    const wordSpacing = p.alignment === 'JUSTIFY' && !last && spaces > 0 ? extra / spaces : 0;
    const ops: Op[] = [];
    // Consecutive tokens of one style are drawn as one string (so the text stays searchable).
    let i = 0;
    while (i < line.length) {
      const style = line[i].style;
      let text = '';
      let w = 0;
      while (i < line.length && line[i].style === style) {
        text += line[i].text;
        w += line[i].width + (line[i].kind === 'space' ? line[i].text.length * wordSpacing : 0);
        i++;
      }
      const font = baseFont(familyOf(style.fontFamily), style.bold, style.italic);
      if (style.backgroundColor) {
        ops.push({
          kind: 'rect',
          x,
          dy: 0,
          w,
          h: height,
          fill: style.backgroundColor,
          stroke: null,
          width: 0,
        });
      }
      ops.push({
        kind: 'text',
        x,
        dy: baseline,
        font,
        size: style.fontSize,
        text,
        color: style.foregroundColor,
        wordSpacing,
      });
      // Underline just below the baseline, strikethrough through the middle of lower-case letters.
      const rule = (offset: number): Op => {
        const y = baseline + style.fontSize * offset;
        const width = style.fontSize * 0.05;
        return { kind: 'line', x1: x, dy1: y, x2: x + w, dy2: y, width, color: style.foregroundColor };
      };
      if (style.underline) ops.push(rule(0.12));
      if (style.strikethrough) ops.push(rule(-0.3));
      x += w;
    }
    return { height, ops };
  }

  table(t: TableView, left: number, width: number): Chunk[] {
    const border = t.borderWidth ?? 1;
    const borderColor = t.borderColor ?? '#000000';
    const explicit = t.columnWidths.reduce<number>((s, w) => s + (w ?? 0), 0);
    const unset = t.columnWidths.filter((w) => w === null).length;
    const share = unset > 0 ? Math.max((width - explicit) / unset, 18) : 0;
    const widths = t.columnWidths.map((w) => w ?? share);
    const starts = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    return t.rows.map((row) => {
      const cells = row.cells.map((cell, i) => {
        const span = Math.max(cell.colSpan, 1);
        const w = widths.slice(i, i + span).reduce((s, x) => s + x, 0) || share;
        const pl = cell.paddingLeft ?? CELL_PADDING;
        const pr = cell.paddingRight ?? CELL_PADDING;
        const pt = cell.paddingTop ?? CELL_PADDING;
        const pb = cell.paddingBottom ?? CELL_PADDING;
        const x = starts[i] ?? left;
        const inner = this.blocks(cell.children, x + pl, Math.max(w - pl - pr, 1)).filter(
          (c) => !c.pageBreak,
        );
        const contentHeight = inner.reduce((h, c) => h + c.height, 0);
        return { cell, x, w, pt, pb, inner, contentHeight };
      });
      const height = Math.max(row.minimumHeight ?? 0, ...cells.map((c) => c.contentHeight + c.pt + c.pb));
      const ops: Op[] = [];
      for (const c of cells) {
        if (c.cell.backgroundColor) {
          ops.push({
            kind: 'rect',
            x: c.x,
            dy: 0,
            w: c.w,
            h: height,
            fill: c.cell.backgroundColor,
            stroke: null,
            width: 0,
          });
        }
        const free = height - c.pt - c.pb - c.contentHeight;
        const valign =
          c.cell.verticalAlignment === 'CENTER' ? free / 2 : c.cell.verticalAlignment === 'BOTTOM' ? free : 0;
        let dy = c.pt + valign;
        for (const chunk of c.inner) {
          ops.push(...shift(chunk.ops, 0, dy));
          dy += chunk.height;
        }
        if (border > 0) {
          ops.push({
            kind: 'rect',
            x: c.x,
            dy: 0,
            w: c.w,
            h: height,
            fill: null,
            stroke: borderColor,
            width: border,
          });
        }
      }
      return { height, ops };
    });
  }
}

export interface PageOut {
  ops: Op[];
}

/** The document's pages, with ops measured down from the page's top edge. */
export function layoutDocument(model: DocumentModel): PageOut[] {
  const { page } = model;
  const left = page.marginLeft;
  const width = Math.max(page.width - page.marginLeft - page.marginRight, 1);
  const defaultSize = (p: ParagraphView) =>
    model.bodyTextDefaults.fontSize ?? NAMED_STYLES[p.heading].fontSize;
  const setter = new Typesetter(defaultSize);
  const header = model.header ? new Typesetter(defaultSize).blocks(model.header, left, width) : [];
  const footer = model.footer ? new Typesetter(defaultSize).blocks(model.footer, left, width) : [];
  const footerHeight = footer.reduce((h, c) => h + c.height, 0);

  const pages: PageOut[] = [];
  let current: PageOut;
  let cursor = 0;
  const stack = (chunks: Chunk[], top: number, into: Op[]) => {
    let y = top;
    for (const c of chunks) {
      into.push(...shift(c.ops, 0, y));
      y += c.height;
    }
  };
  const newPage = () => {
    current = { ops: [] };
    pages.push(current);
    stack(header, HEADER_MARGIN, current.ops);
    stack(footer, page.height - HEADER_MARGIN - footerHeight, current.ops);
    cursor = page.marginTop;
  };
  newPage();
  for (const chunk of setter.blocks(model.body, left, width)) {
    if (chunk.pageBreak) {
      newPage();
      continue;
    }
    if (cursor + chunk.height > page.height - page.marginBottom && cursor > page.marginTop) newPage();
    current!.ops.push(...shift(chunk.ops, 0, cursor));
    cursor += chunk.height;
  }
  return pages;
}
