// `npm run test:stress`: the tiers that drive a real VS Code (integration and UI), run again and again
// on a machine kept busy on purpose, to find tests that depend on how fast the editor, the extension
// host or the browser is.
//   node scripts/stress.mjs                       5 runs of integration + ui, one busy process per core
//   node scripts/stress.mjs --runs 3 integration  only the integration tier, 3 runs
//   node scripts/stress.mjs --load 4              4 busy processes (0: no extra load)
//   node scripts/stress.mjs --concurrent 2        two runs at once, on top of the load
//   node scripts/stress.mjs --keep-going          do not stop at the first failing run
// It builds and packages once, then starts the load: processes spinning on the CPU at normal priority.
// Each run is `node scripts/test.mjs <tiers>` on that build (DEBRIEF_PREBUILT=1), its output kept in
// test-results/stress/. It ends with how many runs passed in a row; the exit code is 0 only when all did.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TIERS = ['integration', 'ui'];

function parseArgs(argv) {
  const o = { runs: 5, load: availableParallelism(), concurrent: 1, keepGoing: false, tiers: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const number = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) usage(`${a} needs a whole number, got "${argv[i] ?? ''}"`);
      return n;
    };
    if (a === '--runs') o.runs = Math.max(1, number());
    else if (a === '--load') o.load = number();
    else if (a === '--concurrent') o.concurrent = Math.max(1, number());
    else if (a === '--keep-going') o.keepGoing = true;
    else if (TIERS.includes(a)) o.tiers.push(a);
    else usage(`unknown argument "${a}"`);
  }
  if (!o.tiers.length) o.tiers = [...TIERS];
  return o;
}

function usage(problem) {
  console.error(`${problem}\nusage: node scripts/stress.mjs [--runs N] [--load N] [--concurrent N] [--keep-going] [integration] [ui]`);
  process.exit(2);
}

const o = parseArgs(process.argv.slice(2));
const cores = availableParallelism();

/** Processes that keep a core busy; killed (by pid) when this script ends, however it ends. */
const load = [];
function startLoad(n) {
  for (let i = 0; i < n; i++) {
    load.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }
}
function stopLoad() {
  for (const p of load.splice(0)) {
    try { p.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', stopLoad);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    stopLoad();
    process.exit(130);
  });
}

function step(title, cmd, args) {
  console.log(`stress: ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`stress: ${title} failed (exit ${r.status})`);
    process.exit(1);
  }
}

/** One `scripts/test.mjs` run; resolves with its counts and the lines that name failures. */
function testRun(label, logFile) {
  return new Promise((resolve) => {
    const out = createWriteStream(logFile);
    const child = spawn(process.execPath, [join(root, 'scripts', 'test.mjs'), ...o.tiers], {
      cwd: root,
      env: { ...process.env, DEBRIEF_PREBUILT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const t0 = Date.now();
    child.on('close', (code) => {
      out.end(() => {
        const text = readFileSync(logFile, 'utf8');
        const summary = [...text.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
        const passed = summary ? Number(summary[1]) : 0;
        const failed = summary ? Number(summary[2]) : 1;
        // A failed test and the first line of its error (the integration tier's ✖, mocha's numbered list).
        const lines = text.split('\n');
        const failures = lines.flatMap((l, k) => (/^\s*(✖|\d+\) )/.test(l) ? [l.trim(), (lines.slice(k + 1).find((n) => n.trim()) ?? '').trim()] : []));
        resolve({ label, logFile, ok: code === 0 && failed === 0 && passed > 0, passed, failed, failures, seconds: (Date.now() - t0) / 1000 });
      });
    });
  });
}

const logDir = join(root, 'test-results', 'stress');
mkdirSync(logDir, { recursive: true });

// Build once, before the load: the package first (it leaves a production bundle in dist/), then the
// development build with the tests, which the integration tier needs (test mode).
mkdirSync(join(root, 'out'), { recursive: true });
if (o.tiers.includes('ui')) step('packaging out/debrief.vsix', 'npm', ['run', '--silent', 'package']);
step('building the extension and the tests', process.execPath, [join(root, 'scripts', 'build.mjs'), '--tests']);

startLoad(o.load);
console.log(`stress: ${o.runs} run(s) of ${o.tiers.join(' + ')}, ${o.concurrent} at a time, with ${o.load} busy process(es) on ${cores} core(s); logs in ${logDir}`);

let inARow = 0;
let passedRuns = 0;
let failedRuns = 0;
const started = Date.now();
for (let i = 1; i <= o.runs; i++) {
  const runs = [];
  for (let j = 1; j <= o.concurrent; j++) {
    const label = o.concurrent > 1 ? `run ${i}.${j}` : `run ${i}`;
    runs.push(testRun(label, join(logDir, `${label.replace(/\W+/g, '-')}.log`)));
  }
  const results = await Promise.all(runs);
  let allOk = true;
  for (const r of results) {
    console.log(`stress: ${r.label}: ${r.ok ? 'passed' : 'FAILED'}, ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(0)} s, load average ${loadavg()[0].toFixed(1)})${r.ok ? '' : `; log ${r.logFile}`}`);
    for (const f of r.failures) console.log(`    ${f}`);
    if (r.ok) passedRuns++;
    else failedRuns++;
    allOk &&= r.ok;
  }
  inARow = allOk ? inARow + results.length : 0;
  if (!allOk && !o.keepGoing) break;
}
stopLoad();
const total = passedRuns + failedRuns;
console.log(`stress: ${passedRuns} of ${total} stressed run(s) passed, the last ${inARow} in a row (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
process.exit(failedRuns === 0 && total === o.runs * o.concurrent ? 0 : 1);
