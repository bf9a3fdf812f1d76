import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/adapters/node-fs';
import { allCharts, insightsModel, InsightsModel, monthLabel, NEUTRAL_STYLE, OUTCOME_STYLES } from '../../src/core/insights';
import { dueCount, dueWhere, feedbackFollowUpDue, followUpOf, reminders } from '../../src/core/reminders';
import { isoWeek, weeklyReview } from '../../src/core/review';
import { escapeMarkdown } from '../../src/core/text/markdown';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { loadJournal } from '../../src/core/journal/load';
import { doneOn, isOpenItem, isOverdue, itemStatus } from '../../src/core/model';
import { closeMatches, didYouMean } from '../../src/core/text/fuzzy';

const W = 'debrief/weaknesses.yaml';
const chart = (m: InsightsModel, id: string) => {
  const c = allCharts(m).find((x) => x.id === id);
  assert.ok(c, `no chart ${id}`);
  return c;
};
/** label → value of a one-series chart. */
const table = (c: ReturnType<typeof chart>, s = 0) => Object.fromEntries(c.labels.map((l, i) => [l, c.series[s].values[i]]));

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  index.updateMany(Object.entries(files));
  return index;
}

const WEAK = `weaknesses:
  - id: silent
    title: Going silent
    improvements:
      - id: mock
        action: Three mocks
        status: done
        done: 2025-02-01
      - id: phrases
        action: Phrase list
        status: doing
        due: 2025-03-01
      - id: later
        action: Later thing
        status: todo
        due: 2025-03-20
      - id: soon
        action: Soon thing
        due: 2025-03-12
  - id: once
    title: Seen once
`;

const FILES = {
  [W]: WEAK,
  'debrief/interviews/a.yaml': `id: a
company: Acme
role: Dev
applied: 2025-01-05
outcome: rejected
rounds:
  - type: recruiter
    date: 2025-01-10
  - type: coding
    date: 2025-01-20
feedback:
  requested: 2025-01-22
  received: 2025-01-29
weaknesses:
  - weakness: silent
    round: 2
  - weakness: once
`,
  'debrief/interviews/b.yaml': `id: b
company: Beta
role: SRE
applied: 2025-02-03
outcome: ghosted
rounds:
  - type: coding
    date: 2025-02-10
feedback:
  requested: 2025-02-12
weaknesses:
  - weakness: silent
    round: 1
`,
  'debrief/interviews/c.yaml': `id: c
company: Gamma
role: Dev
applied: 2025-02-20
outcome: pending
`,
};

describe('insights model', () => {
  const index = journal(FILES);
  const m = insightsModel(index, '2025-03-10');

  it('counts where closed applications ended, by last round type and outcome, with the records behind each bar', () => {
    const c = chart(m, 'ended-after');
    assert.deepEqual(c.labels, ['coding']);
    assert.deepEqual(c.series.map((x) => [x.label, x.values, x.refs[0].map((r) => r.file)]), [
      ['rejected', [1], ['debrief/interviews/a.yaml']],
      ['ghosted', [1], ['debrief/interviews/b.yaml']],
    ]);
    assert.deepEqual(c.series.map((x) => x.style), [OUTCOME_STYLES.rejected, OUTCOME_STYLES.ghosted], 'ghosted is not drawn in rejected\'s red');
    assert.equal(c.series[0].refs[0][0].line, 0);
  });

  it('splits outcomes by month of application', () => {
    const c = chart(m, 'outcomes');
    assert.deepEqual(c.labels, ['Jan 2025', 'Feb 2025']);
    assert.deepEqual(Object.fromEntries(c.series.map((x) => [x.label, x.values])), { pending: [0, 1], rejected: [1, 0], ghosted: [0, 1] });
  });

  it('counts feedback asked, answered and waiting, and reply days per application', () => {
    assert.deepEqual(table(chart(m, 'feedback')), { asked: 2, answered: 1, waiting: 1 });
    const waiting = chart(m, 'feedback').series[0].refs[2][0];
    assert.equal(waiting.file, 'debrief/interviews/b.yaml');
    assert.equal(waiting.line, 9, 'points inside the feedback mapping');
    assert.deepEqual(table(chart(m, 'reply-days')), { Acme: 7 });
  });

  it('asks its questions in order: what holds me back, is the work paying off, where applications stop, feedback, activity', () => {
    assert.deepEqual(m.sections.map((x) => x.id), ['holding-back', 'paying-off', 'funnel', 'feedback', 'activity']);
    for (const x of m.sections) assert.ok(x.answer.length > 10, `${x.id} answers its question`);
  });

  it('gives each weakness its own time line, with the months its items were done marked, and says whether the work paid off', () => {
    const silent = chart(m, 'timeline-silent');
    assert.deepEqual(silent.labels, ['Jan 2025', 'Feb 2025', 'Mar 2025'], 'every month up to today');
    assert.deepEqual(silent.series.map((x) => x.values), [[1, 1, 0]]);
    assert.deepEqual(silent.marks, [{ index: 1, label: 'Three mocks (done 1 Feb)' }]);
    assert.equal(silent.description, m.weaknesses.find((w) => w.id === 'silent')!.verdictText, 'the verdict comes from the one model');
    assert.deepEqual(chart(m, 'timeline-once').series[0].values, [1, 0, 0]);
  });

  it('ranks weaknesses by the share of recent interviews they showed in', () => {
    const c = chart(m, 'weakness-rank');
    assert.deepEqual(c.labels, ['Going silent', 'Seen once']);
    assert.deepEqual(c.series[0].values, [100, 50]);
    assert.deepEqual(c.columns?.map((x) => x.header), ['Lately', 'Evidence', 'Trend']);
  });

  it('shows where applications stop: a funnel by step with the conversion from the step before and where those that ended stopped', () => {
    const f = chart(m, 'funnel');
    assert.deepEqual(table(f), { Applied: 3, 'Heard back (a first round)': 2, 'Technical round': 2, 'Final rounds': 0, Offer: 0 });
    assert.deepEqual(f.columns?.map((x) => [x.header, x.values]), [
      ['From the step before', ['', '67%', '100%', '0%', '-']],
      ['Ended here without an offer', ['0', '0', '2', '0', '0']],
    ]);
    assert.equal(m.sections.find((x) => x.id === 'funnel')!.answer, 'Most stop after "Technical round": 2 of the 2 applications that ended without an offer got that far and no further.');
  });

  it('names the step where most of the ended applications stopped, never one where pending ones are waiting', () => {
    const answer = (files: Record<string, string>) => insightsModel(journal(files), '2026-03-10').sections.find((x) => x.id === 'funnel')!.answer;
    const app = (id: string, outcome: string, rounds = '') => [`debrief/interviews/${id}.yaml`, `id: ${id}\ncompany: ${id}\nrole: Dev\napplied: 2026-03-10\noutcome: ${outcome}\n${rounds}`];
    const coding = 'rounds:\n  - type: coding\n';
    const onsite = 'rounds:\n  - type: recruiter\n  - type: coding\n  - type: onsite\n';
    // One sent today and nothing else: nothing has stopped.
    assert.equal(answer(Object.fromEntries([app('a', 'pending')])), 'No application has ended without an offer yet; 1 is still open.');
    // Many pending at "Applied" do not outweigh the ended ones, which stopped after the technical round.
    assert.equal(answer(Object.fromEntries([
      app('p1', 'pending'), app('p2', 'pending'), app('p3', 'pending'), app('p4', 'pending'),
      app('r1', 'rejected', coding), app('r2', 'ghosted', coding), app('r3', 'withdrawn', onsite), app('o', 'offer', onsite),
    ])), 'Most stop after "Technical round": 2 of the 3 applications that ended without an offer got that far and no further.');
    // Offers and accepted ones never stopped; the earliest step of equals is named.
    assert.equal(answer(Object.fromEntries([app('r1', 'rejected'), app('r2', 'role-closed', onsite), app('x', 'accepted', onsite)])),
      'Most stop after "Applied": 1 of the 2 applications that ended without an offer got that far and no further.');
  });

  it('takes every series\' style from the one mapping: an outcome\'s own, or the neutral style for a mixed series', async () => {
    const demo = await loadJournal(new NodeFileSystem(path.resolve('demo')), 'debrief');
    let outcomeSeries = 0;
    for (const today of ['2025-06-15', '2025-12-01']) {
      for (const c of allCharts(insightsModel(demo, today))) {
        for (const sr of c.series) {
          if (sr.outcome) outcomeSeries++;
          assert.deepEqual(sr.style, sr.outcome ? OUTCOME_STYLES[sr.outcome] : NEUTRAL_STYLE, `${c.id}/${sr.label}`);
        }
      }
    }
    assert.ok(outcomeSeries > 8, 'the demo draws outcomes in several charts');
    const styles = Object.values(OUTCOME_STYLES).map((x) => `${x.colour}/${x.pattern}`);
    assert.ok(!Object.values(OUTCOME_STYLES).some((x) => x.colour === NEUTRAL_STYLE.colour), 'the neutral colour is no outcome\'s');
    assert.ok(!styles.includes(`${NEUTRAL_STYLE.colour}/${NEUTRAL_STYLE.pattern}`));
  });

  it('styles each outcome the same in every journal, with a pattern besides the colour', () => {
    const c = chart(m, 'outcomes');
    for (const sr of c.series) assert.deepEqual(sr.style, OUTCOME_STYLES[sr.label as keyof typeof OUTCOME_STYLES]);
    const patterns = Object.values(OUTCOME_STYLES).map((x) => `${x.colour}/${x.pattern}`);
    assert.equal(new Set(patterns).size, patterns.length, 'no two outcomes look alike');
    assert.notEqual(OUTCOME_STYLES.rejected.pattern, OUTCOME_STYLES.offer.pattern, 'red and green differ by pattern too');
  });

  it('counts improvement items done, in progress, to do and overdue', () => {
    assert.deepEqual(table(chart(m, 'improvements')), { done: 1, 'to do': 2, overdue: 1 });
    assert.deepEqual(table(chart(insightsModel(index, '2025-02-15'), 'improvements')), { done: 1, 'in progress': 1, 'to do': 2 });
  });

  it('keeps user strings as data, unchanged', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const idx = journal({ 'debrief/interviews/x.yaml': `id: x\ncompany: "${evil}"\nrole: Dev\noutcome: rejected\nfeedback:\n  requested: 2025-01-01\n  received: 2025-01-03\n` });
    assert.deepEqual(chart(insightsModel(idx, '2025-03-10'), 'reply-days').labels, [evil]);
  });

  it('gives every chart as many values as labels in every series', async () => {
    const demo = await loadJournal(new NodeFileSystem(path.resolve('demo')), 'debrief');
    for (const today of ['2025-06-15', '2025-09-25', '2025-12-01', '2026-11-25']) {
      for (const c of allCharts(insightsModel(demo, today))) {
        for (const s of c.series) {
          assert.equal(s.values.length, c.labels.length, `${c.id}/${s.label}`);
          assert.equal(s.refs.length, c.labels.length, `${c.id}/${s.label}`);
          s.refs.forEach((r, i) => {
            // A percentage is a share, not a count: its records are those it was computed from.
            if (c.percent) assert.ok(s.values[i] >= 0 && s.values[i] <= 100 && r.length > 0, `${c.id}/${s.label}/${c.labels[i]}`);
            else if (c.id !== 'reply-days') assert.equal(r.length, s.values[i], `${c.id}/${s.label}/${c.labels[i]}`);
          });
        }
      }
    }
    const empty = insightsModel(new JournalIndex({ journalFolder: 'debrief' }), '2025-01-01');
    for (const c of allCharts(empty)) assert.deepEqual(c.labels, [], c.id);
  });

  it('names months', () => assert.equal(monthLabel('2025-03'), 'Mar 2025'));
});

describe('reminders', () => {
  const index = journal(FILES);

  it('turns unanswered feedback into a follow-up after N days, and lists items due soon or overdue', () => {
    const r = reminders(index, '2025-03-10', { feedbackFollowUpDays: 7 });
    assert.deepEqual(r.map((x) => [x.kind, x.title, x.overdueDays]), [
      ['feedback-follow-up', 'Follow up: Beta', 19],
      ['improvement', 'Phrase list', 9],
      ['improvement', 'Soon thing', -2],
    ]);
    assert.equal(r[0].ref.file, 'debrief/interviews/b.yaml');
    assert.match(r[1].detail, /overdue by 9 days/);
    // An item's reminder names its item, so that a command run from its row needs no question.
    const items = index.weaknesses().flatMap((w) => w.improvements.map((it) => ({ weaknessId: w.id, itemId: it.id, action: it.action })));
    for (const x of r.filter((y) => y.kind === 'improvement')) {
      assert.equal(items.find((it) => it.weaknessId === x.item?.weaknessId && it.itemId === x.item?.itemId)?.action, x.title);
    }
    assert.equal(r[0].item, undefined, 'a follow-up is for an interview, not an item');
  });

  it('lists the next step of an open application when it is due soon, never of a closed one', () => {
    const files = {
      'debrief/interviews/open.yaml': 'id: open\ncompany: Open Co\nrole: Dev\noutcome: pending\nnext:\n  action: Prepare the onsite\n  due: 2025-03-12\n',
      'debrief/interviews/later.yaml': 'id: later\ncompany: Later Co\nrole: Dev\noutcome: pending\nnext:\n  action: Call back\n  due: 2025-04-30\n',
      'debrief/interviews/closed.yaml': 'id: closed\ncompany: Closed Co\nrole: Dev\noutcome: rejected\nnext:\n  action: Thank-you note\n  due: 2025-03-01\n',
    };
    const r = reminders(journal(files), '2025-03-10', { feedbackFollowUpDays: 7 });
    assert.deepEqual(r.map((x) => [x.kind, x.title, x.overdueDays, x.detail]), [
      ['next-step', 'Open Co: Prepare the onsite', -2, 'due in 2 days (2025-03-12)'],
    ]);
    assert.equal(r[0].ref.file, 'debrief/interviews/open.yaml');
    assert.equal(r[0].ref.line, 5, 'the reminder opens the file at the next step (its action line)');
  });

  it('counts each thing due once, an overdue one among them', () => {
    const r = reminders(index, '2025-03-10', { feedbackFollowUpDays: 7 });
    assert.deepEqual(dueCount(r), { due: 3, overdue: 2, text: '3 things due, 2 overdue' });
    assert.deepEqual(dueCount(r.slice(2)), { due: 1, overdue: 0, text: '1 thing due' });
    assert.deepEqual(dueCount([]), { due: 0, overdue: 0, text: '0 things due' });
  });

  it('says where the things due are, each place counted as the total is, places with none left out', () => {
    const r = reminders(index, '2025-03-10', { feedbackFollowUpDays: 7 });
    const places = [{ name: 'job-search', list: r.slice(0, 2) }, { name: 'empty', list: [] }, { name: 'last-year', list: r.slice(2) }];
    assert.equal(dueWhere(places), '2 in job-search, 1 in last-year');
    assert.equal(places.reduce((n, p) => n + dueCount(p.list).due, 0), dueCount(r).due, 'the places add up to the total');
    assert.equal(dueWhere([{ name: 'empty', list: [] }]), '');
  });

  it('follows the answers written to the journal: no follow-up while snoozed, none once dismissed, again for a request made later', () => {
    const b = FILES['debrief/interviews/b.yaml'];
    const followUps = (text: string, today: string) => reminders(journal({ ...FILES, 'debrief/interviews/b.yaml': text }), today, { feedbackFollowUpDays: 7 })
      .filter((x) => x.kind === 'feedback-follow-up');
    const before = followUps(b, '2025-03-10');
    assert.equal(before.length, 1);
    const snoozed = b.replace('  requested: 2025-02-12\n', '  requested: 2025-02-12\n  snoozed: 2025-03-17\n');
    assert.deepEqual(followUps(snoozed, '2025-03-16'), [], 'snoozed until the 17th');
    const back = followUps(snoozed, '2025-03-17');
    assert.equal(back.length, 1, 'back on the day the snooze ends');
    assert.notEqual(back[0].key, before[0].key, 'a reminder back from a snooze is a new one');
    const dismissed = b.replace('  requested: 2025-02-12\n', '  requested: 2025-02-12\n  dismissed: 2025-03-10\n');
    assert.deepEqual(followUps(dismissed, '2026-01-01'), [], 'no reminder once dismissed, however long after');
    const askedAgain = dismissed.replace('requested: 2025-02-12', 'requested: 2025-04-01');
    assert.equal(followUps(askedAgain, '2025-04-08').length, 1, 'a request made again after the dismissal has its reminders');
    assert.deepEqual(followUpOf({ requested: '2025-02-12', received: '2025-02-20', dismissed: '2025-02-13' }), { state: 'none' }, 'an answered request has nothing to follow up');
    assert.deepEqual(followUpOf({ requested: '2025-02-12', snoozed: '2025-03-17' }), { state: 'snoozed', until: '2025-03-17' });
    assert.deepEqual(followUpOf({ requested: '2025-04-01', dismissed: '2025-03-10' }), { state: 'waiting' }, 'asked again after the dismissal');
    // The calendar's follow-up day agrees: the snooze's end when later, none once dismissed.
    const due = (feedback: object) => feedbackFollowUpDue({ feedback: { quotes: [], range: index.interviews()[0].range, ...feedback } }, 7);
    assert.equal(due({ requested: '2025-02-12' }), '2025-02-19');
    assert.equal(due({ requested: '2025-02-12', snoozed: '2025-03-17' }), '2025-03-17');
    assert.equal(due({ requested: '2025-02-12', snoozed: '2025-02-14' }), '2025-02-19', 'a snooze that ended before the follow-up changes nothing');
    assert.equal(due({ requested: '2025-02-12', dismissed: '2025-03-10' }), undefined);
    assert.equal(due({ requested: '2025-04-01', dismissed: '2025-03-10' }), '2025-04-08', 'asked again after the dismissal');
  });

  it('waits N days before a follow-up', () => {
    assert.equal(reminders(index, '2025-02-18', { feedbackFollowUpDays: 7 }).filter((x) => x.kind === 'feedback-follow-up').length, 0);
    assert.equal(reminders(index, '2025-02-19', { feedbackFollowUpDays: 7 }).filter((x) => x.kind === 'feedback-follow-up').length, 1);
    assert.equal(reminders(index, '2025-02-19', { feedbackFollowUpDays: 30 }).filter((x) => x.kind === 'feedback-follow-up').length, 0);
  });
});

describe('weekly review', () => {
  it('computes ISO weeks, also across the new year', () => {
    assert.deepEqual(isoWeek('2026-11-25'), { year: 2026, week: 48, label: '2026-W48', monday: '2026-11-23', sunday: '2026-11-29' });
    assert.equal(isoWeek('2021-01-03').label, '2020-W53');
    assert.equal(isoWeek('2024-12-30').label, '2025-W01');
  });

  it('writes what happened this week, what is due, top weaknesses and unanswered feedback', () => {
    const r = weeklyReview(journal(FILES), '2025-02-12', { feedbackFollowUpDays: 7 });
    assert.equal(r.path, 'reviews/2025-W07.md');
    assert.match(r.text, /^# Weekly review 2025-W07$/m);
    assert.match(r.text, /- 2025-02-10: coding round with \*\*Beta\*\* \(SRE\)/);
    assert.match(r.text, /- 2025-02-12: asked \*\*Beta\*\* \(SRE\) for feedback/);
    assert.doesNotMatch(r.text, /Acme\*\* \(Dev\) for feedback/, 'last month is not this week');
    assert.match(r.text, /## Due\n\nNothing due in the next 7 days\./);
    assert.match(weeklyReview(journal(FILES), '2025-02-24', { feedbackFollowUpDays: 7 }).text, /## Due\n\n- Follow up: Beta: asked 12 days ago\n- Going silent: Phrase list: due in 5 days/);
    const next = { 'debrief/interviews/n.yaml': 'id: n\ncompany: Nexus\nrole: Dev\noutcome: pending\nnext:\n  action: Send the take-home (part 2)\n  due: 2025-02-13\n' };
    assert.match(weeklyReview(journal({ ...FILES, ...next }), '2025-02-12', { feedbackFollowUpDays: 7 }).text, /^- Nexus: Send the take-home \(part 2\): due in 1 day \(2025-02-13\)$/m,
      'the company once, the text as written');
    assert.match(r.text, /\| Weakness \| Evidence \| Lately \| Did the work pay off\? \|/);
    assert.match(r.text, /\| Going silent \| pattern, 2 interviews \| too early to tell \| Still showing up since the work was done \(1 Feb\): in 1 of 1 interview since, against 1 of 1 interview before\. Keep at it\. \|/);
    assert.match(r.text, /\| Seen once \| hypothesis, 1 interview \| seen once: too early to tell \| No improvement item done yet\. \|/);
    assert.match(r.text, /## Feedback still unanswered\n\n- \*\*Beta\*\*: asked 2025-02-12, 0 days ago/);
  });

  it('escapes user strings so they stay text', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
    const r = weeklyReview(journal({ 'debrief/interviews/x.yaml': 'id: x\ncompany: "[click](javascript:x)"\nrole: Dev\napplied: 2025-02-11\n' }), '2025-02-12', { feedbackFollowUpDays: 7 });
    assert.match(r.text, /\\\[click\\\]\(javascript:x\)/);
  });
});

describe('one home for "item done" and "open item"', () => {
  it('an item with a done date and no status is done everywhere: the chart, the progress verdict, reminders and the overdue mark', () => {
    const index = journal({
      [W]: 'weaknesses:\n  - id: w\n    title: W\n    improvements:\n      - id: a\n        action: Mocks\n        due: 2025-01-10\n        done: 2025-01-12\n      - id: b\n        action: Notes\n        status: todo\n        due: 2025-01-10\n',
      'debrief/interviews/x.yaml': 'id: x\ncompany: X\nrole: Dev\napplied: 2025-01-20\nweaknesses:\n  - weakness: w\n',
    });
    const model = insightsModel(index, '2025-03-01');
    assert.deepEqual(table(chart(model, 'improvements')), { done: 1, overdue: 1 });
    assert.match(model.weaknesses[0].verdictText, /since the work was done \(12 Jan\)/);
    assert.deepEqual(reminders(index, '2025-03-01', { feedbackFollowUpDays: 7 }).map((r) => r.title), ['Notes']);
    const [a, b] = index.weakness('w')!.improvements;
    assert.deepEqual([itemStatus(a), doneOn(a), isOpenItem(a), isOverdue(a, '2025-03-01')], ['done', '2025-01-12', false, false]);
    assert.deepEqual([itemStatus(b), doneOn(b), isOpenItem(b), isOverdue(b, '2025-03-01')], ['todo', undefined, true, true]);
  });

  it('"did you mean" and the assistant\'s closest ids share one threshold', () => {
    assert.deepEqual(closeMatches('acme-backnd', ['acme-backend', 'acme-frontend', 'globex']), ['acme-backend']);
    assert.equal(didYouMean('acme-backnd', ['globex', 'acme-backend']), 'acme-backend');
    assert.deepEqual(closeMatches('ab', ['xy', 'abc']), ['abc']);
    assert.equal(didYouMean('zzzz', ['acme']), undefined);
  });
});
