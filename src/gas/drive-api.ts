import { fetchJsonAll, SEND_ONCE } from './fetch-batch';
/**
 * Last-update times of many files in one request: the Drive API lists a folder's files with
 * their modifiedTime, up to 1,000 a page (Drive API v3 files.list), where DriveApp would need
 * one getFileById + getLastUpdated per file. Files the listing does not return (moved out of the
 * folder, or the request failed) are asked one by one through DriveApp.
 */
const FILES_URL = 'https://www.googleapis.com/drive/v3/files';

export function lastUpdatedTimes(folderId: string, fileIds: readonly string[]): Map<string, number> {
  const times = new Map<string, number>();
  const wanted = new Set(fileIds);
  const token = ScriptApp.getOAuthToken();
  let pageToken = '';
  for (let page = 0; page < 100; page++) {
    const q = encodeURIComponent(`'${folderId}' in parents and trashed = false`);
    const url = `${FILES_URL}?q=${q}&fields=nextPageToken,files(id,modifiedTime)&pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
    const response = UrlFetchApp.fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
      muteHttpExceptions: true,
    });
    if (response.getResponseCode() !== 200) break;
    const body = JSON.parse(response.getContentText()) as {
      files?: { id: string; modifiedTime: string }[];
      nextPageToken?: string;
    };
    for (const f of body.files ?? []) if (wanted.has(f.id)) times.set(f.id, Date.parse(f.modifiedTime));
    if (!body.nextPageToken) break;
    pageToken = body.nextPageToken;
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

/** Names and ids of a folder's files (not trashed), in as few requests as Drive allows. */
export function folderFileIds(folderId: string): Map<string, string> {
  const ids = new Map<string, string>();
  const token = ScriptApp.getOAuthToken();
  let pageToken = '';
  for (let page = 0; page < 100; page++) {
    const q = encodeURIComponent(`'${folderId}' in parents and trashed = false`);
    const url = `${FILES_URL}?q=${q}&fields=nextPageToken,files(id,name)&pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
    const response = UrlFetchApp.fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
      muteHttpExceptions: true,
    });
    if (response.getResponseCode() !== 200) throw new Error(`Drive API: ${response.getResponseCode()}`);
    const body = JSON.parse(response.getContentText()) as {
      files?: { id: string; name: string }[];
      nextPageToken?: string;
    };
    for (const f of body.files ?? []) if (!ids.has(f.name)) ids.set(f.name, f.id);
    if (!body.nextPageToken) break;
    pageToken = body.nextPageToken;
  }
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
