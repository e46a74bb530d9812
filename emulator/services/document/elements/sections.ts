/**
 * HeaderSection and FooterSection: the document's default header and footer (one of each, shown
 * on every page). They hold paragraphs, list items and tables like the body; no page breaks.
 * https://developers.google.com/apps-script/reference/document/header-section
 */
import { Attrs, checkAttrs, textPatchOf } from '../attributes';
import { DocHandle } from '../handle';
import { SectionNode } from '../model';
import { unregisterSection } from '../tree';
import { BlockContainer } from './container';
import { registerWrapper } from './wrap';

type H = GoogleAppsScript.Document.HeaderSection;
type F = GoogleAppsScript.Document.FooterSection;
type SectionKeys =
  | 'appendHorizontalRule'
  | 'appendListItem'
  | 'appendParagraph'
  | 'appendTable'
  | 'clear'
  | 'editAsText'
  | 'findText'
  | 'getAttributes'
  | 'getChild'
  | 'getChildIndex'
  | 'getListItems'
  | 'getNumChildren'
  | 'getParagraphs'
  | 'getTables'
  | 'getText'
  | 'getType'
  | 'insertHorizontalRule'
  | 'insertListItem'
  | 'insertParagraph'
  | 'insertTable'
  | 'removeChild'
  | 'removeFromParent'
  | 'replaceText'
  | 'setAttributes'
  | 'setText';

abstract class Section<Self> extends BlockContainer<Self> {
  constructor(handle: DocHandle, node: SectionNode, cls: string) {
    super(handle, node, cls);
  }

  getAttributes(): Attrs {
    this.reading('getAttributes');
    return this.textAttributesOfAll();
  }

  /** Text attributes apply to all the section's text. */
  setAttributes(attributes: object): Self {
    const patch = textPatchOf(checkAttrs(attributes, this.cls), this.cls);
    return this.editing('setAttributes', () => {
      this.applyTextToAll(patch);
      return this.self<Self>();
    });
  }

  /** Removes the header (or footer) from the document: getHeader() gives null again (seen live). */
  override removeFromParent(): Self {
    return this.editing('removeFromParent', () => {
      const content = this.handle.edit();
      const section = this.node as SectionNode;
      if (content.header === section) content.header = null;
      if (content.footer === section) content.footer = null;
      unregisterSection(section);
      return this.self<Self>();
    });
  }
}

export class EmuHeaderSection extends Section<H> implements Pick<H, SectionKeys> {
  constructor(handle: DocHandle, node: SectionNode) {
    super(handle, node, 'HeaderSection');
  }
}

export class EmuFooterSection extends Section<F> implements Pick<F, SectionKeys> {
  constructor(handle: DocHandle, node: SectionNode) {
    super(handle, node, 'FooterSection');
  }
}

registerWrapper(['header'], (handle, node) => new EmuHeaderSection(handle, node as SectionNode));
registerWrapper(['footer'], (handle, node) => new EmuFooterSection(handle, node as SectionNode));
