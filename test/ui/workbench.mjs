// Helpers for UI tests: a real code-server + Debian's Chromium, driven like a person would.
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, installExtension } from '../../scripts/lib/code-server.mjs';
import { launchBrowser } from '../../scripts/lib/browser.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const resultsDir = join(root, 'test-results');

/** A fresh temp folder; `cleanup()` removes every one made. */
const temps = [];
export function tempFolder(prefix = 'debrief-ui-') {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
export function cleanupTemps() {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}
process.on('exit', cleanupTemps); // also on Ctrl-C, which exits through code-server.mjs's handler

/**
 * Opens `folder` in a real workbench with Debrief loaded, either from this checkout
 * (`from: 'source'`, as `npm start` does) or from the packaged .vsix (`from: 'vsix'`).
 */
export async function openWorkbench(folder, { from = 'source', settings, workspaceFile } = {}) {
  let extensionsDir;
  if (from === 'vsix') {
    const vsix = join(root, 'out', 'debrief.vsix');
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` (npm test does it before the UI tier)`);
    extensionsDir = tempFolder('debrief-ext-');
    installExtension(vsix, extensionsDir);
  }
  const server = await startCodeServer({ testDriver: from === 'source', extensionsDir, settings });
  const browser = await launchBrowser(server.home);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const payload = from === 'source' ? [['extensionDevelopmentPath', server.remote(root)], ['skipWelcome', 'true']] : undefined;
  // A .code-workspace file opens a multi-root workspace instead of one folder.
  const url = workspaceFile ? server.url(undefined, payload).replace('/?', `/?workspace=${encodeURIComponent(workspaceFile)}&`) : server.url(folder, payload);
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const wb = {
    server,
    browser,
    page,
    async close() {
      open.delete(wb);
      await browser.close().catch(() => {});
      await server.stop();
    },
    /** Clicks the Debrief icon in the activity bar and waits for its side bar. */
    async openDebrief() {
      const icon = page.locator('.activitybar [aria-label^="Debrief"]').first();
      await icon.waitFor({ timeout: 60_000 });
      await icon.click();
      await page.locator('.sidebar .composite.title', { hasText: /Debrief/i }).first().waitFor({ timeout: 30_000 });
    },
    /** Runs a command by its palette title, as a person would (F1, type, Enter). */
    async runCommand(title) {
      await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } }).catch(() => {});
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 15_000 });
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
    },
    async screenshot(name) {
      mkdirSync(resultsDir, { recursive: true });
      const file = join(resultsDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
  };
  open.add(wb);
  return wb;
}

const open = new Set();

/**
 * For afterEach: saves a screenshot of every open workbench when the test failed, closes them all and
 * removes the temp folders. Usage: `afterEach(function () { return closeWorkbenches(this.currentTest); })`.
 */
export async function closeWorkbenches(test) {
  for (const wb of [...open]) {
    if (test?.state === 'failed') await wb.screenshot(`failed-${test.title.replace(/\W+/g, '-')}`).catch(() => {});
    await wb.close();
  }
  cleanupTemps();
}

/** Polls `fn` until it returns a truthy value or `ms` pass. */
export async function eventually(fn, ms = 20_000, what = 'condition') {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}
