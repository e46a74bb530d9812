import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';

const root = join(__dirname, '../..');

/** Type-checks `code` with src/'s compiler options (lib ES2019, google-apps-script types only). */
function srcTypeErrors(code: string): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const file = join(mkdtempSync(join(tmpdir(), 'guard-')), 'probe.ts');
  writeFileSync(file, code);
  const options = { ...parsed.options, typeRoots: [join(root, 'node_modules/@types')] };
  const program = ts.createProgram([file], options);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/**
 * Lints `code` as if it were at `filePath`, with the project's own eslint.config.mjs. ESLint runs
 * in a child process: it loads its config with a dynamic import, which jest's VM does not allow.
 */
async function lintMessages(code: string, filePath: string): Promise<string[]> {
  const eslint = join(root, 'node_modules/eslint/bin/eslint.js');
  const run = spawnSync(
    process.execPath,
    [eslint, '--stdin', '--stdin-filename', filePath, '--format', 'json'],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
    },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('src/ compiles for Apps Script only', () => {
  it.each([
    ['setTimeout(() => 0, 1);', 'setTimeout'],
    ["new URL('https://x.vn');", 'URL'],
    ['new TextEncoder();', 'TextEncoder'],
    ["fetch('https://x.vn');", 'fetch'],
    ["Buffer.from('x');", 'Buffer'],
    ['process.exit(1);', 'process'],
  ])('rejects %s', (code, name) => {
    expect(srcTypeErrors(`export {};\n${code}\n`).join('\n')).toContain(`'${name}'`);
  });

  it('accepts Apps Script services and ES2019', () => {
    const code =
      "export const n = SpreadsheetApp.getActive(); export const s = ['a'].flat().includes('a');\n";
    expect(srcTypeErrors(code)).toEqual([]);
  });
});

describe('lint keeps Apps Script globals in the adapters', () => {
  const call = 'export const ss = SpreadsheetApp.getActiveSpreadsheet();\n';

  it.each(['src/domain/probe.ts', 'src/app/probe.ts', 'src/index.ts'])(
    'refuses SpreadsheetApp in %s',
    async (path) => {
      expect((await lintMessages(call, path)).join('\n')).toContain('no-restricted-globals');
    },
  );

  it('allows it in src/gas/', async () => {
    expect(await lintMessages(call, 'src/gas/probe.ts')).toEqual([]);
  });

  it('keeps src/domain/ free of adapter imports', async () => {
    const messages = await lintMessages(
      "import { alert } from '../gas/ui';\nexport const a = alert;\n",
      'src/domain/probe.ts',
    );
    expect(messages.join('\n')).toContain('no-restricted-imports');
  });
});
