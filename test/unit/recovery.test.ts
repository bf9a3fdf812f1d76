/**
 * Records, not files, are the unit of failure: a journal file written in any style (lib/yaml-styles.ts)
 * is damaged at a random place in a random way (a "]" or "}" dropped, a quote, a colon, an indentation
 * broken, a tab or a stray character typed), and every record whose text the damage did not touch, in
 * a list written in block style, is still read with the same data and ranges (the next top-level
 * key's line moved right counts as touching the last item, whose lines it could be).
 * `DEBRIEF_PROPERTY_RUNS` runs more; `DEBRIEF_SHOW_COUNTS=1` prints what the damage did.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isMap, parseDocument } from 'yaml';
import { main } from '../../src/cli/main';
import { setOutcome } from '../../src/core/edits/interview';
import { renameNoteLinks } from '../../src/core/edits/note-links';
import { setWeaknessStatus } from '../../src/core/edits/weaknesses';
import { EntrySnapshot, JournalIndex, RecordState } from '../../src/core/journal/journal-index';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import type { Round, Weakness } from '../../src/core/model';
import { readInterview } from '../../src/core/read/interview';
import { readWeaknesses } from '../../src/core/read/weaknesses';
import { refusalWords } from '../../src/core/refusal-words';
import { damage, Damage, DAMAGES, itemSpans } from './lib/damage';
import { blockStyleArb, interviewArb, plain, styleArb, weaknessesArb, writeInStyle } from './lib/yaml-styles';

const RUNS = Number(process.env.DEBRIEF_PROPERTY_RUNS) || 100;
const I = 'debrief/interviews/acme.yaml';
const W = 'debrief/weaknesses.yaml';

/** A record without its position in the list (a line of stray text before it may count as an item that did not read). */
function unplaced<T extends { index: number }>(r: T): Omit<T, 'index'> {
  const { index: _, ...rest } = r;
  return rest;
}

const counts = new Map<string, number>();
const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);

/**
 * Checks that every record of `key`'s list in `text` that the damage (at `offset`) did not touch is
 * read from `damaged` as it was read from `text`: `before` and `after` are the records of both reads.
 */
function survives<T extends { index: number }>(text: string, key: string, damaged: { text: string; offset: number; kind: Damage }, before: T[], after: T[]): void {
  const spans = itemSpans(text.replace(/^\uFEFF/, ''), key);
  if (!spans) {
    count(`${key}: not a block list`);
    return;
  }
  // Offsets in the text without its byte order mark, as the spans (a character typed before the mark is on the first line).
  const at = Math.max(0, damaged.offset - (text.charCodeAt(0) === 0xfeff ? 1 : 0));
  if (at >= spans.head[0] && at < spans.head[1]) {
    count(`${key}: damage in the key's lines`);
    return;
  }
  // A damage that leaves valid YAML of another shape (a "|" typed at the top makes the file one text): nothing to recover.
  const doc = parseDocument(damaged.text);
  if (doc.errors.length === 0 && !isMap(doc.contents)) {
    count(`${key}: valid YAML that is not a mapping`);
    return;
  }
  assert.equal(before.length, spans.items.length, `every item of ${key} reads in the intact text`);
  const where = `damage at ${damaged.offset} in ${JSON.stringify(text)} → ${JSON.stringify(damaged.text)}`;
  let intact = 0;
  spans.items.forEach(([s, e], n) => {
    if (at >= s && at < e) return; // the record the damage touched
    // The next top-level key's line moved right reads as lines of the item above it, which they could be.
    if (damaged.kind === 'indent' && at === e && n === spans.items.length - 1 && e < text.length) return;
    // The first item's "-" moved sets the list's column, as YAML reads it: with two items, no column is
    // shared that would tell which of the two moved, so the other one may be the item read as out of place.
    if (damaged.kind === 'indent' && at === spans.items[0][0] && spans.items.length === 2) return;
    intact++;
    const want = JSON.stringify(unplaced(before[n]));
    assert.ok(after.some((r) => JSON.stringify(unplaced(r)) === want), `${key}[${n}] is intact and still read as it was: ${where}\nwanted ${want}\nread ${JSON.stringify(after.map(unplaced))}`);
  });
  count(intact > 0 ? `${key}: intact records read` : `${key}: no intact record`);
}

describe('reading a damaged journal file', function () {
  this.timeout(300_000);

  after(() => {
    if (process.env.DEBRIEF_SHOW_COUNTS) for (const [what, n] of counts) console.log(`      ${what}: ${n}`);
  });

  const damageArb = fc.tuple(fc.constantFrom(...DAMAGES), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat(1000));
  // Any style, and as often block collections with plain keys only (the lists recovery reads item by item).
  const anyStyle = fc.oneof(styleArb, blockStyleArb);

  it('every weakness the damage did not touch is read with the same data and ranges', () => {
    const many = weaknessesArb.filter((d) => d.weaknesses.length >= 2);
    fc.assert(fc.property(many, anyStyle, damageArb, (data, style, [kind, at, pick]) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      const damaged = damage(text, kind, at, pick);
      if (!damaged) return;
      const weaknesses = (t: string): Weakness[] => readWeaknesses(W, t).value?.weaknesses ?? [];
      survives(text, 'weaknesses', damaged, weaknesses(text), weaknesses(damaged.text));
    }), { numRuns: RUNS * 10 });
  });

  it('the index shows every weakness of a file damaged while edited: as it reads now, or as last read in the part that does not', () => {
    const many = weaknessesArb.filter((d) => d.weaknesses.length >= 2);
    fc.assert(fc.property(many, blockStyleArb, damageArb, (data, style, [kind, at, pick]) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      const damaged = damage(text, kind, at, pick);
      // A damage that leaves valid YAML (a key renamed) is a file that reads, with its own problems.
      if (!damaged || parseDocument(damaged.text).errors.length === 0) return;
      const index = new JournalIndex({ journalFolder: 'debrief' });
      index.update(W, text);
      const before = index.weaknesses();
      index.update(W, damaged.text);
      const states = index.weaknessStates();
      const where = `${JSON.stringify(text)} → ${JSON.stringify(damaged.text)}`;
      for (const w of before) {
        const last = states.find((s) => s.kind === 'broken' && s.lastRead?.id === w.id);
        if (last) {
          assert.deepEqual(last.kind === 'broken' && last.lastRead, w, `the weakness as last read: ${where}`);
          count('weaknesses: kept as last read');
          continue;
        }
        // Else it reads: as it was, or changed by the damage (its id too), in its place.
        const now = states.find((s) => s.kind === 'read' && (s.record.id === w.id || s.record.range.start.line === w.range.start.line));
        assert.ok(now, `${w.id} is shown, as read or as last read: ${where}\n${JSON.stringify(states.map((s) => (s.kind === 'read' ? s.record.id : `broken ${s.range.start.line}`)))}`);
      }
    }), { numRuns: RUNS * 5 });
  });

  it('every round and citation of an interview the damage did not touch is read with the same data and ranges', () => {
    fc.assert(fc.property(interviewArb, anyStyle, damageArb, (data, style, [kind, at, pick]) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      const damaged = damage(text, kind, at, pick);
      if (!damaged) return;
      const before = readInterview(I, text).value;
      const after = readInterview(I, damaged.text).value;
      survives<Round>(text, 'rounds', damaged, before?.rounds ?? [], after?.rounds ?? []);
      survives(text, 'weaknesses', damaged, before?.weaknesses ?? [], after?.weaknesses ?? []);
    }), { numRuns: RUNS * 10 });
  });
});

// ---------- the cases of the issue, and the index ----------

const demoWeaknesses = [
  'weaknesses:',
  '  - id: thinking-aloud',
  '    title: Going silent while solving',
  '    improvements:',
  '      - id: narrate-mock',
  '        action: Three mock interviews',
  '        notes:',
  '          - notes/thinking-aloud.md',
  '  - id: capacity-estimates',
  '    title: No capacity estimates',
  '    category: system-design',
  '  - id: star-stories',
  '    title: Behavioral answers run long',
  '',
].join('\n');
/** The demo's file with the list of notes written [on one line], its "]" lost, and a mapping given as a category. */
const twoMistakes = demoWeaknesses
  .replace('        notes:\n          - notes/thinking-aloud.md', '        notes: [notes/thinking-aloud.md')
  .replace('category: system-design', 'category: {a: 1}');

describe('one mistake, one problem', () => {
  it('a lost "]" spoils only its weakness, and its one problem names where the list was opened', () => {
    const r = readWeaknesses(W, demoWeaknesses.replace('        notes:\n          - notes/thinking-aloud.md', '        notes: [notes/thinking-aloud.md'));
    assert.deepEqual(r.value?.weaknesses.map((w) => w.id), ['capacity-estimates', 'star-stories']);
    assert.deepEqual(r.value?.weaknesses.map((w) => w.index), [1, 2], 'each keeps its place in the list');
    assert.equal(r.problems.length, 1, r.problems.map((p) => p.message).join('\n'));
    const [p] = r.problems;
    assert.equal(p.code, 'yaml-syntax');
    assert.equal(p.message, 'The list opened with "[" on line 7, column 16 is never closed. Add "]" after its last item.');
    assert.deepEqual(p.range.start, { line: 6, character: 15 });
    assert.deepEqual(r.broken?.map((b) => [b.path, b.range.start.line, b.range.end.line]), [[['weaknesses', 0], 1, 6]]);
    assert.equal(r.broken?.[0].problem, p);
  });

  it('a broken weakness is named by the id written on its own lines, when one reads there as an id', () => {
    const idOf = (item: string) => readWeaknesses(W, `weaknesses:\n${item}  - id: after\n    title: After\n`).broken?.[0]?.id;
    assert.equal(idOf('  - id: capacity-estimates\n    title: [No estimates\n'), 'capacity-estimates');
    assert.equal(idOf('  - title: [No estimates\n    id: "later-id"  # a comment\n'), 'later-id', 'on a line of its keys, quoted, a comment after it');
    assert.equal(idOf("  -   id: 'x-1'\n      title: [No\n"), 'x-1', 'at the column of its first key');
    assert.equal(idOf('  - title: [No estimates\n    improvements:\n      - id: an-item\n'), undefined, 'an id further right is an item\'s');
    assert.equal(idOf('  - id: foo#bar\n    title: [x\n'), undefined, 'a "#" without a space before it is part of the value');
    assert.equal(idOf('  - id: Not An Id\n    title: [x\n'), undefined, 'not written as an id');
    assert.equal(idOf('  - title: [x\nid: stray\n'), undefined, 'a line further left is not the item\'s');
    // As last read, a weakness keeps its own name; one never read shows the written id (see the index's states).
    const x = new JournalIndex({ journalFolder: 'debrief' });
    x.update(W, 'weaknesses:\n  - id: half-typed\n    title: "Half\n');
    assert.deepEqual(x.weaknessStates().map((st) => (st.kind === 'broken' ? [st.kind, st.id, st.lastRead?.id] : [st.kind])), [['broken', 'half-typed', undefined]]);
  });

  it('an unclosed "{" or quote names where it was opened', () => {
    const brace = readWeaknesses(W, demoWeaknesses.replace('category: system-design', 'category: {a: 1'));
    assert.deepEqual(brace.problems.map((p) => p.message), ['The mapping opened with "{" on line 11, column 15 is never closed. Add "}" after its last entry.']);
    const double = readWeaknesses(W, demoWeaknesses.replace('title: No capacity estimates', 'title: "No capacity estimates'));
    assert.deepEqual(double.problems.map((p) => p.message), ['The text opened with the quote " on line 10, column 12 is never closed. Add " where the text ends.']);
    const single = readWeaknesses(W, demoWeaknesses.replace('title: No capacity estimates', "title: 'It''s no estimate"));
    assert.deepEqual(single.problems.map((p) => p.message), ['The text opened with the quote \' on line 10, column 12 is never closed. Add \' where the text ends.']);
    for (const r of [brace, double, single]) assert.deepEqual(r.value?.weaknesses.map((w) => w.id), ['thinking-aloud', 'star-stories']);
  });

  it('a weakness that reads on its own reads, even with a quote that looks left open', () => {
    // "'Tom''" ends with an escaped quote, yet `yaml` takes the quote after "status: " as its end and reads
    // the weakness without an error: with the first weakness damaged, it still reads just as `yaml` reads it.
    const odd = "  - id: star-stories\n    title: 'Tom''\n    # a comment\n    status: 'confirmed'\n    description: it's\n";
    const alone = parseDocument(odd);
    assert.equal(alone.errors.length, 0);
    const r = readWeaknesses(W, demoWeaknesses.replace('    title: Going silent while solving', '    title: [Going silent').replace(/ {2}- id: star-stories\n.*\n$/, odd));
    assert.deepEqual(r.value?.weaknesses.map((w) => [w.id, w.title]), [['capacity-estimates', 'No capacity estimates'], ['star-stories', (alone.toJS() as { title: string }[])[0].title]]);
    assert.deepEqual(r.problems.map((p) => p.message), ['The list opened with "[" on line 3, column 12 is never closed. Add "]" after its last item.']);
  });

  it('a mapping given as a category is one problem, never "[object Object]"', () => {
    const r = readWeaknesses(W, demoWeaknesses.replace('category: system-design', 'category: {a: 1}'));
    assert.deepEqual(r.problems.map((p) => [p.code, p.message]), [['bad-type', 'Category (weaknesses[2].category) should be text, not a mapping.']]);
    const list = readInterview(I, 'id: acme\ncompany: Acme\nrole: Dev\noutcome: [rejected]\napplied: {on: 1}\n');
    for (const p of list.problems) assert.doesNotMatch(p.message, /object Object/);
    assert.deepEqual(list.problems.map((p) => p.code), ['bad-type', 'bad-type']);
  });

  it('no schema problem about a part that did not read, nor the required key it may hold', () => {
    const r = readInterview(I, 'id: acme\ncompany: "Acme\nrole: Dev\nrounds:\n  - type: coding\n  - type: [onsite\n  - type: bogus\n');
    assert.deepEqual(r.problems.map((p) => [p.code, p.range.start.line]), [['yaml-syntax', 1], ['yaml-syntax', 5], ['bad-enum', 6]]);
    assert.equal(r.value?.role, 'Dev');
    assert.deepEqual(r.value?.rounds.map((x) => x.type), ['coding', undefined, undefined]);
    assert.deepEqual(r.broken?.map((b) => b.path), [['company'], ['rounds', 1]]);
  });

  it('a key given twice or an alias inside a weakness spoils that weakness only', () => {
    const twice = readWeaknesses(W, demoWeaknesses.replace('    category: system-design', '    category: system-design\n    title: Again'));
    assert.deepEqual(twice.value?.weaknesses.map((w) => w.id), ['thinking-aloud', 'star-stories']);
    assert.deepEqual(twice.broken?.map((b) => [b.path, b.problem.code, b.range.start.line]), [[['weaknesses', 1], 'duplicate-key', 8]]);
    const alias = readWeaknesses(W, demoWeaknesses.replace('title: Behavioral answers run long', 'title: *t'));
    assert.deepEqual(alias.value?.weaknesses.map((w) => w.id), ['thinking-aloud', 'capacity-estimates']);
    assert.deepEqual(alias.broken?.map((b) => b.problem.code), ['alias']);
  });

  it('debrief validate: one line per mistake (a lost "]" and a mapping given as a category), counted as 2 errors', async () => {
    const mem = new MemoryFileSystem();
    mem.writeFileSync(W, twoMistakes);
    mem.writeFileSync('debrief/interviews/acme.yaml', 'id: acme\ncompany: Acme\nrole: Dev\nweaknesses:\n  - weakness: thinking-aloud\n  - weakness: capacity-estimates\n  - weakness: star-stories\n');
    mem.writeFileSync('notes/thinking-aloud.md', '# t');
    const out: string[] = [];
    const code = await main(['validate', '.'], { stdout: (t) => out.push(t), stderr: (t) => out.push(t), fileSystem: () => mem });
    assert.equal(code, 1);
    assert.deepEqual(out.join('').split('\n').filter(Boolean), [
      'debrief/weaknesses.yaml:7:16: error: The list opened with "[" on line 7, column 16 is never closed. Add "]" after its last item. [yaml-syntax]',
      'debrief/weaknesses.yaml:10:15: error: Category (weaknesses[2].category) should be text, not a mapping. [bad-type]',
      '2 files checked: 2 errors, 0 warnings, 0 info.',
    ]);
  });

  it('a file with a syntax error is never edited, and the refusal is located', () => {
    const broken = demoWeaknesses.replace('category: system-design', 'category: {a: 1');
    for (const edit of [setWeaknessStatus(broken, 'star-stories', 'improving'), renameNoteLinks(broken, 'notes/thinking-aloud.md', 'notes/t.md')]) {
      assert.equal(edit.ok, false);
      if (!edit.ok) {
        assert.equal(edit.problems[0].code, 'yaml-syntax');
        assert.notDeepEqual(edit.problems[0].range.start, { line: 0, character: 0 }, 'located at the error');
      }
    }
    const interview = setOutcome('id: acme\ncompany: "Acme\nrole: Dev\n', 'rejected');
    assert.equal(interview.ok, false);
    if (!interview.ok) assert.notDeepEqual(interview.problems[0].range.start, { line: 0, character: 0 });
  });
});

describe('records, not files, in the index', () => {
  const index = () => new JournalIndex({ journalFolder: 'debrief' });
  const ids = (states: readonly RecordState<Weakness>[]) => states.map((s) => (s.kind === 'read' ? s.record.id : `broken:${s.lastRead?.id ?? '-'}`));

  it('keeps every weakness that reads, and a broken one in place, as last read', () => {
    const x = index();
    x.update(W, demoWeaknesses);
    assert.deepEqual(ids(x.weaknessStates()), ['thinking-aloud', 'capacity-estimates', 'star-stories']);
    assert.equal(x.editRefusal(W), undefined);
    x.update(W, twoMistakes);
    assert.deepEqual(ids(x.weaknessStates()), ['broken:thinking-aloud', 'capacity-estimates', 'star-stories']);
    assert.deepEqual(x.weaknesses().map((w) => w.id), ['capacity-estimates', 'star-stories'], 'the records that read');
    const broken = x.weaknessStates()[0];
    assert.ok(broken.kind === 'broken');
    assert.equal(broken.problem.code, 'yaml-syntax');
    assert.deepEqual(broken.range.start, { line: 1, character: 2 });
    assert.equal(broken.lastRead?.title, 'Going silent while solving');
    assert.equal(x.editRefusal(W), broken.problem, 'the file is not edited while a part of it does not read');
    assert.deepEqual(x.brokenParts(W).map((b) => b.path), [['weaknesses', 0]]);
    // Still broken, typed further: the record as last read stays.
    x.update(W, twoMistakes.replace('Three mock interviews', 'Three mock interviews, narrated'));
    assert.deepEqual(ids(x.weaknessStates()), ['broken:thinking-aloud', 'capacity-estimates', 'star-stories']);
    x.update(W, demoWeaknesses);
    assert.deepEqual(ids(x.weaknessStates()), ['thinking-aloud', 'capacity-estimates', 'star-stories']);
    assert.equal(x.editRefusal(W), undefined);
  });

  it('a file emptied and written again (as some tools write) keeps a broken weakness as last read', () => {
    const x = index();
    x.update(W, demoWeaknesses);
    x.update(W, '');
    assert.deepEqual(ids(x.weaknessStates()), [], 'an empty file shows no weakness');
    x.update(W, '# being written\n');
    x.update(W, twoMistakes);
    assert.deepEqual(ids(x.weaknessStates()), ['broken:thinking-aloud', 'capacity-estimates', 'star-stories']);
    assert.equal((x.weaknessStates()[0] as { lastRead?: Weakness }).lastRead?.title, 'Going silent while solving');
  });

  it('a new item that does not read has no last read; a weakness deleted meanwhile is gone', () => {
    const x = index();
    x.update(W, demoWeaknesses);
    const added = demoWeaknesses.replace('  - id: star-stories', '  - id: new-one\n    title: "Half typed\n  - id: star-stories');
    x.update(W, added);
    assert.deepEqual(ids(x.weaknessStates()), ['thinking-aloud', 'capacity-estimates', 'broken:-', 'star-stories']);
    // capacity-estimates deleted, the new one still broken: not kept as last read in the part after it.
    x.update(W, added.replace('  - id: capacity-estimates\n    title: No capacity estimates\n    category: system-design\n', ''));
    assert.deepEqual(ids(x.weaknessStates()), ['thinking-aloud', 'broken:-', 'star-stories']);
  });

  it('a file that no longer reads at all keeps every weakness as last read', () => {
    const x = index();
    x.update(W, demoWeaknesses);
    x.update(W, demoWeaknesses.replace('weaknesses:', 'weaknesses'));
    assert.deepEqual(ids(x.weaknessStates()), ['broken:thinking-aloud', 'broken:capacity-estimates', 'broken:star-stories']);
    x.refuse(W, { file: W, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'unreadable', message: 'cannot read' });
    assert.deepEqual(ids(x.weaknessStates()), ['broken:thinking-aloud', 'broken:capacity-estimates', 'broken:star-stories']);
    const cold = index();
    cold.update(W, '{weaknesses: [');
    assert.deepEqual(ids(cold.weaknessStates()), ['broken:-'], 'a file never read is one broken state');
  });

  it('an interview broken while edited keeps its record as last read; one never read has none', () => {
    const x = index();
    const path = 'debrief/interviews/acme.yaml';
    x.update(path, 'id: acme\ncompany: Acme\nrole: Dev\noutcome: pending\n');
    assert.equal(x.interviewState(path)?.kind, 'read');
    x.update(path, 'id: acme\ncompany: Acme\nrole: Dev\noutcome: [rejected\n');
    const s = x.interviewState(path);
    assert.ok(s?.kind === 'broken');
    assert.equal(s.lastRead?.outcome, 'pending');
    assert.match(s.problem.message, /opened with "\[" on line 4, column 10/);
    assert.equal(x.editRefusal(path), s.problem);
    // A value of the wrong kind is a problem, not a file that does not read.
    x.update(path, 'id: acme\ncompany: Acme\nrole: Dev\noutcome: rejectd\n');
    assert.equal(x.interviewState(path)?.kind, 'read');
    assert.equal(x.editRefusal(path), undefined);
    x.update('debrief/interviews/new.yaml', 'id: new\ncompany: New\nrole: Dev\nrole: Again\n');
    const fresh = x.interviewState('debrief/interviews/new.yaml');
    assert.ok(fresh?.kind === 'broken' && fresh.lastRead === undefined && fresh.problem.code === 'duplicate-key');
    assert.equal(x.shownInterview('debrief/interviews/new.yaml'), undefined, 'never shown half-read');
  });

  it('a command that only reads an interview takes a file with errors elsewhere, not one whose identity did not read', () => {
    const x = index();
    const path = 'debrief/interviews/acme.yaml';
    const head = 'id: acme\ncompany: Acme\nrole: Dev\noutcome: rejected\n';
    x.update(path, `${head}rounds:\n  - type: technical\n    date: 2026-10-01\n    went-well: [Talked it through\n  - type: onsite\n    date: 2026-10-08\n`);
    assert.ok(x.editRefusal(path), 'not edited: a part does not read');
    assert.equal(x.readRefusal(path), undefined, 'read: the interview read, a round aside');
    assert.equal(x.interviewAt(path)?.company, 'Acme');
    // The part that did not read holds the role: which application this is, is not known.
    x.update(path, 'id: acme\ncompany: Acme\nrole: [Dev\noutcome: rejected\n');
    assert.match(x.readRefusal(path)?.message ?? '', /opened with "\[" on line 3/);
    // A key given twice leaves the whole file in doubt.
    x.update(path, `${head}rounds: []\nrounds: []\n`);
    assert.equal(x.readRefusal(path)?.code, 'duplicate-key');
    // Not read at all.
    x.refuse(path, { file: path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'unreadable', message: 'cannot read' });
    assert.equal(x.readRefusal(path)?.code, 'unreadable');
    x.update(path, head);
    assert.equal(x.readRefusal(path), undefined);
    assert.equal(x.readRefusal(W), undefined, 'not an interview file');
  });

  it('the words of a refusal say what the command cannot do, where, and what the user can do', () => {
    const problem = { file: I, range: { start: { line: 2, character: 6 }, end: { line: 2, character: 7 } }, severity: 'error' as const, code: 'yaml-syntax', message: 'The list opened with "[" on line 3, column 7 is never closed. Add "]" after its last item.' };
    assert.equal(refusalWords('edit', I, problem),
      'Debrief cannot change debrief/interviews/acme.yaml until the mistake on line 3 is fixed: it never rewrites a file it could not read whole. '
      + 'debrief/interviews/acme.yaml:3:7: The list opened with "[" on line 3, column 7 is never closed. Add "]" after its last item. '
      + 'Fix that line (Go to Problem opens it; the Problems view lists it), then run the command again.');
    assert.equal(refusalWords('read', I, problem),
      'Debrief cannot read the interview in debrief/interviews/acme.yaml until the mistake on line 3 is fixed. '
      + 'debrief/interviews/acme.yaml:3:7: The list opened with "[" on line 3, column 7 is never closed. Add "]" after its last item. '
      + 'Fix that line (Go to Problem opens it; the Problems view lists it), then run the command again.');
  });

  it('the views show an interview that had a wrong value and then stopped reading as last read, never half-read', () => {
    const x = index();
    const path = 'debrief/interviews/acme.yaml';
    x.update(path, 'id: acme\ncompany: Acme\nrole: Dev\noutcome: rejectd\n');
    x.update(path, 'id: acme\ncompany: Acme\nrole: [Dev\noutcome: rejectd\n');
    const s = x.interviewState(path);
    assert.ok(s?.kind === 'broken' && s.lastRead?.role === 'Dev');
    assert.deepEqual(x.shownInterview(path), { interview: s.lastRead, stale: true });
  });

  it('no citation is unknown while a part of weaknesses.yaml does not read, no weakness unused while an interview does not', () => {
    const x = index();
    const path = 'debrief/interviews/acme.yaml';
    x.update(path, 'id: acme\ncompany: Acme\nrole: Dev\nweaknesses:\n  - weakness: thinking-aloud\n  - weakness: nowhere\n');
    x.update(W, demoWeaknesses);
    assert.deepEqual(x.problemsOf(path).map((p) => p.code), ['unknown-weakness']);
    assert.deepEqual(x.problemsOf(W).map((p) => p.code), ['unused-weakness', 'unused-weakness']);
    x.update(W, twoMistakes);
    assert.deepEqual(x.problemsOf(path), [], 'the weakness may be defined in the part that did not read');
    x.update(W, demoWeaknesses);
    assert.deepEqual(x.problemsOf(path).map((p) => p.code), ['unknown-weakness']);
    x.update(path, 'id: acme\ncompany: Acme\nrole: Dev\nweaknesses:\n  - weakness: [thinking-aloud\n');
    assert.deepEqual(x.problemsOf(W), [], 'a weakness may be cited in the part that did not read');
    x.update(path, 'id: acme\ncompany: Acme\nrole: Dev\n');
    assert.deepEqual(x.problemsOf(W).map((p) => p.code), ['unused-weakness', 'unused-weakness', 'unused-weakness']);
  });

  it('the parts that did not read are kept between sessions', () => {
    const x = index();
    x.update(W, twoMistakes);
    const snap = JSON.parse(JSON.stringify(x.snapshotOf(W))) as EntrySnapshot;
    const y = index();
    y.restoreMany([[W, snap]]);
    assert.deepEqual(ids(y.weaknessStates()), ['broken:-', 'capacity-estimates', 'star-stories']);
    assert.deepEqual(y.brokenParts(W), x.brokenParts(W));
  });
});
