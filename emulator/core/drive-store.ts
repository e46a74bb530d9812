import { ModeledClock } from './clock';
import { gasError } from './errors';
import { SessionState } from './session-state';

/** What a Drive file holds: a spreadsheet, a document, or bytes. Copies are deep. */
export interface FileContent {
  readonly kind: 'spreadsheet' | 'document' | 'blob';
  clone(): FileContent;
}

export type Access = 'PRIVATE' | 'ANYONE' | 'ANYONE_WITH_LINK' | 'DOMAIN' | 'DOMAIN_WITH_LINK';
export type Permission = 'VIEW' | 'EDIT' | 'COMMENT' | 'OWNER' | 'ORGANIZER' | 'NONE';
export type Role = 'owner' | 'editor' | 'viewer' | 'none';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  document: 'application/vnd.google-apps.document',
  pdf: 'application/pdf',
} as const;

export interface DriveItem {
  readonly id: string;
  name: string;
  readonly mimeType: string;
  owner: string;
  readonly editors: Set<string>;
  readonly viewers: Set<string>;
  readonly parents: Set<string>;
  description: string;
  trashed: boolean;
  /** Permanently deleted: gone for every caller, as if it never existed. */
  deleted: boolean;
  sharingAccess: Access;
  sharingPermission: Permission;
  readonly createdMs: number;
  updatedMs: number;
  content?: FileContent;
}

/** DriveApp.getFileById reference: missing, deleted and inaccessible items all give this. */
export const NOT_FOUND =
  'No item with the given ID could be found, or you do not have permission to access it.';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The in-memory Drive every emulated service shares: DriveApp lists it, SpreadsheetApp and
 * DocumentApp keep their files in it, UrlFetchApp's API endpoints answer from it.
 */
export class DriveStore {
  private readonly items = new Map<string, DriveItem>();
  /** Each person's "My Drive" root folder, by lower-cased email (created on first use). */
  private readonly roots = new Map<string, string>();
  private readonly rootIds = new Set<string>();
  /** Roots of shared drives (a drive's id is its root folder's id, as in the Drive API). */
  private readonly sharedDriveIds = new Set<string>();
  private seq = 0;
  /** Google Groups: group email → its members' emails (all lower-cased). */
  private readonly groups = new Map<string, Set<string>>();
  /** The root of the person the emulator started as (the first item, as before). */
  readonly rootId: string;

  constructor(
    private readonly clock: ModeledClock,
    private readonly session: SessionState,
  ) {
    this.rootId = this.rootFor(session.effective).id;
  }

  /**
   * The person's "My Drive" root. Every Google account has its own: a file someone creates lands in
   * their root, and a root is never shared (so nothing inherits access from it).
   */
  rootFor(user: string = this.session.effective): DriveItem {
    const key = user.toLowerCase();
    const known = this.roots.get(key);
    if (known !== undefined) return this.items.get(known)!;
    const root = this.insert({ name: 'My Drive', mimeType: MIME.folder, owner: user, parentId: null });
    this.roots.set(key, root.id);
    this.rootIds.add(root.id);
    return root;
  }

  /**
   * A Google Group and its members (test setup). A group shared on a file (or listed as a
   * protection's editor) gives each member what it gives the group.
   */
  defineGroup(group: string, members: readonly string[]): void {
    this.groups.set(group.toLowerCase(), new Set(members.map((m) => m.toLowerCase())));
  }

  /** The groups `user` belongs to (lower-cased emails). */
  groupsOf(user: string): string[] {
    const key = user.toLowerCase();
    return [...this.groups].filter(([, members]) => members.has(key)).map(([group]) => group);
  }

  /** `email` is in the list, itself or through a group listed there. */
  private listed(emails: Set<string>, email: string): boolean {
    if (hasEmail(emails, email)) return true;
    return this.groupsOf(email).some((g) => hasEmail(emails, g));
  }

  isRoot(id: string): boolean {
    return this.rootIds.has(id);
  }

  /**
   * A shared drive (for tests: Apps Script cannot create one; an office's admin does, in the
   * Drive UI). Its members hold their role on everything in it ("Permission lists for a folder
   * propagate downward"); its files have no owner — the Drive API's File.owners "isn't populated
   * for items in shared drives" (https://developers.google.com/drive/api/reference/rest/v3/files).
   * Writers, content managers and managers are all 'editor' here; readers and commenters 'viewer'.
   */
  createSharedDrive(name: string, members: { email: string; role: 'writer' | 'reader' }[]): DriveItem {
    const root = this.insert({ name, mimeType: MIME.folder, owner: this.session.effective, parentId: null });
    this.sharedDriveIds.add(root.id);
    for (const m of members) (m.role === 'writer' ? root.editors : root.viewers).add(m.email);
    return root;
  }

  /** The id of the shared drive holding the item (or the drive's root itself), else null. */
  sharedDriveOf(item: DriveItem): string | null {
    const seen = new Set<string>();
    const walk = (it: DriveItem): string | null => {
      if (this.sharedDriveIds.has(it.id)) return it.id;
      seen.add(it.id);
      for (const parentId of it.parents) {
        const parent = this.items.get(parentId);
        if (!parent || seen.has(parent.id)) continue;
        const found = walk(parent);
        if (found !== null) return found;
      }
      return null;
    };
    return walk(item);
  }

  /** The owner's email; null for items in a shared drive, which belong to the drive. */
  ownerOf(item: DriveItem): string | null {
    return this.sharedDriveOf(item) === null ? item.owner : null;
  }

  /** Deterministic ids of Drive's shape (44 url-safe characters). */
  private newId(): string {
    let n = ++this.seq * 2654435761;
    let id = '1';
    while (id.length < 44) {
      id += ID_ALPHABET[n % 64];
      n = Math.floor(n / 64) + id.length * 7919;
    }
    return id;
  }

  /** A new item owned by the effective user, in their root unless `parentId` says otherwise. */
  create(spec: {
    name: string;
    mimeType: string;
    parentId?: string | null;
    content?: FileContent;
  }): DriveItem {
    const parentId = spec.parentId === undefined ? this.rootFor(this.session.effective).id : spec.parentId;
    return this.insert({ ...spec, owner: this.session.effective, parentId });
  }

  private insert(spec: {
    name: string;
    mimeType: string;
    owner: string;
    parentId: string | null;
    content?: FileContent;
  }): DriveItem {
    const now = this.clock.nowMs();
    const item: DriveItem = {
      id: this.newId(),
      name: spec.name,
      mimeType: spec.mimeType,
      owner: spec.owner,
      editors: new Set(),
      viewers: new Set(),
      parents: new Set(),
      description: '',
      trashed: false,
      deleted: false,
      sharingAccess: 'PRIVATE',
      sharingPermission: 'NONE',
      createdMs: now,
      updatedMs: now,
      content: spec.content,
    };
    if (spec.parentId !== null) item.parents.add(spec.parentId);
    this.items.set(item.id, item);
    return item;
  }

  /**
   * The user's role on the item. `viaLink: false` ignores "anyone / domain" general access, which
   * grants a role only to people who open the item by its link or id — such items are not listed
   * in the person's Drive (DriveApp.getFiles and friends).
   */
  roleOf(item: DriveItem, user: string, opts: { viaLink?: boolean } = {}): Role {
    return this.roleWithin(item, user.toLowerCase(), opts.viaLink !== false, new Set());
  }

  private roleWithin(item: DriveItem, email: string, viaLink: boolean, seen: Set<string>): Role {
    if (item.owner.toLowerCase() === email && this.sharedDriveOf(item) === null) return 'owner';
    if (this.listed(item.editors, email)) return 'editor';
    let best: Role = this.listed(item.viewers, email) ? 'viewer' : 'none';
    if (viaLink) best = higher(best, this.generalAccessRole(item, email));
    // Access inherited from a parent folder (Drive shares a folder's people with its contents).
    seen.add(item.id);
    for (const parentId of item.parents) {
      const parent = this.items.get(parentId);
      if (!parent || parent.deleted || this.isRoot(parent.id) || seen.has(parent.id)) continue;
      const inherited = this.roleWithin(parent, email, viaLink, seen);
      best = higher(best, inherited === 'owner' ? 'editor' : inherited);
    }
    return best;
  }

  /** What "anyone" or "people in the owner's domain" sharing gives this person. */
  private generalAccessRole(item: DriveItem, email: string): Role {
    const { sharingAccess: access, sharingPermission: permission } = item;
    const anyone = access === 'ANYONE' || access === 'ANYONE_WITH_LINK';
    const sameDomain =
      (access === 'DOMAIN' || access === 'DOMAIN_WITH_LINK') && domainOf(email) === domainOf(item.owner);
    if (!anyone && !sameDomain) return 'none';
    if (permission === 'EDIT') return 'editor';
    return permission === 'VIEW' || permission === 'COMMENT' ? 'viewer' : 'none';
  }

  /**
   * Trashed explicitly or through a trashed ancestor folder (Drive API File.trashed: "Whether the
   * file has been trashed, either explicitly or from a trashed parent folder.").
   */
  isTrashed(item: DriveItem): boolean {
    const seen = new Set<string>();
    const walk = (it: DriveItem): boolean => {
      if (it.trashed) return true;
      seen.add(it.id);
      for (const parentId of it.parents) {
        const parent = this.items.get(parentId);
        if (parent && !parent.deleted && !seen.has(parent.id) && walk(parent)) return true;
      }
      return false;
    };
    return walk(item);
  }

  /** Every item, including trashed and deleted ones (for tests and exports). */
  all(): DriveItem[] {
    return [...this.items.values()];
  }

  /** The raw record, with no access check (for emulator internals and tests). */
  peek(id: string): DriveItem | undefined {
    const item = this.items.get(id);
    return item && !item.deleted ? item : undefined;
  }

  /**
   * The item as the effective user may see it. Missing, deleted and inaccessible items fail alike,
   * with Drive's message (DriveApp.getFileById reference: "No item with the given ID could be
   * found, or you do not have permission to access it."). A trashed item stays reachable by its
   * owner only: "Only the file owner can trash a file, and other users can't view files in the
   * owner's trash" (https://developers.google.com/drive/api/guides/delete).
   */
  require(id: string, need: 'view' | 'edit' = 'view', user = this.session.effective): DriveItem {
    const item = this.items.get(id);
    let role: Role = item && !item.deleted ? this.roleOf(item, user) : 'none';
    if (item && role !== 'owner' && role !== 'none' && this.isTrashed(item)) role = 'none';
    if (!item || role === 'none') {
      gasError(NOT_FOUND);
    }
    if (need === 'edit' && role === 'viewer') {
      gasError('Access denied: DriveApp.');
    }
    return item;
  }

  /** Mark a content change: Drive's last-updated time moves with every edit. */
  touch(item: DriveItem): void {
    item.updatedMs = this.clock.nowMs();
  }

  deletePermanently(id: string): void {
    const item = this.items.get(id);
    if (item) item.deleted = true;
  }
}

function hasEmail(emails: Set<string>, email: string): boolean {
  for (const e of emails) if (e.toLowerCase() === email) return true;
  return false;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

const RANK: Record<Role, number> = { none: 0, viewer: 1, editor: 2, owner: 3 };

function higher(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b;
}
