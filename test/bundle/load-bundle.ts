import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { Emulator } from '../../emulator';

export const BUNDLE_PATH = join(__dirname, '../../dist/Code.js');

export function bundleSource(): string {
  if (!existsSync(BUNDLE_PATH))
    throw new Error('dist/Code.js is missing: run `npm run build` first (npm test does)');
  return readFileSync(BUNDLE_PATH, 'utf8');
}

/**
 * Loads dist/Code.js into a fresh V8 context holding only ECMAScript built-ins and the emulator's
 * Apps Script globals — no require, process, setTimeout, URL, TextEncoder, Buffer or fetch, as in
 * Apps Script — the way Apps Script evaluates the pushed file.
 */
export function loadBundle(emu: Emulator): vm.Context {
  const context = vm.createContext({});
  emu.install(context);
  vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  return context;
}

/** Names declared by a top-level `function name(` in the bundle (what Apps Script can see). */
export function topLevelFunctionNames(source: string): string[] {
  return [...source.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
}
