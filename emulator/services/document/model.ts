/**
 * The Google Docs file model: what a document holds, independent of the Apps Script classes that
 * wrap it. It is the `content` of the file's DriveItem (FileContent, kind 'document'), so DriveApp's
 * makeCopy copies it with `clone()`, a deep copy.
 *
 * Shape (all lengths in points; an absent style field means "not set here", which Apps Script's
 * getters report as null and which inherits the named style — see view.ts for resolved values):
 *
 *   DocumentContent
 *     page: { width, height, marginTop, marginBottom, marginLeft, marginRight }   (Letter, 72 pt)
 *     body: SectionNode            header / footer: SectionNode | null
 *     bodyTextDefaults: TextStyle  (text attributes given to Body.setAttributes, applied to new paragraphs)
 *   SectionNode   { kind: 'body'|'header'|'footer', children: BlockNode[] }   (never empty; ends with a paragraph)
 *   BlockNode     = ParagraphNode | TableNode
 *   ParagraphNode { kind: 'paragraph'|'listItem', style: ParagraphStyle, inlines: InlineNode[],
 *                   endStyle: TextStyle (the paragraph mark's text style, used for text typed into it),
 *                   list?: { listId, nestingLevel, glyphType } (list items) }
 *   InlineNode    = TextNode { kind: 'text', runs: { text, style: TextStyle }[] } | PageBreak | HorizontalRule
 *   TableNode     { kind: 'table', rows: TableRowNode[], columnWidths: (number|undefined)[], borderWidth?, borderColor? }
 *   TableRowNode  { kind: 'tableRow', cells: TableCellNode[], minimumHeight? }
 *   TableCellNode { kind: 'tableCell', children: BlockNode[], style: CellStyle, colSpan, rowSpan }
 *
 * A paragraph's text lives in its TextNodes' runs; a run is a stretch of characters sharing one
 * TextStyle, so partly bold lines are kept exactly. Apps Script turns "\n" typed into a paragraph
 * into "\r" (a line break inside the paragraph), so run text never holds "\n".
 */
import { FileContent } from '../../core/drive-store';
import { AlignmentName, GlyphTypeName, HeadingName, TextAlignmentName, VerticalAlignmentName } from './enums';
import { registerTree } from './tree';

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontFamily?: string;
  fontSize?: number;
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
  textAlignment?: TextAlignmentName;
}
export type TextStyleKey = keyof TextStyle;
export const TEXT_STYLE_KEYS: readonly TextStyleKey[] = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'fontFamily',
  'fontSize',
  'foregroundColor',
  'backgroundColor',
  'linkUrl',
  'textAlignment',
];
/** A change of text style: a value sets the field, null clears it (back to inherited). */
export type TextStylePatch = { [K in TextStyleKey]?: TextStyle[K] | null };

export interface ParagraphStyle {
  heading?: HeadingName;
  alignment?: AlignmentName;
  indentStart?: number;
  indentEnd?: number;
  indentFirstLine?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  lineSpacing?: number;
  leftToRight?: boolean;
}
export type ParagraphStyleKey = keyof ParagraphStyle;
export type ParagraphStylePatch = { [K in ParagraphStyleKey]?: ParagraphStyle[K] | null };

export interface Run {
  text: string;
  style: TextStyle;
}
export interface TextNode {
  readonly kind: 'text';
  runs: Run[];
}
export interface PageBreakNode {
  readonly kind: 'pageBreak';
}
export interface HorizontalRuleNode {
  readonly kind: 'horizontalRule';
}
export type InlineNode = TextNode | PageBreakNode | HorizontalRuleNode;

export interface ListInfo {
  listId: string;
  nestingLevel: number;
  glyphType: GlyphTypeName;
}
export interface ParagraphNode {
  kind: 'paragraph' | 'listItem';
  style: ParagraphStyle;
  inlines: InlineNode[];
  endStyle: TextStyle;
  list?: ListInfo;
  /**
   * Pagination the Docs API sets (ParagraphStyle.keepWithNext / keepLinesTogether) and DocumentApp
   * cannot see or set; absent means false.
   */
  keep?: { withNext?: boolean; linesTogether?: boolean };
  /**
   * A section break (Docs API insertSectionBreak) just before this paragraph: it starts a new
   * section with this style. DocumentApp does not expose section breaks; the Docs API counts the
   * break as one index (docs-api/indexes.ts).
   */
  sectionBreakBefore?: SectionStyle;
}

/** The part of a Docs SectionStyle the emulator keeps (Docs API updateSectionStyle). */
export interface SectionStyle {
  /** How the section break that starts it behaves (absent for the first section: NEXT_PAGE). */
  sectionType?: 'NEXT_PAGE' | 'CONTINUOUS';
  /** Pages of this section turned: width and height of the document's page swapped. */
  flipPageOrientation?: boolean;
}

export interface CellStyle {
  backgroundColor?: string;
  verticalAlignment?: VerticalAlignmentName;
  paddingTop?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  paddingRight?: number;
}
export interface TableCellNode {
  readonly kind: 'tableCell';
  children: BlockNode[];
  style: CellStyle;
  /** Spans of cells merged in the Docs editor (Apps Script cannot merge cells itself). */
  colSpan: number;
  rowSpan: number;
}
export interface TableRowNode {
  readonly kind: 'tableRow';
  cells: TableCellNode[];
  minimumHeight?: number;
}
export interface TableNode {
  readonly kind: 'table';
  rows: TableRowNode[];
  columnWidths: (number | undefined)[];
  borderWidth?: number;
  borderColor?: string;
  /** Rows repeated at the top of each page (Docs API pinTableHeaderRows); absent means 0. */
  pinnedHeaderRows?: number;
}
export type BlockNode = ParagraphNode | TableNode;

export type SectionKind = 'body' | 'header' | 'footer';
export interface SectionNode {
  readonly kind: SectionKind;
  children: BlockNode[];
}

export type ContainerNode = SectionNode | ParagraphNode | TableNode | TableRowNode | TableCellNode;
export type AnyNode = ContainerNode | InlineNode;

export interface PageSetup {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

/** New Google Docs (and DocumentApp.create) use US Letter with one-inch margins. */
export const DEFAULT_PAGE: Readonly<PageSetup> = Object.freeze({
  width: 612,
  height: 792,
  marginTop: 72,
  marginBottom: 72,
  marginLeft: 72,
  marginRight: 72,
});

export function newTextNode(text: string, style: TextStyle = {}): TextNode {
  return { kind: 'text', runs: text === '' ? [] : [{ text, style: { ...style } }] };
}

export function newParagraph(
  text = '',
  style: ParagraphStyle = {},
  textStyle: TextStyle = {},
): ParagraphNode {
  return {
    kind: 'paragraph',
    style: { ...style },
    inlines: text === '' ? [] : [newTextNode(text, textStyle)],
    endStyle: { ...textStyle },
  };
}

export function newCell(text = '', textStyle: TextStyle = {}): TableCellNode {
  return {
    kind: 'tableCell',
    children: [newParagraph(text, {}, textStyle)],
    style: {},
    colSpan: 1,
    rowSpan: 1,
  };
}

export function newRow(texts: readonly string[] = [], textStyle: TextStyle = {}): TableRowNode {
  return { kind: 'tableRow', cells: texts.map((t) => newCell(t, textStyle)) };
}

export function newTable(cells: readonly (readonly string[])[], textStyle: TextStyle = {}): TableNode {
  return { kind: 'table', rows: cells.map((r) => newRow(r, textStyle)), columnWidths: [] };
}

export function newSection(kind: SectionKind): SectionNode {
  return { kind, children: [newParagraph()] };
}

/** A deep copy of any node (what Element.copy() and File.makeCopy need). */
export function cloneNode<T extends AnyNode | SectionNode>(node: T): T {
  return structuredClone(node);
}

/** The document file's content; see the comment at the top of this file. */
export class DocumentContent implements FileContent {
  readonly kind = 'document' as const;
  body: SectionNode = newSection('body');
  header: SectionNode | null = null;
  footer: SectionNode | null = null;
  page: PageSetup = { ...DEFAULT_PAGE };
  bodyTextDefaults: TextStyle = {};
  /** The style of the body's first section (the one no section break starts). */
  firstSection: SectionStyle = {};
  /** Counter for new list ids (Docs ids look like "kix.xxxx"). */
  listSeq = 0;

  constructor() {
    this.register();
  }

  clone(): DocumentContent {
    const copy = new DocumentContent();
    copy.body = cloneNode(this.body);
    copy.header = this.header && cloneNode(this.header);
    copy.footer = this.footer && cloneNode(this.footer);
    copy.page = { ...this.page };
    copy.bodyTextDefaults = { ...this.bodyTextDefaults };
    copy.firstSection = { ...this.firstSection };
    copy.listSeq = this.listSeq;
    copy.register();
    return copy;
  }

  sections(): SectionNode[] {
    return [this.body, ...(this.header ? [this.header] : []), ...(this.footer ? [this.footer] : [])];
  }

  /** Records every node's parent (tree.ts), so elements can find their parent and document. */
  register(): void {
    for (const section of this.sections()) registerTree(section, this);
  }

  newListId(): string {
    return `kix.list${++this.listSeq}`;
  }
}
