/**
 * A Sheets cell's resolved style → ExcelJS style. Every written cell gets its font (Sheets' default
 * Arial 10 is not Excel's Calibri 11), the rest only when it differs from the default, so the file
 * stays small and Excel's own defaults (no fill, bottom alignment) stand where Sheets has them too.
 */
import type { Alignment, Border, BorderStyle, Borders, Fill, Font, Style } from 'exceljs';
import type { BorderEdge, CellBorders, ResolvedStyle } from '../services/spreadsheet';
import { excelNumberFormat } from './xlsx-number-format';
import { argb } from './xlsx-units';

const BORDER_STYLES: Readonly<Record<BorderEdge['style'], BorderStyle>> = {
  DOTTED: 'dotted',
  DASHED: 'dashed',
  SOLID: 'thin',
  SOLID_MEDIUM: 'medium',
  SOLID_THICK: 'thick',
  DOUBLE: 'double',
};

function font(s: ResolvedStyle): Partial<Font> {
  const f: Partial<Font> = { name: s.fontFamily, size: s.fontSize };
  if (s.fontWeight === 'bold') f.bold = true;
  if (s.fontStyle === 'italic') f.italic = true;
  if (s.fontLine === 'underline') f.underline = true;
  if (s.fontLine === 'line-through') f.strike = true;
  const color = argb(s.fontColor);
  if (color && color !== 'FF000000') f.color = { argb: color };
  return f;
}

/** White is Sheets' "no fill"; a solid white fill in Excel would hide the gridlines. */
function fill(s: ResolvedStyle): Fill | undefined {
  const color = argb(s.background);
  if (!color || color === 'FFFFFFFF') return undefined;
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: color }, bgColor: { argb: color } };
}

function alignment(s: ResolvedStyle): Partial<Alignment> | undefined {
  const a: Partial<Alignment> = {};
  if (s.horizontalAlignment !== 'general') a.horizontal = s.horizontalAlignment;
  if (s.verticalAlignment !== 'bottom') a.vertical = s.verticalAlignment;
  if (s.wrapStrategy === 'WRAP') a.wrapText = true;
  return Object.keys(a).length > 0 ? a : undefined;
}

function border(b: CellBorders): Partial<Borders> | undefined {
  const out: Partial<Borders> = {};
  for (const side of ['top', 'left', 'bottom', 'right'] as const) {
    const edge = b[side];
    if (!edge) continue;
    const e: Partial<Border> = { style: BORDER_STYLES[edge.style] ?? 'thin' };
    const color = argb(edge.color);
    if (color) e.color = { argb: color };
    out[side] = e;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function excelStyle(s: ResolvedStyle): Partial<Style> {
  const style: Partial<Style> = { font: font(s) };
  const numFmt = excelNumberFormat(s.numberFormat);
  if (numFmt !== undefined) style.numFmt = numFmt;
  const f = fill(s);
  if (f) style.fill = f;
  const a = alignment(s);
  if (a) style.alignment = a;
  const b = border(s.borders);
  if (b) style.border = b;
  return style;
}
