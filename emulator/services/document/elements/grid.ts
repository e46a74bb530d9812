/**
 * What Table and TableRow share: an indexed list of children (rows, cells) with the text methods of
 * any container. getText() joins the cells' texts with "\n" (guessed; read single cells with
 * getCell().getText()).
 */
import { gasError } from '../../../core/errors';
import { MSG } from '../messages';
import { TableCellNode, TableNode, TableRowNode } from '../model';
import { ownerOf, parentOf, removeChild, sectionOf } from '../tree';
import { isInteger } from '../values';
import { ElementBase } from './base';
import { TextContainer } from './text-container';

export type SharedKeys =
  | 'copy'
  | 'editAsText'
  | 'findText'
  | 'getAttributes'
  | 'getChild'
  | 'getChildIndex'
  | 'getNextSibling'
  | 'getNumChildren'
  | 'getParent'
  | 'getPreviousSibling'
  | 'getText'
  | 'getType'
  | 'removeChild'
  | 'removeFromParent'
  | 'replaceText'
  | 'setAttributes';

/** Text attributes Body.setAttributes made the default, for new cells in the body. */
export function bodyDefaults(node: TableNode | TableRowNode | TableCellNode) {
  const section = sectionOf(node);
  return section?.kind === 'body' ? (ownerOf(section)?.bodyTextDefaults ?? {}) : {};
}

export abstract class Grid<Self> extends TextContainer<Self> {
  protected abstract items(): (TableRowNode | TableCellNode)[];

  protected checkIndex(method: string, index: unknown, args: readonly unknown[], inclusive = false): number {
    if (!isInteger(index)) this.fail(method, args);
    const n = this.items().length;
    if (index < 0 || (inclusive ? index > n : index >= n)) {
      gasError(inclusive ? MSG.insertIndex(index, n) : MSG.childIndex(index, n));
    }
    return index;
  }

  getNumChildren(): number {
    this.reading('getNumChildren');
    return this.items().length;
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.reading('getChild');
    return this.wrapNode(this.items()[this.checkIndex('getChild', childIndex, [childIndex])]);
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    this.reading('getChildIndex');
    if (!(child instanceof ElementBase)) this.fail('getChildIndex', [child]);
    const index = this.items().indexOf(child.node as TableRowNode & TableCellNode);
    if (index < 0) gasError(MSG.invalid('child'));
    return index;
  }

  removeChild(child: GoogleAppsScript.Document.Element): Self {
    if (!(child instanceof ElementBase)) this.fail('removeChild', [child]);
    return this.editing('removeChild', () => {
      if (parentOf(child.node) !== this.node) gasError(MSG.invalid('child'));
      removeChild(this.node as TableNode, child.node as TableRowNode);
      return this.self<Self>();
    });
  }
}
