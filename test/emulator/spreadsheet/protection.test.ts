import { REMOVES_OWN_ACCESS } from '../../../emulator/services/spreadsheet/protection';
import { FOCAL, OWNER, thrown, world } from './helpers';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** A file shared with FOCAL as editor, and FOCAL's own handle on its first sheet. */
function shared() {
  const w = world();
  const ss = w.app.create('Đơn vị');
  ss.addEditor(FOCAL);
  const sheet = ss.getSheets()[0];
  const asFocal = <T>(fn: (s: GoogleAppsScript.Spreadsheet.Sheet) => T): T =>
    w.ctx.session.as(FOCAL, () => fn(w.app.openById(ss.getId()).getSheets()[0]));
  return { w, ss, sheet, asFocal };
}

describe('a new protection', () => {
  it('mirrors the spreadsheet’s editors, so it protects nothing yet (Range.protect reference)', () => {
    const { sheet, asFocal } = shared();
    const p = sheet.getRange('A1:B2').protect().setDescription('Tiêu đề');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, FOCAL]);
    asFocal((s) => s.getRange('A1').setValue('được'));
    expect(sheet.getRange('A1').getValue()).toBe('được');
    expect(p.getDescription()).toBe('Tiêu đề');
    expect(p.getProtectionType()).toBe(world().app.ProtectionType.RANGE);
    expect(p.getRange().getA1Notation()).toBe('A1:B2');
  });

  it('follows editors added to the file later, until its own list is changed', () => {
    const { ss, sheet } = shared();
    const p = sheet.getRange('A1').protect();
    ss.addEditor('late@unit.vn');
    expect(p.getEditors().map((u) => u.getEmail())).toContain('late@unit.vn');
    p.removeEditor('late@unit.vn');
    ss.addEditor('later@unit.vn');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, FOCAL]);
  });
});

describe('a restricted protection', () => {
  function restricted() {
    const s = shared();
    const p = s.sheet.getRange('A1:B2').protect();
    p.removeEditors(p.getEditors().map((u) => u.getEmail()));
    return { ...s, p };
  }

  it('keeps the owner and the current user whatever removeEditors is given', () => {
    const { p } = restricted();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });

  it('never drops the current user, even when they are not the owner', () => {
    const { asFocal } = shared();
    const emails = asFocal((s) => {
      const p = s.getRange('A1').protect();
      p.removeEditors([FOCAL, OWNER]);
      p.removeEditor(FOCAL);
      s.getRange('A1').setValue('vẫn sửa được');
      return p.getEditors().map((u) => u.getEmail());
    });
    expect(emails).toEqual([OWNER, FOCAL]);
  });

  it('blocks every kind of edit by someone not listed, with Sheets’ message', () => {
    const { asFocal, sheet } = restricted();
    const e = thrown(() => asFocal((s) => s.getRange('B2').setValue('x')));
    expect(e.name).toBe('Exception');
    expect(e.message).toBe(PROTECTED);
    const attempts: Array<(s: GoogleAppsScript.Spreadsheet.Sheet) => unknown> = [
      (s) =>
        s.getRange('A1:C3').setValues([
          ['', '', ''],
          ['', '', ''],
          ['', '', ''],
        ]),
      (s) => s.getRange('A1').setFormula('=1'),
      (s) => s.getRange('B1').clear(),
      (s) => s.getRange('B1').clearContent(),
      (s) => s.getRange('A2').setNote('n'),
      (s) => s.getRange('A2').setBackground('red'),
      (s) => s.getRange('A2').setDataValidation(null),
      (s) => s.deleteRow(2),
    ];
    for (const attempt of attempts) expect(() => asFocal(attempt)).toThrow(PROTECTED);
    asFocal((s) => s.getRange('C3').setValue('ngoài vùng'));
    expect(sheet.getRange('C3').getValue()).toBe('ngoài vùng');
    expect(asFocal((s) => s.getRange('A1').canEdit())).toBe(false);
    expect(asFocal((s) => s.getRange('C3').canEdit())).toBe(true);
  });

  it('lets the owner and added editors edit', () => {
    const { asFocal, sheet, p } = restricted();
    sheet.getRange('A1').setValue('chủ');
    p.addEditor(FOCAL);
    asFocal((s) => s.getRange('A1').setValue('đầu mối'));
    expect(sheet.getRange('A1').getValue()).toBe('đầu mối');
  });

  it('does not block when warning-only', () => {
    const { asFocal, sheet, p } = restricted();
    p.setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    asFocal((s) => s.getRange('A1').setValue('cảnh báo'));
    expect(sheet.getRange('A1').getValue()).toBe('cảnh báo');
  });

  it('cannot be changed or removed by someone not listed', () => {
    const { w, ss, asFocal } = shared();
    const p = ss.getSheets()[0].getRange('A1').protect();
    p.removeEditors([FOCAL]);
    w.ctx.session.as(FOCAL, () => {
      const mine = w.app.openById(ss.getId()).getProtections(w.app.ProtectionType.RANGE)[0];
      expect(mine.canEdit()).toBe(false);
      expect(() => mine.remove()).toThrow(PROTECTED);
      expect(() => mine.addEditor(FOCAL)).toThrow(PROTECTED);
    });
    p.remove();
    asFocal((s) => s.getRange('A1').setValue('tự do'));
  });

  it('moves with inserted rows', () => {
    const { sheet, asFocal, p } = restricted();
    sheet.insertRowsBefore(1, 2);
    expect(p.getRange().getA1Notation()).toBe('A3:B4');
    asFocal((s) => s.getRange('A1').setValue('trên'));
    expect(() => asFocal((s) => s.getRange('A3').setValue('x'))).toThrow(PROTECTED);
  });
});

describe('sheet protection', () => {
  it('protects the whole sheet except its unprotected ranges', () => {
    const { w, sheet, asFocal } = shared();
    const p = sheet.protect().setDescription('Khóa');
    p.setUnprotectedRanges([sheet.getRange('C2:D10')]);
    p.removeEditors([FOCAL]);
    expect(p.getProtectionType()).toBe(w.app.ProtectionType.SHEET);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['C2:D10']);
    asFocal((s) =>
      s.getRange('C2:D3').setValues([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    );
    expect(() => asFocal((s) => s.getRange('B2').setValue('x'))).toThrow(PROTECTED);
    expect(() => asFocal((s) => s.getRange('C2:E2').setValues([['a', 'b', 'c']]))).toThrow(PROTECTED);
    expect(() => asFocal((s) => s.insertRowsAfter(1, 1))).toThrow(PROTECTED);
    expect(() => asFocal((s) => s.setName('khác'))).toThrow(PROTECTED);
    expect(sheet.getProtections(w.app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.getProtections(w.app.ProtectionType.RANGE)).toHaveLength(0);
  });

  it('refuses unprotected ranges on a range protection', () => {
    const { sheet } = shared();
    const p = sheet.getRange('A1').protect();
    expect(() => p.setUnprotectedRanges([sheet.getRange('A1')])).toThrow();
  });
});

describe('domain edit', () => {
  it('follows the file’s domain sharing while mirroring; setDomainEdit needs a Workspace owner', () => {
    const { w, ss, sheet } = shared();
    const item = w.ctx.drive.peek(ss.getId());
    if (!item) throw new Error('no item');
    const p = sheet.getRange('A1').protect();
    expect(p.canDomainEdit()).toBe(false);
    item.sharingAccess = 'DOMAIN';
    item.sharingPermission = 'EDIT';
    expect(p.canDomainEdit()).toBe(true);
    p.setDomainEdit(false);
    expect(p.canDomainEdit()).toBe(false);
    const gmail = world();
    gmail.ctx.session.active = gmail.ctx.session.effective = 'someone@gmail.com';
    const q = gmail.app.create('B').getSheets()[0].getRange('A1').protect();
    expect(() => q.setDomainEdit(false)).toThrow();
  });
});

describe('a current user who may edit only through a Google Group', () => {
  const GROUP = 'cchc-admins@unit.vn';
  const MEMBER = 'member@unit.vn';

  /** The file is shared with the group (not with MEMBER by name); MEMBER runs the script. */
  function viaGroup() {
    const w = world();
    w.ctx.drive.defineGroup(GROUP, [MEMBER]);
    const ss = w.app.create('Đơn vị');
    ss.addEditor(GROUP);
    ss.getSheets()[0].getRange('A1:B2').protect(); // mirrors the file's editors: the group
    const asMember = <T>(fn: (p: GoogleAppsScript.Spreadsheet.Protection) => T): T =>
      w.ctx.session.as(MEMBER, () =>
        fn(w.app.openById(ss.getId()).getSheets()[0].getProtections(w.app.ProtectionType.RANGE)[0]),
      );
    return { w, ss, asMember };
  }

  it('edits through the group', () => {
    const { w, ss, asMember } = viaGroup();
    asMember((p) => {
      expect(p.canEdit()).toBe(true);
      p.getRange().setValue('được');
    });
    expect(ss.getRange('A1').getValue()).toBe('được');
    expect(w.ctx.drive.groupsOf(MEMBER)).toEqual([GROUP]);
  });

  it("throws on removing that group (the Protection reference's warning), and changes nothing", () => {
    const { asMember } = viaGroup();
    const err = thrown(() => asMember((p) => p.removeEditors([GROUP])));
    expect(err.message).toBe(REMOVES_OWN_ACCESS);
    expect(asMember((p) => p.getEditors().map((u) => u.getEmail()))).toEqual([OWNER, GROUP]);
  });

  it("works in the sample's order: add yourself first, then remove the others", () => {
    const { asMember } = viaGroup();
    const editors = asMember((p) => {
      p.addEditor(MEMBER);
      p.removeEditors(p.getEditors());
      p.getRange().setValue('vẫn sửa được');
      return p.getEditors().map((u) => u.getEmail());
    });
    expect(editors).toEqual([OWNER, MEMBER]);
  });
});
