/**
 * Named regressions of the edit rule: the failures found by trying the commands on files written by
 * hand in other styles, and the counterexamples the style generator shrank to. Each checks the exact
 * text written, so that a change of behaviour is seen.
 */
import * as assert from 'node:assert/strict';
import { parse, parseDocument } from 'yaml';
import * as I from '../../src/core/edits/interview';
import { renameWeakness } from '../../src/core/edits/rename-weakness';
import * as W from '../../src/core/edits/weaknesses';
import { uniqueId } from '../../src/core/ids';
import { applyEdits, EditResult } from '../../src/core/yaml/text-edits';

function after(text: string, r: EditResult): string {
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.problems));
  const out = applyEdits(text, r.edits);
  assert.deepEqual(parseDocument(out).errors, [], out);
  return out;
}

describe('edit regressions', () => {
  it('a start time and yes/no words are written quoted, so that YAML 1.1 tools read them as text too', () => {
    const text = 'id: a\ncompany: A\nrole: R\n';
    // PyYAML reads a plain 14:30 as the base-60 number 870, and a plain No as false.
    const out = after(text, I.addRound(text, { type: 'coding', date: '2025-02-03', time: '14:30', location: 'No', interviewers: ['Yes'] }));
    assert.equal(out, `${text}rounds:\n  - type: coding\n    date: 2025-02-03\n    time: "14:30"\n    location: "No"\n    interviewers:\n      - "Yes"\n`);
    const as11 = parse(out, { version: '1.1' }).rounds[0];
    assert.deepEqual([as11.time, as11.location, as11.interviewers], ['14:30', 'No', ['Yes']]);
    // A file written with single quotes gets single quotes.
    const single = "id: a\ncompany: 'A'\nrole: 'R'\nsource: 'x'\n";
    assert.match(after(single, I.addRound(single, { type: 'coding', time: '09:05' })), /time: '09:05'\n/);
  });

  it('Record Feedback on a feedback ending with quotes adds the quote to the list, not to the summary', () => {
    const text = 'id: a\ncompany: A\nrole: R\nfeedback:\n  summary: Needs depth\n  quotes:\n    - Too vague\n';
    const out = after(text, I.recordFeedbackReceived(text, { received: '2025-02-01', quotes: ['Be concrete'] }));
    assert.deepEqual(parse(out).feedback, { summary: 'Needs depth', quotes: ['Too vague', 'Be concrete'], received: '2025-02-01' });
  });

  it('flow mappings are merged, never replaced', () => {
    const fb = 'id: a\ncompany: A\nrole: R\nfeedback: {requested: 2025-01-21}\n';
    assert.equal(after(fb, I.recordFeedbackReceived(fb, { received: '2025-02-01' })), 'id: a\ncompany: A\nrole: R\nfeedback: {requested: 2025-01-21, received: 2025-02-01}\n');
    const next = 'id: a\ncompany: A\nrole: R\nnext: { action: Send the take-home }\n';
    assert.equal(after(next, I.setNext(next, { due: '2025-03-01' })), 'id: a\ncompany: A\nrole: R\nnext: { action: Send the take-home, due: 2025-03-01 }\n');
  });

  it('a weakness written as a flow mapping in a block list gets its improvement inside its braces', () => {
    const text = 'weaknesses:\n  - id: w1\n    title: W1\n  - {id: w2, title: W2}\n';
    const out = after(text, W.addImprovement(text, 'w2', { action: 'Practise', id: 'practise' }));
    assert.equal(out, 'weaknesses:\n  - id: w1\n    title: W1\n  - {id: w2, title: W2, improvements: [{ id: practise, action: Practise, status: todo }]}\n');
    const status = after(out, W.setImprovementStatus(out, 'w2', 'practise', 'doing', '2025-01-01'));
    assert.deepEqual(parse(status).weaknesses[1], { id: 'w2', title: 'W2', improvements: [{ id: 'practise', action: 'Practise', status: 'doing' }] });
  });

  it('a flow list of weaknesses stays a valid flow list', () => {
    const text = 'weaknesses: [{id: w1, title: W1}] # nothing else yet\n';
    const out = after(text, W.addWeakness(text, { title: 'Second one' }));
    assert.equal(out, 'weaknesses: [{id: w1, title: W1}, { id: second-one, title: Second one, status: suspected }] # nothing else yet\n');
  });

  it('appending after a keep-chomping block scalar keeps its trailing lines', () => {
    const text = 'id: a\ncompany: A\nrole: R\nnotes: |+\n  keep these\n\n\n';
    const out = after(text, I.setOutcome(text, 'rejected'));
    assert.equal(parse(out).notes, 'keep these\n\n\n');
    assert.equal(out, text + 'outcome: rejected\n');
  });

  it('comments in and after flow collections stay', () => {
    const text = 'weaknesses: [] # nothing yet\n';
    const out = after(text, W.addWeakness(text, { title: 'First' }));
    assert.equal(out, 'weaknesses: # nothing yet\n  - id: first\n    title: First\n    status: suspected\n');
    const notes = 'weaknesses:\n  - id: w\n    title: W\n    improvements:\n      - id: i\n        action: A\n        notes: [\n          notes/a.md, # the first\n          notes/b.md\n        ]\n';
    const out2 = after(notes, W.unlinkNote(notes, 'w', 'i', 'notes/b.md'));
    assert.match(out2, /notes\/a\.md # the first/);
    assert.deepEqual(parse(out2).weaknesses[0].improvements[0].notes, ['notes/a.md']);
  });

  it('new keys follow an explicit, tagged or anchored first key at the mapping\'s column', () => {
    for (const first of ['? id\n: a', '!!str id: a', '&first id: a']) {
      const text = `${first}\ncompany: A\nrole: R\n`;
      assert.equal(after(text, I.setOutcome(text, 'offer')), `${text}outcome: offer\n`, first);
    }
  });

  it('a new block follows the file\'s own indentation and sequence style', () => {
    const four = 'weaknesses:\n    -   id: w\n        title: W\n';
    assert.equal(after(four, W.addImprovement(four, 'w', { action: 'Do it', id: 'do-it' })),
      'weaknesses:\n    -   id: w\n        title: W\n        improvements:\n            - id: do-it\n              action: Do it\n              status: todo\n');
    const indentless = 'id: a\ncompany: A\nrole: R\ntags:\n- x\nweaknesses:\n- weakness: w\n';
    assert.equal(after(indentless, I.addRound(indentless, { type: 'coding' })), `${indentless}rounds:\n- type: coding\n`);
  });

  it('CRLF, a BOM and no final newline stay as they were', () => {
    const text = '\uFEFFid: a\r\ncompany: A\r\nrole: R\r\nrounds:\r\n  - type: coding';
    const out = after(text, I.addRound(text, { type: 'onsite', wentBadly: 'line one\nline two' }));
    assert.equal(out, '\uFEFFid: a\r\ncompany: A\r\nrole: R\r\nrounds:\r\n  - type: coding\r\n  - type: onsite\r\n    went-badly: |-\r\n      line one\r\n      line two');
  });

  it('a comment on a value\'s line moves to the header of the block scalar that replaces it', () => {
    const text = 'id: a\ncompany: A\nrole: R\nfeedback:\n  summary: short # first thoughts\n';
    assert.equal(after(text, I.recordFeedbackReceived(text, { received: '2025-01-02', summary: 'two\nlines' })),
      'id: a\ncompany: A\nrole: R\nfeedback:\n  summary: |- # first thoughts\n    two\n    lines\n  received: 2025-01-02\n');
  });

  it('comments indented under the last entry stay with it: a new block scalar does not take them in', () => {
    const text = 'id: a\ncompany: A\nrole: R\nfeedback:\n  quotes:\n    - Too vague\n    # more to come\n# the end\n';
    const out = after(text, I.recordFeedbackReceived(text, { received: '2025-01-02', summary: 'one\ntwo' }));
    assert.equal(parse(out).feedback.summary, 'one\ntwo');
    assert.match(out, / {4}# more to come\n {2}received/);
  });

  it('removing the last item under comment lines keeps the comments and writes []', () => {
    const text = 'id: a\ncompany: A\nrole: R\nrounds:\n# the first round\n- type: coding\n  went-badly: |\n    slow\n\nnext: {}\n';
    const out = after(text, I.deleteRound(text, 1, { type: 'coding' }));
    assert.equal(out, 'id: a\ncompany: A\nrole: R\nrounds: []\n# the first round\n\nnext: {}\n', 'the blank line before next stays');
  });

  it('removing the last weakness takes the comments written inside it, not the ones below', () => {
    const text = 'weaknesses:\n  - id: a\n    title: A\n    description: >-\n      folded\n  - id: b\n    title: B\n    improvements:\n      - id: x\n        action: X\n      # inside b\n# after the list\n';
    assert.equal(after(text, W.deleteWeakness(text, 'b')), 'weaknesses:\n  - id: a\n    title: A\n    description: >-\n      folded\n# after the list\n');
  });

  it('rename follows the citations of an interview whose id is weaknesses', () => {
    const wk = 'weaknesses:\n  - id: old\n    title: Old\n';
    const iv = 'id: weaknesses\ncompany: W\nrole: R\nweaknesses:\n  - weakness: old\n';
    const r = renameWeakness(new Map([['debrief/weaknesses.yaml', wk], ['debrief/interviews/weaknesses.yaml', iv]]), 'debrief/weaknesses.yaml', 'old', 'new');
    assert.ok(r.ok);
    assert.equal(applyEdits(iv, r.edits.get('debrief/interviews/weaknesses.yaml')!), iv.replace('weakness: old', 'weakness: new'));
  });

  it('deletes by what the user chose: a changed file is refused, not edited at a stale position', () => {
    const text = 'id: a\ncompany: A\nrole: R\nrounds:\n  - type: recruiter\n  - type: coding\nweaknesses:\n  - weakness: w\n    round: 2\n';
    const stale = I.deleteRound(text, 1, { type: 'coding' });
    assert.ok(!stale.ok);
    assert.equal(stale.problems[0].code, 'stale');
    assert.match(stale.problems[0].message, /changed since you chose/);
    const cite = I.unciteWeakness(text, 0, { weakness: 'other' });
    assert.ok(!cite.ok && cite.problems[0].code === 'stale');
    assert.deepEqual(parse(after(text, I.deleteRound(text, 1, { type: 'recruiter' }))).weaknesses, [{ weakness: 'w', round: 1 }]);
  });

  it('files with aliases are refused, located at the alias', () => {
    const text = 'id: a\ncompany: &c Acme\nrole: *c\n';
    const r = I.setOutcome(text, 'offer');
    assert.ok(!r.ok);
    assert.equal(r.problems[0].code, 'alias');
    assert.deepEqual(r.problems[0].range.start, { line: 2, character: 6 });
  });

  it('never replaces a value of the wrong kind: it says so where it is', () => {
    const text = 'id: a\ncompany: A\nrole: R\nfeedback: Asked on the phone, no answer\n';
    const r = I.recordFeedbackReceived(text, { received: '2025-01-02' });
    assert.ok(!r.ok);
    assert.match(r.problems[0].message, /feedback is text, not a mapping/);
    assert.equal(r.problems[0].range.start.line, 3);
  });

  it('generated ids stop at a word boundary', () => {
    assert.equal(uniqueId('Solve 20 join exercises on a timer', []), 'solve-20-join-exercises-on-a-timer');
    const text = 'weaknesses:\n  - id: sql\n    title: SQL\n';
    const r = W.addImprovement(text, 'sql', { action: 'Solve 20 join exercises on a timer, then review every mistake with a friend' });
    assert.ok(r.ok);
    assert.equal(r.id, 'solve-20-join-exercises-on-a-timer-then');
  });
});
