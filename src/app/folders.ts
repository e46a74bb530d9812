import { CONFIG_FIELDS, OfficeConfig } from '../domain/config/fields';
import { findOrCreateFolder, folderById } from '../gas/drive';
import { syncFolderEditors } from '../gas/folder-sharing';
import { effectiveUserEmail } from '../gas/session';
import { MasterWorkbook } from '../gas/master';

type FolderKey = 'unitFolderId' | 'outputFolderId' | 'archiveFolderId';

/**
 * The Drive folder a setting names; created on first use — or adopted by name, after a run that
 * died before saving its id — (shared with the office's admins only,
 * so each of them can open what is put in it) and its id written into the setting — which is
 * empty then, so nothing typed is overwritten.
 */
export function ensureFolder(
  config: OfficeConfig,
  master: MasterWorkbook,
  key: FolderKey,
  name: string,
): GoogleAppsScript.Drive.Folder {
  const label = CONFIG_FIELDS.find((f) => f.key === key)?.label ?? key;
  if (config[key]) return folderById(config[key], label);
  const folder = findOrCreateFolder(name);
  syncFolderEditors(folder, config.admins, [], [effectiveUserEmail()]);
  master.writeConfigValue(key, folder.getId());
  return folder;
}
