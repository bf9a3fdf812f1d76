// Builds the extension, the CLI, the tests and the benchmark with esbuild.
//   node scripts/build.mjs               extension + CLI (development, with source maps)
//   node scripts/build.mjs --production  minified extension + CLI, no source maps (what the .vsix ships)
//   node scripts/build.mjs --tests       also every test file under test/unit and test/integration
//   node scripts/build.mjs --bench       also the benchmark
//   node scripts/build.mjs --watch       rebuild the extension and CLI on change
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function walk(dir, test) {
  const found = [];
  let names = [];
  try { names = readdirSync(dir); } catch { return found; }
  for (const name of names) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...walk(full, test));
    else if (test(full)) found.push(full);
  }
  return found;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['vscode'],
  // The production bundle (the .vsix) leaves out src/test-mode.ts: no test hooks ship.
  // The command line's version comes from the manifest (src/cli/version.ts).
  define: { DEBRIEF_TEST_SUPPORT: production ? 'false' : 'true', DEBRIEF_VERSION: JSON.stringify(version) },
  // windows-iana's main file picks a build by process.env at run time (so both are bundled, and a web
  // worker has no process): its ES module is the one build, and keeps only the table the core reads.
  alias: { 'windows-iana': './node_modules/windows-iana/dist/windows-iana.esm.js' },
};

/**
 * The workbook reader (.xlsx, .ods: src/core/import/workbook.ts with its zip and XML libraries) is a
 * file of its own, dist/workbook.js, loaded only when a workbook is imported: in the extension's and
 * the CLI's bundles, import.ts's `import('./workbook')` becomes a require of that file beside them.
 * It is built for the browser, so it holds nothing of Node's. The test bundles inline it instead.
 */
const workbookChunk = {
  name: 'workbook-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/workbook$/ }, (args) => (args.importer.endsWith(join('src', 'core', 'import', 'import.ts')) ? { path: 'workbook', namespace: 'workbook-chunk' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'workbook-chunk' }, () => ({ contents: 'module.exports = require("./workbook.js");', loader: 'js' }));
    build.onResolve({ filter: /^\.\/workbook\.js$/ }, (args) => (args.namespace === 'workbook-chunk' ? { path: './workbook.js', external: true } : undefined));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [workbookChunk] },
  { ...common, platform: 'browser', target: 'es2022', external: [], entryPoints: ['src/core/import/workbook.ts'], outfile: 'dist/workbook.js' },
];
// The Insights webview: a browser bundle (Chart.js included), nothing fetched at run time.
builds.push({ ...common, platform: 'browser', target: 'es2022', format: 'iife', external: [], entryPoints: ['src/webview/insights/main.ts'], outfile: 'dist/webview/insights.js' });
// The brief's page: a small script that swaps in the page the extension renders and reports its buttons.
builds.push({ ...common, platform: 'browser', target: 'es2022', format: 'iife', external: [], entryPoints: ['src/webview/brief/main.ts'], outfile: 'dist/webview/brief.js' });
if (existsSync(join(root, 'src/cli/main.ts'))) {
  builds.push({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [workbookChunk] });
}

if (args.has('--tests')) {
  rmSync(join(root, 'out/test'), { recursive: true, force: true });
  const unit = walk(join(root, 'test/unit'), (f) => f.endsWith('.test.ts'));
  const integration = walk(join(root, 'test/integration'), (f) => f.endsWith('.ts'));
  if (unit.length) builds.push({ ...common, entryPoints: unit.map((f) => relative(root, f)), outdir: 'out/test/unit', outbase: 'test/unit', sourcemap: 'inline', external: ['vscode', 'mocha'] });
  builds.push({ ...common, entryPoints: ['test/ui/lib/insights-expected.ts'], outfile: 'out/test/ui/insights-expected.js', sourcemap: 'inline' });
  if (integration.length) builds.push({ ...common, entryPoints: integration.map((f) => relative(root, f)), outdir: 'out/test/integration', outbase: 'test/integration', sourcemap: 'inline', external: ['vscode', 'mocha'] });
}
if (args.has('--bench')) {
  builds.push({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'out/bench/bench.js', sourcemap: false });
  // The journal generator, for the editor benchmark (bench/editor.mjs).
  builds.push({ ...common, entryPoints: ['bench/generate.ts'], outfile: 'out/bench/generate.js', sourcemap: false });
}

if (production) {
  for (const f of ['dist/extension.js.map', 'dist/cli.js.map', 'dist/workbook.js.map', 'dist/webview/insights.js.map', 'dist/webview/brief.js.map']) rmSync(join(root, f), { force: true });
}

if (args.has('--watch')) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[debrief] watching for changes…');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`[debrief] built ${builds.length} bundle(s) in ${Date.now() - started} ms`);
}
