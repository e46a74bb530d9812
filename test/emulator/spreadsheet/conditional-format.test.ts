import { CONDITIONAL_MSG } from '../../../emulator/services/spreadsheet/conditional-format';
import {
  SpreadsheetModel,
  effectiveBackground,
  effectiveFormat,
  spreadsheetModelOf,
} from '../../../emulator/services/spreadsheet';
import { FOCAL, thrown, world } from './helpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** A registry sheet with a status column C (rows 2–6) and a budget column D. */
function registry() {
  const w = world();
  const ss = w.app.create('Sổ đăng ký');
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:D6').setValues([
    ['Mã', 'Nhiệm vụ', 'Trạng thái', 'Kinh phí'],
    ['NV1', 'Rà soát thủ tục', 'Đạt', 120],
    ['NV2', 'Số hóa hồ sơ', 'Chậm', 40],
    ['NV3', 'Tập huấn', 'đạt', 5],
    ['NV4', 'Khảo sát', '', ''],
    ['NV5', 'Báo cáo', 'Chậm tiến độ', 0],
  ]);
  const model = () => spreadsheetModelOf(w.ctx, ss.getId()) as SpreadsheetModel;
  const bg = (a1: string) => {
    const r = sheet.getRange(a1);
    return effectiveBackground(model(), sheet.getSheetId(), r.getRow(), r.getColumn());
  };
  return { w, ss, sheet, model, bg };
}

describe('ConditionalFormatRuleBuilder', () => {
  it('builds a rule whose condition, format and ranges read back', () => {
    const { w, sheet } = registry();
    const rule = w.app
      .newConditionalFormatRule()
      .whenTextEqualTo('Đạt')
      .setBackground('#B7E1CD')
      .setFontColor('green')
      .setBold(true)
      .setRanges([sheet.getRange('C2:C100')])
      .build();
    const c = rule.getBooleanCondition()!;
    expect(c.getCriteriaType()).toBe(w.app.BooleanCriteria.TEXT_EQUAL_TO);
    expect(String(c.getCriteriaType())).toBe('TEXT_EQUAL_TO');
    expect(c.getCriteriaValues()).toEqual(['Đạt']);
    expect(c.getBackground()).toBe('#b7e1cd');
    expect(c.getFontColor()).toBe('#008000');
    expect(c.getBold()).toBe(true);
    expect(c.getItalic()).toBeNull();
    expect(rule.getGradientCondition()).toBeNull();
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['C2:C100']);
  });

  it('keeps the values each condition was given', () => {
    const { w, sheet } = registry();
    const C = w.app.BooleanCriteria;
    const b = () => w.app.newConditionalFormatRule().setRanges([sheet.getRange('D2:D6')]);
    const cond = (x: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder) =>
      x.build().getBooleanCondition()!;
    expect(cond(b().whenNumberGreaterThan(100)).getCriteriaValues()).toEqual([100]);
    expect(cond(b().whenNumberLessThan(10)).getCriteriaType()).toBe(C.NUMBER_LESS_THAN);
    expect(cond(b().whenNumberBetween(1, 10)).getCriteriaValues()).toEqual([1, 10]);
    expect(cond(b().whenCellEmpty()).getCriteriaType()).toBe(C.CELL_EMPTY);
    expect(cond(b().whenCellEmpty()).getCriteriaValues()).toEqual([]);
    expect(cond(b().whenCellNotEmpty()).getCriteriaType()).toBe(C.CELL_NOT_EMPTY);
    expect(cond(b().whenTextContains('Chậm')).getCriteriaType()).toBe(C.TEXT_CONTAINS);
    expect(cond(b().whenFormulaSatisfied('=$D2>100')).getCriteriaValues()).toEqual(['=$D2>100']);
    expect(cond(b().whenFormulaSatisfied('=$D2>100')).getCriteriaType()).toBe(C.CUSTOM_FORMULA);
    expect(cond(b().whenCellEmpty().setItalic(true)).getItalic()).toBe(true);
  });

  it('refuses to build without a condition or without ranges (stricter guess)', () => {
    const { w, sheet } = registry();
    const e = thrown(() =>
      w.app
        .newConditionalFormatRule()
        .setBackground('red')
        .setRanges([sheet.getRange('C2')])
        .build(),
    );
    expect(e.name).toBe('Exception');
    expect(e.message).toBe(CONDITIONAL_MSG.noCondition);
    expect(thrown(() => w.app.newConditionalFormatRule().whenCellEmpty().build()).message).toBe(
      CONDITIONAL_MSG.noRanges,
    );
    expect(thrown(() => w.app.newConditionalFormatRule().whenCellEmpty().setRanges([]).build()).message).toBe(
      CONDITIONAL_MSG.noRanges,
    );
  });

  it('checks argument types with Apps Script’s signature message', () => {
    const { w } = registry();
    const b = w.app.newConditionalFormatRule();
    const gt = b.whenNumberGreaterThan as unknown as (x: unknown) => unknown;
    expect(thrown(() => gt.call(b, '5')).message).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberGreaterThan.",
    );
    const setRanges = b.setRanges as unknown as (x: unknown) => unknown;
    expect(() => setRanges.call(b, ['C2:C6'])).toThrow(
      'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges',
    );
  });

  it('copy() starts from the rule’s settings and leaves the rule unchanged', () => {
    const { w, sheet } = registry();
    const rule = w.app
      .newConditionalFormatRule()
      .whenTextEqualTo('Chậm')
      .setBackground('#f4cccc')
      .setBold(true)
      .setRanges([sheet.getRange('C2:C6')])
      .build();
    const other = rule.copy().whenCellEmpty().setBackground(null).build();
    expect(other.getBooleanCondition()!.getCriteriaType()).toBe(w.app.BooleanCriteria.CELL_EMPTY);
    expect(other.getBooleanCondition()!.getBold()).toBe(true);
    expect(other.getBooleanCondition()!.getBackground()).toBeNull();
    expect(other.getRanges().map((r) => r.getA1Notation())).toEqual(['C2:C6']);
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual(['Chậm']);
    expect(rule.getBooleanCondition()!.getBackground()).toBe('#f4cccc');
  });
});

describe('Sheet.setConditionalFormatRules / getConditionalFormatRules', () => {
  function statusRules(w: ReturnType<typeof registry>['w'], sheet: Sheet) {
    const status = sheet.getRange('C2:C100');
    return [
      w.app
        .newConditionalFormatRule()
        .whenTextEqualTo('Đạt')
        .setBackground('#b7e1cd')
        .setRanges([status])
        .build(),
      w.app
        .newConditionalFormatRule()
        .whenTextContains('Chậm')
        .setBackground('#f4cccc')
        .setRanges([status])
        .build(),
    ];
  }

  it('replaces the whole list and keeps its order (the reference’s read-push-set pattern adds one)', () => {
    const { w, sheet } = registry();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
    sheet.setConditionalFormatRules(statusRules(w, sheet));
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()!.getCriteriaValues()[0])).toEqual(['Đạt', 'Chậm']);
    rules.push(
      w.app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#fff2cc')
        .setRanges([sheet.getRange('C2:C100')])
        .build(),
    );
    sheet.setConditionalFormatRules(rules);
    expect(sheet.getConditionalFormatRules()).toHaveLength(3);
    sheet.setConditionalFormatRules([rules[2]]);
    const [only] = sheet.getConditionalFormatRules();
    expect(only.getBooleanCondition()!.getCriteriaType()).toBe(w.app.BooleanCriteria.CELL_EMPTY);
    expect(only.getRanges().map((r) => r.getA1Notation())).toEqual(['C2:C100']);
    sheet.setConditionalFormatRules([]);
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('refuses a rule with a range on another sheet or file, changing nothing', () => {
    const { w, ss, sheet } = registry();
    sheet.setConditionalFormatRules(statusRules(w, sheet));
    const other = ss.insertSheet('Khác');
    const elsewhere = w.app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([other.getRange('A1:A5')])
      .build();
    const e = thrown(() => sheet.setConditionalFormatRules([elsewhere]));
    expect(e.message).toBe(CONDITIONAL_MSG.otherSheet);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    other.setConditionalFormatRules([elsewhere]);
    const foreign = w.app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([w.app.create('Khác').getSheets()[0].getRange('A1')])
      .build();
    expect(thrown(() => sheet.setConditionalFormatRules([foreign])).message).toBe(CONDITIONAL_MSG.otherFile);
    const setRules = sheet.setConditionalFormatRules as unknown as (x: unknown) => unknown;
    expect(() => setRules.call(sheet, ['not a rule'])).toThrow(
      "don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules",
    );
  });

  it('keeps the rules through Sheet.clear(); clearConditionalFormatRules removes them', () => {
    const { w, sheet } = registry();
    sheet.setConditionalFormatRules(statusRules(w, sheet));
    sheet.clear();
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('moves rule ranges with inserted rows and drops a rule whose cells are all deleted', () => {
    const { w, sheet } = registry();
    const rule = (a1: string) =>
      w.app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setRanges([sheet.getRange(a1)])
        .build();
    sheet.setConditionalFormatRules([rule('C2:C6'), rule('F10')]);
    sheet.insertRowsBefore(3, 2);
    expect(sheet.getConditionalFormatRules().map((r) => r.getRanges()[0].getA1Notation())).toEqual([
      'C2:C8',
      'F12',
    ]);
    sheet.deleteRow(12);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
  });

  it('are edits: blocked by a sheet protection, and by range protections for the rules that change', () => {
    const { w, ss, sheet } = registry();
    ss.addEditor(FOCAL);
    const asFocal = <T>(fn: (s: Sheet) => T): T =>
      w.ctx.session.as(FOCAL, () => fn(w.app.openById(ss.getId()).getSheets()[0]));
    const header = w.app
      .newConditionalFormatRule()
      .whenCellNotEmpty()
      .setBold(true)
      .setRanges([sheet.getRange('A1:D1')])
      .build();
    sheet.setConditionalFormatRules([header]);
    sheet.getRange('A1:D1').protect().removeEditors([FOCAL]);
    // keeping the header rule and adding one elsewhere is allowed
    asFocal((s) =>
      s.setConditionalFormatRules([
        ...s.getConditionalFormatRules(),
        w.app
          .newConditionalFormatRule()
          .whenTextEqualTo('Đạt')
          .setBackground('green')
          .setRanges([s.getRange('C2:C6')])
          .build(),
      ]),
    );
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    // dropping the rule on the protected header is not
    expect(thrown(() => asFocal((s) => s.setConditionalFormatRules([]))).message).toBe(PROTECTED);
    expect(() => asFocal((s) => s.clearConditionalFormatRules())).toThrow(PROTECTED);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    // a sheet protection blocks even setting the same list again
    sheet.protect().removeEditors([FOCAL]);
    expect(() => asFocal((s) => s.setConditionalFormatRules(s.getConditionalFormatRules()))).toThrow(
      PROTECTED,
    );
  });

  it('charges every call and moves the file’s last-updated time', () => {
    const { w, ss, sheet } = registry();
    const item = w.ctx.drive.peek(ss.getId())!;
    const before = item.updatedMs;
    w.ctx.ledger.reset();
    const rule = w.app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('red')
      .setRanges([sheet.getRange('C2')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.getConditionalFormatRules()[0].getBooleanCondition()!.getBackground();
    expect(w.ctx.ledger.snapshot()).toMatchObject({
      'SpreadsheetApp.newConditionalFormatRule': 1,
      'ConditionalFormatRuleBuilder.whenCellEmpty': 1,
      'ConditionalFormatRuleBuilder.setBackground': 1,
      'ConditionalFormatRuleBuilder.setRanges': 1,
      'ConditionalFormatRuleBuilder.build': 1,
      'Sheet.setConditionalFormatRules': 1,
      'Sheet.getConditionalFormatRules': 1,
      'ConditionalFormatRule.getBooleanCondition': 1,
      'BooleanCondition.getBackground': 1,
    });
    expect(item.updatedMs).toBeGreaterThan(before);
  });
});

describe('effectiveBackground / effectiveFormat (test and exporter helper)', () => {
  it('applies the first matching rule in list order on top of the cell’s own background', () => {
    const { w, sheet, bg } = registry();
    const status = sheet.getRange('C2:C6');
    sheet.getRange('C6').setBackground('#cfe2f3');
    sheet.setConditionalFormatRules([
      w.app
        .newConditionalFormatRule()
        .whenTextEqualTo('Đạt')
        .setBackground('#b7e1cd')
        .setRanges([status])
        .build(),
      w.app
        .newConditionalFormatRule()
        .whenTextContains('chậm')
        .setBackground('#f4cccc')
        .setRanges([status])
        .build(),
      w.app
        .newConditionalFormatRule()
        .whenCellNotEmpty()
        .setBackground('#eeeeee')
        .setRanges([status])
        .build(),
    ]);
    expect(bg('C2')).toBe('#b7e1cd');
    expect(bg('C4')).toBe('#b7e1cd'); // text conditions ignore case ("đạt")
    expect(bg('C3')).toBe('#f4cccc');
    expect(bg('C6')).toBe('#f4cccc'); // "Chậm tiến độ" contains "chậm"; the rule wins over the cell's own
    expect(bg('C5')).toBe('#ffffff'); // empty: no rule matches
    expect(bg('B2')).toBe('#ffffff'); // outside the rules' ranges
    // Range.getBackground reports the cell's own colour, not the conditional one
    expect(sheet.getRange('C2').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('C6').getBackground()).toBe('#cfe2f3');
  });

  it('keeps the first match even when a later rule would set a background', () => {
    const { w, sheet, model } = registry();
    const status = sheet.getRange('C2:C6');
    sheet.setConditionalFormatRules([
      w.app.newConditionalFormatRule().whenTextEqualTo('Đạt').setBold(true).setRanges([status]).build(),
      w.app
        .newConditionalFormatRule()
        .whenCellNotEmpty()
        .setBackground('#eeeeee')
        .setRanges([status])
        .build(),
    ]);
    const f = effectiveFormat(model(), sheet.getSheetId(), 2, 3);
    expect(f).toMatchObject({ background: '#ffffff', fontWeight: 'bold' });
    expect(f.rule?.criteria).toBe('TEXT_EQUAL_TO');
    expect(effectiveFormat(model(), sheet.getSheetId(), 3, 3).background).toBe('#eeeeee');
  });

  it('evaluates number and empty conditions, and skips custom formulas', () => {
    const { w, sheet, bg } = registry();
    const budget = sheet.getRange('D2:D6');
    sheet.setConditionalFormatRules([
      w.app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=D2>0')
        .setBackground('#000000')
        .setRanges([budget])
        .build(),
      w.app
        .newConditionalFormatRule()
        .whenNumberGreaterThan(100)
        .setBackground('#ea9999')
        .setRanges([budget])
        .build(),
      w.app
        .newConditionalFormatRule()
        .whenNumberBetween(1, 50)
        .setBackground('#ffe599')
        .setRanges([budget])
        .build(),
      w.app.newConditionalFormatRule().whenCellEmpty().setBackground('#d9d9d9').setRanges([budget]).build(),
    ]);
    expect(['D2', 'D3', 'D4', 'D5', 'D6'].map(bg)).toEqual([
      '#ea9999',
      '#ffe599',
      '#ffe599',
      '#d9d9d9',
      '#ffffff',
    ]);
  });
});

describe('the model', () => {
  it('stores rules for exporters and deep-copies them with clone()', () => {
    const { w, sheet, model } = registry();
    sheet.setConditionalFormatRules([
      w.app
        .newConditionalFormatRule()
        .whenTextEqualTo('Đạt')
        .setBackground('#B7E1CD')
        .setRanges([sheet.getRange('C2:C6')])
        .build(),
    ]);
    const m = model();
    const [rule] = m.sheets[0].conditionalFormatRules;
    expect(rule).toEqual({
      ranges: [{ row: 2, col: 3, numRows: 5, numCols: 1 }],
      criteria: 'TEXT_EQUAL_TO',
      args: ['Đạt'],
      format: { background: '#b7e1cd' },
    });
    const copy = m.clone();
    const copied = copy.sheets[0].conditionalFormatRules[0];
    expect(copied).toEqual(rule);
    expect(copied).not.toBe(rule);
    expect(copied.ranges[0]).not.toBe(rule.ranges[0]);
    expect(copied.format).not.toBe(rule.format);
    copy.sheets[0].conditionalFormatRules = [];
    expect(m.sheets[0].conditionalFormatRules).toHaveLength(1);
  });
});
