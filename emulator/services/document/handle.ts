/**
 * One opened document: what DocumentApp.create/openById return and every element obtained from it
 * shares. It charges the ledger, checks the effective user's access on every call (so sharing
 * changes and deletions are seen at once) and knows whether saveAndClose() closed it.
 */
import { requireScope, SCOPES } from '../script-app/consent';
import { EmulatorContext } from '../../core/context';
import { DriveItem, MIME } from '../../core/drive-store';
import { GasException, gasError } from '../../core/errors';
import { MSG } from './messages';
import { DocumentContent } from './model';

export class DocHandle {
  private closed = false;

  constructor(
    readonly ctx: EmulatorContext,
    readonly id: string,
  ) {}

  charge(key: string, units = 0): void {
    requireScope(this.ctx, key, SCOPES.documents);
    this.ctx.ledger.charge(key, units);
  }

  /** saveAndClose(): every later use of this document's objects fails. */
  close(): void {
    this.assertOpen();
    this.closed = true;
  }

  /**
   * Stricter than what is documented: every call on a closed document fails, reads included (the
   * message talks of updates; no source says reads still work).
   */
  assertOpen(): void {
    if (this.closed) gasError(MSG.closed);
  }

  item(need: 'view' | 'edit'): DriveItem {
    this.assertOpen();
    return requireDocumentItem(this.ctx, this.id, need);
  }

  /** The content, for a read (view access). */
  read(): DocumentContent {
    return this.item('view').content as DocumentContent;
  }

  /** The content, for an edit (edit access). Call touched() once the change is made. */
  edit(): DocumentContent {
    return this.item('edit').content as DocumentContent;
  }

  /** Drive's last-updated time moves with every edit. */
  touched(): void {
    const item = this.ctx.drive.peek(this.id);
    if (item) this.ctx.drive.touch(item);
  }
}

/**
 * The document file as the effective user may reach it, through DriveStore.require (one access rule
 * for every service), reported with DocumentApp's messages. A file that is not a Google Doc (a
 * spreadsheet's id, say) is "missing" to DocumentApp, as users report.
 */
export function requireDocumentItem(ctx: EmulatorContext, id: string, need: 'view' | 'edit'): DriveItem {
  const raw = ctx.drive.peek(id);
  if (!raw || raw.mimeType !== MIME.document || !(raw.content instanceof DocumentContent))
    gasError(MSG.missing(id));
  let item: DriveItem;
  try {
    item = ctx.drive.require(id, 'view');
  } catch (e) {
    if (e instanceof GasException) gasError(MSG.missing(id));
    throw e;
  }
  if (need === 'edit') {
    const role = ctx.drive.roleOf(item, ctx.session.effective);
    if (role !== 'owner' && role !== 'editor') gasError(MSG.noEdit);
  }
  return item;
}
