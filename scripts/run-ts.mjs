// Runs a TypeScript entry point with Node: `node scripts/run-ts.mjs demo/run.ts [args…]`.
//
// There is no ts-node here: esbuild (already a devDependency, and what the build uses) bundles
// the entry into one CommonJS file, which Node then runs with the given arguments. Packages from
// node_modules stay external (exceljs, docx, jszip… are required at run time as usual), so only
// our own TypeScript is bundled. The bundle goes to a temporary folder under
// node_modules/.cache/ rather than the system tmp: Node resolves those external packages by
// walking up from the bundle's own folder, which must therefore sit inside the repository.
// Types are not checked here — that is `npm run typecheck`'s job.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
  process.exit(2);
}

const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'run-ts-'));
const outfile = join(dir, `${basename(entry, '.ts')}.cjs`);
let status = 1;
try {
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    charset: 'utf8',
    logLevel: 'error',
  });
  // The child inherits stdio and the working directory, so relative paths (out/) mean the same.
  const child = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
  if (child.error) throw child.error;
  status = child.status ?? 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
