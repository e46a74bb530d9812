/**
 * What every emulated DocumentApp element shares (Apps Script's Element interface): its type,
 * parent and siblings, copy(), removeFromParent(), the as…() casts, and the plumbing — each public
 * call is charged to the ledger as "Class.method" and checked against the document's state (open,
 * reachable by the effective user, editable for changes).
 * https://developers.google.com/apps-script/reference/document/element
 */
import { gasError } from '../../../core/errors';
import { GAS_CLASS } from '../../support/args';
import { asGas } from '../../support/gas';
import { ElementType, ElementTypeName } from '../enums';
import { DocHandle } from '../handle';
import { MSG } from '../messages';
import { AnyNode, BlockNode, cloneNode, DocumentContent, SectionNode } from '../model';
import { childrenOf, indexInParent, isContainer, ownerOf, parentOf, removeChild } from '../tree';
import { fail, loose } from '../values';
import { wrap } from './wrap';

type E = GoogleAppsScript.Document.Element;

const TYPE_OF: Record<(AnyNode | SectionNode)['kind'], ElementTypeName> = {
  body: 'BODY_SECTION',
  header: 'HEADER_SECTION',
  footer: 'FOOTER_SECTION',
  paragraph: 'PARAGRAPH',
  listItem: 'LIST_ITEM',
  table: 'TABLE',
  tableRow: 'TABLE_ROW',
  tableCell: 'TABLE_CELL',
  text: 'TEXT',
  pageBreak: 'PAGE_BREAK',
  horizontalRule: 'HORIZONTAL_RULE',
};

/** Apps Script's class names for toString(); a body prints as "DocumentBodySection" (seen live). */
const PRINTED: Partial<Record<string, string>> = { Body: 'DocumentBodySection' };

export function gasEnum<T>(value: unknown): T {
  return value as T;
}

export abstract class ElementBase<Self = unknown> {
  readonly [GAS_CLASS]: string;

  constructor(
    readonly handle: DocHandle,
    readonly node: AnyNode | SectionNode,
    readonly cls: string,
  ) {
    this[GAS_CLASS] = `DocumentApp.${cls}`;
  }

  protected charge(method: string, units = 0): void {
    this.handle.charge(`${this.cls}.${method}`, units);
  }

  /** A read: charged, document open and viewable. */
  protected reading(method: string): DocumentContent {
    this.charge(method);
    return this.handle.read();
  }

  /**
   * A change: charged, then edit access when the element is in the document (a detached copy
   * belongs to no file), then `change`, then Drive's last-updated time.
   */
  protected editing<T>(method: string, change: () => T, units = 0): T {
    this.charge(method, units);
    if (!this.attached()) {
      this.handle.read();
      return change();
    }
    this.handle.edit();
    const result = change();
    this.handle.touched();
    return result;
  }

  attached(): boolean {
    return ownerOf(this.node) !== undefined;
  }

  protected fail(method: string, args: readonly unknown[]): never {
    return fail(this.cls, method, args);
  }

  protected self<T>(): T {
    return asGas<T>(this);
  }

  protected wrapNode<T>(node: AnyNode | SectionNode): T {
    return asGas<T>(wrap(this.handle, node));
  }

  /** The model kind this element presents as (an editAsText() view is a Text whatever it spans). */
  protected kind(): (AnyNode | SectionNode)['kind'] {
    return this.node.kind;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    this.reading('getType');
    return gasEnum(ElementType[TYPE_OF[this.kind()]]);
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    this.reading('getParent');
    const parent = parentOf(this.node);
    return parent ? this.wrapNode(parent) : loose(null);
  }

  private sibling(step: number): E {
    const parent = parentOf(this.node);
    if (!parent || this.node.kind === 'body' || this.node.kind === 'header' || this.node.kind === 'footer') {
      return loose(null);
    }
    const list = childrenOf(parent);
    const next = list[indexInParent(this.node as AnyNode) + step];
    return next ? this.wrapNode(next) : loose(null);
  }

  getNextSibling(): E {
    this.reading('getNextSibling');
    return this.sibling(1);
  }

  getPreviousSibling(): E {
    this.reading('getPreviousSibling');
    return this.sibling(-1);
  }

  /**
   * Detaches the element. A section must keep a paragraph at its end: removing the last one fails
   * with "Can't remove the last paragraph in a document section." (seen live).
   */
  removeFromParent(): Self {
    return this.editing('removeFromParent', () => {
      detach(this.node as AnyNode);
      return this.self<Self>();
    });
  }

  /** A detached deep copy (it can be appended or inserted elsewhere). */
  copy(): Self {
    this.reading('copy');
    return asGas<Self>(wrap(this.handle, cloneNode(this.node)));
  }

  toString(): string {
    return PRINTED[this.cls] ?? this.cls;
  }

  private cast<T>(method: string, kinds: readonly string[], target: string): T {
    this.reading(method);
    if (!kinds.includes(this.kind())) gasError(MSG.cast(`DocumentApp.${this.cls}`, `DocumentApp.${target}`));
    return this.self<T>();
  }

  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return this.cast('asParagraph', ['paragraph'], 'Paragraph');
  }
  asListItem(): GoogleAppsScript.Document.ListItem {
    return this.cast('asListItem', ['listItem'], 'ListItem');
  }
  asTable(): GoogleAppsScript.Document.Table {
    return this.cast('asTable', ['table'], 'Table');
  }
  asTableRow(): GoogleAppsScript.Document.TableRow {
    return this.cast('asTableRow', ['tableRow'], 'TableRow');
  }
  asTableCell(): GoogleAppsScript.Document.TableCell {
    return this.cast('asTableCell', ['tableCell'], 'TableCell');
  }
  asText(): GoogleAppsScript.Document.Text {
    return this.cast('asText', ['text'], 'Text');
  }
  asBody(): GoogleAppsScript.Document.Body {
    return this.cast('asBody', ['body'], 'Body');
  }
  asHeaderSection(): GoogleAppsScript.Document.HeaderSection {
    return this.cast('asHeaderSection', ['header'], 'HeaderSection');
  }
  asFooterSection(): GoogleAppsScript.Document.FooterSection {
    return this.cast('asFooterSection', ['footer'], 'FooterSection');
  }
  asPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.cast('asPageBreak', ['pageBreak'], 'PageBreak');
  }
  asHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.cast('asHorizontalRule', ['horizontalRule'], 'HorizontalRule');
  }
}

/** Removes a node from its parent, keeping every section ending with a paragraph. */
export function detach(node: AnyNode): void {
  const parent = parentOf(node);
  if (!parent) return;
  if (!isContainer(parent)) return;
  const list = childrenOf(parent);
  const sectionLike =
    parent.kind === 'body' ||
    parent.kind === 'header' ||
    parent.kind === 'footer' ||
    parent.kind === 'tableCell';
  const isParagraph = node.kind === 'paragraph' || node.kind === 'listItem';
  // Table cells are held to the same rule (a cell always holds a paragraph): the stricter guess.
  if (sectionLike && isParagraph && list[list.length - 1] === node) gasError(MSG.lastParagraph);
  removeChild(parent, node);
}

/** An element passed to append/insert must be a detached one of the right class. */
export function detachedNode<K extends BlockNode['kind'] | AnyNode['kind']>(
  value: unknown,
  kinds: readonly K[],
  cls: string,
  method: string,
  args: readonly unknown[],
): Extract<AnyNode, { kind: K }> {
  if (!(value instanceof ElementBase) || !kinds.includes(value.node.kind as K)) fail(cls, method, args);
  if (parentOf(value.node) || value.node.kind === 'body') gasError(MSG.detached);
  return value.node as Extract<AnyNode, { kind: K }>;
}
