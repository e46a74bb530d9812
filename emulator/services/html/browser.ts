/**
 * An HtmlService page in a real browser: headless Chromium (Debian's `chromium`, installed by
 * scripts/ensure-chromium.sh) driven by playwright-core, with the client side of Apps Script's
 * google.script.run answered by a Node function (the tests: the built bundle on the emulator; the
 * demo: answers recorded during the sample year).
 *
 * google.script.run as documented (developers.google.com/apps-script/guides/html/reference/run):
 * one method per public server function, withSuccessHandler / withFailureHandler /
 * withUserObject, each call asynchronous, returning nothing; arguments and results limited to
 * primitives, arrays and plain objects — a Date or a function, even inside an object or array,
 * makes the request fail (documented for arguments, and "the same restrictions" for results);
 * undefined inside arrays becomes null (documented; JSON does the same here).
 */
import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** A sidebar's width in the Google editors (fixed by Google). */
export const SIDEBAR_WIDTH = 300;

/** No browser: said loudly (CI installs it: .ci/run → scripts/ensure-chromium.sh). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: run scripts/ensure-chromium.sh (as root) to install Debian's chromium`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The closed network refuses Chromium's own background connections: switch them off.
    // (Playwright gives each launch a fresh temporary profile: it owns --user-data-dir.)
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
}

/** The page's google.script.run, calling window.__gasRun (exposed by showPage) for each name. */
function runShim(names: readonly string[]): string {
  return `(() => {
  const names = ${JSON.stringify(names)};
  function runner(success, failure, userObject) {
    const r = {
      withSuccessHandler: (fn) => runner(fn, failure, userObject),
      withFailureHandler: (fn) => runner(success, fn, userObject),
      withUserObject: (o) => runner(success, failure, o),
    };
    const illegal = (v) => v instanceof Date || typeof v === 'function' || (v instanceof Node) ||
      (Array.isArray(v) ? v.some(illegal) : v !== null && typeof v === 'object' && Object.values(v).some(illegal));
    for (const name of names) {
      r[name] = (...args) => {
        if (args.some(illegal)) throw new TypeError('google.script.run: a Date, function or DOM element cannot be sent to the server');
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

export interface ShownPage {
  readonly page: Page;
  /** Requests the page made for anything but itself (scripts, fonts, CDNs): refused, listed. */
  readonly outside: string[];
}

/** Results Apps Script cannot send back (a Date or function anywhere in them). */
function illegalResult(v: unknown): boolean {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' || typeof v === 'function')
    return true;
  if (Array.isArray(v)) return v.some(illegalResult);
  return v !== null && typeof v === 'object' && Object.values(v).some(illegalResult);
}

/** Where the page is served from (Apps Script serves it from its own sandbox host). */
const PAGE_URL = 'http://sidebar.test/page';

/**
 * Shows `html` at the sidebar's width, its google.script.run calling `server(name, args)` for
 * each of `names`; a thrown error reaches the failure handler with its message.
 */
export async function showPage(
  browser: Browser,
  html: string,
  names: readonly string[],
  server: (name: string, args: unknown[]) => unknown,
  height = 900,
): Promise<ShownPage> {
  const page = await browser.newPage({ viewport: { width: SIDEBAR_WIDTH, height } });
  page.on('pageerror', (e) => process.stdout.write(`sidebar page error: ${e.message}\n`));
  await page.exposeFunction('__gasRun', (name: string, argsJson: string) => {
    try {
      const value = server(name, JSON.parse(argsJson) as unknown[]);
      // guess (stricter): the call fails rather than delivering null
      if (illegalResult(value))
        throw new Error(`${name} returned a Date or function: Apps Script cannot send it to the page`);
      return JSON.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      // Errors from a vm context are of another realm's Error class: read the message as such.
      const message = (e as { message?: unknown })?.message;
      return JSON.stringify({ ok: false, message: typeof message === 'string' ? message : String(e) });
    }
  });
  await page.addInitScript(runShim(names));
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    if (route.request().url() === PAGE_URL)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    outside.push(route.request().url());
    return route.abort();
  });
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  return { page, outside };
}
