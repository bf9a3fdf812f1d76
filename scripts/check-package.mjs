// The package tier's checks of out/debrief.vsix, after `npm run package`: what a registry takes and a
// user trusts. Prints one line per check and exits 1 when any fails.
//   - the files: only what users need (the allowlist below), every one the manifest names, under the size limit;
//   - both entries: `main` (a Node extension host) and `browser` (the web worker of VS Code for the Web),
//     and what each is made of (out/meta/, written by scripts/build.mjs): the browser bundle imports no
//     Node built-in, only `vscode`, and leaves the workbook reader out (it is loaded when needed);
//   - the manifest's web-related fields, the categories, the engine, the README's images, the changelog.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const VSIX = join(root, 'out', 'debrief.vsix');
const MAX_VSIX_BYTES = 750 * 1024;
/** The Marketplace's categories (a manifest with another is refused); Notebooks is for notebook extensions. */
const CATEGORIES = new Set(['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization']);
/** The VS Code the tests run (code-server 4.139): the engine asked may not be newer. */
const TESTED_ENGINE = [1, 139];
/** Every file of the package, as a pattern: the bundles, what the manifest and the README name, the legal texts. */
const ALLOWED = [
  /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|workbook|invitation)\.js$/, /^extension\/dist\/web\/extension\.js$/, /^extension\/dist\/webview\/[a-z-]+\.js$/,
  /^extension\/media\/(debrief\.png|debrief\.svg|[a-z-]+\.css)$/,
  /^extension\/schemas\/(interview|weaknesses)\.schema\.json$/,
  /^extension\/walkthrough\/[a-z-]+\.md$/,
  /^extension\/docs\/images\/[a-z-]+\.png$/,
];
/** README images: a width the Marketplace's column shows without blurring or shrinking them to nothing, and light. */
const IMAGE_WIDTH = [400, 1280];
const IMAGE_MAX_BYTES = 100 * 1024;

const results = [];
function check(name, fn) {
  let problems;
  try {
    problems = fn() ?? [];
  } catch (e) {
    problems = [String(e instanceof Error ? e.message : e)];
  }
  results.push(problems.length === 0);
  console.log(`  ${problems.length ? '✖' : '✔'} ${name}${problems.map((p) => `\n      ${p}`).join('')}`);
}

const bytes = readFileSync(VSIX);
const files = unzipSync(new Uint8Array(bytes));
const names = Object.keys(files).filter((n) => !n.endsWith('/'));
const text = (name) => new TextDecoder().decode(files[name]);
const manifest = JSON.parse(text('extension/package.json'));
const inPackage = (rel) => `extension/${rel.replace(/^\.\//, '')}`;
/** What esbuild says of a bundle (its place in the extension, dist/…), wherever the package script built it. */
const output = (outfile) => {
  const { outputs } = JSON.parse(readFileSync(join(root, 'out', 'meta', `${outfile.replace(/[/.]/g, '-')}.json`), 'utf8'));
  return outputs[Object.keys(outputs).find((o) => o === outfile || o.endsWith(`/${outfile}`))];
};
const isBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

check(`the package holds only what users need (${names.length} files, ${(bytes.length / 1024).toFixed(0)} KB)`, () => [
  ...names.filter((n) => !ALLOWED.some((re) => re.test(n))).map((n) => `${n} is not something users need (or add it to ALLOWED in scripts/check-package.mjs)`),
  ...(bytes.length > MAX_VSIX_BYTES ? [`${(bytes.length / 1024).toFixed(0)} KB, over the ${MAX_VSIX_BYTES / 1024} KB limit`] : []),
]);

check('the parts loaded when needed are packaged beside the bundles', () => ['workbook', 'invitation'].filter((c) => !files[`extension/dist/${c}.js`]).map((c) => `dist/${c}.js is not packaged: the extension would fail when it needs it`));

check('every file the manifest names is in the package', () => {
  const named = [];
  const walk = (v, key) => {
    if (typeof v === 'string') {
      if (['main', 'browser', 'icon', 'markdown', 'image', 'url'].includes(key) && !v.startsWith('$(') && !/^[a-z]+:/.test(v)) named.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(manifest, '');
  return named.filter((f) => !files[inPackage(f)]).map((f) => `${f} is named by package.json but not packaged`);
});

check('both entries: main for a Node extension host, browser for the web worker of VS Code for the Web', () => {
  const problems = [];
  if (manifest.main !== './dist/extension.js') problems.push(`main is ${manifest.main}, not ./dist/extension.js`);
  if (manifest.browser !== './dist/web/extension.js') problems.push(`browser is ${manifest.browser}, not ./dist/web/extension.js`);
  // The Node entry adds the local disk and requires the shared bundle beside it.
  const node = output('dist/extension.js');
  for (const i of node.imports) if (i.external && !['vscode', './web/extension.js'].includes(i.path) && !isBuiltin(i.path)) problems.push(`the main entry imports ${i.path}`);
  if (!node.imports.some((i) => i.path === './web/extension.js')) problems.push('the main entry does not load the shared bundle');
  if (!/require\("\.\/web\/extension\.js"\)/.test(text('extension/dist/extension.js'))) problems.push('dist/extension.js does not require ./web/extension.js');
  return problems;
});

check('the browser bundle imports nothing of Node, only vscode, and leaves the workbook and invitation readers to be loaded when needed', () => {
  const problems = [];
  const out = output('dist/web/extension.js');
  for (const i of out.imports) if (i.path !== 'vscode') problems.push(`imports ${i.path}${isBuiltin(i.path) ? ' (a Node built-in)' : ''}`);
  for (const input of Object.keys(out.inputs)) {
    if (/node_modules\/(fflate|saxes)\//.test(input)) problems.push(`holds ${input}: the workbook reader belongs in dist/workbook.js`);
    if (/node_modules\/ical\.js\/|src\/core\/calendar\/invitation\.ts/.test(input)) problems.push(`holds ${input}: the invitation reader belongs in dist/invitation.js`);
    if (/src\/(adapters\/node-|cli\/)/.test(input)) problems.push(`holds ${input}, which is Node's`);
    if (input.startsWith('<define:') || /^node:|^\(disabled\)/.test(input)) problems.push(`holds ${input}`);
  }
  // The file as packaged, too: no require of a Node built-in anywhere in it.
  for (const m of text('extension/dist/web/extension.js').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
    if (isBuiltin(m[1])) problems.push(`dist/web/extension.js requires ${m[1]}`);
  }
  for (const chunk of ['workbook', 'invitation']) {
    for (const i of output(`dist/${chunk}.js`).imports) problems.push(`dist/${chunk}.js imports ${i.path}: the worker evaluates it without require`);
    for (const m of text(`extension/dist/${chunk}.js`).matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) problems.push(`dist/${chunk}.js requires ${m[1]}`);
  }
  return problems;
});

check('the web-related manifest fields: virtual and untrusted workspaces supported, no Node-only kind, activation that a web worker gets', () => {
  const problems = [];
  const v = manifest.capabilities?.virtualWorkspaces;
  if (!(v === true || v?.supported === true)) problems.push('capabilities.virtualWorkspaces is not true: github.dev and vscode.dev would not enable the extension');
  const u = manifest.capabilities?.untrustedWorkspaces?.supported;
  if (u !== true && u !== 'limited') problems.push('capabilities.untrustedWorkspaces.supported is neither true nor "limited"');
  const kind = [].concat(manifest.extensionKind ?? []);
  if (kind.length && !kind.includes('workspace') && !kind.includes('ui')) problems.push(`extensionKind ${JSON.stringify(manifest.extensionKind)}`);
  for (const e of manifest.activationEvents ?? []) if (e === '*' || e === 'onStartupFinished') problems.push(`activation event ${e}: activate when a journal is there, or a view or command is used`);
  if (manifest.extensionDependencies?.length) problems.push(`extensionDependencies ${manifest.extensionDependencies.join(', ')}: each must have a browser entry too`);
  const [major, minor] = /(\d+)\.(\d+)/.exec(manifest.engines?.vscode ?? '')?.slice(1).map(Number) ?? [];
  if (!(major === TESTED_ENGINE[0] && minor <= TESTED_ENGINE[1])) problems.push(`engines.vscode ${manifest.engines?.vscode} is newer than the VS Code the tests run (${TESTED_ENGINE.join('.')})`);
  return problems;
});

check('categories the Marketplace knows, that fit (not Notebooks), and keywords', () => {
  const problems = [];
  const cats = manifest.categories ?? [];
  if (!cats.length) problems.push('no categories');
  for (const c of cats) if (!CATEGORIES.has(c)) problems.push(`${c} is not a Marketplace category`);
  if (cats.includes('Notebooks')) problems.push('Notebooks is for notebook renderers and kernels');
  if (!(manifest.keywords?.length >= 1 && manifest.keywords.length <= 30)) problems.push('between 1 and 30 keywords');
  return problems;
});

check('the README\'s images are packaged, PNG, JPEG or GIF (no SVG), and of a size the Marketplace shows well', () => {
  const problems = [];
  const readme = text('extension/readme.md');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  if (!images.length) problems.push('no image in the README');
  for (const src of images) {
    if (/^https?:/.test(src)) { if (!src.startsWith('https:')) problems.push(`${src}: only https images are shown`); continue; }
    const data = files[inPackage(src)];
    if (!data) { problems.push(`${src} is not in the package`); continue; }
    if (/\.svg$/i.test(src)) problems.push(`${src}: SVG images are refused in a README`);
    const png = data[0] === 0x89 && data[1] === 0x50;
    const width = png ? new DataView(data.buffer, data.byteOffset).getUint32(16) : undefined;
    if (!png) problems.push(`${src} is not a PNG`);
    else if (width < IMAGE_WIDTH[0] || width > IMAGE_WIDTH[1]) problems.push(`${src} is ${width} px wide, not ${IMAGE_WIDTH.join('-')}`);
    if (data.length > IMAGE_MAX_BYTES) problems.push(`${src} is ${(data.length / 1024).toFixed(0)} KB, over ${IMAGE_MAX_BYTES / 1024} KB`);
  }
  return problems;
});

check('a changelog with this version', () => {
  const log = files['extension/changelog.md'] && text('extension/changelog.md');
  if (!log) return ['CHANGELOG.md is not packaged'];
  return new RegExp(`^## \\[?${manifest.version.replace(/\./g, '\\.')}\\]?`, 'm').test(log) ? [] : [`CHANGELOG.md has no section "## ${manifest.version}"`];
});

const failed = results.filter((ok) => !ok).length;
if (failed) console.log(`  ${failed} of ${results.length} checks of the package failed`);
process.exit(failed ? 1 : 0);
