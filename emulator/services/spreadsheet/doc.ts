/**
 * The plumbing every emulated Spreadsheet/Sheet/Range/Protection object shares: the file's
 * DriveItem and model, the cost ledger, access checks as the current effective user, and Drive's
 * last-updated time.
 */
import { requireScope, SCOPES } from '../script-app/consent';
import { EmulatorContext } from '../../core/context';
import { DriveItem, MIME } from '../../core/drive-store';
import { GasException, gasError } from '../../core/errors';
import { addPendingCells, beforeWrite, commitFile } from '../../core/pending-writes';
import { GridRange } from './a1';
import { LocaleInfo, localeInfo } from './locale';
import { SheetModel, SpreadsheetModel } from './model';
import { Actor, assertCanEditCells, assertCanEditSheet } from './permissions';
import type { UiRecorder } from './ui';

/** Real Apps Script messages (observed in scripts' logs; see the report for which are verified). */
export const MSG = {
  noAccess: 'You do not have permission to access the requested document.',
  openFailed: (method: string): string =>
    `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
  cellLimit:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
} as const;

/**
 * Reads of cell content and extent: each commits this file's pending writes first (the write
 * cache is emptied before a read, core/pending-writes.ts). Guess: reads of formats, names and
 * structure are served without a commit — the stricter case for exports, which then see fewer
 * commits.
 */
const COMMITTING_READ =
  /^(Range\.(getValues?|getDisplayValues?|getFormulas?|getNotes?|isBlank|getDataValidations?)|(Sheet|Spreadsheet)\.(getDataRange|getLastRow|getLastColumn))$/;

export class Doc {
  constructor(
    readonly ctx: EmulatorContext,
    readonly ui: UiRecorder,
    readonly id: string,
  ) {}

  charge(key: string, units = 0): void {
    requireScope(this.ctx, key, SCOPES.spreadsheets);
    this.ctx.ledger.charge(key, units);
    if (COMMITTING_READ.test(key)) commitFile(this.ctx, this.id);
  }

  /**
   * A write is about to change this file — `sheet` of it, when the change stays in one sheet:
   * SpreadsheetApp buffers it (core/pending-writes.ts). The committed view shares the live
   * sheets until each is first written; model-level changes (sheet list, locale, protections)
   * never reach it. Guess, approximation: chart data ranges on other sheets that follow an
   * inserted row move in the committed view too.
   */
  private willWrite(item: DriveItem, sheet?: SheetModel): void {
    const live = item.content as SpreadsheetModel;
    const committed = beforeWrite(this.ctx, this.id, () => live.shellCopy()) as SpreadsheetModel | undefined;
    if (committed && sheet) committed.detachSheet(sheet);
  }

  /** A value write of `cells` cells: committing it costs per cell. */
  wroteCells(cells: number): void {
    addPendingCells(this.ctx, this.id, cells);
  }

  /** The effective user (whose authority the script runs with). */
  get user(): string {
    return this.ctx.session.effective;
  }

  /** The DriveItem, checked for the current effective user. */
  item(need: 'view' | 'edit' = 'view'): DriveItem {
    return requireSpreadsheetItem(this.ctx, this.id, need, 'openById');
  }

  model(need: 'view' | 'edit' = 'view'): SpreadsheetModel {
    return this.item(need).content as SpreadsheetModel;
  }

  /** The model for an edit (checks edit access). Call `touched()` once the change is made. */
  edit(): SpreadsheetModel {
    const item = this.item('edit');
    this.willWrite(item);
    return item.content as SpreadsheetModel;
  }

  /** A content change happened: Drive's last-updated time moves with every edit. */
  touched(): void {
    const item = this.ctx.drive.peek(this.id);
    if (item) this.ctx.drive.touch(item);
  }

  /** The effective user, and whether the file lets them edit. */
  actor(): Actor {
    const item = this.ctx.drive.peek(this.id);
    const role = item ? this.ctx.drive.roleOf(item, this.user) : 'none';
    return {
      email: this.user,
      fileEditor: role === 'owner' || role === 'editor',
      groups: this.ctx.drive.groupsOf(this.user),
    };
  }

  /** Model and sheet for an edit of the cells `r`: edit access, then protections. */
  editCells(sheetId: number, r: GridRange): { model: SpreadsheetModel; sheet: SheetModel } {
    const item = this.item('edit');
    const model = item.content as SpreadsheetModel;
    const sheet = this.sheetIn(model, sheetId);
    assertCanEditCells(model, item, sheetId, r, this.actor());
    this.willWrite(item, sheet);
    return { model, sheet };
  }

  /** Model and sheet for a structural change of a sheet (blocked by its sheet protection). */
  editSheet(sheetId: number): { model: SpreadsheetModel; sheet: SheetModel } {
    const item = this.item('edit');
    const model = item.content as SpreadsheetModel;
    const sheet = this.sheetIn(model, sheetId);
    assertCanEditSheet(model, item, sheetId, this.actor());
    this.willWrite(item, sheet);
    return { model, sheet };
  }

  locale(): LocaleInfo {
    return localeInfo(this.model().locale);
  }

  /** A sheet of this file, failing like Apps Script when it has been deleted meanwhile. */
  sheet(sheetId: number, need: 'view' | 'edit' = 'view'): SheetModel {
    return this.sheetIn(need === 'edit' ? this.edit() : this.model(), sheetId);
  }

  private sheetIn(model: SpreadsheetModel, sheetId: number): SheetModel {
    const sheet = model.sheetById(sheetId);
    // Guessed wording: Apps Script's message for a deleted sheet is not documented.
    if (!sheet) gasError(`Sheet ${sheetId} not found`);
    return sheet;
  }

  /** Google's per-file cell limit, checked before a change adding `extraCells`. */
  checkCellLimit(model: SpreadsheetModel, extraCells: number): void {
    if (model.totalCells() + extraCells > 10_000_000) gasError(MSG.cellLimit);
  }
}

/**
 * A spreadsheet file as the effective user may reach it. Goes through DriveStore.require (one
 * access rule for every service) but reports it with SpreadsheetApp's own messages.
 */
export function requireSpreadsheetItem(
  ctx: EmulatorContext,
  id: string,
  need: 'view' | 'edit',
  method: string,
): DriveItem {
  const raw = ctx.drive.peek(id);
  if (!raw || raw.mimeType !== MIME.spreadsheet || !(raw.content instanceof SpreadsheetModel)) {
    gasError(MSG.openFailed(method));
  }
  try {
    return ctx.drive.require(id, need);
  } catch (e) {
    if (e instanceof GasException) gasError(MSG.noAccess);
    throw e;
  }
}
