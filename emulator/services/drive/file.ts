import { gasError } from '../../core/errors';
import { DriveItem, MIME } from '../../core/drive-store';
import { committedContent } from '../../core/pending-writes';
import { convertBlob, EmuBlob } from '../support/blob';
import { asGas } from '../support/gas';
import { BlobContent, exporterFor } from './content';
import type { DriveEnv } from './env';
import { EmuDriveItem } from './item';
import { CONTENT_TOO_LARGE, GOOGLE_TYPE_CONTENT, MAX_CONTENT_BYTES } from './messages';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type Blob = GoogleAppsScript.Base.Blob;

type FileMethods =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getDownloadUrl'
  | 'getMimeType'
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
  | 'makeCopy'
  | 'getBlob'
  | 'getAs'
  | 'setContent';

/** Editor URLs Drive gives Google files (webViewLink); ordinary files open in the Drive viewer. */
const EDITOR_URL: Record<string, string> = {
  [MIME.spreadsheet]: 'https://docs.google.com/spreadsheets/d/ID/edit?usp=drivesdk',
  [MIME.document]: 'https://docs.google.com/document/d/ID/edit?usp=drivesdk',
  'application/vnd.google-apps.presentation': 'https://docs.google.com/presentation/d/ID/edit?usp=drivesdk',
  'application/vnd.google-apps.form': 'https://docs.google.com/forms/d/ID/edit?usp=drivesdk',
};

/** https://developers.google.com/apps-script/reference/drive/file */
export class EmuFile extends EmuDriveItem<File> implements Pick<File, FileMethods> {
  constructor(env: DriveEnv, id: string) {
    super(env, id, 'File');
  }

  getUrl(): string {
    this.charge('getUrl');
    const item = this.view();
    const template = EDITOR_URL[item.mimeType] ?? 'https://drive.google.com/file/d/ID/view?usp=drivesdk';
    return template.replace('ID', item.id);
  }

  /** Google files have no download link (Drive's webContentLink is absent for them): null. */
  getDownloadUrl(): string {
    this.charge('getDownloadUrl');
    const item = this.view();
    if (isGoogleType(item)) return null as unknown as string;
    return `https://drive.google.com/uc?id=${item.id}&export=download`;
  }

  getMimeType(): string {
    this.charge('getMimeType');
    return this.view().mimeType;
  }

  /** Bytes of an ordinary file; Google files (Sheets, Docs) report 0, as Drive gives them no size. */
  getSize(): number {
    this.charge('getSize');
    const content = this.view().content;
    return content instanceof BlobContent ? content.bytes.length : 0;
  }

  /**
   * makeCopy(), makeCopy(name), makeCopy(destination), makeCopy(name, destination). Needs view
   * access to the file and edit access to the destination. The copy belongs to the person making
   * it and starts private: Drive copies content, not permissions — a copy placed in a shared
   * folder is reachable only through that folder's own sharing. Without a destination the copy
   * joins the original's folders the copier can edit, else the copier's My Drive. Default name
   * "Copy of <name>".
   */
  makeCopy(nameOrDestination?: string | Folder, destination?: Folder): File {
    this.charge('makeCopy');
    const args = [nameOrDestination, destination];
    let name: string | undefined;
    let folder: unknown;
    if (typeof nameOrDestination === 'string') [name, folder] = [nameOrDestination, destination];
    else if (destination === undefined) folder = nameOrDestination;
    else this.signature('makeCopy', args);
    const folderId = folder === undefined ? undefined : this.env.folderIdOf(folder);
    if (folder !== undefined && folderId === undefined) this.signature('makeCopy', args);

    const source = this.view();
    const parentId =
      folderId !== undefined ? this.env.store.require(folderId, 'edit').id : this.defaultCopyParent(source);
    const copy = this.env.store.create({
      name: name ?? `Copy of ${source.name}`,
      mimeType: source.mimeType,
      parentId,
      // Drive copies what the servers hold: a spreadsheet's buffered writes are not in it
      // (core/pending-writes.ts; guess, stricter case taken).
      content: committedContent(this.env.ctx, source.id, source.content)?.clone(),
    });
    copy.description = source.description;
    return this.env.file(copy.id);
  }

  /**
   * The file's bytes as a Blob. Google files export as PDF (what Apps Script gives) through the
   * exporter their service registered (content.ts); with none registered this fails loudly.
   */
  getBlob(): Blob {
    this.charge('getBlob');
    return this.export(this.view(), 'application/pdf');
  }

  getAs(contentType: string): Blob {
    this.charge('getAs');
    if (typeof contentType !== 'string') this.signature('getAs', [contentType]);
    const item = this.view();
    const content = item.content;
    if (!(content instanceof BlobContent)) return this.export(item, contentType);
    return convertBlob(
      this.env.ctx,
      { bytes: content.bytes, contentType: item.mimeType, name: item.name },
      contentType,
    );
  }

  /** Overwrites an ordinary file's text. "Throws an exception if content is larger than 10MB." */
  setContent(content: string): File {
    this.charge('setContent');
    if (typeof content !== 'string') this.signature('setContent', [content]);
    const item = this.edit();
    if (isGoogleType(item)) gasError(GOOGLE_TYPE_CONTENT);
    const bytes = Buffer.from(content, 'utf8');
    if (bytes.length > MAX_CONTENT_BYTES) gasError(CONTENT_TOO_LARGE);
    item.content = new BlobContent(bytes);
    this.env.store.touch(item);
    return this.self();
  }

  private export(item: DriveItem, contentType: string): Blob {
    const content = item.content;
    if (content instanceof BlobContent) {
      return asGas<Blob>(new EmuBlob(this.env.ctx, content.bytes, item.mimeType, item.name));
    }
    const kind = content?.kind;
    const exporter = kind ? exporterFor(this.env.ctx, kind) : undefined;
    if (!exporter)
      throw new Error(
        `Emulator: no exporter registered for ${kind ?? 'empty'} files (see registerContentExporter)`,
      );
    return asGas<Blob>(exporter(item, contentType, this.env.ctx));
  }

  private defaultCopyParent(source: DriveItem): string {
    for (const id of source.parents) {
      const parent = this.env.store.peek(id);
      if (
        parent &&
        (this.env.store.isRoot(id)
          ? parent.owner.toLowerCase() === this.env.me.toLowerCase()
          : this.canEdit(parent))
      ) {
        return id;
      }
    }
    return this.env.store.rootFor(this.env.me).id;
  }
}

function isGoogleType(item: DriveItem): boolean {
  return item.mimeType.startsWith('application/vnd.google-apps.');
}
