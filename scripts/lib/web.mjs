// The web tier: integration tests run in the web worker extension host (VS Code for the Web's), on a
// journal that is not on a `file:` folder. One code-server and one workbench page: Debrief from this
// checkout is forced into the worker (the `remote.extensionKind` setting: its manifest has `main` too),
// and the folder opened is `debrieftest:/`, served by the test extension in test/web/fs-provider
// (installed into the server's fresh extensions folder; it runs in the Node host) from a copy of
// test/fixtures/workspace. The bundle out/test/web/index.js (scripts/build.mjs) runs the tests and
// reports each through the worker's console. Returns { passed, failed, skipped }.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';
import { tally } from './integration.mjs';

export const WEB_SCHEME = 'debrieftest';
const RESULT = 'debrief-web-result ';
const DONE = 'debrief-web-done ';
/** Files of test/fixtures the web tests read, copied under fixtures/ in the served folder (a worker reads no other disk; see `fixture` in test/integration/helpers.ts). */
const FIXTURES = ['import/stellen-ch.xlsx', 'calendar'];

/** Installs the test file system into `extensionsDir` as a user's extension is installed: a folder named publisher.name-version. */
export function installTestFileSystem(root, extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(root, 'test/web/fs-provider/package.json'), 'utf8'));
  cpSync(join(root, 'test/web/fs-provider'), join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
}

export async function runWeb({ root, verbose = false, timeoutMs = 10 * 60_000 }) {
  const work = mkdtempSync(join(tmpdir(), 'debrief-web-'));
  const workspace = join(work, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  for (const rel of FIXTURES) cpSync(join(root, 'test', 'fixtures', rel), join(workspace, 'fixtures', rel), { recursive: true });
  const extensionsDir = join(work, 'extensions');
  mkdirSync(extensionsDir);
  installTestFileSystem(root, extensionsDir);
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', cleanup); // also on Ctrl-C, which exits through code-server.mjs's handler
  const { publisher, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const server = await startCodeServer({
    testDriver: true,
    extensionsDir,
    env: { DEBRIEF_WEB_ROOT: workspace },
    settings: {
      'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] },
      'debriefTest.grep': process.env.DEBRIEF_TEST_GREP ?? '',
    },
    onOutput: verbose ? (l) => process.stdout.write(`  [server] ${l}\n`) : undefined,
  });
  let browser;
  try {
    browser = await launchBrowser(server.home);
    const page = await browser.newPage();
    const data = { results: [], done: false };
    const exit = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    // The worker's console, as the workbench hands it over in test mode: a format string and its values.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (text.startsWith(RESULT)) data.results.push(JSON.parse(text.slice(RESULT.length)));
      else if (text.startsWith(DONE)) data.done = true;
      // The worker's errors include those the tests provoke on purpose (a tool refusing bad input): shown when verbose.
      else if (verbose) process.stdout.write(`  [worker ${type}] ${text}\n`);
    });
    if (verbose) page.on('console', (m) => process.stdout.write(`  [console] ${m.text()}\n`));
    const payload = [
      ['extensionDevelopmentPath', server.remote(root)],
      ['extensionTestsPath', server.remote(join(root, 'out', 'test', 'web', 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    await page.goto(server.url(`${WEB_SCHEME}:/`, payload));
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    return tally(data, code, { timeoutMs, suite: 'web suite' });
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    cleanup();
    process.removeListener('exit', cleanup);
  }
}
