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
