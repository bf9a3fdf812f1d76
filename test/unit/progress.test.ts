import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { interviewDates } from '../../src/core/progress/weaknesses';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { readInterview } from '../../src/core/read/interview';
import { furthestStage, funnelReach, stageBehindRecords, stageFromRecords } from '../../src/core/progress/stages';
import { rankWeaknesses, weaknessProgress } from '../../src/core/progress/weaknesses';

const W = 'debrief/weaknesses.yaml';
const iv = (text: string) => readInterview('debrief/interviews/x.yaml', `id: x\ncompany: C\nrole: R\n${text}`).value!;

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  index.updateMany(Object.entries(files));
  return index;
}

/** An interview with rounds on the given dates, citing `cites` in round 1 (when given). */
function interview(id: string, dates: string[], cites: string[] = []): [string, string] {
  const rounds = dates.map((d) => `  - type: coding\n    date: ${d}\n`).join('');
  const w = cites.length ? 'weaknesses:\n' + cites.map((c) => `  - weakness: ${c}\n    round: 1\n`).join('') : '';
  return [`debrief/interviews/${id}.yaml`, `id: ${id}\ncompany: ${id}\nrole: Dev\nrounds:\n${rounds}${w}`];
}

describe('the furthest stage', () => {
  it('comes from the rounds held and the outcome, never from a stored applied', () => {
    assert.equal(furthestStage(iv('stage: applied\nrounds:\n  - type: system-design\n')), 'system-design');
    assert.equal(stageFromRecords(iv('rounds:\n  - type: recruiter\n  - type: coding\n')), 'coding');
    assert.equal(furthestStage(iv('outcome: offer\n')), 'offer');
    assert.equal(furthestStage(iv('outcome: declined\nrounds:\n  - type: onsite\n')), 'offer');
    assert.equal(furthestStage(iv('rounds:\n  - type: other\n')), 'screening');
    assert.equal(furthestStage(iv('')), 'applied');
  });

  it('takes the stage key when it goes further than the rounds (an imported application)', () => {
    assert.equal(furthestStage(iv('stage: onsite\n')), 'onsite');
    assert.equal(stageBehindRecords(iv('stage: onsite\n')), undefined);
  });

  it('calls a stage key behind the rounds a contradiction, naming what the rounds show', () => {
    assert.equal(stageBehindRecords(iv('stage: recruiter\nrounds:\n  - type: system-design\n')), 'system-design');
    assert.equal(stageBehindRecords(iv('stage: applied\noutcome: offer\n')), 'offer');
    assert.equal(stageBehindRecords(iv('rounds:\n  - type: coding\n')), undefined, 'no key, nothing to contradict');
  });

  it('counts the funnel steps an application reached', () => {
    assert.equal(funnelReach(iv('')), 1);
    assert.equal(funnelReach(iv('rounds:\n  - type: recruiter\n')), 2);
    assert.equal(funnelReach(iv('rounds:\n  - type: take-home\n')), 3);
    assert.equal(funnelReach(iv('rounds:\n  - type: onsite\n')), 4);
    assert.equal(funnelReach(iv('outcome: accepted\n')), 5);
  });
});

describe('progress on a weakness', () => {
  const weaknesses = (done?: string) => [W, `weaknesses:\n  - id: silent\n    title: Going silent\n    improvements:\n      - id: mock\n        action: Mocks\n${done ? `        status: done\n        done: ${done}\n` : '        status: doing\n'}`] as [string, string];

  it('is a share of the interviews held: interviewing more never looks like getting worse', () => {
    // Before: 2 of 4 interviews; lately 4 of 8: the same share, twice the count.
    const files = Object.fromEntries([
      weaknesses(),
      ...['2025-04-10', '2025-04-20', '2025-05-10', '2025-05-20'].map((d, i) => interview(`p${i}`, [d], i < 2 ? ['silent'] : [])),
      ...['2025-07-02', '2025-07-10', '2025-07-20', '2025-08-01', '2025-08-10', '2025-08-20', '2025-09-01', '2025-09-10'].map((d, i) => interview(`r${i}`, [d], i < 4 ? ['silent'] : [])),
    ]);
    const [p] = weaknessProgress(journal(files), '2025-09-15');
    assert.deepEqual([p.previous, p.recent], [{ seen: 2, of: 4 }, { seen: 4, of: 8 }]);
    assert.equal(p.trend, 'same');
    assert.match(p.trendText, /as often as before \(4 of 8 interviews\)/);
  });

  it('of a weakness as last read (its part of the file broken now) counts its evidence as when it read', () => {
    const index = journal(Object.fromEntries([weaknesses(), interview('a', ['2025-09-01'], ['silent']), interview('b', ['2025-09-05'], ['silent'])]));
    const before = weaknessProgress(index, '2025-09-15')[0];
    index.update(W, `weaknesses:\n  - id: silent\n    title: Going silent\n    tags: [talk\n  - id: other\n    title: Other\n`);
    const states = index.weaknessStates();
    assert.deepEqual(states.map((s) => s.kind), ['broken', 'read']);
    assert.equal(weaknessProgress(index, '2025-09-15').map((p) => p.id).join(), 'other', 'the weaknesses that read');
    const shown = states.flatMap((s) => (s.kind === 'read' ? [s.record] : s.lastRead ? [s.lastRead] : []));
    const after = weaknessProgress(index, '2025-09-15', shown);
    assert.deepEqual(after.map((p) => p.id), ['silent', 'other']);
    assert.deepEqual([after[0].interviews, after[0].recent], [before.interviews, before.recent]);
    assert.deepEqual(rankWeaknesses(after).map((p) => p.id), ['silent', 'other'], 'ranked by its evidence, in place');
  });

  it('is too early to tell when seen once, or with too few interviews', () => {
    const once = weaknessProgress(journal(Object.fromEntries([weaknesses(), interview('a', ['2025-09-01'], ['silent']), interview('b', ['2025-09-05'])])), '2025-09-15')[0];
    assert.equal(once.evidence, 'hypothesis');
    assert.equal(once.trend, 'early');
    assert.equal(once.trendText, 'seen once: too early to tell', 'a weakness seen once is never "more often lately"');
    const thin = weaknessProgress(journal(Object.fromEntries([weaknesses(), interview('a', ['2025-09-01'], ['silent']), interview('b', ['2025-09-05'], ['silent'])])), '2025-09-15')[0];
    assert.equal(thin.evidence, 'pattern');
    assert.equal(thin.trend, 'early', 'no interview in the window before: nothing to compare with');
  });

  it('says whether the work paid off, with the interviews held since', () => {
    const before = [interview('a', ['2025-06-01'], ['silent']), interview('b', ['2025-06-15'], ['silent']), interview('c', ['2025-07-01'])];
    const none = weaknessProgress(journal(Object.fromEntries([weaknesses('2025-07-10'), ...before])), '2025-07-20')[0];
    assert.equal(none.verdict, 'too-early');
    assert.equal(none.verdictText, 'No interview since the work was done (10 Jul): too early to tell.');
    const gone = weaknessProgress(journal(Object.fromEntries([weaknesses('2025-07-10'), ...before, ...['2025-08-01', '2025-08-10', '2025-09-01', '2025-09-20'].map((d, i) => interview(`n${i}`, [d]))])), '2025-10-01')[0];
    assert.equal(gone.verdict, 'not-seen');
    assert.equal(gone.verdictText, 'Not seen in the 4 interviews since the work was done (10 Jul).');
    const still = weaknessProgress(journal(Object.fromEntries([weaknesses('2025-07-10'), ...before, interview('n', ['2025-08-01'], ['silent'])])), '2025-10-01')[0];
    assert.equal(still.verdict, 'still');
    assert.match(still.verdictText, /in 1 of 1 interview since, against 2 of 3 interviews before/);
    const notYet = weaknessProgress(journal(Object.fromEntries([weaknesses(), ...before])), '2025-10-01')[0];
    assert.equal(notYet.verdict, 'no-work');
  });

  it('ranks what holds the user back most first', () => {
    const files = Object.fromEntries([
      [W, 'weaknesses:\n  - id: a\n    title: A\n  - id: b\n    title: B\n  - id: c\n    title: C\n'],
      interview('x', ['2025-09-01'], ['b', 'c']), interview('y', ['2025-09-05'], ['b']), interview('z', ['2025-03-01'], ['a', 'a']),
    ]);
    assert.deepEqual(rankWeaknesses(weaknessProgress(journal(files), '2025-09-15')).map((p) => p.id), ['b', 'c', 'a']);
  });

  it('counts the interviews held before and since the work exactly as the definition says, on any journal', () => {
    // The definition, one pass over every interview per weakness (docs/progress.md): the core counts the
    // same by binary search, so that a journal of 10,000 interviews and 300 weaknesses stays fast.
    const reference = (index: JournalIndex, id: string, today: string) => {
      const w = index.weakness(id)!;
      let lastDone: string | undefined;
      for (const it of w.improvements) if (it.done && (it.status === 'done' || it.status === undefined) && (!lastDone || it.done > lastDone)) lastDone = it.done;
      const when = new Map<string, string[]>();
      // Only what happened up to today: a round dated later is scheduled, not held.
      for (const s of index.sightings(id)) if (s.date && s.date <= today) when.set(s.file, [...(when.get(s.file) ?? []), s.date]);
      const before = { seen: 0, of: 0 }, since = { seen: 0, of: 0 };
      for (const iv of index.interviews()) {
        const dates = interviewDates(iv).filter((d) => d <= today);
        if (!dates.length) continue;
        const seen = when.get(iv.file) ?? [];
        if (lastDone === undefined || dates.some((d) => d <= lastDone!)) {
          before.of++;
          if (seen.some((d) => lastDone === undefined || d <= lastDone)) before.seen++;
        }
        if (lastDone !== undefined && dates.some((d) => d > lastDone!)) {
          since.of++;
          if (seen.some((d) => d > lastDone!)) since.seen++;
        }
      }
      return { before, since };
    };
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-0${1 + (d % 9)}-${String(d).padStart(2, '0')}`);
    const ids = ['a', 'b', 'c'];
    const interviewArb = fc.record({
      dates: fc.array(day, { maxLength: 3 }),
      feedback: fc.option(day, { nil: undefined }),
      cites: fc.array(fc.record({ id: fc.constantFrom(...ids, 'ghost'), round: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) }), { maxLength: 3 }),
    });
    const weaknessArb = fc.array(fc.record({ done: fc.option(day, { nil: undefined }), status: fc.constantFrom('done', 'doing', undefined) }), { maxLength: 3 });
    fc.assert(fc.property(fc.array(interviewArb, { maxLength: 12 }), fc.tuple(weaknessArb, weaknessArb, weaknessArb), day, (ivs, ws, today) => {
      const files: Record<string, string> = {
        [W]: 'weaknesses:\n' + ids.map((id, k) => `  - id: ${id}\n    title: ${id.toUpperCase()}\n    improvements:\n` + (ws[k].map((it, n) => `      - id: i${n}\n        action: Act\n${it.status ? `        status: ${it.status}\n` : ''}${it.done ? `        done: ${it.done}\n` : ''}`).join('') || '      []\n')).join(''),
      };
      ivs.forEach((v, i) => {
        const rounds = v.dates.length ? 'rounds:\n' + v.dates.map((d) => `  - type: coding\n    date: ${d}\n`).join('') : '';
        const fb = v.feedback ? `feedback:\n  received: ${v.feedback}\n` : '';
        const cites = v.cites.length ? 'weaknesses:\n' + v.cites.map((c) => `  - weakness: ${c.id}\n${c.round ? `    round: ${c.round}\n` : ''}`).join('') : '';
        files[`debrief/interviews/i${i}.yaml`] = `id: i${i}\ncompany: C${i}\nrole: Dev\napplied: 2025-01-02\n${rounds}${fb}${cites}`;
      });
      const index = journal(files);
      for (const p of weaknessProgress(index, today)) {
        const r = reference(index, p.id, today);
        assert.deepEqual({ before: p.before, since: p.since }, r, p.id);
      }
    }), { numRuns: 300 });
  });

  it('is computed again whenever what it reads changes, and only then, over any sequence of changes', () => {
    // Interviews rewritten in turn (outcome, dates, feedback, citations, added or removed) and the
    // weaknesses file: after each change the progress returned equals the progress computed afresh, and is
    // the very list returned before when only what progress does not read (the outcome) changed.
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-0${1 + (d % 9)}-${String(d).padStart(2, '0')}`);
    const text = (i: number, v: { outcome: string; date?: string; feedback?: string; cite?: string }) => `id: i${i}\ncompany: C${i}\nrole: Dev\napplied: 2025-01-02\noutcome: ${v.outcome}\n`
      + (v.date ? `rounds:\n  - type: coding\n    date: ${v.date}\n` : '') + (v.feedback ? `feedback:\n  received: ${v.feedback}\n` : '')
      + (v.cite ? `weaknesses:\n  - weakness: ${v.cite}\n    round: 1\n` : '');
    const change = fc.oneof(
      fc.record({ kind: fc.constant('interview' as const), i: fc.integer({ min: 0, max: 4 }), outcome: fc.constantFrom('pending', 'rejected', 'offer'), date: fc.option(day, { nil: undefined }), feedback: fc.option(day, { nil: undefined }), cite: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }) }),
      fc.record({ kind: fc.constant('outcome' as const), i: fc.integer({ min: 0, max: 4 }), outcome: fc.constantFrom('pending', 'rejected', 'ghosted') }),
      fc.record({ kind: fc.constant('remove' as const), i: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant('weaknesses' as const), done: fc.option(day, { nil: undefined }) }),
    );
    fc.assert(fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), day, (changes, today) => {
      const index = journal({ [W]: 'weaknesses:\n  - id: a\n    title: A\n  - id: b\n    title: B\n' });
      const held = new Map<number, { outcome: string; date?: string; feedback?: string; cite?: string }>();
      let last = weaknessProgress(index, today);
      for (const c of changes) {
        let same = false;
        if (c.kind === 'interview') held.set(c.i, c);
        else if (c.kind === 'outcome') {
          const v = held.get(c.i);
          if (!v) continue;
          held.set(c.i, { ...v, outcome: c.outcome });
          same = true;
        } else if (c.kind === 'remove') {
          if (!held.delete(c.i)) continue;
          index.remove(`debrief/interviews/i${c.i}.yaml`);
        } else index.update(W, `weaknesses:\n  - id: a\n    title: A\n${c.done ? `    improvements:\n      - id: m\n        action: Mocks\n        status: done\n        done: ${c.done}\n` : ''}  - id: b\n    title: B\n`);
        if (c.kind === 'interview' || c.kind === 'outcome') index.update(`debrief/interviews/i${c.i}.yaml`, text(c.i, held.get(c.i)!));
        const now = weaknessProgress(index, today);
        assert.deepEqual(now, weaknessProgress(index, today, index.weaknesses()), 'as computed afresh');
        if (same) assert.equal(now, last, 'an outcome changed: the same list, not computed again');
        last = now;
      }
    }), { numRuns: 300 });
  });
});
