import JSZip from 'jszip';
import {
  docxProblems,
  elementAttributes,
  elementBodies,
  exportDocument,
  readDocxParts,
  wordText,
} from '../../../emulator/export';
import { createDocumentApp, DocumentContent } from '../../../emulator/services/document';
import type { TableNode } from '../../../emulator/services/document/model';
import { emulator } from './helpers';

function newDoc(name = 'Báo cáo') {
  const emu = emulator();
  const app = createDocumentApp(emu.ctx);
  const doc = app.create(name);
  return { emu, app, doc, body: doc.getBody() };
}

describe('.docx edge cases', () => {
  it('writes a landscape page the way Word expects (w > h, orient="landscape")', async () => {
    const { emu, doc, body } = newDoc();
    body.setPageWidth(841.89).setPageHeight(595.28);
    const parts = await readDocxParts(await exportDocument(emu.ctx, doc.getId()));
    expect(elementAttributes(parts.document, 'w:pgSz')[0]).toMatchObject({
      'w:w': '16838',
      'w:h': '11906',
      'w:orient': 'landscape',
    });
  });

  it('keeps a default (Letter, Arial 11) document as Docs makes it', async () => {
    const { emu, doc } = newDoc();
    const buffer = await exportDocument(emu.ctx, doc.getId());
    const parts = await readDocxParts(buffer);
    expect(elementAttributes(parts.document, 'w:pgSz')[0]).toMatchObject({ 'w:w': '12240', 'w:h': '15840' });
    expect(elementAttributes(parts.styles, 'w:rFonts')[0]).toMatchObject({ 'w:ascii': 'Arial' });
    expect(elementBodies(parts.document, 'w:p')).toHaveLength(1);
    expect(await docxProblems(buffer)).toEqual([]);
  });

  it('keeps merged cells (made in the Docs editor) as Word spans, and nested tables', async () => {
    const { emu, doc, body } = newDoc();
    const t = body.appendTable([
      ['Nhóm', 'Nhiệm vụ', 'Kết quả'],
      ['', 'a', 'b'],
      ['Tổng', '', 'c'],
    ]);
    t.getCell(1, 2).appendTable([['lồng 1', 'lồng 2']]);
    const content = emu.ctx.drive.peek(doc.getId())!.content as DocumentContent;
    const node = content.body.children.find((b): b is TableNode => b.kind === 'table')!;
    node.rows[0].cells[0].rowSpan = 2; // "Nhóm" over two rows
    node.rows[2].cells[0].colSpan = 2; // "Tổng" across two columns

    const buffer = await exportDocument(emu.ctx, doc.getId());
    const parts = await readDocxParts(buffer);
    const rows = elementBodies(parts.document, 'w:tr');
    expect(rows[0]).toContain('<w:vMerge w:val="restart"/>');
    expect(rows[1]).toContain('<w:vMerge w:val="continue"/>');
    expect(elementAttributes(rows[rows.length - 1], 'w:gridSpan')[0]).toEqual({ 'w:val': '2' });
    expect(parts.document.match(/<w:tbl>/g)).toHaveLength(2);
    expect(parts.document).toContain('lồng 2');
    expect(await docxProblems(buffer)).toEqual([]);
  });

  it('keeps links that are URLs, drops others, and draws horizontal rules as a bottom border', async () => {
    const { emu, doc, body } = newDoc();
    body.appendParagraph('Cổng dịch vụ công').setLinkUrl('https://dichvucong.gov.vn/p/home');
    body.appendParagraph('liên kết hỏng').setLinkUrl('not a url');
    body.appendHorizontalRule();
    const buffer = await exportDocument(emu.ctx, doc.getId());
    const parts = await readDocxParts(buffer);
    const links = elementAttributes(parts.rels, 'Relationship').filter((r) => r.TargetMode === 'External');
    expect(links.map((r) => r.Target)).toEqual(['https://dichvucong.gov.vn/p/home']);
    expect(elementBodies(parts.document, 'w:hyperlink').map(wordText)).toEqual(['Cổng dịch vụ công']);
    expect(parts.document).toContain('liên kết hỏng');
    expect(elementAttributes(parts.document, 'w:bottom').some((b) => b['w:val'] === 'single')).toBe(true);
    expect(await docxProblems(buffer)).toEqual([]);
  });

  it('writes numbered lists each starting at 1, with the glyphs Docs shows', async () => {
    const { emu, app, doc, body } = newDoc();
    const first = body.appendListItem('Một').setGlyphType(app.GlyphType.NUMBER);
    body.appendListItem('Hai').setListId(first);
    body.appendParagraph('giữa');
    body.appendListItem('a').setGlyphType(app.GlyphType.LATIN_LOWER);
    const parts = await readDocxParts(await exportDocument(emu.ctx, doc.getId()));
    const ids = elementBodies(parts.document, 'w:p')
      .filter((p) => p.includes('<w:numPr>'))
      .map((p) => elementAttributes(p, 'w:numId')[0]['w:val']);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(parts.numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(parts.numbering).toContain('<w:numFmt w:val="lowerLetter"/>');
  });

  it('the checker itself finds a cell without a paragraph and a dangling hyperlink', async () => {
    const { emu, doc, body } = newDoc();
    body.appendTable([['a']]);
    const good = await exportDocument(emu.ctx, doc.getId());
    const zip = await JSZip.loadAsync(good);
    const xml = await zip.file('word/document.xml')!.async('string');
    const broken = xml
      .replace(/(<w:tc>[\s\S]*?)<w:p>[\s\S]*?<\/w:p>(<\/w:tc>)/, '$1$2')
      .replace(
        '<w:body>',
        '<w:body><w:p><w:hyperlink r:id="rIdNone"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>',
      );
    zip.file('word/document.xml', broken);
    const bad = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await docxProblems(bad)).toEqual([
      'word/document.xml: a table cell does not end with a paragraph',
      'word/document.xml: hyperlink rIdNone has no target',
    ]);
  });
});
