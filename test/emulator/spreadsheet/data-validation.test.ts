import { newSheet, thrown, world } from './helpers';

describe('DataValidationBuilder', () => {
  it('builds list rules: criteria, values, dropdown flag, help text, allow-invalid default true', () => {
    const w = world();
    const rule = w.app.newDataValidation().requireValueInList(['Có', 'Không']).setHelpText('Chọn').build();
    expect(rule.getCriteriaType()).toBe(w.app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Có', 'Không'], true]);
    expect(rule.getHelpText()).toBe('Chọn');
    expect(rule.getAllowInvalid()).toBe(true);
    const noDropdown = w.app.newDataValidation().requireValueInList(['a'], false).build();
    expect(noDropdown.getCriteriaValues()).toEqual([['a'], false]);
  });

  it('covers number, email, date, formula and checkbox criteria', () => {
    const w = world();
    const b = () => w.app.newDataValidation();
    const C = w.app.DataValidationCriteria;
    expect(b().requireNumberBetween(1, 5).build().getCriteriaValues()).toEqual([1, 5]);
    expect(b().requireNumberBetween(1, 5).build().getCriteriaType()).toBe(C.NUMBER_BETWEEN);
    expect(b().requireNumberGreaterThanOrEqualTo(0).build().getCriteriaType()).toBe(
      C.NUMBER_GREATER_THAN_OR_EQUAL_TO,
    );
    expect(b().requireTextIsEmail().build().getCriteriaType()).toBe(C.TEXT_IS_VALID_EMAIL);
    expect(b().requireDate().build().getCriteriaType()).toBe(C.DATE_IS_VALID_DATE);
    expect(b().requireFormulaSatisfied('=A1>0').build().getCriteriaValues()).toEqual(['=A1>0']);
    expect(b().requireCheckbox().build().getCriteriaType()).toBe(C.CHECKBOX);
    expect(String(b().requireCheckbox().build().getCriteriaType())).toBe('CHECKBOX');
  });

  it('requireValueInRange gives the range back as a Range', () => {
    const w = world();
    const ss = w.app.create('A');
    const list = ss.insertSheet('DS').getRange('A1:A3');
    const rule = w.app.newDataValidation().requireValueInRange(list).build();
    const [range, dropdown] = rule.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect(range.getA1Notation()).toBe('A1:A3');
    expect(range.getSheet().getName()).toBe('DS');
    expect(dropdown).toBe(true);
  });

  it('copy() and withCriteria() derive new rules without changing the original', () => {
    const w = world();
    const rule = w.app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build();
    const changed = rule.copy().withCriteria(w.app.DataValidationCriteria.NUMBER_BETWEEN, [1, 10]).build();
    expect(changed.getCriteriaValues()).toEqual([1, 10]);
    expect(changed.getAllowInvalid()).toBe(false);
    expect(rule.getCriteriaValues()).toEqual([1, 5]);
  });

  it('refuses to build without criteria', () => {
    expect(() => world().app.newDataValidation().build()).toThrow();
  });
});

describe('rules on cells', () => {
  it('set, read back per cell, and clear', () => {
    const w = world();
    const range = newSheet(w).getRange('A1:B1');
    range.setDataValidation(w.app.newDataValidation().requireValueInList(['x']).build());
    const rules = range.getDataValidations();
    expect(rules[0].map((r) => r?.getCriteriaValues()[0])).toEqual([['x'], ['x']]);
    range.setDataValidations([[null, w.app.newDataValidation().requireTextIsEmail().build()]]);
    expect(range.getDataValidation()).toBeNull();
    expect(range.offset(0, 1, 1, 1).getDataValidation()?.getCriteriaType()).toBe(
      w.app.DataValidationCriteria.TEXT_IS_VALID_EMAIL,
    );
    range.setDataValidation(null);
    expect(range.getDataValidations()).toEqual([[null, null]]);
  });
});

describe('writes against a rejecting rule', () => {
  function strictList() {
    const w = world();
    const sheet = newSheet(w);
    const rule = w.app
      .newDataValidation()
      .requireValueInList(['Đạt', 'Không đạt'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('B2:B3').setDataValidation(rule);
    return { w, sheet };
  }

  it('throw Sheets’ message naming the cell and the allowed values, and write nothing', () => {
    const { sheet } = strictList();
    const e = thrown(() =>
      sheet.getRange('A2:B3').setValues([
        ['a', 'Đạt'],
        ['b', 'Sai'],
      ]),
    );
    expect(e.name).toBe('Exception');
    expect(e.message).toBe(
      'The data you entered in cell B3 violates the data validation rules set on this cell. Please enter one of the following values: Đạt, Không đạt.',
    );
    expect(sheet.getRange('A2:B3').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('accept allowed values and empty cells', () => {
    const { sheet } = strictList();
    sheet.getRange('B2:B3').setValues([['Không đạt'], ['']]);
    expect(sheet.getRange('B2').getValue()).toBe('Không đạt');
  });

  it('check numbers, emails and dates too', () => {
    const w = world();
    const sheet = newSheet(w);
    const strict = (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) =>
      b.setAllowInvalid(false).build();
    sheet.getRange('A1').setDataValidation(strict(w.app.newDataValidation().requireNumberBetween(1, 10)));
    sheet.getRange('B1').setDataValidation(strict(w.app.newDataValidation().requireTextIsEmail()));
    sheet.getRange('C1').setDataValidation(strict(w.app.newDataValidation().requireDate()));
    sheet.getRange('A1').setValue('7');
    expect(() => sheet.getRange('A1').setValue(11)).toThrow(
      'The data you entered in cell A1 violates the data validation rules set on this cell.',
    );
    sheet.getRange('B1').setValue('a@b.vn');
    expect(() => sheet.getRange('B1').setValue('không phải email')).toThrow('cell B1 violates');
    sheet.getRange('C1').setValue('15/3/2025');
    expect(() => sheet.getRange('C1').setValue('sau')).toThrow('cell C1 violates');
  });

  it('let anything through a warning-only rule (allowInvalid true)', () => {
    const w = world();
    const cell = newSheet(w).getRange('A1');
    cell.setDataValidation(w.app.newDataValidation().requireValueInList(['x']).build());
    cell.setValue('y');
    expect(cell.getValue()).toBe('y');
  });

  it('check a range list against its displayed values', () => {
    const w = world();
    const ss = w.app.create('A');
    const list = ss.insertSheet('DS');
    list.getRange('A1:A2').setValues([['Quý I'], ['Quý II']]);
    const target = ss.getSheets()[0].getRange('A1');
    target.setDataValidation(
      w.app.newDataValidation().requireValueInRange(list.getRange('A1:A2')).setAllowInvalid(false).build(),
    );
    target.setValue('Quý II');
    expect(() => target.setValue('Quý III')).toThrow('violates the data validation rules');
  });
});
