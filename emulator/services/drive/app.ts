import { gasError } from '../../core/errors';
import { MIME, NOT_FOUND } from '../../core/drive-store';
import { signatureError } from '../support/args';
import { asGas } from '../support/gas';
import { DriveEnv } from './env';
import { createFileIn } from './folder';
import { ACCESS, PERMISSION } from './item';
import { decodeToken } from './iterators';
import { compileQuery } from './search';

type DriveApp = GoogleAppsScript.Drive.DriveApp;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type FileIterator = GoogleAppsScript.Drive.FileIterator;
type FolderIterator = GoogleAppsScript.Drive.FolderIterator;

type DriveAppMembers =
  | 'Access'
  | 'Permission'
  | 'createFile'
  | 'createFolder'
  | 'getFileById'
  | 'getFolderById'
  | 'getRootFolder'
  | 'getFiles'
  | 'getFolders'
  | 'getFilesByName'
  | 'getFoldersByName'
  | 'getFilesByType'
  | 'getTrashedFiles'
  | 'getTrashedFolders'
  | 'searchFiles'
  | 'searchFolders'
  | 'continueFileIterator'
  | 'continueFolderIterator';

/**
 * DriveApp over the shared in-memory Drive (ctx.drive), acting as the effective user.
 * https://developers.google.com/apps-script/reference/drive/drive-app
 */
export class EmuDriveApp implements Pick<DriveApp, DriveAppMembers> {
  readonly Access = asGas<typeof GoogleAppsScript.Drive.Access>(ACCESS);
  readonly Permission = asGas<typeof GoogleAppsScript.Drive.Permission>(PERMISSION);

  constructor(private readonly env: DriveEnv) {}

  private charge(method: string): void {
    this.env.charge(`DriveApp.${method}`);
  }

  /** In the effective user's My Drive; see createFileIn for the overloads. */
  createFile(
    nameOrBlob: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): File {
    this.charge('createFile');
    const root = this.env.store.rootFor(this.env.me);
    return createFileIn(this.env, root.id, 'DriveApp.createFile', [nameOrBlob, content, mimeType]);
  }

  createFolder(name: string): Folder {
    this.charge('createFolder');
    if (typeof name !== 'string') signatureError('DriveApp.createFolder', [name]);
    return this.env.folder(this.env.store.create({ name, mimeType: MIME.folder }).id);
  }

  /**
   * Missing, permanently deleted, inaccessible — and other people's trashed — files fail with
   * Drive's message. The owner still gets a trashed file (isTrashed() is true). A folder id is
   * refused too (stricter than Drive, which treats folders as files: use getFolderById).
   */
  getFileById(id: string): File {
    this.charge('getFileById');
    if (typeof id !== 'string') signatureError('DriveApp.getFileById', [id]);
    const item = this.env.store.require(id);
    if (this.env.isFolder(item)) gasError(NOT_FOUND);
    return this.env.file(item.id);
  }

  getFolderById(id: string): Folder {
    this.charge('getFolderById');
    if (typeof id !== 'string') signatureError('DriveApp.getFolderById', [id]);
    const item = this.env.store.require(id);
    if (!this.env.isFolder(item)) gasError(NOT_FOUND);
    return this.env.folder(item.id);
  }

  getRootFolder(): Folder {
    this.charge('getRootFolder');
    return this.env.folder(this.env.store.rootFor(this.env.me).id);
  }

  /** Every file in or shared with the user's Drive, trashed ones included (see DriveEnv.list). */
  getFiles(): FileIterator {
    this.charge('getFiles');
    return this.env.fileIterator(this.env.list({ folders: false }));
  }

  getFolders(): FolderIterator {
    this.charge('getFolders');
    return this.env.folderIterator(this.env.list({ folders: true }));
  }

  /** Exact, case-sensitive name match; trashed files included. */
  getFilesByName(name: string): FileIterator {
    this.charge('getFilesByName');
    if (typeof name !== 'string') signatureError('DriveApp.getFilesByName', [name]);
    return this.env.fileIterator(this.env.list({ folders: false, where: (i) => i.name === name }));
  }

  getFoldersByName(name: string): FolderIterator {
    this.charge('getFoldersByName');
    if (typeof name !== 'string') signatureError('DriveApp.getFoldersByName', [name]);
    return this.env.folderIterator(this.env.list({ folders: true, where: (i) => i.name === name }));
  }

  getFilesByType(mimeType: string): FileIterator {
    this.charge('getFilesByType');
    if (typeof mimeType !== 'string') signatureError('DriveApp.getFilesByType', [mimeType]);
    return this.env.fileIterator(this.env.list({ folders: false, where: (i) => i.mimeType === mimeType }));
  }

  /** The user's own trash (other people's trash is never visible). */
  getTrashedFiles(): FileIterator {
    this.charge('getTrashedFiles');
    return this.env.fileIterator(this.env.list({ folders: false, where: (i) => this.mineAndTrashed(i) }));
  }

  getTrashedFolders(): FolderIterator {
    this.charge('getTrashedFolders');
    return this.env.folderIterator(this.env.list({ folders: true, where: (i) => this.mineAndTrashed(i) }));
  }

  /** See search.ts for the query subset; trashed files match unless the query says trashed = false. */
  searchFiles(params: string): FileIterator {
    this.charge('searchFiles');
    if (typeof params !== 'string') signatureError('DriveApp.searchFiles', [params]);
    const match = compileQuery(params);
    return this.env.fileIterator(this.env.list({ folders: false, where: (i) => match(i, this.env.store) }));
  }

  searchFolders(params: string): FolderIterator {
    this.charge('searchFolders');
    if (typeof params !== 'string') signatureError('DriveApp.searchFolders', [params]);
    const match = compileQuery(params);
    return this.env.folderIterator(this.env.list({ folders: true, where: (i) => match(i, this.env.store) }));
  }

  continueFileIterator(continuationToken: string): FileIterator {
    this.charge('continueFileIterator');
    if (typeof continuationToken !== 'string')
      signatureError('DriveApp.continueFileIterator', [continuationToken]);
    return this.env.fileIterator(decodeToken(continuationToken, 'FileIterator', this.env.ctx.clock.nowMs()));
  }

  continueFolderIterator(continuationToken: string): FolderIterator {
    this.charge('continueFolderIterator');
    if (typeof continuationToken !== 'string')
      signatureError('DriveApp.continueFolderIterator', [continuationToken]);
    return this.env.folderIterator(
      decodeToken(continuationToken, 'FolderIterator', this.env.ctx.clock.nowMs()),
    );
  }

  private mineAndTrashed(item: Parameters<typeof this.env.store.isTrashed>[0]): boolean {
    return item.owner.toLowerCase() === this.env.me.toLowerCase() && this.env.store.isTrashed(item);
  }
}
