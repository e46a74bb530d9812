/**
 * A Docs paragraph (document view) → a docx Paragraph.
 *
 * Paragraph: heading (HEADING1…6 and TITLE as Word's built-in styles, SUBTITLE as "Subtitle"),
 * alignment, start/end indents, first-line indent, spacing before/after, line spacing, direction,
 * list membership, page breaks and horizontal rules (drawn as a bottom border, Word having no
 * inline rule). Docs' first-line indent is measured from the margin, Word's from the start
 * indent: Word firstLine = Docs indentFirstLine − indentStart (negative → hanging).
 * Runs: font family and size, bold, italic, underline, strikethrough, colour, background (as
 * shading, which takes any colour, unlike Word's highlight), super/subscript and links; every run
 * carries its resolved values, so the file does not depend on Word's defaults. Line breaks inside a
 * paragraph ("\r" in Docs) and tabs become Word's <w:br/> and <w:tab/>.
 */
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  LineRuleType,
  PageBreak,
  Paragraph,
  ShadingType,
  Tab,
  TextRun,
  UnderlineType,
} from 'docx';
import type { IParagraphOptions, IRunOptions, ParagraphChild } from 'docx';
import type { ParagraphView, ResolvedTextStyle } from '../services/document';
import type { TextStyle } from '../services/document/model';
import type { AlignmentName, HeadingName } from '../services/document/enums';
import { NAMED_STYLES, resolveText } from '../services/document/view';
import { ListRegistry, listIndents, listLevel } from './docx-lists';
import { halfPoints, hex, lineTwips, twips } from './docx-units';
import { xmlSafe } from './xml-text';

export interface ParagraphEnv {
  lists: ListRegistry;
  /** Text style of the body (Body.setAttributes), for the marks of empty paragraphs. */
  bodyTextDefaults: TextStyle;
}

const HEADINGS: Partial<Record<HeadingName, Pick<IParagraphOptions, 'heading' | 'style'>>> = {
  HEADING1: { heading: HeadingLevel.HEADING_1 },
  HEADING2: { heading: HeadingLevel.HEADING_2 },
  HEADING3: { heading: HeadingLevel.HEADING_3 },
  HEADING4: { heading: HeadingLevel.HEADING_4 },
  HEADING5: { heading: HeadingLevel.HEADING_5 },
  HEADING6: { heading: HeadingLevel.HEADING_6 },
  TITLE: { heading: HeadingLevel.TITLE },
  SUBTITLE: { style: 'Subtitle' },
};

const ALIGNMENTS: Readonly<Record<AlignmentName, IParagraphOptions['alignment']>> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};

/** Run properties for a resolved style; `heading` says which flags its style already sets. */
export function runOptions(s: ResolvedTextStyle, heading: HeadingName): IRunOptions {
  const color = hex(s.foregroundColor);
  const background = hex(s.backgroundColor);
  return {
    font: s.fontFamily,
    size: halfPoints(s.fontSize),
    ...(s.bold ? { bold: true } : {}),
    // A heading style may be italic (HEADING6): an upright run in it must say so.
    ...(s.italic || NAMED_STYLES[heading].italic ? { italics: s.italic } : {}),
    ...(s.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(s.strikethrough ? { strike: true } : {}),
    ...(color ? { color } : {}),
    ...(background ? { shading: { type: ShadingType.CLEAR, fill: background, color: 'auto' } } : {}),
    ...(s.textAlignment === 'SUPERSCRIPT' ? { superScript: true } : {}),
    ...(s.textAlignment === 'SUBSCRIPT' ? { subScript: true } : {}),
  };
}

function textRuns(text: string, options: IRunOptions): TextRun[] {
  return (
    xmlSafe(text)
      // Docs keeps a line break inside a paragraph as "\r" (a pasted vertical tab is one too).
      // eslint-disable-next-line no-control-regex
      .split(/\r\n|[\r\n\u000b]/)
      .map((line, i) => {
        const children: (string | Tab)[] = [];
        line.split('\t').forEach((part, j) => {
          if (j > 0) children.push(new Tab());
          if (part) children.push(part);
        });
        return new TextRun({ ...options, ...(i > 0 ? { break: 1 } : {}), children });
      })
  );
}

/** Only absolute http(s)/mailto links: Word reports a file whose relationship target is not a URI. */
function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return /^(https?|mailto):$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function indent(p: ParagraphView): IParagraphOptions['indent'] {
  const defaults = p.list ? listIndents(p.list.nestingLevel) : null;
  const start = p.explicit.indentStart ?? defaults?.start ?? p.indentStart;
  const firstLine = p.explicit.indentFirstLine ?? defaults?.firstLine ?? p.indentFirstLine;
  const delta = firstLine - start;
  return {
    left: twips(start),
    right: twips(p.indentEnd),
    ...(delta >= 0 ? { firstLine: twips(delta) } : { hanging: twips(-delta) }),
  };
}

export function paragraph(p: ParagraphView, env: ParagraphEnv): Paragraph {
  const children: ParagraphChild[] = [];
  let rule = false;
  for (const item of p.content) {
    if (item.type === 'pageBreak') children.push(new PageBreak());
    else if (item.type === 'horizontalRule') rule = true;
    else {
      const runs = textRuns(item.text, runOptions(item.style, p.heading));
      const link = safeLink(item.style.linkUrl);
      if (link) children.push(new ExternalHyperlink({ link, children: runs }));
      else children.push(...runs);
    }
  }
  // The paragraph mark's formatting sets the height of an empty line.
  const mark = p.runs[0]?.style ?? resolveText(env.bodyTextDefaults, p.heading);
  return new Paragraph({
    children,
    ...(HEADINGS[p.heading] ?? {}),
    alignment: ALIGNMENTS[p.alignment],
    ...(p.leftToRight ? {} : { bidirectional: true }),
    indent: indent(p),
    spacing: {
      before: twips(p.spacingBefore),
      after: twips(p.spacingAfter),
      line: lineTwips(p.lineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    ...(p.list
      ? {
          numbering: { reference: env.lists.reference(p.list.listId), level: listLevel(p.list.nestingLevel) },
        }
      : {}),
    // Docs API pagination (keepWithNext / keepLinesTogether) → w:keepNext / w:keepLines.
    ...(p.keepWithNext ? { keepNext: true } : {}),
    ...(p.keepLinesTogether ? { keepLines: true } : {}),
    ...(rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } } : {}),
    run: runOptions(mark, p.heading),
  });
}
