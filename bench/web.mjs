/* global document, window, requestAnimationFrame */ // observe() runs in the workbench's page
// The web part of `npm run bench`: Debrief as VS Code for the Web runs it.
//
//   - the production bundles' sizes: the browser entry (dist/web/extension.js, the whole extension), the Node
//     entry around it, the workbook reader loaded on demand, and the .vsix;
//   - in the real editor (the harness's code-server and Chromium) on a generated journal of 1,000 interviews,
//     Debrief in the web worker extension host (forced there by `remote.extensionKind`, as a browser-only
//     VS Code runs it) against the same build in the Node extension host, each on 3 fresh profiles whose
//     Debrief view is open: workbench ready -> first Interviews row, -> every interview shown (the Pending
//     group's count final); the worker's own marks of fetching, loading and activating the extension; and a
//     warm reopen (the window reloaded, the kept index in the extension's storage) -> first rows, every row.
//
// Writes its web_* keys into bench/results.json (the others are kept) and the table between the bench-web
// markers of BENCHMARKS.md. DEBRIEF_BENCH_REPS=1 runs one profile per host and writes nothing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_VERSION, provision } from '../scripts/lib/provision.mjs';
import { startCodeServer } from '../scripts/lib/code-server.mjs';
import { launchBrowser } from '../scripts/lib/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const N = 1000;
const REPS = Number(process.env.DEBRIEF_BENCH_REPS || 3);
const TIMEOUT = 180_000;
const GROUP_LABELS = ['Pending', 'Offer', 'Accepted', 'Rejected', 'Ghosted', 'Withdrawn', 'Declined', 'Role closed', 'No outcome'];
const log = (s) => console.log(`[bench:web] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function median(xs) {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const round = (x) => (typeof x === 'number' ? Math.round(x) : x);

// ---------- sizes ----------

function size(rel) {
  const bytes = readFileSync(join(root, rel));
  return { kb: +(bytes.length / 1024).toFixed(1), gzip_kb: +(gzipSync(bytes).length / 1024).toFixed(1) };
}

// ---------- the journal ----------

function prepareJournal() {
  const { generateJournal } = require(join(root, 'out', 'bench', 'generate.js'));
  const j = generateJournal(N);
  const files = new Map(j.files);
  for (const note of j.notes) files.set(note, '# note\n');
  const pending = [...files].filter(([p, t]) => p.startsWith('debrief/interviews/') && /^outcome: pending$/m.test(t)).length;
  const prefixes = [...new Set([...j.files.values()].map((t) => /^company: (.*)$/m.exec(t)?.[1]).filter(Boolean))].map((c) => `${c}, `);
  return { files, pending, prefixes };
}

function writeFiles(folder, files) {
  for (const [p, t] of files) {
    mkdirSync(dirname(join(folder, p)), { recursive: true });
    writeFileSync(join(folder, p), t);
  }
}

// ---------- the workbench ----------

/** Runs in the page from its first script: when the Interviews view first shows a row, and every interview. */
function observe(cfg) {
  const seen = {};
  window.__debriefWebBench = seen;
  const groups = new Set(cfg.groupLabels);
  const tick = () => {
    const now = performance.now();
    const pane = document.querySelector('.pane-header[aria-label="Interviews Section"]')?.closest('.pane');
    for (const row of pane?.querySelectorAll('.monaco-list-row') ?? []) {
      const name = row.querySelector('.label-name')?.textContent ?? '';
      if (seen.firstRow === undefined && (groups.has(name) || cfg.prefixes.some((p) => name.startsWith(p)))) seen.firstRow = now;
      if (name === 'Pending' && seen.complete === undefined) {
        const count = Number(/^\s*(\d[\d,.\s]*)/.exec(row.querySelector('.label-description')?.textContent ?? '')?.[1]?.replace(/\D/g, ''));
        if (count === cfg.pending) seen.complete = now;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** One profile: the view primed on an empty journal, the journal written, a cold open and a warm reopen. */
async function profile(host, journal, rep) {
  const work = mkdtempSync(join(os.tmpdir(), 'debrief-bench-web-'));
  const folder = join(work, 'journal');
  mkdirSync(join(folder, 'debrief', 'interviews'), { recursive: true });
  const { publisher, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const server = await startCodeServer({ testDriver: true, settings: host === 'worker' ? { 'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] } } : {} });
  const browser = await launchBrowser(server.home);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const url = server.url(folder, [['extensionDevelopmentPath', server.remote(root)], ['skipWelcome', 'true']]);
    // Debrief's view becomes the one the profile opens with, on the folder still without a journal.
    const prime = await context.newPage();
    await prime.goto(url);
    await prime.locator('.activitybar [aria-label^="Debrief"]').first().click({ timeout: TIMEOUT });
    await prime.locator('.pane-header[aria-label="Interviews Section"]').waitFor({ timeout: TIMEOUT });
    await sleep(1500); // the workbench writes its view state shortly after a change
    await prime.close();
    writeFiles(folder, journal.files);

    const page = await context.newPage();
    await page.addInitScript(observe, { groupLabels: GROUP_LABELS, prefixes: journal.prefixes, pending: journal.pending });
    const open = async (go) => {
      await go();
      await page.waitForFunction(() => window.__debriefWebBench.complete !== undefined, null, { timeout: TIMEOUT, polling: 100 });
      const seen = await page.evaluate(() => {
        const ready = performance.getEntriesByName('code/didStartWorkbench')[0]?.startTime;
        const s = window.__debriefWebBench;
        return { readyWall: performance.timeOrigin + ready, firstRowMs: s.firstRow - ready, completeMs: s.complete - ready };
      });
      return { ...seen, ...(host === 'worker' ? await workerMarks(page, seen.readyWall) : {}) };
    };
    const cold = await open(() => page.goto(url));
    await sleep(3000); // the kept index is written soon after the journal was read
    const warm = await open(() => page.reload());
    log(`${host} ${rep}: cold first row ${round(cold.firstRowMs)} ms, all ${round(cold.completeMs)} ms${cold.activateMs !== undefined ? `, activate() ${round(cold.activateMs)} ms` : ''}; warm first row ${round(warm.firstRowMs)} ms, all ${round(warm.completeMs)} ms`);
    return { cold, warm };
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The web worker extension host's own marks for Debrief, against the workbench's ready (wall clock). */
async function workerMarks(page, readyWall) {
  for (const w of page.workers()) {
    const m = await w.evaluate(() => {
      const at = (n) => performance.getEntriesByName(`code/extHost/${n}/debrief.debrief`)[0]?.startTime;
      const o = performance.timeOrigin;
      return at('willActivateExtension') === undefined ? undefined : {
        fetch: at('didFetchExtensionCode') - at('willFetchExtensionCode'),
        load: at('didLoadExtensionCode') - at('willLoadExtensionCode'),
        activate: at('didActivateExtension') - at('willActivateExtension'),
        activatedWall: o + at('didActivateExtension'),
      };
    }).catch(() => undefined);
    if (m) return { fetchMs: m.fetch, loadMs: m.load, activateMs: m.activate, readyToActivatedMs: m.activatedWall - readyWall };
  }
  return {};
}

// ---------- results ----------

function summary(runs, key, phase) {
  return round(median(runs.map((r) => r[phase][key])));
}

function writeResults(web) {
  const file = join(root, 'bench', 'results.json');
  const previous = JSON.parse(readFileSync(file, 'utf8'));
  const kept = Object.fromEntries(Object.entries(previous).filter(([k]) => !k.startsWith('web')));
  writeFileSync(file, JSON.stringify({ ...kept, ...web }, null, 2) + '\n');
}

function writeMarkdown(w) {
  const file = join(root, 'BENCHMARKS.md');
  const s = w.web_sizes;
  const c = w.web_cold;
  const h = w.web_warm;
  const ms = (x) => (x === null || x === undefined ? '–' : `${x.toLocaleString('en-US')} ms`);
  const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
  const table = `<!-- bench-web:start -->
Measured ${w.web_date.slice(0, 10)} on ${w.web_machine}, code-server ${CODE_SERVER_VERSION}, Chromium ${w.web_browser}; load average ${w.web_load.join(' / ')} at the start (1 / 5 / 15 min). Production bundles.

| Bundle | Size | gzip |
| --- | ---: | ---: |
| \`dist/web/extension.js\`: the browser entry, the whole extension (the Node entry requires it) | ${s.web.kb} KB | ${s.web.gzip_kb} KB |
| \`dist/extension.js\`: the Node entry around it (the local disk) | ${s.node.kb} KB | ${s.node.gzip_kb} KB |
| \`dist/workbook.js\`: the workbook reader, loaded when a workbook is imported | ${s.workbook.kb} KB | ${s.workbook.gzip_kb} KB |
| \`out/debrief.vsix\` | ${s.vsix.kb} KB | |

${N.toLocaleString('en-US')} interviews, the Debrief view open as the window restores it (median of ${w.web_reps} fresh profiles each):

| | Web worker extension host | Node extension host | Worker / Node |
| --- | ---: | ---: | ---: |
| Workbench ready → first Interviews row (cold) | ${ms(c.worker.firstRowMs)} | ${ms(c.node.firstRowMs)} | ${ratio(c.worker.firstRowMs, c.node.firstRowMs)} |
| Workbench ready → every interview shown (cold) | ${ms(c.worker.completeMs)} | ${ms(c.node.completeMs)} | ${ratio(c.worker.completeMs, c.node.completeMs)} |
| **Warm reopen** (the kept index): ready → first row | ${ms(h.worker.firstRowMs)} | ${ms(h.node.firstRowMs)} | ${ratio(h.worker.firstRowMs, h.node.firstRowMs)} |
| Warm reopen: ready → every interview shown | ${ms(h.worker.completeMs)} | ${ms(h.node.completeMs)} | ${ratio(h.worker.completeMs, h.node.completeMs)} |
| In the worker (its marks, cold): code fetched; loaded; \`activate()\` until it resolved | ${ms(c.worker.fetchMs)}; ${ms(c.worker.loadMs)}; ${ms(c.worker.activateMs)} | | |
| Workbench ready → Debrief activated in the worker (cold; warm) | ${ms(c.worker.readyToActivatedMs)}; ${ms(h.worker.readyToActivatedMs)} | | |
<!-- bench-web:end -->`;
  let md = readFileSync(file, 'utf8');
  md = md.includes('<!-- bench-web:start -->')
    ? md.replace(/<!-- bench-web:start -->[\s\S]*<!-- bench-web:end -->/, table)
    : `${md.trimEnd()}\n\n## On the web\n\nThe web part of \`npm run bench\` (\`bench/web.mjs\`, about 3 minutes): the bundles' sizes, and Debrief in the web\nworker extension host of the harness's VS Code against the Node extension host, in the same run.\n\n${table}\n`;
  writeFileSync(file, md);
}

async function main() {
  const load = os.loadavg().map((x) => +x.toFixed(1));
  log('building the production bundles and the package');
  if (spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('npm run package failed');
  const sizes = { web: size('dist/web/extension.js'), node: size('dist/extension.js'), workbook: size('dist/workbook.js'), vsix: { kb: +(statSync(join(root, 'out', 'debrief.vsix')).size / 1024).toFixed(1) } };
  log(`sizes: ${JSON.stringify(sizes)}`);
  provision({ needBrowser: true });
  const journal = prepareJournal();
  const runs = { worker: [], node: [] };
  let browserVersion;
  for (let rep = 1; rep <= REPS; rep++) {
    // Alternate which host goes first, so that anything the first leaves behind hits both alike.
    for (const host of rep % 2 ? ['worker', 'node'] : ['node', 'worker']) runs[host].push(await profile(host, journal, rep));
  }
  {
    const server = await startCodeServer({});
    const browser = await launchBrowser(server.home);
    browserVersion = browser.version();
    await browser.close();
    await server.stop();
  }
  const keys = ['firstRowMs', 'completeMs', 'fetchMs', 'loadMs', 'activateMs', 'readyToActivatedMs'];
  const pick = (phase) => Object.fromEntries(['worker', 'node'].map((host) => [host, Object.fromEntries(keys.map((k) => [k, summary(runs[host], k, phase)]).filter(([, v]) => v !== null))]));
  const web = {
    web_date: new Date().toISOString(),
    web_machine: `${os.cpus()[0]?.model.replace(/\s+\d+-Core Processor/, '').trim()} (${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${process.platform} ${process.arch})`,
    web_browser: browserVersion,
    web_load: load,
    web_reps: REPS,
    web_interviews: N,
    web_sizes: sizes,
    web_cold: pick('cold'),
    web_warm: pick('warm'),
    web_samples: runs,
  };
  console.log(JSON.stringify({ ...web, web_samples: undefined }, null, 2));
  if (REPS < 3) {
    log('a partial run (DEBRIEF_BENCH_REPS below 3): nothing written');
    return;
  }
  writeResults(web);
  writeMarkdown(web);
  log('wrote bench/results.json (web_* keys) and BENCHMARKS.md (the bench-web table)');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
