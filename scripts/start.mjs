// `npm start`: builds Debrief and serves a real VS Code with it loaded on the demo journal.
//   npm start                      opens demo/ (a copy with its dates moved to today; the repository's stays clean)
//   npm start -- path/to/folder    opens that folder as it is (your own journal, edited in place)
//   DEBRIEF_FOLDER=path npm start  the same
//   DEBRIEF_PORT=8080 npm start    a fixed port (default: a free one)
//   npm start -- --web             as in VS Code for the Web (github.dev, vscode.dev): Debrief in the web
//                                  worker extension host, the folder served under another scheme than
//                                  file: (debrieftest:/, by the test file system of test/web/fs-provider)
// Runs until Ctrl-C, then stops the server and everything it started.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provision } from './lib/provision.mjs';
import { startCodeServer } from './lib/code-server.mjs';
import { copyDemo } from './lib/demo.mjs';
import { installTestFileSystem, WEB_SCHEME } from './lib/web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? process.env.DEBRIEF_FOLDER;
const web = process.argv.includes('--web');

let folder;
let demoCopy;
if (arg) {
  folder = resolve(arg);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error(`debrief: ${folder} is not a folder. Give a folder to open: npm start -- path/to/folder`);
    process.exit(2);
  }
} else {
  demoCopy = mkdtempSync(join(tmpdir(), 'debrief-demo-'));
  folder = join(demoCopy, 'demo');
  copyDemo(root, folder);
}

if (spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) {
  console.error('debrief: the build failed (see above).');
  process.exit(1);
}
try {
  provision({ needBrowser: false });
} catch (e) {
  console.error(`debrief: could not provision VS Code: ${e.message}`);
  process.exit(1);
}

const { publisher, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const extensionsDir = web ? mkdtempSync(join(tmpdir(), 'debrief-extensions-')) : undefined;
if (extensionsDir) installTestFileSystem(root, extensionsDir);
const server = await startCodeServer({
  testDriver: true, // lets the workbench load Debrief from this checkout through the `payload` parameter
  port: process.env.DEBRIEF_PORT ? Number(process.env.DEBRIEF_PORT) : undefined,
  extensionsDir,
  env: web ? { DEBRIEF_WEB_ROOT: folder } : {},
  // Its manifest has a Node entry too: the setting puts it in the web worker, as a browser-only VS Code would.
  settings: { 'workbench.startupEditor': 'none', ...(web ? { 'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] } } : {}) },
});
const url = server.url(web ? `${WEB_SCHEME}:/` : folder, [['extensionDevelopmentPath', server.remote(root)], ['skipWelcome', 'true']]);
console.log(`\nDebrief is running in VS Code${web ? ' for the Web (the web worker extension host)' : ''}. Open this URL in a browser:\n`);
console.log(`  ${url}\n`);
console.log(`Folder: ${folder}${demoCopy ? ' (a fresh copy of demo/, its dates moved to today)' : ''}${web ? `, served as ${WEB_SCHEME}:/ (no file search there: Quick Open finds no file)` : ''}`);
console.log('After changing the code, run `npm run build` and reload the browser tab. Press Ctrl-C to stop.');

const stop = async () => {
  await server.stop();
  if (extensionsDir) rmSync(extensionsDir, { recursive: true, force: true });
  if (demoCopy) rmSync(demoCopy, { recursive: true, force: true });
  process.exit(0);
};
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
