import * as assert from 'node:assert/strict';
import * as interviewEdits from '../../src/core/edits/interview';
import * as weaknessEdits from '../../src/core/edits/weaknesses';
import * as renameEdits from '../../src/core/edits/rename-weakness';
import * as textEdits from '../../src/core/yaml/text-edits';
import type { EditResult } from '../../src/core/yaml/text-edits';
import * as ids from '../../src/core/ids';
import * as templates from '../../src/core/templates/initial-journal';
import { readInterview } from '../../src/core/read/interview';
import { readWeaknesses } from '../../src/core/read/weaknesses';
import { JournalIndex } from '../../src/core/journal/journal-index';

const E = { ...interviewEdits, ...weaknessEdits, ...renameEdits, ...textEdits, ...ids, ...templates };

const IV = 'debrief/interviews/acme-backend.yaml';
const WK = 'debrief/weaknesses.yaml';

function apply(text: string, r: EditResult): string {
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.problems));
  return E.applyEdits(text, r.edits);
}
function iv(text: string) {
  const r = readInterview(IV, text);
  assert.deepEqual(r.problems.filter((p) => p.severity === 'error'), [], text);
  assert.ok(r.value);
  return r.value;
}
function wk(text: string) {
  const r = readWeaknesses(WK, text);
  assert.deepEqual(r.problems.filter((p) => p.severity === 'error'), [], text);
  assert.ok(r.value);
  return r.value;
}

const base = [
  '# Acme: backend',
  'id: acme-backend   # stable',
  'company: "Acme"',
  'role: Backend Engineer',
  'outcome: pending',
  '',
  'rounds:',
  '  - type: recruiter',
  '    date: 2025-01-10',
  '',
  '  # the hard one',
  '  - type: coding',
  '    rating: 2',
  'weaknesses:',
  '  - weakness: thinking-aloud',
  '    round: 2',
  '  - round: 1',
  '    weakness: star-stories',
  'tags: [remote, fintech]',
  '',
].join('\n');

describe('applyEdits', () => {
  it('applies edits in position order and refuses overlaps', () => {
    const e = (l: number, c: number, l2: number, c2: number, t: string) => ({ range: { start: { line: l, character: c }, end: { line: l2, character: c2 } }, newText: t });
    assert.equal(E.applyEdits('abc\ndef', [e(1, 0, 1, 1, 'D'), e(0, 1, 0, 2, 'B')]), 'aBc\nDef');
    assert.throws(() => E.applyEdits('abc', [e(0, 0, 0, 2, 'x'), e(0, 1, 0, 3, 'y')]));
  });
});

describe('interview edits', () => {
  it('setOutcome replaces only the value', () => {
    const r = E.setOutcome(base, 'rejected');
    assert.ok(r.ok);
    assert.equal(r.edits.length, 1);
    const out = apply(base, r);
    assert.equal(out, base.replace('outcome: pending', 'outcome: rejected'));
  });

  it('setStage adds a missing key at the end of the file', () => {
    const out = apply(base, E.setStage(base, 'onsite'));
    assert.equal(out, base.replace('tags: [remote, fintech]\n', 'tags: [remote, fintech]\nstage: onsite\n'));
    assert.equal(iv(out).stage, 'onsite');
  });

  it('refuses invalid values and broken YAML', () => {
    assert.equal(E.setOutcome(base, 'nope' as never).ok, false);
    const broken = E.setOutcome('id: [a\n', 'rejected');
    assert.equal(broken.ok, false);
    assert.equal(!broken.ok && broken.problems[0].code, 'yaml-syntax');
    assert.equal(E.addRound(base, { type: 'coding', date: '2025-02-30' }).ok, false);
    assert.equal(E.addRound(base, { type: 'coding', rating: 9 }).ok, false);
  });

  it('addRound appends after the last round, keeping comments', () => {
    const out = apply(base, E.addRound(base, { type: 'onsite', date: '2025-02-01', interviewers: ['Sam'], questions: ['Design: a cache'], wentBadly: 'time' }));
    assert.ok(out.startsWith(base.slice(0, base.indexOf('weaknesses:'))));
    assert.ok(out.includes('    rating: 2\n  - type: onsite\n    date: 2025-02-01\n    interviewers:\n      - Sam\n    questions:\n      - "Design: a cache"\n    went-badly: time\nweaknesses:'));
    const v = iv(out);
    assert.equal(v.rounds.length, 3);
    assert.deepEqual(v.rounds[2].questions, ['Design: a cache']);
  });

  it('addRound creates the rounds list when missing or empty', () => {
    const t = 'id: a\ncompany: A\nrole: R\n';
    assert.equal(apply(t, E.addRound(t, { type: 'coding' })), t + 'rounds:\n  - type: coding\n');
    const t2 = 'id: a\ncompany: A\nrole: R\nrounds: [] # none yet\n';
    assert.equal(apply(t2, E.addRound(t2, { type: 'coding' })), 'id: a\ncompany: A\nrole: R\nrounds: # none yet\n  - type: coding\n', 'the comment stays on the key\'s line');
  });

  it('recordRound fills in a round written down before it happened, once it has', () => {
    const t = 'id: a\ncompany: A\nrole: R\nrounds:\n  - type: system-design # the onsite\n    date: 2025-12-03\n    interviewers: [Priya]\n';
    const out = apply(t, E.recordRound(t, 1, { interviewer: 'Tom', rating: 4, wentWell: 'Numbers first', wentBadly: 'Ran out of time' }, { type: 'system-design', date: '2025-12-03' }));
    assert.equal(out, 'id: a\ncompany: A\nrole: R\nrounds:\n  - type: system-design # the onsite\n    date: 2025-12-03\n    interviewers: [Priya, Tom]\n    rating: 4\n    went-well: Numbers first\n    went-badly: Ran out of time\n');
    assert.equal(apply(t, E.recordRound(t, 1, { interviewer: 'Priya' }, { type: 'system-design' })), t, 'an interviewer already named is not added twice');
    const stale = E.recordRound(t, 1, { rating: 3 }, { type: 'coding' });
    assert.equal(!stale.ok && stale.problems[0].code, 'stale', 'the round is not the one shown');
    assert.equal(E.recordRound(t, 2, { rating: 3 }).ok, false, 'no round 2');
    assert.equal(E.recordRound(t, 1, { rating: 6 }).ok, false);
  });

  it('deleteRound removes the round and renumbers citations', () => {
    const out = apply(base, E.deleteRound(base, 1));
    const v = iv(out);
    assert.equal(v.rounds.length, 1);
    assert.equal(v.rounds[0].type, 'coding');
    assert.deepEqual(v.weaknesses.map((c) => [c.weakness, c.round]), [['thinking-aloud', 1], ['star-stories', undefined]]);
    assert.ok(out.includes('  # the hard one\n'));
    assert.equal(E.deleteRound(base, 5).ok, false);
  });

  it('records feedback requested then received', () => {
    const a = apply(base, E.recordFeedbackRequested(base, '2025-02-01'));
    assert.ok(a.endsWith('tags: [remote, fintech]\nfeedback:\n  requested: 2025-02-01\n'));
    const b = apply(a, E.recordFeedbackReceived(a, { received: '2025-02-05', summary: 'Too quiet', quotes: ['"Hard to follow"'] }));
    const v = iv(b);
    assert.deepEqual([v.feedback?.requested, v.feedback?.received, v.feedback?.summary, v.feedback?.quotes], ['2025-02-01', '2025-02-05', 'Too quiet', ['"Hard to follow"']]);
    const c = apply(b, E.recordFeedbackReceived(b, { received: '2025-02-06', quotes: ['More'] }));
    assert.deepEqual(iv(c).feedback?.quotes, ['"Hard to follow"', 'More']);
    assert.equal(iv(c).feedback?.received, '2025-02-06');
  });

  it('records feedback with quotes on a file that has no feedback yet, writing the key once', () => {
    const t = 'id: a\ncompany: A\nrole: R\n';
    const out = apply(t, E.recordFeedbackReceived(t, { received: '2025-02-05', summary: 'Good', quotes: ['One', 'Two'] }));
    assert.equal(out.match(/^feedback:/gm)?.length, 1);
    const v = iv(out);
    assert.deepEqual([v.feedback?.received, v.feedback?.summary, v.feedback?.quotes], ['2025-02-05', 'Good', ['One', 'Two']]);
    assert.ok(out.startsWith(t), 'the rest of the file is unchanged');
  });

  it('chains several edits into one minimal edit, and stops at a refusal', () => {
    const t = '# keep me\r\nid: a\r\ncompany: A\r\nrole: R\r\noutcome: pending # so far\r\n';
    const r = E.chain(t, (x) => E.setOutcome(x, 'rejected'), (x) => E.recordFeedbackRequested(x, '2025-02-01'));
    assert.ok(r.ok);
    assert.equal(r.edits.length, 1);
    const out = apply(t, r);
    assert.equal(iv(out).outcome, 'rejected');
    assert.equal(iv(out).feedback?.requested, '2025-02-01');
    assert.ok(out.startsWith('# keep me\r\nid: a\r\ncompany: A\r\nrole: R\r\noutcome: rejected # so far\r\n'));
    assert.ok(!/[^\r]\n/.test(out), 'CRLF line endings survive');
    const refused = E.chain(t, (x) => E.setOutcome(x, 'rejected'), (x) => E.recordFeedbackRequested(x, '2025-02-30'));
    assert.equal(refused.ok, false);
    assert.deepEqual(E.chain(t), { ok: true, edits: [] });
  });

  it('fills an empty feedback key in place', () => {
    const t = 'id: a\ncompany: A\nrole: R\nfeedback: # later\nnotes: x\n';
    const out = apply(t, E.recordFeedbackRequested(t, '2025-01-01'));
    assert.equal(out, 'id: a\ncompany: A\nrole: R\nfeedback: # later\n  requested: 2025-01-01\nnotes: x\n');
  });

  it('cites and unciteses weaknesses', () => {
    const out = apply(base, E.citeWeakness(base, { weakness: 'sql', round: 1, source: 'self', quote: 'Forgot: OVER()' }));
    const v = iv(out);
    assert.deepEqual(v.weaknesses.map((c) => c.weakness), ['thinking-aloud', 'star-stories', 'sql']);
    assert.equal(v.weaknesses[2].quote, 'Forgot: OVER()');
    assert.equal(E.citeWeakness(base, { weakness: 'x', round: 9 }).ok, false);
    const un = apply(base, E.unciteWeakness(base, 'thinking-aloud'));
    assert.deepEqual(iv(un).weaknesses.map((c) => c.weakness), ['star-stories']);
    const un2 = apply(base, E.unciteWeakness(base, 1));
    assert.deepEqual(iv(un2).weaknesses.map((c) => c.weakness), ['thinking-aloud']);
    const both = apply(un, E.unciteWeakness(un, 0));
    assert.ok(both.includes('weaknesses: []\n'));
    assert.equal(E.unciteWeakness(base, 'nope').ok, false);
  });

  it('setNext creates or updates the next step', () => {
    const a = apply(base, E.setNext(base, { action: 'Follow up', due: '2025-03-01' }));
    const b = apply(a, E.setNext(a, { due: '2025-03-05' }));
    assert.deepEqual([iv(b).next?.action, iv(b).next?.due], ['Follow up', '2025-03-05']);
    assert.equal(b, a.replace('due: 2025-03-01', 'due: 2025-03-05'));
  });

  it('removeNext removes the next step with its lines and comments, and nothing else', () => {
    const t = 'id: a\ncompany: A\nrole: R\nnext:\n  # after the call\n  action: Send the take-home\n  due: 2025-03-01\ntags: [x] # kept\n';
    assert.equal(apply(t, E.removeNext(t)), 'id: a\ncompany: A\nrole: R\ntags: [x] # kept\n');
    assert.equal(iv(apply(t, E.removeNext(t))).next, undefined);
    const none = E.removeNext(base);
    assert.deepEqual([none.ok, none.ok && none.edits.length], [true, 0], 'no next step: nothing to change');
  });

  it('keeps the quoting style of a replaced value', () => {
    const t = 'id: a\ncompany: A\nrole: R\noutcome: "pending"\n';
    assert.equal(apply(t, E.setOutcome(t, 'offer')), 'id: a\ncompany: A\nrole: R\noutcome: "offer"\n');
  });

  it('preserves CRLF and BOM', () => {
    const t = '\uFEFF' + base.replace(/\n/g, '\r\n');
    const out = apply(t, E.addRound(t, { type: 'onsite', questions: ['a'] }));
    assert.ok(out.startsWith('\uFEFF'));
    assert.equal(out.replace(/\r\n/g, '').includes('\n'), false);
    assert.equal(iv(out).rounds.length, 3);
  });

  it('createInterview makes a valid file with a unique id', () => {
    const r = E.createInterview({ company: 'Acme Corp', role: 'Backend Engineer', applied: '2025-01-01', tags: ['remote'] }, { existingIds: ['acme-corp-backend-engineer'] });
    assert.ok(r.ok);
    assert.equal(r.id, 'acme-corp-backend-engineer-2');
    assert.equal(r.path, 'debrief/interviews/acme-corp-backend-engineer-2.yaml');
    assert.ok(r.text.startsWith('# Acme Corp: Backend Engineer\n'));
    const read = readInterview(r.path, r.text);
    assert.deepEqual(read.problems, []);
    assert.equal(read.value?.outcome, 'pending');
    assert.equal(E.createInterview({ company: '', role: 'x' }).ok, false);
    assert.equal(E.createInterview({ company: 'a', role: 'x', id: 'taken' }, { existingIds: ['taken'] }).ok, false);
  });
});

const wbase = [
  '# My weaknesses',
  'weaknesses:',
  '  - id: thinking-aloud',
  '    title: Silent while solving',
  '    status: confirmed',
  '    improvements:',
  '      - id: mock',
  "        action: 'Three mocks'",
  '        status: doing',
  '        notes:',
  '          - notes/a.md # main note',
  '          - notes/b.md',
  '      - id: phrases',
  '        action: Phrase list',
  '',
  '  - id: star-stories',
  '    title: Rambling stories',
  '',
].join('\n');

describe('weaknesses edits', () => {
  it('addWeakness appends with a unique id', () => {
    const r = E.addWeakness(wbase, { title: 'Star stories', category: 'behavioral' });
    assert.ok(r.ok);
    assert.equal(r.id, 'star-stories-2');
    const v = wk(E.applyEdits(wbase, r.edits));
    assert.deepEqual(v.weaknesses.map((w) => w.id), ['thinking-aloud', 'star-stories', 'star-stories-2']);
    assert.equal(E.addWeakness(wbase, { title: 'x', id: 'star-stories' }).ok, false);
  });

  it('setWeaknessStatus', () => {
    const out = apply(wbase, E.setWeaknessStatus(wbase, 'thinking-aloud', 'improving'));
    assert.equal(out, wbase.replace('status: confirmed', 'status: improving'));
    const out2 = apply(wbase, E.setWeaknessStatus(wbase, 'star-stories', 'resolved'));
    assert.equal(wk(out2).weaknesses[1].status, 'resolved');
    assert.equal(E.setWeaknessStatus(wbase, 'nope', 'resolved').ok, false);
  });

  it('addImprovement on a weakness with and without items', () => {
    const a = apply(wbase, E.addImprovement(wbase, 'thinking-aloud', { action: 'Record myself', due: '2025-04-01' }));
    assert.deepEqual(wk(a).weaknesses[0].improvements.map((i) => i.id), ['mock', 'phrases', 'record-myself']);
    const b = apply(wbase, E.addImprovement(wbase, 'star-stories', { id: 'write', action: 'Write six stories', doneWhen: 'All six written' }));
    assert.equal(wk(b).weaknesses[1].improvements[0].doneWhen, 'All six written');
    assert.equal(E.addImprovement(wbase, 'thinking-aloud', { id: 'mock', action: 'x' }).ok, false);
  });

  it('setImprovementStatus records and clears the done date', () => {
    const a = apply(wbase, E.setImprovementStatus(wbase, 'thinking-aloud', 'mock', 'done', '2025-03-03'));
    const item = wk(a).weaknesses[0].improvements[0];
    assert.deepEqual([item.status, item.done], ['done', '2025-03-03']);
    const b = apply(a, E.setImprovementStatus(a, 'thinking-aloud', 'mock', 'doing', '2025-03-04'));
    assert.equal(b, wbase);
    const c = apply(wbase, E.setImprovementStatus(wbase, 'thinking-aloud', 'phrases', 'done', '2025-03-03'));
    assert.equal(wk(c).weaknesses[0].improvements[1].done, '2025-03-03');
  });

  it('setImprovementDue', () => {
    const a = apply(wbase, E.setImprovementDue(wbase, 'thinking-aloud', 'phrases', '2025-05-01'));
    assert.equal(wk(a).weaknesses[0].improvements[1].due, '2025-05-01');
    assert.equal(E.setImprovementDue(wbase, 'thinking-aloud', 'phrases', '2025-5-1').ok, false);
    assert.equal(E.setImprovementDue(wbase, 'thinking-aloud', 'nope', '2025-05-01').ok, false);
  });

  it('links and unlinks notes', () => {
    const a = apply(wbase, E.linkNote(wbase, 'thinking-aloud', 'mock', 'notes/c.md'));
    assert.deepEqual(wk(a).weaknesses[0].improvements[0].notes.map((n) => n.path), ['notes/a.md', 'notes/b.md', 'notes/c.md']);
    const same = E.linkNote(wbase, 'thinking-aloud', 'mock', 'notes/a.md');
    assert.ok(same.ok && same.edits.length === 0);
    const b = apply(wbase, E.linkNote(wbase, 'thinking-aloud', 'phrases', 'notes/p.md'));
    assert.deepEqual(wk(b).weaknesses[0].improvements[1].notes.map((n) => n.path), ['notes/p.md']);
    const c = apply(wbase, E.unlinkNote(wbase, 'thinking-aloud', 'mock', 'notes/a.md'));
    assert.equal(c, wbase.replace('          - notes/a.md # main note\n', ''));
    assert.equal(E.unlinkNote(wbase, 'thinking-aloud', 'mock', 'notes/zzz.md').ok, false);
  });

  it('deletes improvements and weaknesses as whole lines', () => {
    const a = apply(wbase, E.deleteImprovement(wbase, 'thinking-aloud', 'phrases'));
    assert.equal(a, wbase.replace('      - id: phrases\n        action: Phrase list\n', ''));
    const b = apply(wbase, E.deleteWeakness(wbase, 'star-stories'));
    assert.equal(b, wbase.replace('  - id: star-stories\n    title: Rambling stories\n', ''));
    const c = apply(b, E.deleteWeakness(b, 'thinking-aloud'));
    assert.deepEqual(wk(c).weaknesses, []);
    assert.ok(c.startsWith('# My weaknesses\nweaknesses: []'));
  });

  it('renameWeakness edits weaknesses.yaml and every citing interview', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    index.update(WK, wbase);
    index.update(IV, base);
    const other = 'id: other\ncompany: O\nrole: R\n';
    index.update('debrief/interviews/other.yaml', other);
    const files = new Map<string, string>([[WK, wbase], ...index.filesCiting('thinking-aloud').map((f): [string, string] => [f, f === IV ? base : other])]);
    const r = E.renameWeakness(files, WK, 'thinking-aloud', 'silent-solving');
    assert.ok(r.ok);
    assert.deepEqual([...r.edits.keys()].sort(), [IV, WK]);
    const newW = E.applyEdits(wbase, r.edits.get(WK) ?? []);
    const newI = E.applyEdits(base, r.edits.get(IV) ?? []);
    assert.equal(newW, wbase.replace('id: thinking-aloud', 'id: silent-solving'));
    assert.equal(newI, base.replace('weakness: thinking-aloud', 'weakness: silent-solving'));
    assert.equal(E.renameWeakness(files, WK, 'thinking-aloud', 'star-stories').ok, false);
    assert.equal(E.renameWeakness(files, WK, 'nope', 'x').ok, false);
    assert.equal(E.renameWeakness(files, WK, 'thinking-aloud', 'Bad Id').ok, false);
  });

  it('renameWeakness follows the citations of an interview whatever its file is called', () => {
    const named = 'debrief/interviews/weaknesses.yaml';
    const iv = 'id: weaknesses\ncompany: W\nrole: R\nweaknesses:\n  - weakness: thinking-aloud\n';
    const r = E.renameWeakness(new Map([[WK, wbase], [named, iv]]), WK, 'thinking-aloud', 'silent-solving');
    assert.ok(r.ok);
    assert.equal(E.applyEdits(iv, r.edits.get(named) ?? []), iv.replace('weakness: thinking-aloud', 'weakness: silent-solving'));
  });

  it('initialJournal is a valid commented weaknesses file', () => {
    const t = E.initialJournal();
    assert.ok(t.startsWith('#'));
    assert.deepEqual(readWeaknesses(WK, t).problems, []);
    assert.deepEqual(readWeaknesses(WK, t).value?.weaknesses, [], 'the example is only in comments: no weakness shows anywhere');
    assert.doesNotMatch(t, /\("done" is the date/, 'no comment mixes up the done status with the done date');
    const added = apply(t, E.addWeakness(t, { title: 'Going silent' }));
    assert.deepEqual(readWeaknesses(WK, added).value?.weaknesses.map((w) => w.id), ['going-silent'], 'the first weakness goes into the empty list');
  });
});

