// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', 'eslint.config.mjs'],
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
