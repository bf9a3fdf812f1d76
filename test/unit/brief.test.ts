import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { briefOrder, comingOf, isHeld, isScheduled, nextInterview } from '../../src/core/brief/coming';
import { Brief, buildBrief } from '../../src/core/brief/brief';
import { briefHtml } from '../../src/core/brief/html';
import { companyKey, likelyToMatter, recencyWeight, roleKey } from '../../src/core/brief/likely';
import { briefMarkdown } from '../../src/core/brief/markdown';
import { noteExcerpt, readNote } from '../../src/core/brief/notes';
import { prepareBrief } from '../../src/core/brief/prepare';
import { SECTION_IDS, SECTION_TITLES } from '../../src/core/brief/words';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { roundTimeText } from '../../src/core/schedule';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { ROUND_TYPES } from '../../src/core/model';
import { weaknessProgress } from '../../src/core/progress/weaknesses';
import { journalStats } from '../../src/core/stats';
import { dateArb, plain, styleArb, writeInStyle } from './lib/yaml-styles';

const TODAY = '2025-12-01';
const W = 'debrief/weaknesses.yaml';

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  index.updateMany(Object.entries(files));
  return index;
}

const WEAKNESSES = `weaknesses:
  - id: capacity
    title: No capacity estimates
    status: improving
    improvements:
      - id: estimates
        action: Practise estimates
        status: doing
        due: 2025-12-05
        notes: [notes/capacity.md, notes/missing.md]
      - id: mock
        action: A mock design interview
        status: todo
        due: 2025-11-25
  - id: questions
    title: No questions for the interviewer
    status: confirmed
    improvements:
      - id: prepare
        action: Prepare three questions
        notes: [notes/questions.md]
  - id: tests
    title: Take-home without tests
    status: resolved
    improvements:
      - id: checklist
        action: A checklist
        status: done
        done: 2025-07-01
  - id: silent
    title: Going silent
    status: confirmed
    improvements:
      - id: narrate
        action: Narrate mocks
        status: dropped
        notes: [notes/silent.md]
  - id: unused
    title: Never cited
`;

/**
 * The journal of the hand-computed tests, on 1 Dec 2025: a second application at Globex with a
 * system-design round scheduled on 3 Dec, and what happened before.
 */
const FILES: Record<string, string> = {
  [W]: WEAKNESSES,
  'debrief/interviews/globex-new.yaml': `id: globex-new
company: Globex
role: Senior Platform Engineer
applied: 2025-11-15
outcome: pending
tags: [platform]
rounds:
  - type: recruiter
    date: 2025-11-20
    interviewers: [Marta]
    rating: 4
    went-well: Knew the product
  - type: system-design
    date: 2025-12-03
    interviewers: [Priya]
weaknesses:
  - weakness: questions
    round: 1
`,
  'debrief/interviews/globex-old.yaml': `id: globex-old
company: globex
role: Platform Engineer
applied: 2025-06-01
outcome: rejected
tags: [remote]
rounds:
  - type: take-home
    date: 2025-06-18
    went-well: Clean API
  - type: system-design
    date: 2025-06-25
    questions: [Design a rate limiter]
    went-well: Clear data model
feedback:
  received: 2025-07-02
  summary: No tests, no load numbers.
  quotes: ["We could not tell whether it works."]
weaknesses:
  - weakness: tests
    round: 1
  - weakness: capacity
    round: 2
  - weakness: capacity
    round: 2
`,
  'debrief/interviews/globex-sre.yaml': 'id: globex-sre\ncompany: " GLOBEX "\nrole: SRE\napplied: 2025-10-27\noutcome: ghosted\n',
  'debrief/interviews/hooli.yaml': `id: hooli
company: Hooli
role: Backend Engineer
tags: [Platform]
rounds:
  - type: system-design
    date: 2025-11-12
    questions: [Design a video upload service, "design a  RATE limiter?"]
    went-well: Started with the numbers
weaknesses:
  - weakness: capacity
    round: 1
`,
  'debrief/interviews/acme.yaml': `id: acme
company: Acme
role: Data Engineer
tags: [data]
rounds:
  - type: system-design
    date: 2025-10-01
    questions: [Design a URL shortener]
    went-well: Drew a clear diagram
  - type: coding
    date: 2025-10-08
    questions: [Two sum]
    went-well: Fast and clean
weaknesses:
  - weakness: capacity
    round: 1
  - weakness: questions
    round: 1
  - weakness: silent
    round: 2
`,
  'debrief/interviews/initech.yaml': `id: initech
company: Initech
role: platform engineer
rounds:
  - type: system-design
    date: 2025-03-01
    went-well: Good API
weaknesses:
  - weakness: capacity
    round: 1
`,
  'debrief/interviews/wonka.yaml': `id: wonka
company: Wonka
role: QA
rounds:
  - type: coding
    date: 2025-11-10
feedback:
  received: 2025-11-15
weaknesses:
  - weakness: capacity
`,
};

describe('the brief: what is next', () => {
  const index = journal(FILES);
  const target = index.interview('globex-new')!;

  it('tells a scheduled round from one that happened', () => {
    const r = (text: string) => journal({ 'debrief/interviews/x.yaml': `id: x\ncompany: C\nrole: R\nrounds:\n  - ${text}\n` }).interview('x')!.rounds[0];
    assert.equal(isScheduled(r('type: coding\n    date: 2025-12-02'), TODAY), true, 'after today');
    assert.equal(isScheduled(r('type: coding\n    date: 2025-12-01'), TODAY), true, 'today, nothing recorded of it');
    assert.equal(isScheduled(r('type: coding\n    date: 2025-12-01\n    rating: 3'), TODAY), false, 'today, rated: it happened');
    assert.equal(isScheduled(r('type: coding\n    date: 2025-12-01\n    went-badly: x'), TODAY), false);
    assert.equal(isScheduled(r('type: coding'), TODAY), false, 'undated');
    assert.equal(isHeld(r('type: coding'), TODAY), true, 'an undated round counts as held');
    assert.equal(isHeld(r('type: coding\n    date: 2025-11-30'), TODAY), true);
  });

  it('is the scheduled round, its type and number, else the next step', () => {
    const c = comingOf(target, TODAY);
    assert.deepEqual([c.date, c.type, c.round, c.rounds.map((r) => r.index)], ['2025-12-03', 'system-design', 2, [2]]);
    const step = journal({ 'debrief/interviews/x.yaml': 'id: x\ncompany: C\nrole: R\nnext:\n  action: Onsite\n  due: 2025-12-09\n' }).interview('x')!;
    assert.deepEqual(comingOf(step, TODAY), { rounds: [], step: { action: 'Onsite', due: '2025-12-09' }, date: '2025-12-09', type: undefined, round: undefined });
  });

  it('says when, with the round\'s time as the Due view says it, and never takes a cancelled round for the coming one', () => {
    const idx = journal({ 'debrief/interviews/x.yaml': `id: x
company: C
role: R
rounds:
  - type: onsite
    date: 2025-12-02
    cancelled: true
  - type: onsite
    date: 2025-12-04
    time: "09:30"
    timezone: America/New_York
    duration: 90
    location: HQ
    link: https://meet.example.com/x
` });
    const iv = idx.interview('x')!;
    const c = comingOf(iv, TODAY);
    assert.deepEqual([c.round, c.date, c.type], [2, '2025-12-04', 'onsite'], 'the cancelled round is not the coming one');
    const b = buildBrief(idx, iv, TODAY, { timeZone: 'Europe/Berlin' });
    assert.equal(b.next.rounds[0].timeText, roundTimeText(iv.rounds[1], 'Europe/Berlin'));
    assert.equal(b.next.rounds[0].timeText, '09:30–11:00 EST (15:30 your time)');
    assert.deepEqual(b.interview.rounds.map((r) => [r.number, r.cancelled]), [[1, true]], 'a cancelled round is among the rounds so far, marked');
    const md = briefMarkdown(b);
    assert.match(md, /\n- Onsite round on 4 Dec \(in 3 days\), 09:30–11:00 EST \(15:30 your time\), at HQ\.\n- Meeting link: <https:\/\/meet\.example\.com\/x>\n/);
    assert.match(md, /\n1\. onsite, 2 Dec, cancelled\n/);
    const page = briefHtml(b);
    const ref = /Meeting link: <button[^>]*data-open="(\d+)"/.exec(page.html);
    assert.deepEqual(page.refs[Number(ref?.[1])], { url: 'https://meet.example.com/x' });
  });

  it('prepares the open application whose next thing comes soonest, by default', () => {
    const files = {
      ...FILES,
      'debrief/interviews/later.yaml': 'id: later\ncompany: L\nrole: R\nnext:\n  due: 2025-12-02\n',
      'debrief/interviews/closed.yaml': 'id: closed\ncompany: K\nrole: R\noutcome: rejected\nnext:\n  due: 2025-12-01\n',
      'debrief/interviews/past.yaml': 'id: past\ncompany: P\nrole: R\nnext:\n  due: 2025-11-30\n',
    };
    const idx = journal(files);
    assert.equal(nextInterview(idx, TODAY)?.id, 'later', 'due tomorrow comes before the round in two days; a closed application and a step past due do not count');
    const order = briefOrder(idx, TODAY).map((r) => r.interview.id);
    assert.deepEqual(order.slice(0, 2), ['later', 'globex-new']);
    assert.ok(order.indexOf('closed') > order.indexOf('past'), 'open applications before closed ones');
    assert.equal(nextInterview(journal({}), TODAY), undefined);
  });
});

describe('the brief: what is likely to matter (numbers computed by hand)', () => {
  const index = journal(FILES);
  const target = index.interview('globex-new')!;

  it('weights an occasion by recency (halving every 90 days), by kind of round and by place', () => {
    assert.equal(recencyWeight('2025-12-01', TODAY), 1);
    assert.equal(recencyWeight('2025-09-03', TODAY), 1, '89 days ago');
    assert.equal(recencyWeight('2025-09-02', TODAY), 0.5, '90 days ago');
    assert.equal(recencyWeight('2025-03-01', TODAY), 1 / 8, '275 days ago');
    assert.equal(recencyWeight(undefined, TODAY), 1 / 16, 'undated: as if a year old');
    assert.equal(companyKey('  GLOBEX '), companyKey('Globex'));
    assert.equal(roleKey('Senior Platform Engineer'), roleKey('platform engineer'));
    assert.notEqual(roleKey('Backend Engineer'), roleKey('Platform Engineer'));
  });

  it('ranks by the sum of the weights, and names the strengths that stayed away', () => {
    const likely = likelyToMatter(index, target, 'system-design', TODAY);
    // capacity: Globex system-design 25 Jun (159 days: 1/2) × same kind 1 × same company 2 = 1
    //         + Hooli system-design 12 Nov (1) × 1 × similar, a shared tag (Platform), 3/2 = 1.5
    //         + Acme system-design 1 Oct (1) × 1 × elsewhere 1 = 1
    //         + Initech system-design 1 Mar (275 days: 1/8) × 1 × similar, the same role, 3/2 = 0.1875
    //         + Wonka, cited without a round, dated by its feedback 15 Nov (1) × another kind 1/4 × 1 = 0.25
    //         (Globex's two citations of round 2 count once) = 3.9375
    // questions: this application's recruiter round 20 Nov (1) × 1/4 × 2 = 0.5, + Acme system-design 1 × 1 × 1 = 1.5
    // silent: Acme coding 8 Oct (1) × 1/4 × 1 = 0.25
    // tests: Globex take-home 18 Jun (1/2) × 1/4 × 2 = 0.25, resolved and not seen since its work (1 Jul): a strength
    assert.deepEqual(likely.weaknesses.map((w) => [w.id, w.score]), [['capacity', 3.9375], ['questions', 1.5], ['silent', 0.25]]);
    assert.deepEqual(likely.strengths.map((w) => [w.id, w.score]), [['tests', 0.25]]);
    assert.equal(likely.more, 0);
    assert.ok(!likely.weaknesses.some((w) => w.id === 'unused'), 'a weakness never cited is not likely');
  });

  it('says why, with the numbers behind each reason', () => {
    const likely = likelyToMatter(index, target, 'system-design', TODAY);
    const reasons = Object.fromEntries([...likely.weaknesses, ...likely.strengths].map((w) => [w.id, w.reasons.map((r) => r.text)]));
    // The system-design rounds held in the last 180 days (from 5 Jun): Globex 25 Jun, Hooli 12 Nov, Acme 1 Oct
    // (Initech, 1 Mar, is older; the round of 3 Dec is not held yet).
    assert.deepEqual(reasons.capacity, [
      'surfaced in each of your last 3 system-design rounds',
      'came up at Globex before, in a system-design round (25 Jun)',
      'also surfaced at 2 similar applications: Hooli, Initech',
    ]);
    assert.deepEqual(reasons.questions, ['surfaced in 1 of your last 3 system-design rounds', 'came up earlier in this application, in the recruiter round (20 Nov)']);
    assert.deepEqual(reasons.silent, ['surfaced in 1 round of another kind elsewhere, the last on 8 Oct']);
    assert.deepEqual(reasons.tests, ['came up at Globex before, in a take-home round (18 Jun)']);
    const capacity = likely.weaknesses[0];
    assert.deepEqual(capacity.reasons[0], { kind: 'round-type', roundType: 'system-design', seen: 3, of: 3, text: reasons.capacity[0] });
    assert.deepEqual(capacity.reasons[2], { kind: 'similar', companies: ['Hooli', 'Initech'], text: reasons.capacity[2] });
  });

  it('takes trend, verdict and open items from the one model of progress', () => {
    const likely = likelyToMatter(index, target, 'system-design', TODAY);
    const model = new Map(journalStats(index, TODAY).weaknesses.map((p) => [p.id, p]));
    for (const w of [...likely.weaknesses, ...likely.strengths]) {
      const p = model.get(w.id)!;
      assert.deepEqual([w.trend, w.trendText, w.verdict, w.verdictText, w.evidence], [p.trend, p.trendText, p.verdict, p.verdictText, p.evidence]);
    }
    assert.deepEqual(likely.weaknesses[0].openItems, [
      { id: 'estimates', action: 'Practise estimates', status: 'doing', due: '2025-12-05', overdue: false },
      { id: 'mock', action: 'A mock design interview', status: 'todo', due: '2025-11-25', overdue: true },
    ]);
    assert.equal(model.get('tests')!.verdict, 'not-seen');
  });

  it('counts the times it came up at the company, this application included, and names the last', () => {
    const files = {
      [W]: WEAKNESSES,
      'debrief/interviews/t.yaml': 'id: t\ncompany: Initech\nrole: R\nrounds:\n  - type: onsite\n    date: 2025-11-28\n  - type: coding\n    date: 2025-12-05\nweaknesses:\n  - weakness: silent\n    round: 1\n',
      'debrief/interviews/old.yaml': 'id: old\ncompany: initech\nrole: X\nrounds:\n  - type: coding\n    date: 2025-05-01\nfeedback:\n  received: 2025-05-10\nweaknesses:\n  - weakness: silent\n    round: 1\n  - weakness: silent\n',
    };
    const idx = journal(files);
    const likely = likelyToMatter(idx, idx.interview('t')!, 'coding', TODAY);
    // this application's onsite 28 Nov (1) × another kind 1/4 × 2 = 0.5; Initech's coding round 1 May (214 days: 1/4) × 1 × 2 = 0.5;
    // the citation naming no round, dated by the feedback of 10 May (205 days: 1/4) × 1/4 × 2 = 0.125.
    assert.deepEqual(likely.weaknesses.map((w) => [w.id, w.score]), [['silent', 1.125]]);
    assert.deepEqual(likely.weaknesses[0].reasons, [
      { kind: 'earlier-rounds', roundType: 'coding', seen: 1, last: '2025-05-01', text: 'surfaced in 1 earlier coding round, the last on 1 May' },
      { kind: 'company', company: 'Initech', seen: 3, inThisApplication: true, last: '2025-11-28', lastRoundType: 'onsite', text: 'came up 3 times at Initech, the last in this application\'s onsite round (28 Nov)' },
    ]);
  });

  it('counts several older rounds of the type, and any round when the type is not known', () => {
    const files = {
      [W]: WEAKNESSES,
      'debrief/interviews/t.yaml': 'id: t\ncompany: T\nrole: R\n',
      'debrief/interviews/a.yaml': 'id: a\ncompany: A\nrole: X\nrounds:\n  - type: coding\n    date: 2025-01-10\n  - type: coding\n    date: 2025-02-10\nweaknesses:\n  - weakness: silent\n    round: 1\n  - weakness: silent\n    round: 2\n',
      'debrief/interviews/b.yaml': 'id: b\ncompany: B\nrole: X\nrounds:\n  - type: onsite\n    date: 2025-11-01\n  - type: coding\n    date: 2025-11-02\nweaknesses:\n  - weakness: questions\n    round: 1\n',
    };
    const idx = journal(files);
    const t = idx.interview('t')!;
    const coding = likelyToMatter(idx, t, 'coding', TODAY);
    // silent: 10 Jan (325 days: 1/8) + 10 Feb (294 days: 1/8) = 0.25; questions: an onsite round (1) × 1/4 = 0.25; tie: the progress order.
    assert.deepEqual(coding.weaknesses.map((w) => [w.id, w.score]), [['questions', 0.25], ['silent', 0.25]]);
    assert.deepEqual(coding.weaknesses[1].reasons.map((r) => r.text), ['surfaced in 2 earlier coding rounds, the last on 10 Feb']);
    const any = likelyToMatter(idx, t, undefined, TODAY);
    // Any round: questions 1 (onsite, 1 Nov); silent 1/8 + 1/8.
    assert.deepEqual(any.weaknesses.map((w) => [w.id, w.score]), [['questions', 1], ['silent', 0.25]]);
    // Rounds held in the last 180 days, any kind: b's two rounds.
    assert.deepEqual(any.weaknesses[0].reasons.map((r) => r.text), ['surfaced in 1 of your last 2 rounds']);
  });
});

describe('the brief: its sections', () => {
  const index = journal(FILES);
  const target = index.interview('globex-new')!;
  const brief = buildBrief(index, target, TODAY);

  it('1. this application and earlier ones at the company, what is next and when', () => {
    assert.deepEqual(brief.interview.rounds.map((r) => [r.number, r.type, r.date]), [[1, 'recruiter', '2025-11-20']], 'the rounds held so far');
    assert.deepEqual(brief.next.rounds.map((r) => [r.number, r.type, r.date, r.interviewers]), [[2, 'system-design', '2025-12-03', ['Priya']]]);
    assert.deepEqual([brief.next.date, brief.next.roundType, brief.next.roundTypeFrom, brief.next.round], ['2025-12-03', 'system-design', 'scheduled', 2]);
    assert.deepEqual(brief.earlier.map((e) => e.id), ['globex-sre', 'globex-old'], 'the same company in any case or spacing, latest first');
    assert.deepEqual(brief.earlier[1].feedback, { requested: undefined, received: '2025-07-02', summary: 'No tests, no load numbers.', quotes: ['We could not tell whether it works.'] });
    assert.deepEqual(brief.earlier[1].weaknesses, [{ id: 'tests', title: 'Take-home without tests' }, { id: 'capacity', title: 'No capacity estimates' }]);
    assert.equal(brief.earlier[1].furthestStage, 'system-design');
  });

  it('2. the likely weaknesses are those of the rule', () => {
    assert.deepEqual(brief.likely.weaknesses.map((w) => w.id), likelyToMatter(index, target, 'system-design', TODAY).weaknesses.map((w) => w.id));
    assert.equal(brief.likely.empty, undefined);
  });

  it('3. questions of rounds of this type, this company first, each once', () => {
    assert.deepEqual(brief.questions.shown.map((q) => [q.text, q.company, q.date, q.times, q.atThisCompany]), [
      ['Design a rate limiter', 'globex', '2025-06-25', 2, true],
      ['Design a video upload service', 'Hooli', '2025-11-12', 1, false],
      ['Design a URL shortener', 'Acme', '2025-10-01', 1, false],
    ]);
  });

  it('4. the notes of the likely weaknesses, newest first, each with its first heading', async () => {
    const fs = new MemoryFileSystem({
      'notes/capacity.md': '---\ntitle: front matter\n---\n\n# Back-of-the-envelope ##\n\nbody',
      'notes/silent.md': 'Plain first line\n# Later heading',
      'notes/questions.md': '\n\nThree questions to ask\n',
    });
    // Dropped items' notes are left out: silent's only note hangs on a dropped item.
    assert.deepEqual(brief.reread.shown.map((n) => n.path), ['notes/capacity.md', 'notes/missing.md', 'notes/questions.md']);
    fs.writeFileSync('notes/capacity.md', '# Back-of-the-envelope ##\n');
    const read = await prepareBrief(index, fs, target, TODAY);
    assert.deepEqual(read.reread.shown.map((n) => [n.path, n.state?.kind, n.state?.kind === 'read' ? n.state.excerpt : undefined]), [
      ['notes/capacity.md', 'read', 'Back-of-the-envelope'],
      ['notes/questions.md', 'read', 'Three questions to ask'],
      ['notes/missing.md', 'missing', undefined],
    ]);
    assert.deepEqual(read.reread.shown[0].for, [{ weakness: 'capacity', title: 'No capacity estimates', item: 'estimates', action: 'Practise estimates' }]);
  });

  it('5. stories from went-well of rounds of this type, this company first', () => {
    assert.deepEqual(brief.stories.shown.map((s) => [s.text, s.company]), [
      ['Clear data model', 'globex'], ['Started with the numbers', 'Hooli'], ['Drew a clear diagram', 'Acme'], ['Good API', 'Initech'],
    ]);
  });

  it('writes the sections in order as Markdown and as a page, escaping the journal\'s text', () => {
    const md = briefMarkdown(brief);
    const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    assert.deepEqual(headings, SECTION_IDS.map((id) => SECTION_TITLES[id](brief)));
    assert.match(md, /^# Brief: Globex, Senior Platform Engineer\n\nPrepared 1 Dec for the system-design round on 3 Dec \(in 2 days\)\./);
    assert.match(md, /1\. \*\*No capacity estimates\*\*: Surfaced in each of your last 3 system-design rounds; came up at Globex before/);
    assert.match(md, /- notes\/capacity\.md/);
    const page = briefHtml(brief);
    assert.deepEqual([...page.html.matchAll(/data-section="([a-z]+)"/g)].map((m) => m[1]), [...SECTION_IDS]);
    assert.match(page.html, /data-action="record">Record how it went<\/button>/);
    const link = /data-open="(\d+)"[^>]*>Globex, Senior Platform Engineer</.exec(page.html);
    assert.deepEqual(page.refs[Number(link?.[1])], { file: 'debrief/interviews/globex-new.yaml', line: 0 }, 'the application opens its file');
  });
});

describe('the brief when the journal has little to say', () => {
  it('says so, and what to record, instead of an empty page', () => {
    const index = journal({ 'debrief/interviews/first.yaml': 'id: first\ncompany: Acme\nrole: Dev\nnext:\n  action: First call\n  due: 2025-12-02\n' });
    const b = buildBrief(index, index.interview('first')!, TODAY);
    assert.match(b.thin ?? '', /first interview in your journal/);
    assert.match(b.likely.empty ?? '', /Nothing recorded yet points to a weakness/);
    assert.match(b.questions.empty ?? '', /No questions recorded/);
    assert.match(b.reread.empty ?? '', /Nothing to reread yet/);
    assert.match(b.stories.empty ?? '', /Nothing that went well is recorded/);
    assert.equal(b.next.roundTypeFrom, 'unknown');
    const md = briefMarkdown(b);
    for (const t of [b.thin!, b.likely.empty!]) assert.ok(md.includes(t.slice(0, 30)), 'the Markdown says it');
    assert.match(md, /Next step: First call, due 2 Dec \(tomorrow\)\./);
    assert.match(briefHtml(b).html, /first interview in your journal/);
  });

  it('prepares for the kind of round chosen when nothing scheduled says it', () => {
    const index = journal(FILES);
    const t = index.interview('globex-old')!;
    const b = buildBrief(index, t, TODAY, { roundType: 'coding' });
    assert.deepEqual([b.next.roundType, b.next.roundTypeFrom], ['coding', 'chosen']);
    assert.deepEqual(b.questions.shown.map((q) => q.text), ['Two sum']);
  });
});

describe('the notes\' excerpts', () => {
  it('is the first heading, else the first line, on one line', () => {
    assert.equal(noteExcerpt('# Title'), 'Title');
    assert.equal(noteExcerpt('\uFEFF\r\n##   Spaced   title  ##\r\n'), 'Spaced title');
    assert.equal(noteExcerpt('#hashtag line\n# Real'), 'Real', 'no space after #: not a heading');
    assert.equal(noteExcerpt('first line\n\n# heading later'), 'heading later');
    assert.equal(noteExcerpt('only text'), 'only text');
    assert.equal(noteExcerpt('   \n\n'), undefined);
    assert.equal(noteExcerpt(`# ${'x'.repeat(500)}`)?.length, 120);
    assert.equal(noteExcerpt('---\na: 1\n---\nbody'), 'body');
  });

  it('takes linear time on lines made to backtrack', () => {
    // A quadratic pattern would take minutes on these.
    const long = `# a${' '.repeat(200_000)}b${' #'.repeat(50_000)}x`;
    assert.equal(noteExcerpt(long)?.startsWith('a '), true);
    assert.equal(noteExcerpt(`${'. '.repeat(200_000)}x`)?.length, 120);
  });

  it('reads a note only inside the workspace, and says why not', async () => {
    const fs = new MemoryFileSystem({ 'notes/a.md': '# A' });
    fs.specialSync('notes/pipe.md');
    assert.deepEqual(await readNote(fs, 'notes/a.md'), { kind: 'read', excerpt: 'A', modified: (await fs.stat('notes/a.md'))!.mtime });
    assert.deepEqual(await readNote(fs, 'notes/none.md'), { kind: 'missing' });
    assert.equal((await readNote(fs, '../outside.md')).kind, 'refused');
    assert.equal((await readNote(fs, 'notes/pipe.md')).kind, 'refused');
  });
});

describe('progress counts only interviews held', () => {
  it('does not count a scheduled round as an interview since the work was done', () => {
    const files = {
      [W]: 'weaknesses:\n  - id: w\n    title: W\n    improvements:\n      - id: i\n        action: A\n        status: done\n        done: 2025-10-01\n',
      'debrief/interviews/a.yaml': 'id: a\ncompany: A\nrole: R\nrounds:\n  - type: coding\n    date: 2025-09-01\nweaknesses:\n  - weakness: w\n    round: 1\n',
      'debrief/interviews/b.yaml': 'id: b\ncompany: B\nrole: R\nrounds:\n  - type: coding\n    date: 2025-12-10\n',
    };
    const [p] = weaknessProgress(journal(files), TODAY);
    assert.deepEqual([p.since.of, p.verdict], [0, 'too-early']);
  });
});

// ---------- property tests ----------

const COMPANIES = ['Globex', 'globex ', 'Hooli', 'Acme', '<img src=x onerror=alert(1)>', '**bold** [link](x)'];
const TEXTS = ['Design a cache', 'design a CACHE?', '<script>alert(1)</script>', '1. looks like a list', '- dash', '# hash', 'a|b', '`tick`', 'line one\nline two', 'émigré'];
const weaknessIdArb = fc.constantFrom('capacity', 'questions', 'tests', 'silent', 'unused', 'ghost-id');
const roundArb = fc.record({
  type: fc.constantFrom(...ROUND_TYPES), date: fc.option(dateArb, { nil: undefined }), rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  questions: fc.option(fc.array(fc.constantFrom(...TEXTS), { maxLength: 3 }), { nil: undefined }),
  'went-well': fc.option(fc.constantFrom(...TEXTS), { nil: undefined }), 'went-badly': fc.option(fc.constantFrom(...TEXTS), { nil: undefined }),
}, { requiredKeys: ['type'] });
const interviewData = (i: number) => fc.record({
  company: fc.constantFrom(...COMPANIES), role: fc.constantFrom('Platform Engineer', 'Senior platform engineer', 'QA', '<b>Dev</b>'),
  applied: fc.option(dateArb, { nil: undefined }), outcome: fc.option(fc.constantFrom('pending', 'rejected', 'offer'), { nil: undefined }),
  tags: fc.option(fc.array(fc.constantFrom('platform', 'Platform', 'data'), { maxLength: 2 }), { nil: undefined }),
  rounds: fc.option(fc.array(roundArb, { maxLength: 4 }), { nil: undefined }),
  weaknesses: fc.option(fc.array(fc.record({ weakness: weaknessIdArb, round: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }, { requiredKeys: ['weakness'] }), { maxLength: 4 }), { nil: undefined }),
  next: fc.option(fc.record({ action: fc.constantFrom(...TEXTS), due: dateArb }), { nil: undefined }),
  feedback: fc.option(fc.record({ received: dateArb, summary: fc.constantFrom(...TEXTS), quotes: fc.array(fc.constantFrom(...TEXTS), { maxLength: 2 }) }), { nil: undefined }),
}, { requiredKeys: ['company', 'role'] }).map((d) => ({ id: `i${i}`, ...plain(d) }));
const journalArb = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => interviewData(i))), fc.array(styleArb, { minLength: n, maxLength: n }), styleArb, dateArb, fc.option(fc.constantFrom(...ROUND_TYPES), { nil: undefined })));

describe('the brief on any journal (property)', () => {
  it('never throws, names only weaknesses that exist, and escapes every journal string', () => {
    fc.assert(fc.property(journalArb, ([interviews, styles, wstyle, today, roundType]) => {
      const files: Record<string, string> = { [W]: writeInStyle(parse(WEAKNESSES) as Record<string, unknown>, wstyle) };
      interviews.forEach((d, i) => (files[`debrief/interviews/${d.id}.yaml`] = writeInStyle(d, styles[i])));
      const index = journal(files);
      const ids = new Set(index.weaknessIds());
      for (const iv of index.interviews()) {
        const b: Brief = buildBrief(index, iv, today, { roundType });
        for (const w of [...b.likely.weaknesses, ...b.likely.strengths]) assert.ok(ids.has(w.id), `${w.id} exists`);
        for (const n of b.reread.shown) for (const f of n.for) assert.ok(ids.has(f.weakness));
        for (const e of b.earlier) assert.equal(companyKey(index.interview(e.id)!.company), companyKey(iv.company));
        assert.ok(b.likely.weaknesses.every((w, k, all) => k === 0 || all[k - 1].score >= w.score), 'most likely first');
        assert.ok(b.questions.shown.length <= 12 && b.stories.shown.length <= 6);
        const page = briefHtml(b).html;
        assert.ok(!/<(script|img)\b/i.test(page), 'no markup from the journal');
        const md = briefMarkdown(b);
        assert.ok(!/(?<!\\)<(script|img)\b/i.test(md), 'no HTML from the journal in the Markdown');
      }
    }), { numRuns: Number(process.env.DEBRIEF_PROPERTY_RUNS ?? 100) });
  });
});

