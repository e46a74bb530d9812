import { EmulatorContext } from '../../core/context';
import { requireScope, SCOPES } from '../script-app/consent';
import { DriveItem, DriveStore, MIME } from '../../core/drive-store';
import { asGas } from '../support/gas';
import { EmuFile } from './file';
import { EmuFolder } from './folder';
import { EmuDriveItem } from './item';
import { EmuIterator } from './iterators';
import { DriveUser } from './user';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

/** What every DriveApp object shares: the context, and factories for the other objects. */
export class DriveEnv {
  constructor(readonly ctx: EmulatorContext) {}

  get store(): DriveStore {
    return this.ctx.drive;
  }

  /** Whose authority Drive calls run with (Session.getEffectiveUser). */
  get me(): string {
    return this.ctx.session.effective;
  }

  charge(key: string, units?: number): void {
    requireScope(this.ctx, key, SCOPES.drive);
    this.ctx.ledger.charge(key, units);
  }

  file(id: string): File {
    return asGas<File>(new EmuFile(this, id));
  }

  folder(id: string): Folder {
    return asGas<Folder>(new EmuFolder(this, id));
  }

  user(email: string): GoogleAppsScript.Drive.User {
    return asGas<GoogleAppsScript.Drive.User>(new DriveUser(this, email));
  }

  fileIterator(ids: readonly string[]): GoogleAppsScript.Drive.FileIterator {
    return asGas(new EmuIterator(this, 'FileIterator', ids, (id) => this.file(id)));
  }

  folderIterator(ids: readonly string[]): GoogleAppsScript.Drive.FolderIterator {
    return asGas(new EmuIterator(this, 'FolderIterator', ids, (id) => this.folder(id)));
  }

  /** The id behind an emulated Folder passed as an argument (undefined for anything else). */
  folderIdOf(value: unknown): string | undefined {
    return EmuDriveItem.idOf(value, EmuFolder);
  }

  isFolder(item: DriveItem): boolean {
    return item.mimeType === MIME.folder;
  }

  /**
   * Whether the effective user sees the item in a listing. `viaLink` counts "anyone with the
   * link" access (true inside a folder the user opened; false for DriveApp-wide listings, which
   * show only what is in or shared with the user's Drive). Other users' trash is invisible.
   */
  visible(item: DriveItem, viaLink: boolean): boolean {
    const role = this.store.roleOf(item, this.me, { viaLink });
    if (role === 'none') return false;
    return role === 'owner' || !this.store.isTrashed(item);
  }

  /**
   * Ids of the files (or folders) Drive lists for the effective user, optionally only children of
   * `parentId`. Trashed items the user owns ARE listed, as in Apps Script (DriveApp.getFiles and
   * getFilesByName include the trash; filter with isTrashed() or searchFiles('trashed = false')).
   * Drive promises no order: the emulator lists most recently updated first, so code that assumes
   * creation order fails here too.
   */
  list(opts: { folders: boolean; parentId?: string; where?: (item: DriveItem) => boolean }): string[] {
    const inFolder = opts.parentId !== undefined;
    const items = this.store
      .all()
      .filter(
        (item) =>
          !item.deleted &&
          !this.store.isRoot(item.id) &&
          this.isFolder(item) === opts.folders &&
          (!inFolder || item.parents.has(opts.parentId!)) &&
          this.visible(item, inFolder) &&
          (!opts.where || opts.where(item)),
      );
    items.sort((a, b) => b.updatedMs - a.updatedMs || b.createdMs - a.createdMs || (a.id < b.id ? -1 : 1));
    return items.map((item) => item.id);
  }
}
