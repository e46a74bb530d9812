/**
 * Drive API v3, answered from the shared in-memory Drive:
 *   GET  https://www.googleapis.com/drive/v3/files?q=…&fields=…&pageSize=…&pageToken=…&orderBy=…
 *   GET  …/drive/v3/files/{id}?fields=…
 *   POST …/drive/v3/files/{id}/copy           body {name?, parents?: [folderId]}
 *   POST …/drive/v3/files/{id}/permissions    body {role, type: 'user', emailAddress}
 *   GET  …/drive/v3/files/{id}/export?mimeType=application/pdf   (the PDF bytes, as DriveApp getAs)
 * https://developers.google.com/drive/api/reference/rest/v3/files
 *
 * Checks: credentials (401/403), the per-user query rate (403 userRateLimitExceeded), for copies
 * and shares the per-user write rate (quotas.ts: 403 userRateLimitExceeded, or
 * sharingRateLimitExceeded for a share), then the request. Files the caller cannot see — missing, deleted, unshared, or in someone else's trash —
 * are "File not found: {id}." (404), as Drive does not tell them apart. Defaults follow the
 * reference: files.list returns trashed files unless the query says `trashed = false`, pageSize
 * defaults to 100 (1–1000), and without `fields` a file is {kind, id, name, mimeType}.
 */
import { createHash } from 'crypto';
import { EmulatorContext } from '../../../core/context';
import { DriveItem, MIME } from '../../../core/drive-store';
import { chargeDocumentCreated } from '../../../core/daily-documents';
import { committedContent } from '../../../core/pending-writes';
import { GasException } from '../../../core/errors';
import { compileQuery } from '../../drive/search';
import { authError, callerOf, lookup } from '../access';
import { Endpoint, notModeled, ServeEnv } from '../env';
import { applyMask, checkMask, parseMask, Schema } from '../fields';
import {
  ApiError,
  apiError,
  DRIVE_CANNOT_ADD_PARENT,
  DRIVE_CANNOT_EXPORT,
  DRIVE_DAILY_LIMIT,
  DRIVE_EXPORT_SIZE_LIMIT,
  DRIVE_INSUFFICIENT_PARENT_PERMISSIONS,
  DRIVE_PARSE_ERROR,
  DRIVE_TRANSFER_OWNERSHIP_REQUIRED,
  DRIVE_USER_RATE_LIMIT,
  driveErrorResponse,
  driveFileNotFound,
  driveInsufficientFilePermissions,
  driveInvalidFieldSelection,
  driveInvalidValue,
  driveOwnerPermission,
  driveRequired,
  driveSharingRateLimit,
} from '../google-errors';
import { firstParam, googleJson, prettyPrint, ServerRequest, ServerResponse } from '../http';
import { takeFromBucket, takeFromWindow } from '../quotas';
import { exporterFor } from '../../drive/content';
import { EmuBlob } from '../../support/blob';

/** An answer that is not JSON (files.export's bytes). */
class RawBody {
  constructor(readonly response: ServerResponse) {}
}

export const DRIVE_PATH = /^\/drive\/v3\/files(?:\/([A-Za-z0-9_-]+)(\/copy|\/permissions|\/export)?)?$/;

const UNMODELED_FILE_FIELDS =
  `appProperties capabilities contentHints contentRestrictions copyRequiresWriterPermission
  exportLinks fileExtension folderColorRgb fullFileExtension hasAugmentedPermissions hasThumbnail
  headRevisionId iconLink imageMediaMetadata inheritedPermissionsDisabled isAppAuthorized labelInfo
  lastModifyingUser linkShareMetadata md5Checksum modifiedByMe modifiedByMeTime originalFilename
  permissionIds properties quotaBytesUsed resourceKey sha1Checksum sha256Checksum shared
  sharedWithMeTime sharingUser shortcutDetails size spaces starred teamDriveId thumbnailLink
  thumbnailVersion trashedTime trashingUser version videoMediaMetadata viewedByMe viewedByMeTime
  viewersCanCopyContent webContentLink writersCanShare`.split(/\s+/);

/** Every field of the v3 File resource; true where the emulator produces it. */
const FILE_SCHEMA: Schema = {
  ...Object.fromEntries(UNMODELED_FILE_FIELDS.map((f) => [f, false])),
  kind: true,
  id: true,
  name: true,
  mimeType: true,
  driveId: true,
  parents: true,
  trashed: true,
  explicitlyTrashed: true,
  createdTime: true,
  modifiedTime: true,
  description: true,
  ownedByMe: true,
  webViewLink: true,
  permissions: {
    kind: true,
    id: true,
    type: true,
    role: true,
    emailAddress: true,
    domain: true,
    allowFileDiscovery: true,
    displayName: false,
    photoLink: false,
    expirationTime: false,
    teamDrivePermissionDetails: false,
    permissionDetails: false,
    deleted: false,
    view: false,
    pendingOwner: false,
    inheritedPermissionsDisabled: false,
  },
  owners: {
    kind: true,
    displayName: true,
    emailAddress: true,
    me: true,
    permissionId: false,
    photoLink: false,
  },
};
const LIST_SCHEMA: Schema = { kind: true, nextPageToken: true, incompleteSearch: true, files: FILE_SCHEMA };
const PERMISSION_SCHEMA: Schema = {
  kind: true,
  id: true,
  type: true,
  role: true,
  emailAddress: true,
  displayName: false,
  domain: false,
  allowFileDiscovery: false,
  photoLink: false,
  expirationTime: false,
  deleted: false,
  pendingOwner: false,
  permissionDetails: false,
  teamDrivePermissionDetails: false,
  view: false,
  inheritedPermissionsDisabled: false,
};
const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
const DEFAULT_PERMISSION_FIELDS = 'kind,id,type,role';

interface Call {
  readonly env: ServeEnv;
  readonly req: ServerRequest;
  readonly user: string;
}

function endpoint(kind: Endpoint['kind'], handle: (call: Call, id: string) => unknown): Endpoint {
  return {
    kind,
    serve(env: ServeEnv, req: ServerRequest): ServerResponse {
      const pretty = prettyPrint(req.url);
      try {
        const caller = callerOf(env.ctx, req);
        if (caller.user === null) apiError(authError(req, caller.problem));
        if (!takeFromWindow(env.ctx, `drive|${caller.user.toLowerCase()}`, env.driveQueriesPerMinute)) {
          apiError(DRIVE_USER_RATE_LIMIT);
        }
        const id = DRIVE_PATH.exec(req.url.pathname)![1] ?? '';
        if (kind !== 'driveRead' && kind !== 'driveExport') {
          const key = `driveWrite|${caller.user.toLowerCase()}`;
          if (!takeFromBucket(env.ctx, key, env.driveWriteBurst, env.driveWritesPerSecond)) {
            apiError(
              kind === 'drivePermission'
                ? driveSharingRateLimit(env.ctx.drive.peek(id)?.name ?? id)
                : DRIVE_USER_RATE_LIMIT,
            );
          }
        }
        const out = handle({ env, req, user: caller.user }, id);
        if (out instanceof RawBody) return out.response;
        return googleJson(200, out, pretty);
      } catch (e) {
        if (e instanceof ApiError) return driveErrorResponse(e.error, pretty);
        throw e;
      }
    },
  };
}

/** Route within Drive by method and path. */
export function driveEndpoint(req: ServerRequest): Endpoint {
  const m = DRIVE_PATH.exec(req.url.pathname)!;
  const [, id, action] = m;
  if (id === undefined && req.method === 'GET') return filesList;
  if (id !== undefined && action === undefined && req.method === 'GET') return filesGet;
  if (action === '/copy' && req.method === 'POST') return filesCopy;
  if (action === '/export' && req.method === 'GET') return filesExport;
  if (action === '/permissions' && req.method === 'POST') return permissionsCreate;
  return notModeled(`${req.method} ${req.url.pathname}`);
}

// ---- fields --------------------------------------------------------------------------------

function project(url: URL, value: Record<string, unknown>, schema: Schema, fallback: string): unknown {
  const mask = firstParam(url, 'fields') || fallback;
  const tree = parseMask(mask, '/');
  if (!tree) apiError(driveInvalidFieldSelection(mask));
  const problem = checkMask(tree, schema);
  if (problem?.kind === 'unknown') apiError(driveInvalidFieldSelection(problem.name));
  if (problem) notModeled(`the Drive field ${problem.path}`);
  return applyMask(tree, value);
}

// ---- the File resource ---------------------------------------------------------------------

const VIEW_LINK: Record<string, string> = {
  [MIME.spreadsheet]: 'https://docs.google.com/spreadsheets/d/ID/edit?usp=drivesdk',
  [MIME.document]: 'https://docs.google.com/document/d/ID/edit?usp=drivesdk',
  [MIME.folder]: 'https://drive.google.com/drive/folders/ID',
};

/** owners and ownedByMe are "not populated for items in shared drives"; driveId is, there only. */
function fileResource(ctx: EmulatorContext, item: DriveItem, user: string): Record<string, unknown> {
  const owner = ctx.drive.ownerOf(item);
  const driveId = ctx.drive.sharedDriveOf(item);
  const mine = owner !== null && owner.toLowerCase() === user.toLowerCase();
  const out: Record<string, unknown> = {
    kind: 'drive#file',
    id: item.id,
    name: item.name,
    mimeType: item.mimeType,
    trashed: ctx.drive.isTrashed(item),
    explicitlyTrashed: item.trashed,
    createdTime: new Date(item.createdMs).toISOString(),
    modifiedTime: new Date(item.updatedMs).toISOString(),
    ...(owner === null
      ? { driveId }
      : {
          owners: [{ kind: 'drive#user', displayName: owner.split('@')[0], emailAddress: owner, me: mine }],
          ownedByMe: mine,
        }),
    webViewLink: (VIEW_LINK[item.mimeType] ?? 'https://drive.google.com/file/d/ID/view?usp=drivesdk').replace(
      'ID',
      item.id,
    ),
  };
  if (item.parents.size > 0) out.parents = [...item.parents];
  if (item.description) out.description = item.description;
  const role = ctx.drive.roleOf(item, user);
  // "The full list of permissions for the file. This is only available if the requesting user can
  // share the file. Not populated for items in shared drives." (File resource, permissions)
  // https://developers.google.com/drive/api/reference/rest/v3/files — guess: writers can share
  // (Drive's default); access inherited from a folder is not
  // listed (guess: Drive may list it too, marked inherited — callers must tolerate both).
  if (owner !== null && (role === 'owner' || role === 'editor')) out.permissions = permissionsOf(item);
  return out;
}

function permission(fields: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'drive#permission', ...fields };
}

/** The item's own permissions as the Drive API v3 lists them. */
function permissionsOf(item: DriveItem): Record<string, unknown>[] {
  const person = (email: string, role: string) =>
    permission({ id: `p-${email.toLowerCase()}`, type: 'user', role, emailAddress: email.toLowerCase() });
  const out = [
    person(item.owner, 'owner'),
    ...[...item.editors].map((e) => person(e, 'writer')),
    ...[...item.viewers].map((e) => person(e, 'reader')),
  ];
  const general = GENERAL_ROLE[item.sharingPermission];
  const access = item.sharingAccess;
  if (general && (access === 'ANYONE' || access === 'ANYONE_WITH_LINK')) {
    const id = access === 'ANYONE' ? 'anyone' : 'anyoneWithLink';
    out.push(permission({ id, type: 'anyone', role: general, allowFileDiscovery: access === 'ANYONE' }));
  } else if (general && (access === 'DOMAIN' || access === 'DOMAIN_WITH_LINK')) {
    const domain = item.owner.split('@')[1] ?? '';
    out.push(
      permission({
        id: `d-${domain}`,
        type: 'domain',
        role: general,
        domain,
        allowFileDiscovery: access === 'DOMAIN',
      }),
    );
  }
  return out;
}

const GENERAL_ROLE: Record<string, string | undefined> = {
  VIEW: 'reader',
  COMMENT: 'commenter',
  EDIT: 'writer',
};

/**
 * The item, or Drive's 404 for anything the caller cannot see ("root" is the caller's My Drive).
 * A shared-drive item is "File not found" too unless the request says supportsAllDrives=true
 * ("Whether the requesting application supports both My Drives and shared drives"; requests
 * without it are treated as from an app that knows only My Drive, which cannot see such items).
 * https://developers.google.com/drive/api/guides/enable-shareddrives
 */
function visibleItem(call: Call, id: string): DriveItem {
  if (id === 'root') return call.env.ctx.drive.rootFor(call.user);
  const found = lookup(call.env.ctx, id, call.user);
  if (found.found !== 'visible') apiError(driveFileNotFound(id));
  if (!supportsAllDrives(call.req.url) && call.env.ctx.drive.sharedDriveOf(found.item) !== null) {
    apiError(driveFileNotFound(id));
  }
  return found.item;
}

function flag(url: URL, name: string): boolean {
  return firstParam(url, name) === 'true';
}

function supportsAllDrives(url: URL): boolean {
  return flag(url, 'supportsAllDrives');
}

// ---- files.get -----------------------------------------------------------------------------

const filesGet = endpoint('driveRead', (call, id) => {
  if (firstParam(call.req.url, 'alt') === 'media') notModeled('files.get alt=media (downloads)');
  const item = visibleItem(call, id);
  return project(call.req.url, fileResource(call.env.ctx, item, call.user), FILE_SCHEMA, DEFAULT_FILE_FIELDS);
});

// ---- files.export --------------------------------------------------------------------------

/** "Note that the exported content is limited to 10 MB." (files.export reference) */
export const EXPORT_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Exports a Google Workspace file: the same bytes DriveApp's getAs gives (the exporter the owning
 * service registered, content.ts), from the committed content (what Drive's servers hold). Only
 * PDF is modeled; a non-Google file is refused as Drive does (fileNotExportable, google-errors.ts); an
 * export over 10 MB is 403 exportSizeLimitExceeded. A read for the per-minute query quota.
 * https://developers.google.com/drive/api/reference/rest/v3/files/export
 */
const filesExport = endpoint('driveExport', (call, id) => {
  const { env, req, user } = call;
  const ctx = env.ctx;
  const mimeType = firstParam(req.url, 'mimeType');
  if (mimeType === undefined || mimeType === '') apiError(driveRequired('mimeType'));
  const item = visibleItem(call, id);
  const content = committedContent(ctx, item.id, item.content);
  if (!item.mimeType.startsWith('application/vnd.google-apps.') || !content || content.kind === 'blob') {
    apiError(DRIVE_CANNOT_EXPORT);
  }
  if (mimeType !== 'application/pdf') notModeled(`files.export to ${mimeType}`);
  const exporter = exporterFor(ctx, content.kind);
  if (!exporter) notModeled(`files.export of ${content.kind} files`);
  const blob = ctx.session.as(user, () => exporter({ ...item, content } as DriveItem, mimeType, ctx));
  const bytes = EmuBlob.dataOf(blob)!.bytes;
  if (bytes.length > EXPORT_LIMIT_BYTES) apiError(DRIVE_EXPORT_SIZE_LIMIT);
  return new RawBody({ status: 200, headers: { 'Content-Type': 'application/pdf' }, body: bytes });
});

// ---- files.list ----------------------------------------------------------------------------

/** Words of the v2 query language that v3 rejects (v3 says name / modifiedTime / createdTime). */
const V2_ONLY = new Set(['title', 'modifiedDate', 'createdDate', 'lastViewedByMeDate']);

const filesList = endpoint('driveRead', (call) => {
  const { env, req, user } = call;
  const ctx = env.ctx;
  const url = req.url;
  const pageSizeText = firstParam(url, 'pageSize');
  const pageSize = pageSizeText === undefined ? 100 : Number(pageSizeText);
  // "Acceptable values are 1 to 1000, inclusive." Out of range is refused (stricter than clamping).
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) apiError(driveInvalidValue('pageSize'));
  const q = firstParam(url, 'q') ?? '';
  const orderBy = firstParam(url, 'orderBy') ?? '';
  const match = compile(q, ctx, user);
  const viaLink = /\bin\s+parents\b/.test(q);
  const inDrives = sharedDriveScope(url);
  const items = ctx.drive
    .all()
    .filter((item) => !item.deleted && !ctx.drive.isRoot(item.id) && listable(ctx, item, user, viaLink))
    .filter((item) => {
      // A shared drive's root is the drive itself (drives.list), never a listed file.
      const driveId = ctx.drive.sharedDriveOf(item);
      return driveId !== item.id && inDrives(driveId);
    })
    .filter((item) => match(item));
  sortItems(items, orderBy);

  const key = createHash('sha256').update(`${user.toLowerCase()}|${q}|${orderBy}`).digest('hex').slice(0, 16);
  const token = firstParam(url, 'pageToken');
  const offset = token === undefined || token === '' ? 0 : readPageToken(token, key);
  const page = items.slice(offset, offset + pageSize);
  const list: Record<string, unknown> = {};
  if (offset + pageSize < items.length) list.nextPageToken = pageToken(offset + pageSize, key);
  list.kind = 'drive#fileList';
  list.incompleteSearch = false;
  list.files = page.map((item) => fileResource(ctx, item, user));
  return project(url, list, LIST_SCHEMA, `nextPageToken,kind,incompleteSearch,files(${DEFAULT_FILE_FIELDS})`);
});

/**
 * Which shared drives' items a listing may return (My Drive items always pass: `null`). Shared-
 * drive items need includeItemsFromAllDrives=true and supportsAllDrives=true, and a corpus that
 * covers shared drives: corpora=allDrives, or corpora=drive with driveId. The default corpus,
 * "user", is "files owned by or shared to the user… If a user has permissions on a Shared Drive,
 * the files inside it won't be retrieved unless the user has created, opened, or shared the file"
 * — taken strictly here: none are (the stricter case).
 * https://developers.google.com/drive/api/reference/rest/v3/files/list
 */
function sharedDriveScope(url: URL): (driveId: string | null) => boolean {
  const corpora = firstParam(url, 'corpora') ?? 'user';
  if (!['user', 'allDrives', 'drive'].includes(corpora)) notModeled(`files.list corpora=${corpora}`);
  const driveId = firstParam(url, 'driveId');
  if (corpora === 'drive' && driveId === undefined) apiError(driveRequired('driveId'));
  const include = flag(url, 'includeItemsFromAllDrives') && supportsAllDrives(url);
  return (id) => {
    if (id === null) return corpora !== 'drive';
    if (!include) return false;
    return corpora === 'allDrives' || (corpora === 'drive' && id === driveId);
  };
}

/** "Corpora: user" — what the caller owns or was given; their own trash, never others'. */
function listable(ctx: EmulatorContext, item: DriveItem, user: string, viaLink: boolean): boolean {
  const role = ctx.drive.roleOf(item, user, { viaLink });
  if (role === 'none') return false;
  return role === 'owner' || !ctx.drive.isTrashed(item);
}

function compile(q: string, ctx: EmulatorContext, user: string): (item: DriveItem) => boolean {
  if (q.trim() === '') return () => true;
  const words = q.replace(/'(?:[^'\\]|\\.)*'/g, "''").match(/[A-Za-z_][\w.]*/g) ?? [];
  if (words.some((w) => V2_ONLY.has(w))) apiError(driveInvalidValue('q'));
  // 'root' names the caller's My Drive in `in parents` (search-files guide).
  const resolved = q.replace(/'root'(\s+in\s+parents)/g, `'${ctx.drive.rootFor(user).id}'$1`);
  try {
    const predicate = compileQuery(resolved);
    return (item) => predicate(item, ctx.drive);
  } catch (e) {
    if (e instanceof GasException) apiError(driveInvalidValue('q'));
    throw e;
  }
}

function sortItems(items: DriveItem[], orderBy: string): void {
  const keys = orderBy
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((spec) => {
      const [field, dir, extra] = spec.split(/\s+/);
      if (extra !== undefined || (dir !== undefined && dir !== 'desc'))
        apiError(driveInvalidValue('orderBy'));
      const pick: Record<string, (i: DriveItem) => number | string> = {
        name: (i) => i.name.toLowerCase(),
        modifiedTime: (i) => i.updatedMs,
        createdTime: (i) => i.createdMs,
        folder: (i) => (i.mimeType === MIME.folder ? 0 : 1),
      };
      if (!(field in pick)) notModeled(`orderBy ${field}`);
      return { get: pick[field], sign: dir === 'desc' ? -1 : 1 };
    });
  // Drive promises no order without orderBy: most recently modified first, as DriveApp lists.
  if (keys.length === 0) keys.push({ get: (i) => i.updatedMs, sign: -1 });
  items.sort((a, b) => {
    for (const k of keys) {
      const x = k.get(a);
      const y = k.get(b);
      if (x !== y) return (x < y ? -1 : 1) * k.sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

function pageToken(offset: number, key: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: key }), 'utf8').toString('base64url');
}

/** A token from another query (or not a token) is refused (guessed: 400 Invalid Value). */
function readPageToken(token: string, key: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; k?: unknown };
    if (typeof t.o === 'number' && Number.isInteger(t.o) && t.o >= 0 && t.k === key) return t.o;
  } catch {
    // fall through
  }
  return apiError(driveInvalidValue('pageToken'));
}

// ---- files.copy ----------------------------------------------------------------------------

function jsonBody(req: ServerRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  if (!/^application\/json\b/i.test(req.contentType ?? '')) apiError(DRIVE_PARSE_ERROR);
  try {
    const parsed: unknown = JSON.parse(req.body.toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  return apiError(DRIVE_PARSE_ERROR);
}

/**
 * Like DriveApp's makeCopy: the copy belongs to the caller, starts private (Drive copies content,
 * not permissions) and holds a deep copy of the content. Without `parents` it joins the source's
 * folders the caller may write to, else the caller's My Drive ("If not specified as part of a
 * copy request, the file inherits any discoverable parents of the source file").
 */
const filesCopy = endpoint('driveCopy', (call, id) => {
  const { env, req, user } = call;
  const ctx = env.ctx;
  const body = jsonBody(req);
  const source = visibleItem(call, id);
  if (source.mimeType === MIME.folder) notModeled('copying a folder');
  const parents = body.parents;
  if (parents !== undefined && (!Array.isArray(parents) || parents.some((p) => typeof p !== 'string'))) {
    apiError(driveInvalidValue('parents'));
  }
  if (Array.isArray(parents) && parents.length > 1) apiError(DRIVE_CANNOT_ADD_PARENT);
  let parentId: string;
  if (Array.isArray(parents) && parents.length === 1) {
    const parent = visibleItem(call, parents[0] as string);
    const role = ctx.drive.roleOf(parent, user);
    if (role !== 'owner' && role !== 'editor') apiError(DRIVE_INSUFFICIENT_PARENT_PERMISSIONS);
    if (parent.mimeType !== MIME.folder) apiError(driveInvalidValue('parents'));
    parentId = parent.id;
  } else {
    parentId = defaultCopyParent(ctx, source, user);
  }
  if (body.name !== undefined && typeof body.name !== 'string') apiError(driveInvalidValue('name'));
  const name = (body.name as string | undefined) ?? `Copy of ${source.name}`;
  // Guessed, the stricter case: a copied Google Doc counts against the same daily "Documents
  // created" quota as DocumentApp.create (Google publishes no separate Drive figure), refused as
  // Drive's documented dailyLimitExceeded.
  if (source.mimeType === MIME.document && !chargeDocumentCreated(ctx, user)) apiError(DRIVE_DAILY_LIMIT);
  const copy = ctx.session.as(user, () =>
    ctx.drive.create({
      name,
      mimeType: source.mimeType,
      parentId,
      content: committedContent(ctx, source.id, source.content)?.clone(),
    }),
  );
  copy.description = source.description;
  return project(req.url, fileResource(ctx, copy, user), FILE_SCHEMA, DEFAULT_FILE_FIELDS);
});

function defaultCopyParent(ctx: EmulatorContext, source: DriveItem, user: string): string {
  for (const id of source.parents) {
    const parent = ctx.drive.peek(id);
    if (!parent) continue;
    const role = ctx.drive.roleOf(parent, user);
    if (ctx.drive.isRoot(id) ? role === 'owner' : role === 'owner' || role === 'editor') return id;
  }
  return ctx.drive.rootFor(user).id;
}

// ---- permissions.create --------------------------------------------------------------------

const ROLES: Record<string, 'editor' | 'viewer'> = {
  writer: 'editor',
  fileOrganizer: 'editor',
  commenter: 'viewer',
  reader: 'viewer',
};

/**
 * Adds a person (type "user") as writer or reader, like File.addEditor / addViewer. The caller must
 * own or edit the file. sendNotificationEmail (default true) is accepted; no mail is modeled. The
 * owner cannot be given a role (guess, see driveOwnerPermission). Concurrent creates on one file
 * within a fetchAll: only the last applies (app.ts supersededPermissionCreates).
 */
const permissionsCreate = endpoint('drivePermission', (call, id) => {
  const { env, req, user } = call;
  const ctx = env.ctx;
  const body = jsonBody(req);
  const item = visibleItem(call, id);
  const callerRole = ctx.drive.roleOf(item, user);
  if (body.type === undefined) apiError(driveRequired('permission.type'));
  if (body.role === undefined) apiError(driveRequired('permission.role'));
  if (body.type !== 'user') notModeled(`permissions of type ${String(body.type)}`);
  if (body.role === 'owner') {
    if (firstParam(req.url, 'transferOwnership') !== 'true') apiError(DRIVE_TRANSFER_OWNERSHIP_REQUIRED);
    notModeled('ownership transfer');
  }
  const storeRole = typeof body.role === 'string' ? ROLES[body.role] : undefined;
  if (!storeRole) apiError(driveInvalidValue('permission.role'));
  if (callerRole !== 'owner' && callerRole !== 'editor') apiError(driveInsufficientFilePermissions(id));
  const email = body.emailAddress;
  if (email === undefined) apiError(driveRequired('permission.emailAddress'));
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    apiError(driveInvalidValue('permission.emailAddress'));
  }
  const lower = email.toLowerCase();
  if (ctx.drive.ownerOf(item)?.toLowerCase() === lower) apiError(driveOwnerPermission(id));
  // A request superseded by a later one on the same file in the same fetchAll: answered, not applied.
  if (!req.superseded) {
    for (const set of [item.editors, item.viewers]) {
      for (const e of [...set]) if (e.toLowerCase() === lower) set.delete(e);
    }
    (storeRole === 'editor' ? item.editors : item.viewers).add(email);
  }
  const permission = {
    kind: 'drive#permission',
    id: permissionId(lower),
    type: 'user',
    role: body.role as string,
    emailAddress: email,
  };
  return project(req.url, permission, PERMISSION_SCHEMA, DEFAULT_PERMISSION_FIELDS);
});

/** Drive gives each person a stable numeric permission id (20 digits). */
function permissionId(email: string): string {
  const hex = createHash('sha256').update(email).digest('hex');
  return BigInt(`0x${hex.slice(0, 16)}`)
    .toString()
    .padStart(20, '0')
    .slice(0, 20);
}
