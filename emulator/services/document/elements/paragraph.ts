/**
 * Paragraph and ListItem. Their text lives in Text children (runs keep character formatting);
 * paragraph attributes (heading, alignment, indents, spacing, line spacing) live on the paragraph.
 *
 * Getters follow what was observed live (gas-fakes' styles tests): a NORMAL paragraph reports the
 * computed paragraph values (alignment LEFT, line spacing 1.15, indents and spacing 0, left to
 * right), a heading paragraph reports null for what it inherits from its named style, and text
 * attributes are null unless set on the text itself.
 *
 * Paragraph has no setBold/setFontSize…: in Apps Script those are Text methods (use editAsText(),
 * or setAttributes with DocumentApp.Attribute.BOLD…), so the emulator does not offer them either.
 * https://developers.google.com/apps-script/reference/document/paragraph
 */
import { gasError } from '../../../core/errors';
import {
  Attrs,
  checkAttrs,
  checkLineSpacing,
  glyphOf,
  paragraphPatchOf,
  textAttributes,
  textPatchOf,
} from '../attributes';
import { AlignmentName, GlyphType, HorizontalAlignment, ParagraphHeading, TextAlignment } from '../enums';
import { DocHandle } from '../handle';
import { MSG } from '../messages';
import {
  InlineNode,
  ParagraphNode,
  ParagraphStyle,
  ParagraphStyleKey,
  ParagraphStylePatch,
  TextNode,
  newTextNode,
} from '../model';
import { insertionStyle, textOfRuns } from '../runs';
import { paragraphText, TextView } from '../text-view';
import { insertChild, parentOf, removeChild, sectionOf } from '../tree';
import { checkBoolean, checkEnum, checkPoints, isInteger, loose, typed } from '../values';
import { detach, detachedNode, ElementBase, gasEnum } from './base';
import { TextContainer } from './text-container';
import { registerWrapper } from './wrap';

type P = GoogleAppsScript.Document.Paragraph;

export type CommonKeys =
  | 'appendHorizontalRule'
  | 'appendPageBreak'
  | 'appendText'
  | 'clear'
  | 'copy'
  | 'editAsText'
  | 'findText'
  | 'getAlignment'
  | 'getAttributes'
  | 'getChild'
  | 'getChildIndex'
  | 'getHeading'
  | 'getIndentEnd'
  | 'getIndentFirstLine'
  | 'getIndentStart'
  | 'getLineSpacing'
  | 'getLinkUrl'
  | 'getNextSibling'
  | 'getNumChildren'
  | 'getParent'
  | 'getPreviousSibling'
  | 'getSpacingAfter'
  | 'getSpacingBefore'
  | 'getText'
  | 'getTextAlignment'
  | 'getType'
  | 'insertHorizontalRule'
  | 'insertPageBreak'
  | 'insertText'
  | 'isLeftToRight'
  | 'removeChild'
  | 'removeFromParent'
  | 'replaceText'
  | 'setAlignment'
  | 'setAttributes'
  | 'setHeading'
  | 'setIndentEnd'
  | 'setIndentFirstLine'
  | 'setIndentStart'
  | 'setLeftToRight'
  | 'setLineSpacing'
  | 'setLinkUrl'
  | 'setSpacingAfter'
  | 'setSpacingBefore'
  | 'setText'
  | 'setTextAlignment';

/** What a NORMAL_TEXT paragraph reports for attributes it does not set (observed live). */
const NORMAL_COMPUTED: Required<Omit<ParagraphStyle, 'heading'>> = {
  alignment: 'LEFT',
  indentStart: 0,
  indentEnd: 0,
  indentFirstLine: 0,
  spacingBefore: 0,
  spacingAfter: 0,
  lineSpacing: 1.15,
  leftToRight: true,
};

export abstract class ParagraphLike<Self> extends TextContainer<Self> {
  constructor(handle: DocHandle, node: ParagraphNode, cls: string) {
    super(handle, node, cls);
  }

  protected get p(): ParagraphNode {
    return this.node as ParagraphNode;
  }

  // ---- paragraph attributes ------------------------------------------------------------------

  protected styleValue<K extends Exclude<ParagraphStyleKey, 'heading'>>(key: K): ParagraphStyle[K] | null {
    const own = this.p.style[key];
    if (own !== undefined) return own;
    return (this.p.style.heading ?? 'NORMAL') === 'NORMAL' ? NORMAL_COMPUTED[key] : null;
  }

  private setStyle(method: string, patch: ParagraphStylePatch): Self {
    return this.editing(method, () => {
      applyParagraphPatch(this.p, patch);
      return this.self<Self>();
    });
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    this.reading('getHeading');
    return gasEnum(ParagraphHeading[this.p.style.heading ?? 'NORMAL']);
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Self {
    const name = checkEnum(ParagraphHeading, heading, this.cls, 'setHeading', [heading]);
    return this.setStyle('setHeading', { heading: name });
  }

  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    this.reading('getAlignment');
    const name = this.styleValue('alignment');
    return gasEnum(name ? HorizontalAlignment[name as AlignmentName] : null);
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): Self {
    const name = checkEnum(HorizontalAlignment, alignment, this.cls, 'setAlignment', [alignment]);
    return this.setStyle('setAlignment', { alignment: name });
  }

  private points(
    method: string,
    key: Exclude<ParagraphStyleKey, 'heading' | 'alignment' | 'leftToRight'>,
    v: unknown,
  ) {
    return this.setStyle(method, { [key]: checkPoints(v, this.cls, method, [v]) });
  }

  private number(
    method: string,
    key: 'indentStart' | 'indentEnd' | 'indentFirstLine' | 'spacingBefore' | 'spacingAfter' | 'lineSpacing',
  ): number {
    this.reading(method);
    return loose(this.styleValue(key));
  }

  getIndentStart(): number {
    return this.number('getIndentStart', 'indentStart');
  }
  setIndentStart(indentStart: number): Self {
    return this.points('setIndentStart', 'indentStart', indentStart);
  }
  getIndentEnd(): number {
    return this.number('getIndentEnd', 'indentEnd');
  }
  setIndentEnd(indentEnd: number): Self {
    return this.points('setIndentEnd', 'indentEnd', indentEnd);
  }
  getIndentFirstLine(): number {
    return this.number('getIndentFirstLine', 'indentFirstLine');
  }
  setIndentFirstLine(indentFirstLine: number): Self {
    return this.points('setIndentFirstLine', 'indentFirstLine', indentFirstLine);
  }
  getSpacingBefore(): number {
    return this.number('getSpacingBefore', 'spacingBefore');
  }
  setSpacingBefore(spacingBefore: number): Self {
    return this.points('setSpacingBefore', 'spacingBefore', spacingBefore);
  }
  getSpacingAfter(): number {
    return this.number('getSpacingAfter', 'spacingAfter');
  }
  setSpacingAfter(spacingAfter: number): Self {
    return this.points('setSpacingAfter', 'spacingAfter', spacingAfter);
  }
  getLineSpacing(): number {
    return this.number('getLineSpacing', 'lineSpacing');
  }
  /** A multiplier (1 = single, 1.5…), as the reference says: setLineSpacing(multiplier). */
  setLineSpacing(multiplier: number): Self {
    return this.setStyle('setLineSpacing', {
      lineSpacing: checkLineSpacing(multiplier, this.cls, 'setLineSpacing', [multiplier]),
    });
  }
  isLeftToRight(): boolean {
    this.reading('isLeftToRight');
    return loose(this.styleValue('leftToRight'));
  }
  setLeftToRight(leftToRight: boolean): Self {
    return this.setStyle('setLeftToRight', {
      leftToRight: checkBoolean(leftToRight, this.cls, 'setLeftToRight', [leftToRight]),
    });
  }

  getAttributes(): Attrs {
    this.reading('getAttributes');
    return paragraphAttributes(this.p);
  }

  /** Paragraph attributes go to the paragraph, text attributes to all its text. */
  setAttributes(attributes: object): Self {
    const attrs = checkAttrs(attributes, this.cls);
    const paragraphPatch = paragraphPatchOf(attrs, this.cls);
    const textPatch = textPatchOf(attrs, this.cls);
    const glyph = this.p.list ? glyphOf(attrs, this.cls) : undefined;
    return this.editing('setAttributes', () => {
      applyParagraphPatch(this.p, paragraphPatch);
      this.applyTextToAll(textPatch);
      if (this.p.list && glyph) this.p.list.glyphType = glyph;
      return this.self<Self>();
    });
  }

  getLinkUrl(): string {
    this.reading('getLinkUrl');
    return loose(this.view().uniform('linkUrl'));
  }

  setLinkUrl(url: string): Self {
    if (typeof url !== 'string') this.fail('setLinkUrl', [url]);
    return this.editing('setLinkUrl', () => {
      this.applyTextToAll({ linkUrl: url });
      return this.self<Self>();
    });
  }

  getTextAlignment(): GoogleAppsScript.Document.TextAlignment {
    this.reading('getTextAlignment');
    const name = this.view().uniform('textAlignment');
    return gasEnum(name ? TextAlignment[name] : null);
  }

  setTextAlignment(textAlignment: GoogleAppsScript.Document.TextAlignment): Self {
    const name = checkEnum(TextAlignment, textAlignment, this.cls, 'setTextAlignment', [textAlignment]);
    return this.editing('setTextAlignment', () => {
      this.applyTextToAll({ textAlignment: name });
      return this.self<Self>();
    });
  }

  // ---- text -----------------------------------------------------------------------------------

  /** Replaces the contents with plain text in the paragraph mark's style. Returns nothing (void). */
  setText(text: string): void {
    if (typeof text !== 'string') this.fail('setText', [text]);
    this.editing('setText', () => {
      for (const inline of [...this.p.inlines]) removeChild(this.p, inline);
      if (text !== '') insertChild(this.p, 0, newTextNode(typed(text), this.p.endStyle));
    });
  }

  /**
   * A new Text element at the end, in the style of the character before it (so it continues a
   * bold run — call setBold(false) on it for plain text, as in Apps Script).
   */
  appendText(text: string): GoogleAppsScript.Document.Text;
  appendText(text: GoogleAppsScript.Document.Text): GoogleAppsScript.Document.Text;
  appendText(text: unknown): GoogleAppsScript.Document.Text {
    const node = this.textArg('appendText', text, [text]);
    return this.editing('appendText', () => this.addText(this.p.inlines.length, node));
  }

  insertText(childIndex: number, text: string): GoogleAppsScript.Document.Text;
  insertText(childIndex: number, text: GoogleAppsScript.Document.Text): GoogleAppsScript.Document.Text;
  insertText(childIndex: number, text: unknown): GoogleAppsScript.Document.Text {
    if (!isInteger(childIndex)) this.fail('insertText', [childIndex, text]);
    const node = this.textArg('insertText', text, [childIndex, text]);
    return this.editing('insertText', () => {
      checkInsertIndex(childIndex, this.p.inlines.length);
      return this.addText(childIndex, node);
    });
  }

  /** A string (new text) or a detached Text element (e.g. from copy()). */
  private textArg(method: string, text: unknown, args: readonly unknown[]): string | TextNode {
    return typeof text === 'string' ? text : detachedNode(text, ['text'], this.cls, method, args);
  }

  private addText(index: number, text: string | TextNode): GoogleAppsScript.Document.Text {
    let node: TextNode;
    if (typeof text === 'string') {
      const before = this.p.inlines.slice(0, index).filter((n): n is TextNode => n.kind === 'text');
      const prev = [...before].reverse().find((n) => textOfRuns(n.runs) !== '');
      const style = prev ? insertionStyle(prev.runs, textOfRuns(prev.runs).length) : this.p.endStyle;
      node = newTextNode(typed(text), style);
    } else node = text;
    insertChild(this.p, index, node);
    return this.wrapNode(node);
  }

  clear(): Self {
    return this.editing('clear', () => {
      for (const inline of [...this.p.inlines]) removeChild(this.p, inline);
      return this.self<Self>();
    });
  }

  // ---- children -------------------------------------------------------------------------------

  getNumChildren(): number {
    this.reading('getNumChildren');
    return this.p.inlines.length;
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    if (!isInteger(childIndex)) this.fail('getChild', [childIndex]);
    this.reading('getChild');
    if (childIndex < 0 || childIndex >= this.p.inlines.length) {
      gasError(MSG.childIndex(childIndex, this.p.inlines.length));
    }
    return this.wrapNode(this.p.inlines[childIndex]);
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    this.reading('getChildIndex');
    if (!(child instanceof ElementBase)) this.fail('getChildIndex', [child]);
    const index = this.p.inlines.indexOf(child.node as InlineNode);
    if (index < 0) gasError(MSG.invalid('child'));
    return index;
  }

  removeChild(child: GoogleAppsScript.Document.Element): Self {
    if (!(child instanceof ElementBase)) this.fail('removeChild', [child]);
    return this.editing('removeChild', () => {
      if (parentOf(child.node) !== this.p) gasError(MSG.invalid('child'));
      detach(child.node as InlineNode);
      return this.self<Self>();
    });
  }

  private noPageBreakHere(): void {
    const section = sectionOf(this.p);
    let inCell = false;
    for (let n = parentOf(this.p); n; n = parentOf(n)) if (n.kind === 'tableCell') inCell = true;
    // "PageBreaks may not be contained within TableCells" (reference); headers and footers cannot
    // hold one either in Docs.
    if (inCell) gasError(MSG.notAllowed('PageBreak', 'a TableCell'));
    if (section && section.kind !== 'body') gasError(MSG.notAllowed('PageBreak', 'a header or footer'));
  }

  appendPageBreak(
    pageBreak?: GoogleAppsScript.Document.PageBreak | null,
  ): GoogleAppsScript.Document.PageBreak {
    return this.insertInline('appendPageBreak', null, pageBreak, 'pageBreak');
  }

  insertPageBreak(
    childIndex: number,
    pageBreak?: GoogleAppsScript.Document.PageBreak | null,
  ): GoogleAppsScript.Document.PageBreak {
    if (!isInteger(childIndex)) this.fail('insertPageBreak', [childIndex, pageBreak]);
    return this.insertInline('insertPageBreak', childIndex, pageBreak, 'pageBreak');
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.insertInline('appendHorizontalRule', null, undefined, 'horizontalRule');
  }

  insertHorizontalRule(childIndex: number): GoogleAppsScript.Document.HorizontalRule {
    if (!isInteger(childIndex)) this.fail('insertHorizontalRule', [childIndex]);
    return this.insertInline('insertHorizontalRule', childIndex, undefined, 'horizontalRule');
  }

  private insertInline<R>(
    method: string,
    index: number | null,
    given: unknown,
    kind: 'pageBreak' | 'horizontalRule',
  ): R {
    const args = index === null ? [given] : [index, given];
    const node =
      given === undefined || given === null ? { kind } : detachedNode(given, [kind], this.cls, method, args);
    return this.editing(method, () => {
      if (kind === 'pageBreak') this.noPageBreakHere();
      const at = index ?? this.p.inlines.length;
      checkInsertIndex(at, this.p.inlines.length);
      insertChild(this.p, at, node);
      return this.wrapNode<R>(node);
    });
  }
}

function checkInsertIndex(index: number, count: number): void {
  if (index < 0 || index > count) gasError(MSG.insertIndex(index, count));
}

export function applyParagraphPatch(p: ParagraphNode, patch: ParagraphStylePatch): void {
  const style: Record<string, unknown> = { ...p.style };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete style[key];
    else style[key] = value;
  }
  p.style = style as ParagraphStyle;
}

/** getAttributes of a paragraph or list item: paragraph, list and (uniform) text attributes. */
export function paragraphAttributes(p: ParagraphNode): Attrs {
  const normal = (p.style.heading ?? 'NORMAL') === 'NORMAL';
  const value = <K extends Exclude<ParagraphStyleKey, 'heading'>>(key: K) =>
    p.style[key] ?? (normal ? NORMAL_COMPUTED[key] : null);
  const view = TextView.ofContainer(p);
  const empty = paragraphText(p) === '';
  const attrs: Attrs = {
    HEADING: ParagraphHeading[p.style.heading ?? 'NORMAL'],
    HORIZONTAL_ALIGNMENT: value('alignment')
      ? HorizontalAlignment[value('alignment') as AlignmentName]
      : null,
    INDENT_START: value('indentStart'),
    INDENT_END: value('indentEnd'),
    INDENT_FIRST_LINE: value('indentFirstLine'),
    SPACING_BEFORE: value('spacingBefore'),
    SPACING_AFTER: value('spacingAfter'),
    LINE_SPACING: value('lineSpacing'),
    LEFT_TO_RIGHT: value('leftToRight'),
    ...textAttributes((k) => (empty ? (p.endStyle[k] ?? null) : view.uniform(k))),
  };
  if (p.list) {
    attrs.GLYPH_TYPE = GlyphType[p.list.glyphType];
    attrs.LIST_ID = p.list.listId;
    attrs.NESTING_LEVEL = p.list.nestingLevel;
  }
  return attrs;
}

export class EmuParagraph extends ParagraphLike<P> implements Pick<P, CommonKeys> {
  constructor(handle: DocHandle, node: ParagraphNode) {
    super(handle, node, 'Paragraph');
  }
}

registerWrapper(['paragraph'], (handle, node) => new EmuParagraph(handle, node as ParagraphNode));
