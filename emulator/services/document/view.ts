/**
 * The read-only model view of a document, for tests and exporters (.docx, PDF): plain data, built
 * fresh on each call, with no ledger charge and no access check (it is not an Apps Script call).
 *
 *   DocumentModel { id, name, page: { width, height, marginTop, marginBottom, marginLeft, marginRight },
 *                   body: BlockView[], header: BlockView[] | null, footer: BlockView[] | null,
 *                   bodyTextDefaults }
 *   BlockView     = ParagraphView | TableView
 *   ParagraphView { type: 'paragraph' | 'listItem', text, heading, explicit (ParagraphStyle as set),
 *                   alignment, indentStart, indentEnd, indentFirstLine, spacingBefore, spacingAfter,
 *                   lineSpacing, leftToRight   (resolved: set value, else the named style's default),
 *                   list: { listId, nestingLevel, glyphType } | null,
 *                   runs: RunView[]   (text runs of equal style, merged across Text elements),
 *                   content: InlineView[] (the runs plus page breaks and horizontal rules, in order) }
 *   RunView       { text, explicit (TextStyle as set), style (every field resolved) }
 *   TableView     { type: 'table', rows: { minimumHeight, cells: CellView[] }[], numColumns,
 *                   columnWidths: (number|null)[], borderWidth, borderColor, text }
 *   CellView      { text, children: BlockView[], width, backgroundColor, verticalAlignment,
 *                   paddingTop/Bottom/Left/Right, colSpan, rowSpan }
 *
 * Lengths are points; colours "#rrggbb"; null = not set. Resolution uses Google Docs' default named
 * styles (Arial 11, line spacing 1.15; headings' sizes as a new Doc has them — approximations of
 * Docs' defaults, stated here so a reader knows where the numbers come from).
 */
import { EmulatorContext } from '../../core/context';
import { AlignmentName, GlyphTypeName, HeadingName, TextAlignmentName, VerticalAlignmentName } from './enums';
import {
  BlockNode,
  DocumentContent,
  ParagraphNode,
  ParagraphStyle,
  PageSetup,
  Run,
  SectionStyle,
  TableNode,
  TextStyle,
} from './model';
import { normalizeRuns } from './runs';
import { paragraphText, TextView } from './text-view';

export interface ResolvedTextStyle {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  fontFamily: string;
  fontSize: number;
  foregroundColor: string;
  backgroundColor: string | null;
  linkUrl: string | null;
  textAlignment: TextAlignmentName;
}

export interface RunView {
  text: string;
  explicit: TextStyle;
  style: ResolvedTextStyle;
}

export type InlineView = ({ type: 'text' } & RunView) | { type: 'pageBreak' } | { type: 'horizontalRule' };

export interface ParagraphView {
  type: 'paragraph' | 'listItem';
  text: string;
  heading: HeadingName;
  explicit: ParagraphStyle;
  alignment: AlignmentName;
  indentStart: number;
  indentEnd: number;
  indentFirstLine: number;
  spacingBefore: number;
  spacingAfter: number;
  lineSpacing: number;
  leftToRight: boolean;
  list: { listId: string; nestingLevel: number; glyphType: GlyphTypeName } | null;
  runs: RunView[];
  content: InlineView[];
  /** Set through the Docs API only; undefined when not set (so views of older documents compare equal). */
  keepWithNext?: boolean;
  keepLinesTogether?: boolean;
  /** The style of the section a section break before this paragraph starts (Docs API). */
  sectionBreakBefore?: SectionStyle;
}

export interface CellView {
  text: string;
  children: BlockView[];
  width: number | null;
  backgroundColor: string | null;
  verticalAlignment: VerticalAlignmentName | null;
  paddingTop: number | null;
  paddingBottom: number | null;
  paddingLeft: number | null;
  paddingRight: number | null;
  colSpan: number;
  rowSpan: number;
}

export interface RowView {
  minimumHeight: number | null;
  cells: CellView[];
}

export interface TableView {
  type: 'table';
  rows: RowView[];
  numColumns: number;
  columnWidths: (number | null)[];
  borderWidth: number | null;
  borderColor: string | null;
  text: string;
  /** Header rows repeated on each page (Docs API pinTableHeaderRows); undefined when none. */
  pinnedHeaderRows?: number;
}

export type BlockView = ParagraphView | TableView;

export interface DocumentModel {
  id: string;
  name: string;
  page: PageSetup;
  body: BlockView[];
  header: BlockView[] | null;
  footer: BlockView[] | null;
  bodyTextDefaults: TextStyle;
  /** The first section's style, when the Docs API set one. */
  firstSection?: SectionStyle;
}

interface NamedStyle {
  fontSize: number;
  foregroundColor?: string;
  italic?: boolean;
  spacingBefore: number;
  spacingAfter: number;
}

/** Google Docs' default named styles (a new document's NORMAL_TEXT, TITLE, HEADING1…). */
export const NAMED_STYLES: Readonly<Record<HeadingName, NamedStyle>> = {
  NORMAL: { fontSize: 11, spacingBefore: 0, spacingAfter: 0 },
  TITLE: { fontSize: 26, spacingBefore: 0, spacingAfter: 3 },
  SUBTITLE: { fontSize: 15, foregroundColor: '#666666', spacingBefore: 0, spacingAfter: 16 },
  HEADING1: { fontSize: 20, spacingBefore: 20, spacingAfter: 6 },
  HEADING2: { fontSize: 16, spacingBefore: 18, spacingAfter: 6 },
  HEADING3: { fontSize: 14, foregroundColor: '#434343', spacingBefore: 16, spacingAfter: 4 },
  HEADING4: { fontSize: 12, foregroundColor: '#666666', spacingBefore: 14, spacingAfter: 4 },
  HEADING5: { fontSize: 11, foregroundColor: '#666666', spacingBefore: 12, spacingAfter: 4 },
  HEADING6: { fontSize: 11, foregroundColor: '#666666', italic: true, spacingBefore: 12, spacingAfter: 4 },
};

export function resolveText(style: TextStyle, heading: HeadingName): ResolvedTextStyle {
  const named = NAMED_STYLES[heading];
  return {
    bold: style.bold ?? false,
    italic: style.italic ?? named.italic ?? false,
    underline: style.underline ?? false,
    strikethrough: style.strikethrough ?? false,
    fontFamily: style.fontFamily ?? 'Arial',
    fontSize: style.fontSize ?? named.fontSize,
    foregroundColor: style.foregroundColor ?? named.foregroundColor ?? '#000000',
    backgroundColor: style.backgroundColor ?? null,
    linkUrl: style.linkUrl ?? null,
    textAlignment: style.textAlignment ?? 'NORMAL',
  };
}

function runView(run: Run, heading: HeadingName): RunView {
  return { text: run.text, explicit: { ...run.style }, style: resolveText(run.style, heading) };
}

function paragraphView(p: ParagraphNode): ParagraphView {
  const heading = p.style.heading ?? 'NORMAL';
  const named = NAMED_STYLES[heading];
  const content: InlineView[] = [];
  const pending: Run[] = [];
  const flush = () => {
    for (const run of normalizeRuns(pending)) content.push({ type: 'text', ...runView(run, heading) });
    pending.length = 0;
  };
  for (const inline of p.inlines) {
    if (inline.kind === 'text') pending.push(...inline.runs);
    else {
      flush();
      content.push({ type: inline.kind });
    }
  }
  flush();
  const s = p.style;
  return {
    type: p.kind,
    text: paragraphText(p),
    heading,
    explicit: { ...s },
    alignment: s.alignment ?? 'LEFT',
    indentStart: s.indentStart ?? 0,
    indentEnd: s.indentEnd ?? 0,
    indentFirstLine: s.indentFirstLine ?? 0,
    spacingBefore: s.spacingBefore ?? named.spacingBefore,
    spacingAfter: s.spacingAfter ?? named.spacingAfter,
    lineSpacing: s.lineSpacing ?? 1.15,
    leftToRight: s.leftToRight ?? true,
    list: p.list ? { ...p.list } : null,
    runs: content
      .filter((c): c is { type: 'text' } & RunView => c.type === 'text')
      .map(({ type: _t, ...r }) => r),
    content,
    keepWithNext: p.keep?.withNext,
    keepLinesTogether: p.keep?.linesTogether,
    sectionBreakBefore: p.sectionBreakBefore && { ...p.sectionBreakBefore },
  };
}

function tableView(t: TableNode): TableView {
  const numColumns = Math.max(0, ...t.rows.map((r) => r.cells.length));
  const widths = Array.from({ length: numColumns }, (_, i) => t.columnWidths[i] ?? null);
  return {
    type: 'table',
    numColumns,
    columnWidths: widths,
    borderWidth: t.borderWidth ?? null,
    borderColor: t.borderColor ?? null,
    text: TextView.ofContainer(t).text(),
    pinnedHeaderRows: t.pinnedHeaderRows || undefined,
    rows: t.rows.map((row) => ({
      minimumHeight: row.minimumHeight ?? null,
      cells: row.cells.map((cell, i) => ({
        text: TextView.ofContainer(cell).text(),
        children: blocksView(cell.children),
        width: widths[i] ?? null,
        backgroundColor: cell.style.backgroundColor ?? null,
        verticalAlignment: cell.style.verticalAlignment ?? null,
        paddingTop: cell.style.paddingTop ?? null,
        paddingBottom: cell.style.paddingBottom ?? null,
        paddingLeft: cell.style.paddingLeft ?? null,
        paddingRight: cell.style.paddingRight ?? null,
        colSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
      })),
    })),
  };
}

function blocksView(blocks: readonly BlockNode[]): BlockView[] {
  return blocks.map((b) => (b.kind === 'table' ? tableView(b) : paragraphView(b)));
}

export function modelView(id: string, name: string, content: DocumentContent): DocumentModel {
  return {
    id,
    name,
    page: { ...content.page },
    body: blocksView(content.body.children),
    header: content.header ? blocksView(content.header.children) : null,
    footer: content.footer ? blocksView(content.footer.children) : null,
    bodyTextDefaults: { ...content.bodyTextDefaults },
    firstSection: Object.keys(content.firstSection).length > 0 ? { ...content.firstSection } : undefined,
  };
}

/**
 * The model view of document `id`, for tests and exporters. Not an Apps Script call: no charge,
 * no access check. Fails for an id that is not a document.
 */
export function documentModelOf(ctx: EmulatorContext, id: string): DocumentModel {
  const item = ctx.drive.peek(id);
  if (!item || !(item.content instanceof DocumentContent)) {
    throw new Error(`Emulator: ${id} is not a document in the emulated Drive`);
  }
  return modelView(item.id, item.name, item.content);
}
