/**
 * Protection: a protected range or sheet (Protection reference). The rules of who may edit live
 * in permissions.ts; this class is the script's handle on one ProtectionModel.
 *
 * Changing a protection (description, editors, warning, ranges, removal) needs edit access to the
 * file and to the protection itself; otherwise it throws the protected-cell message (a guess: the
 * reference only says an exception is thrown).
 */
import { gasError } from '../../core/errors';
import { GridRange } from './a1';
import { Doc } from './doc';
import { ProtectionTypeEnum } from './enums';
import { ProtectionModel } from './model';
import {
  PROTECTED_MESSAGE,
  canEditProtection,
  effectiveDomainEdit,
  isConsumerAccount,
  materialize,
  protectionEditors,
} from './permissions';
import { EmuRange } from './range';
import { asUsers, emailOf } from './users';

type P = GoogleAppsScript.Spreadsheet.Protection;
type ProtectionKeys =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getRangeName'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

/** Guessed wording (see remove_). */
export const REMOVES_OWN_ACCESS =
  'You cannot remove an editor through whom you have edit access to this protected range. Add yourself as an editor first.';

function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class EmuProtection implements Pick<P, ProtectionKeys> {
  constructor(
    private readonly doc: Doc,
    readonly id: string,
  ) {}

  private charge(method: string): void {
    this.doc.charge(`Protection.${method}`);
  }

  private self(): P {
    return this as unknown as P;
  }

  /** The protection's record (fails if it was removed). */
  private model(): ProtectionModel {
    const p = this.doc.model().protections.find((x) => x.id === this.id);
    // Guessed wording: the reference does not say what a removed protection answers.
    if (!p) gasError('This protection has been removed.');
    return p;
  }

  /** The record for a change: file edit access and edit rights on the protection itself. */
  private editable(): ProtectionModel {
    const item = this.doc.item('edit');
    const p = this.model();
    if (!canEditProtection(p, item, this.doc.actor())) gasError(PROTECTED_MESSAGE);
    return p;
  }

  private changed(): P {
    this.doc.touched();
    return this.self();
  }

  getDescription(): string {
    this.charge('getDescription');
    return this.model().description;
  }

  setDescription(description: string): P {
    this.charge('setDescription');
    this.editable().description = String(description);
    return this.changed();
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.charge('getProtectionType');
    return ProtectionTypeEnum[this.model().type] as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.charge('getRange');
    const p = this.model();
    const sheet = this.doc.sheet(p.sheetId);
    const r: GridRange = p.range ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns };
    return new EmuRange(
      this.doc,
      p.sheetId,
      r.row,
      r.col,
      r.numRows,
      r.numCols,
    ) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): P {
    this.charge('setRange');
    const p = this.editable();
    const emu = range as unknown as EmuRange;
    // Guessed wording: the reference does not give the message for a sheet protection.
    if (p.type !== 'RANGE') gasError('The protection type must be RANGE to set a range.');
    p.sheetId = emu.sheetId;
    p.range = emu.grid();
    return this.changed();
  }

  getRangeName(): string | null {
    this.charge('getRangeName');
    return null;
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    this.charge('getEditors');
    return asUsers(protectionEditors(this.model(), this.doc.item('view')), (k) => this.doc.charge(k));
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): P {
    this.charge('addEditor');
    this.add([emailOf(emailAddress)]);
    return this.changed();
  }

  addEditors(emailAddresses: string[]): P {
    this.charge('addEditors');
    this.add(emailAddresses.map((e) => emailOf(e)));
    return this.changed();
  }

  /**
   * Protection.addEditor reference: the user is not given access to the spreadsheet itself
   * (call Spreadsheet.addEditor for that).
   */
  private add(emails: string[]): void {
    const p = this.editable();
    const item = this.doc.item('edit');
    materialize(p, item);
    const list = p.editors as string[];
    for (const e of emails) if (!list.some((x) => sameEmail(x, e))) list.push(e);
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): P {
    this.charge('removeEditor');
    this.remove_([emailOf(emailAddress)]);
    return this.changed();
  }

  removeEditors(emailAddresses: Array<string | GoogleAppsScript.Base.User>): P {
    this.charge('removeEditors');
    this.remove_(emailAddresses.map((e) => emailOf(e)));
    return this.changed();
  }

  /**
   * Protection.removeEditors reference: "Neither the owner of the spreadsheet nor the current
   * user can be removed." They stay in the list without an error.
   *
   * But a current user who may edit only through a listed group loses that by the group's
   * removal, and the reference's own sample warns: "Ensure the current user is an editor before
   * removing others. Otherwise, if the user's edit permission comes from a group, the script
   * throws an exception upon removing the group."
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection). The emulator
   * throws whenever a removal would take the current user's edit rights on the protection away,
   * and changes nothing then; the message is a guess (none is quoted anywhere we found).
   */
  private remove_(emails: string[]): void {
    const p = this.editable();
    const item = this.doc.item('edit');
    materialize(p, item);
    const keep = (e: string): boolean =>
      sameEmail(e, item.owner) || sameEmail(e, this.doc.user) || !emails.some((x) => sameEmail(x, e));
    const kept = (p.editors as string[]).filter(keep);
    const actor = this.doc.actor();
    if (!canEditProtection({ ...p, editors: kept }, item, actor)) gasError(REMOVES_OWN_ACCESS);
    p.editors = kept;
  }

  canEdit(): boolean {
    this.charge('canEdit');
    const actor = this.doc.actor();
    return actor.fileEditor && canEditProtection(this.model(), this.doc.item('view'), actor);
  }

  canDomainEdit(): boolean {
    this.charge('canDomainEdit');
    return effectiveDomainEdit(this.model(), this.doc.item('view'));
  }

  /**
   * Protection.setDomainEdit reference: throws when the spreadsheet does not belong to a Google
   * Workspace domain (owned by a gmail.com account). The message is a guess.
   */
  setDomainEdit(editable: boolean): P {
    this.charge('setDomainEdit');
    const p = this.editable();
    const item = this.doc.item('edit');
    if (isConsumerAccount(item.owner)) {
      gasError('Domain edit can only be set for spreadsheets owned by a Google Workspace domain.');
    }
    materialize(p, item);
    p.domainEdit = !!editable;
    return this.changed();
  }

  isWarningOnly(): boolean {
    this.charge('isWarningOnly');
    return this.model().warningOnly;
  }

  setWarningOnly(warningOnly: boolean): P {
    this.charge('setWarningOnly');
    this.editable().warningOnly = !!warningOnly;
    return this.changed();
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.charge('getUnprotectedRanges');
    const p = this.model();
    return p.unprotected.map(
      (r) =>
        new EmuRange(
          this.doc,
          p.sheetId,
          r.row,
          r.col,
          r.numRows,
          r.numCols,
        ) as unknown as GoogleAppsScript.Spreadsheet.Range,
    );
  }

  /**
   * Protection.setUnprotectedRanges reference: only for sheet protections, and every range must
   * be on the protected sheet (both messages guessed).
   */
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): P {
    this.charge('setUnprotectedRanges');
    const p = this.editable();
    if (p.type !== 'SHEET') gasError('Unprotected ranges can only be set on a protected sheet.');
    const emus = ranges.map((r) => r as unknown as EmuRange);
    if (emus.some((r) => r.sheetId !== p.sheetId)) {
      gasError('Unprotected ranges must be on the protected sheet.');
    }
    p.unprotected = emus.map((r) => r.grid());
    return this.changed();
  }

  remove(): void {
    this.charge('remove');
    const p = this.editable();
    const model = this.doc.model();
    model.protections = model.protections.filter((x) => x !== p);
    this.doc.touched();
  }
}
