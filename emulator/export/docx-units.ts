/**
 * Docs measures in points; WordprocessingML in twentieths of a point (twips) for lengths, half
 * points for font sizes, eighths of a point for borders, 240ths of a line for line spacing. An
 * A4 page (595.3 × 841.9 pt in Docs) is 11906 × 16838 twips, as Word writes it.
 */

export function twips(points: number): number {
  return Math.round(points * 20);
}

/** Font sizes are whole half points in Word (10.5 pt is 21; 10.3 pt rounds to 21). */
export function halfPoints(points: number): number {
  return Math.max(2, Math.round(points * 2));
}

/** Border widths in eighths of a point, within Word's 2…96 (¼ pt to 12 pt). */
export function eighths(points: number): number {
  return Math.min(96, Math.max(2, Math.round(points * 8)));
}

/** Docs' line spacing is a multiple of single spacing; Word's "auto" rule counts 240ths. */
export function lineTwips(multiple: number): number {
  return Math.round(multiple * 240);
}

/** "#rrggbb" → "RRGGBB"; undefined for anything else. */
export function hex(color: string | null | undefined): string | undefined {
  const m = /^#([0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  return m ? m[1].toUpperCase() : undefined;
}
