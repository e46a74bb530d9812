/**
 * `node scripts/run-ts.mjs bench/profile-refresh.ts [units]`: where the modeled time of one
 * hourly status refresh goes (by service call, from the CostLedger), in a routine hour (1% of
 * the units edit, 0.2% submit) and in an hour where nothing changed. A developer's tool: the day
 * benchmark (day.ts) gives the totals; this says which calls make them.
 */
import { runExecution } from '../emulator';
import * as entry from '../src/index';
import { setUnitState } from '../sample/fill';
import { focalEmail } from '../sample/vinh-linh';
import { prepare } from './day';
import { BenchOffice, continueAll } from './office';

const say = (line: string) => process.stdout.write(line + '\n');

/** The product's frames (src/) that led to the call, innermost first. */
function srcFrames(): string[] {
  return (new Error().stack ?? '')
    .split('\n')
    .filter((l) => l.includes('/src/'))
    .map((l) =>
      l
        .trim()
        .replace(/^at /, '')
        .replace(/\(.*\/src\//, '(')
        .replace(/:\d+\)$/, ')'),
    );
}

function site(): string {
  return srcFrames()
    .slice(0, Number(process.env.BY_SITE) || 3)
    .join(' < ');
}

function profile(office: BenchOffice, title: string): void {
  const ledger = office.emu.ctx.ledger;
  ledger.reset();
  const byKey = new Map<string, { n: number; ms: number }>();
  const inclusive = new Map<string, { n: number; ms: number }>();
  let last = ledger.modeledTimeMs();
  const stop = ledger.onCharge((key) => {
    const now = ledger.modeledTimeMs();
    const label = process.env.BY_SITE ? `${key} @ ${site()}` : key;
    const row = byKey.get(label) ?? { n: 0, ms: 0 };
    byKey.set(label, { n: row.n + 1, ms: row.ms + (now - last) });
    // Inclusive time per product function (each function once per call, however deep).
    for (const fn of new Set(srcFrames().map((f) => f.replace(/ \(.*$/, '')))) {
      const inc = inclusive.get(fn) ?? { n: 0, ms: 0 };
      inclusive.set(fn, { n: inc.n + 1, ms: inc.ms + (now - last) });
    }
    last = now;
  });
  office.emu.ui.uiAvailable = false;
  runExecution(office.emu.ctx, () => entry.autoRefreshStatus());
  continueAll(office);
  office.emu.ui.uiAvailable = true;
  stop();
  say(`\n## ${title}: ${(ledger.modeledTimeMs() / 1000).toFixed(1)} s modeled, ${ledger.totalCalls()} calls`);
  [...byKey.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, Number(process.env.TOP ?? 40))
    .forEach(([key, { n, ms }]) =>
      say(`${(ms / 1000).toFixed(2).padStart(8)} s ${String(n).padStart(6)}  ${key}`),
    );
  if (process.env.INCLUSIVE) {
    say('\n(inclusive, by product function)');
    [...inclusive.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, Number(process.env.INCLUSIVE))
      .forEach(([fn, { n, ms }]) =>
        say(`${(ms / 1000).toFixed(2).padStart(8)} s ${String(n).padStart(6)}  ${fn}`),
      );
  }
}

function main(): void {
  const n = Number(process.argv[2] ?? 1000);
  const office = prepare(n, 'workspace');
  try {
    const ids = new Map(
      (office.master.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? []).map((r) => [
        String(r[0]),
        String(r[6]),
      ]),
    );
    const { emu } = office;
    const at = (ms: number) => emu.ctx.clock.set(Math.max(ms, emu.ctx.clock.nowMs()));
    const submitting = Math.max(1, Math.round(n * 0.002));
    const editing = Math.max(1, Math.round(n * 0.01));
    let next = 0;
    const hour = (title: string) => {
      at(emu.ctx.clock.nowMs() + 20 * 60 * 1000);
      office.units
        .slice(next, next + submitting)
        .forEach((u) =>
          setUnitState(emu, focalEmail(u), ids.get(u.code) ?? '', 'Đã hoàn thành, đề nghị tiếp nhận'),
        );
      next += submitting;
      office.units
        .slice(next, next + editing)
        .forEach((u) => setUnitState(emu, focalEmail(u), ids.get(u.code) ?? '', 'Đang soạn'));
      at(emu.ctx.clock.nowMs() + 40 * 60 * 1000);
      profile(office, `${title}, ${n} units: ${editing} edited, ${submitting} submitted`);
    };
    hour('first routine hour of the day');
    hour('routine hour');
    at(emu.ctx.clock.nowMs() + 60 * 60 * 1000);
    profile(office, `nothing changed, ${n} units`);
  } finally {
    office.close();
  }
}

main();
