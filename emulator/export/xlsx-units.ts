/**
 * Sizes and colours, Sheets → Excel.
 *
 * Column widths. Sheets measures columns in screen pixels; an .xlsx stores a width in "characters"
 * of the workbook's maximum digit width (MDW, ECMA-376 §18.3.1.13), the widest digit of the
 * Normal style's font, padding included. ExcelJS writes Calibri 11 as that font, whose MDW is 7 px
 * at 96 dpi, so (ECMA's formulas, with 5 px of padding):
 *     characters = trunc((px − 5) / 7 × 100 + 0.5) / 100
 *     stored     = trunc((characters × 7 + 5) / 7 × 256) / 256
 * which Excel draws back as exactly `px` pixels at 100 % zoom. Sheets' default 100 px becomes
 * 14.28125 (Excel shows "13.57"); 21 px row heights become 15.75 pt (1 px = 0.75 pt at 96 dpi).
 */

/** Maximum digit width of Calibri 11, the font ExcelJS writes in the Normal style. */
const MDW_PX = 7;
const PADDING_PX = 5;

/** The stored .xlsx column width for a Sheets width in pixels. */
export function excelColumnWidth(px: number): number {
  if (px <= 0) return 0;
  const characters = Math.max(0, Math.trunc(((px - PADDING_PX) / MDW_PX) * 100 + 0.5) / 100);
  return Math.trunc(((characters * MDW_PX + PADDING_PX) / MDW_PX) * 256) / 256;
}

/** The pixels Excel draws for a stored width (ECMA-376's inverse formula), for tests and reports. */
export function pixelsOfExcelWidth(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / MDW_PX)) / 256) * MDW_PX);
}

/** Row heights: Sheets pixels → points. */
export function excelRowHeight(px: number): number {
  return px * 0.75;
}

/** "#rrggbb" → Excel's ARGB "FFRRGGBB"; undefined for anything else (left to the default). */
export function argb(color: string | null | undefined): string | undefined {
  const m = /^#([0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}
