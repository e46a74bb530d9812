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
import { stepLine, summaryRows, table } from './summary';

const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? 'out');
  const started = Date.now();
  const emu = demoEmulator();
  say('The sample district (Vĩnh Linh) through its yearly CCHC cycle, on the emulator:');
  const { facts, config } = runScenario(emu, { onStep: (step) => say(stepLine(step)) });

  say(`  Exporting every spreadsheet and document to ${relative(process.cwd(), outDir) || '.'}/ …`);
  const files = await exportAndCheck(emu.ctx, outDir);

  say();
  say(`${config.issuingAuthority}, kế hoạch CCHC năm ${config.planYear}:`);
  say(table(summaryRows(facts, files, relative(process.cwd(), outDir) || '.', Date.now() - started)));
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
