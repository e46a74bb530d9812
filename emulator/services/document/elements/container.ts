/**
 * What Body, HeaderSection, FooterSection and TableCell share: a list of block children
 * (paragraphs, list items, tables) with the append/insert/get/remove family, text, find/replace.
 *
 * Docs rules kept here: a section always holds at least one paragraph and ends with one, so
 * appending a table also appends an empty paragraph after it (seen live: a new footer's
 * appendTable leaves 3 children), and removing that last paragraph fails. A new paragraph takes
 * the paragraph and text style of the paragraph before it, as pressing Enter does in the editor —
 * the stricter choice: code must set what it means (e.g. setBold(false)) instead of relying on
 * defaults.
 */
import { gasError } from '../../../core/errors';
import { DocHandle } from '../handle';
import { MSG } from '../messages';
import {
  BlockNode,
  PageBreakNode,
  ParagraphNode,
  SectionNode,
  TableCellNode,
  TableNode,
  TextStyle,
  newParagraph,
  newTable,
} from '../model';
import { paragraphsIn } from '../text-view';
import { insertChild, ownerOf, removeChild, sectionOf } from '../tree';
import { isInteger, typed } from '../values';
import { detach, detachedNode, ElementBase } from './base';
import { TextContainer } from './text-container';

type P = GoogleAppsScript.Document.Paragraph;
type LI = GoogleAppsScript.Document.ListItem;
type Tbl = GoogleAppsScript.Document.Table;
type HR = GoogleAppsScript.Document.HorizontalRule;

export type BlockParent = SectionNode | TableCellNode;

export abstract class BlockContainer<Self> extends TextContainer<Self> {
  constructor(handle: DocHandle, node: BlockParent, cls: string) {
    super(handle, node, cls);
  }

  protected get container(): BlockParent {
    return this.node as BlockParent;
  }

  protected get blocks(): BlockNode[] {
    return this.container.children;
  }

  /** Text attributes Body.setAttributes made the default for new body text. */
  protected textDefaults(): TextStyle {
    const section = sectionOf(this.container);
    return section?.kind === 'body' ? (ownerOf(section)?.bodyTextDefaults ?? {}) : {};
  }

  /** A new paragraph or list item for position `index`, styled after the paragraph before it. */
  protected newBlockParagraph(index: number, kind: 'paragraph' | 'listItem', text: string): ParagraphNode {
    const prev = this.blocks[index - 1];
    const before = prev && prev.kind !== 'table' ? prev : undefined;
    const style = before ? { ...before.style } : {};
    const textStyle = before ? { ...before.endStyle } : { ...this.textDefaults() };
    const p = newParagraph(typed(text), style, textStyle);
    if (kind === 'listItem') {
      p.kind = 'listItem';
      p.list = before?.list
        ? { ...before.list }
        : {
            listId: ownerOf(this.container)?.newListId() ?? 'kix.list0',
            nestingLevel: 0,
            glyphType: 'BULLET',
          };
    }
    return p;
  }

  private checkIndex(index: number, method: string, args: readonly unknown[], inclusive: boolean): void {
    if (!isInteger(index)) this.fail(method, args);
    const n = this.blocks.length;
    if (index < 0 || (inclusive ? index > n : index >= n)) {
      gasError(inclusive ? MSG.insertIndex(index, n) : MSG.childIndex(index, n));
    }
  }

  // ---- children -------------------------------------------------------------------------------

  getNumChildren(): number {
    this.reading('getNumChildren');
    return this.blocks.length;
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.reading('getChild');
    this.checkIndex(childIndex, 'getChild', [childIndex], false);
    return this.wrapNode(this.blocks[childIndex]);
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    this.reading('getChildIndex');
    if (!(child instanceof ElementBase)) this.fail('getChildIndex', [child]);
    const index = this.blocks.indexOf(child.node as BlockNode);
    // Guessed: Apps Script's reply for an element that is not a child is undocumented.
    if (index < 0) gasError(MSG.invalid('child'));
    return index;
  }

  removeChild(child: GoogleAppsScript.Document.Element): Self {
    if (!(child instanceof ElementBase)) this.fail('removeChild', [child]);
    return this.editing('removeChild', () => {
      if (!this.blocks.includes(child.node as BlockNode)) gasError(MSG.invalid('child'));
      detach(child.node as BlockNode);
      return this.self<Self>();
    });
  }

  getParagraphs(): P[] {
    this.reading('getParagraphs');
    return paragraphsIn(this.container).map((p) => this.wrapNode<P>(p));
  }

  getListItems(): LI[] {
    this.reading('getListItems');
    return paragraphsIn(this.container)
      .filter((p) => p.kind === 'listItem')
      .map((p) => this.wrapNode<LI>(p));
  }

  getTables(): Tbl[] {
    this.reading('getTables');
    const out: TableNode[] = [];
    const walk = (blocks: readonly BlockNode[]) => {
      for (const b of blocks) {
        if (b.kind !== 'table') continue;
        out.push(b);
        for (const row of b.rows) for (const cell of row.cells) walk(cell.children);
      }
    };
    walk(this.blocks);
    return out.map((t) => this.wrapNode<Tbl>(t));
  }

  // ---- adding ---------------------------------------------------------------------------------

  appendParagraph(paragraph: P): P;
  appendParagraph(text: string): P;
  appendParagraph(arg: unknown): P {
    return this.addParagraph('appendParagraph', null, arg, 'paragraph');
  }

  insertParagraph(childIndex: number, paragraph: P): P;
  insertParagraph(childIndex: number, text: string): P;
  insertParagraph(childIndex: number, arg: unknown): P {
    return this.addParagraph('insertParagraph', childIndex, arg, 'paragraph');
  }

  appendListItem(listItem: LI): LI;
  appendListItem(text: string): LI;
  appendListItem(arg: unknown): LI {
    return this.addParagraph('appendListItem', null, arg, 'listItem');
  }

  insertListItem(childIndex: number, listItem: LI): LI;
  insertListItem(childIndex: number, text: string): LI;
  insertListItem(childIndex: number, arg: unknown): LI {
    return this.addParagraph('insertListItem', childIndex, arg, 'listItem');
  }

  private addParagraph<R>(
    method: string,
    index: number | null,
    arg: unknown,
    kind: 'paragraph' | 'listItem',
  ): R {
    const args = index === null ? [arg] : [index, arg];
    if (index !== null && !isInteger(index)) this.fail(method, args);
    const given = typeof arg === 'string' ? undefined : detachedNode(arg, [kind], this.cls, method, args);
    return this.editing(method, () => {
      const at = index ?? this.blocks.length;
      if (index !== null) this.checkIndex(index, method, args, true);
      const node = given ?? this.newBlockParagraph(at, kind, arg as string);
      insertChild(this.container, at, node);
      return this.wrapNode<R>(node);
    });
  }

  appendTable(): Tbl;
  appendTable(cells: string[][]): Tbl;
  appendTable(table: Tbl): Tbl;
  appendTable(arg?: unknown): Tbl {
    return this.addTable('appendTable', null, arg);
  }

  insertTable(childIndex: number, cellsOrTable?: string[][] | Tbl | null): Tbl {
    return this.addTable('insertTable', childIndex, cellsOrTable);
  }

  private addTable(method: string, index: number | null, arg: unknown): Tbl {
    const args = index === null ? [arg] : [index, arg];
    if (index !== null && !isInteger(index)) this.fail(method, args);
    const table = this.tableFrom(method, arg, args);
    const units = table.rows.reduce((n, r) => n + r.cells.length, 0);
    return this.editing(
      method,
      () => {
        if (index !== null) this.checkIndex(index, method, args, true);
        const at = index ?? this.blocks.length;
        insertChild(this.container, at, table);
        // A section ends with a paragraph: a table added at the end gets an empty one after it.
        if (at === this.blocks.length - 1) {
          insertChild(this.container, at + 1, newParagraph('', {}, this.textDefaults()));
        }
        return this.wrapNode<Tbl>(table);
      },
      units,
    );
  }

  /**
   * string[][] → a new table (every row the same length, strings only: appendTable([[1]]) fails
   * with the signature message, as "The parameters (number[][]) don't match…" in Apps Script).
   * No argument → a table with no rows (seen live).
   */
  private tableFrom(method: string, arg: unknown, args: readonly unknown[]): TableNode {
    if (arg === undefined || arg === null) return newTable([]);
    if (Array.isArray(arg)) {
      if (!arg.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string')))
        this.fail(method, args);
      const rows = arg as string[][];
      // Guessed: ragged or empty rows are refused (the stricter reading).
      if (rows.some((r) => r.length === 0 || r.length !== rows[0].length)) gasError(MSG.invalid('cells'));
      return newTable(
        rows.map((r) => r.map(typed)),
        this.textDefaults(),
      );
    }
    return detachedNode(arg, ['table'], this.cls, method, args);
  }

  appendHorizontalRule(): HR {
    return this.addRule('appendHorizontalRule', null);
  }

  insertHorizontalRule(childIndex: number): HR {
    return this.addRule('insertHorizontalRule', childIndex);
  }

  /** A horizontal rule lives in a paragraph of its own, which this adds. */
  private addRule(method: string, index: number | null): HR {
    return this.addInlineParagraph(method, index, 'horizontalRule');
  }

  /** A new paragraph holding a page break or rule (the detached one given, or a new one). */
  protected addInlineParagraph<R>(
    method: string,
    index: number | null,
    kind: 'horizontalRule' | 'pageBreak',
    given?: PageBreakNode,
  ): R {
    if (index !== null && !isInteger(index)) this.fail(method, [index]);
    return this.editing(method, () => {
      if (index !== null) this.checkIndex(index, method, [index], true);
      const at = index ?? this.blocks.length;
      const p = this.newBlockParagraph(at, 'paragraph', '');
      const inline = given ?? { kind };
      insertChild(this.container, at, p);
      insertChild(p, 0, inline);
      return this.wrapNode<R>(inline);
    });
  }

  // ---- text ---------------------------------------------------------------------------------

  /** Removes everything, leaving one empty paragraph. */
  clear(): Self {
    return this.editing('clear', () => {
      this.clearBlocks();
      return this.self<Self>();
    });
  }

  protected clearBlocks(): void {
    for (const b of [...this.blocks]) removeChild(this.container, b);
    insertChild(this.container, 0, newParagraph('', {}, this.textDefaults()));
  }

  /** Guessed: each "\n" starts a new paragraph, so setText(getText()) gives the text back. */
  setText(text: string): Self {
    if (typeof text !== 'string') this.fail('setText', [text]);
    return this.editing('setText', () => {
      for (const b of [...this.blocks]) removeChild(this.container, b);
      text.split(/\r?\n/).forEach((line, i) => {
        insertChild(this.container, i, newParagraph(typed(line), {}, this.textDefaults()));
      });
      return this.self<Self>();
    });
  }
}
