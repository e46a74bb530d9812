import { gasError } from '../../core/errors';
import { Access as StoreAccess, DriveItem, Permission as StorePermission } from '../../core/drive-store';
import { GAS_CLASS, isStringArray, signatureError } from '../support/args';
import { enumName, makeEnum } from '../support/enums';
import { asGas } from '../support/gas';
import type { DriveEnv } from './env';
import { ACCESS_DENIED, INVALID_EMAIL, INVALID_SHARING } from './messages';

/** DriveApp.Access and DriveApp.Permission (enum objects, see support/enums). */
export const ACCESS = makeEnum('Access', [
  'ANYONE',
  'ANYONE_WITH_LINK',
  'DOMAIN',
  'DOMAIN_WITH_LINK',
  'PRIVATE',
]);
export const PERMISSION = makeEnum('Permission', ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE']);

type AnyUser = GoogleAppsScript.Base.User | GoogleAppsScript.Drive.User;
type Permission = GoogleAppsScript.Drive.Permission;
type Access = GoogleAppsScript.Drive.Access;

/** Consumer (non-Workspace) Google accounts. */
const CONSUMER = /@(gmail|googlemail)\.com$/i;

/** A plausible address: something@domain.tld, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What File and Folder share: identity, names, sharing, trash, parents. Every call re-reads the
 * item from the store with the current effective user's access, as each Apps Script call goes to
 * Drive with the running user's authority: revoked access, deletion or trashing by the owner shows
 * up on objects obtained earlier.
 */
export abstract class EmuDriveItem<Self> {
  readonly [GAS_CLASS]: string;

  protected constructor(
    protected readonly env: DriveEnv,
    private readonly itemId: string,
    /** "File" or "Folder": ledger keys are "File.setName", signatures "DriveApp.File.setName". */
    protected readonly className: 'File' | 'Folder',
  ) {
    this[GAS_CLASS] = `DriveApp.${className}`;
  }

  /** The item id behind an emulated File/Folder of class `cls` (undefined for anything else). */
  static idOf(
    value: unknown,
    cls: abstract new (...args: never[]) => EmuDriveItem<unknown>,
  ): string | undefined {
    return value instanceof cls ? value.itemId : undefined;
  }

  protected self(): Self {
    return asGas<Self>(this);
  }

  protected charge(method: string, units?: number): void {
    this.env.charge(`${this.className}.${method}`, units);
  }

  protected signature(method: string, args: readonly unknown[]): never {
    return signatureError(`DriveApp.${this.className}.${method}`, args);
  }

  protected view(): DriveItem {
    return this.env.store.require(this.itemId, 'view');
  }

  protected edit(): DriveItem {
    return this.env.store.require(this.itemId, 'edit');
  }

  /** Owner-only operations (trash, ownership): Drive refuses them to editors. */
  protected own(): DriveItem {
    const item = this.view();
    if (this.env.store.roleOf(item, this.env.me) !== 'owner') gasError(ACCESS_DENIED);
    return item;
  }

  /** "My Drive" itself cannot be renamed, moved or trashed. */
  protected notRoot(item: DriveItem): DriveItem {
    if (this.env.store.isRoot(item.id)) gasError(ACCESS_DENIED);
    return item;
  }

  getId(): string {
    this.charge('getId');
    return this.view().id;
  }

  getName(): string {
    this.charge('getName');
    return this.view().name;
  }

  setName(name: string): Self {
    this.charge('setName');
    if (typeof name !== 'string') this.signature('setName', [name]);
    const item = this.notRoot(this.edit());
    item.name = name;
    this.env.store.touch(item);
    return this.self();
  }

  /** null until a description is set (the reference types it String, Drive omits the field). */
  getDescription(): string | null {
    this.charge('getDescription');
    return this.view().description || null;
  }

  setDescription(description: string): Self {
    this.charge('setDescription');
    if (typeof description !== 'string') this.signature('setDescription', [description]);
    const item = this.edit();
    item.description = description;
    this.env.store.touch(item);
    return this.self();
  }

  getDateCreated(): GoogleAppsScript.Base.Date {
    this.charge('getDateCreated');
    return new Date(this.view().createdMs);
  }

  getLastUpdated(): GoogleAppsScript.Base.Date {
    this.charge('getLastUpdated');
    return new Date(this.view().updatedMs);
  }

  /**
   * null for an item in a shared drive: such items belong to the drive, not to a person (Drive API
   * File.owners "isn't populated for items in shared drives"); the reference types it User only.
   */
  getOwner(): GoogleAppsScript.Drive.User {
    this.charge('getOwner');
    const owner = this.env.store.ownerOf(this.view());
    return owner === null ? (null as unknown as GoogleAppsScript.Drive.User) : this.env.user(owner);
  }

  /**
   * Editors, owner included. "If the user who executes the script does not have edit access …,
   * this method returns an empty array" (File.getEditors reference). Apps Script lists roles
   * hierarchically — getEditors includes the owner, getViewers includes editors and owner — per
   * gas-fakes' parity notes from live runs (brucemcpherson/gas-fakes, notes/oddities.md).
   */
  getEditors(): GoogleAppsScript.Drive.User[] {
    this.charge('getEditors');
    const item = this.view();
    if (!this.canEdit(item)) return [];
    return [...this.ownerList(item), ...item.editors].map((e) => this.env.user(e));
  }

  /** Viewers and commenters — and, hierarchically, editors and the owner (see getEditors). */
  getViewers(): GoogleAppsScript.Drive.User[] {
    this.charge('getViewers');
    const item = this.view();
    if (!this.canEdit(item)) return [];
    return [...this.ownerList(item), ...item.editors, ...item.viewers].map((e) => this.env.user(e));
  }

  /** "If the user was already on the list of viewers, this method promotes the user out of the list of viewers." */
  addEditor(emailOrUser: string | AnyUser): Self {
    this.charge('addEditor');
    const item = this.edit();
    this.grant(item, this.emailOf('addEditor', emailOrUser), 'editor');
    return this.self();
  }

  /** Not atomic: addresses before a malformed one are already added (it loops, like Apps Script). */
  addEditors(emailAddresses: string[]): Self {
    this.charge('addEditors');
    if (!isStringArray(emailAddresses)) this.signature('addEditors', [emailAddresses]);
    const item = this.edit();
    for (const email of emailAddresses) this.grant(item, this.emailOf('addEditors', email), 'editor');
    return this.self();
  }

  /** "If the user was already on the list of editors, this method has no effect." */
  addViewer(emailOrUser: string | AnyUser): Self {
    this.charge('addViewer');
    const item = this.edit();
    this.grant(item, this.emailOf('addViewer', emailOrUser), 'viewer');
    return this.self();
  }

  addViewers(emailAddresses: string[]): Self {
    this.charge('addViewers');
    if (!isStringArray(emailAddresses)) this.signature('addViewers', [emailAddresses]);
    const item = this.edit();
    for (const email of emailAddresses) this.grant(item, this.emailOf('addViewers', email), 'viewer');
    return this.self();
  }

  /**
   * Does not block access through general sharing (anyone/domain) or a shared parent folder, as
   * the reference warns. Removing someone who is not an editor is a no-op.
   */
  removeEditor(emailOrUser: string | AnyUser): Self {
    this.charge('removeEditor');
    const item = this.edit();
    deleteEmail(item.editors, this.emailOf('removeEditor', emailOrUser));
    return this.self();
  }

  /** "This method has no effect if the user is an editor, not a viewer or commenter." */
  removeViewer(emailOrUser: string | AnyUser): Self {
    this.charge('removeViewer');
    const item = this.edit();
    deleteEmail(item.viewers, this.emailOf('removeViewer', emailOrUser));
    return this.self();
  }

  /** The permission the given person has on the item. */
  getAccess(emailOrUser: string | AnyUser): Permission {
    this.charge('getAccess');
    const item = this.view();
    const role = this.env.store.roleOf(item, this.emailOf('getAccess', emailOrUser));
    const name =
      role === 'owner' ? 'OWNER' : role === 'editor' ? 'EDIT' : role === 'viewer' ? 'VIEW' : 'NONE';
    return asGas<Permission>(PERMISSION[name]);
  }

  getSharingAccess(): Access {
    this.charge('getSharingAccess');
    return asGas<Access>(ACCESS[this.view().sharingAccess]);
  }

  getSharingPermission(): Permission {
    this.charge('getSharingPermission');
    return asGas<Permission>(PERMISSION[this.view().sharingPermission]);
  }

  /**
   * General access ("anyone with the link can edit"). PRIVATE clears it (the permission then reads
   * NONE); any other access needs VIEW, COMMENT or EDIT. Editors may share (Drive's default
   * "editors can share"). Enum values only: a string like 'ANYONE' is rejected, as the Java bridge
   * does not turn strings into enums.
   */
  setSharing(accessType: Access, permissionType: Permission): Self {
    this.charge('setSharing');
    const access: StoreAccess | undefined = enumName(ACCESS, accessType);
    const permission: StorePermission | undefined = enumName(PERMISSION, permissionType);
    if (!access || !permission) this.signature('setSharing', [accessType, permissionType]);
    const item = this.edit();
    if (access === 'PRIVATE') {
      item.sharingAccess = 'PRIVATE';
      item.sharingPermission = 'NONE';
      return this.self();
    }
    if (permission !== 'VIEW' && permission !== 'COMMENT' && permission !== 'EDIT') gasError(INVALID_SHARING);
    // A consumer account has no domain to share with: Apps Script answers DOMAIN(_WITH_LINK) with
    // "Invalid argument: permission.value" (seen in public scripts that fall back to ANYONE_WITH_LINK).
    if ((access === 'DOMAIN' || access === 'DOMAIN_WITH_LINK') && CONSUMER.test(item.owner))
      gasError(INVALID_EMAIL);
    item.sharingAccess = access;
    item.sharingPermission = permission;
    return this.self();
  }

  /** True when trashed itself or inside a trashed folder. */
  isTrashed(): boolean {
    this.charge('isTrashed');
    return this.env.store.isTrashed(this.view());
  }

  /**
   * Owner only: "Only the file owner can trash a file … If you attempt to trash a file you don't
   * own, you receive an insufficientFilePermissions error"
   * (https://developers.google.com/drive/api/guides/delete); Apps Script reports it as
   * "Access denied: DriveApp.".
   */
  setTrashed(trashed: boolean): Self {
    this.charge('setTrashed');
    if (typeof trashed !== 'boolean') this.signature('setTrashed', [trashed]);
    const item = this.notRoot(this.own());
    item.trashed = trashed;
    return this.self();
  }

  /**
   * Folders holding the item that the effective user can see. A person with access to a file but
   * not to its folder gets an empty iterator (a known cause of "iterator has reached the end").
   */
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    this.charge('getParents');
    const item = this.view();
    const ids = [...item.parents].filter((id) => {
      const parent = this.env.store.peek(id);
      return parent !== undefined && this.env.visible(parent, true);
    });
    return this.env.folderIterator(ids);
  }

  /**
   * The move needs edit access to the destination, and the mover must own the item or be able to
   * edit its current folder (Drive's rule for removing an item from a folder). A folder cannot go
   * into itself or its own subfolder (message guessed).
   */
  moveTo(destination: GoogleAppsScript.Drive.Folder): Self {
    this.charge('moveTo');
    const destinationId = this.env.folderIdOf(destination);
    if (destinationId === undefined) this.signature('moveTo', [destination]);
    const item = this.notRoot(this.edit());
    const target = this.env.store.require(destinationId, 'edit');
    const owner = this.env.store.roleOf(item, this.env.me) === 'owner';
    const canLeave = [...item.parents].some((id) => {
      const parent = this.env.store.peek(id);
      return parent !== undefined && this.canEdit(parent);
    });
    if (!owner && !canLeave) gasError(ACCESS_DENIED);
    if (this.isSelfOrAncestor(item.id, target)) gasError('Invalid argument: destination');
    item.parents.clear();
    item.parents.add(target.id);
    return this.self();
  }

  /** Owner only. The previous owner stays on as an editor, as Drive does on a transfer. */
  setOwner(emailOrUser: string | AnyUser): Self {
    this.charge('setOwner');
    const email = this.emailOf('setOwner', emailOrUser);
    const item = this.notRoot(this.own());
    const previous = item.owner;
    deleteEmail(item.editors, email);
    deleteEmail(item.viewers, email);
    item.owner = email;
    item.editors.add(previous.toLowerCase());
    return this.self();
  }

  /**
   * The owner, listed first by getEditors/getViewers; nobody for a shared-drive item. Guess: the
   * drive's members are not listed on each file (only people given the file itself), the case in
   * which a caller that removes unlisted editors leaves the drive's members alone.
   */
  private ownerList(item: DriveItem): string[] {
    const owner = this.env.store.ownerOf(item);
    return owner === null ? [] : [owner];
  }

  protected canEdit(item: DriveItem): boolean {
    const role = this.env.store.roleOf(item, this.env.me);
    return role === 'owner' || role === 'editor';
  }

  private isSelfOrAncestor(id: string, folder: DriveItem): boolean {
    const seen = new Set<string>();
    const walk = (f: DriveItem): boolean => {
      if (f.id === id) return true;
      seen.add(f.id);
      return [...f.parents].some((p) => {
        const parent = this.env.store.peek(p);
        return parent !== undefined && !seen.has(p) && walk(parent);
      });
    };
    return walk(folder);
  }

  /** An address from a string or a User object; malformed addresses fail like Drive does. */
  private emailOf(method: string, emailOrUser: unknown): string {
    let email: unknown = emailOrUser;
    if (emailOrUser !== null && typeof emailOrUser === 'object' && 'getEmail' in emailOrUser) {
      email = (emailOrUser as AnyUser).getEmail();
    }
    if (typeof email !== 'string') this.signature(method, [emailOrUser]);
    // No trimming: Drive rejects ' a@b.vn' too (stricter than silently fixing it).
    if (!EMAIL.test(email)) gasError(INVALID_EMAIL);
    return email.toLowerCase();
  }

  /**
   * Guess (no public capture of Apps Script's answer): sharing a file with its own owner is refused
   * as Drive refuses any other change to the owner's role ("Access denied: DriveApp."), the
   * stricter case rather than a silent no-op; the Drive API endpoint refuses it too.
   */
  private grant(item: DriveItem, email: string, role: 'editor' | 'viewer'): void {
    if (this.env.store.ownerOf(item)?.toLowerCase() === email) gasError(ACCESS_DENIED);
    if (role === 'editor') {
      deleteEmail(item.viewers, email);
      item.editors.add(email);
    } else if (!hasEmail(item.editors, email)) {
      item.viewers.add(email);
    }
  }
}

function hasEmail(set: Set<string>, email: string): boolean {
  for (const e of set) if (e.toLowerCase() === email) return true;
  return false;
}

function deleteEmail(set: Set<string>, email: string): void {
  for (const e of [...set]) if (e.toLowerCase() === email) set.delete(e);
}
