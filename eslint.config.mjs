// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src');

/**
 * Features and commands talk through the store's events and through commands, never through another
 * feature: a file under src/features/<name>/ or src/commands/ imports only its own folder, the core,
 * the adapters, the services, the shared UI module (src/ui) and the constants.
 */
const boundaries = {
  rules: {
    'own-folder-or-shared': {
      meta: { type: 'problem', schema: [], messages: { forbidden: '{{spec}}: a feature imports only its own folder, src/core, src/adapters, src/services, src/ui and src/constants.ts; talk to another feature through a command or the store\'s events.' } },
      create(context) {
        const parts = path.relative(src, context.filename).split(path.sep);
        const own = parts[0] === 'commands' ? path.join(src, 'commands') : parts[0] === 'features' && parts.length > 2 ? path.join(src, 'features', parts[1]) : undefined;
        if (!own) return {};
        const allowed = [own, path.join(src, 'core'), path.join(src, 'adapters'), path.join(src, 'services'), path.join(src, 'ui')].map((d) => d + path.sep);
        const check = (node, spec) => {
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const target = path.resolve(path.dirname(context.filename), spec);
          if (target === path.join(src, 'constants') || allowed.some((d) => (target + path.sep).startsWith(d))) return;
          context.report({ node, messageId: 'forbidden', data: { spec } });
        };
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
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
    files: ['src/features/**/*.ts', 'src/commands/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/own-folder-or-shared': 'error' },
  },
  {
    // The core is pure: no editor API, so it runs in the CLI, the benchmark and plain mocha.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not depend on the editor API; put editor code under src/features or src/services.' },
          ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, message: 'src/core reaches files only through its FileSystem interface (src/core/fs.ts).' })),
        ],
        patterns: [{ group: ['**/features/**', '**/services/**', '**/adapters/**'], message: 'src/core must not depend on the extension or its adapters.' }],
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
);
