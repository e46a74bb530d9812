import {
  bodySpots,
  insertableText,
  TemplateBody,
  templateRequests,
} from '../../../src/domain/document/template-requests';

/** A body of paragraphs as documents.get gives it: each from the end of the one before. */
function body(...paragraphs: string[]): TemplateBody {
  let at = 1;
  return {
    content: paragraphs.map((text) => {
      const content = `${text}\n`;
      const element = {
        startIndex: at,
        endIndex: at + content.length,
        paragraph: { elements: [{ startIndex: at, endIndex: at + content.length, textRun: { content } }] },
      };
      at += content.length;
      return element;
    }),
  };
}

const TABLE = { rows: [{ kind: 'header' as const, cells: ['TT', 'Nội dung'] }], widths: [30, 200] };

describe('templateRequests', () => {
  it('replaces a body placeholder after its first character, then deletes the placeholder', () => {
    const fill = templateRequests(body('A {{don_vi}}'), [], new Map([['don_vi', 'Xã']]), null);
    expect(fill).toEqual({
      requests: [
        { insertText: { location: { index: 4 }, text: 'Xã' } },
        { deleteContentRange: { range: { startIndex: 6, endIndex: 15 } } },
        { deleteContentRange: { range: { startIndex: 3, endIndex: 4 } } },
      ],
      checks: [],
    });
  });

  it('sends replaceAllText first for what also stands in a header, shifting the body edits after it', () => {
    const fill = templateRequests(
      body('Năm {{nam}}', 'A {{don_vi}}'),
      ['{{nam}}', '{{nam}}'],
      new Map([
        ['nam', '2025'],
        ['don_vi', 'X'],
      ]),
      null,
    );
    if (!('requests' in fill)) throw new Error(JSON.stringify(fill));
    expect(fill.requests[0]).toEqual({
      replaceAllText: { containsText: { text: '{{nam}}', matchCase: true }, replaceText: '2025' },
    });
    // "{{don_vi}}" was at 15 in the template; "{{nam}}" → "2025" before it took 3 off: the value
    // goes after its first character, at 12 + 1.
    expect(fill.requests[1]).toEqual({ insertText: { location: { index: 13 }, text: 'X' } });
    expect(fill.requests).toHaveLength(4);
    // Its reply must say it changed the body's one and the header's two.
    expect(fill.checks).toEqual([{ index: 0, occurrences: 3 }]);
  });

  it('edits the body from its last placeholder to its first', () => {
    const fill = templateRequests(
      body('{{a}} {{b}}'),
      [],
      new Map([
        ['a', ''],
        ['b', ''],
      ]),
      null,
    );
    expect(fill).toEqual({
      requests: [
        { deleteContentRange: { range: { startIndex: 7, endIndex: 12 } } },
        { deleteContentRange: { range: { startIndex: 1, endIndex: 6 } } },
      ],
      checks: [],
    });
  });

  it('deletes the table marker and inserts the table where it stood', () => {
    const fill = templateRequests(body('x', 'Trước {{BANG_NHIEM_VU}} sau'), [], new Map(), TABLE);
    if (!('requests' in fill)) throw new Error(JSON.stringify(fill));
    expect(fill.requests[0]).toEqual({ deleteContentRange: { range: { startIndex: 9, endIndex: 26 } } });
    expect(fill.requests[1]).toEqual({ insertTable: { location: { index: 9 }, rows: 1, columns: 2 } });
  });

  it('names what cannot be filled: a name without value, the marker without table or outside the body', () => {
    expect(templateRequests(body('{{x}} {{BANG_NHIEM_VU}}'), [], new Map(), null)).toEqual({
      left: ['x', 'BANG_NHIEM_VU'],
    });
    expect(templateRequests(body('a'), ['{{BANG_NHIEM_VU}}'], new Map(), TABLE)).toEqual({
      left: ['BANG_NHIEM_VU'],
    });
  });

  it('declines (DocumentApp makes it) a header value of several lines or holding "{{"', () => {
    const lines = templateRequests(body('a'), ['{{noi_nhan}}'], new Map([['noi_nhan', 'a\nb']]), null);
    expect('decline' in lines).toBe(true);
    const braces = templateRequests(body('a'), ['{{muc_tieu}}'], new Map([['muc_tieu', 'Đạt {{x}}']]), null);
    expect('decline' in braces).toBe(true);
  });

  it('declines a template with nothing to fill (Docs refuses an empty batchUpdate)', () => {
    expect(templateRequests(body('Kế hoạch'), [], new Map(), TABLE)).toEqual({
      decline: 'mẫu không có trường nào để điền',
    });
  });

  it('declines the marker inside a table cell', () => {
    const cellBody: TemplateBody = {
      content: [
        {
          startIndex: 1,
          endIndex: 24,
          table: {
            tableRows: [
              {
                tableCells: [
                  {
                    content: [
                      {
                        startIndex: 3,
                        endIndex: 21,
                        paragraph: {
                          elements: [
                            { startIndex: 3, endIndex: 21, textRun: { content: '{{BANG_NHIEM_VU}}\n' } },
                          ],
                        },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        },
      ],
    };
    expect(bodySpots(cellBody).map((s) => [s.start, s.topLevel])).toEqual([[3, false]]);
    expect('decline' in templateRequests(cellBody, [], new Map(), TABLE)).toBe(true);
  });

  it('searches each run of text on its own side of a page break, as DocumentApp sees Text elements', () => {
    const split: TemplateBody = {
      content: [
        {
          startIndex: 1,
          endIndex: 14,
          paragraph: {
            elements: [
              { startIndex: 1, endIndex: 4, textRun: { content: '{{a' } },
              { startIndex: 4, endIndex: 5 },
              { startIndex: 5, endIndex: 14, textRun: { content: '}} {{b}}\n' } },
            ],
          },
        },
      ],
    };
    expect(bodySpots(split).map((s) => [s.literal, s.start])).toEqual([['{{b}}', 8]]);
  });
});

describe('insertableText', () => {
  it('strips what Docs strips from inserted text (U+0000–0008, U+000C–001F but newlines, private use)', () => {
    expect(insertableText('a\u0001b\tc\nd\u000be\uE000f\u000cg\u001fh')).toBe('ab\tc\nd\u000befgh');
  });
});
