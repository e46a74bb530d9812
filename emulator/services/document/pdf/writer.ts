/**
 * A minimal PDF 1.4 writer: catalog, page tree, one page object and one uncompressed content
 * stream per page, the standard Type 1 fonts (not embedded, WinAnsiEncoding), an Info dictionary
 * and a classic cross-reference table whose offsets are byte-exact (ISO 32000-1 §7.5.4: entries of
 * exactly 20 bytes). Everything written is ASCII, so string length = byte length.
 */
import { Op, PageOut } from './layout';
import { pdfString } from './winansi';

function num(n: number): string {
  const s = (Math.round(n * 100) / 100).toFixed(2);
  return s.replace(/\.?0+$/, '') || '0';
}

function rgb(color: string): string {
  const hex = /^#[0-9a-f]{6}$/i.test(color) ? color.slice(1) : '000000';
  return [0, 2, 4].map((i) => num(parseInt(hex.slice(i, i + 2), 16) / 255)).join(' ');
}

/** UTF-16BE hex string with a byte-order mark: Info strings keep every Vietnamese letter. */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

function contentStream(ops: readonly Op[], pageHeight: number, fontName: (font: string) => string): string {
  const out: string[] = [];
  for (const op of ops) {
    switch (op.kind) {
      case 'rect': {
        const y = pageHeight - op.dy - op.h;
        if (op.fill) out.push(`${rgb(op.fill)} rg ${num(op.x)} ${num(y)} ${num(op.w)} ${num(op.h)} re f`);
        if (op.stroke) {
          out.push(
            `${num(op.width)} w ${rgb(op.stroke)} RG ${num(op.x)} ${num(y)} ${num(op.w)} ${num(op.h)} re S`,
          );
        }
        break;
      }
      case 'line':
        out.push(
          `${num(op.width)} w ${rgb(op.color)} RG ${num(op.x1)} ${num(pageHeight - op.dy1)} m ` +
            `${num(op.x2)} ${num(pageHeight - op.dy2)} l S`,
        );
        break;
      case 'text':
        out.push(
          `BT /${fontName(op.font)} ${num(op.size)} Tf ${num(op.wordSpacing)} Tw ${rgb(op.color)} rg ` +
            `1 0 0 1 ${num(op.x)} ${num(pageHeight - op.dy)} Tm ${pdfString(op.text)} Tj ET`,
        );
        break;
    }
  }
  return out.join('\n') + '\n';
}

export interface PdfOptions {
  width: number;
  height: number;
  title: string;
}

export function writePdf(pages: readonly PageOut[], opts: PdfOptions): Buffer {
  const fonts = [
    ...new Set(pages.flatMap((p) => p.ops.flatMap((op) => (op.kind === 'text' ? [op.font] : [])))),
  ];
  if (fonts.length === 0) fonts.push('Helvetica');
  const fontName = (font: string) => `F${fonts.indexOf(font) + 1}`;

  // Object numbers: 1 catalog, 2 page tree, then fonts, then (page, content) pairs, then Info.
  const firstFont = 3;
  const firstPage = firstFont + fonts.length;
  const infoId = firstPage + pages.length * 2;
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = pages.map((_, i) => `${firstPage + i * 2} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`;
  fonts.forEach((font, i) => {
    objects[firstFont + i] =
      `<< /Type /Font /Subtype /Type1 /BaseFont /${font} /Encoding /WinAnsiEncoding >>`;
  });
  const fontDict = fonts.map((f, i) => `/${fontName(f)} ${firstFont + i} 0 R`).join(' ');
  pages.forEach((page, i) => {
    const pageId = firstPage + i * 2;
    const stream = contentStream(page.ops, opts.height, fontName);
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(opts.width)} ${num(opts.height)}] ` +
      `/Resources << /Font << ${fontDict} >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}endstream`;
  });
  objects[infoId] = `<< /Title ${utf16Hex(opts.title)} /Producer (cchc-workspace Apps Script emulator) >>`;

  // The second line's high bytes mark the file as binary (ISO 32000-1 §7.5.2).
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
