import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main } from '../../src/cli/main';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { runCli } from './lib/cli';

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
  return runCli(argv, fs, { today: '2026-11-25', inputs });
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
      [['import', 'missing.csv', 'ws'], {}, /cannot import missing\.csv:1:1: error: There is no such file\. \[missing-file\]/],
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
    for (const w of ['--dry-run', '--preset <name>', '--sheet <name>', '--map <field>=<column>', '--status "<word>=<outcome>"', '--ignore <column>', '--keep <column>', 'huntr', 'teal', 'linkedin', 'linkedin-saved', 'debrief', 'generic', 'company, role, applied', 'skip', '"N new, N duplicate, N invalid, N skipped"']) assert.ok(r.out.includes(w), w);
    assert.match((await run(['--help'])).out, /import <file> \[folder\] \[--dry-run\]/);
  });
});

describe('cli: import of real exports', () => {
  const names = ['tracker-sentences.csv', 'linkedin-job-applications.csv', 'linkedin-saved-jobs.csv', 'job-titles.csv', 'stellen-ch.xlsx', 'basvurular.ods', 'applications.csv', 'jobbsokning.csv', 'suivi-candidatures.csv', 'candidaturas.csv', 'sollicitaties.csv'];
  const inputs = Object.fromEntries(names.map((n) => [n, fixture(n)]));
  const summary = (out: string) => out.trimEnd().split('\n').pop();
  const file = (fs: MemoryFileSystem, path: string) => parse(fs.readText(`ws/debrief/interviews/${path}`));

  it('imports every file of the corpus, and says which column each field took and why', async () => {
    const expected: Record<string, string> = {
      'tracker-sentences.csv': '9 new, 0 duplicate, 0 invalid, 0 skipped', 'linkedin-job-applications.csv': '5 new, 0 duplicate, 0 invalid, 0 skipped',
      'linkedin-saved-jobs.csv': '0 new, 0 duplicate, 0 invalid, 2 skipped', 'job-titles.csv': '2 new, 0 duplicate, 0 invalid, 2 skipped',
      'stellen-ch.xlsx': '5 new, 0 duplicate, 0 invalid, 0 skipped', 'basvurular.ods': '4 new, 0 duplicate, 0 invalid, 0 skipped',
      'jobbsokning.csv': '4 new, 0 duplicate, 0 invalid, 1 skipped', 'suivi-candidatures.csv': '3 new, 0 duplicate, 0 invalid, 0 skipped',
      'candidaturas.csv': '3 new, 0 duplicate, 0 invalid, 0 skipped', 'sollicitaties.csv': '3 new, 0 duplicate, 0 invalid, 0 skipped',
    };
    for (const [name, line] of Object.entries(expected)) {
      const r = await run(['import', name, 'ws', '--dry-run'], workspace(true), inputs);
      assert.equal(r.code, 0, `${name}: ${r.err}`);
      assert.equal(summary(r.out), line, name);
    }
    const r = await run(['import', 'tracker-sentences.csv', 'ws'], workspace(true), inputs);
    assert.match(r.out, /\n {2}status ← current_status: named so; "outcome" holds sentences\n/);
    assert.match(r.out, /\n {2}feedback ← outcome: sentences that say why applications ended \(4 of 8\), so not the status\n/);
    assert.match(r.out, /\n {2}applied ← activity_date: dates, the earliest of 2 date columns/);
    const zeta = file(r.fs, 'zeta-labs-backend-developer.yaml');
    assert.deepEqual([zeta.outcome, zeta.stage, zeta.rounds, zeta.feedback.summary.slice(0, 24)], ['rejected', 'screening', undefined, 'Rejection email received']);
    assert.match(zeta.notes, /^Location: Bengaluru$/m);
    assert.equal(file(r.fs, 'zeta-labs-backend-developer-2.yaml').applied, '2026-03-02', 'the same company and role months later is a second application');
    const valid = await run(['validate', 'ws'], r.fs);
    assert.equal(valid.code, 0, valid.out);
  });

  it('never writes the user\'s own e-mail as a contact; --keep keeps it in the notes, --ignore leaves a column out', async () => {
    const r = await run(['import', 'linkedin-job-applications.csv', 'ws'], workspace(true), inputs);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /left out as your own \(one e-mail, phone number or name in every row, never a contact\): Contact Email, Contact Phone Number/);
    assert.doesNotMatch(r.fs.allFiles().map((f) => r.fs.readText(f)).join('\n'), /sam\.doe@example\.org/);
    const kept = await run(['import', 'linkedin-job-applications.csv', 'ws', '--keep', 'Contact Email', '--ignore', 'resume name'], workspace(true), inputs);
    assert.equal(kept.code, 0, kept.err);
    const acme = file(kept.fs, 'acme-analytics-senior-backend-engineer.yaml');
    assert.match(acme.notes, /^Contact Email: sam\.doe@example\.org$/m);
    assert.doesNotMatch(acme.notes, /Resume Name/);
    assert.match(kept.out, /ignored, as you chose: Resume Name/);
    const bad = await run(['import', 'linkedin-job-applications.csv', 'ws', '--ignore', 'Salary'], workspace(true), inputs);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /no column "Salary" to ignore/);
  });

  it('--status says what a word means, an outcome or skip; a wrong one is refused', async () => {
    const fs = workspace();
    const r = await run(['import', 'applications.csv', 'ws', '--status', 'On hold=withdrawn', '--status=Interviewing=skip'], fs, inputs);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /line 5: Globex, Platform Engineer: not an application yet \(status "Interviewing"\)/);
    assert.equal(parse(fs.readText('ws/debrief/interviews/umbrella-data-engineer.yaml')).outcome, 'withdrawn');
    assert.equal(summary(r.out), '3 new, 2 duplicate, 2 invalid, 2 skipped');
    const unknown = await run(['import', 'applications.csv', 'ws', '--dry-run'], workspace(), inputs);
    assert.match(unknown.err, /Say what a status word means with --status "<word>=<outcome>"/);
    for (const [arg, message] of [['On hold', /--status needs "<word>=<outcome>"/], ['On hold=hired', /"hired" is not an outcome; say one of pending, offer, .*, skip/]] as const) {
      const bad = await run(['import', 'applications.csv', 'ws', '--status', arg], workspace(), inputs);
      assert.equal(bad.code, 2, arg);
      assert.match(bad.err, message);
    }
  });

  it('--sheet reads a workbook\'s sheet by name or number; a preset that does not fit and a table too wide are refused where they are', async () => {
    const notes = await run(['import', 'stellen-ch.xlsx', 'ws', '--sheet', 'Notizen'], workspace(true), inputs);
    assert.equal(notes.code, 2);
    assert.match(notes.err, /stellen-ch\.xlsx:1:1: No column is mapped to company and role.*the columns are: "Thema", "Notiz"/);
    const missing = await run(['import', 'stellen-ch.xlsx', 'ws', '--sheet', '7'], workspace(true), inputs);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no sheet "7"\. Its sheets are: "Arbeitsbemühungen", "Notizen"/);
    const first = await run(['import', 'stellen-ch.xlsx', 'ws', '--sheet', '1', '--dry-run'], workspace(true), inputs);
    assert.match(first.out, /Read the sheet "Arbeitsbemühungen" \(of "Arbeitsbemühungen", "Notizen"\), header on row 3/);
    const huntr = await run(['import', 'tracker-sentences.csv', 'ws', '--preset', 'huntr'], workspace(true), inputs);
    assert.equal(huntr.code, 2);
    assert.match(huntr.err, /tracker-sentences\.csv:1:1: The file is not Huntr's export: its header row has no column "title", "listName"/);
    const wide = await run(['import', 'wide.csv', 'ws'], workspace(true), { 'wide.csv': new TextEncoder().encode(`${Array.from({ length: 300_000 }, (_, i) => `c${i}`).join(',')}\n`) });
    assert.equal(wide.code, 2);
    assert.match(wide.err, /wide\.csv:1:501: Line 1 has 300,000 columns; Debrief imports tables of up to 500 columns/);
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
    assert.match(md.out, /\| 2025-02-10 \| Globex \| SRE \| referral \| {2}\| ghosted \| 2025-02-27: \\<b\\>Too quiet\\<\/b\\> & slow \|/);
    const html = await run(['export', '--format', 'report-html', '--from', '2025-01-01', '--to', '2025-03-31', '--out', 'report.html', 'ws']);
    assert.equal(html.code, 0, html.err);
    assert.match(html.err, /Wrote the report of 3 applications to report\.html/);
    const page = html.outside.readText('report.html');
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

describe('cli: one reader, one writer', () => {
  const csv = new TextEncoder().encode('Company,Role,Applied\nAcme,Backend Engineer,2025-01-06\nUmbrella,Data Engineer,2025-03-02\n');

  it('import writes through the one writer: a journal folder linking out is refused with a located problem, exit 1, nothing written', async () => {
    for (const [link, target, journal] of [['ws/debrief/interviews', '/home/elsewhere', 'debrief'], ['ws/jobs', '../../elsewhere', 'jobs']] as const) {
      const fs = workspace(true);
      fs.writeFileSync('ws/debrief/weaknesses.yaml', 'weaknesses: []\n');
      fs.symlinkSync(link, target);
      const before = fs.allFiles();
      const r = await run(['import', 'apps.csv', 'ws', '--journal', journal], fs, { 'apps.csv': csv });
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, new RegExp(`^${journal}/interviews/acme-backend-engineer\\.yaml:1:1: error: ${journal}/interviews/acme-backend-engineer\\.yaml is in a folder that links outside the workspace .* \\[outside-workspace\\]$`, 'm'));
      assert.deepEqual(fs.allFiles(), before, 'nothing written');
    }
  });

  it('import refuses a source that is not a regular file or too large, at once (exit 2), and says which', async () => {
    const outsideFiles = new MemoryFileSystem({ 'big.csv': new Uint8Array(17 * 1024 * 1024) });
    outsideFiles.specialSync('fifo.csv');
    outsideFiles.createDirectory('folder.csv');
    for (const [file, message] of [
      ['fifo.csv', /cannot import fifo\.csv:1:1: error: The file is a named pipe, a device or a socket, not a regular file\. .* \[not-a-file\]/],
      ['folder.csv', /cannot import folder\.csv:1:1: error: The file is a folder, not a file\. .* \[not-a-file\]/],
      ['big.csv', /cannot import big\.csv:1:1: error: The file is 17\.0 MB; Debrief imports spreadsheets up to 16 MB\. Split it into several files\. \[too-large\]/],
    ] as const) {
      const out: string[] = [];
      const code = await main(['import', file, 'ws'], { stdout: (t) => out.push(t), stderr: (t) => out.push(t), fileSystem: (f) => workspace().at(f), chosenFile: (p) => ({ fs: outsideFiles, path: p }) });
      assert.equal(code, 2, file);
      assert.match(out.join(''), message, file);
    }
  });

  it('stats and export report the journal files they could not read, as validate does, and exit 1', async () => {
    const fs = workspace();
    fs.specialSync('ws/debrief/interviews/pipe.yaml');
    fs.symlinkSync('ws/debrief/interviews/linked.yaml', '/etc/passwd');
    for (const argv of [['stats', 'ws'], ['export', '--format', 'csv', 'ws'], ['export', '--format', 'report-html', '--out', 'r.html', 'ws']]) {
      const r = await run(argv, fs);
      assert.equal(r.code, 1, argv.join(' '));
      assert.match(r.err, /^debrief: 2 journal files or folders were not read, so what they hold is not counted/m, argv.join(' '));
      assert.match(r.err, /^debrief\/interviews\/linked\.yaml:1:1: error: The file links outside the workspace .* \[outside-workspace\]$/m, argv.join(' '));
      assert.match(r.err, /^debrief\/interviews\/pipe\.yaml:1:1: error: The file is a named pipe, a device or a socket, not a regular file\. .* \[not-a-file\]$/m, argv.join(' '));
    }
    assert.match((await run(['stats', 'ws'], fs)).out, /^Interviews: 3$/m, 'what was read is still counted');
    const clean = await run(['stats', 'ws']);
    assert.equal(clean.code, 0);
    assert.equal(clean.err, '');
  });

  it('--out writes the file named, following a link the user named; never a folder, a pipe, or a file with other names', async () => {
    const fs = workspace();
    const cases: [string, (o: MemoryFileSystem) => void, RegExp][] = [
      ['dir', (o) => void o.createDirectory('dir'), /--out: dir:1:1: error: dir is a folder, not a file\./],
      ['fifo.csv', (o) => o.specialSync('fifo.csv'), /--out: fifo\.csv:1:1: error: fifo\.csv is a named pipe, a device or a socket/],
      ['linked.csv', (o) => { o.writeFileSync('theirs.csv', 'keep\n'); o.hardLinkSync('linked.csv', 'theirs.csv'); }, /--out: linked\.csv:1:1: error: linked\.csv has 2 names \(hard links\): Debrief reads it but does not write it.* \[hard-link\]/],
    ];
    for (const [out, prepare, message] of cases) {
      const outside = new MemoryFileSystem();
      prepare(outside);
      const err: string[] = [];
      const code = await main(['export', '--format', 'csv', '--out', out, 'ws'], { stdout: () => undefined, stderr: (t) => err.push(t), fileSystem: (f) => fs.at(f), chosenFile: (p) => ({ fs: outside, path: p }) });
      assert.equal(code, 2, out);
      assert.match(err.join(''), message, out);
      if (out === 'linked.csv') assert.equal(outside.readText('theirs.csv'), 'keep\n', 'the other name is unchanged');
    }
    const outside = new MemoryFileSystem({ 'reports/q1.csv': 'old\n' });
    outside.symlinkSync('latest.csv', 'reports/q1.csv');
    const code = await main(['export', '--format', 'csv', '--out', 'latest.csv', 'ws'], { stdout: () => undefined, stderr: () => undefined, fileSystem: (f) => fs.at(f), chosenFile: (p) => ({ fs: outside, path: p }) });
    assert.equal(code, 0);
    assert.match(outside.readText('reports/q1.csv'), /^id,company,role/);
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal((await run(['--version'])).out, `debrief ${version}\n`);
  });
});
