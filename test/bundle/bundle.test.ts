import * as vm from 'node:vm';
import { Emulator } from '../../emulator';
import { MENU } from '../../src/app/menu';
import { bundleSource, loadBundle, topLevelFunctionNames } from './load-bundle';

describe('dist/Code.js', () => {
  const source = bundleSource();

  it('has no module syntax left (clasp push fails on import/export)', () => {
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it('declares every menu callback as a top-level function', () => {
    const declared = new Set(topLevelFunctionNames(source));
    expect(declared.has('onOpen')).toBe(true);
    for (const item of MENU.flatMap((g) => g.items)) expect(declared).toContain(item.functionName);
  });

  it('runs in a context without Node or browser globals', () => {
    const context = loadBundle(new Emulator());
    for (const name of [
      'require',
      'process',
      'setTimeout',
      'setInterval',
      'URL',
      'TextEncoder',
      'Buffer',
      'fetch',
    ]) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('undefined');
    }
  });

  it('builds a menu from onOpen whose items all name functions that exist at top level', () => {
    const emu = new Emulator();
    const context = loadBundle(emu);
    const master = emu.SpreadsheetApp.create('Kế hoạch CCHC');
    emu.SpreadsheetApp.setActiveSpreadsheet(master);
    vm.runInContext('onOpen()', context);
    const items = emu.ui.menuItems();
    expect(items.length).toBe(MENU.flatMap((g) => g.items).length);
    const declared = new Set(topLevelFunctionNames(source));
    for (const item of items) {
      expect(declared).toContain(item.functionName);
      expect(vm.runInContext(`typeof ${item.functionName}`, context)).toBe('function');
    }
  });
});
