// ESLint: TypeScript and React-hooks rules, and the boundaries between the parts of the app
// (the same ones the TypeScript project references enforce, checked here file by file):
//   shared ← core ← host;  main → core + shared;  preload → shared;  renderer → shared.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PARTS = [
  'electron/shared',
  'electron/core',
  'electron/host',
  'electron/main',
  'electron/preload',
  'renderer',
  'tests',
  'bench',
  'bin',
  'scripts',
];

/** May `part` import from each other part? Everything not listed is refused. */
const MAY_IMPORT = {
  'electron/shared': [],
  'electron/core': ['electron/shared'],
  'electron/host': ['electron/shared', 'electron/core'],
  'electron/main': ['electron/shared', 'electron/core'],
  'electron/preload': ['electron/shared'],
  renderer: ['electron/shared'],
};

const zones = Object.entries(MAY_IMPORT).flatMap(([target, allowed]) =>
  PARTS.filter((from) => from !== target && !allowed.includes(from)).map((from) => ({
    target: `./${target}`,
    from: `./${from}`,
    message: `${target} may import only from ${[target, ...allowed].join(', ')}.`,
  })),
);

const ELECTRON = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };

/** Source files may not grow past this; split by concern. */
const MAX_LINES = 400;

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', '.cache/', 'release/', 'test-results/', 'playwright-report/', 'tests/artifacts/', '.scratch/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.node'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    files: ['electron/**/*.{ts,tsx,mjs,js}', 'renderer/**/*.{ts,tsx,mjs,js}', 'bin/**/*.{ts,mjs,js}', 'scripts/**/*.{ts,mjs,js}'],
    rules: { 'max-lines': ['error', { max: MAX_LINES, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'import-x/no-cycle': 'error',
      'no-restricted-imports': ['error', { paths: [ELECTRON] }],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON] }] },
  },
  {
    files: ['electron/shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON] }], 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // Only says the React Compiler would skip a component (TanStack Virtual); we do not run it.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', { paths: [ELECTRON] }],
      // The page is sandboxed: no Node.
      'import-x/no-nodejs-modules': 'error',
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off', 'import-x/no-nodejs-modules': 'off' },
  },
);
