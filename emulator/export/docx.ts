/**
 * A Docs document (the emulator's document view) → a .docx file (docx library).
 *
 * Kept: page size (orientation from its shape) and margins, Docs' header/footer distance (36 pt),
 * headers and footers, paragraphs with their formatting and runs (docx-paragraph.ts), lists
 * (docx-lists.ts), tables (docx-table.ts), page breaks, the named styles (docx-styles.ts).
 * Not kept: images, drawings, footnotes, bookmarks, comments, tables of contents, equations and
 * other elements the emulator does not model; first-page or even-page headers (Docs' options for
 * them are not in the model either).
 */
import { Document, Footer, Header, Packer, PageOrientation, Paragraph, SectionType, Table } from 'docx';
import type { ISectionOptions } from 'docx';
import type { BlockView, DocumentModel } from '../services/document';
import type { SectionStyle } from '../services/document/model';
import { ListRegistry } from './docx-lists';
import { paragraph, ParagraphEnv } from './docx-paragraph';
import { documentStyles } from './docx-styles';
import { table } from './docx-table';
import { twips } from './docx-units';
import { xmlSafe } from './xml-text';

/** Docs' distance from the page edge to the header and to the footer (points). */
const HEADER_DISTANCE = 36;

function blocksWriter(env: ParagraphEnv) {
  const write = (blocks: readonly BlockView[], widthPt: number): (Paragraph | Table)[] => {
    const out: (Paragraph | Table)[] = [];
    for (const b of blocks) {
      if (b.type !== 'table') out.push(paragraph(b, env));
      else {
        const t = table(b, widthPt, write);
        if (t) out.push(t);
      }
    }
    return out;
  };
  return write;
}

/** Section content must not be empty: Word wants at least one paragraph. */
function nonEmpty(children: (Paragraph | Table)[]): (Paragraph | Table)[] {
  return children.length > 0 ? children : [new Paragraph({})];
}

/**
 * The body cut where the Docs API put section breaks: each part with the style its break gave
 * (the first with the document's first-section style).
 */
function bodySections(model: DocumentModel): { style: SectionStyle; blocks: BlockView[] }[] {
  const parts = [{ style: model.firstSection ?? {}, blocks: [] as BlockView[] }];
  for (const b of model.body) {
    if (b.type !== 'table' && b.sectionBreakBefore) parts.push({ style: b.sectionBreakBefore, blocks: [] });
    parts[parts.length - 1].blocks.push(b);
  }
  return parts;
}

function section(
  model: DocumentModel,
  env: ParagraphEnv,
  style: SectionStyle,
  blocks: BlockView[],
  first: boolean,
): ISectionOptions {
  // A flipped section turns the document's page: width and height swapped (Docs API
  // SectionStyle.flipPageOrientation), margins kept as they are.
  const page = style.flipPageOrientation
    ? { ...model.page, width: model.page.height, height: model.page.width }
    : model.page;
  const write = blocksWriter(env);
  const width = page.width - page.marginLeft - page.marginRight;
  const landscape = page.width > page.height;
  return {
    properties: {
      page: {
        // docx swaps width and height for landscape: give it the portrait pair.
        size: {
          width: twips(landscape ? page.height : page.width),
          height: twips(landscape ? page.width : page.height),
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: twips(page.marginTop),
          bottom: twips(page.marginBottom),
          left: twips(page.marginLeft),
          right: twips(page.marginRight),
          header: twips(HEADER_DISTANCE),
          footer: twips(HEADER_DISTANCE),
        },
      },
    },
    ...(first
      ? {}
      : { type: style.sectionType === 'CONTINUOUS' ? SectionType.CONTINUOUS : SectionType.NEXT_PAGE }),
    ...(model.header
      ? { headers: { default: new Header({ children: nonEmpty(write(model.header, width)) }) } }
      : {}),
    ...(model.footer
      ? { footers: { default: new Footer({ children: nonEmpty(write(model.footer, width)) }) } }
      : {}),
    children: nonEmpty(write(blocks, width)),
  };
}

export function buildDocument(model: DocumentModel): Document {
  const lists = new ListRegistry();
  for (const part of [model.body, model.header, model.footer]) if (part) lists.collect(part);
  const env: ParagraphEnv = { lists, bodyTextDefaults: model.bodyTextDefaults };
  return new Document({
    title: xmlSafe(model.name),
    creator: 'cchc-workspace emulator',
    styles: documentStyles(model),
    numbering: lists.numbering(),
    sections: bodySections(model).map((part, i) => section(model, env, part.style, part.blocks, i === 0)),
  });
}

export async function writeDocx(model: DocumentModel): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(model));
}
