/**
 * The Drive API (v3) through UrlFetchApp, for what DriveApp would do one file at a time: listing
 * a folder, copying and sharing many files in parallel.
 */
import { fetchJsonAll, SEND_ONCE } from './fetch-batch';

const FILES_URL = 'https://www.googleapis.com/drive/v3/files';

/** Every file of a folder (not trashed) with the asked fields, page by page (Drive API files.list). */
function listFolder<T>(folderId: string, fields: string): T[] {
  const token = ScriptApp.getOAuthToken();
  const files: T[] = [];
  let pageToken = '';
  for (let page = 0; page < 100; page++) {
    const q = encodeURIComponent(`'${folderId}' in parents and trashed = false`);
    const next = pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : '';
    const url = `${FILES_URL}?q=${q}&fields=nextPageToken,files(${fields})&pageSize=1000${next}`;
    const response = UrlFetchApp.fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
      muteHttpExceptions: true,
    });
    if (response.getResponseCode() !== 200) throw new Error(`Drive API: ${response.getResponseCode()}`);
    const body = JSON.parse(response.getContentText()) as { files?: T[]; nextPageToken?: string };
    files.push(...(body.files ?? []));
    if (!body.nextPageToken) return files;
    pageToken = body.nextPageToken;
  }
  return files;
}

/**
 * Last-update times of many files in one request: the Drive API lists a folder's files with
 * their modifiedTime, up to 1,000 a page, where DriveApp would need one getFileById +
 * getLastUpdated per file. Files the listing does not return (moved out of the folder, or the
 * request failed) are asked one by one through DriveApp.
 */
export function lastUpdatedTimes(folderId: string, fileIds: readonly string[]): Map<string, number> {
  const times = new Map<string, number>();
  const wanted = new Set(fileIds);
  try {
    for (const f of listFolder<{ id: string; modifiedTime: string }>(folderId, 'id,modifiedTime')) {
      if (wanted.has(f.id)) times.set(f.id, Date.parse(f.modifiedTime));
    }
  } catch {
    // the one-by-one path below answers for every file
  }
  for (const id of fileIds) {
    if (times.has(id)) continue;
    try {
      times.set(id, DriveApp.getFileById(id).getLastUpdated().getTime());
    } catch {
      // gone or out of reach: the caller reports it from the sheet reads
    }
  }
  return times;
}

/** Names and ids of a folder's files (not trashed); throws when the Drive API does not answer. */
export function folderFileIds(folderId: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const f of listFolder<{ id: string; name: string }>(folderId, 'id,name'))
    if (!ids.has(f.name)) ids.set(f.name, f.id);
  return ids;
}

/**
 * Copies of files into a folder, in parallel (Drive API files.copy); null where it failed. Sent
 * once, never retried: a copy whose answer was lost may exist, and the caller looks for it by
 * name before copying again.
 */
export function copyAll(
  sourceIds: readonly string[],
  names: readonly string[],
  folderId: string,
): (string | null)[] {
  const answers = fetchJsonAll(
    sourceIds.map((id, i) => ({
      url: `${FILES_URL}/${id}/copy?fields=id`,
      method: 'post' as const,
      payload: { name: names[i], parents: [folderId] },
    })),
    SEND_ONCE,
  );
  return answers.map((a) =>
    a && typeof (a as { id?: unknown }).id === 'string' ? (a as { id: string }).id : null,
  );
}

/**
 * Editors added in parallel (Drive API permissions.create, with Drive's notification email as
 * DriveApp.addEditor sends it). Returns the (file, email) pairs that failed.
 */
export function addEditorsAll(
  grants: readonly { fileId: string; email: string }[],
): { fileId: string; email: string }[] {
  const answers = fetchJsonAll(
    grants.map((g) => ({
      url: `${FILES_URL}/${g.fileId}/permissions?sendNotificationEmail=true&fields=id`,
      method: 'post' as const,
      payload: { role: 'writer', type: 'user', emailAddress: g.email },
    })),
  );
  return grants.filter((_, i) => answers[i] === null);
}
