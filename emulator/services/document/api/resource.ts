/**
 * The Document resource documents.get answers (body only; headers, footers, lists, named styles
 * and inline objects are left out — the product reads back only the body):
 * https://developers.google.com/docs/api/reference/rest/v1/documents#Document
 * A StructuralElement has startIndex (omitted for the body's opening section break, as Google
 * omits a 0), endIndex, and one of sectionBreak, paragraph, table.
 */
import { DocumentContent, ParagraphNode, SectionStyle, TableNode, TextStyle } from '../model';
import { atomsOf } from './paragraph-edit';
import { paragraphUnits } from './indexes';

type Json = Record<string, unknown>;

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

const ALIGN_OUT: Record<string, string> = {
  LEFT: 'START',
  CENTER: 'CENTER',
  RIGHT: 'END',
  JUSTIFY: 'JUSTIFIED',
};
const HEADING_OUT: Record<string, string> = {
  NORMAL: 'NORMAL_TEXT',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
};

export function documentResource(
  id: string,
  title: string,
  content: DocumentContent,
  revisionId: string,
): Json {
  const page = content.page;
  let pos = 1;
  const body: Json[] = [
    { endIndex: 1, sectionBreak: { sectionStyle: sectionStyleOut(content.firstSection) } },
  ];
  const blocks = (children: readonly (ParagraphNode | TableNode)[], out: Json[]) => {
    for (const b of children) {
      if (b.kind === 'table') out.push(tableOut(b));
      else {
        if (b.sectionBreakBefore) {
          out.push({
            startIndex: pos,
            endIndex: pos + 1,
            sectionBreak: { sectionStyle: sectionStyleOut(b.sectionBreakBefore) },
          });
          pos += 1;
        }
        out.push(paragraphOut(b));
      }
    }
  };
  const paragraphOut = (p: ParagraphNode): Json => {
    const start = pos;
    const elements: Json[] = [];
    for (const a of atomsOf(p)) {
      if ('kind' in a) {
        elements.push({ startIndex: pos, endIndex: pos + 1, pageBreak: {} });
        pos += 1;
      } else {
        elements.push({
          startIndex: pos,
          endIndex: pos + a.text.length,
          textRun: { content: a.text, textStyle: textStyleOut(a.style) },
        });
        pos += a.text.length;
      }
    }
    elements.push({
      startIndex: pos,
      endIndex: pos + 1,
      textRun: { content: '\n', textStyle: textStyleOut(p.endStyle) },
    });
    pos += 1;
    if (pos - start !== paragraphUnits(p)) throw new Error('Emulator: paragraph index mismatch');
    return {
      startIndex: start,
      endIndex: pos,
      paragraph: { elements, paragraphStyle: paragraphStyleOut(p) },
    };
  };
  const tableOut = (t: TableNode): Json => {
    const start = pos;
    pos += 1;
    const columns = Math.max(0, ...t.rows.map((r) => r.cells.length));
    const tableRows = t.rows.map((row, ri) => {
      const rowStart = pos;
      pos += 1;
      const tableCells = row.cells.map((cell) => {
        const cellStart = pos;
        pos += 1;
        const content: Json[] = [];
        blocks(cell.children, content);
        return {
          startIndex: cellStart,
          endIndex: pos,
          content,
          tableCellStyle: { rowSpan: cell.rowSpan, columnSpan: cell.colSpan },
        };
      });
      return {
        startIndex: rowStart,
        endIndex: pos,
        tableCells,
        tableRowStyle: { ...(ri < (t.pinnedHeaderRows ?? 0) ? { tableHeader: true } : {}) },
      };
    });
    const tableColumnProperties = Array.from({ length: columns }, (_, i) => {
      const w = t.columnWidths[i];
      return w === undefined
        ? { widthType: 'EVENLY_DISTRIBUTED' }
        : { widthType: 'FIXED_WIDTH', width: pt(w) };
    });
    return {
      startIndex: start,
      endIndex: pos,
      table: { rows: t.rows.length, columns, tableRows, tableStyle: { tableColumnProperties } },
    };
  };
  blocks(content.body.children, body);
  return {
    title,
    body: { content: body },
    documentStyle: {
      pageSize: { width: pt(page.width), height: pt(page.height) },
      marginTop: pt(page.marginTop),
      marginBottom: pt(page.marginBottom),
      marginLeft: pt(page.marginLeft),
      marginRight: pt(page.marginRight),
    },
    revisionId,
    documentId: id,
  };
}

function sectionStyleOut(s: SectionStyle): Json {
  return {
    sectionType: s.sectionType ?? 'CONTINUOUS',
    ...(s.flipPageOrientation ? { flipPageOrientation: true } : {}),
  };
}

function paragraphStyleOut(p: ParagraphNode): Json {
  const s = p.style;
  const out: Json = { namedStyleType: HEADING_OUT[s.heading ?? 'NORMAL'] };
  if (s.alignment) out.alignment = ALIGN_OUT[s.alignment];
  if (s.spacingBefore !== undefined) out.spaceAbove = pt(s.spacingBefore);
  if (s.spacingAfter !== undefined) out.spaceBelow = pt(s.spacingAfter);
  if (s.lineSpacing !== undefined) out.lineSpacing = Math.round(s.lineSpacing * 100);
  if (s.indentStart !== undefined) out.indentStart = pt(s.indentStart);
  if (s.indentEnd !== undefined) out.indentEnd = pt(s.indentEnd);
  if (s.indentFirstLine !== undefined) out.indentFirstLine = pt(s.indentFirstLine);
  if (p.keep?.withNext) out.keepWithNext = true;
  if (p.keep?.linesTogether) out.keepLinesTogether = true;
  return out;
}

function textStyleOut(s: TextStyle): Json {
  const out: Json = {};
  if (s.bold) out.bold = true;
  if (s.italic) out.italic = true;
  if (s.underline) out.underline = true;
  if (s.strikethrough) out.strikethrough = true;
  if (s.fontSize !== undefined) out.fontSize = pt(s.fontSize);
  if (s.fontFamily !== undefined) out.weightedFontFamily = { fontFamily: s.fontFamily, weight: 400 };
  if (s.linkUrl) out.link = { url: s.linkUrl };
  return out;
}
