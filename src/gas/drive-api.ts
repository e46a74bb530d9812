/**
 * The Drive API (v3) through UrlFetchApp, for what DriveApp would do one file at a time: listing
 * a folder, copying and sharing many files in parallel.
 *
 * Every request says supportsAllDrives=true, and listings includeItemsFromAllDrives=true over
 * corpora=allDrives: offices keep their work in shared drives, where Drive answers a request
 * without them "File not found" and leaves the folder's files out of a listing (an interrupted
 * provisioning would then copy every unit again).
 * https://developers.google.com/drive/api/guides/enable-shareddrives
 */
import { DEFAULT_BATCH, describeFailure, fetchAllDetailed, fetchJsonAll, SEND_ONCE } from './fetch-batch';
import { FastPath as PathName, noteFallback, noteFastPath } from './paths';

const FILES_URL = 'https://www.googleapis.com/drive/v3/files';
const ALL_DRIVES = 'supportsAllDrives=true';

/** Every file of a folder (not trashed) with the asked fields; the path it took is noted. */
function listFolder<T>(folderId: string, fields: string): T[] {
  try {
    const files = listFolderPages<T>(folderId, fields);
    noteFastPath('drive-list');
    return files;
  } catch (e) {
    noteFallback('drive-list', e instanceof Error ? e.message : String(e));
    throw e;
  }
}

/** Page by page (Drive API files.list); throws when Drive does not answer 200. */
function listFolderPages<T>(folderId: string, fields: string): T[] {
  const token = ScriptApp.getOAuthToken();
  const files: T[] = [];
  let pageToken = '';
  for (let page = 0; page < 100; page++) {
    const q = encodeURIComponent(`'${folderId}' in parents and trashed = false`);
    const next = pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : '';
    const url =
      `${FILES_URL}?q=${q}&fields=nextPageToken,files(${fields})&pageSize=1000` +
      `&corpora=allDrives&includeItemsFromAllDrives=true&${ALL_DRIVES}${next}`;
    const response = UrlFetchApp.fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
      muteHttpExceptions: true,
    });
    if (response.getResponseCode() !== 200) throw new Error(`Drive API: HTTP ${response.getResponseCode()}`);
    const body = JSON.parse(response.getContentText()) as { files?: T[]; nextPageToken?: string };
    files.push(...(body.files ?? []));
    if (!body.nextPageToken) return files;
    pageToken = body.nextPageToken;
  }
  return files;
}

/** A file of a folder's listing, with what the status refresh needs of it. */
export interface ListedFile {
  readonly id: string;
  readonly modifiedTime?: string;
  readonly permissions?: readonly { type: string; role: string; emailAddress?: string }[];
}

/**
 * A folder's files with their modified time and sharing, in ONE listing (files.list, up to 1,000
 * a page) — the status refresh used to list the same folder twice, once per field, each listing
 * two pages at 1,000 units. Null when the Drive API does not answer (callers fall back).
 */
export function listTimesAndSharing(folderId: string): ListedFile[] | null {
  try {
    return listFolder<ListedFile>(folderId, 'id,modifiedTime,permissions(type,role,emailAddress)');
  } catch {
    return null;
  }
}

/**
 * Last-update times of many files in one request: the Drive API lists a folder's files with
 * their modifiedTime, up to 1,000 a page, where DriveApp would need one getFileById +
 * getLastUpdated per file. Files the listing does not return (moved out of the folder, or the
 * request failed) are asked one by one through DriveApp. `listed`: a listing already made
 * (listTimesAndSharing; null when it failed).
 */
export function lastUpdatedTimes(
  folderId: string,
  fileIds: readonly string[],
  listed?: readonly ListedFile[] | null,
): Map<string, number> {
  const times = new Map<string, number>();
  const wanted = new Set(fileIds);
  const files = listed === undefined ? listTimesAndSharing(folderId) : listed;
  for (const f of files ?? []) {
    if (wanted.has(f.id) && f.modifiedTime) times.set(f.id, Date.parse(f.modifiedTime));
  }
  // (Without a listing, the one-by-one path below answers for every file.)
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

/** Who may edit a file, and whether it is open to anyone or a domain (by link or not). */
export interface FileSharing {
  readonly owner: string;
  readonly writers: readonly string[];
  readonly general: boolean;
}

/**
 * The sharing of a folder's files from its listing (files.list with `permissions`): "only
 * available if the requesting user can share the file. Not populated for items in shared drives"
 * (https://developers.google.com/drive/api/reference/rest/v3/files) — such files are left out of
 * the map.
 */
export function sharingOf(listed: readonly ListedFile[]): Map<string, FileSharing> {
  const out = new Map<string, FileSharing>();
  for (const f of listed) {
    if (!f.permissions) continue;
    const email = (p: { emailAddress?: string }) => (p.emailAddress ?? '').toLowerCase();
    out.set(f.id, {
      owner: email(f.permissions.find((p) => p.role === 'owner') ?? {}),
      writers: f.permissions.filter((p) => p.role === 'writer' && p.emailAddress).map(email),
      general: f.permissions.some((p) => p.type === 'anyone' || p.type === 'domain'),
    });
  }
  return out;
}

/** A file of a folder's listing, as `folderFilesByName` keeps it. */
export interface NamedFile {
  readonly id: string;
  /** Its last update (Drive's modifiedTime, what DriveApp's getLastUpdated gives). */
  readonly updatedMs: number;
}

/**
 * A folder's files (not trashed) by name, in one listing (files.list, up to 1,000 a page) where
 * DriveApp needs one getFilesByName per name and one getLastUpdated per file. Throws when the
 * Drive API does not answer.
 */
export function folderFilesByName(folderId: string): Map<string, NamedFile[]> {
  const out = new Map<string, NamedFile[]>();
  for (const f of listFolder<{ id: string; name: string; modifiedTime: string }>(
    folderId,
    'id,name,modifiedTime',
  )) {
    const same = out.get(f.name) ?? [];
    same.push({ id: f.id, updatedMs: Date.parse(f.modifiedTime) });
    out.set(f.name, same);
  }
  return out;
}

/** Names and ids of a folder's files (not trashed); throws when the Drive API does not answer. */
export function folderFileIds(folderId: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const f of listFolder<{ id: string; name: string }>(folderId, 'id,name'))
    if (!ids.has(f.name)) ids.set(f.name, f.id);
  return ids;
}

/**
 * What a parallel call did: each item's result, and why some had to go the slow way (null when
 * none did) — for the caller's fallback and for the self-test's report.
 */
export interface FastPath<T> {
  readonly results: T;
  readonly fallbackReason: string | null;
}

/** The path the call took, for the self-test's report (paths.ts). */
function noted<T>(path: PathName, served: number, call: FastPath<T>): FastPath<T> {
  noteFastPath(path, served);
  if (call.fallbackReason !== null) noteFallback(path, call.fallbackReason);
  return call;
}

/**
 * Copies of files into a folder, in parallel (Drive API files.copy); null where it failed. Only a
 * refusal (rate limit) is sent again: a copy whose answer was lost may exist, and the caller looks
 * for it by name before copying again.
 */
export function copyAll(
  sourceIds: readonly string[],
  names: readonly string[],
  folderId: string,
): FastPath<(string | null)[]> {
  const { answers, failure } = fetchJsonAll(
    sourceIds.map((id, i) => ({
      url: `${FILES_URL}/${id}/copy?fields=id&${ALL_DRIVES}`,
      method: 'post' as const,
      payload: { name: names[i], parents: [folderId] },
    })),
    { ...SEND_ONCE, pacedWrites: true },
  );
  const results = answers.map((a) =>
    a && typeof (a as { id?: unknown }).id === 'string' ? (a as { id: string }).id : null,
  );
  return noted('drive-copy', results.filter((id) => id !== null).length, {
    results,
    fallbackReason: failure,
  });
}

/** One copy's outcome: its id, or the answer that refused it (null: no answer came at all). */
export type CopyOutcome =
  | { readonly id: string }
  | {
      readonly refused: GoogleAppsScript.URL_Fetch.HTTPResponse | null;
      /** What UrlFetchApp threw when no answer came (null: an answer came). */
      readonly thrown: string | null;
      readonly why: string;
    };

/**
 * One copy (files.copy), sent as copyAll sends them (once, paced), with the refusing answer kept:
 * the caller tells a passing fault (retry later) from a refusal for good (go another way).
 */
export function copyFile(sourceId: string, name: string, folderId: string): CopyOutcome {
  const {
    responses: [response],
    thrown: [thrown],
  } = fetchAllDetailed(
    [
      {
        url: `${FILES_URL}/${sourceId}/copy?fields=id&${ALL_DRIVES}`,
        method: 'post',
        payload: { name, parents: [folderId] },
      },
    ],
    { ...SEND_ONCE, pacedWrites: true },
  );
  const code = response ? response.getResponseCode() : 0;
  if (response && code >= 200 && code < 300) {
    const id = (JSON.parse(response.getContentText() || '{}') as { id?: unknown }).id;
    if (typeof id === 'string') {
      noteFastPath('drive-copy', 1);
      return { id };
    }
  }
  const why = thrown ?? describeFailure(response);
  noteFallback('drive-copy', why);
  return { refused: response, thrown, why };
}

export interface Grant {
  readonly fileId: string;
  readonly email: string;
}

/**
 * Editors added in parallel (Drive API permissions.create, with Drive's notification email as
 * DriveApp.addEditor sends it); returns the grants that failed. Files go in parallel, but one
 * file's grants go one after another: "Concurrent permissions operations on the same file are not
 * supported; only the last update is applied" (permissions.create reference) — a unit with three
 * focal points would silently end up shared with one. So round k carries each file's k-th grant.
 * https://developers.google.com/drive/api/reference/rest/v3/permissions/create
 */
export function addEditorsAll(grants: readonly Grant[]): FastPath<Grant[]> {
  const rounds: Grant[][] = [];
  const seen = new Map<string, number>();
  for (const g of grants) {
    const k = seen.get(g.fileId) ?? 0;
    seen.set(g.fileId, k + 1);
    (rounds[k] = rounds[k] ?? []).push(g);
  }
  const failed: Grant[] = [];
  const reasons: string[] = [];
  for (const round of rounds) {
    const { answers, failure } = fetchJsonAll(
      round.map((g) => ({
        url: `${FILES_URL}/${g.fileId}/permissions?sendNotificationEmail=true&fields=id&${ALL_DRIVES}`,
        method: 'post' as const,
        payload: { role: 'writer', type: 'user', emailAddress: g.email },
      })),
      { ...DEFAULT_BATCH, pacedWrites: true },
    );
    round.forEach((g, i) => {
      if (answers[i] === null) failed.push(g);
    });
    if (failure) reasons.push(failure);
  }
  return noted('drive-share', grants.length - failed.length, {
    results: failed,
    fallbackReason: reasons.length > 0 ? reasons.join('; ') : null,
  });
}
