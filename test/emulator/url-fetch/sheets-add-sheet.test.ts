import { json, net, sheetsPost as post } from './helpers';

const message = (r: GoogleAppsScript.URL_Fetch.HTTPResponse) =>
  String((json(r) as { error: { message: string } }).error.message);

describe('Sheets API: addSheet and sheet protections', () => {
  test('adds a sheet with the chosen id and size, and its protection with open areas', () => {
    const n = net();
    const ss = n.sheets.create('Đơn vị A');
    const r = post(n, `${ss.getId()}:batchUpdate`, {
      requests: [
        {
          addSheet: {
            properties: {
              sheetId: 4242,
              title: 'Tiến độ Quý I',
              gridProperties: { rowCount: 30, columnCount: 14 },
            },
          },
        },
        {
          addProtectedRange: {
            protectedRange: {
              range: { sheetId: 4242 },
              description: 'Trang tiến độ',
              unprotectedRanges: [
                { sheetId: 4242, startRowIndex: 4, endRowIndex: 10, startColumnIndex: 7, endColumnIndex: 13 },
              ],
              editors: { users: ['admin@unit.gov.vn'] },
            },
          },
        },
      ],
    });
    expect(r.getResponseCode()).toBe(200);
    const reply = (json(r) as { replies: { addSheet?: { properties: Record<string, unknown> } }[] })
      .replies[0];
    expect(reply.addSheet?.properties).toMatchObject({ sheetId: 4242, title: 'Tiến độ Quý I', index: 1 });
    const sheet = n.sheets.openById(ss.getId()).getSheetByName('Tiến độ Quý I');
    expect([sheet?.getSheetId(), sheet?.getMaxRows(), sheet?.getMaxColumns()]).toEqual([4242, 30, 14]);
    const [p] = sheet?.getProtections(n.sheets.ProtectionType.SHEET) ?? [];
    expect(p.getDescription()).toBe('Trang tiến độ');
    expect(p.getUnprotectedRanges().map((u) => u.getA1Notation())).toEqual(['H5:M10']);

    // The open areas are replaced by updateProtectedRange; a second sheet protection is refused.
    const id = Number(
      (json(r) as { replies: { addProtectedRange?: { protectedRange: { protectedRangeId: number } } }[] })
        .replies[1].addProtectedRange?.protectedRange.protectedRangeId,
    );
    const update = post(n, `${ss.getId()}:batchUpdate`, {
      requests: [
        {
          updateProtectedRange: {
            protectedRange: {
              protectedRangeId: id,
              unprotectedRanges: [
                { sheetId: 4242, startRowIndex: 4, endRowIndex: 20, startColumnIndex: 7, endColumnIndex: 13 },
              ],
            },
            fields: 'unprotectedRanges',
          },
        },
      ],
    });
    expect(update.getResponseCode()).toBe(200);
    const again = n.sheets.openById(ss.getId()).getSheetByName('Tiến độ Quý I');
    expect(
      again
        ?.getProtections(n.sheets.ProtectionType.SHEET)[0]
        .getUnprotectedRanges()
        .map((u) => u.getA1Notation()),
    ).toEqual(['H5:M20']);
    const second = post(n, `${ss.getId()}:batchUpdate`, {
      requests: [{ addProtectedRange: { protectedRange: { range: { sheetId: 4242 }, description: 'x' } } }],
    });
    expect(second.getResponseCode()).toBe(400);
    expect(message(second)).toBe(
      'Invalid requests[0].addProtectedRange: Sheet "Tiến độ Quý I" already has sheet protection.',
    );
  });

  test('refuses a taken title or id, and open areas on a range protection, applying nothing', () => {
    const n = net();
    const ss = n.sheets.create('Đơn vị A');
    const first = ss.getSheets()[0].getName();
    const taken = post(n, `${ss.getId()}:batchUpdate`, {
      requests: [
        { addSheet: { properties: { title: 'Mới' } } },
        { addSheet: { properties: { title: first.toUpperCase() } } },
      ],
    });
    expect(taken.getResponseCode()).toBe(400);
    expect(message(taken)).toBe(
      `Invalid requests[1].addSheet: A sheet with the name "${first.toUpperCase()}" already exists. Please enter another name.`,
    );
    expect(n.sheets.openById(ss.getId()).getSheetByName('Mới')).toBeNull();
    const id = post(n, `${ss.getId()}:batchUpdate`, {
      requests: [{ addSheet: { properties: { title: 'Mới', sheetId: 0 } } }],
    });
    expect(id.getResponseCode()).toBe(400);
    const ranged = post(n, `${ss.getId()}:batchUpdate`, {
      requests: [
        {
          addProtectedRange: {
            protectedRange: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 2 },
              unprotectedRanges: [{ sheetId: 0, startRowIndex: 0, endRowIndex: 1 }],
            },
          },
        },
      ],
    });
    expect(ranged.getResponseCode()).toBe(400);
    expect(message(ranged)).toContain('Unprotected ranges are only supported on protected sheets.');
  });
});
