// Builds the extension, the CLI, the tests and the benchmark with esbuild.
//   node scripts/build.mjs               extension (Node and browser) + CLI (development, with source maps)
//   node scripts/build.mjs --production  minified extension + CLI, no source maps (what the .vsix ships)
//   node scripts/build.mjs --dist <dir>  the extension and CLI in <dir> instead of dist/ (scripts/package.mjs)
//   node scripts/build.mjs --tests       also every test file under test/unit and test/integration, and the
//                                        web tier's bundle (test/web)
//   node scripts/build.mjs --bench       also the benchmark
//   node scripts/build.mjs --watch       rebuild the extension and CLI on change
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const distAt = process.argv.indexOf('--dist');
/** Where the extension's and the CLI's bundles go (relative to the root). */
const dist = distAt >= 0 ? process.argv[distAt + 1].replace(/\/+$/, '') : 'dist';
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
 * Parts loaded only when needed, each a file of its own beside the bundles in dist/, built for the
 * browser (nothing of Node's): the workbook reader (.xlsx, .ods, with its zip and XML libraries) when a
 * workbook is imported, the invitation reader (with its iCalendar parser) when an invitation is read.
 * Each has a loader in the core (`import('./<name>')`); in the command line's bundle the import
 * becomes a require of the file beside it (`chunks`), and in the extension's bundle the loader is
 * replaced by its adapter (`webVariants`), which reads the file through the editor, since a web worker
 * resolves no `require` but `vscode`'s. The test bundles inline them instead.
 */
const CHUNKS = [
  { name: 'workbook', entry: 'src/core/import/workbook.ts', loader: 'src/core/import/load-workbook.ts', web: 'src/adapters/load-workbook.web.ts' },
  { name: 'invitation', entry: 'src/core/calendar/invitation.ts', loader: 'src/core/calendar/load-invitation.ts', web: 'src/adapters/load-invitation.web.ts' },
];
const chunks = {
  name: 'chunks',
  setup(build) {
    for (const c of CHUNKS) {
      const spec = new RegExp(`^\\./${c.name}$`);
      build.onResolve({ filter: spec }, (args) => (args.importer.endsWith(join(...c.loader.split('/'))) ? { path: c.name, namespace: 'chunk' } : undefined));
    }
    build.onLoad({ filter: /.*/, namespace: 'chunk' }, (args) => ({ contents: `module.exports = require("./${args.path}.js");`, loader: 'js' }));
    build.onResolve({ filter: /^\.\/[a-z]+\.js$/ }, (args) => (args.namespace === 'chunk' ? { path: args.path, external: true } : undefined));
  },
};

/**
 * The extension is one bundle for both hosts, built for the browser: dist/web/extension.js, the
 * `browser` entry that VS Code for the Web's web worker extension host loads. The `main` entry,
 * dist/extension.js, is small: what Node adds (src/extension-node.ts hands the shared bundle the local
 * disk), then the shared bundle required beside it. In the shared bundle each chunk's loader is its
 * adapter (see CHUNKS).
 */
const webVariants = {
  name: 'web-variants',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const c = CHUNKS.find((x) => x.loader === relative(root, args.path).split(sep).join('/'));
      return c ? { contents: readFileSync(join(root, c.web), 'utf8'), loader: 'ts', resolveDir: dirname(join(root, c.web)) } : undefined;
    });
  },
};

/** What the shared bundle is built with: nothing of Node's (the package tier checks its imports in out/meta/). */
const webOptions = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  plugins: [webVariants],
};

const builds = [
  { ...common, entryPoints: ['src/extension-node.ts'], outfile: `${dist}/extension.js`, external: ['vscode', './web/extension.js'], metafile: true },
  { ...webOptions, entryPoints: ['src/extension.ts'], outfile: `${dist}/web/extension.js`, metafile: true },
  ...CHUNKS.map((c) => ({ ...common, platform: 'browser', target: 'es2022', external: [], entryPoints: [c.entry], outfile: `${dist}/${c.name}.js`, metafile: true })),
];
// The Insights webview: a browser bundle (Chart.js included), nothing fetched at run time.
builds.push({ ...common, platform: 'browser', target: 'es2022', format: 'iife', external: [], entryPoints: ['src/webview/insights/main.ts'], outfile: `${dist}/webview/insights.js` });
// The brief's page: a small script that swaps in the page the extension renders and reports its buttons.
builds.push({ ...common, platform: 'browser', target: 'es2022', format: 'iife', external: [], entryPoints: ['src/webview/brief/main.ts'], outfile: `${dist}/webview/brief.js` });
if (existsSync(join(root, 'src/cli/main.ts'))) {
  builds.push({ ...common, entryPoints: ['src/cli/main.ts'], outfile: `${dist}/cli.js`, banner: { js: '#!/usr/bin/env node' }, plugins: [chunks] });
}

if (args.has('--tests')) {
  rmSync(join(root, 'out/test'), { recursive: true, force: true });
  const unit = walk(join(root, 'test/unit'), (f) => f.endsWith('.test.ts'));
  const integration = walk(join(root, 'test/integration'), (f) => f.endsWith('.ts'));
  if (unit.length) builds.push({ ...common, entryPoints: unit.map((f) => relative(root, f)), outdir: 'out/test/unit', outbase: 'test/unit', sourcemap: 'inline', external: ['vscode', 'mocha'] });
  builds.push({ ...common, entryPoints: ['test/ui/lib/insights-expected.ts'], outfile: 'out/test/ui/insights-expected.js', sourcemap: 'inline' });
  if (integration.length) builds.push({ ...common, entryPoints: integration.map((f) => relative(root, f)), outdir: 'out/test/integration', outbase: 'test/integration', sourcemap: 'inline', external: ['vscode', 'mocha'] });
  // The web tier: one bundle for the web worker (mocha's browser build and the tests inlined; Node's
  // assert from the npm package, with the little of `process` it looks at).
  builds.push({
    ...webOptions, entryPoints: ['test/web/index.ts'], outfile: 'out/test/web/index.js', sourcemap: 'inline',
    inject: ['test/web/shims/process.js'], alias: { 'assert/strict': './test/web/shims/assert-strict.js' },
    define: { ...webOptions.define, global: 'globalThis' },
  });
}
if (args.has('--bench')) {
  builds.push({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'out/bench/bench.js', sourcemap: false });
  // The journal generator, for the editor benchmark (bench/editor.mjs).
  builds.push({ ...common, entryPoints: ['bench/generate.ts'], outfile: 'out/bench/generate.js', sourcemap: false });
}

if (production) {
  // What the .vsix ships is what this build made: no source map, nothing left in dist/ by an earlier build.
  rmSync(join(root, dist), { recursive: true, force: true });
}

if (args.has('--watch')) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[debrief] watching for changes…');
} else {
  const started = Date.now();
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  // What each entry of the extension is made of, for the package tier's checks (scripts/check-package.mjs).
  mkdirSync(join(root, 'out', 'meta'), { recursive: true });
  builds.forEach((b, i) => {
    // Named by the bundle's place in the extension (dist/…), wherever it was built.
    if (b.metafile) writeFileSync(join(root, 'out', 'meta', `${b.outfile.replace(`${dist}/`, 'dist/').replace(/[/.]/g, '-')}.json`), JSON.stringify(results[i].metafile));
  });
  console.log(`[debrief] built ${builds.length} bundle(s) in ${Date.now() - started} ms`);
}
