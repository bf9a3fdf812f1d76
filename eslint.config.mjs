// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forbiddenImport } from './scripts/lib/layers.mjs';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src');

/** The drawing of src/ (scripts/lib/layers.mjs): each layer imports only the layers below it. */
const boundaries = {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [], messages: { forbidden: '{{spec}}: a file in src/{{layer}} imports only from {{allowed}}; {{hint}}.' } },
      create(context) {
        const check = (node, value) => {
          if (typeof value !== 'string' || !value.startsWith('.')) return;
          const bad = forbiddenImport(src, context.filename, path.resolve(path.dirname(context.filename), value));
          if (bad) context.report({ node, messageId: 'forbidden', data: { spec: value, ...bad } });
        };
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.vscode-test/', 'demo/', 'bench/journals/', '.scratch/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    rules: {
      'boundaries/layers': 'error',
      // Every command goes through the wrapper that tells the user of a failure (src/ui/command.ts).
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.property.name='commands'][callee.property.name=/^register(TextEditor)?Command$/]",
        message: 'Register commands with registerCommand or registerCommands of src/ui/command.ts, which report a failure to the user.',
      }],
    },
  },
  {
    files: ['src/ui/command.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The core is pure: no editor API, so it runs in the CLI, the benchmark and plain mocha.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not depend on the editor API; put editor code under src/features or src/services.' },
          ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, message: 'src/core reaches files only through its FileSystem interface (src/core/file-system.ts).' })),
        ],
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', 'bench/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.mocha, ...globals.node } },
    rules: { 'no-restricted-syntax': ['error',
      { selector: "CallExpression[callee.property.name='only']", message: 'No .only in committed tests.' },
      { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests in committed code.' },
      { selector: "CallExpression[callee.name=/^x(it|describe)$/]", message: 'No skipped tests in committed code.' },
    ] },
  },
  {
    // The web tier's test extension (a Node extension, CommonJS) and the web test bundle's shims.
    files: ['test/web/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/web/shims/process.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
);
