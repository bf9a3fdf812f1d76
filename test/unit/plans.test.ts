import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { FileChange, Texts } from '../../src/core/plans/plan';
import { planRecordFeedback } from '../../src/core/plans/record-feedback';
import { planRecordInterview } from '../../src/core/plans/record-interview';
import { planAddWeakness, planLinkNewNote, planRenameWeakness } from '../../src/core/plans/weakness-plans';
import { applyEdits } from '../../src/core/yaml/text-edits';

const W = 'debrief/weaknesses.yaml';
const IV = 'debrief/interviews/acme.yaml';
const WEAKNESSES = '# my weaknesses\nweaknesses:\n  - id: rambling\n    title: Rambling\n    improvements:\n      - id: star\n        action: Practise STAR\n';
const ACME = 'id: acme\ncompany: Acme\nrole: Dev\n# rounds come later\nweaknesses:\n  - weakness: rambling\n';

/** The files after a plan: every change applied to the texts it was made from. */
function after(texts: Texts, changes: FileChange[]): Map<string, string | undefined> {
  const out = new Map(texts);
  for (const c of changes) {
    if (c.kind === 'create') {
      assert.equal(out.get(c.path), undefined, `${c.path} is created only where nothing exists`);
      out.set(c.path, c.text);
    } else if (c.kind === 'delete') out.set(c.path, undefined);
    else out.set(c.path, applyEdits(out.get(c.path)!, c.edits));
  }
  return out;
}

describe('plans', () => {
  const paths = { journalFolder: 'debrief', weaknessesPath: W, interviewIds: ['acme'] };

  it('Record Interview: the interview file and the new weakness, nothing else', () => {
    const texts = new Map([[W, WEAKNESSES]]);
    const plan = planRecordInterview(texts, {
      company: ' Globex ', role: 'Platform Engineer', date: '2026-11-02', round: { type: 'coding', rating: 3, wentBadly: 'Froze' },
      outcome: 'pending', weaknesses: { existing: ['rambling'], created: ['Shaky on caching'] },
    }, paths);
    assert.ok(plan.ok);
    assert.deepEqual(plan.result, { id: 'globex-platform-engineer', path: 'debrief/interviews/globex-platform-engineer.yaml' });
    assert.deepEqual(plan.changes.map((c) => `${c.kind} ${c.path}`), [`edit ${W}`, `create ${plan.result.path}`]);
    const files = after(texts, plan.changes);
    const w = files.get(W)!;
    assert.ok(w.startsWith(WEAKNESSES), 'the weaknesses file keeps every byte it had, comment included');
    assert.deepEqual(parse(w).weaknesses.map((x: { id: string }) => x.id), ['rambling', 'shaky-on-caching']);
    const iv = parse(files.get(plan.result.path)!);
    assert.equal(iv.company, 'Globex');
    assert.deepEqual(iv.rounds, [{ type: 'coding', date: '2026-11-02', rating: 3, 'went-badly': 'Froze' }]);
    assert.deepEqual(iv.weaknesses, [{ weakness: 'rambling', round: 1, source: 'self' }, { weakness: 'shaky-on-caching', round: 1, source: 'self' }]);
  });

  it('Record Interview without weaknesses.yaml creates it; without a round the date is the application date', () => {
    const plan = planRecordInterview(new Map([[W, undefined]]), {
      company: 'Initrode', role: 'Dev', date: '2026-11-03', outcome: 'pending', weaknesses: { existing: [], created: ['Nervous start'] },
    }, { ...paths, interviewIds: [] });
    assert.ok(plan.ok);
    assert.deepEqual(plan.changes.map((c) => c.kind), ['create', 'create']);
    const files = after(new Map([[W, undefined]]), plan.changes);
    assert.deepEqual(parse(files.get(W)!).weaknesses, [{ id: 'nervous-start', title: 'Nervous start', status: 'suspected' }]);
    const iv = parse(files.get(plan.result.path)!);
    assert.equal(iv.applied, '2026-11-03');
    assert.deepEqual(iv.weaknesses, [{ weakness: 'nervous-start', source: 'self' }]);
  });

  it('Record Interview refuses an empty company and a broken weaknesses.yaml, writing nothing', () => {
    const empty = planRecordInterview(new Map([[W, WEAKNESSES]]), { company: ' ', role: 'Dev', date: '2026-11-03', outcome: 'pending', weaknesses: { existing: [], created: [] } }, paths);
    assert.equal(empty.ok, false);
    const broken = planRecordInterview(new Map([[W, 'weaknesses: [unclosed\n']]), { company: 'A', role: 'Dev', date: '2026-11-03', outcome: 'pending', weaknesses: { existing: [], created: ['New'] } }, paths);
    assert.ok(!broken.ok);
    assert.equal(broken.problems[0].file, W, 'the refusal names the file');
  });

  it('Record Feedback: the reply and the weaknesses it points to, one change per file', () => {
    const texts = new Map([[IV, ACME], [W, WEAKNESSES]]);
    const plan = planRecordFeedback(texts, IV, W, { received: '2026-11-20', summary: 'Too long', quotes: ['Get to the point'], weaknesses: { existing: [], created: ['No structure'] } });
    assert.ok(plan.ok);
    assert.deepEqual(plan.changes.map((c) => `${c.kind} ${c.path}`), [`edit ${W}`, `edit ${IV}`]);
    const files = after(texts, plan.changes);
    const iv = parse(files.get(IV)!);
    assert.deepEqual(iv.feedback, { received: '2026-11-20', summary: 'Too long', quotes: ['Get to the point'] });
    assert.deepEqual(iv.weaknesses.map((c: { weakness: string }) => c.weakness), ['rambling', 'no-structure']);
    assert.match(files.get(IV)!, /# rounds come later/);
  });

  it('Add Weakness, Rename Weakness and Link a new note', () => {
    const add = planAddWeakness(new Map([[W, WEAKNESSES]]), W, { title: 'Weak on estimates', category: 'system-design' });
    assert.ok(add.ok);
    assert.equal(add.result, 'weak-on-estimates');
    const texts = new Map([[W, WEAKNESSES], [IV, ACME]]);
    const rename = planRenameWeakness(texts, W, [IV], 'rambling', 'long-answers');
    assert.ok(rename.ok);
    const renamed = after(texts, rename.changes);
    assert.equal(parse(renamed.get(W)!).weaknesses[0].id, 'long-answers');
    assert.equal(parse(renamed.get(IV)!).weaknesses[0].weakness, 'long-answers');
    const taken = planRenameWeakness(new Map([[W, WEAKNESSES + '  - id: other\n    title: Other\n'], [IV, ACME]]), W, [IV], 'rambling', 'other');
    assert.equal(taken.ok, false, 'an id that is taken is refused');
    const link = planLinkNewNote(new Map([[W, WEAKNESSES], ['notes/star.md', undefined]]), W, 'rambling', 'star', 'notes/star.md', '# Star\n');
    assert.ok(link.ok);
    assert.deepEqual(link.changes.map((c) => `${c.kind} ${c.path}`), ['create notes/star.md', `edit ${W}`]);
    const exists = planLinkNewNote(new Map([[W, WEAKNESSES], ['notes/star.md', '# Mine\n']]), W, 'rambling', 'star', 'notes/star.md', '# Star\n');
    assert.equal(exists.ok, false, 'an existing note is never overwritten');
  });
});
