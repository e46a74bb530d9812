import { DocBlock, DocSpec, Para, PARA_STYLES, TableRowSpec, TABLE_TEXT_SIZE } from './doc-spec';
import { FONT_FAMILY, PAGE } from './official-format';

/**
 * A DocSpec as one Docs API documents.batchUpdate (requests only; src/gas/docs-api.ts sends it)
 * for a copy of the office's layout template: a document holding one empty paragraph, its page
 * already A4 with Nghị định 30's margins.
 *
 * Every block is inserted at index 1, last block first: what is inserted pushes what was inserted
 * before it down, so each block's indexes are known when it is inserted (1 and on) and it is
 * styled at once — no running index to keep right across hundreds of requests.
 * https://developers.google.com/docs/api/how-tos/best-practices#edit_backwards_for_efficiency
 *
 * What DocumentApp cannot do and this does: the page break before Phụ lục II becomes a section
 * break whose section is turned landscape (flipPageOrientation), the appendix table gets the
 * landscape text width and its header row repeated on every page (pinTableHeaderRows); columns of
 * amounts are widened until the longest amount fits on one line; the signature paragraphs keep with
 * the signer's name (keepWithNext, keepLinesTogether) so the block is never split across pages.
 */
export type DocsRequest = Record<string, unknown>;

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex });

const ALIGN = { left: 'START', center: 'CENTER', right: 'END', justify: 'JUSTIFIED' } as const;

/** Text width of a landscape A4 page with the same margins (left/right stay left/right). */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.marginLeft - PAGE.marginRight;

/** Cell padding Docs gives a table by default, each side (points). */
const CELL_PADDING = 5;
/**
 * Width of one character of an amount ("1.250.000.000") in the table font: Times New Roman's
 * digits are 0.5 em, its period 0.25 em; 0.5 em for every character keeps a margin.
 */
const AMOUNT_CHAR_EM = 0.5;
const AMOUNT = /^[\d.,\s]+$/;

/** Which paragraph roles belong to the signature and must stay with the signer's name. */
const SIGNATURE_ROLES = new Set(['signer-authority', 'signer-title', 'signer-space']);

interface DocsBuild {
  readonly requests: DocsRequest[];
  /** Whether the appendix went into its own landscape section. */
  readonly landscapeAppendix: boolean;
}

export function docsRequests(spec: DocSpec): DocsBuild {
  const requests: DocsRequest[] = [];
  // Whether the paragraph at index 1 is an empty one this build may write into (the template's
  // only paragraph at first; the one a table or section break leaves before itself later).
  let emptyAtOne = true;
  const breakAt = spec.blocks.findIndex((b) => b.kind === 'pageBreak');
  const lastBreak =
    spec.blocks.length - 1 - [...spec.blocks].reverse().findIndex((b) => b.kind === 'pageBreak');
  const landscapeFrom = breakAt >= 0 ? lastBreak : spec.blocks.length;

  for (let i = spec.blocks.length - 1; i >= 0; i--) {
    const block: DocBlock = spec.blocks[i];
    if (block.kind === 'para') {
      paragraphAtOne(requests, block.para, emptyAtOne);
      emptyAtOne = false;
    } else if (block.kind === 'table') {
      const widths = i > landscapeFrom ? landscapeWidths(block.widths, block.rows) : [...block.widths];
      tableAt(requests, 1, block.rows, widths);
      emptyAtOne = true;
    } else if (block.kind === 'columns') {
      columnsAtOne(requests, block);
      emptyAtOne = true;
    } else if (i === landscapeFrom) {
      // "A newline character will be inserted before the section break": the break sits at 2.
      requests.push({ insertSectionBreak: { location: { index: 1 }, sectionType: 'NEXT_PAGE' } });
      requests.push({
        updateSectionStyle: {
          range: range(2, 3),
          sectionStyle: { flipPageOrientation: true },
          fields: 'flipPageOrientation',
        },
      });
      emptyAtOne = true;
    } else {
      requests.push({ insertPageBreak: { location: { index: 1 } } });
      emptyAtOne = false;
    }
  }
  if (emptyAtOne) {
    // A document cannot start with a table through the API (a newline always goes before it):
    // the paragraph left there is made as small as a paragraph can be.
    requests.push({
      updateParagraphStyle: {
        range: range(1, 2),
        paragraphStyle: { spaceAbove: pt(0), spaceBelow: pt(0), lineSpacing: 100 },
        fields: 'spaceAbove,spaceBelow,lineSpacing',
      },
    });
    requests.push({
      updateTextStyle: { range: range(1, 2), textStyle: { fontSize: pt(1) }, fields: 'fontSize' },
    });
  }
  return { requests, landscapeAppendix: landscapeFrom < spec.blocks.length };
}

function paragraphStyle(para: Para): DocsRequest {
  const s = PARA_STYLES[para.role];
  return {
    alignment: ALIGN[s.align],
    indentFirstLine: pt(s.indentFirstLine),
    spaceAbove: pt(s.spacingBefore),
    spaceBelow: pt(s.spacingAfter),
    lineSpacing: 115,
    keepWithNext: SIGNATURE_ROLES.has(para.role),
    keepLinesTogether: SIGNATURE_ROLES.has(para.role) || para.role === 'signer-name',
  };
}

const PARAGRAPH_FIELDS =
  'alignment,indentFirstLine,spaceAbove,spaceBelow,lineSpacing,keepWithNext,keepLinesTogether';

function textStyle(size: number, bold: boolean, italic: boolean): DocsRequest {
  return { weightedFontFamily: { fontFamily: FONT_FAMILY }, fontSize: pt(size), bold, italic };
}

const TEXT_FIELDS = 'weightedFontFamily,fontSize,bold,italic';

/** Styles for paragraphs laid out from `start`, one per para (each text + its newline). */
function styleParas(requests: DocsRequest[], paras: readonly Para[], start: number): void {
  let at = start;
  for (const para of paras) {
    const s = PARA_STYLES[para.role];
    const end = at + para.text.length;
    requests.push({
      updateParagraphStyle: {
        range: range(at, end + 1),
        paragraphStyle: paragraphStyle(para),
        fields: PARAGRAPH_FIELDS,
      },
    });
    requests.push({
      updateTextStyle: {
        range: range(at, end + 1),
        textStyle: textStyle(s.size, s.bold, s.italic),
        fields: TEXT_FIELDS,
      },
    });
    at = end + 1;
  }
}

/**
 * One paragraph at index 1: into the empty paragraph there, or as a new paragraph before what is
 * there (its text and a newline). The body's last block fills the template's own paragraph.
 */
function paragraphAtOne(requests: DocsRequest[], para: Para, emptyAtOne: boolean): void {
  const text = emptyAtOne ? para.text : `${para.text}\n`;
  if (text !== '') requests.push({ insertText: { location: { index: 1 }, text } });
  styleParas(requests, [para], 1);
}

/**
 * A bordered table inserted at `index` (Docs puts a newline before it, so it starts at index + 1),
 * its cells filled last cell first so the empty table's indexes hold for every insertion, then
 * styled with the filled table's indexes: the table font and size, rows other than tasks in bold
 * (as render-doc.ts formats a table through DocumentApp), its header row repeated on every page.
 * Changes no index before `index`.
 */
export function tableAt(
  requests: DocsRequest[],
  index: number,
  rows: readonly TableRowSpec[],
  widths: readonly number[],
): void {
  const columns = widths.length;
  requests.push({ insertTable: { location: { index }, rows: rows.length, columns } });
  const start = index + 1;
  // Empty table: row r starts at start + 1 + r * (1 + 2 * columns); its cell c's paragraph at
  // rowStart + 2 + 2c.
  for (let r = rows.length - 1; r >= 0; r--) {
    for (let c = columns - 1; c >= 0; c--) {
      const text = rows[r].cells[c] ?? '';
      const index = start + 1 + r * (1 + 2 * columns) + 2 + 2 * c;
      if (text !== '') requests.push({ insertText: { location: { index }, text } });
    }
  }
  // Filled: walk the cells to find each row's text range.
  let pos = start + 1;
  rows.forEach((row) => {
    const rowStart = pos;
    pos += 1;
    for (let c = 0; c < columns; c++) pos += 1 + (row.cells[c] ?? '').length + 1;
    const bold = row.kind !== 'task';
    requests.push({
      updateTextStyle: {
        range: range(rowStart + 2, pos),
        textStyle: textStyle(TABLE_TEXT_SIZE, bold, false),
        fields: TEXT_FIELDS,
      },
    });
  });
  tableFrame(requests, start, widths, true);
  if (rows[0]?.kind === 'header') {
    requests.push({ pinTableHeaderRows: { tableStartLocation: { index: start }, pinnedHeaderRowsCount: 1 } });
  }
}

function tableFrame(
  requests: DocsRequest[],
  start: number,
  widths: readonly number[],
  bordered: boolean,
): void {
  widths.forEach((w, c) => {
    requests.push({
      updateTableColumnProperties: {
        tableStartLocation: { index: start },
        columnIndices: [c],
        tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(Math.round(w * 10) / 10) },
        fields: 'width,widthType',
      },
    });
  });
  const border = { width: pt(bordered ? 1 : 0), dashStyle: 'SOLID', color: { color: { rgbColor: {} } } };
  requests.push({
    updateTableCellStyle: {
      tableStartLocation: { index: start },
      tableCellStyle: { borderLeft: border, borderRight: border, borderTop: border, borderBottom: border },
      fields: 'borderLeft,borderRight,borderTop,borderBottom',
    },
  });
}

/** A borderless one-row table of two cells, each holding its paragraphs (header, signature). */
function columnsAtOne(requests: DocsRequest[], block: Extract<DocBlock, { kind: 'columns' }>): void {
  requests.push({ insertTable: { location: { index: 1 }, rows: 1, columns: 2 } });
  const start = 2;
  const cellText = (paras: readonly Para[]) => paras.map((p) => p.text).join('\n');
  const [left, right] = [cellText(block.left), cellText(block.right)];
  // Empty 1×2 table at 2: row 3, cell 4 → paragraph 5, cell 6 → paragraph 7.
  if (right !== '') requests.push({ insertText: { location: { index: 7 }, text: right } });
  if (left !== '') requests.push({ insertText: { location: { index: 5 }, text: left } });
  styleParas(requests, block.left, 5);
  styleParas(requests, block.right, 5 + left.length + 1 + 1);
  tableFrame(requests, start, block.widths, false);
}

/**
 * The appendix table's widths on a landscape page: the portrait shares scaled to the landscape
 * text width, then every column holding amounts widened until its longest amount fits on one
 * line (taken from the widest column), so "1.250.000.000" never wraps.
 */
function landscapeWidths(portrait: readonly number[], rows: readonly TableRowSpec[]): number[] {
  const total = portrait.reduce((s, w) => s + w, 0);
  const widths = portrait.map((w) => (w / total) * LANDSCAPE_TEXT_WIDTH);
  widths.forEach((w, c) => {
    // Amounts must not wrap; words in the same column (e.g. "Lồng ghép") may.
    const amounts = rows
      .filter((r) => r.kind !== 'header')
      .map((r) => (r.cells[c] ?? '').trim())
      .filter((t) => t !== '' && AMOUNT.test(t) && /\d/.test(t));
    if (amounts.length === 0) return;
    const need = amountWidth(Math.max(...amounts.map((t) => t.length)));
    if (need <= w) return;
    const donor = widths.indexOf(Math.max(...widths));
    widths[donor] -= need - w;
    widths[c] = need;
  });
  return widths;
}

/** Points a cell needs to hold `chars` characters of an amount on one line. */
export function amountWidth(chars: number): number {
  return chars * AMOUNT_CHAR_EM * TABLE_TEXT_SIZE + 2 * CELL_PADDING;
}
