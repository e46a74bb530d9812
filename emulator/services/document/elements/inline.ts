/**
 * PageBreak and HorizontalRule: inline elements with no content. Docs keeps them inside a paragraph
 * (Body.appendPageBreak() adds a paragraph holding one), so they count as that paragraph's child.
 * https://developers.google.com/apps-script/reference/document/page-break
 */
import { DocHandle } from '../handle';
import { HorizontalRuleNode, PageBreakNode } from '../model';
import { ElementBase } from './base';
import { registerWrapper } from './wrap';

type PB = GoogleAppsScript.Document.PageBreak;
type HR = GoogleAppsScript.Document.HorizontalRule;
type InlineKeys =
  | 'copy'
  | 'getAttributes'
  | 'getNextSibling'
  | 'getParent'
  | 'getPreviousSibling'
  | 'getType'
  | 'removeFromParent'
  | 'setAttributes';

abstract class EmptyInline<Self> extends ElementBase<Self> {
  /** No attributes of their own. */
  getAttributes(): Record<string, unknown> {
    this.reading('getAttributes');
    return {};
  }

  setAttributes(attributes: object): Self {
    if (typeof attributes !== 'object' || attributes === null) this.fail('setAttributes', [attributes]);
    return this.editing('setAttributes', () => this.self<Self>());
  }
}

export class EmuPageBreak extends EmptyInline<PB> implements Pick<PB, InlineKeys> {
  constructor(handle: DocHandle, node: PageBreakNode) {
    super(handle, node, 'PageBreak');
  }
}

export class EmuHorizontalRule extends EmptyInline<HR> implements Pick<HR, InlineKeys> {
  constructor(handle: DocHandle, node: HorizontalRuleNode) {
    super(handle, node, 'HorizontalRule');
  }
}

registerWrapper(['pageBreak'], (handle, node) => new EmuPageBreak(handle, node as PageBreakNode));
registerWrapper(
  ['horizontalRule'],
  (handle, node) => new EmuHorizontalRule(handle, node as HorizontalRuleNode),
);
