import { MIME } from '../../../emulator/core/drive-store';
import {
  DRIVE_QUERIES_PER_MINUTE,
  DRIVE_WRITE_BURST,
  DRIVE_WRITES_PER_SECOND,
} from '../../../emulator/services/url-fetch';
import { bearer, FOCAL, json, net, Net, OFFICE, STRANGER, thrown, tokenOf } from './helpers';

const FILES = 'https://www.googleapis.com/drive/v3/files';

type Resp = GoogleAppsScript.URL_Fetch.HTTPResponse;

function list(n: Net, params: Record<string, string | number>, token = n.token): Resp {
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return n.fetcher.fetch(`${FILES}?${query}`, { headers: bearer(token), muteHttpExceptions: true });
}

function get(n: Net, path: string, token: string | null = n.token): Resp {
  return n.fetcher.fetch(`${FILES}/${path}`, {
    headers: token ? bearer(token) : {},
    muteHttpExceptions: true,
  });
}

function post(n: Net, path: string, body: unknown, token: string | null = n.token): Resp {
  return n.fetcher.fetch(`${FILES}/${path}`, {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify(body),
    headers: token ? bearer(token) : {},
    muteHttpExceptions: true,
  });
}

/** A shared folder holding two unit spreadsheets, a document, and one trashed spreadsheet. */
function units(n: Net) {
  const folder = n.drive.createFolder('Đơn vị');
  const make = (name: string) => {
    const id = n.sheets.create(name).getId();
    n.drive.getFileById(id).moveTo(folder);
    n.ctx.clock.advance(1000);
    return id;
  };
  const a = make('Đơn vị A');
  const b = make('Đơn vị B');
  const trashed = make('Đơn vị cũ');
  n.drive.getFileById(trashed).setTrashed(true);
  const doc = n.drive.getFileById(n.drive.createFile('ghi chú.txt', 'x').getId());
  doc.moveTo(folder);
  return { folder: folder.getId(), a, b, trashed, doc: doc.getId() };
}

const SHEET_Q = (folder: string) =>
  `'${folder}' in parents and trashed = false and mimeType = '${MIME.spreadsheet}'`;

describe('Drive API: files.list', () => {
  test('lists permissions to whoever can share the file, nobody else', () => {
    const n = net();
    const u = units(n);
    const file = n.drive.getFileById(u.a);
    file.addEditor(FOCAL);
    file.setSharing(n.drive.Access.ANYONE_WITH_LINK, n.drive.Permission.VIEW);
    const fields = 'files(id,permissions(type,role,emailAddress,allowFileDiscovery))';
    const listed = (token: string) =>
      (
        json(list(n, { q: SHEET_Q(u.folder), fields }, token)).files as {
          id: string;
          permissions?: unknown;
        }[]
      ).find((f) => f.id === u.a);
    expect(listed(n.token)?.permissions).toEqual([
      { type: 'user', role: 'owner', emailAddress: OFFICE },
      { type: 'user', role: 'writer', emailAddress: FOCAL },
      { type: 'anyone', role: 'reader', allowFileDiscovery: false },
    ]);
    // A viewer of the folder cannot share the file: the field is left out.
    n.drive.getFolderById(u.folder).addViewer(STRANGER);
    expect(listed(tokenOf(n, STRANGER))).toEqual({ id: u.a });
  });

  test('answers the q terms the product uses, with exactly the fields asked for', () => {
    const n = net();
    const u = units(n);
    const r = list(n, {
      q: SHEET_Q(u.folder),
      fields: 'files(id,name,modifiedTime,trashed,mimeType,parents),nextPageToken',
      orderBy: 'name',
    });
    expect(r.getResponseCode()).toBe(200);
    const item = n.ctx.drive.peek(u.a)!;
    expect(json(r)).toEqual({
      files: [
        {
          id: u.a,
          name: 'Đơn vị A',
          modifiedTime: new Date(item.updatedMs).toISOString(),
          trashed: false,
          mimeType: MIME.spreadsheet,
          parents: [u.folder],
        },
        expect.objectContaining({ id: u.b, name: 'Đơn vị B' }),
      ],
    });
    expect(new Date(item.updatedMs).toISOString()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test('without `fields` a file is {kind, id, name, mimeType} and the list says its kind', () => {
    const n = net();
    const u = units(n);
    const body = json(list(n, { q: `name = 'Đơn vị A'` }));
    expect(body).toEqual({
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: [{ kind: 'drive#file', id: u.a, name: 'Đơn vị A', mimeType: MIME.spreadsheet }],
    });
  });

  test('trashed files are listed unless the query says trashed = false (reference)', () => {
    const n = net();
    const u = units(n);
    const ids = (q: string) =>
      (json(list(n, { q, fields: 'files(id)' })).files as { id: string }[]).map((f) => f.id);
    expect(ids(`'${u.folder}' in parents`)).toContain(u.trashed);
    expect(ids(`'${u.folder}' in parents and trashed = false`)).not.toContain(u.trashed);
    expect(ids(`'${u.folder}' in parents and trashed = true`)).toEqual([u.trashed]);
  });

  test('others see the folder’s files through its sharing, but never the owner’s trash', () => {
    const n = net();
    const u = units(n);
    n.drive.getFolderById(u.folder).addViewer(FOCAL);
    const files = json(list(n, { q: `'${u.folder}' in parents`, fields: 'files(id)' }, tokenOf(n, FOCAL)))
      .files as { id: string }[];
    expect(files.map((f) => f.id).sort()).toEqual([u.a, u.b, u.doc].sort());
    const stranger = json(list(n, { q: `'${u.folder}' in parents` }, tokenOf(n, STRANGER)));
    expect(stranger.files).toEqual([]);
  });

  test("'root' in parents is the caller's My Drive; name contains matches word prefixes", () => {
    const n = net();
    const u = units(n);
    const mine = n.sheets.create('Tổng hợp 2025').getId();
    const names = (q: string) =>
      (json(list(n, { q, fields: 'files(id,name)' })).files as { id: string; name: string }[]).map(
        (f) => f.id,
      );
    expect(names("'root' in parents and trashed = false").sort()).toEqual([mine, u.folder].sort());
    expect(names("name contains 'Đơn' and trashed = false").sort()).toEqual([u.folder, u.a, u.b].sort());
  });

  test('pages: pageSize (default 100, at most 1000) and nextPageToken', () => {
    const n = net();
    const folder = n.drive.createFolder('Nhiều');
    for (let i = 0; i < 103; i++) folder.createFile(`f${i}.txt`, 'x');
    const q = `'${folder.getId()}' in parents`;
    const first = json(list(n, { q, fields: 'files(id),nextPageToken' }));
    expect((first.files as unknown[]).length).toBe(100);
    const second = json(
      list(n, { q, fields: 'files(id),nextPageToken', pageToken: first.nextPageToken as string }),
    );
    expect((second.files as unknown[]).length).toBe(3);
    expect(second.nextPageToken).toBeUndefined();
    const twos = json(list(n, { q, pageSize: 2, fields: 'nextPageToken,files(id)' }));
    expect((twos.files as unknown[]).length).toBe(2);
    expect(list(n, { q, pageSize: 1001 }).getResponseCode()).toBe(400);
    // A token belongs to its query.
    expect(
      list(n, { q: `${q} and trashed = false`, pageToken: first.nextPageToken as string }).getResponseCode(),
    ).toBe(400);
  });

  test('a query Drive cannot read is 400 Invalid Value at q (v2 words such as title included)', () => {
    const n = net();
    const r = list(n, { q: "name = 'x' and and" });
    expect(json(r)).toEqual({
      error: {
        code: 400,
        message: 'Invalid Value',
        errors: [
          {
            message: 'Invalid Value',
            domain: 'global',
            reason: 'invalid',
            location: 'q',
            locationType: 'parameter',
          },
        ],
      },
    });
    expect(list(n, { q: "title = 'x'" }).getResponseCode()).toBe(400);
  });

  test('a field the File resource does not have is 400 "Invalid field selection"', () => {
    const n = net();
    const r = list(n, { fields: 'files(id,nom)' });
    expect(r.getResponseCode()).toBe(400);
    expect(json(r)).toEqual({
      error: {
        code: 400,
        message: 'Invalid field selection nom',
        errors: [
          {
            message: 'Invalid field selection nom',
            domain: 'global',
            reason: 'invalidParameter',
            location: 'fields',
            locationType: 'parameter',
          },
        ],
      },
    });
  });

  test('a real field the emulator does not produce is an emulator error, not a silent omission', () => {
    const n = net();
    expect(thrown(() => list(n, { fields: 'files(id,size)' })).message).toMatch(
      /^Emulator: the Drive field files\.size/,
    );
  });
});

describe('Drive API: files.get', () => {
  test('answers the fields asked for; modifiedTime follows edits', () => {
    const n = net();
    const u = units(n);
    n.ctx.clock.advance(5000);
    n.sheets.openById(u.a).getSheets()[0].getRange('A1').setValue('mới');
    const item = n.ctx.drive.peek(u.a)!;
    expect(item.updatedMs).toBeGreaterThan(item.createdMs + 5000);
    const body = json(get(n, `${u.a}?fields=id,name,modifiedTime,trashed`));
    expect(body).toEqual({
      id: u.a,
      name: 'Đơn vị A',
      modifiedTime: new Date(item.updatedMs).toISOString(),
      trashed: false,
    });
  });

  test('a file the caller cannot see is 404 "File not found: <id>."', () => {
    const n = net();
    const u = units(n);
    const r = get(n, u.a, tokenOf(n, STRANGER));
    expect(r.getResponseCode()).toBe(404);
    expect(json(r)).toEqual({
      error: {
        code: 404,
        message: `File not found: ${u.a}.`,
        errors: [
          {
            message: `File not found: ${u.a}.`,
            domain: 'global',
            reason: 'notFound',
            location: 'fileId',
            locationType: 'parameter',
          },
        ],
      },
    });
  });

  test('a trashed file: the owner sees trashed: true, a former editor gets 404', () => {
    const n = net();
    const u = units(n);
    n.drive.getFileById(u.trashed).addEditor(FOCAL);
    expect(json(get(n, `${u.trashed}?fields=trashed,explicitlyTrashed`))).toEqual({
      trashed: true,
      explicitlyTrashed: true,
    });
    expect(get(n, u.trashed, tokenOf(n, FOCAL)).getResponseCode()).toBe(404);
  });

  test('no Authorization header on a GET: 403; a bad token: 401 with authError', () => {
    const n = net();
    const u = units(n);
    expect(json(get(n, u.a, null)).error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' });
    expect(json(get(n, u.a, 'ya29.forged')).error).toMatchObject({
      code: 401,
      status: 'UNAUTHENTICATED',
      errors: [
        {
          message: 'Invalid Credentials',
          domain: 'global',
          reason: 'authError',
          location: 'Authorization',
          locationType: 'header',
        },
      ],
    });
  });
});

describe('Drive API: files.copy', () => {
  test('copies like makeCopy: owned by the token’s owner, content deep-copied, into the given folder', () => {
    const n = net();
    const u = units(n);
    const target = n.drive.createFolder('Năm 2025');
    target.addEditor(FOCAL);
    n.drive.getFileById(u.a).addViewer(FOCAL);
    n.sheets.openById(u.a).getSheets()[0].getRange('A1').setValue('gốc');
    const r = post(
      n,
      `${u.a}/copy`,
      { name: 'Đơn vị A - 2025', parents: [target.getId()] },
      tokenOf(n, FOCAL),
    );
    expect(r.getResponseCode()).toBe(200);
    const body = json(r);
    expect(body).toEqual({
      kind: 'drive#file',
      id: expect.any(String),
      name: 'Đơn vị A - 2025',
      mimeType: MIME.spreadsheet,
    });
    const copy = n.ctx.drive.peek(body.id as string)!;
    expect(copy.owner).toBe(FOCAL);
    expect([...copy.parents]).toEqual([target.getId()]);
    const copied = n.sheets.openById(copy.id).getSheets()[0].getRange('A1');
    expect(copied.getValue()).toBe('gốc');
    copied.setValue('sửa bản sao');
    expect(n.sheets.openById(u.a).getSheets()[0].getRange('A1').getValue()).toBe('gốc');
  });

  test('without a name the copy is "Copy of …"; a folder the caller cannot write to is refused', () => {
    const n = net();
    const u = units(n);
    expect(json(post(n, `${u.a}/copy`, {})).name).toBe('Copy of Đơn vị A');
    const locked = n.ctx.session.as(STRANGER, () => n.drive.createFolder('Của người khác').addViewer(OFFICE));
    const r = post(n, `${u.a}/copy`, { parents: [locked.getId()] });
    expect(r.getResponseCode()).toBe(403);
    expect(json(r).error).toMatchObject({
      errors: [expect.objectContaining({ reason: 'insufficientParentPermissions' })],
    });
    expect(post(n, 'missing-file/copy', {}).getResponseCode()).toBe(404);
  });

  test('a POST without Authorization is 401 "Login Required."', () => {
    const n = net();
    const u = units(n);
    expect(json(post(n, `${u.a}/copy`, {}, null)).error).toMatchObject({
      code: 401,
      status: 'UNAUTHENTICATED',
      errors: [expect.objectContaining({ message: 'Login Required.', reason: 'required' })],
    });
  });
});

describe('Drive API: permissions.create', () => {
  test('a writer permission adds an editor, as DriveApp sees it', () => {
    const n = net();
    const u = units(n);
    const r = n.fetcher.fetch(`${FILES}/${u.a}/permissions?sendNotificationEmail=false`, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ role: 'writer', type: 'user', emailAddress: FOCAL }),
      headers: bearer(n.token),
    });
    expect(json(r)).toEqual({
      kind: 'drive#permission',
      id: expect.stringMatching(/^\d{20}$/),
      type: 'user',
      role: 'writer',
    });
    expect(
      n.drive
        .getFileById(u.a)
        .getEditors()
        .map((e) => e.getEmail()),
    ).toContain(FOCAL);
  });

  test('a viewer may not share (403); role owner needs transferOwnership (403); type is required (400)', () => {
    const n = net();
    const u = units(n);
    n.drive.getFileById(u.a).addViewer(FOCAL);
    const asViewer = post(
      n,
      `${u.a}/permissions`,
      { role: 'writer', type: 'user', emailAddress: STRANGER },
      tokenOf(n, FOCAL),
    );
    expect(json(asViewer).error).toMatchObject({
      code: 403,
      errors: [expect.objectContaining({ reason: 'insufficientFilePermissions' })],
    });
    expect(
      post(n, `${u.a}/permissions`, { role: 'owner', type: 'user', emailAddress: FOCAL }).getResponseCode(),
    ).toBe(403);
    expect(post(n, `${u.a}/permissions`, { role: 'writer', emailAddress: FOCAL }).getResponseCode()).toBe(
      400,
    );
    const editors = n.drive
      .getFileById(u.a)
      .getEditors()
      .map((e) => e.getEmail());
    expect(editors).not.toContain(STRANGER);
    expect(editors).not.toContain(FOCAL);
  });
});

describe('Drive API: per-user rate limit', () => {
  test('past the per-minute queries, 403 userRateLimitExceeded (usageLimits)', () => {
    expect(DRIVE_QUERIES_PER_MINUTE).toBe(12_000);
    const n = net({ driveQueriesPerMinute: 2 });
    const u = units(n);
    expect([get(n, u.a), get(n, u.a)].map((r) => r.getResponseCode())).toEqual([200, 200]);
    expect(json(get(n, u.a))).toEqual({
      error: {
        code: 403,
        message: 'User rate limit exceeded.',
        errors: [
          { message: 'User rate limit exceeded.', domain: 'usageLimits', reason: 'userRateLimitExceeded' },
        ],
      },
    });
    n.ctx.clock.advance(60_000);
    expect(get(n, u.a).getResponseCode()).toBe(200);
  });
});

function permissionRequest(
  n: Net,
  fileId: string,
  email: string,
  extra = '',
): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  return {
    url: `${FILES}/${fileId}/permissions?fields=id${extra}`,
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ role: 'writer', type: 'user', emailAddress: email }),
    headers: bearer(n.token),
    muteHttpExceptions: true,
  };
}

function editorsOf(n: Net, id: string): string[] {
  return n.drive
    .getFileById(id)
    .getEditors()
    .map((e) => e.getEmail());
}

describe('Drive API: concurrent permission changes on one file', () => {
  test('within one fetchAll only the last applies; every request still answers 200', () => {
    const n = net();
    const u = units(n);
    const second = 'second@district.gov.vn';
    const third = 'third@district.gov.vn';
    const answers = n.fetcher.fetchAll([
      permissionRequest(n, u.a, FOCAL),
      permissionRequest(n, u.b, FOCAL),
      permissionRequest(n, u.a, second),
      permissionRequest(n, u.a, third),
    ]);
    expect(answers.map((r) => r.getResponseCode())).toEqual([200, 200, 200, 200]);
    expect(editorsOf(n, u.a)).toEqual([OFFICE, third]);
    expect(editorsOf(n, u.b)).toEqual([OFFICE, FOCAL]);
  });

  test('one after another (separate calls) every grant applies', () => {
    const n = net();
    const u = units(n);
    const second = 'second@district.gov.vn';
    n.fetcher.fetchAll([permissionRequest(n, u.a, FOCAL)]);
    n.fetcher.fetchAll([permissionRequest(n, u.a, second)]);
    expect(editorsOf(n, u.a)).toEqual([OFFICE, FOCAL, second]);
  });
});

describe('Drive API: sharing a file with its owner', () => {
  test('is refused with 403 (guess: stricter than a silent success) and changes nothing', () => {
    const n = net();
    const u = units(n);
    const r = n.fetcher.fetch(permissionRequest(n, u.a, OFFICE.toUpperCase()).url, {
      ...permissionRequest(n, u.a, OFFICE.toUpperCase()),
    });
    expect(r.getResponseCode()).toBe(403);
    expect(json(r).error).toMatchObject({
      code: 403,
      errors: [expect.objectContaining({ reason: 'forbidden' })],
    });
    expect(editorsOf(n, u.a)).toEqual([OFFICE]);
  });
});

describe('Drive API: injected rate limits', () => {
  test.each([
    ['userRateLimitExceeded', 'usageLimits', 'User rate limit exceeded.'],
    ['rateLimitExceeded', 'usageLimits', 'Rate Limit Exceeded'],
    [
      'sharingRateLimitExceeded',
      'global',
      expect.stringContaining('could not be shared because a rate limit'),
    ],
  ] as const)('%s answers as Drive documents it', (reason, domain, message) => {
    const n = net();
    const u = units(n);
    n.controls.failNext('/permissions', 403, { reason });
    const r = n.fetcher.fetch(permissionRequest(n, u.a, FOCAL).url, permissionRequest(n, u.a, FOCAL));
    expect(r.getResponseCode()).toBe(403);
    expect(json(r)).toEqual({
      error: { code: 403, message, errors: [{ message, domain, reason }] },
    });
    expect(editorsOf(n, u.a)).toEqual([OFFICE]);
    // The fault is spent: the next request is served.
    expect(
      n.fetcher
        .fetch(permissionRequest(n, u.a, FOCAL).url, permissionRequest(n, u.a, FOCAL))
        .getResponseCode(),
    ).toBe(200);
  });
});

describe('Drive API: shared drives', () => {
  /** A shared drive OFFICE manages (FOCAL reads), with a folder holding one spreadsheet. */
  function sharedDrive(n: Net) {
    const drive = n.ctx.drive.createSharedDrive('Phòng Nội vụ', [
      { email: OFFICE, role: 'writer' },
      { email: FOCAL, role: 'reader' },
    ]);
    const folder = n.drive.getFolderById(drive.id).createFolder('Kế hoạch 2025');
    const sheet = n.sheets.create('Đơn vị X').getId();
    n.drive.getFileById(sheet).moveTo(folder);
    return { drive: drive.id, folder: folder.getId(), sheet };
  }
  const ALL = 'supportsAllDrives=true';

  test('files.list leaves shared-drive items out unless asked for all drives over a corpus that holds them', () => {
    const n = net();
    const s = sharedDrive(n);
    const q = `'${s.folder}' in parents and trashed = false`;
    const ids = (params: Record<string, string>) =>
      ((json(list(n, { q, fields: 'files(id)', ...params })).files as { id: string }[]) ?? []).map(
        (f) => f.id,
      );
    expect(ids({})).toEqual([]);
    expect(ids({ includeItemsFromAllDrives: 'true', supportsAllDrives: 'true' })).toEqual([]); // corpora=user
    expect(ids({ includeItemsFromAllDrives: 'true', corpora: 'allDrives' })).toEqual([]);
    expect(
      ids({ includeItemsFromAllDrives: 'true', supportsAllDrives: 'true', corpora: 'allDrives' }),
    ).toEqual([s.sheet]);
    expect(
      ids({
        includeItemsFromAllDrives: 'true',
        supportsAllDrives: 'true',
        corpora: 'drive',
        driveId: s.drive,
      }),
    ).toEqual([s.sheet]);
    // My Drive items are still listed over allDrives; the drive's root is not a file.
    const mine = n.sheets.create('Của tôi').getId();
    const everything = ids({
      q: 'trashed = false',
      includeItemsFromAllDrives: 'true',
      supportsAllDrives: 'true',
      corpora: 'allDrives',
    });
    expect(everything).toContain(mine);
    expect(everything).not.toContain(s.drive);
  });

  test('get, copy and permissions on a shared-drive file are 404 without supportsAllDrives=true', () => {
    const n = net();
    const s = sharedDrive(n);
    for (const r of [
      get(n, `${s.sheet}?fields=id`),
      post(n, `${s.sheet}/copy`, { name: 'Bản sao' }),
      post(n, `${s.sheet}/permissions`, { role: 'writer', type: 'user', emailAddress: STRANGER }),
    ]) {
      expect(r.getResponseCode()).toBe(404);
      expect(json(r).error).toMatchObject({ message: `File not found: ${s.sheet}.` });
    }
    // Copying a My Drive file into a shared-drive folder: the folder is not found either.
    const mine = n.sheets.create('Mẫu').getId();
    expect(json(post(n, `${mine}/copy`, { parents: [s.folder] })).error).toMatchObject({
      message: `File not found: ${s.folder}.`,
    });
    expect(editorsOf(n, s.sheet)).toEqual([]);
  });

  test('with supportsAllDrives=true they work; the file has a driveId and no owner', () => {
    const n = net();
    const s = sharedDrive(n);
    expect(json(get(n, `${s.sheet}?fields=id,driveId,owners,ownedByMe&${ALL}`))).toEqual({
      id: s.sheet,
      driveId: s.drive,
    });
    const mine = n.sheets.create('Mẫu').getId();
    const copy = json(post(n, `${mine}/copy?${ALL}`, { name: 'Đơn vị Y', parents: [s.folder] }));
    expect(n.drive.getFileById(copy.id as string).getOwner()).toBeNull();
    const shared = post(n, `${copy.id as string}/permissions?${ALL}`, {
      role: 'writer',
      type: 'user',
      emailAddress: STRANGER,
    });
    expect(shared.getResponseCode()).toBe(200);
    expect(editorsOf(n, copy.id as string)).toEqual([STRANGER]);
    // A member of the drive reads its files through the drive, not through a grant on the file.
    expect(n.ctx.drive.roleOf(n.ctx.drive.peek(s.sheet)!, FOCAL)).toBe('viewer');
  });
});

describe('Drive API: sustained write rate', () => {
  test('a burst past the bucket is refused with rate-limit 403s; about 3 writes a second come back', () => {
    expect([DRIVE_WRITES_PER_SECOND, DRIVE_WRITE_BURST]).toEqual([3, 50]);
    const n = net({ driveWriteBurst: 4 });
    const u = units(n);
    const emails = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `${x}@district.gov.vn`);
    // Six shares of six different files at one instant: four pass, two are refused.
    const files = emails.map((_, i) => (i === 0 ? u.a : n.sheets.create(`Tệp ${i}`).getId()));
    const shares = n.fetcher.fetchAll(files.map((id, i) => permissionRequest(n, id, emails[i])));
    expect(shares.map((r) => r.getResponseCode())).toEqual([200, 200, 200, 200, 403, 403]);
    expect(json(shares[5]).error).toMatchObject({
      errors: [expect.objectContaining({ reason: 'sharingRateLimitExceeded', domain: 'global' })],
    });
    expect(editorsOf(n, files[5])).toEqual([OFFICE]);
    // That call took 1.4 s (modeled): the bucket holds 4 again (3 a second, at most the burst).
    // Copies past it are refused as userRateLimitExceeded; reads are not limited by it.
    const copy = {
      method: 'post' as const,
      contentType: 'application/json',
      payload: '{}',
      headers: bearer(n.token),
      muteHttpExceptions: true,
    };
    const next = n.fetcher.fetchAll([
      ...files.slice(0, 5).map((id) => ({ url: `${FILES}/${id}/copy`, ...copy })),
      { url: `${FILES}/${u.b}`, headers: bearer(n.token), muteHttpExceptions: true },
    ]);
    expect(next.map((r) => r.getResponseCode())).toEqual([200, 200, 200, 200, 403, 200]);
    expect(json(next[4]).error).toMatchObject({
      code: 403,
      errors: [expect.objectContaining({ reason: 'userRateLimitExceeded', domain: 'usageLimits' })],
    });
  });
});
