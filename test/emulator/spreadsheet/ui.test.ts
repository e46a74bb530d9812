import { thrown, world } from './helpers';

describe('menus', () => {
  it('records menus with items, separators and sub-menus; items are found by label', () => {
    const w = world();
    const ui = w.app.getUi();
    const sub = ui.createMenu('Báo cáo').addItem('Tổng hợp', 'consolidate');
    ui.createMenu('Kế hoạch CCHC')
      .addItem('Thiết lập ban đầu', 'setup')
      .addSeparator()
      .addSubMenu(sub)
      .addToUi();
    expect(w.ui.menus()).toEqual([
      {
        caption: 'Kế hoạch CCHC',
        addon: false,
        items: [
          { kind: 'item', caption: 'Thiết lập ban đầu', functionName: 'setup' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            caption: 'Báo cáo',
            items: [{ kind: 'item', caption: 'Tổng hợp', functionName: 'consolidate' }],
          },
        ],
      },
    ]);
    expect(w.ui.findItem('Tổng hợp')).toBe('consolidate');
    expect(w.ui.findItem('Thiết lập ban đầu', 'Kế hoạch CCHC')).toBe('setup');
    expect(w.ui.findItem('Không có')).toBeUndefined();
    expect(w.ui.menuItems().map((i) => [i.path.join(' > '), i.caption, i.functionName])).toEqual([
      ['Kế hoạch CCHC', 'Thiết lập ban đầu', 'setup'],
      ['Kế hoạch CCHC > Báo cáo', 'Tổng hợp', 'consolidate'],
    ]);
  });

  it('a menu added again (onOpen run twice) replaces the first', () => {
    const w = world();
    const ui = w.app.getUi();
    ui.createMenu('M').addItem('a', 'fa').addToUi();
    ui.createMenu('M').addItem('b', 'fb').addToUi();
    expect(w.ui.menus()).toHaveLength(1);
    expect(w.ui.findItem('a')).toBeUndefined();
    expect(w.ui.findItem('b')).toBe('fb');
  });

  it('nothing is recorded until addToUi', () => {
    const w = world();
    w.app.getUi().createMenu('M').addItem('a', 'fa');
    expect(w.ui.menus()).toEqual([]);
  });
});

describe('alerts and prompts', () => {
  it('default answers: OK, or YES for YES_NO; prompts answer "" with that button', () => {
    const w = world();
    const ui = w.app.getUi();
    expect(ui.alert('Xong')).toBe(ui.Button.OK);
    expect(ui.alert('Chắc chắn?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    const r = ui.prompt('Tên?');
    expect(r.getResponseText()).toBe('');
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
    expect(w.ui.dialogs().map((d) => [d.kind, d.title, d.prompt, d.buttons, d.button])).toEqual([
      ['alert', null, 'Xong', 'OK', 'OK'],
      ['alert', null, 'Chắc chắn?', 'YES_NO', 'YES'],
      ['prompt', null, 'Tên?', 'OK', 'OK'],
    ]);
  });

  it('answers from the scripted queue, in order', () => {
    const w = world();
    const ui = w.app.getUi();
    w.ui.answerNext('NO');
    w.ui.answerNext(ui.Button.OK, 'Phòng Nội vụ');
    w.ui.answerNext('CANCEL');
    expect(ui.alert('Tiêu đề', 'Xóa?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const named = ui.prompt('Đơn vị', 'Tên đơn vị?', ui.ButtonSet.OK_CANCEL);
    expect(named.getResponseText()).toBe('Phòng Nội vụ');
    expect(named.getSelectedButton() === ui.Button.OK).toBe(true);
    expect(ui.prompt('Lại?', ui.ButtonSet.OK_CANCEL).getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(w.ui.pendingAnswers()).toBe(0);
    expect(w.ui.dialogs()[0].title).toBe('Tiêu đề');
  });

  it('drops the scripted answers not yet used on clearAnswers', () => {
    const w = world();
    const ui = w.app.getUi();
    w.ui.answerNext(ui.Button.OK, 'cũ');
    w.ui.clearAnswers();
    expect(w.ui.pendingAnswers()).toBe(0);
    expect(ui.prompt('Đơn vị?').getResponseText()).toBe('');
  });

  it('refuses a scripted answer that is not one of the dialog’s buttons (a test mistake)', () => {
    const w = world();
    const ui = w.app.getUi();
    w.ui.answerNext('YES');
    expect(() => ui.alert('Chỉ OK')).toThrow(/not a button of OK/);
  });

  it('Button and ButtonSet members print as their names', () => {
    const ui = world().app.getUi();
    expect(String(ui.Button.YES)).toBe('YES');
    expect(`${ui.ButtonSet.YES_NO_CANCEL}`).toBe('YES_NO_CANCEL');
  });
});

describe('without a UI (triggers, web apps)', () => {
  it('getUi() throws Apps Script’s message', () => {
    const w = world();
    w.ui.uiAvailable = false;
    const e = thrown(() => w.app.getUi());
    expect(e.name).toBe('Exception');
    expect(e.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('a Ui obtained before the context changed cannot show dialogs either', () => {
    const w = world();
    const ui = w.app.getUi();
    w.ui.uiAvailable = false;
    expect(() => ui.alert('x')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

it('charges Ui and Menu calls', () => {
  const w = world();
  w.ctx.ledger.reset();
  const ui = w.app.getUi();
  ui.createMenu('M').addItem('a', 'f').addToUi();
  ui.alert('x');
  expect(w.ctx.ledger.snapshot()).toEqual({
    'Menu.addItem': 1,
    'Menu.addToUi': 1,
    'SpreadsheetApp.getUi': 1,
    'Ui.alert': 1,
    'Ui.createMenu': 1,
  });
});
