import { TableRowSpec } from '../domain/document/doc-spec';
import { TABLE_MARKER } from '../domain/document/placeholders';
import { renderTableAt } from './render-doc';

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
type Text = GoogleAppsScript.Document.Text;
export type Section =
  Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;
export interface TaskTable {
  readonly rows: readonly TableRowSpec[];
  readonly widths: readonly number[];
}

/** What Paragraph and ListItem share here. */
interface ParagraphLike {
  copy(): ParagraphLike;
  getChild(childIndex: number): Element;
  getChildIndex(child: Element): number;
  getNumChildren(): number;
  getType(): GoogleAppsScript.Document.ElementType;
  removeChild(child: Element): unknown;
}

/** What Body, HeaderSection, FooterSection and TableCell share here. */
interface BlockParent {
  getChildIndex(child: Element): number;
  insertParagraph(childIndex: number, paragraph: GoogleAppsScript.Document.Paragraph): ParagraphLike;
  insertListItem(childIndex: number, listItem: GoogleAppsScript.Document.ListItem): ParagraphLike;
}

/** One {{…}} of the template, where findText saw it. */
interface Spot {
  readonly text: Text;
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

/** Any placeholder inside one Text element (findText matches each text block on its own). */
const ANY_PLACEHOLDER = '\\{\\{[^{}]*\\}\\}';
const PLACEHOLDER_TEXT = /\{\{[^{}]*\}\}/g;
const nameOf = (placeholder: string) => placeholder.slice(2, -2).trim();

function spotsIn(section: Section): Spot[] {
  const spots: Spot[] = [];
  for (
    let found = section.findText(ANY_PLACEHOLDER);
    found;
    found = section.findText(ANY_PLACEHOLDER, found)
  ) {
    const text = found.getElement().asText();
    const start = found.getStartOffset();
    const end = found.getEndOffsetInclusive();
    spots.push({ text, start, end, name: nameOf(text.getText().slice(start, end + 1)) });
  }
  return spots;
}

/**
 * The placeholders written in the template that cannot be filled: a name with no value, the
 * table marker outside the body (or with no table to put there), and a placeholder findText does
 * not see whole (split over two Text elements), found by comparing with the sections' text.
 */
function unfillable(
  sections: readonly Section[],
  spots: readonly Spot[][],
  values: ReadonlyMap<string, string>,
  table: TaskTable | null,
): string[] {
  const left: string[] = [];
  const seen = new Map<string, number>();
  spots.forEach((inSection, i) => {
    for (const spot of inSection) {
      seen.set(spot.name, (seen.get(spot.name) ?? 0) + 1);
      const fillable = spot.name === TABLE_MARKER ? i === 0 && table !== null : values.has(spot.name);
      if (!fillable) left.push(spot.name);
    }
  });
  const written = new Map<string, number>();
  for (const section of sections) {
    for (const m of section.getText().match(PLACEHOLDER_TEXT) ?? []) {
      written.set(nameOf(m), (written.get(nameOf(m)) ?? 0) + 1);
    }
  }
  for (const [name, count] of written) if (count > (seen.get(name) ?? 0)) left.push(name);
  return left.filter((n, i) => left.indexOf(n) === i);
}

/**
 * What the template itself gets wrong, found before any copy is made, with values for `names`:
 * placeholders it cannot fill (split over two Text elements, the table marker outside the body)
 * and the table marker not standing in a paragraph of the body (inside a table, where
 * insertTableAt would refuse it). Reads only.
 */
export function templateFaults(sections: readonly Section[], names: readonly string[]): string[] {
  const spots = sections.map(spotsIn);
  const left = unfillable(sections, spots, new Map(names.map((n) => [n, ''])), { rows: [], widths: [] });
  const misplaced = (spots[0] ?? []).some(
    (spot) =>
      spot.name === TABLE_MARKER &&
      spot.text.getParent().getParent().getType() !== DocumentApp.ElementType.BODY_SECTION,
  );
  return misplaced && !left.includes(TABLE_MARKER) ? [...left, TABLE_MARKER] : left;
}

/**
 * Fills the sections (body first) of an opened copy of the template. Every placeholder is found
 * before anything changes, and they are filled from the last to the first, so no value — text a
 * unit typed, which may itself hold "{{…}}" — is ever searched again. Returns the placeholders
 * that cannot be filled, having changed nothing, or none once all are filled.
 */
export function fillSections(
  sections: readonly Section[],
  values: ReadonlyMap<string, string>,
  table: TaskTable | null,
): string[] {
  const spots = sections.map(spotsIn);
  const left = unfillable(sections, spots, values, table);
  if (left.length > 0) return left;
  sections.forEach((section, i) => {
    for (const spot of [...spots[i]].reverse()) {
      if (spot.name === TABLE_MARKER && table) insertTableAt(section as Body, spot, table);
      else fillSpot(spot, values.get(spot.name) ?? '');
    }
  });
  return [];
}

/**
 * The value goes in after the placeholder's first character, before the placeholder's characters
 * are deleted, so it takes their formatting (bold, size…): inserted text takes the formatting of
 * the character before it, and none when there is no character before it.
 */
function replaceKeepingFormat(text: Text, start: number, end: number, value: string): void {
  if (value === '') {
    text.deleteText(start, end);
    return;
  }
  text.insertText(start + 1, value);
  text.deleteText(start + 1 + value.length, end + value.length);
  text.deleteText(start, start);
}

/**
 * A value of several lines becomes as many paragraphs, each a copy of the placeholder's paragraph
 * (its style, and the placeholder's formatting), the text before the placeholder staying in the
 * first and the text after it going to the last. Text.insertText would make "\n" a line break
 * inside one paragraph instead.
 */
function fillSpot(spot: Spot, value: string): void {
  const lines = value.split(/\r\n|\r|\n/);
  const paragraph = lines.length > 1 ? paragraphOf(spot.text) : null;
  const parent = paragraph ? blockParentOf(paragraph) : null;
  if (!paragraph || !parent) {
    replaceKeepingFormat(spot.text, spot.start, spot.end, value);
    return;
  }
  const index = parent.getChildIndex(paragraph as unknown as Element);
  const textIndex = paragraph.getChildIndex(spot.text);
  const copies = lines.slice(1).map((_, i) => insertCopy(parent, index + 1 + i, paragraph));
  [paragraph, ...copies].forEach((p, k) => {
    const text = p.getChild(textIndex).asText();
    replaceKeepingFormat(text, spot.start, spot.end, lines[k]);
    if (k < lines.length - 1) keepUpTo(p, textIndex, text, spot.start + lines[k].length);
    if (k > 0) keepFrom(p, textIndex, text, spot.start);
  });
}

/** Deletes what follows `offset` of the paragraph's Text child at textIndex. */
function keepUpTo(p: ParagraphLike, textIndex: number, text: Text, offset: number): void {
  const length = text.getText().length;
  if (offset < length) text.deleteText(offset, length - 1);
  while (p.getNumChildren() > textIndex + 1) p.removeChild(p.getChild(textIndex + 1));
}

/** Deletes what comes before `offset` of the paragraph's Text child at textIndex. */
function keepFrom(p: ParagraphLike, textIndex: number, text: Text, offset: number): void {
  if (offset > 0) text.deleteText(0, offset - 1);
  for (let i = textIndex - 1; i >= 0; i--) p.removeChild(p.getChild(i));
}

function paragraphOf(text: Text): ParagraphLike | null {
  const parent = text.getParent();
  const type = parent.getType();
  if (type === DocumentApp.ElementType.PARAGRAPH) return parent.asParagraph() as unknown as ParagraphLike;
  if (type === DocumentApp.ElementType.LIST_ITEM) return parent.asListItem() as unknown as ParagraphLike;
  return null;
}

function blockParentOf(paragraph: ParagraphLike): BlockParent | null {
  const parent = (paragraph as unknown as Element).getParent();
  const T = DocumentApp.ElementType;
  switch (parent.getType()) {
    case T.BODY_SECTION:
      return parent.asBody() as unknown as BlockParent;
    case T.HEADER_SECTION:
      return parent.asHeaderSection() as unknown as BlockParent;
    case T.FOOTER_SECTION:
      return parent.asFooterSection() as unknown as BlockParent;
    case T.TABLE_CELL:
      return parent.asTableCell() as unknown as BlockParent;
    default:
      return null;
  }
}

function insertCopy(parent: BlockParent, index: number, paragraph: ParagraphLike): ParagraphLike {
  const copy = paragraph.copy();
  return paragraph.getType() === DocumentApp.ElementType.LIST_ITEM
    ? parent.insertListItem(index, copy as unknown as GoogleAppsScript.Document.ListItem)
    : parent.insertParagraph(index, copy as unknown as GoogleAppsScript.Document.Paragraph);
}

/**
 * The task table goes where the marker stands, splitting its paragraph: the text before the marker
 * stays in the paragraph before the table, the text after it goes to a copy of the paragraph after
 * the table (each empty when the marker stood alone). This is what the Docs API way makes
 * (domain/document/template-requests.ts), which cannot do otherwise: the table it inserts always
 * has a newline before it, and that newline cannot be deleted. The body still ends with a
 * paragraph after the table, as Docs requires.
 */
function insertTableAt(body: Body, spot: Spot, table: TaskTable): void {
  const element = spot.text.getParent();
  const paragraph = paragraphOf(spot.text);
  if (!paragraph || element.getParent().getType() !== DocumentApp.ElementType.BODY_SECTION) {
    throw new Error(`{{${TABLE_MARKER}}} phải là một đoạn riêng trong thân văn bản, không nằm trong bảng.`);
  }
  const index = body.getChildIndex(element);
  const textIndex = paragraph.getChildIndex(spot.text);
  const after = insertCopy(body as unknown as BlockParent, index + 1, paragraph);
  keepUpTo(paragraph, textIndex, spot.text, spot.start);
  keepFrom(after, textIndex, after.getChild(textIndex).asText(), spot.end + 1);
  renderTableAt(body, index + 1, table);
}
