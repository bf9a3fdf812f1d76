import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { NodeFileSystem } from '../../src/adapters/node-fs';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { loadJournal } from '../../src/core/journal/load';
import { OUTCOMES } from '../../src/core/model';
import { canAskFeedback, feedbackRequestDraft, SIGNATURE_PLACEHOLDER } from '../../src/core/templates/feedback-request';

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  index.updateMany(Object.entries(files));
  return index;
}

const WEAKNESSES = 'weaknesses:\n  - id: edge-cases\n    title: Forgets the edge cases\n';
/** One application of each askable outcome, after a coding round with Ana, whose notes say what went badly and cite a weakness. */
function ended(outcome: string, round = '    went-badly: Rushed the edge cases.\n'): JournalIndex {
  return journal({
    'debrief/weaknesses.yaml': WEAKNESSES,
    'debrief/interviews/w.yaml': `id: w\ncompany: Wayne\nrole: Backend Engineer\noutcome: ${outcome}\nrounds:\n  - type: coding\n    date: 2026-03-04\n    interviewers: [Ana Ruiz (lead)]\n${round}weaknesses:\n  - weakness: edge-cases\n    round: 1\n`,
  });
}
const draft = (index: JournalIndex, signature?: string) => feedbackRequestDraft(index.interview('w')!, index, { today: '2026-03-10', signature });

const head = (thanks: string) => `Subject: Wayne, Backend Engineer: a short request for feedback

Hi Ana,

Thank you for the coding interview for the Backend Engineer role at Wayne on 4 March${thanks}`;
const tail = (signature: string) => `
A sentence or two is plenty, and I understand if you cannot share details.

Thank you again,
${signature}
`;

describe('feedback request drafts, word for word', () => {
  it('after a rejection: asks whether what the user felt went badly weighed most in the decision', () => {
    assert.equal(draft(ended('rejected'), 'Sam Doe'), `${head(', and for letting me know your decision.')}
I am working on improving, and one specific point from you would help me a lot.

I felt that this went less well: rushed the edge cases. Was that what weighed most in the decision, or was it something else?
${tail('Sam Doe')}`);
  });

  it('after a rejection without a note: asks about the weakness cited, else one generic question', () => {
    assert.equal(draft(ended('rejected', '')), `${head(', and for letting me know your decision.')}
I am working on improving, and one specific point from you would help me a lot.

Was "forgets the edge cases" a factor in the decision, and if so, what would you have expected to see instead?
${tail(SIGNATURE_PLACEHOLDER)}`);
    const bare = journal({ 'debrief/interviews/w.yaml': 'id: w\ncompany: Wayne\nrole: Backend Engineer\noutcome: rejected\n' });
    assert.equal(draft(bare), `Subject: Wayne, Backend Engineer: a short request for feedback

Hello,

Thank you for the interview for the Backend Engineer role at Wayne, and for letting me know your decision.
I am working on improving, and one specific point from you would help me a lot.

If there is one thing I could have done better in the interview, what would it be?
${tail(SIGNATURE_PLACEHOLDER)}`);
  });

  it('after silence: asks for a word either way, and quotes no private note', () => {
    assert.equal(draft(ended('ghosted')), `${head('.')}
I have not heard back since then, and I would value a word either way.

If there is one thing I could have done better in the coding interview, what would it be?
${tail(SIGNATURE_PLACEHOLDER)}`);
  });

  it('after the user withdrew: no decision, no private note, no "would have made my answer stronger"', () => {
    const text = draft(ended('withdrawn'));
    assert.equal(text, `${head('.')}
I decided not to continue with the process, but I am working on my interviews, and your view on one point would help me a lot.

Was there one thing in the coding interview that I could do better next time?
${tail(SIGNATURE_PLACEHOLDER)}`);
  });

  it('after the user declined an offer: thanks for the offer, asks what to do better, quotes no private note', () => {
    assert.equal(draft(ended('declined')), `${head(', and for the offer.')}
I decided not to accept it, but I am working on my interviews, and your view on one point would help me a lot.

From what you saw in the coding interview, what is one thing I could do better next time?
${tail(SIGNATURE_PLACEHOLDER)}`);
  });

  it('after the role closed: no "decision" about the user, the note asked about as a question', () => {
    assert.equal(draft(ended('role-closed')), `${head('. I understand that the position has been closed.')}
I am working on improving, and one specific point from you would still help me a lot.

I felt that this went less well: rushed the edge cases. Did you see it the same way, and what would you have expected instead?
${tail(SIGNATURE_PLACEHOLDER)}`);
  });

  it('signs with the setting, or ends with a placeholder when it is empty or blank', () => {
    for (const [signature, expected] of [[undefined, SIGNATURE_PLACEHOLDER], ['', SIGNATURE_PLACEHOLDER], ['  \n ', SIGNATURE_PLACEHOLDER], [' Sam Doe\n+41 79 000 00 00 ', 'Sam Doe\n+41 79 000 00 00']] as const) {
      assert.ok(draft(ended('rejected'), signature).endsWith(`Thank you again,\n${expected}\n`), JSON.stringify(signature));
    }
  });

  it('for any outcome, notes and names: one question, a signature line, and the notes quoted only where the interviewer decided', () => {
    const text = fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s));
    fc.assert(fc.property(fc.constantFrom(...OUTCOMES), text, text, fc.option(fc.string({ maxLength: 30 })), (outcome, note, who, signature) => {
      const index = journal({
        'debrief/interviews/w.yaml': `id: w\ncompany: Wayne\nrole: Dev\noutcome: ${outcome}\nrounds:\n  - type: onsite\n    interviewers: [${JSON.stringify(who)}]\n    went-badly: ${JSON.stringify(`ZQXJ ${note}`)}\n`,
      });
      const iv = index.interview('w')!;
      const out = feedbackRequestDraft(iv, index, { signature: signature ?? undefined });
      const lines = out.split('\n');
      assert.equal(lines[lines.length - 1], '');
      assert.ok(out.includes('\nThank you again,\n'));
      assert.ok(signature?.trim() ? out.endsWith(`${signature.trim()}\n`) : out.endsWith(`${SIGNATURE_PLACEHOLDER}\n`));
      const quotesNote = out.includes('ZQXJ');
      assert.equal(quotesNote, outcome === 'rejected' || outcome === 'role-closed' || !canAskFeedback(iv), `${outcome}: ${out}`);
      assert.doesNotMatch(out, /would have made my answer stronger/);
      if (outcome === 'withdrawn' || outcome === 'declined' || outcome === 'ghosted') assert.doesNotMatch(out, /decision/);
    }), { numRuns: 200 });
  });
});

describe('feedback request drafts on the demo journal', () => {
  const demo = () => loadJournal(new NodeFileSystem(path.resolve('demo')), 'debrief');

  it('greets the last round\'s interviewer, names the round and its date, and asks one question', async () => {
    const index = await demo();
    const drafts = index.interviews().filter(canAskFeedback);
    assert.ok(drafts.length >= 5, `the demo has applications to ask feedback for (${drafts.length})`);
    for (const iv of drafts) {
      const text = feedbackRequestDraft(iv, index, { today: '2025-09-01' });
      assert.equal((text.match(/\?/g) ?? []).length, 1, `one narrow question for ${iv.id}:\n${text}`);
      assert.match(text, /^Subject: .+: a short request for feedback\n\n(Hi \S+|Hello),\n\nThank you for the /, iv.id);
      assert.ok(text.endsWith(`Thank you again,\n${SIGNATURE_PLACEHOLDER}\n`), iv.id);
    }
    const blackMesa = feedbackRequestDraft(index.interview('black-mesa-platform')!, index, { today: '2025-09-01', signature: 'Sam Doe' });
    assert.match(blackMesa, /^Hi Isaac,$/m);
    assert.match(blackMesa, /system design interview for the Platform Engineer role at Black Mesa on 29 August, and for letting me know your decision\./);
  });

  it('offers no draft where asking makes no sense: an offer, a pending application, feedback already received', () => {
    const index = journal({
      'debrief/interviews/o.yaml': 'id: o\ncompany: O\nrole: Dev\noutcome: offer\n',
      'debrief/interviews/p.yaml': 'id: p\ncompany: P\nrole: Dev\n',
      'debrief/interviews/r.yaml': 'id: r\ncompany: R\nrole: Dev\noutcome: rejected\nfeedback:\n  requested: 2025-01-01\n  received: 2025-01-05\n',
      'debrief/interviews/g.yaml': 'id: g\ncompany: G\nrole: Dev\noutcome: ghosted\n',
    });
    assert.deepEqual(['o', 'p', 'r', 'g'].filter((id) => canAskFeedback(index.interview(id)!)), ['g']);
  });
});
