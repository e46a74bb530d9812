/**
 * Body: the document's main section, and the page setup (Docs keeps page size and margins on the
 * document; Apps Script exposes them on Body). Points throughout; a new document is US Letter
 * (612 × 792) with 72-point margins (seen live through the Docs API: marginTop 72 PT…).
 * https://developers.google.com/apps-script/reference/document/body
 */
import { gasError } from '../../../core/errors';
import { Attrs, checkAttrs, pointsOf, textPatchOf } from '../attributes';
import { DocHandle } from '../handle';
import { MSG } from '../messages';
import { PageSetup, SectionNode } from '../model';
import { patchStyle } from '../runs';
import { isInteger } from '../values';
import { detachedNode } from './base';
import { BlockContainer } from './container';
import { registerWrapper } from './wrap';

type B = GoogleAppsScript.Document.Body;
type BodyKeys =
  | 'appendHorizontalRule'
  | 'appendListItem'
  | 'appendPageBreak'
  | 'appendParagraph'
  | 'appendTable'
  | 'clear'
  | 'editAsText'
  | 'findText'
  | 'getAttributes'
  | 'getChild'
  | 'getChildIndex'
  | 'getListItems'
  | 'getMarginBottom'
  | 'getMarginLeft'
  | 'getMarginRight'
  | 'getMarginTop'
  | 'getNumChildren'
  | 'getPageHeight'
  | 'getPageWidth'
  | 'getParagraphs'
  | 'getTables'
  | 'getText'
  | 'getType'
  | 'insertHorizontalRule'
  | 'insertListItem'
  | 'insertPageBreak'
  | 'insertParagraph'
  | 'insertTable'
  | 'removeChild'
  | 'replaceText'
  | 'setAttributes'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'setMarginRight'
  | 'setMarginTop'
  | 'setPageHeight'
  | 'setPageWidth'
  | 'setText';

const PAGE_ATTRIBUTES: readonly [string, keyof PageSetup][] = [
  ['PAGE_WIDTH', 'width'],
  ['PAGE_HEIGHT', 'height'],
  ['MARGIN_TOP', 'marginTop'],
  ['MARGIN_BOTTOM', 'marginBottom'],
  ['MARGIN_LEFT', 'marginLeft'],
  ['MARGIN_RIGHT', 'marginRight'],
];

export class EmuBody extends BlockContainer<B> implements Pick<B, BodyKeys> {
  constructor(handle: DocHandle, node: SectionNode) {
    super(handle, node, 'Body');
  }

  private page(method: string, key: keyof PageSetup): number {
    return this.reading(method).page[key];
  }

  private setPage(method: string, key: keyof PageSetup, value: unknown): B {
    if (typeof value !== 'number' || Number.isNaN(value)) this.fail(method, [value]);
    const isSize = key === 'width' || key === 'height';
    // Guessed message; Docs refuses non-positive page sizes and negative margins.
    if (!Number.isFinite(value) || value < 0 || (isSize && value === 0)) gasError(MSG.invalid(method));
    this.charge(method);
    const content = this.handle.edit();
    content.page[key] = value;
    this.handle.touched();
    return this.self<B>();
  }

  getPageWidth(): number {
    return this.page('getPageWidth', 'width');
  }
  setPageWidth(pageWidth: number): B {
    return this.setPage('setPageWidth', 'width', pageWidth);
  }
  getPageHeight(): number {
    return this.page('getPageHeight', 'height');
  }
  setPageHeight(pageHeight: number): B {
    return this.setPage('setPageHeight', 'height', pageHeight);
  }
  getMarginTop(): number {
    return this.page('getMarginTop', 'marginTop');
  }
  setMarginTop(marginTop: number): B {
    return this.setPage('setMarginTop', 'marginTop', marginTop);
  }
  getMarginBottom(): number {
    return this.page('getMarginBottom', 'marginBottom');
  }
  setMarginBottom(marginBottom: number): B {
    return this.setPage('setMarginBottom', 'marginBottom', marginBottom);
  }
  getMarginLeft(): number {
    return this.page('getMarginLeft', 'marginLeft');
  }
  setMarginLeft(marginLeft: number): B {
    return this.setPage('setMarginLeft', 'marginLeft', marginLeft);
  }
  getMarginRight(): number {
    return this.page('getMarginRight', 'marginRight');
  }
  setMarginRight(marginRight: number): B {
    return this.setPage('setMarginRight', 'marginRight', marginRight);
  }

  getAttributes(): Attrs {
    const content = this.reading('getAttributes');
    const attrs: Attrs = this.textAttributesOfAll();
    for (const [name, key] of PAGE_ATTRIBUTES) attrs[name] = content.page[key];
    return attrs;
  }

  /**
   * Observed live (gas-fakes styles tests): text attributes are applied to all existing body text
   * and to paragraphs added later; paragraph attributes (HORIZONTAL_ALIGNMENT…) are ignored. Page
   * attributes (PAGE_WIDTH, MARGIN_TOP…) set the page.
   */
  setAttributes(attributes: object): B {
    const attrs = checkAttrs(attributes, this.cls);
    const textPatch = textPatchOf(attrs, this.cls);
    const page = PAGE_ATTRIBUTES.map(([name, key]) => [key, pointsOf(attrs, this.cls, name)] as const);
    return this.editing('setAttributes', () => {
      const content = this.handle.edit();
      for (const [key, value] of page) if (typeof value === 'number') content.page[key] = value;
      this.applyTextToAll(textPatch);
      content.bodyTextDefaults = patchStyle(content.bodyTextDefaults, textPatch);
      return this.self<B>();
    });
  }

  /**
   * Quirk kept from live Apps Script (issuetracker 440465247, gas-fakes #51): clearing a body whose
   * last element is a list item fails with "Can't remove the last paragraph in a document section."
   */
  override clear(): B {
    return this.editing('clear', () => {
      const last = this.blocks[this.blocks.length - 1];
      if (last?.kind === 'listItem') gasError(MSG.lastParagraph);
      this.clearBlocks();
      return this.self<B>();
    });
  }

  /** A page break lives in a paragraph of its own, which this adds. */
  appendPageBreak(): GoogleAppsScript.Document.PageBreak;
  appendPageBreak(pageBreak: GoogleAppsScript.Document.PageBreak): GoogleAppsScript.Document.PageBreak;
  appendPageBreak(pageBreak?: unknown): GoogleAppsScript.Document.PageBreak {
    const given =
      pageBreak === undefined
        ? undefined
        : detachedNode(pageBreak, ['pageBreak'], this.cls, 'appendPageBreak', [pageBreak]);
    return this.addInlineParagraph('appendPageBreak', null, 'pageBreak', given);
  }

  insertPageBreak(
    childIndex: number,
    pageBreak?: GoogleAppsScript.Document.PageBreak | null,
  ): GoogleAppsScript.Document.PageBreak {
    if (!isInteger(childIndex)) this.fail('insertPageBreak', [childIndex, pageBreak]);
    const given =
      pageBreak === undefined || pageBreak === null
        ? undefined
        : detachedNode(pageBreak, ['pageBreak'], this.cls, 'insertPageBreak', [childIndex, pageBreak]);
    return this.addInlineParagraph('insertPageBreak', childIndex, 'pageBreak', given);
  }
}

registerWrapper(['body'], (handle, node) => new EmuBody(handle, node as SectionNode));
