/**
 * The sidebar as the admin gets it: the page the product itself serves (menuOpenConsole →
 * HtmlService → Ui.showSidebar, from dist/console.html) in headless Chromium, its
 * google.script.run bridged to the built bundle (dist/Code.js) on the emulator — each call one
 * execution, as Apps Script runs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { Browser, Page } from 'playwright-core';
import { Emulator, runExecution } from '../../emulator';
import { showPage } from '../../emulator/services/html/browser';
import { bundleSource, loadBundle, topLevelFunctionNames } from '../bundle/load-bundle';

export { launchChromium } from '../../emulator/services/html/browser';
export const SIDEBAR_PATH = join(__dirname, '../../dist/console.html');

export interface BridgeCall {
  readonly name: string;
  readonly args: unknown[];
  readonly ok: boolean;
}

export interface OpenSidebar {
  readonly page: Page;
  readonly calls: BridgeCall[];
  readonly outside: string[];
}

export async function openSidebar(browser: Browser, emu: Emulator): Promise<OpenSidebar> {
  const source = bundleSource();
  if (!existsSync(SIDEBAR_PATH)) throw new Error('dist/console.html is missing: run `npm run build` first');
  emu.projectFiles.add('console', readFileSync(SIDEBAR_PATH, 'utf8'));
  const context = loadBundle(emu);
  runExecution(emu.ctx, () => vm.runInContext('menuOpenConsole()', context));
  const shown = emu.ui.sidebars().at(-1);
  if (!shown)
    throw new Error(`menuOpenConsole showed no sidebar: ${JSON.stringify(emu.ui.dialogs().at(-1))}`);
  const calls: BridgeCall[] = [];
  const { page, outside } = await showPage(
    browser,
    shown.content,
    topLevelFunctionNames(source),
    (name, args) => {
      const fn = vm.runInContext(name, context) as (...a: unknown[]) => unknown;
      try {
        const value = runExecution(emu.ctx, () => fn(...args));
        calls.push({ name, args, ok: true });
        return value;
      } catch (e) {
        calls.push({ name, args, ok: false });
        throw e;
      }
    },
  );
  return { page, calls, outside };
}
