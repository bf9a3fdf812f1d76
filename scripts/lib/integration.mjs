// The integration tier: the compiled suite under out/test/integration runs inside the real extension
// host of a code-server, on a fresh copy of test/fixtures/workspace; then the suite of a multi-root
// workspace (out/test/integration/multi-root) on two folders, each a copy of it. Returns
// { passed, failed, skipped, failures } for both.
import { cpSync, mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';

/** The folders of the multi-root workspace, in its order (the tests in test/integration/multi-root name them). */
export const MULTI_ROOT_FOLDERS = ['job-search', 'last-year'];

export async function runIntegration({ root, verbose = false, timeoutMs = 10 * 60_000 }) {
  const single = await runSuite({ root, verbose, timeoutMs, suite: 'integration suite', layout: (work) => {
    const workspace = join(work, 'workspace');
    cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    return { folder: workspace };
  } });
  const multi = await runSuite({ root, verbose, timeoutMs, suite: 'multi-root integration suite', only: 'multi-root', layout: (work) => {
    for (const name of MULTI_ROOT_FOLDERS) cpSync(join(root, 'test', 'fixtures', 'workspace'), join(work, name), { recursive: true });
    const workspaceFile = join(work, 'journals.code-workspace');
    writeFileSync(workspaceFile, JSON.stringify({ folders: MULTI_ROOT_FOLDERS.map((path) => ({ path })) }, null, 2));
    return { workspaceFile };
  } });
  return {
    passed: single.passed + multi.passed, failed: single.failed + multi.failed, skipped: single.skipped + multi.skipped,
    failures: [...single.failures, ...multi.failures],
  };
}

/**
 * One run of the suite in a fresh server and page: `layout(work)` makes the folder or the multi-root
 * workspace it opens; `only` names the folder of out/test/integration whose tests run (the others, when
 * not given).
 */
async function runSuite({ root, verbose, timeoutMs, suite, layout, only }) {
  const work = mkdtempSync(join(tmpdir(), 'debrief-it-'));
  const { folder, workspaceFile } = layout(work);
  const resultsFile = join(work, 'results.json');
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', cleanup); // also on Ctrl-C, which exits through code-server.mjs's handler
  const server = await startCodeServer({
    testDriver: true,
    env: { DEBRIEF_TEST_RESULTS: resultsFile, DEBRIEF_TEST_GREP: process.env.DEBRIEF_TEST_GREP ?? '', DEBRIEF_TEST_SUITE: only ?? '' },
    onOutput: verbose ? (l) => process.stdout.write(`  [server] ${l}\n`) : undefined,
  });
  let browser;
  try {
    browser = await launchBrowser(server.home);
    const page = await browser.newPage();
    const exit = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (verbose || type === 'error') process.stdout.write(`  [host ${type}] ${text}\n`);
    });
    page.on('console', (m) => {
      const text = m.text();
      // The extension host's console (mocha's spec report) is mirrored into the page console.
      if (verbose) process.stdout.write(`  [console] ${text}\n`);
    });
    const payload = [
      ['extensionDevelopmentPath', server.remote(root)],
      ['extensionTestsPath', server.remote(join(root, 'out', 'test', 'integration', 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    await page.goto(server.url(folder, payload, workspaceFile));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
    const code = await Promise.race([exit, timeout]);
    const data = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { results: [] };
    return tally(data, code, { timeoutMs, suite });
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    cleanup();
    process.removeListener('exit', cleanup);
  }
}

/**
 * Prints each result of a suite run in an extension host and counts them: `data` is what the suite
 * reported ({ results, done, crashed }), `code` the exit code the workbench gave (or 'timeout'). A suite
 * that ended without reporting, or whose host failed without a failed test, counts as one failure.
 */
export function tally(data, code, { timeoutMs, suite }) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const r of data.results) {
    // Slow tests show their time, to see how close a loaded machine brings them to mocha's timeout.
    if (r.state === 'passed') { counts.passed++; process.stdout.write(`  ✔ ${r.title}${r.durationMs >= 2000 ? ` (${(r.durationMs / 1000).toFixed(1)} s)` : ''}\n`); }
    else if (r.state === 'failed') { counts.failed++; counts.failures.push({ title: r.title, error: String(r.error ?? '') }); process.stdout.write(`  ✖ ${r.title}\n${indent(r.error)}\n`); }
    else { counts.skipped++; process.stdout.write(`  - ${r.title} (skipped)\n`); }
  }
  const whole = (title) => { counts.failed++; counts.failures.push({ title, error: '' }); process.stdout.write(`  ✖ ${title}\n`); };
  if (code === 'timeout') whole(`the ${suite} did not finish within ${timeoutMs / 1000} s`);
  else if (!data.done) whole(`the ${suite} ended (exit ${code}) without reporting results${data.crashed ? `: ${data.crashed}` : ''}`);
  else if (code !== 0 && counts.failed === 0) whole(`the extension host exited with code ${code}`);
  return counts;
}

function indent(s = '') {
  return String(s).split('\n').map((l) => `      ${l}`).join('\n');
}
