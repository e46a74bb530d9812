/**
 * DocumentApp's enums. Values are objects (support/enums GasEnumValue), as in Apps Script, so code
 * that compares an enum with a string literal fails here as it would there.
 * https://developers.google.com/apps-script/reference/document/attribute (and siblings)
 */
import { enumName, GasEnumValue, makeEnum } from '../support/enums';

export const ATTRIBUTE_NAMES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const;
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

export const ELEMENT_TYPE_NAMES = [
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
] as const;
export type ElementTypeName = (typeof ELEMENT_TYPE_NAMES)[number];

export const HEADING_NAMES = [
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
] as const;
export type HeadingName = (typeof HEADING_NAMES)[number];

export const ALIGNMENT_NAMES = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const;
export type AlignmentName = (typeof ALIGNMENT_NAMES)[number];

export const VERTICAL_ALIGNMENT_NAMES = ['BOTTOM', 'CENTER', 'TOP'] as const;
export type VerticalAlignmentName = (typeof VERTICAL_ALIGNMENT_NAMES)[number];

export const TEXT_ALIGNMENT_NAMES = ['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT'] as const;
export type TextAlignmentName = (typeof TEXT_ALIGNMENT_NAMES)[number];

export const GLYPH_TYPE_NAMES = [
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const;
export type GlyphTypeName = (typeof GLYPH_TYPE_NAMES)[number];

/**
 * Deprecated: "methods that use this enum also accept font names as strings". Each value maps to
 * the family name Docs shows, so setFontFamily(DocumentApp.FontFamily.TIMES_NEW_ROMAN) still works.
 */
export const FONT_FAMILY_NAMES: Readonly<Record<string, string>> = {
  AMARANTH: 'Amaranth',
  ARIAL: 'Arial',
  ARIAL_BLACK: 'Arial Black',
  ARIAL_NARROW: 'Arial Narrow',
  ARVO: 'Arvo',
  CALIBRI: 'Calibri',
  CAMBRIA: 'Cambria',
  COMIC_SANS_MS: 'Comic Sans MS',
  CONSOLAS: 'Consolas',
  CORSIVA: 'Corsiva',
  COURIER_NEW: 'Courier New',
  DANCING_SCRIPT: 'Dancing Script',
  DROID_SANS: 'Droid Sans',
  DROID_SERIF: 'Droid Serif',
  GARAMOND: 'Garamond',
  GEORGIA: 'Georgia',
  GLORIA_HALLELUJAH: 'Gloria Hallelujah',
  GREAT_VIBES: 'Great Vibes',
  LOBSTER: 'Lobster',
  MERRIWEATHER: 'Merriweather',
  PACIFICO: 'Pacifico',
  PHILOSOPHER: 'Philosopher',
  POIRET_ONE: 'Poiret One',
  QUATTROCENTO: 'Quattrocento',
  ROBOTO: 'Roboto',
  SHADOWS_INTO_LIGHT: 'Shadows Into Light',
  SYNCOPATE: 'Syncopate',
  TAHOMA: 'Tahoma',
  TIMES_NEW_ROMAN: 'Times New Roman',
  TREBUCHET_MS: 'Trebuchet MS',
  UBUNTU: 'Ubuntu',
  VERDANA: 'Verdana',
};

export const Attribute = makeEnum('Attribute', ATTRIBUTE_NAMES);
export const ElementType = makeEnum('ElementType', ELEMENT_TYPE_NAMES);
export const ParagraphHeading = makeEnum('ParagraphHeading', HEADING_NAMES);
export const HorizontalAlignment = makeEnum('HorizontalAlignment', ALIGNMENT_NAMES);
export const VerticalAlignment = makeEnum('VerticalAlignment', VERTICAL_ALIGNMENT_NAMES);
export const TextAlignment = makeEnum('TextAlignment', TEXT_ALIGNMENT_NAMES);
export const GlyphType = makeEnum('GlyphType', GLYPH_TYPE_NAMES);
export const FontFamily = makeEnum('FontFamily', Object.keys(FONT_FAMILY_NAMES));
export const PositionedLayout = makeEnum('PositionedLayout', [
  'ABOVE_TEXT',
  'BREAK_BOTH',
  'BREAK_LEFT',
  'BREAK_RIGHT',
  'WRAP_TEXT',
] as const);
export const TabType = makeEnum('TabType', ['DOCUMENT_TAB'] as const);

export { enumName, GasEnumValue };
