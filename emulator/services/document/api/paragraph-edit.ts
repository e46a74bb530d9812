/**
 * Character-level edits of one paragraph for the Docs API, where a paragraph is a sequence of
 * index units: each UTF-16 code unit of text, and each page break or horizontal rule (one unit
 * each, as the Docs API counts them). The paragraph's closing newline is not part of it.
 */
import { InlineNode, ParagraphNode, Run, TextStyle, TextStylePatch } from '../model';
import { normalizeRuns, patchStyle } from '../runs';

type Marker = { readonly kind: 'pageBreak' | 'horizontalRule' };
export type Atom = Run | Marker;

function isMarker(a: Atom): a is Marker {
  return 'kind' in a;
}

export function atomsOf(p: ParagraphNode): Atom[] {
  const out: Atom[] = [];
  for (const inline of p.inlines) {
    if (inline.kind === 'text')
      out.push(...inline.runs.map((r) => ({ text: r.text, style: { ...r.style } })));
    else out.push({ kind: inline.kind });
  }
  return out;
}

function unitsOf(a: Atom): number {
  return isMarker(a) ? 1 : a.text.length;
}

export function lengthOf(atoms: readonly Atom[]): number {
  return atoms.reduce((n, a) => n + unitsOf(a), 0);
}

/** The paragraph's inlines rebuilt from atoms: consecutive runs in one text element. */
export function setAtoms(p: ParagraphNode, atoms: readonly Atom[]): void {
  const inlines: InlineNode[] = [];
  let pending: Run[] = [];
  const flush = () => {
    const runs = normalizeRuns(pending);
    if (runs.length > 0) inlines.push({ kind: 'text', runs });
    pending = [];
  };
  for (const a of atoms) {
    if (isMarker(a)) {
      flush();
      inlines.push({ kind: a.kind });
    } else pending.push(a);
  }
  flush();
  p.inlines = inlines;
}

/** The atoms cut so that `offset` falls between two of them. */
export function splitAtoms(atoms: readonly Atom[], offset: number): [Atom[], Atom[]] {
  const left: Atom[] = [];
  const right: Atom[] = [];
  let pos = 0;
  for (const a of atoms) {
    const n = unitsOf(a);
    if (pos + n <= offset) left.push(a);
    else if (pos >= offset) right.push(a);
    else {
      const r = a as Run;
      left.push({ text: r.text.slice(0, offset - pos), style: r.style });
      right.push({ text: r.text.slice(offset - pos), style: { ...r.style } });
    }
    pos += n;
  }
  return [left, right];
}

/**
 * The style inserted text takes: "In most cases, the text style for the inserted text will match
 * the text immediately before the insertion index" (InsertTextRequest); at a paragraph's start,
 * the text after it, else the paragraph mark's.
 */
export function styleForInsert(p: ParagraphNode, offset: number): TextStyle {
  const [left, right] = splitAtoms(atomsOf(p), offset);
  const before = [...left].reverse().find((a): a is Run => !isMarker(a));
  if (before) return { ...before.style };
  const after = right.find((a): a is Run => !isMarker(a));
  return { ...(after?.style ?? p.endStyle) };
}

export function insertAtoms(p: ParagraphNode, offset: number, inserted: readonly Atom[]): void {
  const [left, right] = splitAtoms(atomsOf(p), offset);
  setAtoms(p, [...left, ...inserted, ...right]);
}

export function deleteUnits(p: ParagraphNode, start: number, end: number): void {
  const [left, rest] = splitAtoms(atomsOf(p), start);
  const [, right] = splitAtoms(rest, end - start);
  setAtoms(p, [...left, ...right]);
}

export function styleUnits(p: ParagraphNode, start: number, end: number, patch: TextStylePatch): void {
  const [left, rest] = splitAtoms(atomsOf(p), start);
  const [middle, right] = splitAtoms(rest, end - start);
  const styled = middle.map((a) => (isMarker(a) ? a : { text: a.text, style: patchStyle(a.style, patch) }));
  setAtoms(p, [...left, ...styled, ...right]);
}

/** The paragraph's text with one U+FFFC per marker (so searches never match across them). */
export function searchableText(p: ParagraphNode): string {
  return atomsOf(p)
    .map((a) => (isMarker(a) ? '\uFFFC' : a.text))
    .join('');
}

/**
 * The paragraph cut at `offset`: it keeps what is before, and the returned new paragraph (same
 * paragraph style, list and pagination, as a newline typed there makes) holds the rest. The new
 * paragraph is not yet in the tree.
 */
export function splitParagraph(p: ParagraphNode, offset: number): ParagraphNode {
  const [left, right] = splitAtoms(atomsOf(p), offset);
  setAtoms(p, left);
  const q: ParagraphNode = {
    kind: p.kind,
    style: { ...p.style },
    inlines: [],
    endStyle: { ...p.endStyle },
    ...(p.list ? { list: { ...p.list } } : {}),
    ...(p.keep ? { keep: { ...p.keep } } : {}),
  };
  setAtoms(q, right);
  return q;
}
