// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Apps Script services: only src/gas/ (the adapters) may touch them. */
const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'DriveApp',
  'DocumentApp',
  'MailApp',
  'GmailApp',
  'UrlFetchApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'ScriptApp',
  'Session',
  'Utilities',
  'HtmlService',
  'Logger',
  'Browser',
  'Charts',
  'Drive',
  'Sheets',
].map((name) => ({
  name,
  message: `${name} is an Apps Script global: call it from an adapter in src/gas/.`,
}));

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // ES2019 (Apps Script's target here) has no Error `cause` option; messages carry the reason.
      'preserve-caught-error': 'off',
      'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/emulator/**', '../../emulator/*'], message: 'src/ never imports the emulator.' },
          ],
        },
      ],
    },
  },
  {
    // The sidebar's page runs in the browser (tsconfig.client.json gives it the DOM types).
    files: ['src/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas/**', '../gas/*', '**/app/**', '../app/*', '**/emulator/**'],
              message:
                'The sidebar page reaches the server only through google.script.run (src/client/server.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas/**', '../gas/*', '**/app/**', '../app/*'],
              message: 'src/domain/ is pure: no adapters, no use cases.',
            },
            { group: ['**/emulator/**'], message: 'src/ never imports the emulator.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'emulator/**/*.ts',
      'test/**/*.ts',
      'sample/**/*.ts',
      'demo/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{ts,mjs,js}',
      '*.{js,mjs}',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
