import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MENU } from '../../src/app/menu';
import { bundleSource, topLevelFunctionNames } from './load-bundle';

const PAGE = join(__dirname, '../../dist/console.html');
/** Triggers and onOpen: what Apps Script calls besides the menu and the sidebar. */
const TRIGGERS = [
  'onOpen',
  'autoRefreshStatus',
  'autoSendReminders',
  'continueJobsTrigger',
  'generateNextDayTrigger',
  'remindAfterQuotaResetTrigger',
];

describe('dist/console.html (the sidebar clasp pushes)', () => {
  if (!existsSync(PAGE))
    throw new Error('dist/console.html is missing: run `npm run build` first (npm test does)');
  const html = readFileSync(PAGE, 'utf8');

  it('is one self-contained page: no external script, style, font or image', () => {
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain('<html lang="vi">');
  });

  it('calls only server functions the bundle declares, and those are the only extra globals', () => {
    const called = [...new Set([...html.matchAll(/"(console[A-Z]\w*)"/g)].map((m) => m[1]))].sort();
    expect(called.length).toBeGreaterThanOrEqual(10);
    const declared = topLevelFunctionNames(bundleSource());
    for (const name of called) expect(declared).toContain(name);
    const menu = MENU.flatMap((g) => g.items.map((i) => i.functionName));
    const extra = declared.filter((n) => !menu.includes(n) && !TRIGGERS.includes(n)).sort();
    expect(extra).toEqual(called);
  });
});
