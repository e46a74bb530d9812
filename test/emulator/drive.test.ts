import { createContext, EmulatorContext } from '../../emulator/core/context';
import { FileContent, MIME, NOT_FOUND } from '../../emulator/core/drive-store';
import { GasException } from '../../emulator/core/errors';
import { createDriveApp, ITERATOR_END, registerContentExporter } from '../../emulator/services/drive';
import { EmuBlob } from '../../emulator/services/support/blob';

const OWNER = 'owner@so.gov.vn';
const COLLEAGUE = 'colleague@so.gov.vn';
const STRANGER = 'someone@other.vn';

/** A Google-type content whose copies are deep (like the spreadsheet model). */
class FakeSheet implements FileContent {
  readonly kind = 'spreadsheet' as const;
  constructor(public cells: string[]) {}
  clone(): FakeSheet {
    return new FakeSheet([...this.cells]);
  }
}

function setup(): { ctx: EmulatorContext; drive: GoogleAppsScript.Drive.DriveApp } {
  const ctx = createContext({ user: OWNER, start: new Date(Date.UTC(2025, 0, 2, 1, 0, 0)) });
  return { ctx, drive: createDriveApp(ctx) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

function names(it: GoogleAppsScript.Drive.FileIterator | GoogleAppsScript.Drive.FolderIterator): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

describe('DriveApp.getFileById', () => {
  test('a missing id fails with Drive’s message as an Apps Script Exception', () => {
    const { drive } = setup();
    const err = thrown(() => drive.getFileById('1nope'));
    expect(err).toBeInstanceOf(GasException);
    expect(err.name).toBe('Exception');
    expect(err.message).toBe(NOT_FOUND);
  });

  test('permanently deleted and inaccessible files fail alike', () => {
    const { ctx, drive } = setup();
    const file = drive.createFile('kế hoạch.txt', 'x');
    const id = file.getId();
    expect(thrown(() => ctx.session.as(STRANGER, () => drive.getFileById(id))).message).toBe(NOT_FOUND);
    ctx.drive.deletePermanently(id);
    expect(thrown(() => drive.getFileById(id)).message).toBe(NOT_FOUND);
    // an object obtained earlier fails too: every call goes back to Drive
    expect(thrown(() => file.getName()).message).toBe(NOT_FOUND);
  });

  test('the owner gets a trashed file back, marked trashed; an editor no longer sees it', () => {
    const { ctx, drive } = setup();
    const file = drive.createFile('a.txt', 'x').addEditor(COLLEAGUE);
    file.setTrashed(true);
    expect(drive.getFileById(file.getId()).isTrashed()).toBe(true);
    expect(thrown(() => ctx.session.as(COLLEAGUE, () => drive.getFileById(file.getId()))).message).toBe(
      NOT_FOUND,
    );
  });

  test('a file in a trashed folder is trashed too', () => {
    const { drive } = setup();
    const folder = drive.createFolder('Đơn vị');
    const file = folder.createFile('b.txt', 'y');
    folder.setTrashed(true);
    expect(file.isTrashed()).toBe(true);
    folder.setTrashed(false);
    expect(file.isTrashed()).toBe(false);
  });

  test('a folder id is not a file id, and a file id is not a folder id', () => {
    const { drive } = setup();
    const folder = drive.createFolder('F');
    const file = drive.createFile('f.txt', '');
    expect(thrown(() => drive.getFileById(folder.getId())).message).toBe(NOT_FOUND);
    expect(thrown(() => drive.getFolderById(file.getId())).message).toBe(NOT_FOUND);
    expect(drive.getFolderById(folder.getId()).getName()).toBe('F');
  });

  test('a non-string id is a signature error', () => {
    const { drive } = setup();
    expect(thrown(() => drive.getFileById(42 as unknown as string)).message).toBe(
      "The parameters (number) don't match the method signature for DriveApp.getFileById.",
    );
  });
});

describe('access rules', () => {
  test('a viewer can read but not rename; an editor can rename but not trash', () => {
    const { ctx, drive } = setup();
    const file = drive.createFile('c.txt', 'z').addViewer(COLLEAGUE);
    const id = file.getId();
    ctx.session.as(COLLEAGUE, () => {
      const seen = drive.getFileById(id);
      expect(seen.getName()).toBe('c.txt');
      expect(thrown(() => seen.setName('x')).message).toBe('Access denied: DriveApp.');
    });
    file.addEditor(COLLEAGUE);
    ctx.session.as(COLLEAGUE, () => {
      drive.getFileById(id).setName('renamed');
      expect(thrown(() => drive.getFileById(id).setTrashed(true)).message).toBe('Access denied: DriveApp.');
    });
    expect(file.getName()).toBe('renamed');
  });

  test('sharing a folder shares its files; removing an editor does not block general access', () => {
    const { ctx, drive } = setup();
    const folder = drive.createFolder('Shared').addEditor(COLLEAGUE);
    const file = folder.createFile('inside.txt', '1');
    ctx.session.as(COLLEAGUE, () => drive.getFileById(file.getId()).setName('edited by colleague'));
    file.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW);
    expect(ctx.session.as(STRANGER, () => drive.getFileById(file.getId()).getName())).toBe(
      'edited by colleague',
    );
  });

  test('domain sharing reaches people of the owner’s domain only', () => {
    const { ctx, drive } = setup();
    const file = drive
      .createFile('d.txt', '')
      .setSharing(drive.Access.DOMAIN_WITH_LINK, drive.Permission.VIEW);
    expect(ctx.session.as(COLLEAGUE, () => drive.getFileById(file.getId()).getName())).toBe('d.txt');
    expect(thrown(() => ctx.session.as(STRANGER, () => drive.getFileById(file.getId()))).message).toBe(
      NOT_FOUND,
    );
  });

  test('consumer accounts have no domain to share with', () => {
    const ctx = createContext({ user: 'someone@gmail.com' });
    const drive = createDriveApp(ctx);
    const file = drive.createFile('p.txt', '');
    expect(thrown(() => file.setSharing(drive.Access.DOMAIN_WITH_LINK, drive.Permission.VIEW)).message).toBe(
      'Invalid argument: permission.value',
    );
    expect(file.getSharingAccess()).toBe(drive.Access.PRIVATE);
  });

  test('My Drive cannot be renamed or trashed, and each person has their own', () => {
    const { ctx, drive } = setup();
    const root = drive.getRootFolder();
    expect(root.getName()).toBe('My Drive');
    expect(thrown(() => root.setName('x')).message).toBe('Access denied: DriveApp.');
    expect(thrown(() => root.setTrashed(true)).message).toBe('Access denied: DriveApp.');
    const theirs = ctx.session.as(COLLEAGUE, () => drive.getRootFolder().getId());
    expect(theirs).not.toBe(root.getId());
    const made = ctx.session.as(COLLEAGUE, () => drive.createFile('mine.txt', '').getId());
    expect(ctx.drive.peek(made)?.parents.has(theirs)).toBe(true);
  });
});

describe('editors and viewers', () => {
  test('a malformed address fails and addEditors is not atomic', () => {
    const { drive } = setup();
    const file = drive.createFile('e.txt', '');
    expect(thrown(() => file.addEditor('not-an-email')).message).toBe('Invalid argument: permission.value');
    expect(thrown(() => file.addEditors(['a@so.gov.vn', 'bad address', 'b@so.gov.vn'])).message).toBe(
      'Invalid argument: permission.value',
    );
    expect(file.getEditors().map((u) => u.getEmail())).toEqual([OWNER, 'a@so.gov.vn']);
  });

  test('addEditor promotes a viewer; addViewer leaves an editor alone; removeViewer ignores editors', () => {
    const { drive } = setup();
    const file = drive.createFile('f.txt', '').addViewer(COLLEAGUE).addEditor(COLLEAGUE);
    expect(file.getAccess(COLLEAGUE)).toBe(drive.Permission.EDIT);
    file.addViewer(COLLEAGUE).removeViewer(COLLEAGUE);
    expect(file.getAccess(COLLEAGUE)).toBe(drive.Permission.EDIT);
    file.removeEditor(COLLEAGUE);
    expect(file.getAccess(COLLEAGUE)).toBe(drive.Permission.NONE);
  });

  test('lists are hierarchical, and empty for someone without edit access', () => {
    const { ctx, drive } = setup();
    const file = drive.createFile('g.txt', '').addEditor(COLLEAGUE).addViewer('reader@so.gov.vn');
    expect(file.getEditors().map((u) => u.getEmail())).toEqual([OWNER, COLLEAGUE]);
    expect(file.getViewers().map((u) => u.getEmail())).toEqual([OWNER, COLLEAGUE, 'reader@so.gov.vn']);
    const asReader = ctx.session.as('reader@so.gov.vn', () => drive.getFileById(file.getId()).getEditors());
    expect(asReader).toEqual([]);
    expect(file.getOwner().getEmail()).toBe(OWNER);
    expect(file.getOwner().getDomain()).toBe('so.gov.vn');
    expect(file.getOwner().getName()).toBeNull();
  });

  test('sharing takes enum objects, not strings', () => {
    const { drive } = setup();
    const file = drive.createFile('h.txt', '');
    expect(drive.Access.ANYONE as unknown).not.toBe('ANYONE');
    expect(String(drive.Access.ANYONE)).toBe('ANYONE');
    expect(thrown(() => file.setSharing('ANYONE' as never, 'VIEW' as never)).message).toBe(
      "The parameters (String,String) don't match the method signature for DriveApp.File.setSharing.",
    );
    expect(file.getSharingAccess()).toBe(drive.Access.PRIVATE);
    expect(file.getSharingPermission()).toBe(drive.Permission.NONE);
    file.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.EDIT);
    expect(file.getSharingPermission()).toBe(drive.Permission.EDIT);
  });
});

describe('listing', () => {
  test('next() past the end throws Apps Script’s message', () => {
    const { drive } = setup();
    const it = drive.getFilesByName('nothing here');
    expect(it.hasNext()).toBe(false);
    expect(thrown(() => it.next()).message).toBe(ITERATOR_END);
  });

  test('getFiles and getFilesByName include the owner’s trashed files', () => {
    const { drive } = setup();
    drive.createFile('report.txt', '1').setTrashed(true);
    drive.createFile('report.txt', '2');
    expect(names(drive.getFilesByName('report.txt'))).toHaveLength(2);
    expect(names(drive.getFilesByName('Report.txt'))).toHaveLength(0);
    expect(names(drive.searchFiles("title = 'report.txt' and trashed = false"))).toHaveLength(1);
    expect(names(drive.getTrashedFiles())).toEqual(['report.txt']);
  });

  test('link-shared files open by id but are not listed in the visitor’s Drive', () => {
    const { ctx, drive } = setup();
    const file = drive
      .createFile('public.txt', '')
      .setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW);
    ctx.session.as(STRANGER, () => {
      expect(drive.getFileById(file.getId()).getName()).toBe('public.txt');
      expect(names(drive.getFiles())).toEqual([]);
    });
    file.addViewer(STRANGER);
    expect(ctx.session.as(STRANGER, () => names(drive.getFiles()))).toEqual(['public.txt']);
  });

  test('most recently updated first, not creation order', () => {
    const { ctx, drive } = setup();
    const first = drive.createFile('first.txt', '');
    ctx.clock.advance(1000);
    drive.createFile('second.txt', '');
    expect(names(drive.getFiles())).toEqual(['second.txt', 'first.txt']);
    ctx.clock.advance(1000);
    first.setName('first, renamed');
    expect(names(drive.getFiles())).toEqual(['first, renamed', 'second.txt']);
  });

  test('folder listings hold only children; getParents hides folders the user cannot see', () => {
    const { ctx, drive } = setup();
    const folder = drive.createFolder('Kế hoạch 2025');
    folder.createFolder('Đơn vị A');
    const file = folder.createFile('x.txt', '').addEditor(COLLEAGUE);
    drive.createFile('elsewhere.txt', '');
    expect(names(folder.getFiles())).toEqual(['x.txt']);
    expect(names(folder.getFolders())).toEqual(['Đơn vị A']);
    expect(names(file.getParents())).toEqual(['Kế hoạch 2025']);
    const parents = ctx.session.as(COLLEAGUE, () => drive.getFileById(file.getId()).getParents());
    expect(ctx.session.as(COLLEAGUE, () => parents.hasNext())).toBe(false);
  });

  test('a continuation token resumes where the iterator stopped', () => {
    const { drive } = setup();
    for (const n of ['a', 'b', 'c']) drive.createFile(n, '');
    const it = drive.getFiles();
    const first = it.next().getName();
    const rest = names(drive.continueFileIterator(it.getContinuationToken()));
    expect([first, ...rest].sort()).toEqual(['a', 'b', 'c']);
    expect(thrown(() => drive.continueFolderIterator(it.getContinuationToken())).message).toBe(
      'Invalid argument: continuationToken',
    );
  });

  test('search: contains is per-term prefix matching; unsupported syntax is an emulator error', () => {
    const { drive } = setup();
    drive.createFile('HelloWorld', '');
    drive.createFile('Báo cáo tháng', '');
    expect(names(drive.searchFiles("title contains 'Hello'"))).toEqual(['HelloWorld']);
    expect(names(drive.searchFiles("title contains 'World'"))).toEqual([]);
    expect(names(drive.searchFiles("title contains 'cáo'"))).toEqual(['Báo cáo tháng']);
    const err = thrown(() => drive.searchFiles("title = 'a' or title = 'b'"));
    expect(err).not.toBeInstanceOf(GasException);
    expect(thrown(() => drive.searchFiles('title =')).message).toBe('Invalid argument: q');
  });
});

describe('File', () => {
  test('URLs follow the file type', () => {
    const { ctx, drive } = setup();
    const sheet = ctx.drive.create({ name: 'S', mimeType: MIME.spreadsheet, content: new FakeSheet([]) });
    const doc = ctx.drive.create({ name: 'D', mimeType: MIME.document });
    const folder = drive.createFolder('F');
    const text = drive.createFile('t.txt', 'hi');
    expect(drive.getFileById(sheet.id).getUrl()).toBe(
      `https://docs.google.com/spreadsheets/d/${sheet.id}/edit?usp=drivesdk`,
    );
    expect(drive.getFileById(doc.id).getUrl()).toBe(
      `https://docs.google.com/document/d/${doc.id}/edit?usp=drivesdk`,
    );
    expect(text.getUrl()).toBe(`https://drive.google.com/file/d/${text.getId()}/view?usp=drivesdk`);
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
  });

  test('getLastUpdated follows edits on the modeled clock', () => {
    const { ctx, drive } = setup();
    const file = drive.createFile('u.txt', '');
    const created = file.getDateCreated().getTime();
    ctx.clock.advance(60_000);
    file.setName('u2.txt');
    expect(file.getLastUpdated().getTime()).toBeGreaterThanOrEqual(created + 60_000);
    expect(file.getDateCreated().getTime()).toBe(created);
  });

  test('makeCopy: deep content, owned by the copier, private, in the original’s folder', () => {
    const { ctx, drive } = setup();
    const folder = drive.createFolder('Templates').addEditor(COLLEAGUE);
    const content = new FakeSheet(['a']);
    const item = ctx.drive.create({
      name: 'Mẫu',
      mimeType: MIME.spreadsheet,
      parentId: folder.getId(),
      content,
    });
    const original = drive.getFileById(item.id).addEditor('editor@so.gov.vn');
    original.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW);

    const copy = ctx.session.as(COLLEAGUE, () => original.makeCopy());
    const copied = ctx.drive.peek(copy.getId())!;
    expect(copied.name).toBe('Copy of Mẫu');
    expect(copied.owner).toBe(COLLEAGUE);
    expect([...copied.parents]).toEqual([folder.getId()]);
    expect(copied.sharingAccess).toBe('PRIVATE');
    expect([...copied.editors]).toEqual([]);
    (copied.content as FakeSheet).cells.push('b');
    expect(content.cells).toEqual(['a']);
    // the original's editor reaches the copy only through the folder's sharing — which they lack
    expect(
      thrown(() => ctx.session.as('editor@so.gov.vn', () => drive.getFileById(copy.getId()))).message,
    ).toBe(NOT_FOUND);
    // the folder's owner inherits access to the copy
    expect(drive.getFileById(copy.getId()).getName()).toBe('Copy of Mẫu');
  });

  test('makeCopy by a viewer lands in their own Drive; a destination needs edit access', () => {
    const { ctx, drive } = setup();
    const folder = drive.createFolder('Private');
    const file = folder.createFile('v.txt', 'data').addViewer(COLLEAGUE);
    ctx.session.as(COLLEAGUE, () => {
      const seen = drive.getFileById(file.getId());
      const copy = seen.makeCopy('mine');
      expect(names(copy.getParents())).toEqual(['My Drive']);
      expect(copy.getOwner().getEmail()).toBe(COLLEAGUE);
      expect(copy.getBlob().getDataAsString()).toBe('data');
      const theirFolder = drive.createFolder('Theirs');
      expect(names(seen.makeCopy(theirFolder).getParents())).toEqual(['Theirs']);
      expect(seen.makeCopy('named', theirFolder).getName()).toBe('named');
    });
    const ownerOnly = drive.createFolder('Owner only');
    expect(
      thrown(() => ctx.session.as(COLLEAGUE, () => drive.getFileById(file.getId()).makeCopy(ownerOnly)))
        .message,
    ).toBe(NOT_FOUND);
    expect(thrown(() => file.makeCopy(42 as never)).message).toBe(
      "The parameters (number) don't match the method signature for DriveApp.File.makeCopy.",
    );
  });

  test('moveTo needs the owner or an editor of the current folder, and edit access to the destination', () => {
    const { ctx, drive } = setup();
    const from = drive.createFolder('From');
    const to = drive.createFolder('To').addEditor(COLLEAGUE);
    const file = from.createFile('m.txt', '').addEditor(COLLEAGUE);
    expect(
      thrown(() =>
        ctx.session.as(COLLEAGUE, () =>
          drive.getFileById(file.getId()).moveTo(drive.getFolderById(to.getId())),
        ),
      ).message,
    ).toBe('Access denied: DriveApp.');
    file.moveTo(to);
    expect(names(file.getParents())).toEqual(['To']);
    expect(thrown(() => to.moveTo(drive.getFolderById(to.getId()))).message).toBe(
      'Invalid argument: destination',
    );
  });

  test('blobs: text files give their bytes; Google files need a registered exporter', () => {
    const { ctx, drive } = setup();
    const file = drive.createFile('note.txt', 'Xin chào', 'text/plain');
    expect(file.getSize()).toBe(Buffer.byteLength('Xin chào'));
    const blob = file.getBlob();
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('note.txt');
    expect(blob.getDataAsString()).toBe('Xin chào');
    expect(thrown(() => file.getAs('image/png')).message).toBe(
      'Converting from text/plain to image/png is not supported.',
    );

    const sheet = ctx.drive.create({ name: 'S', mimeType: MIME.spreadsheet, content: new FakeSheet([]) });
    const sheetFile = drive.getFileById(sheet.id);
    expect(sheetFile.getSize()).toBe(0);
    const err = thrown(() => sheetFile.getBlob());
    expect(err).not.toBeInstanceOf(GasException);
    registerContentExporter(
      ctx,
      'spreadsheet',
      (item, type, c) => new EmuBlob(c, Buffer.from('%PDF'), type, `${item.name}.pdf`),
    );
    expect(sheetFile.getBlob().getName()).toBe('S.pdf');
  });

  test('createFile from a blob keeps its name and type; Google types cannot be created from text', () => {
    const { ctx, drive } = setup();
    const blob = new EmuBlob(ctx, Buffer.from('a,b'), 'text/csv', 'data.csv');
    const file = drive.createFile(blob as unknown as GoogleAppsScript.Base.BlobSource);
    expect(file.getName()).toBe('data.csv');
    expect(file.getMimeType()).toBe('text/csv');
    expect(thrown(() => drive.createFile('x', 'y', MIME.spreadsheet)).message).toBe(
      'Invalid argument: mimeType',
    );
    expect(thrown(() => drive.createFile('x', 5 as unknown as string)).message).toBe(
      "The parameters (String,number) don't match the method signature for DriveApp.createFile.",
    );
  });

  test('every call is charged on the ledger, with its modeled latency', () => {
    const { ctx, drive } = setup();
    const id = drive.createFile('l.txt', '').getId();
    ctx.ledger.reset();
    drive.getFileById(id).makeCopy();
    expect(ctx.ledger.count('DriveApp.getFileById')).toBe(1);
    expect(ctx.ledger.count('File.makeCopy')).toBe(1);
    expect(ctx.ledger.modeledTimeMs()).toBe(300 + 2500);
  });
});

describe('DriveApp: the owner and shared drives', () => {
  test('sharing a file with its owner is refused (guess: stricter than a no-op); others are added', () => {
    const { drive } = setup();
    const file = drive.createFile('a.txt', 'x');
    expect(thrown(() => file.addEditor(OWNER.toUpperCase())).message).toBe('Access denied: DriveApp.');
    expect(thrown(() => file.addEditors([COLLEAGUE, OWNER])).message).toBe('Access denied: DriveApp.');
    // addEditors loops: the address before the owner's is already added.
    expect(file.getEditors().map((u) => u.getEmail())).toEqual([OWNER, COLLEAGUE]);
  });

  test('an item in a shared drive has no owner; its editors are the people given the file itself', () => {
    const { ctx, drive } = setup();
    const root = ctx.drive.createSharedDrive('Phòng Nội vụ', [{ email: OWNER, role: 'writer' }]);
    const folder = drive.getFolderById(root.id).createFolder('2025');
    const file = folder.createFile('a.txt', 'x');
    expect(file.getOwner()).toBeNull();
    expect(folder.getOwner()).toBeNull();
    expect(file.getEditors()).toEqual([]);
    file.addEditor(COLLEAGUE);
    expect(file.getEditors().map((u) => u.getEmail())).toEqual([COLLEAGUE]);
    // A member edits through the drive; someone outside it sees nothing.
    expect(ctx.drive.roleOf(ctx.drive.peek(file.getId())!, OWNER)).toBe('editor');
    expect(thrown(() => ctx.session.as(STRANGER, () => drive.getFileById(file.getId()))).message).toBe(
      NOT_FOUND,
    );
    // A My Drive file keeps its owner.
    expect(drive.createFile('b.txt', 'y').getOwner().getEmail()).toBe(OWNER);
  });
});
