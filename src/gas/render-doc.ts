import { Align, DocBlock, DocSpec, Para, PARA_STYLES, TABLE_TEXT_SIZE } from '../domain/document/doc-spec';
import { FONT_FAMILY, PAGE } from '../domain/document/official-format';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Doc = GoogleAppsScript.Document.Document;

const ALIGN: Record<Align, () => GoogleAppsScript.Document.HorizontalAlignment> = {
  left: () => DocumentApp.HorizontalAlignment.LEFT,
  center: () => DocumentApp.HorizontalAlignment.CENTER,
  right: () => DocumentApp.HorizontalAlignment.RIGHT,
  justify: () => DocumentApp.HorizontalAlignment.JUSTIFY,
};

/** Every attribute of a paragraph's role, set in one call (setAttributes). */
function styleParagraph(p: Paragraph, para: Para): void {
  const s = PARA_STYLES[para.role];
  const A = DocumentApp.Attribute;
  const attrs: Record<string, unknown> = {};
  attrs[A.FONT_FAMILY as unknown as string] = FONT_FAMILY;
  attrs[A.FONT_SIZE as unknown as string] = s.size;
  attrs[A.BOLD as unknown as string] = s.bold;
  attrs[A.ITALIC as unknown as string] = s.italic;
  attrs[A.HORIZONTAL_ALIGNMENT as unknown as string] = ALIGN[s.align]();
  attrs[A.INDENT_FIRST_LINE as unknown as string] = s.indentFirstLine;
  attrs[A.SPACING_BEFORE as unknown as string] = s.spacingBefore;
  attrs[A.SPACING_AFTER as unknown as string] = s.spacingAfter;
  attrs[A.LINE_SPACING as unknown as string] = 1.15;
  p.setAttributes(attrs);
}

function attributes(pairs: [GoogleAppsScript.Document.Attribute, unknown][]): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const [key, value] of pairs) attrs[key as unknown as string] = value;
  return attrs;
}

function renderColumns(body: Body, block: Extract<DocBlock, { kind: 'columns' }>): void {
  const table = body.appendTable([[block.left[0]?.text ?? '', block.right[0]?.text ?? '']]);
  table.setBorderWidth(0);
  table.setColumnWidth(0, block.widths[0]);
  table.setColumnWidth(1, block.widths[1]);
  const row = table.getRow(0);
  [block.left, block.right].forEach((paras, column) => {
    const cell = row.getCell(column);
    paras.forEach((para, i) => {
      const p = i === 0 ? cell.getChild(0).asParagraph() : cell.appendParagraph(para.text);
      styleParagraph(p, para);
    });
  });
}

function renderTable(body: Body, block: Extract<DocBlock, { kind: 'table' }>): void {
  formatTable(body.appendTable(block.rows.map((r) => [...r.cells])), block);
}

/** The task table at a child index (a template's marker paragraph). */
export function renderTableAt(
  body: Body,
  index: number,
  block: Omit<Extract<DocBlock, { kind: 'table' }>, 'kind'>,
): void {
  formatTable(
    body.insertTable(
      index,
      block.rows.map((r) => [...r.cells]),
    ),
    block,
  );
}

function formatTable(
  table: GoogleAppsScript.Document.Table,
  block: Omit<Extract<DocBlock, { kind: 'table' }>, 'kind'>,
): void {
  const A = DocumentApp.Attribute;
  table.setAttributes(
    attributes([
      [A.FONT_FAMILY, FONT_FAMILY],
      [A.FONT_SIZE, TABLE_TEXT_SIZE],
      [A.BOLD, false],
    ]),
  );
  table.setBorderWidth(1);
  block.widths.forEach((w, i) => table.setColumnWidth(i, w));
  // Formatting goes per row kind — header, section, subtotal, total — never per cell.
  block.rows.forEach((r, i) => {
    if (r.kind !== 'task') table.getRow(i).setAttributes(attributes([[A.BOLD, true]]));
  });
}

/** Page size and margins of Nghị định 30 (A4); the generated documents and the layout template share them. */
export function setOfficialPage(body: Body): void {
  body
    .setPageWidth(PAGE.width)
    .setPageHeight(PAGE.height)
    .setMarginTop(PAGE.marginTop)
    .setMarginBottom(PAGE.marginBottom)
    .setMarginLeft(PAGE.marginLeft)
    .setMarginRight(PAGE.marginRight);
}

/** Page size and margins of Nghị định 30 (A4), the default font, then every block in order. */
export function renderDocument(doc: Doc, spec: DocSpec): void {
  const body = doc.getBody();
  setOfficialPage(body);
  const first = body.getChild(0).asParagraph(); // a new document starts with one empty paragraph
  for (const block of spec.blocks) {
    if (block.kind === 'para') styleParagraph(body.appendParagraph(block.para.text), block.para);
    else if (block.kind === 'columns') renderColumns(body, block);
    else if (block.kind === 'table') renderTable(body, block);
    else body.appendPageBreak();
  }
  first.removeFromParent();
}
