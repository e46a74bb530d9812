import { CONFIG_FIELDS, OfficeConfig } from '../domain/config/fields';
import { folderById } from '../gas/drive';
import { syncFolderEditors } from '../gas/folder-sharing';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import { effectiveUserEmail } from '../gas/session';

type FolderKey = 'unitFolderId' | 'outputFolderId' | 'archiveFolderId';
const FOLDER_KEYS: readonly FolderKey[] = ['unitFolderId', 'outputFolderId', 'archiveFolderId'];
/** The admins this product shared the office's folders with (only they are ever removed). */
const GRANTED_KEY = 'cchc.folderAdmins';

/**
 * The office's folders (unit files, documents, archived submissions) shared as editor with every
 * admin, so a second admin can read and act on the files the first one created; an admin taken
 * off the list loses the access this product gave. Run by provisioning and the template push.
 * Returns the changes, for the report.
 */
export function shareFoldersWithAdmins(config: OfficeConfig): { added: string[]; removed: string[] } {
  const granted = readDocumentJson<string[]>(GRANTED_KEY) ?? [];
  const me = effectiveUserEmail();
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const key of FOLDER_KEYS) {
    if (!config[key]) continue;
    const label = CONFIG_FIELDS.find((f) => f.key === key)?.label ?? key;
    const change = syncFolderEditors(folderById(config[key], label), config.admins, granted, [me]);
    change.added.forEach((e) => added.add(e));
    change.removed.forEach((e) => removed.add(e));
  }
  writeDocumentJson(
    GRANTED_KEY,
    config.admins.map((e) => e.toLowerCase()),
  );
  return { added: [...added], removed: [...removed] };
}
