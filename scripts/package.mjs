// `npm run package`: builds out/debrief.vsix, the package users install and a registry takes. The
// extension's files and a production build (minified, no source maps, no test hooks) are put together in
// out/package/ and packaged there with @vscode/vsce (.vscodeignore says what goes in), so that packaging
// never rewrites dist/, which `npm start` and the tests load (a test run packages while others run).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = join(root, 'out', 'package');
/** What the package may take files from (.vscodeignore picks among them). */
const PARTS = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'schemas', 'walkthrough', 'docs/images'];

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const part of PARTS) cpSync(join(root, part), join(stage, part), { recursive: true });
run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production', '--dist', 'out/package/dist'], root);
run(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', join(root, 'out', 'debrief.vsix')], stage);
