/**
 * Docs API documents.batchUpdate requests applied to a document's content
 * (https://developers.google.com/docs/api/reference/rest/v1/documents/request). The caller
 * applies a batch to a copy and keeps it only when every request succeeded: "If any request is
 * not valid, then the entire request will fail and nothing will be applied" (batchUpdate).
 * Each request sees the document as the requests before it left it.
 *
 * Modeled: insertText, insertTable, insertPageBreak, insertSectionBreak, deleteContentRange (text
 * and whole tables, within one cell or the body), replaceAllText, updateTextStyle,
 * updateParagraphStyle, updateSectionStyle (flipPageOrientation), pinTableHeaderRows,
 * updateTableColumnProperties, updateTableCellStyle — body segment only. Any other request kind,
 * field or segment is an emulator error (not a guess at Google's answer).
 */
import { patchStyle } from '../runs';
import { DocumentContent, ParagraphNode, TableCellNode, TableNode } from '../model';
import { notModeledHere, RequestError } from './errors';
import {
  BodyLayout,
  cachedLayout,
  forgetLayout,
  layoutOf,
  shiftAfter,
  ParagraphAt,
  paragraphAt,
  tableStartingAt,
} from './indexes';
import {
  atomsOf,
  deleteUnits,
  insertAtoms,
  setAtoms,
  splitAtoms,
  searchableText,
  splitParagraph,
  styleForInsert,
  styleUnits,
} from './paragraph-edit';
import {
  cellPatch,
  columnWidthOf,
  FieldList,
  fieldsOf,
  FieldsMissing,
  paragraphPatch,
  sectionPatch,
  tableBorderOf,
  textPatch,
} from './styles';
import { insertChildAfter, newEmptyTable, removeBlocks } from './structure';

type Json = Record<string, unknown>;
export type Reply = Json;

export function applyRequests(content: DocumentContent, requests: readonly unknown[]): Reply[] {
  forgetLayout(content.body);
  return requests.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null) throw new RequestError(i, '', 'Request must not be empty.');
    const kinds = Object.keys(raw);
    if (kinds.length !== 1) {
      throw new RequestError(i, '', 'Exactly one request kind must be set in each request.');
    }
    const kind = kinds[0];
    const body = (raw as Json)[kind] as Json;
    const handler = HANDLERS[kind];
    if (!handler) return notModeledHere(`the Docs request ${kind}`);
    try {
      const reply = handler(content, body ?? {});
      // insertText keeps the cache itself (it knows what it shifted); others that move indexes drop it.
      if (!KEEPS_INDEXES.has(kind) && kind !== 'insertText') forgetLayout(content.body);
      return reply;
    } catch (e) {
      forgetLayout(content.body);
      if (e instanceof Invalid || e instanceof FieldsMissing) throw new RequestError(i, kind, e.message);
      throw e;
    }
  });
}

/** A request's own complaint; applyRequests prefixes "Invalid requests[i].kind: ". */
class Invalid extends Error {}
function invalid(message: string): never {
  throw new Invalid(message);
}

/** Requests that change no index: the batch's cached layout stays valid after them. */
const KEEPS_INDEXES = new Set([
  'updateTextStyle',
  'updateParagraphStyle',
  'updateSectionStyle',
  'pinTableHeaderRows',
  'updateTableColumnProperties',
  'updateTableCellStyle',
]);

const HANDLERS: Record<string, (c: DocumentContent, r: Json) => Reply> = {
  insertText,
  insertTable,
  insertPageBreak,
  insertSectionBreak,
  deleteContentRange,
  replaceAllText,
  updateTextStyle,
  updateParagraphStyle,
  updateSectionStyle,
  pinTableHeaderRows,
  updateTableColumnProperties,
  updateTableCellStyle,
};

// ---- locations -------------------------------------------------------------------------------

function bodyOnly(segmentId: unknown): void {
  if (segmentId !== undefined && segmentId !== '') notModeledHere('a header, footer or footnote segment');
}

function intOf(value: unknown, name: string): number {
  if (value === undefined) return 0; // proto3: an absent int is 0
  if (typeof value !== 'number' || !Number.isInteger(value)) invalid(`Invalid value at '${name}'.`);
  return value;
}

/**
 * The insertion point of a request with `location` or `endOfSegmentLocation`: the paragraph and
 * the offset in it. The index must be inside an existing paragraph ("text cannot be inserted at a
 * table's start index") and before the segment's end.
 */
function insertionPoint(
  content: DocumentContent,
  r: Json,
): { at: ParagraphAt; offset: number; layout: BodyLayout } {
  const location = r.location as Json | undefined;
  const end = r.endOfSegmentLocation as Json | undefined;
  if ((location === undefined) === (end === undefined)) {
    invalid('Exactly one of location or endOfSegmentLocation must be set.');
  }
  bodyOnly((location ?? end)!.segmentId);
  const index = location ? intOf(location.index, 'location.index') : cachedLayout(content.body).end! - 1;
  if (index < 1) invalid(`Index ${index} must be greater than or equal to 1.`);
  const layout = cachedLayout(content.body);
  if (layout.end !== null && index >= layout.end) {
    invalid(`Index ${index} must be less than the end index of the referenced segment, ${layout.end}.`);
  }
  const at = paragraphAt(layout, index);
  if (!at) {
    invalid(
      'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
    );
  }
  return { at, offset: index - at.start, layout };
}

function rangeOf(
  content: DocumentContent,
  r: Json,
  whole = false,
): { start: number; end: number; layout: BodyLayout } {
  const range = r.range as Json | undefined;
  if (!range) invalid('The range must be set.');
  bodyOnly(range.segmentId);
  const start = intOf(range.startIndex, 'range.start_index');
  const end = intOf(range.endIndex, 'range.end_index');
  if (start >= end) invalid('The range should not be empty.');
  if (start < 0) invalid(`Index ${start} must be greater than or equal to 0.`);
  const layout = whole ? layoutOf(content.body) : cachedLayout(content.body);
  if (layout.end !== null && end > layout.end) {
    invalid(`Index ${end - 1} must be less than the end index of the referenced segment, ${layout.end}.`);
  }
  return { start, end, layout };
}

function overlapping(layout: BodyLayout, start: number, end: number): ParagraphAt[] {
  return layout.paragraphs.filter((p) => p.start < end && p.end > start);
}

function tableAt(content: DocumentContent, location: unknown): { table: TableNode; layout: BodyLayout } {
  const loc = (location ?? {}) as Json;
  bodyOnly(loc.segmentId);
  const index = intOf(loc.index, 'table_start_location.index');
  const layout = cachedLayout(content.body);
  const found = tableStartingAt(layout, index);
  if (!found) invalid('The provided table start location is invalid.');
  return { table: found.node, layout };
}

// ---- inserting -------------------------------------------------------------------------------

/**
 * "Some control characters (U+0000-U+0008, U+000C-U+001F) and characters from the Unicode Basic
 * Multilingual Plane Private Use Area (U+E000-U+F8FF) will be stripped out of the inserted text."
 */
function stripped(text: string): string {
  const dropped = (code: number) =>
    code <= 0x08 || (code >= 0x0c && code <= 0x1f && code !== 0x0a) || (code >= 0xe000 && code <= 0xf8ff);
  return [...text].filter((c) => !dropped(c.charCodeAt(0))).join('');
}

function insertText(content: DocumentContent, r: Json): Reply {
  if (typeof r.text !== 'string') invalid('The text must be set.');
  const { at, offset } = insertionPoint(content, r);
  const style = styleForInsert(at.node, offset);
  let paragraph = at.node;
  let point = offset;
  const lines = stripped(r.text).split('\n');
  if (lines.length === 1) {
    if (lines[0] !== '') {
      insertAtoms(paragraph, point, [{ text: lines[0], style: { ...style } }]);
      shiftAfter(content.body, paragraph, lines[0].length);
    }
    return {};
  }
  forgetLayout(content.body);
  lines.forEach((line, i) => {
    if (line !== '') insertAtoms(paragraph, point, [{ text: line, style: { ...style } }]);
    point += line.length;
    if (i < lines.length - 1) {
      // "Inserting a newline character will implicitly create a new Paragraph at that index. The
      // paragraph style of the new paragraph will be copied from the paragraph at the current
      // insertion index, including lists and bullets."
      const next = splitParagraph(paragraph, point);
      insertChildAfter(at.parent, paragraph, next);
      paragraph = next;
      point = 0;
    }
  });
  return {};
}

function insertTable(content: DocumentContent, r: Json): Reply {
  const rows = intOf(r.rows, 'rows');
  const columns = intOf(r.columns, 'columns');
  if (rows < 1 || columns < 1) invalid('The number of rows and columns must be greater than 0.');
  const { at, offset } = insertionPoint(content, r);
  // "A newline character will be inserted before the inserted table."
  const rest = splitParagraph(at.node, offset);
  const table = newEmptyTable(rows, columns, at.node.endStyle);
  insertChildAfter(at.parent, at.node, table);
  insertChildAfter(at.parent, table, rest);
  return {};
}

function insertPageBreak(content: DocumentContent, r: Json): Reply {
  const { at, offset } = insertionPoint(content, r);
  if (at.inTable) invalid('Page breaks cannot be inserted inside a table.');
  // "Inserts a page break followed by a newline at the specified location."
  insertAtoms(at.node, offset, [{ kind: 'pageBreak' }]);
  insertChildAfter(at.parent, at.node, splitParagraph(at.node, offset + 1));
  return {};
}

function insertSectionBreak(content: DocumentContent, r: Json): Reply {
  const sectionType = r.sectionType;
  if (sectionType !== 'NEXT_PAGE' && sectionType !== 'CONTINUOUS') {
    invalid('The section type must be NEXT_PAGE or CONTINUOUS.');
  }
  const { at, offset } = insertionPoint(content, r);
  if (at.inTable) invalid('Section breaks cannot be inserted inside a table.');
  // "A newline character will be inserted before the section break."
  const rest = splitParagraph(at.node, offset);
  rest.sectionBreakBefore = { sectionType };
  insertChildAfter(at.parent, at.node, rest);
  return {};
}

// ---- deleting and replacing ------------------------------------------------------------------

function deleteContentRange(content: DocumentContent, r: Json): Reply {
  const { start, end, layout } = rangeOf(content, r, true);
  if (end === layout.end) {
    invalid('The range cannot include the newline character at the end of the segment.');
  }
  for (const t of layout.wholeTables) {
    const whole = start <= t.start && end >= t.end;
    const outside = end <= t.start || start >= t.end;
    // Within one cell, its last newline kept (a cell is never left without a paragraph).
    const inOneCell = t.cells.some((c) => start >= c.start && end < c.end);
    if (!whole && !outside && !inOneCell)
      invalid('Invalid deletion range. Cannot delete the requested range.');
  }
  const touched = overlapping(layout, start, end);
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (first === last) {
    deleteUnits(first.node, start - first.start, end - first.start);
    return {};
  }
  if (first.parent !== last.parent) notModeledHere('a deletion spanning more than one container');
  // Across paragraphs: the first's head and the last's tail join in one paragraph (guess: with
  // the last paragraph's style, whose newline survives); whatever lies between goes.
  const [head] = splitAtoms(atomsOf(first.node), start - first.start);
  const [, tail] = splitAtoms(atomsOf(last.node), end - last.start);
  setAtoms(last.node, [...head, ...tail]);
  if (first.node.sectionBreakBefore) last.node.sectionBreakBefore = first.node.sectionBreakBefore;
  else delete last.node.sectionBreakBefore;
  removeBlocks(first.parent, first.node, last.node);
  return {};
}

function replaceAllText(content: DocumentContent, r: Json): Reply {
  const contains = (r.containsText ?? {}) as Json;
  if (typeof contains.text !== 'string' || contains.text === '')
    invalid('The text to search for must not be empty.');
  const replacement = stripped(typeof r.replaceText === 'string' ? r.replaceText : '');
  const needle = contains.matchCase ? contains.text : contains.text.toLowerCase();
  let changed = 0;
  for (const section of content.sections()) {
    for (const p of allParagraphs(section.children)) {
      const hay = contains.matchCase ? searchableText(p) : searchableText(p).toLowerCase();
      const hits: number[] = [];
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) hits.push(i);
      for (const at of hits.reverse()) {
        const style = styleForInsert(p, at + 1);
        deleteUnits(p, at, at + needle.length);
        if (replacement !== '') insertAtoms(p, at, [{ text: replacement.replace(/\n/g, '\r'), style }]);
      }
      changed += hits.length;
    }
  }
  return { replaceAllText: { occurrencesChanged: changed } };
}

function allParagraphs(blocks: readonly (ParagraphNode | TableNode)[]): ParagraphNode[] {
  return blocks.flatMap((b) =>
    b.kind === 'table' ? b.rows.flatMap((row) => row.cells.flatMap((c) => allParagraphs(c.children))) : [b],
  );
}

// ---- styles ----------------------------------------------------------------------------------

function updateTextStyle(content: DocumentContent, r: Json): Reply {
  const fields = fieldsOf(r.fields);
  const patch = textPatch((r.textStyle ?? {}) as Json, fields, invalid);
  const { start, end, layout } = rangeOf(content, r);
  for (const p of overlapping(layout, start, end)) {
    const from = Math.max(start, p.start) - p.start;
    const to = Math.min(end, p.end - 1) - p.start;
    if (to > from) styleUnits(p.node, from, to, patch);
    // A range covering the newline styles the paragraph mark too.
    if (end >= p.end) p.node.endStyle = patchStyle(p.node.endStyle, patch);
  }
  return {};
}

function updateParagraphStyle(content: DocumentContent, r: Json): Reply {
  const fields = fieldsOf(r.fields);
  const { start, end, layout } = rangeOf(content, r);
  for (const p of overlapping(layout, start, end))
    paragraphPatch(p.node, (r.paragraphStyle ?? {}) as Json, fields, invalid);
  return {};
}

function updateSectionStyle(content: DocumentContent, r: Json): Reply {
  const fields = fieldsOf(r.fields);
  const { start, end, layout } = rangeOf(content, r);
  const breaks = layout.sectionBreaks;
  breaks.forEach((b, i) => {
    const sectionEnd = i + 1 < breaks.length ? breaks[i + 1].start : (layout.end ?? Infinity);
    if (b.start >= end || sectionEnd <= start) return;
    const style = b.before ? (b.before.sectionBreakBefore ??= {}) : content.firstSection;
    sectionPatch(style, (r.sectionStyle ?? {}) as Json, fields, invalid);
  });
  return {};
}

function pinTableHeaderRows(content: DocumentContent, r: Json): Reply {
  const { table } = tableAt(content, r.tableStartLocation);
  const count = intOf(r.pinnedHeaderRowsCount, 'pinned_header_rows_count');
  if (count < 0 || count > table.rows.length) {
    invalid(`The pinned header rows count must be between 0 and ${table.rows.length}.`);
  }
  if (count === 0) delete table.pinnedHeaderRows;
  else table.pinnedHeaderRows = count;
  return {};
}

function updateTableColumnProperties(content: DocumentContent, r: Json): Reply {
  const { table } = tableAt(content, r.tableStartLocation);
  const fields = fieldsOf(r.fields);
  const columns = Math.max(0, ...table.rows.map((row) => row.cells.length));
  const indices =
    Array.isArray(r.columnIndices) && r.columnIndices.length > 0
      ? r.columnIndices
      : [...Array(columns).keys()];
  for (const i of indices) {
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= columns) {
      invalid(`Column index ${String(i)} is out of range. The table has ${columns} columns.`);
    }
  }
  const width = columnWidthOf((r.tableColumnProperties ?? {}) as Json, fields, invalid);
  for (const i of indices as number[]) table.columnWidths[i] = width;
  return {};
}

function updateTableCellStyle(content: DocumentContent, r: Json): Reply {
  const fields = fieldsOf(r.fields);
  const range = r.tableRange as Json | undefined;
  const cellLoc = (range?.tableCellLocation ?? {}) as Json;
  const { table } = tableAt(content, range ? cellLoc.tableStartLocation : r.tableStartLocation);
  const r0 = range ? intOf(cellLoc.rowIndex, 'row_index') : 0;
  const c0 = range ? intOf(cellLoc.columnIndex, 'column_index') : 0;
  const rows = range ? intOf(range.rowSpan, 'row_span') : table.rows.length;
  const cols = range
    ? intOf(range.columnSpan, 'column_span')
    : Math.max(...table.rows.map((x) => x.cells.length));
  const cells: TableCellNode[] = [];
  for (let ri = r0; ri < r0 + rows; ri++) {
    for (let ci = c0; ci < c0 + cols; ci++) {
      const cell = table.rows[ri]?.cells[ci];
      if (!cell) invalid('The table range is outside the table.');
      cells.push(cell);
    }
  }
  const style = (r.tableCellStyle ?? {}) as Json;
  const border = tableBorderOf(style, fields, invalid);
  if (border !== null) {
    if (range) notModeledHere('borders on part of a table');
    table.borderWidth = border;
  }
  for (const cell of cells) cellPatch(cell.style, style, fields, invalid);
  return {};
}

export type { FieldList };
