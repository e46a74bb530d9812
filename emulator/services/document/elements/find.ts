/**
 * findText / replaceText over the text blocks (TextNodes) of an element, and the RangeElement a
 * search returns. Each block is searched on its own, as the reference says ("independently matched
 * against each text block"), so a pattern never matches across two paragraphs — nor across two
 * Text elements of one paragraph, which is how a placeholder split by appendText stays unmatched
 * until the document is reopened (DocumentApp.openById joins adjacent Text elements).
 */
import { GAS_CLASS } from '../../support/args';
import { DocHandle } from '../handle';
import { TextNode } from '../model';
import { checkReplacement, compilePattern, matchesIn } from '../regex';
import { deleteFromRuns, insertInRuns, styleAt, textOfRuns } from '../runs';
import { loose, typed } from '../values';
import { wrap } from './wrap';

type RE = GoogleAppsScript.Document.RangeElement;

const FOUND = new WeakMap<object, { node: TextNode; start: number; end: number }>();

/** https://developers.google.com/apps-script/reference/document/range-element */
export class FoundRange implements Pick<
  RE,
  'getElement' | 'getStartOffset' | 'getEndOffsetInclusive' | 'isPartial'
> {
  readonly [GAS_CLASS] = 'DocumentApp.RangeElement';

  constructor(
    private readonly handle: DocHandle,
    node: TextNode,
    start: number,
    endInclusive: number,
  ) {
    FOUND.set(this, { node, start, end: endInclusive });
  }

  private get data() {
    return FOUND.get(this)!;
  }

  getElement(): GoogleAppsScript.Document.Element {
    this.handle.charge('RangeElement.getElement');
    this.handle.read();
    return loose(wrap(this.handle, this.data.node));
  }

  getStartOffset(): number {
    this.handle.charge('RangeElement.getStartOffset');
    return this.data.start;
  }

  getEndOffsetInclusive(): number {
    this.handle.charge('RangeElement.getEndOffsetInclusive');
    return this.data.end;
  }

  /** True when the match covers only part of its Text element. */
  isPartial(): boolean {
    this.handle.charge('RangeElement.isPartial');
    const { node, start, end } = this.data;
    return !(start === 0 && end === textOfRuns(node.runs).length - 1);
  }

  toString(): string {
    return 'RangeElement';
  }
}

/** The next match after `from` (a previous result), in document order, or null. */
export function findIn(
  handle: DocHandle,
  nodes: readonly TextNode[],
  pattern: string,
  from: unknown,
): GoogleAppsScript.Document.RangeElement {
  const re = compilePattern(pattern);
  const after = from === null || from === undefined ? undefined : FOUND.get(from as object);
  let skipping = after !== undefined && nodes.includes(after.node);
  for (const node of nodes) {
    for (const m of matchesIn(textOfRuns(node.runs), re)) {
      if (skipping) {
        if (node !== after!.node || m.start <= after!.end) continue;
      }
      return loose(new FoundRange(handle, node, m.start, m.end - 1));
    }
    if (skipping && node === after!.node) skipping = false;
  }
  return loose(null);
}

/**
 * Replaces every match in every block. The new text takes the style of the match's first
 * character, so a bold placeholder gives bold text (as in Docs).
 */
export function replaceIn(nodes: readonly TextNode[], pattern: string, replacement: string): boolean {
  const re = compilePattern(pattern);
  const text = typed(checkReplacement(replacement));
  let changed = false;
  for (const node of nodes) {
    const matches = matchesIn(textOfRuns(node.runs), re);
    for (let i = matches.length - 1; i >= 0; i--) {
      const { start, end } = matches[i];
      const style = styleAt(node.runs, start);
      node.runs = deleteFromRuns(node.runs, start, end);
      if (text !== '') node.runs = insertInRuns(node.runs, start, text, style);
      changed = true;
    }
  }
  return changed;
}
