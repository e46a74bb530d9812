/**
 * Screenshots of the sidebar "Bảng điều khiển" at its real width (300 px), in headless Chromium,
 * at moments of the sample year. What the sidebar reads (consoleSnapshot, consoleProgress) is
 * recorded at that moment by the product's own server functions; the page (dist/console.html,
 * built by scripts/build.mjs) is then shown with google.script.run answering from the record.
 * Actions are not replayed: the tests (test/browser/) click through those.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, showPage, SIDEBAR_WIDTH } from '../emulator/services/html/browser';
import { ConsoleSnapshot } from '../src/domain/console/view';
import * as entry from '../src/index';
import { SidebarMoment } from './scenario';

/** The repository (npm run demo runs from it; this file runs compiled elsewhere). */
const ROOT = process.cwd();
const PAGE = join(ROOT, 'dist/console.html');

export interface RecordedMoment {
  readonly name: SidebarMoment;
  readonly snapshot: ConsoleSnapshot;
}

/** Called by the scenario at a moment (the emulator's globals are installed then). */
export function recordMoment(name: SidebarMoment): RecordedMoment {
  return { name, snapshot: entry.consoleSnapshot() };
}

interface Shot {
  readonly file: string;
  readonly moment: SidebarMoment;
  readonly filter?: { label: string; value: string };
}

const SHOTS: readonly Shot[] = [
  { file: 'sidebar-1-ngay-han-nop.png', moment: 'deadline' },
  { file: 'sidebar-2-tra-lai.png', moment: 'returned', filter: { label: 'Trạng thái', value: 'returned' } },
  { file: 'sidebar-3-qua-han.png', moment: 'deadline', filter: { label: 'Cờ', value: 'overdue' } },
];

/** Writes the screenshots to outDir; returns their paths. */
export async function sidebarShots(moments: readonly RecordedMoment[], outDir: string): Promise<string[]> {
  if (!existsSync(PAGE))
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
  const html = readFileSync(PAGE, 'utf8');
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    for (const shot of SHOTS) {
      const moment = moments.find((m) => m.name === shot.moment);
      if (!moment) throw new Error(`the scenario never reached the moment "${shot.moment}"`);
      const answers: Record<string, unknown> = {
        consoleSnapshot: moment.snapshot,
        consoleProgress: moment.snapshot.jobs,
      };
      const { page, outside } = await showPage(browser, html, Object.keys(answers), (name) => answers[name]);
      await page.locator('li.unit').first().waitFor();
      if (shot.filter)
        await page.getByLabel(shot.filter.label, { exact: true }).selectOption(shot.filter.value);
      if (outside.length > 0)
        throw new Error(`the sidebar asked for outside resources: ${outside.join(', ')}`);
      const file = join(outDir, shot.file);
      // The sidebar as seen: 300 px wide, one screen high (the list scrolls on).
      await page.screenshot({ path: file });
      const width = await page.evaluate('document.documentElement.scrollWidth');
      if (Number(width) > SIDEBAR_WIDTH)
        throw new Error(`the sidebar is ${width} px wide, over ${SIDEBAR_WIDTH}`);
      written.push(file);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return written;
}
