import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import Papa from 'papaparse';
import { parse } from 'yaml';
import { decodeSpreadsheet } from '../../src/core/import/decode';
import { FIELDS, findColumn, Mapping } from '../../src/core/import/fields';
import { detectPreset, guessMapping } from '../../src/core/import/guess';
import { headerScore } from '../../src/core/import/names';
import { parseMapArgument, readImport, withCorrections } from '../../src/core/import/import';
import { duplicateKey, existingOf, ImportPlan, planImport, statusKey } from '../../src/core/import/plan';
import { findPreset } from '../../src/core/import/presets';
import { importReportMarkdown, importReportText } from '../../src/core/import/report';
import { readStage, readStatus } from '../../src/core/import/status';
import { readTable, Table } from '../../src/core/import/table';
import { cellText, inferDateOrder, interviewCount, readDate, readRounds, readTags } from '../../src/core/import/values';
import { exportInterviews } from '../../src/core/export';
import { loadJournal } from '../../src/core/journal/load';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { OUTCOMES } from '../../src/core/model';

const root = join(__dirname, '..', '..', '..');
const fixture = (name: string) => new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'import', name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Windows-1252 bytes of a text (what older Excel on Windows saves). */
function windows1252(s: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f };
  return Uint8Array.from([...s].map((c) => {
    const code = c.charCodeAt(0);
    if (high[c] !== undefined) return high[c];
    assert.ok(code < 0x100 && !(code >= 0x80 && code < 0xa0), `${c} has no Windows-1252 byte`);
    return code;
  }));
}

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + s, 'utf16le');
  if (endian === 'be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return new Uint8Array(le);
}

function table(text: string | Uint8Array): Table {
  const r = readTable(typeof text === 'string' ? utf8(text) : text);
  assert.ok(r.ok, r.ok ? '' : r.problem.message);
  return r.table;
}

function plan(t: Table, mapping: Mapping = guessMapping(t.headers), more: Partial<Parameters<typeof planImport>[1]> = {}): ImportPlan {
  const p = planImport(t, { mapping, journalFolder: 'debrief', existing: [], takenIds: [], sourceName: 'applications.csv', today: '2026-11-25', ...more });
  assert.ok(p.ok, p.ok ? '' : p.problem.message);
  return p.plan;
}

function created(p: ImportPlan): Record<string, unknown>[] {
  return p.changes.map((c) => (c.kind === 'create' ? parse(c.text) : undefined));
}

describe('import: encodings', () => {
  const text = 'Firma;Stelle;Datum;Ergebnis\nMüller & Söhne;Entwicklerin;03.02.2025;Absage\nBäckerei Größe;Straßenbauer;04.02.2025;Rückmeldung ausstehend € 5\n';

  for (const [name, bytes, encoding] of [
    ['UTF-8 without BOM', utf8(text), 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(text, 'le', true), 'utf-16le'],
    ['UTF-16 LE without BOM', utf16(text, 'le', false), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(text, 'be', true), 'utf-16be'],
    ['UTF-16 BE without BOM', utf16(text, 'be', false), 'utf-16be'],
    ['Windows-1252', windows1252(text), 'windows-1252'],
  ] as const) {
    it(`reads ${name} with its umlauts`, () => {
      const r = decodeSpreadsheet(bytes);
      assert.ok(r.ok);
      assert.equal(r.decoded.encoding, encoding);
      assert.equal(r.decoded.text, text, 'the same text, without a BOM');
      const t = table(bytes);
      assert.deepEqual(t.rows.map((row) => row.cells[0]), ['Müller & Söhne', 'Bäckerei Größe']);
      assert.equal(t.rows[1].cells[3], 'Rückmeldung ausstehend € 5');
    });
  }

  it('refuses a workbook, a PDF or binary data with what to do instead', () => {
    const xlsx = decodeSpreadsheet(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    assert.ok(!xlsx.ok);
    assert.match(xlsx.problem.message, /Excel workbook.*Save the sheet as \.xlsx, \.ods or "CSV UTF-8"/);
    const binary = decodeSpreadsheet(utf8('a,b\nc,\u0000d\n'));
    assert.ok(!binary.ok);
    assert.equal(binary.problem.line, 2);
    assert.equal(binary.problem.column, 3);
  });

  it('refuses an empty file and a file of one column, saying where', () => {
    const empty = readTable(utf8(' \n\n'));
    assert.ok(!empty.ok);
    assert.equal(empty.problem.code, 'empty');
    const one = readTable(utf8('\nCompanies\nAcme\nGlobex\n'));
    assert.ok(!one.ok);
    assert.equal(one.problem.code, 'one-column');
    assert.equal(one.problem.line, 2);
  });
});

describe('import: delimiters, quotes and the header row', () => {
  for (const [name, d] of [['comma', ','], ['semicolon', ';'], ['tab', '\t'], ['bar', '|']] as const) {
    it(`detects the ${name}`, () => {
      const t = table(['Company', 'Role', 'Notes'].join(d) + '\n' + ['Acme', 'Dev', 'a, b; c'].map((c) => (c.includes(d) ? `"${c}"` : c)).join(d) + '\n');
      assert.equal(t.delimiter, d);
      assert.deepEqual(t.rows[0].cells, ['Acme', 'Dev', 'a, b; c']);
    });
  }

  it('reads quoted values with separators, quotes and line breaks, and counts lines as an editor does', () => {
    const t = table('Company,Role,Notes\r\n"Acme, Inc.","Dev ""Ops""","two\r\nlines"\r\nGlobex,SRE,\r\n');
    assert.deepEqual(t.rows.map((r) => [r.line, ...r.cells]), [[2, 'Acme, Inc.', 'Dev "Ops"', 'two\nlines'], [4, 'Globex', 'SRE', '']]);
  });

  it('finds the header row below title and blank lines', () => {
    const t = table(fixture('applications.csv'));
    assert.equal(t.headerLine, 3);
    assert.equal(t.headers[0], 'Company');
    assert.equal(t.rows[0].line, 4);
    assert.ok(t.rows.every((r) => r.cells.some((c) => c.trim())), 'blank rows are not rows');
  });

  it('names empty and repeated headers so each column can be told apart', () => {
    const t = table('Company,,Role,Notes,notes\nAcme,x,Dev,a,b\n');
    assert.deepEqual(t.headers, ['Company', 'Column 2', 'Role', 'Notes', 'notes (2)']);
  });

  it('refuses a quote that never closes, at the line it opens', () => {
    const r = readTable(utf8('Company,Role\nAcme,Dev\n"Globex,SRE\nInitech,QA\n'));
    assert.ok(!r.ok);
    assert.equal(r.problem.code, 'quotes');
    assert.equal(r.problem.line, 3);
    assert.match(r.problem.message, /never closed/);
  });

  it('marks a row with a stray quote or too many values invalid, and imports the others', () => {
    const p = plan(table('Company,Role\n"Acme "Corp" Ltd",Dev\nGlobex,SRE,extra\nInitech,QA\n'));
    assert.deepEqual(p.rows.map((r) => [r.line, r.kind]), [[2, 'invalid'], [3, 'invalid'], [4, 'new']]);
    assert.match(p.rows[0].reason!, /quote/);
    assert.match(p.rows[1].reason!, /3 values where the header row has 2/);
  });
});

describe('import: mapping guesses', () => {
  it('recognises English headers', () => {
    const headers = ['Company Name', 'Job Title', 'Date Applied', 'How applied', 'Status', 'Stage', 'Interview rounds', 'Comments', 'Job URL', 'Recruiter', 'Labels', 'Salary'];
    const m = guessMapping(headers, findPreset('generic')!);
    assert.deepEqual(Object.fromEntries(FIELDS.map((f) => [f, m[f] === undefined ? undefined : headers[m[f]!]])), {
      company: 'Company Name', role: 'Job Title', applied: 'Date Applied', source: 'How applied', status: 'Status', stage: 'Stage',
      rounds: 'Interview rounds', feedback: undefined, notes: 'Comments', link: 'Job URL', contact: 'Recruiter', tags: 'Labels',
    });
  });

  it('recognises German headers, as in a Bewerbungsnachweis', () => {
    const headers = ['Datum', 'Arbeitgeber (Name, Anschrift)', 'Stelle / Tätigkeit', 'Art der Bewerbung', 'Ergebnis', 'Ansprechpartner/in', 'Bemerkungen', 'Link zur Stellenanzeige', 'Schlagworte'];
    const m = guessMapping(headers, findPreset('generic')!);
    assert.deepEqual([m.applied, m.company, m.role, m.source, m.status, m.contact, m.notes, m.link, m.tags], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('takes a column once, for the field it names best', () => {
    const headers = ['Company', 'Company domain', 'Role', 'Date', 'Date saved'];
    const m = guessMapping(headers, findPreset('generic')!);
    assert.equal(m.company, 0);
    assert.equal(m.applied, 3, '"Date" is the date applied; "Date saved" is not');
    assert.equal(Object.values(m).filter((c) => c === 0).length, 1);
    assert.equal(headerScore('Date saved', 'applied'), 0);
    assert.equal(headerScore('Name of the company', 'company'), 1);
    assert.equal(headerScore('Firma', 'company'), 3);
  });

  it('detects the Huntr, Teal and Debrief exports, and guesses the rest of their columns', async () => {
    const huntr = await readImport(fixture('huntr.csv'));
    assert.ok(huntr.ok);
    assert.equal(huntr.read.preset.name, 'huntr');
    const h = huntr.read.table.headers;
    assert.deepEqual([h[huntr.read.mapping.company!], h[huntr.read.mapping.role!], h[huntr.read.mapping.applied!], h[huntr.read.mapping.status!], h[huntr.read.mapping.link!]], ['companyName', 'title', 'createdAt', 'listName', 'url']);
    const teal = await readImport(fixture('teal.csv'));
    assert.ok(teal.ok);
    assert.equal(teal.read.preset.name, 'teal');
    assert.equal(teal.read.table.headers[teal.read.mapping.applied!], 'Date Applied');
    assert.equal(teal.read.table.headers[teal.read.mapping.role!], 'Job Position');
    assert.equal(detectPreset(['id', 'company', 'role', 'applied', 'source', 'stage', 'outcome', 'rounds', 'file']).name, 'debrief');
    assert.equal(detectPreset(['Firma', 'Stelle']).name, 'generic');
  });

  it('takes corrections by header name or number, and says which columns exist', () => {
    const headers = ['Firma', 'Position', 'Notiz'];
    assert.equal(findColumn(headers, 'firma'), 0);
    assert.equal(findColumn(headers, '3'), 2);
    assert.equal(findColumn(headers, 'Gehalt'), undefined);
    const m = withCorrections(headers, { company: 0, role: 1, notes: 2 }, [{ field: 'role', column: 'Notiz' }, { field: 'company', column: '' }]);
    assert.ok(m.ok);
    assert.deepEqual(m.mapping, { role: 2 });
    const bad = withCorrections(headers, {}, [{ field: 'company', column: 'Gehalt' }]);
    assert.ok(!bad.ok);
    assert.match(bad.message, /no column "Gehalt".*"Firma", "Position", "Notiz"/);
    assert.ok(!parseMapArgument('salary=Gehalt').ok);
    assert.ok(!parseMapArgument('company').ok);
    assert.deepEqual(parseMapArgument('Company = Firma '), { ok: true, field: 'company', column: 'Firma' });
  });

  it('refuses to plan without a column for the company or the role', () => {
    const t = table('Firma,Gehalt\nAcme,1\n');
    const r = planImport(t, { mapping: { company: 0 }, journalFolder: 'debrief', existing: [], takenIds: [], sourceName: 'x.csv', today: '2026-11-25' });
    assert.ok(!r.ok);
    assert.equal(r.problem.code, 'unmapped-required');
    assert.match(r.problem.message, /role/);
  });
});

describe('import: status words', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['Rejected', 'rejected', undefined], ['Absage', 'rejected', undefined], ['abgelehnt', 'rejected', undefined], ['Not Selected by Employer', 'rejected', undefined], ['no offer', 'rejected', undefined],
    ['No response 🔕', 'ghosted', undefined], ['Ghosted', 'ghosted', undefined], ['keine Rückmeldung', 'ghosted', undefined],
    ['Interviewing', 'pending', 'screening'], ['Einladung zum Vorstellungsgespräch', 'pending', 'screening'], ['Phone screen', 'pending', 'screening'],
    ['Technical interview', 'pending', 'coding'], ['Take-home', 'pending', 'take-home'], ['Onsite', 'pending', 'onsite'], ['Final round', 'pending', 'onsite'],
    ['Offer', 'offer', 'offer'], ['Negotiating', 'offer', 'offer'], ['Zusage', 'offer', 'offer'], ['Accepted', 'accepted', 'offer'], ['Offer declined', 'declined', 'offer'],
    ['Withdrawn', 'withdrawn', undefined], ['I Withdrew', 'withdrawn', undefined], ['zurückgezogen', 'withdrawn', undefined], ['selbst abgesagt', 'withdrawn', undefined],
    ['Position filled', 'role-closed', undefined], ['Stelle anderweitig besetzt', 'role-closed', undefined], ['role-closed', 'role-closed', undefined],
    ['Applied', 'pending', undefined], ['beworben', 'pending', undefined], ['In Bearbeitung', 'pending', undefined],
    ['Rejected after onsite', 'rejected', 'onsite'], ['Absage nach Vorstellungsgespräch', 'rejected', 'screening'],
  ];
  for (const [text, outcome, stage] of cases) {
    it(`"${text}" → ${outcome}${stage ? `, ${stage}` : ''}`, () => {
      assert.deepEqual(readStatus(text), { outcome, ...(stage ? { stage } : {}) });
    });
  }

  it('knows every outcome by its own name', () => {
    for (const o of OUTCOMES) assert.equal(readStatus(o)?.outcome, o);
  });

  it('tells what is not an application yet, and what it does not know', () => {
    for (const w of ['Wishlist', 'Bookmarked', 'Applying', 'Merkliste']) assert.equal(readStatus(w)?.notApplied, true, w);
    for (const w of ['On hold', 'Mittwoch', '???', '']) assert.equal(readStatus(w), undefined, w);
  });

  it('reads a stage column: stage names, and status words that imply one', () => {
    assert.deepEqual(readStage('system-design'), { stage: 'system-design' });
    assert.deepEqual(readStage('Applied'), {});
    assert.deepEqual(readStage('Final round'), { stage: 'onsite' });
    assert.equal(readStage('Rejected'), undefined);
  });

  it('lists the values it did not understand with their lines, imports them as pending and keeps them in the notes', () => {
    const p = plan(table('Company,Role,Status\nAcme,Dev,On hold\nGlobex,SRE,on-hold\nInitech,QA,Rejected\n'));
    assert.deepEqual(p.unmapped, [{ field: 'status', value: 'On hold', lines: [2, 3] }]);
    const [acme, , initech] = created(p);
    assert.equal(acme.outcome, 'pending');
    assert.equal(acme.notes, 'Status: On hold');
    assert.equal(initech.outcome, 'rejected');
    assert.equal(initech.notes, undefined);
  });

  it('uses the meaning the user chose for a value', () => {
    const t = table('Company,Role,Status\nAcme,Dev,On hold\n');
    const p = plan(t, undefined, { statusChoices: new Map([[statusKey('on hold'), { outcome: 'withdrawn' as const }]]) });
    assert.deepEqual(p.unmapped, []);
    assert.equal(created(p)[0].outcome, 'withdrawn');
  });
});

describe('import: values', () => {
  it('reads dates as people and trackers write them', () => {
    const cases: [string, string | undefined][] = [
      ['2025-03-14', '2025-03-14'], ['2025-03-14 09:15:00', '2025-03-14'], ['2025-03-14T09:15:00Z', '2025-03-14'], ['14.03.2025', '2025-03-14'], ['14.3.25', '2025-03-14'],
      ['03/14/2025', '2025-03-14'], ['14 March 2025', '2025-03-14'], ['14. März 2025', '2025-03-14'], ['March 14, 2025', '2025-03-14'], ['Mar 14th 2025', '2025-03-14'],
      ['14-Mar-25', '2025-03-14'], ['45730', '2025-03-14'], ['', undefined], ['-', undefined],
    ];
    for (const [text, date] of cases) assert.deepEqual(readDate(text, 'mdy'), { ok: true, ...(date ? { date } : {}) }, text);
    assert.deepEqual(readDate('04/03/2025', 'dmy'), { ok: true, date: '2025-03-04' });
    for (const bad of ['2025-02-30', '31.04.2025', 'soon', '13/13/2025', '1 constructor 2025']) assert.equal(readDate(bad, 'mdy').ok, false, bad);
  });

  it('tells month-first from day-first dates by the ones that settle it', () => {
    assert.deepEqual(inferDateOrder(['03/04/2025', '25/04/2025'], 'mdy'), { order: 'dmy', ambiguous: false });
    assert.deepEqual(inferDateOrder(['03/04/2025', '04/25/2025'], 'dmy'), { order: 'mdy', ambiguous: false });
    assert.deepEqual(inferDateOrder(['03/04/2025'], 'mdy'), { order: 'mdy', ambiguous: true });
    const p = plan(table('Company;Role;Date\nAcme;Dev;03/04/2025\n'));
    assert.equal(created(p)[0].applied, '2025-04-03', 'a semicolon file is European: day first');
    assert.match(p.notes[0], /day\/month\/year/);
  });

  it('reads rounds as Debrief exports them, and a count of interviews as a count, never as rounds', () => {
    assert.deepEqual(readRounds('recruiter 2025-01-10 → coding 2025-01-17', 'mdy'), { rounds: [{ type: 'recruiter', date: '2025-01-10' }, { type: 'coding', date: '2025-01-17' }], exact: true });
    assert.equal(readRounds('2', 'mdy'), undefined);
    assert.deepEqual(['2', '3 interviews', '1 Gespräch', 'two'].map(interviewCount), [2, 3, 1, undefined]);
    assert.deepEqual(readRounds('Phone screen 12.01.2025; Onsite', 'dmy'), { rounds: [{ type: 'recruiter', date: '2025-01-12' }, { type: 'onsite' }], exact: false });
    assert.equal(readRounds('lots', 'mdy'), undefined);
    assert.deepEqual(readTags('backend, remote;  remote |sre'), ['backend', 'remote', 'sre']);
  });

  it('writes stage only when the status says how far it got', () => {
    const [applied, interviewing, offer] = created(plan(table('Company,Role,Status\nA,Dev,Applied\nB,Dev,Interviewing\nC,Dev,Offer\n')));
    assert.equal('stage' in applied, false);
    assert.equal(interviewing.stage, 'screening');
    assert.deepEqual([offer.stage, offer.outcome], ['offer', 'offer']);
  });

  it('keeps link, contact and notes in the notes, and takes off the apostrophe exports put before formulas', () => {
    const [iv] = created(plan(table('Company,Role,Notes,Link,Contact\n"\'=Acme",Dev,"Nice team\nslow",https://acme.example/1,Jane Roe\n')));
    assert.equal(iv.company, '=Acme');
    assert.equal(iv.notes, 'Nice team\nslow\nLink: https://acme.example/1\nContact: Jane Roe');
  });
});

describe('import: the plan', () => {
  it('imports the sample spreadsheet: new, duplicate and invalid rows with lines and reasons', () => {
    const p = plan(table(fixture('applications.csv')));
    assert.deepEqual(p.counts, { new: 5, duplicate: 1, invalid: 2, skipped: 1 });
    assert.deepEqual(p.rows.filter((r) => r.kind !== 'new').map((r) => [r.line, r.kind]), [[9, 'duplicate'], [10, 'invalid'], [11, 'invalid'], [12, 'skipped']]);
    assert.match(p.rows.find((r) => r.line === 9)!.reason!, /same company, role and date \(2025-01-06\) as line 4/);
    assert.match(p.rows.find((r) => r.line === 10)!.reason!, /no company/);
    assert.match(p.rows.find((r) => r.line === 11)!.reason!, /"2025-02-30" is not a real date/);
    assert.match(p.rows.find((r) => r.line === 12)!.reason!, /not an application yet/);
    const first = p.changes[0];
    assert.equal(first.kind, 'create');
    if (first.kind !== 'create') return;
    assert.equal(first.path, 'debrief/interviews/acme-backend-engineer.yaml');
    assert.match(first.text, /^# Imported from applications\.csv, line 4, on 2026-11-25\.$/m);
    assert.deepEqual(parse(first.text), {
      id: 'acme-backend-engineer', company: 'Acme', role: 'Backend Engineer', applied: '2025-01-06', source: 'referral', outcome: 'rejected',
      tags: ['backend', 'remote'], notes: 'Strong team, slow process\nLink: https://acme.example/jobs/1',
    });
  });

  it('finds duplicates of the journal in any case and spacing, and never takes an existing file name', () => {
    const t = table('Company,Role,Date\n ACME ,backend   engineer,2025-01-06\nAcme,Backend Engineer,2025-02-01\nAcme,Backend Engineer,\n');
    const p = plan(t, undefined, {
      existing: [{ company: 'Acme', role: 'Backend Engineer', date: '2025-01-06', file: 'debrief/interviews/acme.yaml' }],
      takenIds: ['acme-backend-engineer'],
    });
    assert.deepEqual(p.rows.map((r) => r.kind), ['duplicate', 'new', 'new']);
    assert.match(p.rows[0].reason!, /as debrief\/interviews\/acme\.yaml/);
    assert.deepEqual(p.rows.slice(1).map((r) => r.path), ['debrief/interviews/acme-backend-engineer-2.yaml', 'debrief/interviews/acme-backend-engineer-3.yaml']);
    assert.equal(duplicateKey('Acme ', 'Dev\n Ops', undefined), duplicateKey('acme', 'dev ops', undefined));
  });

  it('adds nothing when the same file is imported twice', async () => {
    for (const name of ['applications.csv', 'bewerbungen.csv', 'huntr.csv', 'teal.csv', 'tracker.tsv']) {
      const r = await readImport(fixture(name));
      assert.ok(r.ok);
      const fs = new MemoryFileSystem();
      const first = plan(r.read.table, r.read.mapping);
      assert.ok(first.counts.new > 0, name);
      for (const c of first.changes) if (c.kind === 'create') fs.writeFileSync(c.path, c.text);
      const index = await loadJournal(fs, 'debrief');
      assert.deepEqual(index.problems().filter((pr) => pr.severity === 'error'), [], `${name}: the new files are valid journal files`);
      const second = plan(r.read.table, r.read.mapping, { existing: existingOf(index.interviews()), takenIds: index.interviews().map((iv) => iv.id) });
      assert.deepEqual(second.changes, [], name);
      assert.equal(second.counts.new, 0);
      assert.equal(second.counts.duplicate, first.counts.new + first.counts.duplicate, name);
    }
  });

  it('reports the plan: how the file was read, each skipped row with its reason, the values not understood, the summary line', async () => {
    const r = await readImport(fixture('applications.csv'));
    assert.ok(r.ok);
    const p = plan(r.read.table, r.read.mapping);
    const context = { file: 'applications.csv', table: r.read.table, mapping: r.read.mapping, preset: r.read.preset, dryRun: true };
    const text = importReportText(p, context);
    assert.match(text, /Read as UTF-8, comma-separated, header on line 3, preset: Spreadsheet\./);
    assert.match(text, /New interviews that would be created \(5\):\n {2}line 4: Acme, Backend Engineer \(2025-01-06\) → debrief\/interviews\/acme-backend-engineer\.yaml/);
    assert.match(text, /line 10: Frontend Engineer: no company \(column "Company" is empty\)/);
    assert.match(text, /status "On hold": line 8/);
    assert.match(text, /\n5 new, 1 duplicate, 2 invalid, 1 skipped\n$/);
    const md = importReportMarkdown(p, context);
    assert.match(md, /^# Import of applications\.csv\n/, 'plain text stays readable');
    assert.match(md, /^- line 6: Initech, Inc\., Site Reliability Engineer \(2025-01-20\) → debrief\/interviews\/initech-inc-site-reliability-engineer\.yaml$/m);
    const marked = importReportMarkdown(plan(table('Company,Role\n*Acme* [x](y),<b>Dev</b>\n')), { ...context, file: 'a_b.csv' });
    assert.match(marked, /^# Import of a\\_b\\\.csv$/m);
    assert.match(marked, /line 2: \\\*Acme\\\* \\\[x\\\]\(y\), \\<b\\>Dev\\<\/b\\>/, 'markup from the file is escaped');
  });
});

describe('import: properties', () => {
  it('never throws, whatever the bytes', async () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', '""', '\n', '\r\n', ';', ',', '\t', 'Rejected', 'Offer', '2025-01-01', '01/02/2025', '1 constructor 2025', '__proto__', 'toString', '\u0000', '\ufeff'));
    const csv = fc.tuple(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), fc.constantFrom(',', ';', '\t', '|'), fc.constantFrom('\n', '\r\n', '\r'))
      .map(([rows, d, eol]) => rows.map((r) => r.join(d)).join(eol));
    const bytes = fc.oneof(csv.map(utf8), fc.uint8Array({ maxLength: 300 }), csv.map((s) => utf16(s, 'le', false)));
    await fc.assert(fc.asyncProperty(bytes, fc.constantFrom(undefined, 'generic', 'huntr', 'teal', 'debrief', 'linkedin'), async (b, preset) => {
      const r = await readImport(b, { preset });
      if (!r.ok) {
        assert.equal(typeof r.problem.message, 'string');
        return;
      }
      for (const mapping of [r.read.mapping, { company: 0, role: Math.min(1, r.read.table.headers.length - 1) } as Mapping]) {
        const p = planImport(r.read.table, { mapping, ignored: r.read.ignored, journalFolder: 'debrief', existing: [], takenIds: [], sourceName: 'x\ny.csv', today: '2026-11-25' });
        if (!p.ok) continue;
        importReportText(p.plan, { file: 'x.csv', table: r.read.table, mapping, preset: r.read.preset });
        for (const c of p.plan.changes) if (c.kind === 'create') assert.doesNotThrow(() => parse(c.text), c.text);
      }
    }), { numRuns: 300 });
  });

  const text = fc.stringMatching(/^[A-Za-zÄÖÜäöüß0-9][A-Za-zÄÖÜäöüß0-9 .,&'()/"#:|-]{0,24}$/).filter((s) => s.trim() !== '' && !/^'[=+\-@]/.test(s) && !/^(n\/?a|null|none|undefined|#n\/a|-)$/i.test(s.trim()));
  const record = fc.record({
    company: text, role: text,
    applied: fc.option(fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined }),
    source: fc.option(text, { nil: undefined }),
    outcome: fc.constantFrom(...OUTCOMES),
    stage: fc.option(fc.constantFrom('screening', 'recruiter', 'coding', 'take-home', 'system-design', 'behavioral', 'onsite'), { nil: undefined }),
    tags: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { maxLength: 3 }),
    notes: fc.option(text, { nil: undefined }),
    link: fc.option(fc.webUrl(), { nil: undefined }),
    contact: fc.option(text, { nil: undefined }),
  });

  it('keeps every mapped field: imported, then exported', async () => {
    await fc.assert(fc.asyncProperty(fc.uniqueArray(record, { minLength: 1, maxLength: 6, selector: (r) => duplicateKey(r.company, r.role, r.applied) }), fc.constantFrom(',', ';', '\t'), async (records, delimiter) => {
      const headers = ['Company', 'Position', 'Date applied', 'Source', 'Status', 'Stage', 'Tags', 'Notes', 'Link', 'Contact'];
      const csv = Papa.unparse({ fields: headers, data: records.map((r) => [r.company, r.role, r.applied ?? '', r.source ?? '', r.outcome, r.stage ?? '', r.tags.join(', '), r.notes ?? '', r.link ?? '', r.contact ?? '']) }, { delimiter });
      const read = await readImport(utf8(csv));
      assert.ok(read.ok);
      assert.deepEqual(FIELDS.filter((f) => read.read.mapping[f] !== undefined).sort(), ['applied', 'company', 'contact', 'link', 'notes', 'role', 'source', 'stage', 'status', 'tags']);
      const p = plan(read.read.table, read.read.mapping);
      assert.equal(p.counts.new, records.length, JSON.stringify(p.rows));
      const fs = new MemoryFileSystem();
      for (const c of p.changes) if (c.kind === 'create') fs.writeFileSync(c.path, c.text);
      const index = await loadJournal(fs, 'debrief');
      const rows = JSON.parse(exportInterviews(index, 'json')) as { company: string; role: string; applied: string; source: string; stage: string; outcome: string; tags: string[]; file: string }[];
      const one = (s: string) => s.replace(/\s+/g, ' ').trim();
      for (const r of records) {
        const key = duplicateKey(r.company, r.role, r.applied);
        const row = rows.find((x) => duplicateKey(x.company, x.role, x.applied || undefined) === key);
        assert.ok(row, `${r.company} / ${r.role} was exported`);
        assert.deepEqual([row.company, row.role, row.applied, row.source, row.outcome, row.stage, row.tags],
          [one(r.company), one(r.role), r.applied ?? '', r.source ? one(r.source) : '', r.outcome, ['offer', 'accepted', 'declined'].includes(r.outcome) ? 'offer' : r.stage ?? '', r.tags]);
        const notes = index.interviewAt(row.file)?.notes ?? '';
        if (r.notes) assert.ok(notes.includes(r.notes.trim()), `notes kept: ${notes}`);
        if (r.link) assert.ok(notes.includes(`Link: ${r.link}`), `link kept: ${notes}`);
        if (r.contact) assert.ok(notes.includes(`Contact: ${one(r.contact)}`), `contact kept: ${notes}`);
      }
    }), { numRuns: 60 });
  });
});

describe('import: nothing written in a file is lost', () => {
  const header = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('Company', 'Role', 'Date', 'Status', 'outcome', 'current_status', 'Notes', 'Link', 'Contact', 'Contact Email', 'interview_count', 'Companies Name', 'Titel', 'job_title', 'Source', 'Tags', 'Stage', 'Rounds', 'Feedback', 'activity_date', 'Location'),
  );
  const value = fc.oneof(
    fc.string({ maxLength: 14 }),
    fc.constantFrom('', 'Acme', 'Rejected', 'Absage', 'Saved', 'On hold', 'Interviewed', '2026-01-14', '14 Jan 2026', '6/26/23, 12:07 PM', '03.02.2026', '45678', '2026-02-30', 'https://jobs.example/1',
      'me@example.org', '+41 79 555 01 23', 'Unfortunately we went with another candidate this time.', 'Two rounds done, waiting for the hiring manager.', '2', '→', ';', 'n/a', '-', '\'=SUM(A1)', 'line one\nline two'),
  );
  const table = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
    headers: fc.array(header, { minLength: n, maxLength: n }),
    rows: fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
    ignore: fc.subarray(Array.from({ length: n }, (_, i) => i)),
    delimiter: fc.constantFrom(',', ';', '\t'),
  }));
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();

  it('imports any table of strings without throwing, and finds every non-empty cell of every imported row in its interview, field or notes, unless its column is ignored', async () => {
    await fc.assert(fc.asyncProperty(table, async ({ headers, rows, ignore, delimiter }) => {
      const read = await readImport(utf8(Papa.unparse({ fields: headers, data: rows }, { delimiter })));
      if (!read.ok) return; // a located refusal, never a throw
      const t = read.read.table;
      let mapping = read.read.mapping;
      if (mapping.company === undefined || mapping.role === undefined) {
        if (t.headers.length < 2) return;
        mapping = { company: 0, role: 1 };
      }
      // Ignored: the columns the user chose, and those left out as the user's own, which hold one value in every row.
      for (const c of read.read.guess.own) assert.equal(new Set(t.rows.map((r) => cellText(r.cells[c]))).size, 1, `own column ${t.headers[c]} holds one value in every row`);
      const ignored = [...new Set([...ignore, ...read.read.ignored])];
      const p = planImport(t, { mapping, ignored, journalFolder: 'debrief', existing: [], takenIds: [], sourceName: 'x.csv', today: '2026-11-25' });
      assert.ok(p.ok, p.ok ? '' : p.problem.message);
      const byPath = new Map(p.plan.changes.map((c) => [c.kind === 'create' ? c.path : '', c.kind === 'create' ? c.text : '']));
      for (const result of p.plan.rows.filter((r) => r.kind === 'new')) {
        const row = t.rows.find((r) => r.line === result.line)!;
        const iv = parse(byPath.get(result.path!)!) as { company: string; role: string; applied?: string; source?: string; tags?: string[]; notes?: string; feedback?: { summary?: string } };
        const notes = iv.notes ?? '';
        t.headers.forEach((h, c) => {
          const cell = cellText(row.cells[c]);
          if (!cell || ignored.includes(c)) return;
          const field = FIELDS.find((f) => mapping[f] === c);
          const inNotes = (s: string) => notes.includes(s);
          const found = ((): boolean => {
            switch (field) {
              case 'company': return iv.company === one(cell);
              case 'role': return iv.role === one(cell);
              case 'source': return iv.source === one(cell);
              case 'applied': return typeof iv.applied === 'string';
              case 'status': return readStatus(cell) !== undefined || inNotes(`${h}: ${cell}`);
              case 'stage': return readStage(cell) !== undefined || inNotes(`${h}: ${cell}`);
              case 'rounds': return inNotes(`${h}: ${cell}`) || (readRounds(cell, 'mdy')?.exact === true && readRounds(cell, 'mdy')!.rounds.length > 0);
              case 'tags': return readTags(cell).every((tag) => iv.tags?.includes(tag)) && (readTags(cell).length > 0 || inNotes(`${h}: ${cell}`));
              case 'feedback': return iv.feedback?.summary === cell || inNotes(`${h}: ${cell}`);
              case 'notes': return inNotes(cell);
              case 'link': return inNotes(`Link: ${cell}`);
              case 'contact': return inNotes(`Contact: ${one(cell)}`);
              default: return inNotes(`${h}: ${cell}`);
            }
          })();
          assert.ok(found, `line ${row.line}, column "${h}" (${field ?? 'notes'}): ${JSON.stringify(cell)} is not in ${byPath.get(result.path!)}`);
        });
      }
    }), { numRuns: Number(process.env.DEBRIEF_PROPERTY_RUNS ?? 200) });
  });
});
