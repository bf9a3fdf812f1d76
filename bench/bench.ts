/**
 * Benchmark of the journal core. Run: node scripts/build.mjs --bench && node --expose-gc out/bench/bench.js
 * Writes bench/results.json and the results table in BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as jsYaml from 'js-yaml';
import { parse as yamlParse } from 'yaml';
import { NodeFileSystem } from '../src/adapters/node-fs';
import { generateJournal, Journal } from './generate';
import { HOSTILE_SHAPES, HostileShape } from './hostile';
import { setOutcome } from '../src/core/edits/interview';
import { setWeaknessStatus } from '../src/core/edits/weaknesses';
import { readInterview } from '../src/core/read/interview';
import { readWeaknesses } from '../src/core/read/weaknesses';
import { JournalIndex } from '../src/core/journal/journal-index';
import { loadJournal } from '../src/core/journal/load';
import { journalStats } from '../src/core/stats';

const gc = (globalThis as { gc?: () => void }).gc;
let peakRss = 0;
function sampleRss(): number {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
  return rss;
}
const sampler = setInterval(sampleRss, 5);

/**
 * CPU time of this process (user and system, all its threads), in milliseconds. The machine the
 * benchmark runs on is shared: other work inflates wall-clock time several times over, but not the
 * CPU time this process itself spends.
 */
function now(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function best(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t = now();
    fn();
    times.push(now() - t);
  }
  return median(times);
}

function buildIndex(j: Journal): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  index.updateMany(j.files);
  index.setNoteExists(j.notes);
  index.problemsByFile();
  return index;
}

function incremental(index: JournalIndex, j: Journal, runs: number): number {
  const paths = [...j.files.keys()].filter((p) => p.includes('/interviews/'));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const p = paths[(i * 7919) % paths.length];
    const original = j.files.get(p) as string;
    // Alternate between two realistic edits: change the outcome, and cite another weakness.
    const changed = i % 2 === 0
      ? original.replace(/^outcome: .*$/m, 'outcome: rejected')
      : original + `notes2: x\n`.replace('notes2: x\n', '') + (original.includes('\nweaknesses:\n') ? '' : 'weaknesses:\n') + `  - weakness: ${j.weaknessIds[i % j.weaknessIds.length]}\n`;
    const t = now();
    index.update(p, changed);
    index.problemsByFile();
    index.takeChangedProblemFiles();
    times.push(now() - t);
    index.update(p, original);
    index.problemsByFile();
  }
  return median(times);
}

// ---------- hostile shapes ----------

/** The reader past its size limit, to measure how reading scales (journal files are read up to 1 MB). */
const PAST_SIZE = { limits: { fileBytes: 64 * 1024 * 1024 } };

function readShape(shape: Pick<HostileShape, 'kind'>, text: string) {
  return shape.kind === 'interview' ? readInterview('debrief/interviews/acme.yaml', text, PAST_SIZE) : readWeaknesses('debrief/weaknesses.yaml', text, PAST_SIZE);
}

function editShape(shape: Pick<HostileShape, 'kind'>, text: string) {
  return shape.kind === 'interview' ? setOutcome(text, 'rejected') : setWeaknessStatus(text, 'w-0', 'improving');
}

/** The fastest of a few runs after one warm-up, each after a forced full collection (the machine's background load only ever adds). */
function fastest(runs: number, fn: () => void): number {
  fn();
  let bestMs = Infinity;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t = now();
    fn();
    bestMs = Math.min(bestMs, now() - t);
  }
  return bestMs;
}

/**
 * The mean CPU time of runs in a row after four warm-up runs, as when a file being edited is read again after
 * each change: the collections the runs cause are counted in, as they come, and nothing is forced. At
 * least `runs` runs, and as many more as fill a quarter of a second (at most 200), so that a read of a
 * few milliseconds is averaged over the collections it causes rather than caught with or without one.
 * (A forced full collection between two reads, when nothing of the first is alive any more, makes V8
 * throw away the optimized code of the reader and of `yaml`: the next read then pays for compiling it
 * again on V8's helper threads, which `fastest` measures.)
 */
function inARow(runs: number, fn: () => void): number {
  // Warm, as a file read again after each change is: the first reads of it still run code V8 has not
  // optimized yet (measured on stray-lines at 1 MB: about 500, 250, 200, 170 and 150 ms, then 70 to 190).
  for (let i = 0; i < 4; i++) fn();
  const t = now();
  let n = 0;
  while (n < runs || (now() - t < 250 && n < 200)) {
    fn();
    n++;
  }
  return (now() - t) / n;
}

const MB = 1024 * 1024;

/** The cases of the issue, at their sizes, measured before the limits and after. */
const ISSUE_CASES: { name: string; text: () => string }[] = [
  { name: '34 flow mappings nested as keys (109 bytes)', text: () => `id: flow-keys\ncompany: A\nrole: B\nnotes: ${'{'.repeat(34)}${'}'.repeat(34)}\n` },
  { name: '16,000 unknown keys (150 KB)', text: () => 'id: acme\ncompany: A\nrole: B\n' + Array.from({ length: 16000 }, (_, i) => `k${i}: v\n`).join('') },
  { name: '50,000 unknown keys (490 KB)', text: () => 'id: acme\ncompany: A\nrole: B\n' + Array.from({ length: 50000 }, (_, i) => `key${i}: v\n`).join('') },
];

/**
 * Child-process mode: one shape in a fresh process, as an extension host reading one file would: the peak
 * RSS of the first read above the RSS before it (the text already in memory), then the fastest of a few
 * reads and of a few edits.
 */
function hostileChild(kind: 'interview' | 'weaknesses', file: string, runs: number): void {
  clearInterval(sampler);
  const text = fs.readFileSync(file, 'utf8');
  gc?.();
  gc?.();
  const before = process.memoryUsage().rss;
  const t0 = now();
  const r = readShape({ kind }, text);
  const firstMs = now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  const ms = inARow(runs, () => void readShape({ kind }, text));
  const afterGcMs = fastest(runs, () => void readShape({ kind }, text));
  const editMs = fastest(runs, () => void editShape({ kind }, text));
  process.stdout.write(JSON.stringify({ peak_mb: Math.max(0, peak - before) / MB, first_ms: firstMs, ms, after_gc_ms: afterGcMs, edit_ms: editMs, problems: r.problems.length }));
}

function inChild(kind: 'interview' | 'weaknesses', text: string, runs: number): { peak_mb: number; first_ms: number; ms: number; after_gc_ms: number; edit_ms: number } {
  const file = path.join(os.tmpdir(), `debrief-hostile-${process.pid}.yaml`);
  fs.writeFileSync(file, text);
  try {
    return JSON.parse(execFileSync(process.execPath, ['--expose-gc', __filename, '--hostile', kind, file, String(runs)], { encoding: 'utf8' })) as { peak_mb: number; first_ms: number; ms: number; after_gc_ms: number; edit_ms: number };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

interface HostileRow {
  shape: string;
  what: string;
  outcome: string;
  ms_1mb: number;
  /** The fastest read after a forced full collection (see inARow). */
  ms_1mb_after_gc: number;
  /** The first read, in a fresh process (nothing compiled yet). */
  ms_1mb_first: number;
  mb_1mb: number;
  ms_4mb: number;
  mb_4mb: number;
  ratio_4mb_vs_1mb: number;
  edit_ms_1mb: number;
}

function outcomeOf(problems: readonly { code: string; data?: Record<string, unknown> }[], read: boolean): string {
  const over = problems.find((p) => p.code === 'over-limit');
  if (over) return `limit: ${String(over.data?.limit)}`;
  return read ? `read${problems.length ? `, ${problems.length} problem${problems.length === 1 ? '' : 's'}` : ''}` : problems[0]?.code ?? 'not read';
}

function hostileBench(): { rows: HostileRow[]; issue: { name: string; bytes: number; ms: number; mb: number; outcome: string }[] } {
  const rows: HostileRow[] = [];
  for (const shape of HOSTILE_SHAPES) {
    const t1 = shape.make(MB);
    const t4 = shape.make(4 * MB);
    const r1 = readShape(shape, t1);
    const m1 = inChild(shape.kind, t1, 5);
    const m4 = inChild(shape.kind, t4, 3);
    const row: HostileRow = {
      shape: shape.name, what: shape.what, outcome: outcomeOf(r1.problems, r1.value !== undefined),
      ms_1mb: +m1.ms.toFixed(1), ms_1mb_after_gc: +m1.after_gc_ms.toFixed(1), ms_1mb_first: +m1.first_ms.toFixed(1), mb_1mb: +m1.peak_mb.toFixed(1), ms_4mb: +m4.ms.toFixed(1), mb_4mb: +m4.peak_mb.toFixed(1),
      ratio_4mb_vs_1mb: +(m4.ms / Math.max(m1.ms, 0.05)).toFixed(2), edit_ms_1mb: +m1.edit_ms.toFixed(1),
    };
    rows.push(row);
    console.log(`hostile ${shape.name}`, row.outcome, row.ms_1mb, 'ms (first read', row.ms_1mb_first, 'ms; after a full collection', row.ms_1mb_after_gc, 'ms)', row.mb_1mb, 'MB; 4 MB:', row.ms_4mb, 'ms', row.mb_4mb, 'MB; edit', row.edit_ms_1mb, 'ms');
  }
  const issue = ISSUE_CASES.map((c) => {
    const text = c.text();
    const r = readInterview('debrief/interviews/acme.yaml', text);
    const m = inChild('interview', text, 5);
    return { name: c.name, bytes: text.length, ms: +m.ms.toFixed(1), mb: +m.peak_mb.toFixed(1), outcome: outcomeOf(r.problems, r.value !== undefined) };
  });
  return { rows, issue };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown', cores: cpus.length, memory_gb: Math.round(os.totalmem() / 1073741824 * 10) / 10,
    node: process.version, platform: `${os.platform()} ${os.arch()}`,
  };
}

/** Child-process mode: only the 10k index, so peak RSS is not inflated by the timing runs. */
function memoryOnly(dir: string): void {
  // The child reads the 10k journal from disk with loadJournal, as the CLI and the extension do,
  // so peak RSS is what indexing costs (not the generator's garbage).
  gc?.();
  const baseline = sampleRss();
  void loadJournal(new NodeFileSystem(dir), 'debrief').then((index) => {
    index.problemsByFile();
    journalStats(index, '2025-06-30');
    sampleRss();
    gc?.();
    const retained = sampleRss();
    clearInterval(sampler);
    process.stdout.write(JSON.stringify({ baseline_mb: baseline / 1048576, retained_mb: retained / 1048576, peak_mb: peakRss / 1048576, heap_used_mb: process.memoryUsage().heapUsed / 1048576, interviews: index.interviews().length }));
  });
}

function writeJournal(j: Journal): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'debrief-bench-'));
  for (const [p, t] of [...j.files, ...[...j.notes].map((n): [string, string] => [n, '# note\n'])]) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), t);
  }
  return dir;
}

function main(): void {
  const results: Record<string, unknown> = { machine: machine(), date: new Date().toISOString(), load_average_1min_at_start: +os.loadavg()[0].toFixed(1), timing: 'cpu time of the process (user + system)' };
  const sizes = [1000, 10000];
  const journals = new Map<number, Journal>();
  for (const n of sizes) journals.set(n, generateJournal(n));
  // Warm up every code path on the small journal.
  const warm = journals.get(1000) as Journal;
  for (let i = 0; i < 2; i++) {
    buildIndex(warm);
    for (const t of warm.files.values()) yamlParse(t);
    for (const t of warm.files.values()) jsYaml.load(t);
  }
  for (const n of sizes) {
    const j = journals.get(n) as Journal;
    const texts = [...j.files.values()];
    const runs = n >= 10000 ? 4 : 6;
    // Interleaved runs, fastest of each: the machine's background load hits all three alike.
    const times = { index: [] as number[], yaml: [] as number[], js: [] as number[] };
    for (let i = 0; i < runs; i++) {
      times.index.push(best(1, () => void buildIndex(j)));
      times.yaml.push(best(1, () => { for (const t of texts) yamlParse(t); }));
      times.js.push(best(1, () => { for (const t of texts) jsYaml.load(t); }));
    }
    const indexMs = Math.min(...times.index);
    const yamlMs = Math.min(...times.yaml);
    const jsYamlMs = Math.min(...times.js);
    const index = buildIndex(j);
    const incMs = incremental(index, j, 301);
    const mb = j.totalBytes / 1048576;
    results[`n${n}`] = {
      files: j.files.size, bytes: j.totalBytes, problems: index.problems().length,
      index_ms: +indexMs.toFixed(1), yaml_parse_ms: +yamlMs.toFixed(1), js_yaml_ms: +jsYamlMs.toFixed(1),
      index_mb_per_s: +(mb / (indexMs / 1000)).toFixed(2), yaml_parse_mb_per_s: +(mb / (yamlMs / 1000)).toFixed(2), js_yaml_mb_per_s: +(mb / (jsYamlMs / 1000)).toFixed(2),
      incremental_ms: +incMs.toFixed(3),
    };
    console.log(`n=${n}`, results[`n${n}`]);
  }
  // Peak memory with the 10k index alive, in a fresh process (the journal texts are held too, as an editor would).
  clearInterval(sampler);
  const dir = writeJournal(journals.get(10000) as Journal);
  let mem: Record<string, number>;
  try {
    mem = JSON.parse(execFileSync(process.execPath, ['--expose-gc', __filename, '--memory', dir], { encoding: 'utf8' })) as Record<string, number>;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  results.memory_10k = Object.fromEntries(Object.entries(mem).map(([k, v]) => [k, +v.toFixed(1)]));
  const r1 = results.n1000 as Record<string, number>;
  const r10 = results.n10000 as Record<string, number>;
  results.index_vs_yaml_parse = +(r10.index_ms / r10.yaml_parse_ms).toFixed(3);
  results.index_vs_js_yaml = +(r10.index_ms / r10.js_yaml_ms).toFixed(3);
  results.index_vs_yaml_parse_1k = +(r1.index_ms / r1.yaml_parse_ms).toFixed(3);
  results.incremental_ms_1k = r1.incremental_ms;
  results.incremental_ms_10k = r10.incremental_ms;
  results.incremental_10k_vs_1k = +(r10.incremental_ms / r1.incremental_ms).toFixed(3);
  results.peak_rss_mb_10k = +mem.peak_mb.toFixed(1);
  results.retained_rss_mb_10k = +mem.retained_mb.toFixed(1);
  results.gc_exposed = gc !== undefined;
  const hostile = hostileBench();
  results.hostile = hostile.rows;
  results.hostile_issue_cases = hostile.issue;
  // The worst shape's figures: the slowest and the hungriest at 1 MB, and the largest growth from 1 MB to 4 MB.
  // A shape read in well under a millisecond is left out of the growth (a ratio of timer noise).
  const worstMs = hostile.rows.reduce((a, b) => (b.ms_1mb > a.ms_1mb ? b : a));
  const worstMb = hostile.rows.reduce((a, b) => (b.mb_1mb > a.mb_1mb ? b : a));
  const grown = hostile.rows.filter((r) => r.ms_1mb >= 1).reduce((a, b) => (b.ratio_4mb_vs_1mb > a.ratio_4mb_vs_1mb ? b : a));
  results.hostile_max_ms_1mb = worstMs.ms_1mb;
  results.hostile_max_ms_1mb_shape = worstMs.shape;
  const worstAfterGc = hostile.rows.reduce((a, b) => (b.ms_1mb_after_gc > a.ms_1mb_after_gc ? b : a));
  results.hostile_max_ms_1mb_after_gc = worstAfterGc.ms_1mb_after_gc;
  results.hostile_max_ms_1mb_after_gc_shape = worstAfterGc.shape;
  results.hostile_max_mb_1mb = worstMb.mb_1mb;
  results.hostile_max_mb_1mb_shape = worstMb.shape;
  results.hostile_4mb_vs_1mb = grown.ratio_4mb_vs_1mb;
  results.hostile_4mb_vs_1mb_shape = grown.shape;
  results.targets = {
    index_within_1_5x_yaml_parse: (results.index_vs_yaml_parse as number) <= 1.5,
    index_within_3x_js_yaml: (results.index_vs_js_yaml as number) <= 3,
    incremental_10k_vs_1k_within_1_5x: (results.incremental_10k_vs_1k as number) <= 1.5,
    incremental_under_16ms: r10.incremental_ms < 16,
    peak_rss_under_150mb: (results.peak_rss_mb_10k as number) < 150,
    hostile_under_200ms_1mb: worstMs.ms_1mb < 200,
    hostile_under_100mb_1mb: worstMb.mb_1mb < 100,
    hostile_4mb_within_about_4x: grown.ratio_4mb_vs_1mb <= 4.5,
  };
  const root = path.resolve(__dirname, '..', '..');
  const resultsFile = path.join(root, 'bench', 'results.json');
  // The editor benchmark (bench/editor.mjs) and the web one (bench/web.mjs) keep their figures in the same
  // file, under editor* and web* keys: keep them.
  const previous = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
  const editor = Object.fromEntries(Object.entries(previous).filter(([key]) => key.startsWith('editor') || key.startsWith('web')));
  fs.writeFileSync(resultsFile, JSON.stringify({ ...results, ...editor }, null, 2) + '\n');
  writeMarkdown(path.join(root, 'BENCHMARKS.md'), results);
  console.log(JSON.stringify({ ...results, n1000: undefined, n10000: undefined, hostile: undefined }, null, 2));
}

function writeMarkdown(file: string, r: Record<string, unknown>): void {
  const m = r.machine as Record<string, unknown>;
  const n1 = r.n1000 as Record<string, number>;
  const n10 = r.n10000 as Record<string, number>;
  const t = r.targets as Record<string, boolean>;
  const ok = (b: boolean) => (b ? 'met' : '**not met**');
  const table = `<!-- bench:start -->
Measured ${String(r.date).slice(0, 10)} on ${String(m.cpu)} (${String(m.cores)} cores, ${String(m.memory_gb)} GB, ${String(m.platform)}), Node ${String(m.node)}.
Times are CPU time of the benchmark process (user and system, all its threads), which the machine's other work
does not inflate as it does wall-clock time (load average ${String(r.load_average_1min_at_start)} when this run started).

| | 1,000 interviews | 10,000 interviews |
| --- | ---: | ---: |
| Journal size | ${(n1.bytes / 1048576).toFixed(1)} MB, ${n1.files} files | ${(n10.bytes / 1048576).toFixed(1)} MB, ${n10.files} files |
| Full index (read + validate + cross-file problems) | ${n1.index_ms} ms (${n1.index_mb_per_s} MB/s) | ${n10.index_ms} ms (${n10.index_mb_per_s} MB/s) |
| \`yaml\` parse of the same texts (floor) | ${n1.yaml_parse_ms} ms (${n1.yaml_parse_mb_per_s} MB/s) | ${n10.yaml_parse_ms} ms (${n10.yaml_parse_mb_per_s} MB/s) |
| \`js-yaml\` load of the same texts (peer) | ${n1.js_yaml_ms} ms (${n1.js_yaml_mb_per_s} MB/s) | ${n10.js_yaml_ms} ms (${n10.js_yaml_mb_per_s} MB/s) |
| One changed file re-indexed, with cross-file problems (median of 301) | ${n1.incremental_ms} ms | ${n10.incremental_ms} ms |

| Target | Result | Status |
| --- | --- | --- |
| Full index within 1.5× of plain \`yaml\` parse | ${String(r.index_vs_yaml_parse)}× at 10k (${String(r.index_vs_yaml_parse_1k)}× at 1k); ${String(r.index_vs_js_yaml)}× of js-yaml | ${ok(t.index_within_1_5x_yaml_parse)} |
| Full index of 10k within 3× of \`js-yaml\` on the same bytes (issue 13) | ${String(r.index_vs_js_yaml)}× | ${ok(t.index_within_3x_js_yaml)} |
| One-file update: 10k vs 1k within 1.5× | ${String(r.incremental_10k_vs_1k)}× | ${ok(t.incremental_10k_vs_1k_within_1_5x)} |
| One-file update under 16 ms at 10k | ${n10.incremental_ms} ms | ${ok(t.incremental_under_16ms)} |
| Peak RSS under 150 MB at 10,000 interviews | ${String(r.peak_rss_mb_10k)} MB (fresh process reading the 10k journal from disk with loadJournal; ${String(r.retained_rss_mb_10k)} MB after GC) | ${ok(t.peak_rss_under_150mb)} |
| Every hostile shape under 200 ms at 1 MB (read again, as while editing) | ${String(r.hostile_max_ms_1mb)} ms at most (${String(r.hostile_max_ms_1mb_shape)}); after a full collection ${String(r.hostile_max_ms_1mb_after_gc)} ms at most (${String(r.hostile_max_ms_1mb_after_gc_shape)}) | ${ok(t.hostile_under_200ms_1mb)} |
| Every hostile shape under 100 MB at 1 MB | ${String(r.hostile_max_mb_1mb)} MB at most (${String(r.hostile_max_mb_1mb_shape)}) | ${ok(t.hostile_under_100mb_1mb)} |
| 4 MB at most about 4× the 1 MB time | ${String(r.hostile_4mb_vs_1mb)}× at most (${String(r.hostile_4mb_vs_1mb_shape)}) | ${ok(t.hostile_4mb_within_about_4x)} |

### Hostile shapes

Each shape in a fresh process, as an extension host reading one file: memory is the peak RSS of the first read
above the RSS before it (the text already in memory). Time is that of the reader (\`readInterview\` or
\`readWeaknesses\`) reading the file again, as after each change while it is edited: the mean of reads in a row
after four more, at least 5 (3 at 4 MB) and as many as fill a quarter of a second, collections counted in as they
come. "First read" is the first, in a fresh process, with nothing compiled yet. "After a full collection" is the fastest
of 5 reads each made just after a forced full collection, as when the editor has sat idle long enough for V8
to collect everything: V8 then throws away the optimized code of the reader and of \`yaml\` (nothing of the
last read is alive to keep it), and the read pays for compiling it again, mostly on V8's helper threads. At
4 MB the reader is called past its 1 MB size limit, to measure how it scales. "Edit" is the fastest of as many
edits of the file (\`setOutcome\`, or \`setWeaknessStatus\`), refused or made, each after a full collection.

| Shape | Outcome at 1 MB | 1 MB | 1 MB, first read | 1 MB, after a full collection | 1 MB memory | 4 MB | 4 MB memory | 4 MB / 1 MB | Edit at 1 MB |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${(r.hostile as HostileRow[]).map((h) => `| \`${h.shape}\` | ${h.outcome} | ${h.ms_1mb} ms | ${h.ms_1mb_first} ms | ${h.ms_1mb_after_gc} ms | ${h.mb_1mb} MB | ${h.ms_4mb} ms | ${h.mb_4mb} MB | ${h.ratio_4mb_vs_1mb}× | ${h.edit_ms_1mb} ms |`).join('\n')}

The cases of the issue, at their own sizes:

| Case | Outcome | Time | Memory |
| --- | --- | ---: | ---: |
${(r.hostile_issue_cases as { name: string; ms: number; mb: number; outcome: string }[]).map((c) => `| ${c.name} | ${c.outcome} | ${c.ms} ms | ${c.mb} MB |`).join('\n')}
<!-- bench:end -->`;
  let md = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (md.includes('<!-- bench:start -->')) md = md.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, table);
  else md = `# Benchmarks\n\nRun \`npm run bench\` (or \`node scripts/build.mjs --bench && node --expose-gc out/bench/bench.js\`). The numbers below are rewritten by each run.\n\n${table}\n`;
  fs.writeFileSync(file, md);
}

const memoryArg = process.argv.indexOf('--memory');
const hostileArg = process.argv.indexOf('--hostile');
if (memoryArg >= 0) memoryOnly(process.argv[memoryArg + 1]);
else if (hostileArg >= 0) hostileChild(process.argv[hostileArg + 1] as 'interview' | 'weaknesses', process.argv[hostileArg + 2], Number(process.argv[hostileArg + 3]));
else main();
