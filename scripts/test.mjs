// `npm test`: every tier, then one summary line for the whole run.
//   node scripts/test.mjs                      lint, types, unit, integration, web, package, ui
//   node scripts/test.mjs unit integration     only those tiers (build runs as needed)
// Two lanes: unit, then web, in a second process, beside lint, types, integration, package and ui. The
// run is bound by the CPU; the lanes are split to take about as long as each other, so a whole run takes
// about the time of the longer one; the second lane's output is printed once it ends. DEBRIEF_SERIAL=1
// runs every tier in one process, in order.
// Environment: DEBRIEF_TEST_GREP=<pattern> filters tests by title; DEBRIEF_VERBOSE=1 shows server and
// extension-host output; DEBRIEF_CACHE=<dir> moves the provisioned VS Code; DEBRIEF_PREBUILT=1 uses
// the build already in dist/ and out/ (scripts/stress.mjs builds once for many runs);
// DEBRIEF_UI_JOBS=<n> runs the UI test files in n processes at once (default 2; 1: one after another).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALL = ['lint', 'types', 'unit', 'integration', 'web', 'package', 'ui'];
const asked = process.argv.slice(2);
const unknown = asked.filter((t) => !ALL.includes(t));
if (unknown.length) {
  console.error(`unknown tier(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}
const tiers = asked.length ? ALL.filter((t) => asked.includes(t)) : ALL;
const verbose = process.env.DEBRIEF_VERBOSE === '1';
/** The UI tests wait on a workbench much of the time: two processes, each with its own server and browser, overlap those waits. */
const UI_JOBS = Math.max(1, Number.parseInt(process.env.DEBRIEF_UI_JOBS ?? '2', 10) || 1);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
/** Each failed test, repeated at the end: a long run's log may be read from its tail only. */
const failures = [];
const bin = (name) => join(root, 'node_modules', '.bin', name);

function heading(title) {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}
const records = [];
function record(tier, counts, ms, { quiet = false } = {}) {
  records.push({ tier, counts, ms });
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  for (const f of counts.failures ?? []) failures.push({ tier, ...f });
  const s = `${tier}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${(ms / 1000).toFixed(1)} s)`;
  lines.push({ tier, s });
  if (!quiet) console.log(s);
}
function sh(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts }).status === 0;
}
/** A tier that is one check: it passes or fails as a whole. */
function check(tier, fn) {
  heading(tier);
  const t0 = Date.now();
  let ok = false;
  try { ok = fn(); } catch (e) { console.error(e); }
  record(tier, { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 }, Date.now() - t0);
  return ok;
}
function findFiles(dir, suffix) {
  let out = [];
  let names = [];
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names) {
    const f = join(dir, n);
    if (statSync(f).isDirectory()) out = out.concat(findFiles(f, suffix));
    else if (n.endsWith(suffix)) out.push(f);
  }
  return out.sort();
}
/**
 * Splits files into `jobs` groups of about the same size (the largest file first into the smallest
 * group; a file's size stands in for how long it runs), keeping each group in name order.
 */
function splitFiles(files, jobs) {
  const groups = Array.from({ length: Math.min(jobs, files.length) }, () => ({ size: 0, files: [] }));
  for (const { f, size } of files.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size)) {
    const g = groups.reduce((a, b) => (b.size < a.size ? b : a));
    g.size += size;
    g.files.push(f);
  }
  return groups.map((g) => g.files.sort());
}

/**
 * Runs mocha on `files`, in `jobs` processes at once (each on its share of the files): the first
 * prints as it goes, the others once they end. Their counts add up into one line for the tier.
 */
async function mochaTier(tier, files, timeoutMs, jobs = 1) {
  heading(tier);
  const t0 = Date.now();
  if (!files.length) {
    console.log(`no ${tier} tests found`);
    record(tier, { passed: 0, failed: 1, skipped: 0 }, Date.now() - t0);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'debrief-results-'));
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  process.once('exit', removeTmp);
  const runs = splitFiles(files, jobs).map((group, i) => {
    const results = join(tmp, `results-${i}.json`);
    const child = spawn(process.execPath, [join(root, 'scripts/lib/run-mocha.mjs'), results, String(timeoutMs), ...group], {
      cwd: root,
      stdio: i === 0 ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    return new Promise((resolve) => child.on('close', () => {
      let counts;
      try { counts = JSON.parse(readFileSync(results, 'utf8')); } catch { counts = { passed: 0, failed: 1, skipped: 0 }; out.push(Buffer.from(`the ${tier} runner crashed before reporting\n`)); }
      resolve({ counts, output: Buffer.concat(out).toString(), group });
    }));
  });
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const [i, run] of runs.entries()) {
    const r = await run;
    if (i > 0) {
      heading(`${tier} (run beside the above: ${r.group.map((f) => f.replace(/^.*\//, '')).join(', ')})`);
      process.stdout.write(r.output);
    } else if (r.output) process.stdout.write(r.output);
    for (const k of ['passed', 'failed', 'skipped']) counts[k] += r.counts[k];
    counts.failures.push(...(r.counts.failures ?? []));
  }
  removeTmp();
  process.off('exit', removeTmp);
  record(tier, counts, Date.now() - t0);
}

// Ctrl-C reaches the tiers' processes too (they stop their servers and browsers); this one ends through
// process.exit, so that its exit handlers remove its temporary folders.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => process.exit(130));

const started = Date.now();
let built = false;
function build() {
  if (built) return true;
  if (process.env.DEBRIEF_PREBUILT === '1') return (built = true);
  heading('build');
  built = sh(process.execPath, ['scripts/build.mjs', '--tests']);
  if (!built) record('build', { passed: 0, failed: 1, skipped: 0 }, 0);
  return built;
}

let provisioned;
async function provisionOnce() {
  if (provisioned) return provisioned;
  heading('provision');
  const { provision, cacheDir } = await import('./lib/provision.mjs');
  const t0 = Date.now();
  provisioned = provision({ needBrowser: true });
  console.log(`VS Code ${provisioned.codeServerDir} ready (${((Date.now() - t0) / 1000).toFixed(1)} s, cache ${cacheDir()})`);
  return provisioned;
}

async function runTier(tier) {
  if (tier === 'lint') check('lint', () => sh(bin('eslint'), ['--max-warnings=0', '.']));
  else if (tier === 'types') check('types', () => sh(bin('tsc'), ['--noEmit', '-p', '.']) && sh(bin('tsc'), ['--noEmit', '-p', 'src/webview']));
  else if (tier === 'unit') {
    if (build()) await mochaTier('unit', findFiles(join(root, 'out/test/unit'), '.test.js'), 20_000);
  } else if (tier === 'integration') {
    if (!build()) return;
    heading('integration (real VS Code extension host)');
    const t0 = Date.now();
    try {
      await provisionOnce();
      const { runIntegration } = await import('./lib/integration.mjs');
      record('integration', await runIntegration({ root, verbose }), Date.now() - t0);
    } catch (e) {
      console.error(e);
      record('integration', { passed: 0, failed: 1, skipped: 0 }, Date.now() - t0);
    }
  } else if (tier === 'web') {
    if (!build()) return;
    heading('web (web worker extension host, a virtual file system)');
    const t0 = Date.now();
    try {
      await provisionOnce();
      const { runWeb } = await import('./lib/web.mjs');
      record('web', await runWeb({ root, verbose }), Date.now() - t0);
    } catch (e) {
      console.error(e);
      record('web', { passed: 0, failed: 1, skipped: 0 }, Date.now() - t0);
    }
  } else if (tier === 'package') {
    check('package', () => sh('npm', ['run', '--silent', 'package']) && sh(process.execPath, ['scripts/check-package.mjs']));
  } else if (tier === 'ui') {
    if (!build()) return;
    try {
      await provisionOnce();
    } catch (e) {
      console.error(e);
      record('ui', { passed: 0, failed: 1, skipped: 0 }, 0);
      return;
    }
    await mochaTier('ui', findFiles(join(root, 'test/ui'), '.test.mjs'), 120_000, UI_JOBS);
  }
}


/** The second lane's tiers, in a second process (this script, with DEBRIEF_LANE set), its output kept until it ends. */
const SECOND_LANE = ['unit', 'web'];
const side = tiers.filter((t) => SECOND_LANE.includes(t));
const laned = !process.env.DEBRIEF_LANE && process.env.DEBRIEF_SERIAL !== '1' && side.length > 0 && side.length < tiers.length;
let lane;
// The build, and VS Code provisioned, once, before the lanes start (they would do it at the same time).
if (laned && side.includes('web')) await provisionOnce().catch((e) => console.error(e));
if (laned && (!side.some((t) => t === 'unit' || t === 'web') || build())) {
  const tmp = mkdtempSync(join(tmpdir(), 'debrief-lane-'));
  const file = join(tmp, 'records.json');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...side], {
    cwd: root,
    env: { ...process.env, DEBRIEF_LANE: file, DEBRIEF_PREBUILT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => out.push(d));
  lane = new Promise((resolve) => child.on('close', () => {
    let got = [];
    try { got = JSON.parse(readFileSync(file, 'utf8')); } catch { got = side.map((tier) => ({ tier, counts: { passed: 0, failed: 1, skipped: 0, failures: [{ title: `the ${tier} tier ended without reporting`, error: '' }] }, ms: 0 })); }
    rmSync(tmp, { recursive: true, force: true });
    resolve({ output: Buffer.concat(out).toString(), got });
  }));
}
for (const tier of tiers) if (!lane || !side.includes(tier)) await runTier(tier);
if (lane) {
  const { output, got } = await lane;
  heading(`${side.join(', ')} (run beside the tiers above)`);
  process.stdout.write(output);
  for (const r of got) record(r.tier, r.counts, r.ms, { quiet: true });
}
if (process.env.DEBRIEF_LANE) {
  writeFileSync(process.env.DEBRIEF_LANE, JSON.stringify(records));
  process.exit(0);
}

heading('summary');
for (const f of failures) {
  // The error's first lines: what failed and where; the whole of it is printed in the tier above.
  const head = f.error.split('\n').filter((l) => l.trim()).slice(0, 6).map((l) => `      ${l}`).join('\n');
  console.log(`  ✖ ${f.tier}: ${f.title}${head ? `\n${head}` : ''}`);
}
for (const t of ALL) for (const l of lines) if (l.tier === t || (t === 'lint' && !ALL.includes(l.tier))) console.log(`  ${l.s}`);
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
