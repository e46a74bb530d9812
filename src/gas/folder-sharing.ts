type Folder = GoogleAppsScript.Drive.Folder;

/**
 * A folder's own editors brought in line with a list (the admins), for the people this product
 * shared it with before (`granted`): those no longer wanted lose it; anyone else someone shared
 * the folder with by hand is left alone. Never touched: the owner (Drive refuses sharing with or
 * removing the owner) and `keep` (the person running it, who would lock themself out).
 *
 * Sharing a folder shares the files in it ("Permission lists for a folder propagate downward",
 * https://developers.google.com/workspace/drive/api/guides/manage-sharing), so every admin can
 * open the unit files the first admin owns.
 */
export function syncFolderEditors(
  folder: Folder,
  wanted: readonly string[],
  granted: readonly string[],
  keep: readonly string[],
): { added: string[]; removed: string[] } {
  const lower = (list: readonly string[]) => list.map((e) => e.toLowerCase());
  const owner = folder.getOwner()?.getEmail().toLowerCase() ?? '';
  const current = lower(folder.getEditors().map((u) => u.getEmail()));
  const want = lower(wanted).filter((e) => e !== owner);
  const kept = new Set([owner, ...lower(keep), ...want]);
  const added = want.filter((e) => !current.includes(e));
  const removed = lower(granted).filter((e) => !kept.has(e) && current.includes(e));
  if (added.length > 0) folder.addEditors(added);
  for (const email of removed) folder.removeEditor(email);
  return { added, removed };
}
