/**
 * The style objects of Docs API requests (TextStyle, ParagraphStyle, SectionStyle,
 * TableColumnProperties, TableCellStyle) turned into changes of the model, under a `fields` mask:
 * a listed field absent from the object is reset ("*" lists every field), an unlisted one is left
 * alone. Lengths are Dimension {magnitude, unit: 'PT'}; colours OptionalColor
 * {color: {rgbColor: {red, green, blue}}} with components 0–1.
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request#updateparagraphstylerequest
 */
import { AlignmentName, HeadingName, VerticalAlignmentName } from '../enums';
import { CellStyle, ParagraphNode, SectionStyle, TextStylePatch } from '../model';
import { notModeledHere } from './errors';

type Json = Record<string, unknown>;
type Fail = (message: string) => never;

export type FieldList = readonly string[] | '*';

/**
 * The `fields` of an update request. Wording as the Sheets API gives it for an empty mask (seen
 * widely); assumed the same for Docs.
 */
export function fieldsOf(value: unknown): FieldList {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FieldsMissing();
  }
  if (value.trim() === '*') return '*';
  return value.split(',').map((f) => f.trim());
}

export class FieldsMissing extends Error {
  constructor() {
    super("At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)");
  }
}

function listed(fields: FieldList, name: string, known: readonly string[], fail: Fail): boolean {
  if (fields !== '*') {
    for (const f of fields) if (!known.includes(f)) unknownField(f, known, fail);
  }
  return fields === '*' || fields.includes(name);
}

function unknownField(f: string, known: readonly string[], fail: Fail): never {
  if (ALL_KNOWN.has(f)) return notModeledHere(`the Docs style field ${f}`);
  if (known.length === 0) return fail(`Invalid field: ${f}`);
  return fail(`Invalid field: ${f}`);
}

function points(d: unknown, fail: Fail): number | null {
  if (d === undefined || d === null) return null;
  const dim = d as Json;
  if (dim.unit !== undefined && dim.unit !== 'PT') notModeledHere(`the Dimension unit ${String(dim.unit)}`);
  const m = dim.magnitude ?? 0;
  if (typeof m !== 'number' || m < 0) fail('Dimension magnitude must be a non-negative number.');
  return m;
}

function hexOf(c: unknown): string | null {
  const rgb = ((c as Json | undefined)?.color as Json | undefined)?.rgbColor as Json | undefined;
  if (!rgb) return null;
  const part = (v: unknown) =>
    Math.round(Math.min(1, Math.max(0, typeof v === 'number' ? v : 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(rgb.red)}${part(rgb.green)}${part(rgb.blue)}`;
}

const TEXT_FIELDS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'fontSize',
  'weightedFontFamily',
  'foregroundColor',
  'backgroundColor',
  'link',
] as const;

export function textPatch(style: Json, fields: FieldList, fail: Fail): TextStylePatch {
  const patch: TextStylePatch = {};
  const on = (f: string) => listed(fields, f, TEXT_FIELDS, fail);
  const bool = (v: unknown) => (v === undefined ? null : Boolean(v));
  if (on('bold')) patch.bold = bool(style.bold);
  if (on('italic')) patch.italic = bool(style.italic);
  if (on('underline')) patch.underline = bool(style.underline);
  if (on('strikethrough')) patch.strikethrough = bool(style.strikethrough);
  if (on('fontSize')) patch.fontSize = points(style.fontSize, fail);
  if (on('weightedFontFamily')) {
    const family = (style.weightedFontFamily as Json | undefined)?.fontFamily;
    patch.fontFamily = typeof family === 'string' ? family : null;
  }
  if (on('foregroundColor')) patch.foregroundColor = hexOf(style.foregroundColor);
  if (on('backgroundColor')) patch.backgroundColor = hexOf(style.backgroundColor);
  if (on('link')) {
    const url = (style.link as Json | undefined)?.url;
    patch.linkUrl = typeof url === 'string' ? url : null;
  }
  return patch;
}

const PARAGRAPH_FIELDS = [
  'alignment',
  'namedStyleType',
  'spaceAbove',
  'spaceBelow',
  'lineSpacing',
  'indentStart',
  'indentEnd',
  'indentFirstLine',
  'keepWithNext',
  'keepLinesTogether',
] as const;

const ALIGNMENTS: Record<string, AlignmentName> = {
  START: 'LEFT',
  CENTER: 'CENTER',
  END: 'RIGHT',
  JUSTIFIED: 'JUSTIFY',
};

const NAMED_STYLES: Record<string, HeadingName> = {
  NORMAL_TEXT: 'NORMAL',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
  HEADING_1: 'HEADING1',
  HEADING_2: 'HEADING2',
  HEADING_3: 'HEADING3',
  HEADING_4: 'HEADING4',
  HEADING_5: 'HEADING5',
  HEADING_6: 'HEADING6',
};

function enumOf<T>(table: Record<string, T>, value: unknown, field: string, fail: Fail): T | null {
  if (value === undefined) return null;
  const found = typeof value === 'string' ? table[value] : undefined;
  if (found === undefined) fail(`Invalid value at '${field}', "${String(value)}"`);
  return found;
}

export function paragraphPatch(p: ParagraphNode, style: Json, fields: FieldList, fail: Fail): void {
  const on = (f: string) => listed(fields, f, PARAGRAPH_FIELDS, fail);
  const set = <K extends keyof ParagraphNode['style']>(key: K, value: ParagraphNode['style'][K] | null) => {
    if (value === null) delete p.style[key];
    else p.style[key] = value;
  };
  if (on('alignment')) set('alignment', enumOf(ALIGNMENTS, style.alignment, 'alignment', fail));
  if (on('namedStyleType'))
    set('heading', enumOf(NAMED_STYLES, style.namedStyleType, 'named_style_type', fail));
  if (on('spaceAbove')) set('spacingBefore', points(style.spaceAbove, fail));
  if (on('spaceBelow')) set('spacingAfter', points(style.spaceBelow, fail));
  if (on('indentStart')) set('indentStart', points(style.indentStart, fail));
  if (on('indentEnd')) set('indentEnd', points(style.indentEnd, fail));
  if (on('indentFirstLine')) set('indentFirstLine', points(style.indentFirstLine, fail));
  if (on('lineSpacing')) {
    // Docs gives line spacing in percent (100 = single); the model keeps DocumentApp's multiple.
    const v = style.lineSpacing;
    if (v !== undefined && (typeof v !== 'number' || v < 6)) fail('Line spacing must be at least 6.');
    set('lineSpacing', v === undefined ? null : (v as number) / 100);
  }
  const keep = { ...p.keep };
  if (on('keepWithNext')) keep.withNext = style.keepWithNext === true;
  if (on('keepLinesTogether')) keep.linesTogether = style.keepLinesTogether === true;
  if (keep.withNext || keep.linesTogether) p.keep = keep;
  else delete p.keep;
}

const SECTION_FIELDS = ['flipPageOrientation'] as const;

export function sectionPatch(section: SectionStyle, style: Json, fields: FieldList, fail: Fail): void {
  if (listed(fields, 'flipPageOrientation', SECTION_FIELDS, fail)) {
    if (style.flipPageOrientation === true) section.flipPageOrientation = true;
    else delete section.flipPageOrientation;
  }
}

/**
 * A column's width. Guessed floor: 5 pt (the Docs editor's narrowest column), stricter than
 * accepting any width.
 */
export const MIN_COLUMN_WIDTH_PT = 5;

export function columnWidthOf(props: Json, fields: FieldList, fail: Fail): number | undefined {
  const known = ['width', 'widthType'];
  const onWidth = listed(fields, 'width', known, fail);
  const type = props.widthType;
  if (listed(fields, 'widthType', known, fail) && type === 'EVENLY_DISTRIBUTED') return undefined;
  if (!onWidth) return undefined;
  const width = points(props.width, fail);
  if (width === null) return undefined;
  if (width < MIN_COLUMN_WIDTH_PT) fail(`The column width must be at least ${MIN_COLUMN_WIDTH_PT} points.`);
  return width;
}

const CELL_FIELDS = [
  'backgroundColor',
  'paddingLeft',
  'paddingRight',
  'paddingTop',
  'paddingBottom',
  'contentAlignment',
  'borderLeft',
  'borderRight',
  'borderTop',
  'borderBottom',
] as const;

export const BORDER_FIELDS = ['borderLeft', 'borderRight', 'borderTop', 'borderBottom'] as const;

/**
 * The table-wide border the model keeps (one width for every edge, as DocumentApp's
 * Table.setBorderWidth): the four borders of a whole-table updateTableCellStyle must agree.
 */
export function tableBorderOf(style: Json, fields: FieldList, fail: Fail): number | null {
  const named = BORDER_FIELDS.filter((f) => listed(fields, f, CELL_FIELDS, fail));
  if (named.length === 0) return null;
  if (named.length < BORDER_FIELDS.length) notModeledHere('borders on some edges of a cell only');
  const widths = named.map((f) => points((style[f] as Json | undefined)?.width, fail) ?? 0);
  if (new Set(widths).size > 1) notModeledHere('different border widths on one table');
  return widths[0];
}

const CONTENT_ALIGNMENTS: Record<string, VerticalAlignmentName> = {
  TOP: 'TOP',
  MIDDLE: 'CENTER',
  BOTTOM: 'BOTTOM',
};

export function cellPatch(cell: CellStyle, style: Json, fields: FieldList, fail: Fail): void {
  const on = (f: string) => listed(fields, f, CELL_FIELDS, fail);
  const set = <K extends keyof CellStyle>(key: K, value: CellStyle[K] | null) => {
    if (value === null) delete cell[key];
    else cell[key] = value;
  };
  if (on('backgroundColor')) set('backgroundColor', hexOf(style.backgroundColor));
  if (on('paddingLeft')) set('paddingLeft', points(style.paddingLeft, fail));
  if (on('paddingRight')) set('paddingRight', points(style.paddingRight, fail));
  if (on('paddingTop')) set('paddingTop', points(style.paddingTop, fail));
  if (on('paddingBottom')) set('paddingBottom', points(style.paddingBottom, fail));
  if (on('contentAlignment')) {
    set('verticalAlignment', enumOf(CONTENT_ALIGNMENTS, style.contentAlignment, 'content_alignment', fail));
  }
}

/** Fields Google has that the emulator leaves out: an emulator error, not an invalid field. */
const ALL_KNOWN = new Set([
  'baselineOffset',
  'smallCaps',
  'direction',
  'spacingMode',
  'borderBetween',
  'shading',
  'avoidWidowAndOrphan',
  'pageBreakBefore',
  'tabStops',
  'columnSeparatorStyle',
  'contentDirection',
  'marginTop',
  'marginBottom',
  'marginLeft',
  'marginRight',
  'pageNumberStart',
  'sectionType',
]);
