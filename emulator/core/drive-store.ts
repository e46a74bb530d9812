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

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The in-memory Drive every emulated service shares: DriveApp lists it, SpreadsheetApp and
 * DocumentApp keep their files in it, UrlFetchApp's API endpoints answer from it.
 */
export class DriveStore {
  private readonly items = new Map<string, DriveItem>();
  private seq = 0;
  readonly rootId: string;

  constructor(
    private readonly clock: ModeledClock,
    private readonly session: SessionState,
  ) {
    this.rootId = this.create({ name: 'My Drive', mimeType: MIME.folder, parentId: null }).id;
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

  create(spec: {
    name: string;
    mimeType: string;
    parentId?: string | null;
    content?: FileContent;
  }): DriveItem {
    const now = this.clock.nowMs();
    const item: DriveItem = {
      id: this.newId(),
      name: spec.name,
      mimeType: spec.mimeType,
      owner: this.session.effective,
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
    const parentId = spec.parentId === undefined ? this.rootId : spec.parentId;
    if (parentId !== null && this.items.size > 0) item.parents.add(parentId);
    this.items.set(item.id, item);
    return item;
  }

  roleOf(item: DriveItem, user: string): Role {
    const email = user.toLowerCase();
    if (item.owner.toLowerCase() === email) return 'owner';
    if ([...item.editors].some((e) => e.toLowerCase() === email)) return 'editor';
    if (item.sharingAccess === 'ANYONE' || item.sharingAccess === 'ANYONE_WITH_LINK') {
      if (item.sharingPermission === 'EDIT') return 'editor';
      if (item.sharingPermission !== 'NONE') return 'viewer';
    }
    if ([...item.viewers].some((e) => e.toLowerCase() === email)) return 'viewer';
    // Access inherited from a parent folder (Drive shares a folder's people with its files).
    for (const parentId of item.parents) {
      const parent = this.items.get(parentId);
      if (parent && !parent.deleted && parent.id !== this.rootId) {
        const inherited = this.roleOf(parent, user);
        if (inherited === 'owner' || inherited === 'editor') return 'editor';
        if (inherited === 'viewer') return 'viewer';
      }
    }
    return 'none';
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
   * found, or you do not have permission to access it.").
   */
  require(id: string, need: 'view' | 'edit' = 'view', user = this.session.effective): DriveItem {
    const item = this.items.get(id);
    const role = item && !item.deleted ? this.roleOf(item, user) : 'none';
    if (!item || role === 'none') {
      gasError('No item with the given ID could be found, or you do not have permission to access it.');
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
