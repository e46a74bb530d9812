/**
 * The .docx style sheet: Google Docs' named styles (NORMAL_TEXT, TITLE, SUBTITLE, HEADING1…6 as a
 * new Doc has them, from the document view) instead of docx's defaults (which colour headings
 * blue). Runs also carry their resolved formatting (docx-paragraph.ts), so the file looks the
 * same whatever the style sheet says; the styles matter for Word's navigation pane and for
 * whoever edits the file afterwards.
 */
import type { IStylesOptions } from 'docx';
import type { DocumentModel } from '../services/document';
import type { HeadingName } from '../services/document/enums';
import { NAMED_STYLES } from '../services/document/view';
import { halfPoints, hex, lineTwips, twips } from './docx-units';

/** Docs' defaults: Arial 11, line spacing 1.15, unless the body's attributes say otherwise. */
export function defaultFont(model: DocumentModel): { font: string; size: number } {
  return {
    font: model.bodyTextDefaults.fontFamily ?? 'Arial',
    size: model.bodyTextDefaults.fontSize ?? NAMED_STYLES.NORMAL.fontSize,
  };
}

function headingStyle(heading: HeadingName) {
  const named = NAMED_STYLES[heading];
  const color = hex(named.foregroundColor);
  return {
    run: {
      size: halfPoints(named.fontSize),
      bold: false,
      ...(named.italic ? { italics: true } : {}),
      ...(color ? { color } : {}),
    },
    paragraph: {
      spacing: { before: twips(named.spacingBefore), after: twips(named.spacingAfter) },
      keepNext: true,
      keepLines: true,
    },
  };
}

export function documentStyles(model: DocumentModel): IStylesOptions {
  const { font, size } = defaultFont(model);
  return {
    default: {
      document: {
        run: { font, size: halfPoints(size) },
        paragraph: { spacing: { line: lineTwips(1.15), before: 0, after: 0 } },
      },
      title: headingStyle('TITLE'),
      heading1: headingStyle('HEADING1'),
      heading2: headingStyle('HEADING2'),
      heading3: headingStyle('HEADING3'),
      heading4: headingStyle('HEADING4'),
      heading5: headingStyle('HEADING5'),
      heading6: headingStyle('HEADING6'),
    },
    paragraphStyles: [
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        ...headingStyle('SUBTITLE'),
      },
    ],
  };
}
