import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { exportInterviews } from '../../src/core/export';
import { loadJournal } from '../../src/core/journal/load';
import { briefMarkdown } from '../../src/core/brief/markdown';
import { prepareBrief } from '../../src/core/brief/prepare';
import { runCli } from './lib/cli';

function journal(): MemoryFileSystem {
  return new MemoryFileSystem({
    'ws/debrief/weaknesses.yaml': 'weaknesses:\n  - id: thinking-aloud\n    title: Silent\n    improvements:\n      - id: mock\n        action: Mocks\n        status: done\n        done: 2025-01-15\n        notes: [notes/t.md]\n',
    'ws/debrief/interviews/acme.yaml': 'id: acme\ncompany: "Acme, Inc."\nrole: "=Backend"\napplied: 2025-01-02\noutcome: rejected\nrounds:\n  - type: recruiter\n    date: 2025-01-05\n  - type: coding\n    date: 2025-01-20\nfeedback:\n  requested: 2025-01-21\n  received: 2025-01-25\nweaknesses:\n  - weakness: thinking-aloud\n    round: 2\n',
    'ws/debrief/interviews/globex.yaml': 'id: globex\ncompany: Globex\nrole: SRE\napplied: 2025-01-10\noutcome: pendin\n',
    'ws/notes/t.md': '# t',
    'ws/other/debrief-alt/weaknesses.yaml': 'weaknesses: []\n',
  });
}

function run(argv: string[], fs = journal()) {
  return runCli(argv, fs, { today: '2025-02-01' });
}

describe('cli', () => {
  it('validate prints file:line:col problems and exits 1 on errors', async () => {
    const r = await run(['validate', 'ws']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^debrief\/interviews\/globex\.yaml:5:10: error: "pendin" is not a valid outcome\. Did you mean "pending"\?.* \[bad-enum\]$/m);
    assert.match(r.out, /3 files checked: 1 error, 0 warnings, 0 info\.\n$/);
  });

  it('validate exits 0 when there are only warnings or nothing', async () => {
    const fs = journal();
    fs.writeFileSync('ws/debrief/interviews/globex.yaml', 'id: globex\ncompany: Globex\nrole: SRE\n');
    const r = await run(['validate', 'ws'], fs);
    assert.equal(r.code, 0);
    assert.match(r.out, /0 errors/);
  });

  it('validate honours --journal', async () => {
    const r = await run(['validate', '--journal', 'debrief-alt', 'ws/other']);
    assert.equal(r.code, 0);
    assert.match(r.out, /1 file checked: 0 errors/);
  });

  it('stats prints outcomes, feedback and weaknesses', async () => {
    const r = await run(['stats', 'ws']);
    assert.equal(r.code, 0);
    assert.match(r.out, /Interviews: 2/);
    assert.match(r.out, /Feedback: asked 1, answered 1 \(100%\), median reply 4 days/);
    assert.match(r.out, /Furthest stage: applied 1, coding 1/);
    assert.match(r.out, /thinking-aloud: hypothesis, 1 sighting in 1 interview, last 2025-01-20; seen once: too early to tell/);
    assert.match(r.out, /Still showing up since the work was done \(15 Jan\): in 1 of 1 interview since, against 0 of 1 interview before/);
    const j = await run(['stats', '--json', '--today', '2025-03-01', 'ws']);
    assert.equal(JSON.parse(j.out).today, '2025-03-01');
  });

  it('export writes csv, md and json', async () => {
    const csv = await run(['export', '--format', 'csv', 'ws']);
    assert.equal(csv.code, 0);
    const lines = csv.out.split('\r\n');
    assert.equal(lines[0], 'id,company,role,applied,source,stage,outcome,rounds,feedback requested,feedback received,weaknesses,tags,file');
    assert.ok(lines[1].startsWith('acme,"Acme, Inc.",\'=Backend,2025-01-02,,,rejected,recruiter 2025-01-05 → coding 2025-01-20,'));
    const md = await run(['export', '--format=md', 'ws']);
    assert.match(md.out, /^\| Id \| Company/);
    const json = await run(['export', '-f', 'json', 'ws', '--out', 'x.json']);
    assert.equal(json.out, '');
    assert.deepEqual(JSON.parse(json.outside.readText('x.json')).map((r: { id: string }) => r.id), ['acme', 'globex']);
  });

  it('prints help and exits 2 on bad usage', async () => {
    assert.match((await run(['--help'])).out, /Usage: debrief <command>/);
    assert.match((await run(['export', '--help'])).out, /--format csv\|md\|json/);
    for (const argv of [[], ['frobnicate'], ['export', 'ws'], ['export', '--format', 'xml', 'ws'], ['validate', '--bogus'], ['validate', 'a', 'b'], ['validate', '--journal'], ['validate', 'nowhere'], ['stats', '--today', 'soon', 'ws']]) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.ok(r.err.startsWith('debrief: '), argv.join(' '));
    }
  });

  it('exports escape Markdown table cells', async () => {
    const fs = new MemoryFileSystem({ 'debrief/interviews/a.yaml': 'id: a\ncompany: "A|B"\nrole: "x\\ny"\n' });
    const md = exportInterviews(await loadJournal(fs, 'debrief'), 'md');
    assert.ok(md.includes('| a | A\\|B | x y |'));
  });
});

describe('cli: export escapes what it takes from the journal', () => {
  const hostile = () => new MemoryFileSystem({
    'ws/debrief/interviews/a.yaml': 'id: a\ncompany: "Evil\\e[2J\\e]8;;https://x.example\\aCo\\u202e"\nrole: "<img src=x onerror=alert(1)> [link](javascript:alert(1)) **b**"\napplied: 2025-01-02\n',
  });

  it('a Markdown table holds the text as written, never markup, a link or HTML', async () => {
    const md = exportInterviews(await loadJournal(hostile().at('ws'), 'debrief'), 'md');
    const row = md.split('\n')[2];
    assert.ok(row.includes('\\<img src=x onerror=alert(1)\\> \\[link\\](javascript:alert(1)) \\*\\*b\\*\\*'), row);
    assert.ok(!/<img|\]\(javascript/.test(row.replace(/\\./g, '')), 'no tag or link survives unescaped');
  });

  it('standard output carries no escape sequence or hidden character, in every format, and keeps its line ends', async () => {
    for (const format of ['csv', 'md', 'json', 'report-md', 'report-html']) {
      const r = await run(['export', '--format', format, 'ws'], hostile());
      assert.equal(r.code, 0, `${format}: ${r.err}`);
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e]/.test(r.out), `${format}: ${JSON.stringify(r.out)}`);
      assert.match(r.out, /\\u001b/, `${format}: the escape shown as text`);
    }
    const csv = await run(['export', '--format', 'csv', 'ws'], hostile());
    assert.equal(csv.out.split('\r\n').length, 3, 'CSV records end in CRLF as before');
    const md = await run(['export', '--format', 'md', 'ws'], hostile());
    assert.ok(!md.out.includes('\r'), 'Markdown lines end in LF');
  });
});

describe('cli: prepare', () => {
  it('prints the brief of an interview as the core writes it, its notes read from the folder', async () => {
    const r = await run(['prepare', 'acme', 'ws', '--round', 'coding']);
    assert.equal(r.code, 0, r.err);
    const fs = journal();
    const ws = { ...fs, readFile: (p: string) => fs.readFile(`ws/${p}`), stat: (p: string) => fs.stat(`ws/${p}`), readDirectory: (p: string) => fs.readDirectory(`ws/${p}`) } as unknown as MemoryFileSystem;
    const index = await loadJournal(ws, 'debrief');
    assert.equal(r.out, briefMarkdown(await prepareBrief(index, ws, index.interview('acme')!, '2025-02-01', { roundType: 'coding' })));
    assert.match(r.out, /^# Brief: Acme, Inc\., =Backend\n\nPrepared 1 Feb for the coding round\./, 'journal text escaped for Markdown');
    // The coding round of 20 Jan (12 days ago: 1) × same kind 1 × this application 2: the one likely weakness.
    assert.match(r.out, /\n1\. \*\*Silent\*\*: Surfaced in your last coding round; came up earlier in this application, in the coding round \(20 Jan\)\.\n/);
    assert.match(r.out, /\n- notes\/t\.md: t\. For: Silent\.\n/);
    const json = await run(['prepare', 'acme', 'ws', '--round', 'coding', '--json']);
    assert.deepEqual(JSON.parse(json.out).likely.weaknesses.map((w: { id: string; score: number }) => [w.id, w.score]), [['thinking-aloud', 2]]);
  });

  it('prepares the next interview, and says which id was meant or what is wrong', async () => {
    const next = await run(['prepare', 'next', 'ws']);
    assert.equal(next.code, 0, next.err);
    assert.match(next.out, /^# Brief: Globex, SRE\n/, 'the open application first');
    const typo = await run(['prepare', 'acm', 'ws']);
    assert.equal(typo.code, 2);
    assert.match(typo.err, /^debrief: No interview "acm" in the journal\. Did you mean "acme"\?/);
    for (const argv of [['prepare'], ['prepare', 'acme', 'ws', '--round', 'lunch'], ['prepare', 'acme', 'nowhere'], ['stats', 'ws', '--round', 'coding']]) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.ok(r.err.startsWith('debrief: '), argv.join(' '));
    }
    assert.match((await run(['prepare', '--help'])).out, /Usage: debrief prepare <interview-id>\|next/);
  });

  it('prints what the journal holds on one line each, control characters escaped', async () => {
    const fs = journal();
    fs.writeFileSync('ws/debrief/interviews/acme.yaml', 'id: acme\ncompany: "Acme\\u001b[2J"\nrole: Dev\nrounds:\n  - type: coding\n    date: 2025-01-20\n    went-well: "ok\\u0007 <script>"\n');
    const r = await run(['prepare', 'acme', 'ws', '--round', 'coding'], fs);
    assert.equal(r.code, 0, r.err);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(r.out), 'no control character reaches the terminal');
    assert.match(r.out, /Acme\\u001b\\\[2J/);
    assert.match(r.out, /ok\\u0007 \\<script\\>/);
  });
});
