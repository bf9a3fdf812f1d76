import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CliIO, main } from '../../src/cli/main';
import { MemoryFileSystem } from '../../src/core/memory-fs';

const root = join(__dirname, '..', '..', '..');
const fixture = (name: string) => new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'import', name)));

/** A workspace folder `ws` in memory (with a journal unless `empty`), and files outside it to import. */
function workspace(empty = false): MemoryFileSystem {
  return new MemoryFileSystem(empty ? { 'ws/.keep': '' } : {
    'ws/debrief/weaknesses.yaml': 'weaknesses: []\n',
    'ws/debrief/interviews/acme-backend.yaml': 'id: acme-backend\ncompany: Acme\nrole: Backend Engineer\napplied: 2025-01-06\noutcome: rejected\n',
    'ws/debrief/interviews/globex.yaml': 'id: globex\ncompany: Globex\nrole: SRE\napplied: 2025-02-10\noutcome: ghosted\nsource: referral\nfeedback:\n  requested: 2025-02-20\n  received: 2025-02-27\n  summary: "<b>Too quiet</b> & slow"\n',
    'ws/debrief/interviews/initech.yaml': 'id: initech\ncompany: Initech\nrole: QA\napplied: 2025-03-01\n',
  });
}

function run(argv: string[], fs = workspace(), inputs: Record<string, Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: CliIO = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t),
    fileSystem: (folder) => {
      const prefix = folder.replace(/^\.\/?/, '').replace(/\/$/, '');
      const at = (p: string) => (p ? `${prefix}/${p}` : prefix);
      return {
        readFile: (p) => fs.readFile(at(p)), writeFile: (p, d) => fs.writeFile(at(p), d), readDirectory: (p) => fs.readDirectory(at(p)),
        stat: (p) => fs.stat(at(p)), createDirectory: (p) => fs.createDirectory(at(p)), delete: (p) => fs.delete(at(p)),
      };
    },
    writeOutput: async (p, t) => void written.set(p, t),
    readInput: async (p) => {
      const b = inputs[p];
      if (!b) throw new Error(`ENOENT: no such file '${p}'`);
      return b;
    },
    today: () => '2026-11-25',
  };
  return main(argv, io).then((code) => ({ code, out: out.join(''), err: err.join(''), written, fs }));
}

const interviews = (fs: MemoryFileSystem) => fs.allFiles().filter((f) => f.startsWith('ws/debrief/interviews/'));

describe('cli: import', () => {
  const inputs = { 'applications.csv': fixture('applications.csv'), 'bewerbungen.csv': fixture('bewerbungen.csv'), 'huntr.csv': fixture('huntr.csv') };

  it('--dry-run prints the plan and writes nothing', async () => {
    const fs = workspace();
    const before = fs.allFiles();
    const r = await run(['import', 'applications.csv', 'ws', '--dry-run'], fs, inputs);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(fs.allFiles(), before);
    assert.match(r.out, /Dry run: nothing was written\./);
    assert.match(r.out, /New interviews that would be created \(4\):/);
    assert.match(r.out, /line 4: Acme, Backend Engineer \(2025-01-06\): same company, role and date \(2025-01-06\) as debrief\/interviews\/acme-backend\.yaml/);
    assert.match(r.out, /line 10: Frontend Engineer: no company/);
    assert.match(r.out, /\n4 new, 2 duplicate, 2 invalid, 1 skipped\n$/);
  });

  it('imports into a journal: valid files inside the folder, then a second import adds nothing', async () => {
    const fs = workspace();
    const before = interviews(fs);
    const r = await run(['import', 'applications.csv', 'ws'], fs, inputs);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /New interviews that were created \(4\):/);
    const added = interviews(fs).filter((f) => !before.includes(f));
    assert.deepEqual(added, [
      'ws/debrief/interviews/globex-platform-engineer.yaml', 'ws/debrief/interviews/initech-inc-site-reliability-engineer.yaml',
      'ws/debrief/interviews/stark-industries-engineering-manager.yaml', 'ws/debrief/interviews/umbrella-data-engineer.yaml',
    ]);
    assert.equal(fs.readText('ws/debrief/interviews/acme-backend.yaml'), 'id: acme-backend\ncompany: Acme\nrole: Backend Engineer\napplied: 2025-01-06\noutcome: rejected\n', 'nothing overwritten');
    const stark = fs.readText('ws/debrief/interviews/stark-industries-engineering-manager.yaml');
    assert.match(stark, /^# Imported from applications\.csv, line 13, on 2026-11-25\.$/m);
    assert.deepEqual(parse(stark), { id: 'stark-industries-engineering-manager', company: 'Stark Industries', role: 'Engineering Manager', applied: '2025-02-03', source: 'recruiter', stage: 'offer', outcome: 'offer', notes: 'Negotiating salary' });
    const valid = await run(['validate', 'ws'], fs);
    assert.equal(valid.code, 0, valid.out);
    const again = await run(['import', 'applications.csv', 'ws'], fs, inputs);
    assert.equal(again.code, 0);
    assert.match(again.out, /\n0 new, 6 duplicate, 2 invalid, 1 skipped\n$/);
    assert.equal(interviews(fs).length, before.length + 4);
  });

  it('starts a journal in an empty folder, with --journal, a preset and --map corrections', async () => {
    const fs = workspace(true);
    const r = await run(['import', 'huntr.csv', 'ws', '--journal', 'jobs', '--preset', 'huntr', '--map', 'link=', '--map=tags=boardName'], fs, inputs);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /preset: Huntr/);
    assert.match(r.out, /tags ← boardName/);
    const files = fs.allFiles().filter((f) => f.startsWith('ws/jobs/interviews/'));
    assert.equal(files.length, 4);
    const acme = parse(fs.readText('ws/jobs/interviews/acme-backend-developer.yaml'));
    assert.deepEqual([acme.applied, acme.outcome, acme.tags], ['2025-03-03', 'pending', ['Job', 'Search', '2025']]);
    assert.match(acme.notes, /^url: https:\/\/jobs\.example\/1$/m, 'the column --map took out of a field is kept in the notes');
    assert.doesNotMatch(acme.notes, /sam@example\.org|creatorUser/, 'the user\'s own e-mail and name are no notes');
  });

  it('says what is wrong, writes nothing and exits 2: bad file, bad preset, bad --map, unmapped role, a folder outside', async () => {
    const fs = workspace();
    const before = fs.allFiles();
    const cases: [string[], Record<string, Uint8Array>, RegExp][] = [
      [['import'], {}, /import needs the file/],
      [['import', 'missing.csv', 'ws'], {}, /cannot read missing\.csv/],
      [['import', 'book.xlsx', 'ws'], { 'book.xlsx': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) }, /book\.xlsx: The file is a zip but not an Excel workbook/],
      [['import', 'q.csv', 'ws'], { 'q.csv': new TextEncoder().encode('Company,Role\nAcme,Dev\n"Globex,SRE\n') }, /q\.csv:3:1: A quoted value starting on line 3 is never closed/],
      [['import', 'applications.csv', 'ws', '--preset', 'lever'], inputs, /no preset "lever".*generic/],
      [['import', 'applications.csv', 'ws', '--map', 'salary=Notes'], inputs, /"salary" is not a field/],
      [['import', 'applications.csv', 'ws', '--map', 'role=Gehalt'], inputs, /no column "Gehalt" for role/],
      [['import', 'applications.csv', 'ws', '--map', 'role='], inputs, /No column is mapped to role.*"Company", "Position"/],
      [['import', 'applications.csv', 'ws', '--journal', '../elsewhere'], inputs, /--journal must be a folder inside/],
      [['import', 'applications.csv', 'nowhere'], inputs, /No folder nowhere/],
      [['export', '--format', 'csv', '--dry-run', 'ws'], inputs, /--dry-run is only for import/],
      [['validate', '--from', '2025-01-01', 'ws'], inputs, /--from is only for export/],
    ];
    for (const [argv, files, message] of cases) {
      const r = await run(argv, fs, files);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, message, argv.join(' '));
    }
    assert.deepEqual(fs.allFiles(), before);
  });

  it('explains import, its presets and fields in its help', async () => {
    const r = await run(['import', '--help']);
    assert.equal(r.code, 0);
    for (const w of ['--dry-run', '--preset <name>', '--map <field>=<column>', 'huntr', 'teal', 'debrief', 'generic', 'company, role, applied']) assert.ok(r.out.includes(w), w);
    assert.match((await run(['--help'])).out, /import <file> \[folder\] \[--dry-run\]/);
  });
});

describe('cli: export filters and the printable report', () => {
  it('keeps the exports as they were without a filter, and filters them by date and outcome', async () => {
    const all = await run(['export', '--format', 'csv', 'ws']);
    assert.equal(all.out.split('\r\n').filter(Boolean).length, 4);
    const range = await run(['export', '--format', 'csv', '--from', '2025-02-01', '--to', '2025-02-28', 'ws']);
    assert.deepEqual(range.out.split('\r\n').filter(Boolean).slice(1).map((l) => l.split(',')[0]), ['globex']);
    const outcomes = await run(['export', '--format=json', '--outcome', 'rejected,pending', 'ws']);
    assert.deepEqual(JSON.parse(outcomes.out).map((r: { id: string }) => r.id), ['acme-backend', 'initech'], 'no outcome counts as pending');
  });

  it('writes the report of a range as Markdown and as a standalone HTML page', async () => {
    const md = await run(['export', '--format', 'report-md', '--from', '2025-02-01', 'ws']);
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^# Applications from 2025-02-01\n\n2 applications: 1 pending, 1 ghosted\. Generated on 2026-11-25/);
    assert.match(md.out, /\| 2025-02-10 \| Globex \| SRE \| referral \| {2}\| ghosted \| 2025\\-02\\-27: \\<b\\>Too quiet\\<\/b\\> & slow \|/);
    const html = await run(['export', '--format', 'report-html', '--from', '2025-01-01', '--to', '2025-03-31', '--out', 'report.html', 'ws']);
    assert.equal(html.code, 0, html.err);
    assert.match(html.err, /Wrote the report of 3 applications to report\.html/);
    const page = html.written.get('report.html')!;
    assert.match(page, /<title>Applications from 2025-01-01 to 2025-03-31<\/title>/);
    assert.ok(page.includes('2025-02-27: &lt;b&gt;Too quiet&lt;/b&gt; &amp; slow'), 'journal text is escaped');
    assert.ok(!/<b>/.test(page));
  });

  it('refuses bad filters', async () => {
    for (const [argv, message] of [
      [['export', '--format', 'csv', '--from', '2025-13-01', 'ws'], /--from must be a date/],
      [['export', '--format', 'csv', '--from', '2025-03-01', '--to', '2025-01-01', 'ws'], /ends \(2025-01-01\) before it starts/],
      [['export', '--format', 'csv', '--outcome', 'hired', 'ws'], /"hired" is not an outcome/],
      [['export', '--format', 'pdf', 'ws'], /use csv, md, json, report-md, report-html/],
    ] as const) {
      const r = await run([...argv]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, message);
    }
  });
});
