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
 * One Chromium for every UI test, and one code-server for the tests that load Debrief from this checkout
 * on a folder: each started by the first test that needs it, stopped by the root `after` hook below
 * (and, on Ctrl-C or a crash, by the exit handlers of `code-server.mjs` and Playwright). Each test still
 * gets a window of its own: its own folder (so its own workspace storage, kept index and local history
 * on the server, all keyed by the folder, and its own extension host, ended when its page closes), in a
 * browser context of its own (so its own browser storage, where the web workbench keeps the recently
 * opened, the walkthrough's steps and the extensions' global and workspace state). The server's user
 * settings are the same for all: a test that needs a setting puts it in its folder's settings.
 */
const sharedParts = {};
function shared(name, start) {
  sharedParts[name] ??= start().catch((e) => {
    delete sharedParts[name];
    throw e;
  });
  return sharedParts[name];
}
const sharedBrowser = () => shared('browser', async () => {
  const home = mkdtempSync(join(tmpdir(), 'debrief-chromium-'));
  const remove = () => rmSync(home, { recursive: true, force: true });
  process.on('exit', remove);
  const browser = await launchBrowser(home).catch((e) => {
    remove();
    throw e;
  });
  browser.on('disconnected', remove);
  return browser;
});
const sharedServer = () => shared('server', () => startCodeServer({ testDriver: true }));

/** Stops the shared browser and server, those started. */
export async function closeShared() {
  const { browser, server } = sharedParts;
  delete sharedParts.browser;
  delete sharedParts.server;
  await (await browser?.catch(() => undefined))?.close().catch(() => {});
  await (await server?.catch(() => undefined))?.stop();
}
// A root hook (mocha defines `after` while it loads the test files): once every test has run.
if (typeof globalThis.after === 'function') globalThis.after(closeShared);

/**
 * Opens `folder` in a real workbench with Debrief loaded, either from this checkout (`from: 'source'`,
 * as `npm start` does) or from the packaged .vsix (`from: 'vsix'`), in a new context of the shared
 * browser. The .vsix is installed in an extensions folder of its own, on a server of its own. A
 * `.code-workspace` file opens on a server of its own too: on a server that had opened other windows,
 * the workbench at times opened one with none of its folders (measured: 1 window in 5). Settings a test
 * needs go into the folder's `.vscode/settings.json` (or the `.code-workspace` file).
 */
export async function openWorkbench(folder, { from = 'source', workspaceFile } = {}) {
  const own = from === 'vsix' || workspaceFile !== undefined;
  let extensionsDir;
  if (from === 'vsix') {
    const vsix = join(root, 'out', 'debrief.vsix');
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` (npm test does it before the UI tier)`);
    extensionsDir = tempFolder('debrief-ext-');
    installExtension(vsix, extensionsDir);
  }
  const server = own ? await startCodeServer({ testDriver: from === 'source', extensionsDir }) : await sharedServer();
  const browser = await sharedBrowser().catch(async (e) => {
    if (own) await server.stop();
    throw e;
  });
  const payload = from === 'source' ? [['extensionDevelopmentPath', server.remote(root)], ['skipWelcome', 'true']] : undefined;
  let context;
  let page;
  try {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    // A .code-workspace file opens a multi-root workspace instead of one folder.
    await page.goto(server.url(folder, payload, workspaceFile));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  } catch (e) {
    await context?.close().catch(() => {});
    if (own) await server.stop();
    throw e;
  }
  const wb = {
    server,
    browser,
    page,
    async close() {
      open.delete(wb);
      await context.close().catch(() => {});
      if (own) await server.stop();
    },
    /** Clicks the Debrief icon in the activity bar and waits for its side bar. */
    async openDebrief() {
      const icon = page.locator('.activitybar [aria-label^="Debrief"]').first();
      await icon.waitFor({ timeout: 60_000 });
      const title = page.locator('.sidebar .composite.title', { hasText: /Debrief/i }).first();
      // A click while the workbench is still starting may go nowhere: click again until the side bar shows.
      await retrying(async () => (await title.isVisible()) || icon.click({ timeout: 5_000 }), () => title.isVisible(), 'the Debrief side bar to open', { ms: 30_000 });
    },
    /** Opens the command palette (F1), pressing again while the workbench does not have the keyboard yet. */
    async openPalette() {
      return quickInput(page, async () => {
        await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 }, timeout: 5_000 }).catch(() => {});
        await page.keyboard.press('F1');
      }, async (i) => (await i.inputValue()).startsWith('>'), 'the command palette');
    },
    /**
     * Opens a file with Quick Open (Ctrl+P, type its name, Enter), as a person would, and waits for
     * its tab to be the active one.
     */
    async openFile(name) {
      const input = await quickInput(page, 'Control+P', async (i) => /search files/i.test((await i.getAttribute('placeholder')) ?? ''), 'Quick Open');
      await input.fill(name);
      await focusedRow(page, name).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
    },
    /**
     * Runs a command by its palette title, as a person would (F1, type, Enter). The workbench lists an
     * installed extension's commands only once it has scanned the extensions, seconds after the window
     * shows, and an open palette does not take them in: until then it says "No matching commands", so
     * the palette is opened again while the command is not there (typing a filter is harmless to repeat).
     */
    async runCommand(title) {
      const input = page.locator('.quick-input-widget input');
      await retrying(async () => {
        if (await input.isVisible()) {
          await page.keyboard.press('Escape');
          await input.waitFor({ state: 'hidden', timeout: 5_000 });
        }
        await (await wb.openPalette()).fill(`>${title}`);
        // Enter runs the focused row: wait until the filter has brought the command there.
        await focusedRow(page, title).waitFor({ timeout: 5_000 });
      }, () => focusedRow(page, title).isVisible(), `the command "${title}" in the palette`, { every: 1_000, ms: 30_000 });
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
 * Saves a screenshot of every open workbench when `test` failed. For the afterEach of tests that share
 * one window (opened in `before`, closed in `after` by closeWorkbenches).
 */
export async function screenshotIfFailed(test) {
  if (test?.state !== 'failed') return;
  for (const wb of open) await wb.screenshot(`failed-${test.title.replace(/\W+/g, '-')}`).catch(() => {});
}

/**
 * For afterEach: saves a screenshot of every open workbench when the test failed, closes them all and
 * removes the temp folders. Usage: `afterEach(function () { return closeWorkbenches(this.currentTest); })`.
 */
export async function closeWorkbenches(test) {
  await screenshotIfFailed(test);
  for (const wb of [...open]) await wb.close();
  cleanupTemps();
}

/**
 * Opens a quick input with a key (F1, Ctrl+P, Ctrl+G) and returns its text box. A quick input still
 * closing (the last question of a command) is waited out first, as its box would take the typing; the
 * key is pressed again while the workbench does not answer it (the keyboard is not listened to yet).
 * `key`: a key to press, or a function that presses it; `isMine(input)` tells this quick input from
 * another (its placeholder, the prefix of its value).
 */
export async function quickInput(page, key, isMine, what) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'hidden', timeout: 15_000 });
  const press = typeof key === 'function' ? key : () => page.keyboard.press(key);
  const shown = async () => {
    if (!(await input.isVisible())) return false;
    if (await isMine(input)) return true;
    throw new Error(`another quick input shows ("${await input.getAttribute('placeholder')}", "${await input.inputValue()}")`);
  };
  await retrying(async () => (await input.isVisible()) || press(), shown, `${what} to open`, { ms: 30_000 });
  return input;
}

/**
 * The row of the open quick input (palette, Quick Open, a command's question) that has the keyboard
 * focus, when it shows `text`: Enter picks that row, so wait for it before pressing Enter.
 */
export function focusedRow(page, text) {
  return page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: text }).first();
}

/**
 * Answers question `step` of a command's questions (`[n, of]`, or n of 9): waits for its title, types
 * the text and presses Enter; in a pick, first waits until the typed text has filtered the list and
 * focused its row (the one Enter takes).
 */
export async function answer(page, step, text, { pick = false } = {}) {
  const [n, of] = Array.isArray(step) ? step : [step, 9];
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: `(${n}/${of})` }).waitFor({ timeout: 15_000 });
  await page.locator('.quick-input-widget input').fill(text);
  if (pick) await focusedRow(page, text).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** A value as a failure message shows it: JSON when it can be, cut short. */
function shown(v) {
  let s;
  try {
    s = typeof v === 'function' ? 'a function' : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** An error on one line: its message, and of Playwright's long call log the last steps (what it saw last). */
function oneLine(e) {
  // eslint-disable-next-line no-control-regex
  const lines = String(e instanceof Error ? e.message : e).replace(/\u001b\[\d+m/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.length > 4 ? [lines[0], '…', ...lines.slice(-3)] : lines).join(' ');
}

function timedOut(what, ms, last, error, attempts) {
  return new Error(`timed out after ${ms / 1000} s waiting for ${what}${attempts ? ` (${attempts} attempt(s))` : ''} (last value: ${shown(last)}${error !== undefined ? `; last error: ${oneLine(error)}` : ''})`);
}

/**
 * Polls `fn` until it returns a truthy value; an exception counts as "not yet". Fails after `ms` with
 * what it waited for, the last value and the last error. Not a timing assertion: only an upper bound.
 */
export async function eventually(fn, ms = 20_000, what = 'condition') {
  const until = Date.now() + ms;
  let last;
  let error;
  while (Date.now() < until) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw timedOut(what, ms, last, error);
}

/**
 * For an action the workbench may drop without a word (a key pressed before it listens, a click on a
 * part still being laid out): runs `act`, polls `effect` for `every` ms, and runs `act` again while the
 * effect has not shown, until `ms` pass. Only for actions that are harmless to repeat once their
 * effect is there. An exception counts as "not yet". Fails like `eventually`, with the number of attempts.
 */
export async function retrying(act, effect, what, { every = 3_000, ms = 20_000 } = {}) {
  const until = Date.now() + ms;
  let attempts = 0;
  let last;
  let error;
  while (Date.now() < until) {
    attempts++;
    try {
      await act();
    } catch (e) {
      error = e;
    }
    const next = Math.min(until, Date.now() + every);
    while (Date.now() < next) {
      try {
        last = await effect();
        if (last) return last;
      } catch (e) {
        error = e;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw timedOut(what, ms, last, error, attempts);
}
