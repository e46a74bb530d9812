import { Emulator, runExecution } from '../../emulator';

describe('HtmlService and Ui.showSidebar', () => {
  it('serves a project file by name (with or without ".html"), titled, in the sidebar', () => {
    const emu = new Emulator();
    emu.projectFiles.add('console.html', '<p>Xin chào</p>');
    const out = emu.HtmlService.createHtmlOutputFromFile('console').setTitle('Bảng điều khiển');
    expect(out.getContent()).toBe('<p>Xin chào</p>');
    expect(emu.HtmlService.createHtmlOutputFromFile('console.html').getContent()).toBe('<p>Xin chào</p>');
    emu.SpreadsheetApp.getUi().showSidebar(out);
    expect(emu.ui.sidebars().map((s) => [s.title, s.content])).toEqual([
      ['Bảng điều khiển', '<p>Xin chào</p>'],
    ]);
  });

  it('fails as Apps Script does for a missing file, a non-HTML argument and without a UI', () => {
    const emu = new Emulator();
    expect(() => emu.HtmlService.createHtmlOutputFromFile('Index')).toThrow(
      'No HTML file named Index was found.',
    );
    expect(() => emu.SpreadsheetApp.getUi().showSidebar({} as GoogleAppsScript.HTML.HtmlOutput)).toThrow(
      'Invalid argument: userInterface',
    );
    const out = emu.HtmlService.createHtmlOutput('<p>x</p>');
    emu.ui.uiAvailable = false;
    expect(() => emu.SpreadsheetApp.getUi().showSidebar(out)).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(emu.ui.sidebars()).toEqual([]);
  });

  it('needs the script.container.ui permission to show a sidebar', () => {
    const emu = new Emulator({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'] });
    const out = emu.HtmlService.createHtmlOutput('<p>x</p>');
    expect(() => runExecution(emu.ctx, () => emu.SpreadsheetApp.getUi().showSidebar(out))).toThrow();
    expect(emu.ui.sidebars()).toEqual([]);
  });
});
