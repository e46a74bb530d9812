/**
 * Argument checks shared by the element classes. Wrong JavaScript types fail with Apps Script's
 * signature message ("The parameters (String) don't match the method signature for
 * DocumentApp.Paragraph.setIndentStart."); well-typed but unusable values fail with a guessed
 * "Invalid argument: …" (see messages.ts).
 */
import { gasError } from '../../core/errors';
import { signatureError } from '../support/args';
import { enumName, FONT_FAMILY_NAMES, FontFamily, GasEnumValue } from './enums';
import { MSG } from './messages';

/** "DocumentApp.Body.appendParagraph": the method path Apps Script prints in signature errors. */
export function methodPath(cls: string, method: string): string {
  return `DocumentApp.${cls}.${method}`;
}

export function fail(cls: string, method: string, args: readonly unknown[]): never {
  return signatureError(methodPath(cls, method), args);
}

export function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** Docs colours are "#rrggbb"; getters give them lower-case. */
export function checkColor(v: unknown, cls: string, method: string, args: readonly unknown[]): string {
  if (typeof v !== 'string') fail(cls, method, args);
  if (!/^#[0-9a-fA-F]{6}$/.test(v)) gasError(MSG.invalid('color'));
  return v.toLowerCase();
}

/** A length in points: finite and not negative (Docs has no negative indents or spacing). */
export function checkPoints(v: unknown, cls: string, method: string, args: readonly unknown[]): number {
  if (typeof v !== 'number' || Number.isNaN(v)) fail(cls, method, args);
  if (!Number.isFinite(v) || v < 0) gasError(MSG.invalid(method));
  return v;
}

export function checkBoolean(v: unknown, cls: string, method: string, args: readonly unknown[]): boolean {
  if (typeof v !== 'boolean') fail(cls, method, args);
  return v;
}

/**
 * Font sizes are Integer in Apps Script's signatures (Text.setFontSize(Integer)); a fraction or a
 * size outside Docs' 1–400 range is refused rather than silently rounded.
 */
export function checkFontSize(v: unknown, cls: string, method: string, args: readonly unknown[]): number {
  if (typeof v !== 'number' || Number.isNaN(v)) fail(cls, method, args);
  if (!Number.isInteger(v) || v < 1 || v > 400) gasError(MSG.invalid('size'));
  return v;
}

/** A family name, or a value of the deprecated FontFamily enum (mapped to its name). */
export function checkFontFamily(v: unknown, cls: string, method: string, args: readonly unknown[]): string {
  if (v instanceof GasEnumValue) {
    const name = enumName(FontFamily, v);
    if (name) return FONT_FAMILY_NAMES[name];
  }
  if (typeof v !== 'string') fail(cls, method, args);
  if (v.trim() === '') gasError(MSG.invalid('fontFamilyName'));
  return v;
}

export function checkEnum<K extends string>(
  enumObject: Readonly<Record<K, GasEnumValue>>,
  v: unknown,
  cls: string,
  method: string,
  args: readonly unknown[],
): K {
  const name = enumName(enumObject, v);
  if (!name) fail(cls, method, args);
  return name;
}

/** "\n" typed into a paragraph becomes a line break inside it, which Apps Script reports as "\r". */
export function typed(text: string): string {
  return text.replace(/\r\n|\n/g, '\r');
}

/**
 * A value handed to code typed against @types/google-apps-script where Apps Script may give null
 * or a primitive (e.g. getFontSize() → null when unset, though the typings say number).
 */
export function loose<T>(value: unknown): T {
  return value as T;
}
