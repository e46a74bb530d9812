import { DOCS_CREATE_QUOTA_MESSAGE, setAccountType } from '../../../emulator/core/daily-documents';
import {
  elementAttributes,
  elementBodies,
  exportDocument,
  readDocxParts,
  wordText,
} from '../../../emulator/export';
import { createDocumentApp } from '../../../emulator/services/document';
import { DOCS_WRITES_PER_MINUTE } from '../../../emulator/services/url-fetch';
import { bearer, FOCAL, json, net, Net, tokenOf } from './helpers';

const DOCS = 'https://docs.googleapis.com/v1/documents';
type Resp = GoogleAppsScript.URL_Fetch.HTTPResponse;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function setup(): Net & { docs: GoogleAppsScript.Document.DocumentApp; id: string } {
  const n = net();
  const docs = createDocumentApp(n.ctx);
  const id = docs.create('Kế hoạch').getId();
  return { ...n, docs, id };
}

function update(n: Net, id: string, requests: unknown[], token = n.token): Resp {
  return n.fetcher.fetch(`${DOCS}/${id}:batchUpdate`, {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ requests }),
    headers: bearer(token),
    muteHttpExceptions: true,
  });
}

function get(n: Net, id: string, token = n.token): Resp {
  return n.fetcher.fetch(`${DOCS}/${id}`, { headers: bearer(token), muteHttpExceptions: true });
}

const at = (index: number) => ({ location: { index } });

/** [startIndex, endIndex, text] of each body paragraph, and tables as 'table'. */
function outline(doc: Json): [number | undefined, number, string][] {
  return (doc.body.content as Json[]).map((e) => [
    e.startIndex,
    e.endIndex,
    e.paragraph
      ? (e.paragraph.elements as Json[]).map((x) => x.textRun?.content ?? '<pb>').join('')
      : e.table
        ? 'table'
        : 'section',
  ]);
}

describe('Docs API: documents.get and index semantics', () => {
  test('a new document: the section break at 0, one empty paragraph from 1', () => {
    const n = setup();
    const doc = json(get(n, n.id)) as Json;
    expect(doc.documentId).toBe(n.id);
    expect(doc.title).toBe('Kế hoạch');
    expect(outline(doc)).toEqual([
      [undefined, 1, 'section'],
      [1, 2, '\n'],
    ]);
  });

  test('inserted newlines make paragraphs; indexes count UTF-16 units of the Vietnamese text', () => {
    const n = setup();
    const r = update(n, n.id, [{ insertText: { ...at(1), text: 'Điều 1\nĐiều 2' } }]);
    expect(r.getResponseCode()).toBe(200);
    expect(outline(json(get(n, n.id)) as Json)).toEqual([
      [undefined, 1, 'section'],
      [1, 8, 'Điều 1\n'],
      [8, 15, 'Điều 2\n'],
    ]);
    // DocumentApp sees the same document.
    const body = n.docs.openById(n.id).getBody();
    expect(body.getNumChildren()).toBe(2);
    expect(body.getChild(1).asParagraph().getText()).toBe('Điều 2');
  });

  test('a table starts one after its location (a newline goes first); cells at +1 per row and cell', () => {
    const n = setup();
    update(n, n.id, [{ insertText: { ...at(1), text: 'Phụ lục' } }]);
    // "Phụ lục" is 1..8 (newline at 8); a 2×2 table at 8: newline at 8, table at 9, row 10,
    // cell 11 → content 12, cell 13 → 14, row 15, cell 16 → 17, cell 18 → 19.
    const r = update(n, n.id, [
      { insertTable: { ...at(8), rows: 2, columns: 2 } },
      { insertText: { ...at(19), text: 'd' } },
      { insertText: { ...at(17), text: 'c' } },
      { insertText: { ...at(14), text: 'b' } },
      { insertText: { ...at(12), text: 'a' } },
    ]);
    expect(r.getResponseCode()).toBe(200);
    const content = (json(get(n, n.id)) as Json).body.content as Json[];
    expect(content[2].startIndex).toBe(9);
    expect(content[2].table.tableRows[1].tableCells[1].startIndex).toBe(21);
    const table = n.docs.openById(n.id).getBody().getTables()[0];
    expect([0, 1].map((row) => [0, 1].map((col) => table.getCell(row, col).getText()))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  test('text cannot go at a table start, nor past the segment end', () => {
    const n = setup();
    update(n, n.id, [{ insertTable: { ...at(1), rows: 1, columns: 1 } }]);
    const bad = update(n, n.id, [{ insertText: { ...at(2), text: 'x' } }]);
    expect(bad.getResponseCode()).toBe(400);
    expect((json(bad) as Json).error).toEqual({
      code: 400,
      message:
        'Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
      status: 'INVALID_ARGUMENT',
    });
    const past = update(n, n.id, [{ insertText: { ...at(40), text: 'x' } }]);
    expect((json(past) as Json).error.message).toBe(
      'Invalid requests[0].insertText: Index 40 must be less than the end index of the referenced segment, 7.',
    );
  });

  test('a batch is atomic: one bad request and nothing is applied', () => {
    const n = setup();
    const r = update(n, n.id, [
      { insertText: { ...at(1), text: 'Tiêu đề' } },
      {
        updateParagraphStyle: {
          range: { startIndex: 1, endIndex: 2 },
          paragraphStyle: { alignment: 'CENTER' },
        },
      },
    ]);
    expect(r.getResponseCode()).toBe(400);
    expect((json(r) as Json).error.message).toBe(
      "Invalid requests[1].updateParagraphStyle: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
    expect(n.docs.openById(n.id).getBody().getText()).toBe('');
  });

  test('the final newline of the body cannot be deleted; text within a paragraph can', () => {
    const n = setup();
    update(n, n.id, [{ insertText: { ...at(1), text: 'abcdef' } }]);
    const bad = update(n, n.id, [{ deleteContentRange: { range: { startIndex: 1, endIndex: 8 } } }]);
    expect((json(bad) as Json).error.message).toMatch(/newline character at the end of the segment/);
    update(n, n.id, [{ deleteContentRange: { range: { startIndex: 2, endIndex: 4 } } }]);
    expect(n.docs.openById(n.id).getBody().getText()).toBe('adef');
  });

  test('deleting across a newline joins the two paragraphs', () => {
    const n = setup();
    update(n, n.id, [{ insertText: { ...at(1), text: 'ab\ncd' } }]);
    update(n, n.id, [{ deleteContentRange: { range: { startIndex: 2, endIndex: 5 } } }]);
    const body = n.docs.openById(n.id).getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('ad');
  });

  test('replaceAllText counts occurrences and keeps the placeholder formatting', () => {
    const n = setup();
    update(n, n.id, [
      { insertText: { ...at(1), text: 'Đơn vị: {{DV}}; lại {{dv}}' } },
      {
        updateTextStyle: {
          range: { startIndex: 9, endIndex: 15 },
          textStyle: { bold: true },
          fields: 'bold',
        },
      },
    ]);
    const r = update(n, n.id, [
      { replaceAllText: { containsText: { text: '{{DV}}', matchCase: true }, replaceText: 'Xã A' } },
    ]);
    expect((json(r) as Json).replies).toEqual([{ replaceAllText: { occurrencesChanged: 1 } }]);
    const text = n.docs.openById(n.id).getBody().getChild(0).asParagraph().editAsText();
    expect(text.getText()).toBe('Đơn vị: Xã A; lại {{dv}}');
    expect(text.isBold(9)).toBe(true);
    expect(text.isBold(1)).toBeNull(); // not set: DocumentApp reports null
  });
});

describe('Docs API: access and per-minute limits', () => {
  test('a missing document is 404, a viewer may read but not write', () => {
    const n = setup();
    expect(get(n, 'nope123').getResponseCode()).toBe(404);
    n.drive.getFileById(n.id).addViewer(FOCAL);
    const viewer = tokenOf(n, FOCAL);
    expect(get(n, n.id, viewer).getResponseCode()).toBe(200);
    const w = update(n, n.id, [{ insertText: { ...at(1), text: 'x' } }], viewer);
    expect(w.getResponseCode()).toBe(403);
    expect(n.docs.openById(n.id).getBody().getText()).toBe('');
  });

  test(`the ${DOCS_WRITES_PER_MINUTE + 1}st write in a minute is 429; a minute later writes pass again`, () => {
    const n = setup();
    // Sent at one instant (fetchAll): serial writes at ~2 s each could never reach the limit.
    const one = {
      url: `${DOCS}/${n.id}:batchUpdate`,
      method: 'post' as const,
      contentType: 'application/json',
      payload: JSON.stringify({ requests: [{ insertText: { ...at(1), text: 'x' } }] }),
      headers: bearer(n.token),
      muteHttpExceptions: true,
    };
    const codes = n.fetcher
      .fetchAll(Array(DOCS_WRITES_PER_MINUTE + 1).fill(one))
      .map((r) => r.getResponseCode());
    expect(codes.filter((c) => c === 200)).toHaveLength(DOCS_WRITES_PER_MINUTE);
    expect(codes[DOCS_WRITES_PER_MINUTE]).toBe(429);
    expect((json(update(n, n.id, [{ insertText: { ...at(1), text: 'x' } }])) as Json).error.message).toMatch(
      /'Write requests per minute per user' of service 'docs.googleapis.com'/,
    );
    expect(get(n, n.id).getResponseCode()).toBe(200); // reads have their own allowance
    n.ctx.clock.advance(61_000);
    expect(update(n, n.id, [{ insertText: { ...at(1), text: 'y' } }]).getResponseCode()).toBe(200);
    expect(n.docs.openById(n.id).getBody().getText()).toBe('y' + 'x'.repeat(DOCS_WRITES_PER_MINUTE));
  });
});

describe('Docs API layout readback (.docx)', () => {
  test('a flipped section is landscape, pinned rows repeat, kept paragraphs carry keepNext/keepLines', async () => {
    const n = setup();
    const r = update(n, n.id, [
      { insertText: { ...at(1), text: 'Nội dung\nPhụ lục II' } },
      // "Nội dung" 1..9, "Phụ lục II" 10..20; a section break at 9 puts it before "Phụ lục II".
      { insertSectionBreak: { ...at(9), sectionType: 'NEXT_PAGE' } },
      {
        updateSectionStyle: {
          range: { startIndex: 11, endIndex: 12 },
          sectionStyle: { flipPageOrientation: true },
          fields: 'flipPageOrientation',
        },
      },
      { insertTable: { endOfSegmentLocation: {}, rows: 3, columns: 2 } },
      {
        updateParagraphStyle: {
          range: { startIndex: 1, endIndex: 2 },
          paragraphStyle: { keepWithNext: true, keepLinesTogether: true },
          fields: 'keepWithNext,keepLinesTogether',
        },
      },
    ]);
    expect(r.getResponseCode()).toBe(200);
    const doc = json(get(n, n.id)) as Json;
    const table = (doc.body.content as Json[]).find((e) => e.table)!;
    const pin = update(n, n.id, [
      { pinTableHeaderRows: { tableStartLocation: { index: table.startIndex }, pinnedHeaderRowsCount: 1 } },
      {
        updateTableColumnProperties: {
          tableStartLocation: { index: table.startIndex },
          columnIndices: [1],
          tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 120, unit: 'PT' } },
          fields: 'width,widthType',
        },
      },
    ]);
    expect(pin.getResponseCode()).toBe(200);
    const parts = await readDocxParts(await exportDocument(n.ctx, n.id));
    const sizes = elementAttributes(parts.document, 'w:pgSz');
    expect(sizes).toHaveLength(2);
    expect(sizes[0]['w:orient']).not.toBe('landscape');
    expect(sizes[1]['w:orient']).toBe('landscape');
    expect(Number(sizes[1]['w:w'])).toBeGreaterThan(Number(sizes[1]['w:h']));
    const rows = elementBodies(parts.document, 'w:tr');
    expect(rows.map((row) => row.includes('<w:tblHeader'))).toEqual([true, false, false]);
    const kept = elementBodies(parts.document, 'w:p').find((p) => wordText(p) === 'Nội dung')!;
    expect(kept).toContain('<w:keepNext');
    expect(kept).toContain('<w:keepLines');
    const plain = elementBodies(parts.document, 'w:p').find((p) => wordText(p) === 'Phụ lục II')!;
    expect(plain).not.toContain('<w:keepNext');
  });
});

describe('the daily documents-created quota', () => {
  test('the 251st DocumentApp.create of a consumer day fails; the next Pacific day it works', () => {
    const n = setup(); // one created already
    for (let i = 1; i < 250; i++) n.docs.create(`d${i}`);
    expect(() => n.docs.create('one too many')).toThrow(DOCS_CREATE_QUOTA_MESSAGE);
    // Started 2025-01-02 01:00 UTC = 17:00 Pacific on Jan 1: Pacific midnight is 7 hours on.
    n.ctx.clock.advance(7 * 3600_000 + 1000);
    expect(() => n.docs.create('next day')).not.toThrow();
  });

  test('a Workspace account has 1,500 a day', () => {
    const n = setup();
    setAccountType(n.ctx, 'workspace');
    for (let i = 1; i < 1500; i++) n.docs.create(`d${i}`);
    expect(() => n.docs.create('1501')).toThrow(DOCS_CREATE_QUOTA_MESSAGE);
  });
});
