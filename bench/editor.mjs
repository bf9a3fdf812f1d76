/* global document, window, requestAnimationFrame */ // observe() and shows() run in the workbench's page
// `npm run bench:editor`: the journal measured in the real editor, from the outside.
//
// Starts the test harness's VS Code (code-server + Chromium) on generated journals of 100, 1,000 and
// 10,000 interviews (bench/generate.ts, written to a temp folder) and measures, against the built-in
// Explorer on the same folder in the same run:
//   - cold open: workbench ready -> first Interviews row, and -> the Explorer's first row of
//     debrief/interviews/ (median of 3 fresh profiles each; both views restored by the window, as after
//     a reload, so neither waits for a click);
//   - warm reopen: the window reloaded with nothing changed, the view open -> first Interviews rows;
//   - a typo (an invalid outcome written on disk) -> the row marked with the problem, and the fix -> gone;
//   - a 500-file checkout with git itself (the journal made a repository once the window is open, a branch
//     moving 500 interviews into Pending; `git checkout` there and back) -> the Pending group's count equal
//     to what the files say, timed from git's start and from git's exit; six checkouts, three there and back,
//     in each cold open's window;
//   - the extension host's RSS (/proc) with Debrief and without it on the same folder, before and after a
//     forced garbage collection, its peak while opening, and its growth after the checkouts (the median of
//     the windows, with its spread);
//   - changes lost while the journal is read: the race tests (test/integration/races.test.ts) run once in
//     the harness, which count the changes a reading missed over their tries.
// Times come from the workbench's DOM, read every animation frame in the page, against the workbench's
// own `code/didStartWorkbench` performance mark; memory from /proc. Nothing in src/ is instrumented.
//
// Writes bench/results.json (its editor_* keys; the other keys are kept) and the table between the
// bench-editor markers in BENCHMARKS.md. DEBRIEF_BENCH_SIZES=100,1000 runs some sizes only and
// DEBRIEF_BENCH_REPS=1 fewer cold opens: such partial runs print their figures and write nothing, unless
// DEBRIEF_BENCH_WRITE=1: then the sizes measured replace theirs in bench/results.json, the others are kept
// with the run that measured them, and BENCHMARKS.md lists every run with its load average.
// DEBRIEF_BENCH_NOTE=<text> says what else ran on the machine meanwhile (written with the run).
// DEBRIEF_BENCH_RACES=0 skips the race tests.
// DEBRIEF_BENCH_PROFILE=<folder> writes the extension host's CPU profile over the checkouts there, and
// DEBRIEF_BENCH_ALLOC=<folder> a sampled profile of what it allocates meanwhile (garbage included);
// DEBRIEF_BENCH_CHECKOUTS=<n> changes the number of checkouts, DEBRIEF_BENCH_HEAP_EACH=1 logs the live heap after each,
// DEBRIEF_BENCH_HEAP_SNAPSHOTS=<folder> writes heap snapshots after the second and the last checkout.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { CODE_SERVER_VERSION, paths, provision } from '../scripts/lib/provision.mjs';
import { startCodeServer } from '../scripts/lib/code-server.mjs';
import { launchBrowser } from '../scripts/lib/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { generateJournal } = require(join(root, 'out', 'bench', 'generate.js'));

const ALL_SIZES = [100, 1000, 10000];
const SIZES = process.env.DEBRIEF_BENCH_SIZES ? process.env.DEBRIEF_BENCH_SIZES.split(',').map(Number) : ALL_SIZES;
const REPS = Number(process.env.DEBRIEF_BENCH_REPS || 3);
const PROFILE_DIR = process.env.DEBRIEF_BENCH_PROFILE; // a folder: the extension host's CPU profile over the checkouts
const ALLOC_DIR = process.env.DEBRIEF_BENCH_ALLOC; // a folder: where the extension host allocates over the checkouts
const CHECKOUTS = Number(process.env.DEBRIEF_BENCH_CHECKOUTS || 6); // three checkouts back and forth
const SNAPSHOTS_DIR = process.env.DEBRIEF_BENCH_HEAP_SNAPSHOTS; // a folder: heap snapshots after the second and the last checkout
const HEAP_EACH = !!process.env.DEBRIEF_BENCH_HEAP_EACH; // the live heap after each checkout, to tell a leak from a plateau
const WRITE_PARTIAL = process.env.DEBRIEF_BENCH_WRITE === '1';
const RACES = process.env.DEBRIEF_BENCH_RACES !== '0';
const TYPOS = ['pendingg', 'pendign', 'pnding']; // none is part of any text the view shows otherwise
const GROUP_LABELS = ['Pending', 'Offer', 'Accepted', 'Rejected', 'Ghosted', 'Withdrawn', 'Declined', 'Role closed', 'No outcome'];
const TARGET_LABEL = 'Bench Typo Target, Typo';
const CLK_TCK = 100; // Linux's USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s

let browserVersion = 'unknown';
const log = (...a) => console.log('[bench:editor]', ...a);
const wallNow = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, d = 0) => (x === undefined || x === null || Number.isNaN(x) ? null : +x.toFixed(d));
function median(xs) {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// ---------- the journal on disk ----------

/** A generated journal with its notes, one interview made the typo's target, and the checkout's files. */
function prepareJournal(n) {
  const j = generateJournal(n);
  const files = new Map(j.files);
  for (const note of j.notes) files.set(note, '# note\n');
  const interviews = [...j.files.keys()].filter((p) => p.startsWith('debrief/interviews/'));
  // The typo lands in an interview that is pending and newer than all others, so it is the first row of
  // the first group (pending first, newest first) and in sight without scrolling.
  const target = interviews[0];
  const id = /^id: (.*)$/m.exec(files.get(target))[1];
  files.set(target, `# The interview the editor benchmark's typo lands in\nid: ${id}\ncompany: Bench Typo Target\nrole: Typo\napplied: 2025-12-31\noutcome: pending\n`);
  const isPending = (p) => /^outcome: pending$/m.test(files.get(p));
  const pending = interviews.filter(isPending).length;
  // The checkout: interviews that are not pending become pending (and back), so the Pending group's
  // count reaches its final value only once every changed file is shown.
  const size = Math.min(500, Math.floor(n / 2));
  const moved = interviews.filter((p) => p !== target && !isPending(p)).slice(0, size);
  const checkedOut = new Map(moved.map((p) => [p, files.get(p).replace(/^outcome: .*$/m, 'outcome: pending')]));
  const prefixes = [...new Set([...j.files.values()].map((t) => /^company: (.*)$/m.exec(t)?.[1]).filter(Boolean))].map((c) => `${c}, `);
  let bytes = 0;
  for (const t of files.values()) bytes += Buffer.byteLength(t);
  return { n, files, target, pending, moved, checkedOut, prefixes, bytes, fileCount: files.size };
}

function writeFiles(folder, files) {
  for (const [p, t] of files) {
    mkdirSync(dirname(join(folder, p)), { recursive: true });
    writeFileSync(join(folder, p), t);
  }
}

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };

function git(folder, args, input) {
  const r = spawnSync('git', args, { cwd: folder, env: GIT_ENV, input, encoding: 'utf8', maxBuffer: 64 * 1048576 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

/**
 * Makes the journal folder a repository: what is on disk committed on branch `journal`, and a branch
 * `checkout` where the checkout's files are changed, made without touching the files on disk (through
 * git fast-import), so that the open window sees nothing until the first checkout.
 */
function gitRepository(folder, changed) {
  git(folder, ['init', '-q', '-b', 'journal']);
  git(folder, ['add', '-A']);
  git(folder, ['commit', '-q', '-m', 'The journal']);
  const stream = ['commit refs/heads/checkout', 'committer bench <bench@example.invalid> 0 +0000', 'data 8', 'Checkout', 'from refs/heads/journal'];
  for (const [p, t] of changed) stream.push(`M 100644 inline ${p}`, `data ${Buffer.byteLength(t)}`, t);
  git(folder, ['fast-import', '--quiet'], `${stream.join('\n')}\n`);
}

/** `git checkout <branch>` in the folder: when git started and when it exited (wall-clock ms). */
function gitCheckout(folder, branch) {
  return new Promise((resolve, reject) => {
    const started = wallNow();
    const child = spawn('git', ['checkout', '-q', branch], { cwd: folder, env: GIT_ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ started, exited: wallNow() }) : reject(new Error(`git checkout ${branch}: ${err}`))));
  });
}

// ---------- the extension host, from /proc ----------

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** The process group of a code-server: its main process has the server's user-data folder on its command line. */
function serverGroup(server) {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const cmd = readProc(pid, 'cmdline');
    if (cmd?.includes('entry.js') && cmd.includes(server.userData)) return Number(pid);
  }
  throw new Error('cannot find the code-server process');
}

function stat(pid) {
  const s = readProc(pid, 'stat');
  if (!s) return undefined;
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return { pgrp: Number(f[2]), cpuTicks: Number(f[11]) + Number(f[12]), start: Number(f[19]) };
}

/** The extension hosts of a server's group, newest last. */
function extensionHosts(pgid) {
  const hosts = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const st = stat(pid);
    if (st?.pgrp !== pgid) continue;
    if (readProc(pid, 'cmdline')?.includes('--type=extensionHost')) hosts.push({ pid: Number(pid), start: st.start });
  }
  return hosts.sort((a, b) => a.start - b.start);
}

/** The extension host started for a new window: the newest one not in `before`. */
async function waitForHost(pgid, before, timeout = 60_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const hosts = extensionHosts(pgid).filter((h) => !before.includes(h.pid));
    if (hosts.length) return hosts[hosts.length - 1].pid;
    await sleep(100);
  }
  throw new Error('no extension host started');
}

async function waitNoHost(pgid, timeout = 20_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until && extensionHosts(pgid).length) await sleep(100);
}

/** VmRSS and VmHWM (the peak since start or the last reset) in MB. */
function memory(pid) {
  const s = readProc(pid, 'status') ?? '';
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Resets VmHWM, so the next reading is the peak of what follows (Linux 4.0+; ignored where refused). */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU time so far of every process started for this run's server (its HOME): the server, the extension host, Chromium. */
function cpuSnapshot(home) {
  const snap = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const env = readProc(pid, 'environ');
    if (!env?.includes(`HOME=${home}\0`)) continue;
    const cmd = readProc(pid, 'cmdline') ?? '';
    const kind = cmd.includes('chromium') || cmd.includes('chrome') ? 'browser' : cmd.includes('--type=extensionHost') ? 'exthost' : 'server';
    const st = stat(pid);
    if (st) snap.set(pid, { kind, ticks: st.cpuTicks });
  }
  return snap;
}

/** CPU milliseconds used since `before`, per kind of process (processes gone since are not counted). */
function cpuSince(before, home) {
  const out = { exthost: 0, server: 0, browser: 0 };
  for (const [pid, p] of cpuSnapshot(home)) out[p.kind] += ((p.ticks - (before.get(pid)?.ticks ?? 0)) * 1000) / CLK_TCK;
  return out;
}

/**
 * Talks to a Node process through its inspector, opened from the outside with SIGUSR1 (Node's own way;
 * it listens on 127.0.0.1:9229). Checks that the inspector found there is this process's.
 */
async function inspect(pid, fn) {
  const WebSocketImpl = globalThis.WebSocket ?? createRequire(join(paths().codeServerDir, 'package.json'))('ws');
  process.kill(pid, 'SIGUSR1');
  let targets;
  for (let i = 0; i < 50 && !targets; i++) {
    targets = await fetch('http://127.0.0.1:9229/json/list').then((r) => r.json()).catch(() => undefined);
    if (!targets) await sleep(100);
  }
  if (!targets?.length) throw new Error('the extension host opened no inspector');
  const ws = new WebSocketImpl(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', () => reject(new Error('cannot connect to the inspector')));
  });
  let next = 0;
  const waiting = new Map();
  const listeners = new Map();
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(String(e.data));
    if (m.id === undefined) return listeners.get(m.method)?.(m.params);
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  const on = (method, fn) => listeners.set(method, fn);
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++next;
    const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 60_000);
    waiting.set(id, (m) => {
      clearTimeout(timer);
      if (m.error) reject(new Error(`${method}: ${m.error.message}`));
      else resolve(m.result);
    });
    ws.send(JSON.stringify({ id, method, params }));
  });
  try {
    const who = await send('Runtime.evaluate', { expression: 'process.pid' });
    if (who.result?.value !== pid) throw new Error('the inspector on port 9229 belongs to another process');
    return await fn(send, on);
  } finally {
    ws.close();
  }
}

/** Writes a heap snapshot of the process (after a full garbage collection) to `file`. */
async function heapSnapshot(pid, file) {
  await waitIdle(pid);
  mkdirSync(dirname(file), { recursive: true });
  const chunks = [];
  await inspect(pid, async (send, on) => {
    on('HeapProfiler.addHeapSnapshotChunk', (p) => chunks.push(p.chunk));
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  });
  writeFileSync(file, chunks.join(''));
  log(`heap snapshot in ${file}`);
}

/**
 * The process's memory once its work is done: RSS and live heap after a full garbage collection (asked
 * through the inspector), so that garbage not yet collected does not count; VmHWM is the peak before it.
 */
async function settledMemory(pid) {
  await waitIdle(pid);
  const { rss, peak } = memory(pid);
  try {
    const heap = await inspect(pid, async (send) => {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      return (await send('Runtime.getHeapUsage')).usedSize / 1048576;
    });
    await sleep(500);
    return { rss: memory(pid).rss, heap, peak, rssBeforeGc: rss, gc: true };
  } catch (e) {
    log(`no garbage collection before measuring memory: ${e.message}`);
    return { rss, heap: null, peak, rssBeforeGc: rss, gc: false };
  }
}

/**
 * Waits until the process has used (almost) no CPU for `quietMs`, and returns the wall time of the last
 * CPU time it was seen using: when its work ended, as seen from the outside (10 ms resolution).
 */
async function waitIdle(pid, { quietMs = 800, timeout = 120_000 } = {}) {
  const until = Date.now() + timeout;
  let last = stat(pid)?.cpuTicks ?? 0;
  let busyUntil = wallNow();
  let quietSince = wallNow();
  while (Date.now() < until) {
    await sleep(100);
    const now = wallNow();
    const ticks = stat(pid)?.cpuTicks;
    if (ticks === undefined) return busyUntil;
    // One tick (10 ms) per 100 ms is background noise (timers, the file watcher's heartbeat).
    if (ticks - last > 1) {
      busyUntil = now;
      quietSince = now;
    }
    last = ticks;
    if (now - quietSince >= quietMs) return busyUntil;
  }
  return busyUntil;
}

// ---------- the workbench ----------

/** Runs in the page from its first script: records, every animation frame, when each thing is first seen. */
function observe(cfg) {
  const seen = { view: undefined, firstRow: undefined, complete: undefined, pendingMax: undefined, welcomeFirst: undefined, welcomeLast: undefined, explorerRow: undefined };
  window.__debriefBench = seen;
  const groups = new Set(cfg.groupLabels);
  const isContent = (name) => groups.has(name) || name.endsWith('.yaml') || cfg.prefixes.some((p) => name.startsWith(p));
  const tick = () => {
    const now = performance.now();
    const pane = document.querySelector('.pane-header[aria-label="Interviews Section"]')?.closest('.pane');
    if (pane) {
      if (seen.view === undefined) seen.view = now;
      for (const row of pane.querySelectorAll('.monaco-list-row')) {
        const name = row.querySelector('.label-name')?.textContent ?? '';
        if (seen.firstRow === undefined && isContent(name)) seen.firstRow = now;
        if (name === 'Pending') {
          const count = Number(/^\s*(\d[\d,.\s]*)/.exec(row.querySelector('.label-description')?.textContent ?? '')?.[1]?.replace(/\D/g, ''));
          if (count >= 0 && !(seen.pendingMax >= count)) seen.pendingMax = count;
          if (count === cfg.expectedPending && seen.complete === undefined) seen.complete = now;
        }
      }
      if (pane.textContent.includes('No interview journal yet')) {
        if (seen.welcomeFirst === undefined) seen.welcomeFirst = now;
        seen.welcomeLast = now;
      }
    }
    if (seen.explorerRow === undefined && document.querySelector('.explorer-folders-view .monaco-list-row[aria-level="3"]')) seen.explorerRow = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function pageConfig(journal) {
  return { groupLabels: GROUP_LABELS, prefixes: [...journal.prefixes, TARGET_LABEL.split(',')[0] + ', '], expectedPending: journal.pending };
}

/** What the page saw, relative to the workbench's own "started" mark. */
async function readSeen(page) {
  return page.evaluate(() => {
    const started = performance.getEntriesByName('code/didStartWorkbench')[0]?.startTime;
    const loaded = performance.getEntriesByName('code/didLoadExtensions')[0]?.startTime;
    const s = window.__debriefBench;
    const rel = (t) => (t === undefined || started === undefined ? null : t - started);
    return {
      readyWall: started === undefined ? null : performance.timeOrigin + started,
      navToReadyMs: started ?? null,
      readyToExtensionsMs: rel(loaded),
      readyToViewMs: rel(s.view),
      readyToFirstRowMs: rel(s.firstRow),
      viewToFirstRowMs: s.firstRow !== undefined && s.view !== undefined ? s.firstRow - s.view : null,
      readyToCompleteMs: rel(s.complete),
      readyToExplorerRowMs: rel(s.explorerRow),
      welcomeShownMs: s.welcomeFirst !== undefined ? s.welcomeLast - s.welcomeFirst : 0,
      pendingMax: s.pendingMax ?? null,
    };
  });
}

/**
 * In the page, as one self-contained function: the page's wall-clock time if the Interviews view shows
 * `what`, else false. `what` is { pending: n } (the Pending group counts n), { marked: [label, text] } (a
 * row mentions text, or the row `label` has an error icon), or { unmarked: [label, text] } (the row
 * `label` shows without an error icon and no row mentions text).
 */
function shows(what) {
  const pane = document.querySelector('.pane-header[aria-label="Interviews Section"]')?.closest('.pane');
  const rows = [...(pane?.querySelectorAll('.monaco-list-row') ?? [])].map((r) => {
    const name = r.querySelector('.label-name')?.textContent ?? '';
    return { name, text: `${name} ${r.querySelector('.label-description')?.textContent ?? ''}`, error: !!r.querySelector('.codicon-error') };
  });
  let ok = false;
  if (what.pending !== undefined) ok = rows.some((r) => r.name === 'Pending' && Number(/^Pending\s+(\d[\d,.\s]*)/.exec(r.text)?.[1]?.replace(/\D/g, '')) === what.pending);
  else if (what.marked) ok = rows.some((r) => r.text.includes(what.marked[1]) || (r.name === what.marked[0] && r.error));
  else if (what.unmarked) ok = rows.some((r) => r.name === what.unmarked[0] && !r.error) && !rows.some((r) => r.text.includes(what.unmarked[1]));
  return ok && performance.timeOrigin + performance.now();
}

/** The page's wall-clock time at the first animation frame where the view shows `what`. */
async function frameWhen(page, what, timeout) {
  const handle = await page.waitForFunction(shows, what, { polling: 'raf', timeout });
  return handle.jsonValue();
}

class Session {
  constructor(journal, folder) {
    this.journal = journal;
    this.folder = folder;
  }

  async start() {
    this.server = await startCodeServer({ testDriver: true });
    this.pgid = serverGroup(this.server);
    this.browser = await launchBrowser(this.server.home);
    browserVersion = this.browser.version();
    // Two profiles: one where Debrief's view is the open one, one (without Debrief) where the Explorer is.
    this.debriefContext = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
    this.explorerContext = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
  }

  async stop() {
    await this.browser?.close().catch(() => {});
    await this.server?.stop();
  }

  url(withDebrief) {
    return this.server.url(this.folder, withDebrief ? [['extensionDevelopmentPath', this.server.remote(root)], ['skipWelcome', 'true']] : undefined);
  }

  async open(withDebrief) {
    await waitNoHost(this.pgid);
    const page = await (withDebrief ? this.debriefContext : this.explorerContext).newPage();
    await page.addInitScript(observe, pageConfig(this.journal));
    const cpu = cpuSnapshot(this.server.home);
    const hostsBefore = extensionHosts(this.pgid).map((h) => h.pid);
    await page.goto(this.url(withDebrief));
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    return { page, cpu, host: () => waitForHost(this.pgid, hostsBefore) };
  }

  /** Makes Debrief's view the one its profile opens with (on the folder still without a journal). */
  async primeDebrief() {
    const { page } = await this.open(true);
    const icon = page.locator('.activitybar [aria-label^="Debrief"]').first();
    await icon.waitFor({ timeout: 120_000 });
    await icon.click();
    await page.locator('.pane-header[aria-label="Interviews Section"]').waitFor({ timeout: 60_000 });
    await sleep(1500); // the workbench writes its view state shortly after a change
    await page.close();
  }

  /** Expands debrief/ and debrief/interviews/ in the Explorer of the profile without Debrief. */
  async primeExplorer() {
    const { page } = await this.open(false);
    const row = (name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
    await row('debrief').click({ timeout: 120_000 });
    await row('interviews').click({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row[aria-level="3"]').first().waitFor({ timeout: 120_000 });
    await sleep(1500);
    await page.close();
  }

  /** Opens the window with Debrief, waits until every interview is shown, and measures. */
  async openDebrief(timeout) {
    const { page, cpu, host } = await this.open(true);
    const pid = await host();
    // The profile opens with Debrief's view; should the workbench not have restored it, open it as a
    // person would, and say so (the figure then includes the click).
    const restored = await page.locator('.pane-header[aria-label="Interviews Section"]').waitFor({ timeout: 120_000 }).then(() => true, () => false);
    if (!restored) await page.locator('.activitybar [aria-label^="Debrief"]').first().click({ timeout: 60_000 });
    await page.waitForFunction(() => window.__debriefBench.complete !== undefined, null, { timeout, polling: 100 });
    const seen = await readSeen(page);
    const cpuMs = cpuSince(cpu, this.server.home);
    const mem = await settledMemory(pid);
    // Read once the extension host is idle: the rows can all be shown before the read's end is logged.
    const debriefLog = this.debriefLog();
    const phases = {
      readyToActivatedMs: debriefLog.activatedAt && seen.readyWall ? debriefLog.activatedAt - seen.readyWall : null,
      readyToReadLoggedMs: debriefLog.readAt && seen.readyWall ? debriefLog.readAt - seen.readyWall : null,
    };
    return { page, pid, seen, mem, cpuMs, restored, journalReadMs: debriefLog.readMs, phases };
  }

  /** Opens the window without Debrief, with the Explorer showing debrief/interviews/, and measures. */
  async openExplorer(timeout) {
    const { page, cpu, host } = await this.open(false);
    const pid = await host();
    const restored = await page.locator('.explorer-folders-view .monaco-list-row[aria-label="interviews"][aria-expanded="true"]').waitFor({ timeout: 120_000 }).then(() => true, () => false);
    if (!restored) {
      const row = (name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
      if ((await row('debrief').getAttribute('aria-expanded')) !== 'true') await row('debrief').click();
      await row('interviews').click();
    }
    await page.waitForFunction(() => window.__debriefBench.explorerRow !== undefined, null, { timeout, polling: 100 });
    const seen = await readSeen(page);
    const cpuMs = cpuSince(cpu, this.server.home);
    const debriefShown = await page.locator('.activitybar [aria-label^="Debrief"]').count();
    if (debriefShown) throw new Error('the window meant to run without Debrief has Debrief');
    const mem = await settledMemory(pid);
    await page.close();
    return { seen, mem, cpuMs, restored };
  }

  /**
   * From Debrief's own log of the newest window (when it has these lines): when it was activated, when it
   * logged "read N interview(s) … in X ms", and X. Log times are local wall-clock times.
   */
  debriefLog() {
    const found = [];
    const walk = (d) => {
      for (const name of existsSync(d) ? readdirSync(d) : []) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name === 'Debrief.log') found.push({ p, m: statSync(p).mtimeMs });
      }
    };
    walk(join(this.server.userData, 'logs'));
    const newest = found.sort((a, b) => b.m - a.m)[0];
    const out = { activatedAt: null, readAt: null, readMs: null };
    if (!newest) return out;
    const at = (line) => {
      const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line);
      return m ? new Date(`${m[1]}T${m[2]}`).getTime() : null;
    };
    for (const line of readFileSync(newest.p, 'utf8').split('\n')) {
      if (out.activatedAt === null && /Debrief activated/.test(line)) out.activatedAt = at(line);
      const read = /\d+ interview\(s\).* in (\d+) ms/.exec(line);
      if (read) {
        out.readAt = at(line);
        out.readMs = Number(read[1]);
      }
    }
    return out;
  }
}

// ---------- the measurements ----------

/** Runs `fn`; a failure is recorded with its reason and the run goes on. */
async function attempt(what, fn) {
  try {
    return await fn();
  } catch (e) {
    log(`${what} failed: ${String(e.message ?? e).split('\n')[0]}`);
    return { error: `${what}: ${String(e.message ?? e).split('\n')[0]}` };
  }
}

/** One cold open of each window on a fresh profile; the last one goes on with the rest. */
async function coldOpen(journal, base, rep, timeout, rest) {
  const folder = join(base, `profile-${rep}`, 'journal');
  mkdirSync(join(folder, 'debrief', 'interviews'), { recursive: true });
  const s = new Session(journal, folder);
  try {
    await s.start();
    await s.primeDebrief();
    writeFiles(folder, journal.files);
    await s.primeExplorer();
    // Alternate which window opens first, so that anything the first leaves behind hits both alike.
    const order = rep % 2 ? ['debrief', 'explorer'] : ['explorer', 'debrief'];
    let d, e;
    for (const which of order) {
      if (which === 'debrief') {
        d = await s.openDebrief(timeout);
        await d.page.close();
      } else {
        e = await s.openExplorer(timeout);
      }
    }
    const open = {
      firstRowMs: d.seen.readyToFirstRowMs,
      explorerRowMs: e.seen.readyToExplorerRowMs,
      completeMs: d.seen.readyToCompleteMs,
      viewToFirstRowMs: d.seen.viewToFirstRowMs,
      welcomeShownMs: d.seen.welcomeShownMs,
      navToReadyMs: d.seen.navToReadyMs,
      navToReadyExplorerMs: e.seen.navToReadyMs,
      readyToExtensionsMs: d.seen.readyToExtensionsMs,
      journalReadLogMs: d.journalReadMs,
      readyToActivatedMs: d.phases.readyToActivatedMs,
      readyToReadLoggedMs: d.phases.readyToReadLoggedMs,
      cpuExthostMs: d.cpuMs.exthost,
      cpuBrowserMs: d.cpuMs.browser,
      cpuServerMs: d.cpuMs.server,
      cpuExplorerExthostMs: e.cpuMs.exthost,
      cpuExplorerBrowserMs: e.cpuMs.browser,
      cpuExplorerServerMs: e.cpuMs.server,
      viewsRestored: d.restored && e.restored,
      exthostMb: d.mem.rss,
      exthostHeapMb: d.mem.heap,
      exthostPeakMb: d.mem.peak,
      exthostPeakMbWithout: e.mem.peak,
      exthostMbBeforeGc: d.mem.rssBeforeGc,
      exthostMbWithout: e.mem.rss,
      exthostMbBeforeGcWithout: e.mem.rssBeforeGc,
      exthostHeapMbWithout: e.mem.heap,
      gcForced: d.mem.gc && e.mem.gc,
    };
    log(`${journal.n}: cold open ${rep}: first row ${fmt(open.firstRowMs)}, Explorer ${fmt(open.explorerRowMs)}, all shown ${fmt(open.completeMs)}; extension host ${fmt(open.exthostMb, ' MB')} (${fmt(open.exthostMbWithout, ' MB')} without Debrief); CPU to all shown: extension host ${fmt(open.cpuExthostMs)}, Chromium ${fmt(open.cpuBrowserMs)}, server ${fmt(open.cpuServerMs)}`);
    // A failure after the cold open loses only what comes after it.
    return { open, rest: rest ? await attempt(`${journal.n}: warm reopens, typos and checkouts`, () => rest(s)) : undefined };
  } finally {
    await s.stop();
  }
}

/**
 * Warm reopens, typos and checkouts, in a cold open's profile: the typos and checkouts (and the memory
 * growth the checkouts leave) in every cold open's, so that the growth is a median of several windows
 * measured alike; the three warm reopens in the last one's only (`full`).
 */
async function inOneWindow(s, timeout, full) {
  const { journal, folder } = s;
  const out = { warm: [], typos: [], checkouts: [] };
  let w;
  for (let i = 0; i < (full ? 3 : 1); i++) {
    await w?.page.close();
    w = await s.openDebrief(timeout);
    if (!full) break;
    out.warm.push({
      viewToFirstRowMs: w.seen.viewToFirstRowMs, readyToFirstRowMs: w.seen.readyToFirstRowMs, readyToViewMs: w.seen.readyToViewMs, completeMs: w.seen.readyToCompleteMs,
      activatedToFirstRowMs: w.phases.readyToActivatedMs == null || w.seen.readyToFirstRowMs == null ? null : w.seen.readyToFirstRowMs - w.phases.readyToActivatedMs,
      journalReadLogMs: w.journalReadMs, readyToReadLoggedMs: w.phases.readyToReadLoggedMs, cpuExthostMs: w.cpuMs.exthost, cpuBrowserMs: w.cpuMs.browser, restored: w.restored,
    });
    log(`${journal.n}: warm reopen ${i + 1}: view open -> first row ${fmt(w.seen.viewToFirstRowMs)} (ready -> first row ${fmt(w.seen.readyToFirstRowMs)}; Debrief activated -> first row ${fmt(out.warm.at(-1).activatedToFirstRowMs)})`);
  }
  const { page, pid } = w;
  try {
    out.typoTargetShown = !!(await frameWhen(page, { unmarked: [TARGET_LABEL, '\u0000'] }, 10_000).catch(() => false));
    const targetFile = join(folder, journal.target);
    const targetText = journal.files.get(journal.target);
    // Every window handles the same edits before its checkouts, so that the memory before them is taken
    // with the code that reads a changed file already run once (its first run is not growth).
    for (const typo of TYPOS) {
      out.typos.push(await attempt(`typo ${typo}`, async () => {
        try {
          const t0 = wallNow();
          writeFileSync(targetFile, targetText.replace(/^outcome: pending$/m, `outcome: ${typo}`));
          const shown = await frameWhen(page, { marked: [TARGET_LABEL, typo] }, timeout);
          await waitIdle(pid);
          const t1 = wallNow();
          writeFileSync(targetFile, targetText);
          const fixed = await frameWhen(page, { unmarked: [TARGET_LABEL, typo] }, timeout);
          await waitIdle(pid);
          return { typoMs: shown - t0, fixMs: fixed - t1 };
        } finally {
          // Whatever happened, the journal goes on as it was: the checkouts count on it.
          if (readFileSync(targetFile, 'utf8') !== targetText) writeFileSync(targetFile, targetText);
        }
      }));
      log(`${journal.n}: typo -> tree ${fmt(out.typos.at(-1).typoMs)}, fix -> tree ${fmt(out.typos.at(-1).fixMs)}`);
    }

    const before = await settledMemory(pid);
    out.exthostMbBeforeChurn = before.rss;
    out.exthostHeapMbBeforeChurn = before.heap;
    out.peakResetWorked = resetPeak(pid);
    // The journal becomes a repository with the window open, as a user's would (the typos are undone).
    gitRepository(folder, journal.checkedOut);
    await waitIdle(pid);
    const checkouts = async () => {
    for (let i = 0; i < CHECKOUTS; i++) {
      const there = i % 2 === 0;
      out.checkouts.push(await attempt(`checkout ${i + 1}`, async () => {
        const ticks = stat(pid)?.cpuTicks ?? 0;
        const { started: t0, exited } = await gitCheckout(folder, there ? 'checkout' : 'journal');
        const shown = await frameWhen(page, { pending: journal.pending + (there ? journal.moved.length : 0) }, timeout);
        const busyUntil = await waitIdle(pid);
        const cpuMs = (((stat(pid)?.cpuTicks ?? ticks) - ticks) * 1000) / CLK_TCK;
        return { settledMs: shown - t0, settledAfterGitMs: shown - exited, gitMs: exited - t0, exthostBusyMs: Math.max(busyUntil - t0, shown - t0), exthostCpuMs: cpuMs };
      }));
      const c = out.checkouts.at(-1);
      log(`${journal.n}: git checkout of ${journal.moved.length} files ${i + 1}/${CHECKOUTS}: git took ${fmt(c.gitMs)}, tree final ${fmt(c.settledAfterGitMs)} after git's exit, extension host busy for ${fmt(c.exthostBusyMs)}`);
      if (SNAPSHOTS_DIR && (i === 1 || i === CHECKOUTS - 1)) await heapSnapshot(pid, join(SNAPSHOTS_DIR, `after-checkout-${i + 1}-${journal.n}.heapsnapshot`));
      if (HEAP_EACH) log(`${journal.n}: live heap after checkout ${i + 1}: ${round((await settledMemory(pid)).heap, 1)} MB`);
    }
    };
    // A profile of the extension host over the checkouts (an inspector session slows it a little): what
    // it allocates, garbage included (sampled, by function), or its CPU.
    const profiler = ALLOC_DIR
      ? { dir: ALLOC_DIR, ext: 'heapprofile', what: 'allocation', domain: 'HeapProfiler', start: 'startSampling', stop: 'stopSampling', params: { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } }
      : PROFILE_DIR ? { dir: PROFILE_DIR, ext: 'cpuprofile', what: 'CPU', domain: 'Profiler', start: 'start', stop: 'stop', params: {} } : undefined;
    if (profiler) {
      await inspect(pid, async (send) => {
        await send(`${profiler.domain}.enable`);
        await send(`${profiler.domain}.${profiler.start}`, profiler.params);
        await checkouts();
        const { profile } = await send(`${profiler.domain}.${profiler.stop}`);
        mkdirSync(profiler.dir, { recursive: true });
        const file = join(profiler.dir, `checkouts-${journal.n}.${profiler.ext}`);
        writeFileSync(file, JSON.stringify(profile));
        log(`${journal.n}: ${profiler.what} profile of the checkouts in ${file}`);
      });
    } else await checkouts();
    const after = await settledMemory(pid);
    out.exthostMbAfterChurn = after.rss;
    out.exthostHeapMbAfterChurn = after.heap;
    out.exthostPeakMbChurn = out.peakResetWorked ? after.peak : null;
    out.gcForced = before.gc && after.gc;
    // The journal is back as it was: the view must say so too (a wrong count here is a bug, not slowness).
    out.finalCountRight = !!(await frameWhen(page, { pending: journal.pending }, 10_000).catch(() => false));
    log(`${journal.n}: extension host ${fmt(out.exthostMbBeforeChurn, ' MB')} before churn, ${fmt(out.exthostMbAfterChurn, ' MB')} after`);
  } finally {
    await page.close();
  }
  return out;
}

function fmt(x, unit = ' ms') {
  return typeof x === 'number' ? `${Math.round(x)}${unit}` : 'n/a';
}

async function measureSize(n) {
  const journal = prepareJournal(n);
  const base = mkdtempSync(join(os.tmpdir(), `debrief-bench-editor-${n}-`));
  const timeout = n >= 10000 ? 300_000 : 120_000;
  log(`${n} interviews: ${journal.fileCount} files, ${(journal.bytes / 1048576).toFixed(1)} MB, ${journal.pending} pending`);
  const opens = [];
  /** The extension host's growth after the checkouts, in each window (MB). */
  const churns = [];
  let rest;
  try {
    for (let rep = 1; rep <= REPS; rep++) {
      const r = await attempt(`${n}: cold open ${rep}`, () => coldOpen(journal, base, rep, timeout, (s) => inOneWindow(s, timeout, rep === REPS)));
      if (r.error) opens.push(r);
      else {
        opens.push(r.open);
        if (r.rest && !r.rest.error && r.rest.exthostMbAfterChurn != null) churns.push(r.rest.exthostMbAfterChurn - r.rest.exthostMbBeforeChurn);
        if (rep === REPS) rest = r.rest;
      }
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const ok = opens.filter((o) => !o.error);
  const m = (key, list = ok) => median(list.map((o) => o[key]));
  const firstRow = m('firstRowMs');
  const explorerRow = m('explorerRowMs');
  const typos = (rest?.typos ?? []).filter((t) => !t.error);
  const checkouts = (rest?.checkouts ?? []).filter((c) => !c.error);
  return {
    interviews: n,
    files: journal.fileCount,
    bytes: journal.bytes,
    cold_opens: ok.length,
    first_row_ms: round(firstRow),
    explorer_first_row_ms: round(explorerRow),
    first_rows_vs_explorer: firstRow !== null && explorerRow ? round(firstRow / explorerRow, 2) : null,
    all_shown_ms: round(m('completeMs')),
    view_to_first_row_ms: round(m('viewToFirstRowMs')),
    no_journal_welcome_shown_ms: round(m('welcomeShownMs')),
    journal_read_log_ms: round(m('journalReadLogMs')),
    ready_to_activated_log_ms: round(m('readyToActivatedMs')),
    ready_to_read_logged_ms: round(m('readyToReadLoggedMs')),
    cpu_ms_to_all_shown: { exthost: round(m('cpuExthostMs')), browser: round(m('cpuBrowserMs')), server: round(m('cpuServerMs')) },
    cpu_ms_to_explorer_row: { exthost: round(m('cpuExplorerExthostMs')), browser: round(m('cpuExplorerBrowserMs')), server: round(m('cpuExplorerServerMs')) },
    views_restored: ok.length > 0 && ok.every((o) => o.viewsRestored),
    nav_to_ready_ms: round(m('navToReadyMs')),
    nav_to_ready_explorer_ms: round(m('navToReadyExplorerMs')),
    exthost_mb: round(m('exthostMb'), 1),
    exthost_mb_without_debrief: round(m('exthostMbWithout'), 1),
    exthost_mb_over_baseline: round(median(ok.map((o) => o.exthostMb - o.exthostMbWithout)), 1),
    exthost_peak_mb_open: round(m('exthostPeakMb'), 1),
    exthost_peak_mb_open_without_debrief: round(m('exthostPeakMbWithout'), 1),
    exthost_peak_mb_over_baseline: round(median(ok.map((o) => o.exthostPeakMb - o.exthostPeakMbWithout)), 1),
    exthost_mb_before_gc_over_baseline: round(median(ok.map((o) => o.exthostMbBeforeGc - o.exthostMbBeforeGcWithout)), 1),
    exthost_mb_over_baseline_spread: ok.length ? [round(Math.min(...ok.map((o) => o.exthostMb - o.exthostMbWithout)), 1), round(Math.max(...ok.map((o) => o.exthostMb - o.exthostMbWithout)), 1)] : null,
    exthost_mb_before_gc: round(m('exthostMbBeforeGc'), 1),
    exthost_mb_before_gc_without_debrief: round(m('exthostMbBeforeGcWithout'), 1),
    exthost_heap_mb: round(m('exthostHeapMb'), 1),
    exthost_heap_mb_without_debrief: round(m('exthostHeapMbWithout'), 1),
    memory_after_forced_gc: ok.length > 0 && ok.every((o) => o.gcForced) && (rest?.gcForced ?? true),
    warm_reopen_ms: round(median((rest?.warm ?? []).map((w) => w.viewToFirstRowMs))),
    warm_ready_to_first_row_ms: round(median((rest?.warm ?? []).map((w) => w.readyToFirstRowMs))),
    warm_all_shown_ms: round(median((rest?.warm ?? []).map((w) => w.completeMs))),
    warm_activated_to_first_row_ms: round(median((rest?.warm ?? []).map((w) => w.activatedToFirstRowMs))),
    typo_target_shown: rest?.typoTargetShown ?? null,
    typo_to_tree_ms: round(median(typos.map((t) => t.typoMs))),
    fix_to_tree_ms: round(median(typos.map((t) => t.fixMs))),
    checkout_files: journal.moved.length,
    checkout_ms: round(median(checkouts.map((c) => c.settledMs))),
    checkout_after_git_ms: round(median(checkouts.map((c) => c.settledAfterGitMs))),
    checkout_after_git_spread_ms: checkouts.length ? [round(Math.min(...checkouts.map((c) => c.settledAfterGitMs))), round(Math.max(...checkouts.map((c) => c.settledAfterGitMs)))] : null,
    checkout_git_ms: round(median(checkouts.map((c) => c.gitMs))),
    checkout_exthost_busy_ms: round(median(checkouts.map((c) => c.exthostBusyMs))),
    checkout_exthost_cpu_ms: round(median(checkouts.map((c) => c.exthostCpuMs))),
    exthost_mb_before_churn: round(rest?.exthostMbBeforeChurn, 1),
    exthost_mb_after_churn: round(rest?.exthostMbAfterChurn, 1),
    exthost_mb_churn_growth: churns.length ? round(median(churns), 1) : null,
    exthost_mb_churn_growth_spread: churns.length ? [round(Math.min(...churns), 1), round(Math.max(...churns), 1)] : null,
    exthost_mb_churn_growth_runs: churns.length,
    exthost_heap_mb_before_churn: round(rest?.exthostHeapMbBeforeChurn, 1),
    exthost_heap_mb_after_churn: round(rest?.exthostHeapMbAfterChurn, 1),
    exthost_peak_mb_churn: round(rest?.exthostPeakMbChurn, 1),
    final_count_right: rest?.finalCountRight ?? null,
    raw: {
      cold_opens: opens.map((o) => (o.error ? o : roundAll(o))),
      warm_reopens: (rest?.warm ?? []).map(roundAll),
      typos: (rest?.typos ?? []).map(roundAll),
      checkouts: (rest?.checkouts ?? []).map(roundAll),
    },
  };
}

function roundAll(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v, /Mb/.test(k) ? 1 : 0) : v]));
}

// ---------- the report ----------

const TARGETS = {
  first_rows_vs_explorer_1k: { max: 1.2, text: '≤ 1.2× at 1,000' },
  first_rows_vs_explorer_10k: { max: 1.5, text: '≤ 1.5× at 10,000' },
  warm_reopen_ms_10k: { max: 1000, text: '≤ 1 s after the view opens' },
  checkout_500_ms_10k: { max: 2000, text: '≤ 2 s' },
  typo_to_tree_ms_10k: { max: 300, text: '≤ 300 ms' },
  exthost_mb_over_baseline_1k: { max: 60, text: '≤ 60 MB at 1,000' },
  exthost_mb_over_baseline_10k: { max: 120, text: '≤ 120 MB at 10,000, after a forced collection' },
  exthost_peak_mb_over_baseline_10k: { max: 250, text: '≤ 250 MB at 10,000' },
  warm_activated_to_rows_ms_10k: { max: 500, text: '≤ 500 ms at 10,000' },
  checkout_500_git_ms_10k: { max: 2000, text: '≤ 2 s after git exits, at 10,000' },
  changes_lost_during_load: { max: 0, text: 'none, over at least 20 tries' },
  exthost_mb_churn_growth_1k: { max: 10, text: 'back within 10 MB after churn, 1,000' },
  exthost_mb_churn_growth_10k: { max: 10, text: 'back within 10 MB after churn, 10,000' },
};

function machine(browserVersion) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown', cores: cpus.length, memory_gb: Math.round((os.totalmem() / 1073741824) * 10) / 10,
    platform: `${os.platform()} ${os.arch()}`, code_server: CODE_SERVER_VERSION, chromium: browserVersion,
  };
}

function headline(sizes, races) {
  const k = { 100: '100', 1000: '1k', 10000: '10k' };
  const flat = {};
  for (const [n, r] of Object.entries(sizes)) {
    const s = k[n];
    flat[`editor_first_rows_vs_explorer_${s}`] = r.first_rows_vs_explorer;
    flat[`editor_first_row_ms_${s}`] = r.first_row_ms;
    flat[`editor_explorer_first_row_ms_${s}`] = r.explorer_first_row_ms;
    flat[`editor_warm_reopen_ms_${s}`] = r.warm_reopen_ms;
    flat[`editor_checkout_${r.checkout_files}_ms_${s}`] = r.checkout_ms;
    flat[`editor_typo_to_tree_ms_${s}`] = r.typo_to_tree_ms;
    flat[`editor_exthost_mb_over_baseline_${s}`] = r.exthost_mb_over_baseline;
    flat[`editor_exthost_mb_churn_growth_${s}`] = r.exthost_mb_churn_growth;
    flat[`editor_exthost_mb_churn_growth_spread_${s}`] = r.exthost_mb_churn_growth_spread;
    flat[`editor_checkout_${r.checkout_files}_git_ms_${s}`] = r.checkout_after_git_ms;
    flat[`editor_exthost_peak_mb_over_baseline_${s}`] = r.exthost_peak_mb_over_baseline;
    flat[`editor_exthost_mb_before_gc_over_baseline_${s}`] = r.exthost_mb_before_gc_over_baseline;
    flat[`editor_warm_activated_to_rows_ms_${s}`] = r.warm_activated_to_first_row_ms;
  }
  if (races) {
    flat.editor_changes_lost_during_load = races.lost;
    flat.editor_changes_during_load_tries = races.tries;
  }
  const targets = {};
  for (const [key, t] of Object.entries(TARGETS)) {
    const v = flat[`editor_${key}`];
    targets[key] = typeof v === 'number' ? v <= t.max : null;
  }
  return { ...flat, editor_targets: targets };
}

function writeResults(file, editor, flat) {
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const key of Object.keys(previous)) if (key.startsWith('editor')) delete previous[key];
  writeFileSync(file, JSON.stringify({ ...previous, ...flat, editor }, null, 2) + '\n');
}

/**
 * A partial run's results over the last ones: the sizes it measured replace theirs, each size says which
 * run measured it, and the runs are listed with their load averages.
 */
function mergeRuns(file, editor) {
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).editor : undefined;
  if (!previous) return editor;
  const run = (e) => ({ date: e.date, sizes: Object.keys(e.sizes ?? {}).map(Number), cold_opens_per_size: e.cold_opens_per_size, load_average_start: e.load_average_start, load_average_end: e.load_average_end, duration_s: e.duration_s, busy: e.busy, note: e.note });
  const runs = previous.runs ?? [run(previous)];
  const sizes = { ...previous.sizes };
  for (const n of Object.keys(sizes)) sizes[n] = { ...sizes[n], run_date: sizes[n].run_date ?? previous.date };
  for (const [n, r] of Object.entries(editor.sizes)) sizes[n] = { ...r, run_date: editor.date };
  return { ...editor, sizes, races: editor.races ?? previous.races, runs: [...runs.filter((r) => Object.values(sizes).some((x) => x.run_date === r.date) || r.date === (editor.races ?? previous.races)?.date), run(editor)] };
}

function writeMarkdown(file, e, flat) {
  const n = (size) => e.sizes[size] ?? {};
  const num = (x, digits = 0) => (typeof x === 'number' ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : undefined);
  /** A row: `f` gives each size's cell from its results (undefined: n/a). */
  const row = (label, f) => `| ${label} | ${ALL_SIZES.map((s) => f(n(s)) ?? 'n/a').join(' | ')} |`;
  const ms = (x) => (num(x) === undefined ? undefined : `${num(x)} ms`);
  const mb = (x, digits = 0) => (num(x, digits) === undefined ? undefined : `${num(x, digits)} MB`);
  const both = (a, b) => (a === undefined ? undefined : `${a} (${b ?? 'n/a'})`);
  const status = (key) => (flat.editor_targets[key] === null ? 'not measured' : flat.editor_targets[key] ? 'met' : '**not met**');
  const m = e.machine;
  const runLine = (r) => `- ${r.date.slice(0, 16).replace('T', ' ')} UTC: ${r.sizes?.length ? `${r.sizes.map((x) => num(x)).join(', ')} interviews, ${r.cold_opens_per_size} cold open(s) each` : 'the race tests only'}; load average ${r.load_average_start?.join(' / ') ?? 'n/a'} at the start, ${r.load_average_end?.join(' / ') ?? 'n/a'} at the end (1 / 5 / 15 min); ${Math.round((r.duration_s ?? 0) / 60)} min${r.busy?.length ? `; busiest processes at the start (ps, CPU share over each one's life): ${r.busy.join(', ')}` : ''}${r.note ? `; ${r.note}` : ''}.`;
  const runs = e.runs ?? [{ date: e.date, sizes: Object.keys(e.sizes).map(Number), cold_opens_per_size: e.cold_opens_per_size, load_average_start: e.load_average_start, load_average_end: e.load_average_end, duration_s: e.duration_s, busy: e.busy, note: e.note }];
  const table = `<!-- bench-editor:start -->
On ${m.cpu} (${m.cores} cores, ${m.memory_gb} GB, ${m.platform}), code-server ${m.code_server} (VS Code with its Node extension host), Chromium ${m.chromium}. ${runs.length > 1 ? 'The runs (each size\'s column comes from the run that measured it, the one named in its `run_date` in bench/results.json):' : 'The run:'}

${runs.map(runLine).join('\n')}

| | 100 interviews | 1,000 interviews | 10,000 interviews |
| --- | ---: | ---: | ---: |
${row('Workbench ready → first Interviews row (cold, median of 3)', (r) => ms(r.first_row_ms))}
${row('Workbench ready → Explorer\'s first row of `debrief/interviews/` (no Debrief)', (r) => ms(r.explorer_first_row_ms))}
${row('**First Interviews row vs Explorer\'s first row**', (r) => (num(r.first_rows_vs_explorer, 2) === undefined ? undefined : `**${num(r.first_rows_vs_explorer, 2)}×**`))}
${row('Workbench ready → every interview shown (Pending count final)', (r) => ms(r.all_shown_ms))}
${row('Debrief\'s log: ready → activated; → "read N interview(s)" logged', (r) => (r.ready_to_activated_log_ms == null ? undefined : `${ms(r.ready_to_activated_log_ms)}; ${ms(r.ready_to_read_logged_ms) ?? 'n/a'}`))}
${row('Journal read, as Debrief\'s log says', (r) => ms(r.journal_read_log_ms))}
${row('Read logged → first Interviews row (negative: the first rows came while reading)', (r) => (typeof r.first_row_ms === 'number' && typeof r.ready_to_read_logged_ms === 'number' ? ms(r.first_row_ms - r.ready_to_read_logged_ms) : undefined))}
${row('CPU until every interview shown: extension host / Chromium / server (the window without Debrief, until the Explorer\'s row)', (r) => (r.cpu_ms_to_all_shown ? `${num(r.cpu_ms_to_all_shown.exthost)} / ${num(r.cpu_ms_to_all_shown.browser)} / ${num(r.cpu_ms_to_all_shown.server)} ms (${num(r.cpu_ms_to_explorer_row?.exthost)} / ${num(r.cpu_ms_to_explorer_row?.browser)} / ${num(r.cpu_ms_to_explorer_row?.server)})` : undefined))}
${row('"No interview journal yet" shown while reading', (r) => ms(r.no_journal_welcome_shown_ms))}
${row('**Warm reopen** (nothing changed): view open → first rows (median of 3)', (r) => ms(r.warm_reopen_ms))}
${row('Warm reopen: Debrief activated (its log) → first rows', (r) => ms(r.warm_activated_to_first_row_ms))}
${row('**Typo** on disk → row marked (median of 3)', (r) => ms(r.typo_to_tree_ms))}
${row('Fix on disk → mark gone (median of 3)', (r) => ms(r.fix_to_tree_ms))}
${row('**Checkout** with git → Pending count final, from git\'s start (median of 6)', (r) => both(ms(r.checkout_ms), r.checkout_files !== undefined ? `${r.checkout_files} files` : undefined))}
${row('git\'s own time; **Pending count final after git exits** (median of 6, min–max)', (r) => (r.checkout_after_git_ms == null ? undefined : `${ms(r.checkout_git_ms) ?? 'n/a'}; **${ms(r.checkout_after_git_ms)}** (${r.checkout_after_git_spread_ms?.map((x) => num(x)).join('–') ?? 'n/a'})`))}
${row('Checkout → extension host idle again; its CPU time (median of 6)', (r) => (r.checkout_exthost_busy_ms == null ? undefined : `${ms(r.checkout_exthost_busy_ms)}; ${ms(r.checkout_exthost_cpu_ms) ?? 'n/a'}`))}
${row('Extension host RSS with Debrief (without), after a full GC', (r) => both(mb(r.exthost_mb), mb(r.exthost_mb_without_debrief)))}
${row('**Over the baseline** (median of 3 pairs, min–max)', (r) => (mb(r.exthost_mb_over_baseline, 1) === undefined ? undefined : `${mb(r.exthost_mb_over_baseline, 1)}${r.exthost_mb_over_baseline_spread ? ` (${r.exthost_mb_over_baseline_spread.map((x) => num(x, 1)).join('–')})` : ''}`))}
${row('Live heap with Debrief (without), after a full GC', (r) => both(mb(r.exthost_heap_mb), mb(r.exthost_heap_mb_without_debrief)))}
${row('RSS with Debrief before the GC (without)', (r) => both(mb(r.exthost_mb_before_gc), mb(r.exthost_mb_before_gc_without_debrief)))}
${row('**Before the GC, over the baseline**', (r) => mb(r.exthost_mb_before_gc_over_baseline, 1))}
${row('Peak RSS while opening with Debrief (without)', (r) => both(mb(r.exthost_peak_mb_open), mb(r.exthost_peak_mb_open_without_debrief)))}
${row('**Peak while opening, over the baseline**', (r) => mb(r.exthost_peak_mb_over_baseline, 1))}
${row(`**RSS growth after ${CHECKOUTS} checkouts** (after a full GC; median of the windows, spread; the last window before → after)`, (r) => (typeof r.exthost_mb_churn_growth === 'number' ? `${r.exthost_mb_churn_growth >= 0 ? '+' : ''}${num(r.exthost_mb_churn_growth, 1)} MB (${r.exthost_mb_churn_growth_runs} windows, ${num(r.exthost_mb_churn_growth_spread?.[0], 1)} to ${num(r.exthost_mb_churn_growth_spread?.[1], 1)}); ${mb(r.exthost_mb_before_churn)} → ${mb(r.exthost_mb_after_churn)}` : undefined))}
${row('Live heap before → after churn', (r) => (typeof r.exthost_heap_mb_after_churn === 'number' ? `${mb(r.exthost_heap_mb_before_churn)} → ${mb(r.exthost_heap_mb_after_churn)}` : undefined))}
${row('Peak RSS during churn', (r) => mb(r.exthost_peak_mb_churn))}

${e.races ? `Changes lost while the journal is read (the race tests, ${e.races.date.slice(0, 16).replace('T', ' ')} UTC, load average ${e.races.load_average_end?.join(' / ') ?? 'n/a'} at their end): **${e.races.lost ?? 'n/a'} lost over ${e.races.tries ?? 'n/a'} tries**; the race tests ${e.races.tests_passed ?? 'n/a'} passed, ${e.races.tests_failed ?? 'n/a'} failed.\n\n` : ''}| Target | Result | Status |
| --- | --- | --- |
| First Interviews row vs Explorer's first row, ${TARGETS.first_rows_vs_explorer_1k.text} | ${num(flat.editor_first_rows_vs_explorer_1k, 2) ?? 'n/a'}× | ${status('first_rows_vs_explorer_1k')} |
| First Interviews row vs Explorer's first row, ${TARGETS.first_rows_vs_explorer_10k.text} | ${num(flat.editor_first_rows_vs_explorer_10k, 2) ?? 'n/a'}× | ${status('first_rows_vs_explorer_10k')} |
| Warm reopen at 10,000, ${TARGETS.warm_reopen_ms_10k.text} | ${ms(flat.editor_warm_reopen_ms_10k) ?? 'n/a'} | ${status('warm_reopen_ms_10k')} |
| 500-file checkout at 10,000 settled, ${TARGETS.checkout_500_ms_10k.text} | ${ms(flat.editor_checkout_500_ms_10k) ?? 'n/a'} | ${status('checkout_500_ms_10k')} |
| Typo → tree at 10,000, ${TARGETS.typo_to_tree_ms_10k.text} | ${ms(flat.editor_typo_to_tree_ms_10k) ?? 'n/a'} | ${status('typo_to_tree_ms_10k')} |
| Extension host memory over baseline, ${TARGETS.exthost_mb_over_baseline_1k.text} | ${mb(flat.editor_exthost_mb_over_baseline_1k, 1) ?? 'n/a'} | ${status('exthost_mb_over_baseline_1k')} |
| Extension host memory over baseline, ${TARGETS.exthost_mb_over_baseline_10k.text} | ${mb(flat.editor_exthost_mb_over_baseline_10k, 1) ?? 'n/a'} | ${status('exthost_mb_over_baseline_10k')} |
| Memory ${TARGETS.exthost_mb_churn_growth_1k.text} | ${mb(flat.editor_exthost_mb_churn_growth_1k, 1) ?? 'n/a'} | ${status('exthost_mb_churn_growth_1k')} |
| Memory ${TARGETS.exthost_mb_churn_growth_10k.text} (median of the windows, spread) | ${mb(flat.editor_exthost_mb_churn_growth_10k, 1) ?? 'n/a'}${flat.editor_exthost_mb_churn_growth_spread_10k ? ` (${flat.editor_exthost_mb_churn_growth_spread_10k.map((x) => num(x, 1)).join(' to ')})` : ''} | ${status('exthost_mb_churn_growth_10k')} |
| Peak while opening over baseline, ${TARGETS.exthost_peak_mb_over_baseline_10k.text} | ${mb(flat.editor_exthost_peak_mb_over_baseline_10k, 1) ?? 'n/a'} | ${status('exthost_peak_mb_over_baseline_10k')} |
| Warm reopen, Debrief activated → first rows, ${TARGETS.warm_activated_to_rows_ms_10k.text} | ${ms(flat.editor_warm_activated_to_rows_ms_10k) ?? 'n/a'} | ${status('warm_activated_to_rows_ms_10k')} |
| 500-file \`git checkout\` settled, ${TARGETS.checkout_500_git_ms_10k.text} | ${ms(flat.editor_checkout_500_git_ms_10k) ?? 'n/a'} | ${status('checkout_500_git_ms_10k')} |
| Changes lost while the journal is read, ${TARGETS.changes_lost_during_load.text} | ${flat.editor_changes_lost_during_load ?? 'n/a'} over ${flat.editor_changes_during_load_tries ?? 'n/a'} tries | ${flat.editor_changes_during_load_tries >= 20 ? status('changes_lost_during_load') : 'not measured'} |
<!-- bench-editor:end -->`;
  let md = readFileSync(file, 'utf8');
  if (md.includes('<!-- bench-editor:start -->')) md = md.replace(/<!-- bench-editor:start -->[\s\S]*<!-- bench-editor:end -->/, table);
  else md = `${md.trimEnd()}\n\n## In the real editor\n\n${table}\n`;
  writeFileSync(file, md);
}

// ---------- main ----------

/** What else used the CPU when the run started (other programs share the machine): the busiest processes. */
function busiest() {
  const r = spawnSync('ps', ['-eo', 'pcpu=,comm=', '--sort=-pcpu'], { encoding: 'utf8' });
  return (r.stdout ?? '').split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 6).map((l) => l.replace(/^(\S+)\s+(.*)$/, '$2 ($1% CPU)'));
}

/**
 * The race tests in the harness (test/integration/races.test.ts): each holds a reading at a chosen point
 * and changes files there; the first counts the changes the views missed over its tries.
 */
function runRaces() {
  log('the race tests (changes while the journal is read)');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'test.mjs'), 'integration'], {
    cwd: root, encoding: 'utf8', maxBuffer: 256 * 1048576,
    env: { ...process.env, DEBRIEF_VERBOSE: '1', DEBRIEF_TEST_GREP: 'changes while the journal is read' },
  });
  const out = `${r.stdout}\n${r.stderr}`;
  const counted = /changes while reading: (\d+) tries, (\d+) lost/.exec(out);
  const summary = /integration: (\d+) passed, (\d+) failed/.exec(out);
  const races = {
    date: new Date().toISOString(),
    tries: counted ? Number(counted[1]) : null,
    lost: counted ? Number(counted[2]) : null,
    tests_passed: summary ? Number(summary[1]) : null,
    tests_failed: summary ? Number(summary[2]) : null,
    duration_s: Math.round((Date.now() - t0) / 1000),
    load_average_end: os.loadavg().map((x) => +x.toFixed(1)),
  };
  log(`race tests: ${races.tries ?? 'n/a'} tries, ${races.lost ?? 'n/a'} change(s) lost; ${races.tests_passed ?? 'n/a'} passed, ${races.tests_failed ?? 'n/a'} failed`);
  return races;
}

async function main() {
  const started = Date.now();
  provision({ needBrowser: true });
  const loadStart = os.loadavg().map((x) => +x.toFixed(1));
  log(`sizes ${SIZES.join(', ')}, ${REPS} cold open(s) each; load average ${loadStart.join(' / ')}`);
  if (loadStart[0] > os.cpus().length) log(`the machine is busy (load average ${loadStart[0]} on ${os.cpus().length} cores): the figures will be slower and noisier than on a quiet machine`);
  const busy = busiest();
  const sizes = {};
  for (const n of SIZES) sizes[n] = await measureSize(n);
  // Last: the race tests rebuild the extension with its test mode.
  const races = RACES ? runRaces() : undefined;
  let editor = {
    date: new Date().toISOString(),
    machine: machine(browserVersion),
    load_average_start: loadStart,
    load_average_end: os.loadavg().map((x) => +x.toFixed(1)),
    duration_s: Math.round((Date.now() - started) / 1000),
    busy,
    note: process.env.DEBRIEF_BENCH_NOTE,
    cold_opens_per_size: REPS,
    checkouts: CHECKOUTS,
    races,
    sizes,
  };
  const summary = { ...headline(sizes, races), sizes: Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, { ...v, raw: undefined }])) };
  console.log(JSON.stringify(summary, null, 2));
  const complete = ALL_SIZES.every((n) => SIZES.includes(n)) && REPS >= 3;
  const results = join(root, 'bench', 'results.json');
  if (complete || WRITE_PARTIAL) {
    if (!complete) editor = mergeRuns(results, editor);
    const flat = headline(editor.sizes, editor.races);
    writeResults(results, editor, flat);
    writeMarkdown(join(root, 'BENCHMARKS.md'), editor, flat);
    log(`wrote bench/results.json and BENCHMARKS.md in ${editor.duration_s} s`);
  } else {
    log(`partial run (sizes ${SIZES.join(', ')}, ${REPS} cold open(s)): nothing written; took ${editor.duration_s} s`);
  }
}

if (process.argv.includes('--report-only')) {
  // Rewrites the table of BENCHMARKS.md from bench/results.json, measuring nothing.
  const results = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8'));
  writeMarkdown(join(root, 'BENCHMARKS.md'), results.editor, headline(results.editor.sizes, results.editor.races));
} else {
  await main();
}
