import { DocBlob } from '../../../emulator/services/document';
import { transliterate } from '../../../emulator/services/document/pdf/winansi';
import { newDoc } from './helpers';

/** The blob's bytes, from Apps Script's signed byte[] as a script would get them. */
function bytesOf(blob: GoogleAppsScript.Base.Blob): Buffer {
  return Buffer.from(blob.getBytes().map((b) => b & 0xff));
}

/** Checks the file structure a PDF reader relies on; returns the file as latin1 text. */
function checkStructure(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
  expect(first).toBe('0');
  const entries = text
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(count));
  expect(entries[0]).toBe('0000000000 65535 f ');
  entries.slice(1).forEach((entry, i) => {
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  expect(text).toContain(`/Size ${count} `);
  // Every stream's /Length is its byte length.
  for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = m.index! + m[0].length;
    expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 9)).toBe('endstream');
  }
  return text;
}

/** The text drawn with Tj, decoded from WinAnsi (octal escapes included). */
function drawnText(pdf: string): string[] {
  const out: string[] = [];
  for (const m of pdf.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)) {
    const bytes = m[1].replace(/\\([0-7]{3}|.)/g, (_, e: string) =>
      e.length === 3 ? String.fromCharCode(parseInt(e, 8)) : e,
    );
    out.push(new TextDecoder('windows-1252').decode(Buffer.from(bytes, 'latin1')));
  }
  return out;
}

describe('Document.getAs("application/pdf")', () => {
  test('is a valid PDF 1.4 file with byte-exact cross-references', () => {
    const { doc, body } = newDoc();
    body.appendParagraph('KẾ HOẠCH');
    body.appendTable([
      ['TT', 'Nhiệm vụ'],
      ['1.', 'Cải cách thể chế'],
    ]);
    const blob = doc.getAs('application/pdf');
    const pdf = checkStructure(bytesOf(blob));
    expect(pdf).toContain('/Type /Catalog');
    expect(pdf).toMatch(/\/MediaBox \[0 0 612 792\]/);
    expect(DocBlob.bytesOf(blob)!.equals(bytesOf(blob))).toBe(true);
  });

  test('holds the document’s text, Vietnamese transliterated to WinAnsi; the title keeps it exactly', () => {
    const { doc, body } = newDoc('Kế hoạch CCHC');
    body.appendParagraph('KẾ HOẠCH Cải cách hành chính năm 2025');
    body.appendParagraph('ĐỘC LẬP - Tự do - Hạnh phúc');
    const pdf = checkStructure(bytesOf(doc.getBlob()));
    const drawn = drawnText(pdf).join(' ');
    expect(drawn).toContain('KÊ HOACH Cai cách hành chính nam 2025');
    expect(drawn).toContain('ÐÔC LÂP - Tu do - Hanh phúc');
    const title = /\/Title <FEFF([0-9A-F]+)>/.exec(pdf)![1];
    expect(Buffer.from(title, 'hex').swap16().toString('utf16le')).toBe('Kế hoạch CCHC');
  });

  test('uses the page size set on the body and breaks long text over pages', () => {
    const { doc, body } = newDoc();
    body.setPageWidth(595.28).setPageHeight(841.89);
    for (let i = 1; i <= 120; i++) body.appendParagraph(`${i}. Nhiệm vụ cải cách hành chính số ${i}`);
    body.appendPageBreak();
    body.appendParagraph('Phụ lục II');
    const pdf = checkStructure(bytesOf(doc.getBlob()));
    const pages = pdf.match(/\/Type \/Page /g)!.length;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pdf).toContain(`/Count ${pages} `);
    expect(pdf.match(/\/MediaBox \[0 0 595.28 841.89\]/g)!.length).toBe(pages);
    // The page break puts the appendix alone at the top of the last page.
    const lastPage = pdf.slice(pdf.lastIndexOf('>>\nstream\n'));
    expect(drawnText(lastPage)).toEqual(['Phu luc II']);
  });

  test('fonts follow the text: Times New Roman bold → Times-Bold; header text on every page', () => {
    const { doc, body } = newDoc();
    doc.addHeader().appendParagraph('ỦY BAN NHÂN DÂN');
    const p = body.appendParagraph('Thân bài');
    p.editAsText().setFontFamily('Times New Roman').setFontSize(14).setBold(0, 2, true);
    for (let i = 0; i < 80; i++) body.appendParagraph('dòng');
    const pdf = checkStructure(bytesOf(doc.getBlob()));
    expect(pdf).toContain('/BaseFont /Times-Bold');
    expect(pdf).toContain('/BaseFont /Times-Roman');
    expect(pdf).toContain('/Times-Bold');
    const pages = pdf.match(/\/Type \/Page /g)!.length;
    expect(pages).toBeGreaterThan(1);
    expect(drawnText(pdf).filter((t) => t === 'UY BAN NHÂN DÂN')).toHaveLength(pages);
  });

  test('the Blob behaves like Apps Script’s', () => {
    const { ctx, doc } = newDoc('Báo cáo');
    const blob = doc.getBlob();
    expect(blob.getContentType()).toBe('application/pdf');
    expect(blob.getName()).toBe('Báo cáo.pdf');
    expect(blob.getBytes().every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(blob.getDataAsString().startsWith('%PDF-1.4')).toBe(true);
    expect(blob.setName('khac.pdf').getName()).toBe('khac.pdf');
    expect(blob.isGoogleType()).toBe(false);
    expect(ctx.ledger.count('Document.getBlob')).toBe(1);
  });
});

describe('WinAnsi transliteration', () => {
  test('keeps what WinAnsi shows, drops the rest of the marks', () => {
    expect(transliterate('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBe('Công hòa xã hôi chu nghia Viêt Nam');
    expect(transliterate('Đ đ ư Ơ ạ ế ỗ')).toBe('Ð d u O a ê ô');
    expect(transliterate('“Trích yếu” – 100€')).toBe('“Trích yêu” – 100€');
    expect(transliterate('中')).toBe('?');
  });
});
