/**
 * Who may edit protected cells. Rules (Protection and Range.protect references):
 *   - the file's owner can always edit;
 *   - a warning-only protection blocks nobody (the warning is a UI dialog; scripts go through);
 *   - a new protection mirrors the spreadsheet's editors until the script changes its editor list
 *     or domain setting, so until then every file editor may edit (it "protects nothing yet");
 *   - afterwards: the listed editors, plus everyone in the owner's domain when domain edit is on.
 * A blocked edit throws Sheets' message for protected cells.
 */
import { DriveItem } from '../../core/drive-store';
import { gasError } from '../../core/errors';
import { GridRange, contains, encloses, intersects } from './a1';
import { ProtectionModel, SpreadsheetModel } from './model';

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function isConsumerAccount(email: string): boolean {
  return CONSUMER_DOMAINS.has(domainOf(email));
}

function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Domain edit as it stands: while mirroring, it follows the file's domain sharing. */
export function effectiveDomainEdit(p: ProtectionModel, item: DriveItem): boolean {
  if (p.domainEdit !== null) return p.domainEdit;
  return (
    (item.sharingAccess === 'DOMAIN' || item.sharingAccess === 'DOMAIN_WITH_LINK') &&
    item.sharingPermission === 'EDIT'
  );
}

/** The protection's editors: the owner first, then the explicit list or the file's editors. */
export function protectionEditors(p: ProtectionModel, item: DriveItem): string[] {
  const list = p.editors ?? [...item.editors];
  return [item.owner, ...list.filter((e) => !sameEmail(e, item.owner))];
}

/** Stop mirroring: copy the spreadsheet's editors into the protection, then let it diverge. */
export function materialize(p: ProtectionModel, item: DriveItem): void {
  if (p.editors !== null) return;
  p.editors = protectionEditors(p, item);
  p.domainEdit = effectiveDomainEdit(p, item);
}

/** Who is asking: their email and whether the file itself lets them edit (DriveStore.roleOf). */
export interface Actor {
  readonly email: string;
  readonly fileEditor: boolean;
  /** The Google Groups they belong to (lower-cased emails): a listed group lets its members edit. */
  readonly groups?: readonly string[];
}

export function canEditProtection(p: ProtectionModel, item: DriveItem, actor: Actor): boolean {
  const user = actor.email;
  if (sameEmail(user, item.owner) || p.warningOnly) return true;
  if (p.editors === null) return actor.fileEditor;
  if (p.editors.some((e) => sameEmail(e, user) || (actor.groups ?? []).includes(e.toLowerCase()))) {
    return true;
  }
  return (
    effectiveDomainEdit(p, item) && !isConsumerAccount(item.owner) && domainOf(user) === domainOf(item.owner)
  );
}

function sheetProtectionCovers(p: ProtectionModel, r: GridRange): boolean {
  if (p.unprotected.length === 0) return true;
  if (p.unprotected.some((u) => encloses(u, r))) return false;
  for (let row = r.row; row < r.row + r.numRows; row++) {
    for (let col = r.col; col < r.col + r.numCols; col++) {
      if (!p.unprotected.some((u) => contains(u, row, col))) return true;
    }
  }
  return false;
}

/** The protections of a sheet that cover at least one cell of `r`. */
export function protectionsCovering(
  model: SpreadsheetModel,
  sheetId: number,
  r: GridRange,
): ProtectionModel[] {
  return model
    .protectionsOf(sheetId)
    .filter((p) => (p.type === 'SHEET' ? sheetProtectionCovers(p, r) : intersects(p.range as GridRange, r)));
}

/** Throws Sheets' message when `user` may not edit some cell of `r`. */
export function assertCanEditCells(
  model: SpreadsheetModel,
  item: DriveItem,
  sheetId: number,
  r: GridRange,
  actor: Actor,
): void {
  for (const p of protectionsCovering(model, sheetId, r)) {
    if (!canEditProtection(p, item, actor)) gasError(PROTECTED_MESSAGE);
  }
}

/**
 * Structural changes of a sheet (rename, insert/delete rows, freeze, resize…) are blocked by a
 * SHEET protection the user may not edit, whatever its unprotected ranges.
 */
export function assertCanEditSheet(
  model: SpreadsheetModel,
  item: DriveItem,
  sheetId: number,
  actor: Actor,
): void {
  for (const p of model.protectionsOf(sheetId)) {
    if (p.type === 'SHEET' && !canEditProtection(p, item, actor)) gasError(PROTECTED_MESSAGE);
  }
}
