import { gasError } from '../../core/errors';
import { MIME } from '../../core/drive-store';
import { EmuBlob } from '../support/blob';
import { signatureError } from '../support/args';
import { BlobContent } from './content';
import type { DriveEnv } from './env';
import { EmuDriveItem } from './item';
import { CONTENT_TOO_LARGE, GOOGLE_TYPE_CONTENT, MAX_CONTENT_BYTES } from './messages';
import { compileQuery } from './search';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type FileIterator = GoogleAppsScript.Drive.FileIterator;
type FolderIterator = GoogleAppsScript.Drive.FolderIterator;

type FolderMethods =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getSize'
  | 'getDescription'
  | 'setDescription'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getOwner'
  | 'setOwner'
  | 'getEditors'
  | 'getViewers'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'getAccess'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'setSharing'
  | 'isTrashed'
  | 'setTrashed'
  | 'getParents'
  | 'moveTo'
  | 'createFile'
  | 'createFolder'
  | 'getFiles'
  | 'getFolders'
  | 'getFilesByName'
  | 'getFoldersByName'
  | 'getFilesByType'
  | 'searchFiles'
  | 'searchFolders';

/** https://developers.google.com/apps-script/reference/drive/folder */
export class EmuFolder extends EmuDriveItem<Folder> implements Pick<Folder, FolderMethods> {
  constructor(env: DriveEnv, id: string) {
    super(env, id, 'Folder');
  }

  getUrl(): string {
    this.charge('getUrl');
    return `https://drive.google.com/drive/folders/${this.view().id}`;
  }

  /** Drive gives folders no size. */
  getSize(): number {
    this.charge('getSize');
    this.view();
    return 0;
  }

  createFile(
    nameOrBlob: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): File {
    this.charge('createFile');
    return createFileIn(this.env, this.edit().id, 'DriveApp.Folder.createFile', [
      nameOrBlob,
      content,
      mimeType,
    ]);
  }

  createFolder(name: string): Folder {
    this.charge('createFolder');
    if (typeof name !== 'string') this.signature('createFolder', [name]);
    const parent = this.edit();
    return this.env.folder(this.env.store.create({ name, mimeType: MIME.folder, parentId: parent.id }).id);
  }

  /** Children, trashed ones included (see DriveEnv.list). */
  getFiles(): FileIterator {
    this.charge('getFiles');
    return this.env.fileIterator(this.env.list({ folders: false, parentId: this.view().id }));
  }

  getFolders(): FolderIterator {
    this.charge('getFolders');
    return this.env.folderIterator(this.env.list({ folders: true, parentId: this.view().id }));
  }

  getFilesByName(name: string): FileIterator {
    this.charge('getFilesByName');
    if (typeof name !== 'string') this.signature('getFilesByName', [name]);
    const parentId = this.view().id;
    return this.env.fileIterator(this.env.list({ folders: false, parentId, where: (i) => i.name === name }));
  }

  getFoldersByName(name: string): FolderIterator {
    this.charge('getFoldersByName');
    if (typeof name !== 'string') this.signature('getFoldersByName', [name]);
    const parentId = this.view().id;
    return this.env.folderIterator(this.env.list({ folders: true, parentId, where: (i) => i.name === name }));
  }

  getFilesByType(mimeType: string): FileIterator {
    this.charge('getFilesByType');
    if (typeof mimeType !== 'string') this.signature('getFilesByType', [mimeType]);
    const parentId = this.view().id;
    return this.env.fileIterator(
      this.env.list({ folders: false, parentId, where: (i) => i.mimeType === mimeType }),
    );
  }

  searchFiles(params: string): FileIterator {
    this.charge('searchFiles');
    if (typeof params !== 'string') this.signature('searchFiles', [params]);
    const match = compileQuery(params);
    const parentId = this.view().id;
    const where = (i: Parameters<typeof match>[0]): boolean => match(i, this.env.store);
    return this.env.fileIterator(this.env.list({ folders: false, parentId, where }));
  }

  searchFolders(params: string): FolderIterator {
    this.charge('searchFolders');
    if (typeof params !== 'string') this.signature('searchFolders', [params]);
    const match = compileQuery(params);
    const parentId = this.view().id;
    const where = (i: Parameters<typeof match>[0]): boolean => match(i, this.env.store);
    return this.env.folderIterator(this.env.list({ folders: true, parentId, where }));
  }
}

/**
 * createFile(name, content[, mimeType]) or createFile(blob) into folder `parentId` (shared with
 * DriveApp.createFile). Text files default to text/plain; a blob keeps its type and name (a blob
 * without a name gives "Untitled", without a type application/octet-stream — both guessed).
 * Google types cannot be created from text (message guessed); content over 10 MB fails.
 */
export function createFileIn(
  env: DriveEnv,
  parentId: string,
  method: string,
  args: readonly unknown[],
): File {
  const [nameOrBlob, content, mimeType] = args;
  let name: string;
  let type: string;
  let bytes: Buffer;
  if (typeof nameOrBlob === 'string') {
    if (typeof content !== 'string' || (mimeType !== undefined && typeof mimeType !== 'string')) {
      signatureError(method, args);
    }
    name = nameOrBlob;
    type = mimeType ?? 'text/plain';
    bytes = Buffer.from(content, 'utf8');
    if (type.startsWith('application/vnd.google-apps.')) gasError(GOOGLE_TYPE_CONTENT);
  } else {
    const blob = blobOf(nameOrBlob);
    if (!blob || content !== undefined) signatureError(method, args);
    name = blob.name ?? 'Untitled';
    type = blob.contentType ?? 'application/octet-stream';
    bytes = blob.bytes;
  }
  if (bytes.length > MAX_CONTENT_BYTES) gasError(CONTENT_TOO_LARGE);
  const item = env.store.create({ name, mimeType: type, parentId, content: new BlobContent(bytes) });
  return env.file(item.id);
}

/** A BlobSource (a Blob, or anything with getBlob(), e.g. a File) as raw data. */
function blobOf(value: unknown): ReturnType<typeof EmuBlob.dataOf> {
  const direct = EmuBlob.dataOf(value);
  if (direct) return direct;
  if (value !== null && typeof value === 'object' && 'getBlob' in value) {
    const getBlob = (value as { getBlob: unknown }).getBlob;
    if (typeof getBlob === 'function') return EmuBlob.dataOf(getBlob.call(value));
  }
  return undefined;
}
