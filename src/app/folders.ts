import { CONFIG_FIELDS, OfficeConfig } from '../domain/config/fields';
import { createFolder, folderById } from '../gas/drive';
import { MasterWorkbook } from '../gas/master';

type FolderKey = 'unitFolderId' | 'outputFolderId' | 'archiveFolderId';

/**
 * The Drive folder a setting names; created on first use (private to the office) and its id
 * written into the setting — which is empty then, so nothing typed is overwritten.
 */
export function ensureFolder(
  config: OfficeConfig,
  master: MasterWorkbook,
  key: FolderKey,
  name: string,
): GoogleAppsScript.Drive.Folder {
  const label = CONFIG_FIELDS.find((f) => f.key === key)?.label ?? key;
  if (config[key]) return folderById(config[key], label);
  const folder = createFolder(name);
  master.writeConfigValue(key, folder.getId());
  return folder;
}
