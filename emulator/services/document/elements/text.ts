/**
 * Text: a rich-text region — one Text element of a paragraph, or the editAsText() view of a
 * paragraph or container. Formatting is kept per character (runs), so setBold(0, 3, true) bolds
 * exactly four characters and getTextAttributeIndices() reports where formatting changes.
 * Getters without an offset give the value shared by the whole text, or null when it is mixed or
 * unset ("null if the element contains multiple values for this attribute").
 * https://developers.google.com/apps-script/reference/document/text
 */
import { gasError } from '../../../core/errors';
import { Attrs, checkAttrs, textAttributes, textPatchOf } from '../attributes';
import { TextAlignment } from '../enums';
import { DocHandle } from '../handle';
import { MSG } from '../messages';
import { AnyNode, ContainerNode, TextNode, TextStyle, TextStyleKey, TextStylePatch } from '../model';
import { TextView } from '../text-view';
import {
  checkBoolean,
  checkColor,
  checkEnum,
  checkFontFamily,
  checkFontSize,
  isInteger,
  loose,
  typed,
} from '../values';
import { ElementBase, gasEnum } from './base';
import { findIn, replaceIn } from './find';
import { registerWrapper } from './wrap';

type T = GoogleAppsScript.Document.Text;
type TextKeys =
  | 'appendText'
  | 'copy'
  | 'deleteText'
  | 'editAsText'
  | 'findText'
  | 'getAttributes'
  | 'getBackgroundColor'
  | 'getFontFamily'
  | 'getFontSize'
  | 'getForegroundColor'
  | 'getLinkUrl'
  | 'getNextSibling'
  | 'getParent'
  | 'getPreviousSibling'
  | 'getText'
  | 'getTextAlignment'
  | 'getTextAttributeIndices'
  | 'getType'
  | 'insertText'
  | 'isBold'
  | 'isItalic'
  | 'isStrikethrough'
  | 'isUnderline'
  | 'removeFromParent'
  | 'replaceText'
  | 'setAttributes'
  | 'setBackgroundColor'
  | 'setBold'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setForegroundColor'
  | 'setItalic'
  | 'setLinkUrl'
  | 'setStrikethrough'
  | 'setText'
  | 'setTextAlignment'
  | 'setUnderline';

type Check<V> = (v: unknown, cls: string, method: string, args: readonly unknown[]) => V;

export class EmuText extends ElementBase<T> implements Pick<T, TextKeys> {
  /**
   * @param node the Text element's TextNode, or — for editAsText() — the paragraph or container
   *   whose whole text this object edits.
   */
  constructor(handle: DocHandle, node: TextNode | ContainerNode) {
    super(handle, node, 'Text');
  }

  private view(): TextView {
    const node = this.node as AnyNode;
    return node.kind === 'text' ? TextView.ofTextNode(node) : TextView.ofContainer(node as ContainerNode);
  }

  protected override kind(): 'text' {
    return 'text';
  }

  private isElement(): boolean {
    return this.node.kind === 'text';
  }

  // ---- offsets ------------------------------------------------------------------------------

  private offset(method: string, args: readonly unknown[], v: unknown, length: number): number {
    if (!isInteger(v)) this.fail(method, args);
    if (v < 0 || v >= length) gasError(MSG.offset(v, length));
    return v;
  }

  private range(method: string, args: readonly unknown[]): [number, number] {
    const length = this.view().length();
    const start = this.offset(method, args, args[0], length);
    const end = this.offset(method, args, args[1], length);
    if (end < start) gasError(MSG.badRange);
    return [start, end + 1];
  }

  // ---- reading ------------------------------------------------------------------------------

  getText(): string {
    this.reading('getText');
    return this.view().text();
  }

  private value<K extends TextStyleKey>(method: string, key: K, offset: unknown): TextStyle[K] | null {
    this.reading(method);
    const view = this.view();
    if (offset === undefined || offset === null) return view.uniform(key);
    return view.styleAt(this.offset(method, [offset], offset, view.length()))[key] ?? null;
  }

  getAttributes(offset?: number | null): Attrs {
    this.reading('getAttributes');
    const view = this.view();
    if (offset === undefined || offset === null) return textAttributes((k) => view.uniform(k));
    const style = view.styleAt(this.offset('getAttributes', [offset], offset, view.length()));
    return textAttributes((k) => style[k] ?? null);
  }

  isBold(offset?: number | null): boolean {
    return loose(this.value('isBold', 'bold', offset));
  }
  isItalic(offset?: number | null): boolean {
    return loose(this.value('isItalic', 'italic', offset));
  }
  isUnderline(offset?: number | null): boolean {
    return loose(this.value('isUnderline', 'underline', offset));
  }
  isStrikethrough(offset?: number | null): boolean {
    return loose(this.value('isStrikethrough', 'strikethrough', offset));
  }
  getFontFamily(offset?: number | null): string {
    return loose(this.value('getFontFamily', 'fontFamily', offset));
  }
  getFontSize(offset?: number | null): number {
    return loose(this.value('getFontSize', 'fontSize', offset));
  }
  getForegroundColor(offset?: number | null): string {
    return loose(this.value('getForegroundColor', 'foregroundColor', offset));
  }
  getBackgroundColor(offset?: number | null): string {
    return loose(this.value('getBackgroundColor', 'backgroundColor', offset));
  }
  getLinkUrl(offset?: number | null): string {
    return loose(this.value('getLinkUrl', 'linkUrl', offset));
  }
  getTextAlignment(offset?: number | null): GoogleAppsScript.Document.TextAlignment {
    const name = this.value('getTextAlignment', 'textAlignment', offset);
    return gasEnum(name ? TextAlignment[name] : null);
  }

  getTextAttributeIndices(): number[] {
    this.reading('getTextAttributeIndices');
    return this.view().styleStarts();
  }

  // ---- formatting ---------------------------------------------------------------------------

  /** setX(value) for the whole text, or setX(start, endInclusive, value) for part of it. */
  private style<V>(method: string, args: readonly unknown[], key: TextStyleKey, check: Check<V>): T {
    if (args.length !== 1 && args.length !== 3) this.fail(method, args);
    const raw = args[args.length - 1];
    // null clears the attribute (inherit again), as null does in setAttributes.
    const value = raw === null ? null : check(raw, this.cls, method, args);
    const patch = { [key]: value } as TextStylePatch;
    return this.applyPatch(method, args, patch);
  }

  private applyPatch(method: string, args: readonly unknown[], patch: TextStylePatch): T {
    const whole = args.length === 1;
    const [start, end] = whole ? [0, 0] : this.range(method, args);
    return this.editing(method, () => {
      const view = this.view();
      if (whole) view.applyStyle(0, view.length(), patch, true);
      else view.applyStyle(start, end, patch);
      return this.self<T>();
    });
  }

  setBold(bold: boolean): T;
  setBold(startOffset: number, endOffsetInclusive: number, bold: boolean): T;
  setBold(...args: unknown[]): T {
    return this.style('setBold', args, 'bold', checkBoolean);
  }

  setItalic(italic: boolean): T;
  setItalic(startOffset: number, endOffsetInclusive: number, italic: boolean): T;
  setItalic(...args: unknown[]): T {
    return this.style('setItalic', args, 'italic', checkBoolean);
  }

  setUnderline(underline: boolean): T;
  setUnderline(startOffset: number, endOffsetInclusive: number, underline: boolean): T;
  setUnderline(...args: unknown[]): T {
    return this.style('setUnderline', args, 'underline', checkBoolean);
  }

  setStrikethrough(strikethrough: boolean): T;
  setStrikethrough(startOffset: number, endOffsetInclusive: number, strikethrough: boolean): T;
  setStrikethrough(...args: unknown[]): T {
    return this.style('setStrikethrough', args, 'strikethrough', checkBoolean);
  }

  setFontSize(size: number): T;
  setFontSize(startOffset: number, endOffsetInclusive: number, size: number): T;
  setFontSize(...args: unknown[]): T {
    return this.style('setFontSize', args, 'fontSize', checkFontSize);
  }

  setFontFamily(fontFamilyName: string): T;
  setFontFamily(startOffset: number, endOffsetInclusive: number, fontFamilyName: string): T;
  setFontFamily(...args: unknown[]): T {
    return this.style('setFontFamily', args, 'fontFamily', checkFontFamily);
  }

  setForegroundColor(color: string): T;
  setForegroundColor(startOffset: number, endOffsetInclusive: number, color: string): T;
  setForegroundColor(...args: unknown[]): T {
    return this.style('setForegroundColor', args, 'foregroundColor', checkColor);
  }

  setBackgroundColor(color: string): T;
  setBackgroundColor(startOffset: number, endOffsetInclusive: number, color: string): T;
  setBackgroundColor(...args: unknown[]): T {
    return this.style('setBackgroundColor', args, 'backgroundColor', checkColor);
  }

  setLinkUrl(url: string): T;
  setLinkUrl(startOffset: number, endOffsetInclusive: number, url: string): T;
  setLinkUrl(...args: unknown[]): T {
    return this.style('setLinkUrl', args, 'linkUrl', (v, _c, m, a) => {
      if (typeof v !== 'string') this.fail(m, a);
      return v;
    });
  }

  setTextAlignment(textAlignment: GoogleAppsScript.Document.TextAlignment): T;
  setTextAlignment(
    startOffset: number,
    endOffsetInclusive: number,
    textAlignment: GoogleAppsScript.Document.TextAlignment,
  ): T;
  setTextAlignment(...args: unknown[]): T {
    return this.style('setTextAlignment', args, 'textAlignment', (v, c, m, a) =>
      checkEnum(TextAlignment, v, c, m, a),
    );
  }

  /** Text attributes only; paragraph attributes in the object are ignored here. */
  setAttributes(attributes: object): T;
  setAttributes(startOffset: number, endOffsetInclusive: number, attributes: object): T;
  setAttributes(...args: unknown[]): T {
    if (args.length !== 1 && args.length !== 3) this.fail('setAttributes', args);
    const attrs = checkAttrs(args[args.length - 1], this.cls, 'setAttributes', args);
    return this.applyPatch('setAttributes', args, textPatchOf(attrs, this.cls));
  }

  // ---- editing ------------------------------------------------------------------------------

  insertText(offset: number, text: string): T {
    const args = [offset, text];
    if (!isInteger(offset) || typeof text !== 'string') this.fail('insertText', args);
    return this.editing('insertText', () => {
      const view = this.view();
      if (offset < 0 || offset > view.length()) gasError(MSG.insertOffset(offset, view.length()));
      if (text !== '') view.insert(offset, typed(text));
      return this.self<T>();
    });
  }

  appendText(text: string): T {
    if (typeof text !== 'string') this.fail('appendText', [text]);
    return this.editing('appendText', () => {
      const view = this.view();
      if (text !== '') view.insert(view.length(), typed(text));
      return this.self<T>();
    });
  }

  deleteText(startOffset: number, endOffsetInclusive: number): T {
    const [start, end] = this.range('deleteText', [startOffset, endOffsetInclusive]);
    return this.editing('deleteText', () => {
      this.view().delete(start, end);
      return this.self<T>();
    });
  }

  /**
   * Replaces the text. The new text takes the paragraph mark's style, not the old characters'
   * formatting (the stricter reading: formatting is not promised to survive setText).
   */
  setText(text: string): T {
    if (typeof text !== 'string') this.fail('setText', [text]);
    return this.editing('setText', () => {
      const view = this.view();
      if (view.segments.length !== 1) {
        throw new Error('Emulator: Text.setText over several paragraphs is not modeled');
      }
      if (view.length() > 0) view.delete(0, view.length());
      const seg = view.segments[0];
      if (seg.kind === 'text') seg.node.runs = [];
      if (text !== '') view.insert(0, typed(text));
      return this.self<T>();
    });
  }

  editAsText(): T {
    this.reading('editAsText');
    return this.self<T>();
  }

  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    if (typeof searchPattern !== 'string' || typeof replacement !== 'string') {
      this.fail('replaceText', [searchPattern, replacement]);
    }
    return this.editing('replaceText', () => {
      replaceIn(this.view().textNodes(), searchPattern, replacement);
      return this.self<GoogleAppsScript.Document.Element>();
    });
  }

  findText(searchPattern: string, from?: GoogleAppsScript.Document.RangeElement | null) {
    if (typeof searchPattern !== 'string') this.fail('findText', [searchPattern, from]);
    this.reading('findText');
    return findIn(this.handle, this.view().textNodes(), searchPattern, from);
  }

  /** Only a Text element can be removed or copied; an editAsText() view is not an element. */
  override removeFromParent(): T {
    if (!this.isElement())
      throw new Error('Emulator: removeFromParent on an editAsText() view is not modeled');
    return super.removeFromParent();
  }

  override copy(): T {
    if (!this.isElement()) throw new Error('Emulator: copy of an editAsText() view is not modeled');
    return super.copy();
  }
}

registerWrapper(['text'], (handle, node) => new EmuText(handle, node as TextNode));
