/**
 * Docs lists → Word numbering. Each Docs list (list id) becomes its own Word list, so numbering
 * starts again at 1 where Docs starts it again; each nesting level takes the glyph its items show
 * (the first item seen at that level decides). Indents follow Docs' defaults for list items:
 * text at 36 pt per level, the glyph 18 pt to its left.
 */
import { AlignmentType, LevelFormat } from 'docx';
import type { ILevelsOptions, INumberingOptions } from 'docx';
import type { BlockView } from '../services/document';
import type { GlyphTypeName } from '../services/document/enums';
import { twips } from './docx-units';

const LEVELS = 9;

const GLYPHS: Readonly<
  Record<GlyphTypeName, { format: ILevelsOptions['format']; text: (n: number) => string }>
> = {
  BULLET: { format: LevelFormat.BULLET, text: () => '\u25CF' },
  HOLLOW_BULLET: { format: LevelFormat.BULLET, text: () => '\u25CB' },
  SQUARE_BULLET: { format: LevelFormat.BULLET, text: () => '\u25A0' },
  NUMBER: { format: LevelFormat.DECIMAL, text: (n) => `%${n}.` },
  LATIN_UPPER: { format: LevelFormat.UPPER_LETTER, text: (n) => `%${n}.` },
  LATIN_LOWER: { format: LevelFormat.LOWER_LETTER, text: (n) => `%${n}.` },
  ROMAN_UPPER: { format: LevelFormat.UPPER_ROMAN, text: (n) => `%${n}.` },
  ROMAN_LOWER: { format: LevelFormat.LOWER_ROMAN, text: (n) => `%${n}.` },
};

/** Word has nine list levels (0–8); Docs nests as deep, but a bad model must not break the file. */
export function listLevel(nestingLevel: number): number {
  return Math.min(Math.max(Math.trunc(nestingLevel), 0), LEVELS - 1);
}

/** Docs' default indents of a list item at `level` (points): text start and first line. */
export function listIndents(level: number): { start: number; firstLine: number } {
  const start = 36 * (level + 1);
  return { start, firstLine: start - 18 };
}

export class ListRegistry {
  private readonly glyphs = new Map<string, (GlyphTypeName | undefined)[]>();

  /** Records every list item of `blocks` (tables included), before any paragraph is built. */
  collect(blocks: readonly BlockView[]): void {
    for (const b of blocks) {
      if (b.type === 'table') {
        for (const row of b.rows) for (const cell of row.cells) this.collect(cell.children);
      } else if (b.list) {
        const levels = this.glyphs.get(b.list.listId) ?? new Array<GlyphTypeName | undefined>(LEVELS);
        const level = listLevel(b.list.nestingLevel);
        levels[level] ??= b.list.glyphType;
        this.glyphs.set(b.list.listId, levels);
      }
    }
  }

  /** The numbering reference of a Docs list id. */
  reference(listId: string): string {
    return `list-${[...this.glyphs.keys()].indexOf(listId) + 1}`;
  }

  numbering(): INumberingOptions {
    return {
      config: [...this.glyphs.entries()].map(([listId, levels]) => {
        const first = levels.find((g) => g !== undefined) ?? 'BULLET';
        return {
          reference: this.reference(listId),
          levels: Array.from({ length: LEVELS }, (_, level): ILevelsOptions => {
            const glyph = GLYPHS[levels[level] ?? first];
            const { start, firstLine } = listIndents(level);
            return {
              level,
              format: glyph.format,
              text: glyph.text(level + 1),
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: twips(start), hanging: twips(start - firstLine) } } },
            };
          }),
        };
      }),
    };
  }
}
