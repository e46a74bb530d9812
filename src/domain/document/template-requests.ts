import { TableRowSpec } from './doc-spec';
import { DocsRequest, tableAt } from './docs-requests';
import { TABLE_MARKER } from './placeholders';

/**
 * The office's own template (a Google Doc with {{…}} placeholders) filled through one Docs API
 * documents.batchUpdate sent to a copy of it, doing what the DocumentApp path does
 * (src/gas/fill-template.ts) — same text, same tables:
 *
 * - a placeholder in the body is replaced where documents.get found it in the template (the copy
 *   has the same indexes): the value inserted after the placeholder's first character, so it takes
 *   that character's formatting ("the text style of inserted text will be determined
 *   automatically, generally preserving the styling of neighboring text"), then the placeholder's
 *   characters deleted. A value of several lines is inserted with its newlines: "Inserting a
 *   newline character will implicitly create a new Paragraph at that index. The paragraph style of
 *   the new paragraph will be copied from the paragraph at the current insertion index, including
 *   lists and bullets" — the copies of the placeholder's paragraph DocumentApp makes.
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#inserttextrequest
 * - {{BANG_NHIEM_VU}} is deleted and the task table inserted where it stood: "A newline character
 *   will be inserted before the inserted table", so the marker's paragraph is split around the
 *   table (text before it stays before, text after it goes after; each an empty paragraph when the
 *   marker stood alone). The newline before a table cannot be deleted ("Deleting the newline
 *   character before a Table … without deleting the element" is refused, DeleteContentRangeRequest),
 *   so the DocumentApp path splits the paragraph the same way.
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#inserttablerequest
 * - a placeholder that also stands in a header or footer is replaced everywhere by one
 *   replaceAllText (matchCase), sent first: before any value is written, so no value a unit typed
 *   — which may itself hold "{{…}}" — is searched. Body edits after it use indexes shifted by what
 *   it changed, and go from the last to the first, so each edit leaves the indexes of the ones
 *   still to come as documents.get gave them ("edit backwards").
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#replacealltextrequest
 *   https://developers.google.com/docs/api/how-tos/best-practices#edit_backwards_for_efficiency
 */

/** The parts of a documents.get Document this reads (body only; headers are read by DocumentApp). */
interface ApiStructuralElement {
  readonly startIndex?: number;
  readonly endIndex?: number;
  readonly paragraph?: { readonly elements?: readonly ApiParagraphElement[] };
  readonly table?: {
    readonly tableRows?: readonly {
      readonly tableCells?: readonly { readonly content?: readonly ApiStructuralElement[] }[];
    }[];
  };
}

interface ApiParagraphElement {
  readonly startIndex?: number;
  readonly endIndex?: number;
  readonly textRun?: { readonly content?: string };
}

export interface TemplateBody {
  readonly content: readonly ApiStructuralElement[];
}

interface TemplateTable {
  readonly rows: readonly TableRowSpec[];
  readonly widths: readonly number[];
}

/** One {{…}} of the body, as found in its text block. */
interface Spot {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly literal: string;
  readonly name: string;
  /** In a paragraph of the body itself (not in a table cell). */
  readonly topLevel: boolean;
}

/** Any placeholder inside one text block, as fill-template.ts's findText pattern. */
const ANY_PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const nameOf = (literal: string) => literal.slice(2, -2).trim();

/**
 * "Some control characters (U+0000-U+0008, U+000C-U+001F) and characters from the Unicode Basic
 * Multilingual Plane Private Use Area (U+E000-U+F8FF) will be stripped out of the inserted text"
 * (InsertTextRequest): stripped here first, so the lengths the later indexes are computed from are
 * the lengths Docs inserts.
 */
export function insertableText(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    const dropped =
      code <= 0x08 || (code >= 0x0c && code <= 0x1f && code !== 0x0a) || (code >= 0xe000 && code <= 0xf8ff);
    if (!dropped) out += c;
  }
  return out;
}

/**
 * Placeholders of the body, in document order: each paragraph's text runs are searched block by
 * block — runs that follow each other without another element (a page break, an image) between
 * them, as DocumentApp's Text elements are — without the paragraph's newline.
 */
export function bodySpots(body: TemplateBody): Spot[] {
  const spots: Spot[] = [];
  const walk = (content: readonly ApiStructuralElement[], topLevel: boolean) => {
    for (const element of content) {
      if (element.paragraph) paragraphSpots(element.paragraph.elements ?? [], topLevel, spots);
      for (const row of element.table?.tableRows ?? []) {
        for (const cell of row.tableCells ?? []) walk(cell.content ?? [], false);
      }
    }
  };
  walk(body.content, true);
  return spots;
}

function paragraphSpots(elements: readonly ApiParagraphElement[], topLevel: boolean, out: Spot[]): void {
  let block = '';
  let blockStart = -1;
  const flush = () => {
    const text = block.endsWith('\n') ? block.slice(0, -1) : block;
    const pattern = new RegExp(ANY_PLACEHOLDER.source, 'g');
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = blockStart + m.index;
      out.push({ start, end: start + m[0].length, literal: m[0], name: nameOf(m[0]), topLevel });
    }
    block = '';
    blockStart = -1;
  };
  for (const e of elements) {
    if (e.textRun && typeof e.textRun.content === 'string' && typeof e.startIndex === 'number') {
      if (blockStart < 0) blockStart = e.startIndex;
      block += e.textRun.content;
    } else {
      flush();
    }
  }
  flush();
}

/**
 * What a replaceAllText must answer (its reply's occurrencesChanged) for the copy to be right: the
 * occurrences the template holds. Whether replaceAllText reaches headers and footers is not said
 * in so many words ("Replaces all instances of text matching a criteria"; the merge guide replaces
 * "across all tabs"): a copy where it changed another count is not kept (docs-batch.ts).
 */
export interface ReplyCheck {
  /** The request's index in the batch. */
  readonly index: number;
  readonly occurrences: number;
}

export type TemplateFill =
  | { readonly requests: DocsRequest[]; readonly checks: ReplyCheck[] }
  /** Placeholders that cannot be filled (a name without value, the marker with no table). */
  | { readonly left: string[] }
  /** What this way cannot make exactly as DocumentApp does: the caller uses DocumentApp. */
  | { readonly decline: string };

/**
 * The batchUpdate requests that fill a copy of the template whose body documents.get read as
 * `body`. `elsewhere` holds the placeholders (as written, "{{ nam }}") that stand in a header or
 * footer, once per occurrence; `values` the value of every name used; `table` the task table.
 */
export function templateRequests(
  body: TemplateBody,
  elsewhere: readonly string[],
  values: ReadonlyMap<string, string>,
  table: TemplateTable | null,
): TemplateFill {
  const spots = bodySpots(body);
  const unfillable = (name: string, inBody: boolean) =>
    name === TABLE_MARKER ? table === null || !inBody : !values.has(name);
  const left = [
    ...spots.filter((s) => unfillable(s.name, true)).map((s) => s.name),
    ...elsewhere.map(nameOf).filter((n) => unfillable(n, false)),
  ];
  if (left.length > 0) return { left: left.filter((n, i) => left.indexOf(n) === i) };

  const everywhere = new Set(elsewhere);
  const requests: DocsRequest[] = [];
  const checks: ReplyCheck[] = [];
  for (const literal of everywhere) {
    const raw = values.get(nameOf(literal)) ?? '';
    const value = insertableText(raw);
    if (/[\r\n]/.test(raw) || value.includes('{{')) {
      return { decline: `giá trị của ${literal} ở đầu trang hoặc chân trang có nhiều dòng hoặc chứa "{{"` };
    }
    const occurrences = [...spots, ...elsewhere.map((l) => ({ literal: l }))].filter(
      (x) => x.literal === literal,
    );
    checks.push({ index: requests.length, occurrences: occurrences.length });
    requests.push({
      replaceAllText: { containsText: { text: literal, matchCase: true }, replaceText: value },
    });
  }

  // What the replaceAllText requests changed before each body index.
  const replaced = spots.filter((s) => everywhere.has(s.literal));
  const shift = (index: number) =>
    replaced
      .filter((r) => r.start < index)
      .reduce((sum, r) => sum + insertableText(values.get(r.name) ?? '').length - r.literal.length, 0);

  const edits = spots.filter((s) => !everywhere.has(s.literal)).reverse();
  for (const spot of edits) {
    const start = spot.start + shift(spot.start);
    const end = start + spot.literal.length;
    if (spot.name === TABLE_MARKER) {
      if (!spot.topLevel) return { decline: `{{${TABLE_MARKER}}} nằm trong bảng` };
      requests.push(deleteRange(start, end));
      tableAt(requests, start, table!.rows, table!.widths);
    } else {
      replaceKeepingFormat(requests, start, end, values.get(spot.name) ?? '');
    }
  }
  // Nothing to fill: Docs refuses an empty batchUpdate; a plain copy is DocumentApp's to make.
  if (requests.length === 0) return { decline: 'mẫu không có trường nào để điền' };
  return { requests, checks };
}

function deleteRange(startIndex: number, endIndex: number): DocsRequest {
  return { deleteContentRange: { range: { startIndex, endIndex } } };
}

/**
 * The value goes in after the placeholder's first character (taking its formatting), then the
 * placeholder's other characters and its first go; lines become paragraphs (see above).
 */
function replaceKeepingFormat(requests: DocsRequest[], start: number, end: number, raw: string): void {
  const value = insertableText(raw.split(/\r\n|\r|\n/).join('\n'));
  if (value === '') {
    requests.push(deleteRange(start, end));
    return;
  }
  requests.push({ insertText: { location: { index: start + 1 }, text: value } });
  requests.push(deleteRange(start + 1 + value.length, end + value.length));
  requests.push(deleteRange(start, start + 1));
}
