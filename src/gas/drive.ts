import { commitSpreadsheetWrites } from './commit-writes';

type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;

export type FileState = 'ok' | 'trashed' | 'missing';

/** The folder by id, or a Vietnamese error naming the setting to fix. */
export function folderById(id: string, settingLabel: string): Folder {
  try {
    return DriveApp.getFolderById(id);
  } catch {
    throw new Error(
      `Không mở được thư mục "${id}" (mục "${settingLabel}" trong trang Cấu hình): thư mục không tồn tại hoặc bạn không có quyền. Sửa ID hoặc để trống để hệ thống tự tạo.`,
    );
  }
}

export function createFolder(name: string): Folder {
  return DriveApp.createFolder(name);
}

/**
 * The folder of that exact name at the top of My Drive (not trashed), or a new one: a run that
 * died after creating it but before its id was saved left it there, and it is adopted, not made
 * twice.
 */
export function findOrCreateFolder(name: string): Folder {
  const found = DriveApp.getRootFolder().getFoldersByName(name);
  while (found.hasNext()) {
    const folder = found.next();
    if (!folder.isTrashed()) return folder;
  }
  return DriveApp.createFolder(name);
}

/**
 * Whether a file is still usable. Drive answers alike for a deleted file and one we lost access
 * to (DriveApp.getFileById reference), so both are "missing"; a trashed file is still returned.
 */
export function fileState(id: string): { state: FileState; file: File | null } {
  let file: File;
  try {
    file = DriveApp.getFileById(id);
  } catch {
    return { state: 'missing', file: null };
  }
  return { state: file.isTrashed() ? 'trashed' : 'ok', file };
}

/** A file of that exact name directly in the folder and not trashed, if any. */
export function findFileInFolder(folder: Folder, name: string): File | null {
  const files = folder.getFilesByName(name);
  while (files.hasNext()) {
    const file = files.next();
    if (!file.isTrashed()) return file;
  }
  return null;
}

/** A copy of what the file holds once this execution's bundled writes are applied. */
export function copyFile(source: File, name: string, folder: Folder): File {
  commitSpreadsheetWrites();
  return source.makeCopy(name, folder);
}

export function fileById(id: string): File {
  return DriveApp.getFileById(id);
}

/** A subfolder of that exact name, if any. */
export function findFolderIn(parent: Folder, name: string): Folder | null {
  const found = parent.getFoldersByName(name);
  return found.hasNext() ? found.next() : null;
}

/** My Drive's root, where DocumentApp.create and SpreadsheetApp.create put a new file. */
export function myDriveRoot(): Folder {
  return DriveApp.getRootFolder();
}

/** Ids of the files of that exact name directly in the folder (not trashed). */
export function filesNamed(folder: Folder, name: string): string[] {
  const ids: string[] = [];
  const files = folder.getFilesByName(name);
  while (files.hasNext()) {
    const file = files.next();
    if (!file.isTrashed()) ids.push(file.getId());
  }
  return ids;
}

/**
 * Makes a unit file's editors exactly its focal points (and the owner, who cannot be removed),
 * after the registry changed: new focal points are added, people no longer listed are removed,
 * link sharing is switched off. The owner is never added (Drive refuses sharing a file with its
 * owner); a file in a shared drive has no owner (getOwner() is null) and its drive's members are
 * not the file's own editors. `keep` (the admins, who have the file through its folder) are never
 * removed: inherited permissions "cannot be removed or reduced on any item"
 * (https://developers.google.com/workspace/drive/api/guides/manage-sharing), and whether
 * getEditors lists them is not documented — guess: it may, stricter case taken. Returns what
 * changed, for the report.
 */
export function syncFileEditors(
  fileId: string,
  wanted: readonly string[],
  keep: readonly string[] = [],
): { added: string[]; removed: string[] } {
  const file = DriveApp.getFileById(fileId);
  const owner = file.getOwner()?.getEmail().toLowerCase() ?? '';
  const current = file
    .getEditors()
    .map((u) => u.getEmail().toLowerCase())
    .filter((e) => e !== owner);
  const want = wanted.map((e) => e.toLowerCase()).filter((e) => e !== owner);
  const added = want.filter((e) => !current.includes(e));
  const kept = keep.map((e) => e.toLowerCase());
  const removed = current.filter((e) => !want.includes(e) && !kept.includes(e));
  if (added.length > 0) file.addEditors(added);
  for (const email of removed) file.removeEditor(email);
  if (String(file.getSharingAccess()) !== String(DriveApp.Access.PRIVATE)) {
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  }
  return { added, removed };
}

/** Moves a file to the trash (recoverable for 30 days); a file already gone is left alone. */
export function trashFile(id: string): void {
  const { state, file } = fileState(id);
  if (state === 'ok' && file) file.setTrashed(true);
}

/** The subfolder of that name, created when missing. */
export function subfolder(parent: Folder, name: string): Folder {
  return findFolderIn(parent, name) ?? parent.createFolder(name);
}

/**
 * One more editor for a file (DriveApp, for what the parallel Drive API path could not do); the
 * file's owner already has every right and is skipped (Drive refuses sharing with the owner).
 */
export function addFileEditor(fileId: string, email: string): void {
  const file = DriveApp.getFileById(fileId);
  const owner = file.getOwner()?.getEmail().toLowerCase() ?? '';
  if (email.toLowerCase() !== owner) file.addEditor(email);
}
