/**
 * Element.setAttributes / getAttributes: the object keyed by DocumentApp.Attribute names
 * ("BOLD", "FONT_SIZE"… — an enum value used as a key becomes its name). Each element class reads
 * the groups it understands and ignores other keys, as Apps Script does. A null value clears the
 * attribute (back to inherited). Getters report unset attributes as null.
 * https://developers.google.com/apps-script/reference/document/attribute
 */
import { gasError } from '../../core/errors';
import { GasEnumValue, GlyphType, HorizontalAlignment, ParagraphHeading, VerticalAlignment } from './enums';
import { MSG } from './messages';
import { CellStyle, ParagraphStylePatch, TextStyle, TextStylePatch } from './model';
import {
  checkBoolean,
  checkColor,
  checkEnum,
  checkFontFamily,
  checkFontSize,
  checkPoints,
  fail,
} from './values';

export type Attrs = Record<string, unknown>;

/** The object a setAttributes call must get (a plain JavaScript object). */
export function checkAttrs(
  attrs: unknown,
  cls: string,
  method = 'setAttributes',
  args: unknown[] = [attrs],
): Attrs {
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs) || attrs instanceof GasEnumValue) {
    fail(cls, method, args);
  }
  return attrs as Attrs;
}

type Reader<T> = (v: unknown) => T;

/** Reads `key` from attrs: undefined when absent, null when it clears, else the checked value. */
function read<T>(attrs: Attrs, key: string, check: Reader<T>): T | null | undefined {
  if (!(key in attrs) || attrs[key] === undefined) return undefined;
  if (attrs[key] === null) return null;
  return check(attrs[key]);
}

/** Checks in setAttributes report the attribute, since no positional argument is involved. */
function reader(
  cls: string,
  attrs: Attrs,
): <T>(key: string, check: (v: unknown, c: string, m: string, a: unknown[]) => T) => T | null | undefined {
  return (key, check) => read(attrs, key, (v) => check(v, cls, 'setAttributes', [attrs]));
}

export function textPatchOf(attrs: Attrs, cls: string): TextStylePatch {
  const r = reader(cls, attrs);
  const patch: TextStylePatch = {
    bold: r('BOLD', checkBoolean),
    italic: r('ITALIC', checkBoolean),
    underline: r('UNDERLINE', checkBoolean),
    strikethrough: r('STRIKETHROUGH', checkBoolean),
    fontFamily: r('FONT_FAMILY', checkFontFamily),
    fontSize: r('FONT_SIZE', checkFontSize),
    foregroundColor: r('FOREGROUND_COLOR', checkColor),
    backgroundColor: r('BACKGROUND_COLOR', checkColor),
    linkUrl: r('LINK_URL', (v) => {
      if (typeof v !== 'string') gasError(MSG.invalid('LINK_URL'));
      return v;
    }),
  };
  return prune(patch);
}

export function paragraphPatchOf(attrs: Attrs, cls: string): ParagraphStylePatch {
  const r = reader(cls, attrs);
  const spacing = (key: string) => r(key, checkPoints);
  const patch: ParagraphStylePatch = {
    heading: r('HEADING', (v, c, m, a) => checkEnum(ParagraphHeading, v, c, m, a)),
    alignment: r('HORIZONTAL_ALIGNMENT', (v, c, m, a) => checkEnum(HorizontalAlignment, v, c, m, a)),
    indentStart: spacing('INDENT_START'),
    indentEnd: spacing('INDENT_END'),
    indentFirstLine: spacing('INDENT_FIRST_LINE'),
    spacingBefore: spacing('SPACING_BEFORE'),
    spacingAfter: spacing('SPACING_AFTER'),
    lineSpacing: r('LINE_SPACING', checkLineSpacing),
    leftToRight: r('LEFT_TO_RIGHT', checkBoolean),
  };
  return prune(patch);
}

export function checkLineSpacing(v: unknown, cls: string, method: string, args: readonly unknown[]): number {
  const n = checkPoints(v, cls, method, args);
  if (n === 0) gasError(MSG.invalid(method));
  return n;
}

export type CellStylePatch = { [K in keyof CellStyle]?: CellStyle[K] | null };

/** Cell attributes. BACKGROUND_COLOR on a cell is the cell's fill, not a text highlight. */
export function cellPatchOf(attrs: Attrs, cls: string): CellStylePatch {
  const r = reader(cls, attrs);
  return prune({
    backgroundColor: r('BACKGROUND_COLOR', checkColor),
    verticalAlignment: r('VERTICAL_ALIGNMENT', (v, c, m, a) => checkEnum(VerticalAlignment, v, c, m, a)),
    paddingTop: r('PADDING_TOP', checkPoints),
    paddingBottom: r('PADDING_BOTTOM', checkPoints),
    paddingLeft: r('PADDING_LEFT', checkPoints),
    paddingRight: r('PADDING_RIGHT', checkPoints),
  });
}

export function glyphOf(attrs: Attrs, cls: string) {
  return reader(cls, attrs)('GLYPH_TYPE', (v, c, m, a) => checkEnum(GlyphType, v, c, m, a));
}

export function pointsOf(attrs: Attrs, cls: string, key: string): number | null | undefined {
  return reader(cls, attrs)(key, checkPoints);
}

export function colorOf(attrs: Attrs, cls: string, key: string): string | null | undefined {
  return reader(cls, attrs)(key, checkColor);
}

/** Drops the fields left undefined, so `key in patch` means "the call set or cleared it". */
function prune<T extends object>(patch: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function withoutTextBackground(patch: TextStylePatch): TextStylePatch {
  const { backgroundColor: _ignored, ...rest } = patch;
  return rest;
}

/** getAttributes' text part, from a lookup that gives null for unset or mixed values. */
export function textAttributes(value: <K extends keyof TextStyle>(key: K) => TextStyle[K] | null): Attrs {
  return {
    BOLD: value('bold'),
    ITALIC: value('italic'),
    UNDERLINE: value('underline'),
    STRIKETHROUGH: value('strikethrough'),
    FONT_FAMILY: value('fontFamily'),
    FONT_SIZE: value('fontSize'),
    FOREGROUND_COLOR: value('foregroundColor'),
    BACKGROUND_COLOR: value('backgroundColor'),
    LINK_URL: value('linkUrl'),
  };
}
