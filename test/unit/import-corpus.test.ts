/**
 * The import against files in the shapes real exports and shared job-search spreadsheets have
 * (test/fixtures/import/: LinkedIn's data export, Huntr, Teal, an Indian tracker, Swedish, French,
 * Spanish, Dutch, Swiss German and Turkish-headed German lists, as CSV, .xlsx and .ods), one rule of
 * the import per test.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FIELDS } from '../../src/core/import/fields';
import { parseStatusArgument, readImport, ReadImport, reasonsFor, withIgnored } from '../../src/core/import/import';
import { ImportOptions, ImportPlan, planImport, RowResult, statusKey } from '../../src/core/import/plan';
import { importReportText } from '../../src/core/import/report';
import type { StatusMeaning } from '../../src/core/import/status';
import { IMPORT_LIMITS } from '../../src/core/limits';

const root = join(__dirname, '..', '..', '..');
const fixture = (name: string) => new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'import', name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

async function read(file: string | Uint8Array, options: { preset?: string; sheet?: string } = {}): Promise<ReadImport> {
  const r = await readImport(typeof file === 'string' ? fixture(file) : file, options);
  assert.ok(r.ok, r.ok ? '' : r.problem.message);
  return r.read;
}

function plan(r: ReadImport, more: Partial<ImportOptions> = {}): ImportPlan {
  const p = planImport(r.table, { mapping: r.mapping, ignored: r.ignored, wishlist: r.preset.wishlist, journalFolder: 'debrief', existing: [], takenIds: [], sourceName: 'file.csv', today: '2026-03-10', ...more });
  assert.ok(p.ok, p.ok ? '' : p.problem.message);
  return p.plan;
}

type Written = { company: string; role: string; applied?: string; source?: string; stage?: string; outcome: string; rounds?: unknown[]; tags?: string[]; notes?: string; feedback?: { summary?: string } };

/** The interview each new row became, by the row's line. */
function written(p: ImportPlan): Map<number, Written> {
  const texts = new Map(p.changes.map((c) => [c.kind === 'create' ? c.path : '', c.kind === 'create' ? c.text : '']));
  return new Map(p.rows.filter((r) => r.kind === 'new').map((r) => [r.line, parse(texts.get(r.path!)!) as Written]));
}

/** Field → header of the column it took. */
function columns(r: ReadImport): Record<string, string | undefined> {
  return Object.fromEntries(FIELDS.filter((f) => r.mapping[f] !== undefined).map((f) => [f, r.table.headers[r.mapping[f]!]]));
}

const kinds = (p: ImportPlan) => p.rows.map((r: RowResult) => [r.line, r.kind]);

describe('import corpus: columns understood from their names', () => {
  it('folds case, punctuation, snake_case, camelCase, plurals and stray spaces: "Companies Name", "Roles", "job_title"', async () => {
    assert.deepEqual(columns(await read('tracker-sentences.csv')).company, 'Companies Name');
    assert.deepEqual(columns(await read('tracker-sentences.csv')).role, 'Roles');
    const titles = await read('job-titles.csv');
    assert.deepEqual([columns(titles).company, columns(titles).role, columns(titles).applied, columns(titles).contact], ['company', 'job_title', 'date_applied', 'recruiter']);
    const odd = await read(utf8('  COMPANY  NAME ,jobTitle,Date-Applied\nAcme,Dev,2026-01-02\n'));
    assert.deepEqual(columns(odd), { company: 'COMPANY NAME', role: 'jobTitle', applied: 'Date-Applied' });
  });

  it('reads German with Swiss usage ("Titel", "Resultat"), French, Spanish, Dutch, Swedish and Turkish headers', async () => {
    const expected: [string, Record<string, string>][] = [
      ['stellen-ch.xlsx', { company: 'Firma', role: 'Titel', applied: 'Datum', source: 'Art der Bewerbung', status: 'Resultat', notes: 'Bemerkungen' }],
      ['basvurular.ods', { company: 'Şirket', role: 'Pozisyon', applied: 'Başvuru Tarihi', status: 'Durum', rounds: 'Görüşme Sayısı', notes: 'Notlar' }],
      ['suivi-candidatures.csv', { company: 'Entreprise', role: 'Poste', applied: 'Date de candidature', status: 'Statut', notes: 'Remarques', link: 'Lien' }],
      ['candidaturas.csv', { company: 'Empresa', role: 'Puesto', applied: 'Fecha de postulación', source: 'Fuente', status: 'Estado', notes: 'Notas' }],
      ['sollicitaties.csv', { company: 'Bedrijf', role: 'Functie', applied: 'Datum sollicitatie', source: 'Bron', status: 'Status', notes: 'Opmerkingen' }],
      ['jobbsokning.csv', { company: 'Företag', role: 'Tjänst', applied: 'Ansökningsdatum', source: 'Källa', status: 'Status', notes: 'Anteckningar', link: 'Länk' }],
    ];
    for (const [file, mapping] of expected) assert.deepEqual(columns(await read(file)), mapping, file);
  });
});

describe('import corpus: columns understood from their contents', () => {
  it('takes the earliest column of dates as the date applied when no column is named so ("activity_date" beside "date_sort")', async () => {
    const r = await read('tracker-sentences.csv');
    assert.equal(columns(r).applied, 'activity_date');
    assert.match(r.guess.reasons.applied!, /the earliest of 2 date columns \("activity_date", "date_sort"\)/);
    const p = plan(r);
    assert.deepEqual([...written(p).values()].slice(0, 2).map((w) => w.applied), ['2026-01-14', '2026-03-02'], '"14 Jan 2026" read');
    const later = await read(utf8('Company,Role,Follow up,Sent\nAcme,Dev,2026-02-10,2026-01-20\nGlobex,SRE,2026-02-12,2026-01-22\n'));
    assert.equal(columns(later).applied, 'Sent', 'the earliest');
    const deadline = await read(utf8('Company,Role,Deadline\nAcme,Dev,2026-02-10\n'));
    assert.equal(columns(deadline).applied, undefined, 'a deadline is never the date applied');
  });

  it('takes a column of links as the link, whatever its name', async () => {
    const r = await read(utf8('date,company,role,channel,status,source\n2026-01-05,Acme,Dev,LinkedIn,Applied,https://jobs.example/1\n2026-01-06,Globex,SRE,Referral,Applied,https://jobs.example/2\n'));
    assert.deepEqual([columns(r).link, columns(r).source], ['source', 'channel']);
    assert.equal(r.guess.reasons.link, 'links');
    assert.match([...written(plan(r)).values()][0].notes!, /^Link: https:\/\/jobs\.example\/1$/m);
  });

  it('never takes a column of sentences as the status: the one of status words wins, and sentences that say why an application ended are its feedback', async () => {
    const r = await read('tracker-sentences.csv');
    assert.deepEqual([columns(r).status, columns(r).feedback], ['current_status', 'outcome']);
    assert.match(r.guess.reasons.status!, /"outcome" holds sentences/);
    assert.match(r.guess.reasons.feedback!, /sentences that say why applications ended/);
    const p = plan(r);
    assert.deepEqual(p.unmapped, [], 'every status word understood');
    const w = written(p);
    assert.deepEqual(w.get(2)!.feedback, { summary: 'Rejection email received from Zeta Labs after the first technical round; they went with a candidate with more Go experience.' });
    assert.equal(w.get(2)!.outcome, 'rejected');
    assert.equal(w.get(4)!.feedback, undefined, 'an open application has no feedback yet');
    assert.match(w.get(4)!.notes!, /^outcome: Two rounds done; the hiring manager round is not scheduled yet\.$/m, 'its sentence is a note');
  });

  it('among several short status columns, takes the one of known status words', async () => {
    const r = await read(utf8('Company,Role,Status,Result\nAcme,Dev,A1,Rejected\nGlobex,SRE,B2,Offer\nInitech,QA,A1,Ghosted\n'));
    assert.equal(columns(r).status, 'Result');
    assert.match(r.guess.reasons.status!, /^status words \(3 different values\), rather than "Status"/);
    const unnamed = await read(utf8('Company,Role,Where\nAcme,Dev,Absage\nGlobex,SRE,Zusage\n'));
    assert.equal(columns(unnamed).status, 'Where');
    assert.match(unnamed.guess.reasons.status!, /status words \(2 of 2 known\)/);
  });

  it('never makes the user\'s own e-mail, phone or name a contact: LinkedIn\'s export has them in every row', async () => {
    const r = await read('linkedin-job-applications.csv');
    assert.equal(r.preset.name, 'linkedin');
    assert.deepEqual(r.guess.own.map((c) => r.table.headers[c]), ['Contact Email', 'Contact Phone Number']);
    assert.equal(columns(r).contact, undefined);
    const p = plan(r);
    for (const w of written(p).values()) assert.doesNotMatch(JSON.stringify(w), /sam\.doe@example\.org|555 01 23/);
    const report = importReportText(p, { file: 'Job Applications.csv', table: r.table, mapping: r.mapping, preset: r.preset, reasons: r.guess.reasons, ignored: r.ignored, own: r.guess.own });
    assert.match(report, /left out as your own \(one e-mail, phone number or name in every row, never a contact\): Contact Email, Contact Phone Number/);
    const kept = withIgnored(r.table.headers, r.ignored, { keep: ['contact email'] });
    assert.ok(kept.ok);
    assert.match([...written(plan(r, { ignored: kept.ignored })).values()][0].notes!, /^Contact Email: sam\.doe@example\.org$/m, '--keep writes it in the notes');
    const someone = await read(utf8('Company,Role,Recruiter\nAcme,Dev,Jane Roe\nGlobex,SRE,Jane Roe\n'));
    assert.deepEqual([columns(someone).contact, someone.guess.own], ['Recruiter', []], 'a recruiter named in every row is still the contact');
  });

  it('says for each field which column it took and why, in one line', async () => {
    const r = await read('tracker-sentences.csv');
    const text = importReportText(plan(r), { file: 'tracker.csv', table: r.table, mapping: r.mapping, preset: r.preset, reasons: reasonsFor(r, r.mapping), ignored: r.ignored, own: r.guess.own, dryRun: true });
    assert.match(text, /\n {2}company ← Companies Name: named so\n {2}role ← Roles: named so\n {2}applied ← activity_date: dates, the earliest of 2 date columns/);
    assert.match(text, /\n {2}kept in the notes as "Column: value": date_sort, Location, CTC \(LPA\)\n/);
    const moved = reasonsFor(r, { ...r.mapping, notes: undefined, role: r.mapping.notes });
    assert.equal(moved.role, undefined, 'a field the user moved has no guessed reason');
  });
});

describe('import corpus: presets that know real exports', () => {
  it('recognises LinkedIn\'s Job Applications, and its Saved Jobs as a wishlist: nothing imported, and why', async () => {
    const apps = plan(await read('linkedin-job-applications.csv'));
    assert.deepEqual(apps.counts, { new: 5, duplicate: 0, invalid: 0, skipped: 0 });
    const w = written(apps);
    assert.deepEqual([w.get(2)!.applied, w.get(6)!.applied], ['2026-01-14', '2025-10-27'], '"1/14/26, 9:41 AM"');
    assert.match(w.get(2)!.notes!, /^Link: https:\/\/www\.linkedin\.com\/jobs\/view\/4100000001\/\nResume Name: Sam_Doe_CV_2026\.pdf\nQuestion And Answers: Q: How many years/);
    const saved = await read('linkedin-saved-jobs.csv');
    assert.equal(saved.preset.name, 'linkedin-saved');
    const p = plan(saved);
    assert.deepEqual([p.counts, p.changes.length], [{ new: 0, duplicate: 0, invalid: 0, skipped: 2 }, 0]);
    assert.match(p.rows[0].reason!, /a job saved on LinkedIn, not an application: import Jobs\/Job Applications\.csv/);
  });

  it('says so when a preset named does not fit the file', async () => {
    const r = await readImport(fixture('tracker-sentences.csv'), { preset: 'huntr' });
    assert.ok(!r.ok);
    assert.equal(r.problem.code, 'preset-mismatch');
    assert.equal(r.problem.line, 1);
    assert.match(r.problem.message, /not Huntr's export: its header row has no column "title", "listName"\. Leave the preset out .*Spreadsheet/);
    assert.ok((await readImport(fixture('huntr.csv'), { preset: 'huntr' })).ok);
  });
});

describe('import corpus: nothing dropped silently', () => {
  it('keeps every column that fills no field in the notes as "Column: value", empty values left out', async () => {
    const w = written(plan(await read('tracker-sentences.csv')));
    assert.equal(w.get(2)!.notes, 'interview_count: 1\ndate_sort: 2026-01-14\nLocation: Bengaluru\nCTC (LPA): 18');
    assert.equal(w.get(5)!.notes, 'interview_count: 0\ndate_sort: 2026-01-22\nLocation: Pune', 'an empty salary is left out');
    assert.equal(w.get(5)!.feedback?.summary, 'The posting was taken down and the recruiter confirmed the role is on hold for now.', 'why the closed application ended');
  });

  it('lists the columns the user ignored in the report, and writes them nowhere', async () => {
    const r = await read('tracker-sentences.csv');
    const ignored = withIgnored(r.table.headers, r.ignored, { ignore: ['ctc (lpa)', 'date_sort'] });
    assert.ok(ignored.ok);
    const p = plan(r, { ignored: ignored.ignored });
    assert.doesNotMatch(JSON.stringify([...written(p).values()]), /CTC|date_sort/);
    assert.match(importReportText(p, { file: 'x.csv', table: r.table, mapping: r.mapping, preset: r.preset, ignored: ignored.ignored, own: r.guess.own }), /ignored, as you chose: date_sort, CTC \(LPA\)/);
    const bad = withIgnored(r.table.headers, [], { ignore: ['Salary'] });
    assert.ok(!bad.ok);
    assert.match(bad.message, /no column "Salary" to ignore/);
  });

  it('keeps a count of interviews as written, with the stage it implies, never as rounds no one recorded', async () => {
    const w = written(plan(await read('tracker-sentences.csv')));
    const quantix = w.get(4)!;
    assert.equal(quantix.rounds, undefined);
    assert.equal(quantix.stage, 'screening');
    assert.match(quantix.notes!, /^interview_count: 2$/m);
    const ods = written(plan(await read('basvurular.ods')));
    assert.deepEqual([ods.get(3)!.rounds, ods.get(3)!.stage, ods.get(3)!.notes], [undefined, 'screening', 'Gespräch mit Herrn Özdemir\nzweite Runde offen\nGörüşme Sayısı: 1']);
  });
});

describe('import corpus: status words', () => {
  it('understands the words of real trackers and their German equivalents', async () => {
    const w = written(plan(await read('tracker-sentences.csv')));
    assert.deepEqual([...w.values()].map((x) => [x.company, x.outcome, x.stage]), [
      ['Zeta Labs', 'rejected', 'screening'], ['Zeta Labs', 'pending', undefined], ['Quantix', 'pending', 'screening'], ['Nimbus Cloud', 'role-closed', undefined],
      ['Orbit Health', 'role-closed', 'screening'], ['Kite Systems', 'withdrawn', undefined], ['Lumen Retail', 'withdrawn', undefined], ['Vertex AI Labs', 'pending', undefined],
      ['Ferro Fintech', 'pending', 'screening'],
    ]);
    const ch = written(plan(await read('stellen-ch.xlsx')));
    assert.deepEqual([...ch.values()].map((x) => [x.outcome, x.stage]), [['rejected', undefined], ['pending', 'screening'], ['pending', undefined], ['role-closed', undefined], ['ghosted', undefined]]);
    const de = written(plan(await read('basvurular.ods')));
    assert.deepEqual([...de.values()].map((x) => x.outcome), ['rejected', 'pending', 'pending', 'withdrawn']);
    const sv = plan(await read('jobbsokning.csv'));
    assert.deepEqual([...written(sv).values()].map((x) => [x.outcome, x.stage]), [['rejected', undefined], ['pending', 'screening'], ['pending', undefined], ['ghosted', undefined]]);
    for (const [file, outcomes] of [['suivi-candidatures.csv', ['rejected', 'pending', 'pending']], ['candidaturas.csv', ['rejected', 'pending', 'ghosted']], ['sollicitaties.csv', ['rejected', 'pending', 'ghosted']]] as const) {
      assert.deepEqual([...written(plan(await read(file))).values()].map((x) => x.outcome), outcomes, file);
    }
  });

  it('skips rows still on a wishlist and counts them as skipped, not invalid', async () => {
    const p = plan(await read('job-titles.csv'));
    assert.deepEqual(kinds(p), [[2, 'new'], [3, 'skipped'], [4, 'skipped'], [5, 'new']]);
    assert.deepEqual(p.counts, { new: 2, duplicate: 0, invalid: 0, skipped: 2 });
    assert.match(p.rows[1].reason!, /not an application yet \(status "Saved"\)/);
    assert.match(importReportText(p, { file: 'x.csv', table: (await read('job-titles.csv')).table, mapping: {}, preset: (await read('job-titles.csv')).preset }), /\n2 new, 0 duplicate, 0 invalid, 2 skipped\n$/);
  });

  it('takes the meaning the user says a word has: an outcome, or skip', async () => {
    const on = parseStatusArgument('On hold=withdrawn');
    const saved = parseStatusArgument('  saved = SKIP ');
    assert.ok(on.ok && saved.ok);
    const choices = new Map<string, StatusMeaning>([[statusKey(on.word), on.meaning], [statusKey(saved.word), saved.meaning]]);
    const p = plan(await read(utf8('Company,Role,Status\nAcme,Dev,on-hold\nGlobex,SRE,Saved\nInitech,QA,Rejected\n')), { statusChoices: choices });
    assert.deepEqual(kinds(p), [[2, 'new'], [3, 'skipped'], [4, 'new']]);
    assert.equal(written(p).get(2)!.outcome, 'withdrawn');
    for (const bad of ['On hold', 'On hold=hired', '=rejected']) {
      const r = parseStatusArgument(bad);
      assert.ok(!r.ok, bad);
      assert.match(r.message, /--status needs|"hired" is not an outcome; say one of pending, .*, skip/);
    }
  });
});

describe('import corpus: dates as people write them', () => {
  it('reads ISO, "14 Jan 2026", "6/26/23, 12:07 PM", "03.02.2026" and spreadsheet day numbers', async () => {
    const r = await read(utf8('Company,Role,Date\nA,Dev,2026-01-14\nB,Dev,14 Jan 2026\nC,Dev,"6/26/23, 12:07 PM"\nD,Dev,03.02.2026\nE,Dev,46036\n'));
    assert.deepEqual([...written(plan(r)).values()].map((w) => w.applied), ['2026-01-14', '2026-01-14', '2023-06-26', '2026-02-03', '2026-01-14']);
    const salary = await read(utf8('Company,Role,Salary\nA,Dev,46036\nB,Dev,52000\n'));
    assert.equal(columns(salary).applied, undefined, 'a column of numbers is no date unless its name says so');
  });

  it('decides day and month order from the whole column, and says when it was a guess', async () => {
    const settled = plan(await read(utf8('Company,Role,Date\nA,Dev,03/04/2026\nB,Dev,25/04/2026\n')));
    assert.deepEqual([[...written(settled).values()][0].applied, settled.notes], ['2026-04-03', []]);
    const guessed = plan(await read(utf8('Company,Role,Date\nA,Dev,03/04/2026\nB,Dev,05/06/2026\n')));
    assert.equal([...written(guessed).values()][0].applied, '2026-03-04');
    assert.match(guessed.notes[0], /read as month\/day\/year \(March 4\): no date in the file settles it/);
    const french = written(plan(await read('suivi-candidatures.csv')));
    assert.deepEqual([...french.values()].map((w) => w.applied), ['2026-02-03', '2026-02-05', '2026-02-17']);
  });
});

describe('import corpus: duplicates that say why', () => {
  it('names the fields that matched', async () => {
    const r = await read(utf8('Company,Role,Date\nAcme,Dev,2026-01-02\nacme,DEV,2026-01-02\n'));
    const p = plan(r, { existing: [{ company: 'Globex', role: 'SRE', file: 'debrief/interviews/globex.yaml' }] });
    assert.equal(p.rows[1].reason, 'same company, role and date (2026-01-02) as line 2');
    const noDate = plan(await read(utf8('Company,Role\nGlobex,SRE\n')), { existing: [{ company: 'Globex', role: 'SRE', file: 'debrief/interviews/globex.yaml' }] });
    assert.equal(noDate.rows[0].reason, 'same company and role as debrief/interviews/globex.yaml, neither with a date');
  });

  it('without a date, keeps the same company and role twice when anything else tells the rows apart', async () => {
    const p = plan(await read(utf8('Company,Role,Status,Notes\nAcme,Dev,Rejected,first try\nAcme,Dev,Applied,second try\nAcme,Dev,Applied,second try\n')));
    assert.deepEqual(kinds(p), [[2, 'new'], [3, 'new'], [4, 'duplicate']]);
    assert.equal(p.rows[2].reason, 'the same values in every column as line 3');
    const linkedin = plan(await read('linkedin-job-applications.csv'));
    assert.deepEqual(linkedin.rows.filter((r) => r.company === 'Acme Analytics').map((r) => [r.kind, r.date]), [['new', '2026-01-14'], ['new', '2025-11-03']], 'two applications to one role, months apart');
  });
});

describe('import corpus: wide tables', () => {
  it(`refuses a row wider than ${IMPORT_LIMITS.columns} columns where it is, and reads a table at the limit`, async () => {
    const header = Array.from({ length: 300_000 }, (_, i) => `c${i}`).join(',');
    const r = await readImport(utf8(`${header}\nAcme,Dev\n`));
    assert.ok(!r.ok);
    assert.deepEqual([r.problem.code, r.problem.line, r.problem.column], ['too-many-columns', 1, IMPORT_LIMITS.columns + 1]);
    assert.match(r.problem.message, /^Line 1 has 300,000 columns; Debrief imports tables of up to 500 columns\./);
    const atLimit = ['Company', 'Role', ...Array.from({ length: IMPORT_LIMITS.columns - 2 }, (_, i) => `c${i}`)];
    const ok = await read(utf8(`${atLimit.join(',')}\n${atLimit.map((_, i) => `v${i}`).join(',')}\n`));
    assert.equal(ok.table.headers.length, IMPORT_LIMITS.columns);
    assert.equal(plan(ok).counts.new, 1);
    const tall = await readImport(utf8(`Company,Role\n${'Acme,Dev\n'.repeat(IMPORT_LIMITS.rows + 31)}`));
    assert.ok(!tall.ok);
    assert.equal(tall.problem.code, 'too-many-rows');
  });

  it('reads a file in time per byte within a bounded ratio of a plain spreadsheet, whatever the shape of its cells', async () => {
    const time = async (text: string): Promise<number> => {
      const bytes = utf8(text);
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = process.hrtime.bigint();
        await readImport(bytes);
        best = Math.min(best, Number(process.hrtime.bigint() - t));
      }
      return best / bytes.length;
    };
    const SIZE = 128 * 1024;
    const line = 'Acme,Backend Engineer,2026-01-14,Rejected,LinkedIn,https://jobs.example/1,"Nice team, slow process"\n';
    const plain = 'Company,Role,Date,Status,Source,Link,Notes\n' + line.repeat(Math.ceil(SIZE / line.length));
    await time(plain);
    const base = await time(plain);
    const piece = fc.constantFrom('rejected ', 'no offer ', 'Unfortunately ', 'we went with another candidate. ', '2026-01-14 ', '14 Jan ', '03/04/', 'https://x.example/', 'a@b.', '+41 79 ', 'Company ', 'Role ', 'Datum ', ',', ';', '\t', '"', '""', '\n', 'é', '😀', ' ', 'x');
    let worst = 0;
    await fc.assert(fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.boolean(), async (parts, oneCell) => {
      const unit = parts.join('');
      const body = unit.repeat(Math.ceil(SIZE / unit.length));
      const text = oneCell ? `Company,Role,Notes\nAcme,Dev,"${body.replace(/"/g, '""')}"\n` : `Company,Role,Notes\n${body}`;
      worst = Math.max(worst, (await time(text)) / base);
    }), { numRuns: 25, seed: 7 });
    // Generous: a quadratic shape is hundreds of times slower per byte at 128 KB.
    assert.ok(worst < 60, `the slowest shape costs ${worst.toFixed(1)}× a plain spreadsheet per byte`);
  });
});
