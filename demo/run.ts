/**
 * `npm run demo [-- outDir]`: the sample district's whole year on the emulator, then every
 * spreadsheet and document written as real .xlsx/.docx files (default out/) and checked.
 * Exits 1 when a step fails or a written file has a problem.
 *
 * Progress goes to process.stdout directly: the emulator installs its own `console` as a global
 * (the product's logging goes there), which would swallow console.log.
 */
import { relative, resolve } from 'node:path';
import { exportAndCheck } from './export';
import { demoEmulator, runScenario } from './scenario';
import { recordMoment, RecordedMoment, sidebarShots } from './sidebar-shots';
import { stepLine, summaryRows, table } from './summary';
import { levelEmulator, runLevelScenario } from './level-scenario';
import { COMMUNE_SAMPLE, PROVINCE_SAMPLE } from '../sample/two-level';

const say = (line = '') => process.stdout.write(`${line}\n`);

/** `--sample tinh|xa` picks a two-level sample; any other argument is the output folder. */
function parseArgs(args: readonly string[]): { sample: string; outDir: string } {
  let sample = 'huyen';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--sample') sample = args[++i] ?? '';
    else rest.push(args[i]);
  }
  return { sample, outDir: resolve(rest[0] ?? 'out') };
}

async function runTwoLevel(key: string, outDir: string): Promise<void> {
  const sample = key === 'tinh' ? PROVINCE_SAMPLE : key === 'xa' ? COMMUNE_SAMPLE : null;
  if (!sample) throw new Error(`unknown sample "${key}": use tinh, xa (or no --sample for the district)`);
  const emu = levelEmulator(sample);
  say(`Sample "${key}" (${sample.settings.issuingAuthority}, ${sample.units.length} units), plan year 2027:`);
  runLevelScenario(emu, sample, say);
  const files = await exportAndCheck(emu.ctx, outDir);
  say(`  ${files.files.length} files written to ${relative(process.cwd(), outDir) || '.'}/`);
  if (files.problems.length > 0) {
    for (const p of files.problems) say(`  ${p}`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.sample !== 'huyen') return runTwoLevel(args.sample, args.outDir);
  const outDir = args.outDir;
  const started = Date.now();
  const emu = demoEmulator();
  say('The sample district (Vĩnh Linh) through its yearly CCHC cycle, on the emulator:');
  const moments: RecordedMoment[] = [];
  const { facts, config, periods } = runScenario(emu, {
    onStep: (step) => say(stepLine(step)),
    onMoment: (name) => moments.push(recordMoment(name)),
  });

  say(`  Exporting every spreadsheet and document to ${relative(process.cwd(), outDir) || '.'}/ …`);
  const files = await exportAndCheck(emu.ctx, outDir);
  const shots = await sidebarShots(moments, outDir);
  say(`  Sidebar "Bảng điều khiển" (300 px): ${shots.map((f) => relative(process.cwd(), f)).join(', ')}`);

  say();
  say(`${config.issuingAuthority}, kế hoạch CCHC năm ${config.planYear}:`);
  say(
    table(summaryRows(facts, files, relative(process.cwd(), outDir) || '.', Date.now() - started, periods)),
  );
  if (files.problems.length > 0) {
    say();
    say(`FAILED: ${files.problems.length} problems in the written files:`);
    for (const p of files.problems) say(`  ${p}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`\nFAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
