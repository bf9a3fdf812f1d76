import * as assert from 'node:assert/strict';
import { main, CliIO } from '../../src/cli/main';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { exportInterviews } from '../../src/core/export';
import { loadJournal } from '../../src/core/journal/load';

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
  const out: string[] = [];
  const err: string[] = [];
  /** Files named on the command line (--out), outside the workspace folder. */
  const outside = new MemoryFileSystem();
  const io: CliIO = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t),
    fileSystem: (folder) => fs.at(folder),
    chosenFile: (p) => ({ fs: outside, path: p }),
    today: () => '2025-02-01',
  };
  return main(argv, io).then((code) => ({ code, out: out.join(''), err: err.join(''), outside }));
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
