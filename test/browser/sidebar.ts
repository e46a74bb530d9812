/**
 * The sidebar in a real browser: headless Chromium (Debian's `chromium`, installed by
 * scripts/ensure-chromium.sh) driven by playwright-core, showing the page the product itself
 * serves (menuOpenConsole → HtmlService → Ui.showSidebar, from dist/console.html), with
 * google.script.run bridged to the built bundle (dist/Code.js) running on the emulator — each call
 * one execution, as Apps Script runs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { Browser, chromium, Page } from 'playwright-core';
import { Emulator, runExecution } from '../../emulator';
import { bundleSource, loadBundle, topLevelFunctionNames } from '../bundle/load-bundle';

export const CHROMIUM = '/usr/bin/chromium';
export const SIDEBAR_PATH = join(__dirname, '../../dist/console.html');
/** A sidebar's width in Sheets (fixed by Google). */
export const SIDEBAR_WIDTH = 300;

/** No browser, no test: said loudly (CI installs it: .ci/run → scripts/ensure-chromium.sh). */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: run scripts/ensure-chromium.sh (as root) to install Debian's chromium`,
    );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The closed network refuses Chromium's own background connections: switch them off.
    // (Playwright gives each launch a fresh, temporary profile: --user-data-dir is its own.)
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

export interface BridgeCall {
  readonly name: string;
  readonly args: unknown[];
  readonly ok: boolean;
}

/**
 * google.script.run in the page: a runner with a method for each top-level function of the
 * bundle (as Apps Script offers every public server function), withSuccessHandler /
 * withFailureHandler / withUserObject, calls answered asynchronously. Arguments and results
 * travel as JSON (Apps Script passes primitives, arrays and plain objects; a failure arrives as
 * an Error with the server's message).
 */
function runShim(names: readonly string[]): string {
  return `(() => {
  const names = ${JSON.stringify(names)};
  function runner(success, failure, userObject) {
    const r = {
      withSuccessHandler: (fn) => runner(fn, failure, userObject),
      withFailureHandler: (fn) => runner(success, fn, userObject),
      withUserObject: (o) => runner(success, failure, o),
    };
    for (const name of names) {
      r[name] = (...args) => {
        window.__gasRun(name, JSON.stringify(args)).then((text) => {
          const answer = JSON.parse(text);
          if (answer.ok) { if (success) success(answer.value, userObject); }
          else if (failure) failure(new Error(answer.message), userObject);
          else console.error(answer.message);
        });
      };
    }
    return r;
  }
  window.google = { script: { run: runner(null, null, undefined) } };
})();`;
}

export interface OpenSidebar {
  readonly page: Page;
  readonly calls: BridgeCall[];
  /** Requests the page made for anything but itself (scripts, fonts, CDNs): refused, listed. */
  readonly outside: string[];
}

/** Where the page is served from in the test (Apps Script serves it from its own sandbox host). */
const PAGE_URL = 'http://sidebar.test/console';

/**
 * Opens the sidebar as the admin would (the menu item), in a new 300 px page whose server is
 * the built bundle on `emu`.
 */
export async function openSidebar(browser: Browser, emu: Emulator): Promise<OpenSidebar> {
  const source = bundleSource();
  if (!existsSync(SIDEBAR_PATH)) throw new Error('dist/console.html is missing: run `npm run build` first');
  emu.projectFiles.add('console', readFileSync(SIDEBAR_PATH, 'utf8'));
  const context = loadBundle(emu);
  const names = topLevelFunctionNames(source);
  runExecution(emu.ctx, () => vm.runInContext('menuOpenConsole()', context));
  const shown = emu.ui.sidebars().at(-1);
  if (!shown)
    throw new Error('menuOpenConsole showed no sidebar: ' + JSON.stringify(emu.ui.dialogs().at(-1)));
  const calls: BridgeCall[] = [];
  const page = await browser.newPage({ viewport: { width: SIDEBAR_WIDTH, height: 900 } });
  page.on('pageerror', (e) => process.stdout.write(`sidebar page error: ${e.message}\n`));
  await page.exposeFunction('__gasRun', (name: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    try {
      const fn = vm.runInContext(name, context) as (...a: unknown[]) => unknown;
      const value = runExecution(emu.ctx, () => fn(...args));
      calls.push({ name, args, ok: true });
      return JSON.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      calls.push({ name, args, ok: false });
      // The bundle's Errors come from the vm context's realm (not this one's Error class).
      const message = (e as { message?: unknown })?.message;
      return JSON.stringify({ ok: false, message: typeof message === 'string' ? message : String(e) });
    }
  });
  await page.addInitScript(runShim(names));
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    if (route.request().url() === PAGE_URL)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shown.content });
    outside.push(route.request().url());
    return route.abort();
  });
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  return { page, calls, outside };
}
