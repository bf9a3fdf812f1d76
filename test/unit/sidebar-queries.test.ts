import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/adapters/node-fs';
import { newNotePath, studyNote } from '../../src/core/templates/study-note';
import { isOverdue } from '../../src/core/model';
import { awaitingFeedback, groupInterviews, groupLabel, isEmptyFilter, matchesInterview, matchesWeakness, parseFilter } from '../../src/core/queries/sidebar';
import { rankWeaknesses } from '../../src/core/progress/weaknesses';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { loadJournal } from '../../src/core/journal/load';

import { journalStats } from '../../src/core/stats';
const overdueItems = (index: JournalIndex, today: string) => index.weaknesses().flatMap((w) => w.improvements.filter((i) => isOverdue(i, today)));

const demo = () => loadJournal(new NodeFileSystem(path.resolve('demo')), 'debrief');

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  index.updateMany(Object.entries(files));
  return index;
}

describe('sidebar queries', () => {
  it('groups interviews by outcome in the order of the format, each group newest first', async () => {
    const index = await demo();
    const groups = groupInterviews(index.interviews(), 'outcome');
    const keys = groups.map((g) => g.key);
    assert.equal(keys[0], 'outcome:pending', 'pending applications come first');
    assert.ok(keys.includes('outcome:rejected'));
    assert.equal(groups.reduce((n, g) => n + g.interviews.length, 0), index.interviews().length, 'every interview is in exactly one group');
    for (const g of groups) for (const iv of g.interviews) assert.equal(`outcome:${iv.outcome ?? 'unset'}`, g.key);
  });

  it('groups by month, newest month first, undated last', () => {
    const index = journal({
      'debrief/interviews/a.yaml': 'id: a\ncompany: A\nrole: Dev\napplied: 2025-01-10\n',
      'debrief/interviews/b.yaml': 'id: b\ncompany: B\nrole: Dev\nrounds:\n  - type: coding\n    date: 2025-03-02\n',
      'debrief/interviews/c.yaml': 'id: c\ncompany: C\nrole: Dev\n',
      'debrief/interviews/d.yaml': 'id: d\ncompany: D\nrole: Dev\napplied: 2025-03-20\n',
    });
    const groups = groupInterviews(index.interviews(), 'month');
    assert.deepEqual(groups.map((g) => g.key), ['month:2025-03', 'month:2025-01', 'month:undated']);
    assert.deepEqual(groups[0].interviews.map((i) => i.id), ['d', 'b']);
    assert.deepEqual(groups.map((g) => g.label), ['March 2025', 'January 2025', 'Undated']);
    assert.equal(groupLabel('outcome:role-closed'), 'Role closed');
  });

  it('tells an interview awaiting a feedback reply', () => {
    const index = journal({
      'debrief/interviews/a.yaml': 'id: a\ncompany: A\nrole: Dev\nfeedback:\n  requested: 2025-01-10\n',
      'debrief/interviews/b.yaml': 'id: b\ncompany: B\nrole: Dev\nfeedback:\n  requested: 2025-01-10\n  received: 2025-01-12\n',
      'debrief/interviews/c.yaml': 'id: c\ncompany: C\nrole: Dev\n',
    });
    assert.deepEqual(index.interviews().map(awaitingFeedback), [true, false, false]);
  });

  it('ranks weaknesses by how often they showed lately, as Insights does', async () => {
    const index = await demo();
    const ranked = rankWeaknesses(journalStats(index, '2025-12-01').weaknesses);
    const share = ranked.map((p) => (p.recent.of ? p.recent.seen / p.recent.of : 0));
    assert.deepEqual(share, [...share].sort((a, b) => b - a));
    assert.equal(ranked[0].id, 'capacity-estimates', 'what holds the demo back most');
  });

  it('finds overdue items: past due and neither done nor dropped', () => {
    const index = journal({
      'debrief/weaknesses.yaml': [
        'weaknesses:', '  - id: w', '    title: W', '    improvements:',
        '      - { id: late, action: A, status: doing, due: 2025-01-01 }',
        '      - { id: done, action: B, status: done, due: 2025-01-01, done: 2025-01-02 }',
        '      - { id: dropped, action: C, status: dropped, due: 2025-01-01 }',
        '      - { id: today, action: D, status: todo, due: 2025-02-01 }',
        '      - { id: none, action: E, status: todo }', '',
      ].join('\n'),
    });
    assert.deepEqual(overdueItems(index, '2025-02-01').map((i) => i.id), ['late']);
    assert.deepEqual(overdueItems(index, '2025-02-02').map((i) => i.id), ['late', 'today']);
    assert.equal(isOverdue(index.weaknesses()[0].improvements[4], '2099-01-01'), false);
  });

  it('parses filters with prefixes and quoted values', () => {
    const f = parseFilter('Caching tag:Remote company:"Initech Corp" outcome:rejected other:x');
    assert.deepEqual(f, { words: ['caching', 'other:x'], tags: ['remote'], companies: ['initech corp'], outcomes: ['rejected'] });
    assert.equal(isEmptyFilter(parseFilter('   ')), true);
  });

  it('matches interviews and weaknesses by text, company, tag and outcome', async () => {
    const index = await demo();
    const ivs = index.interviews();
    const rejected = ivs.filter((iv) => matchesInterview(parseFilter('outcome:rejected'), iv, index));
    assert.ok(rejected.length > 0 && rejected.length < ivs.length);
    assert.ok(rejected.every((iv) => iv.outcome === 'rejected'));
    const hooli = ivs.filter((iv) => matchesInterview(parseFilter('company:hoo'), iv, index));
    assert.deepEqual(hooli.map((iv) => iv.id).sort(), ['hooli-backend', 'hooli-sre']);
    assert.ok(hooli.every((iv) => iv.company === 'Hooli'));
    // Free words search inside rounds too.
    assert.deepEqual(ivs.filter((iv) => matchesInterview(parseFilter('ingestion pipeline'), iv, index)).map((iv) => iv.id), ['black-mesa-platform']);
    assert.equal(ivs.filter((iv) => matchesInterview(parseFilter('zzz-nothing'), iv, index)).length, 0);
    // A weakness matches on its own text, or through an interview that cites it.
    const scaling = index.weakness('capacity-estimates')!;
    assert.equal(matchesWeakness(parseFilter('read/write ratio'), scaling, index), true);
    assert.equal(matchesWeakness(parseFilter('company:hooli'), scaling, index), true);
    assert.equal(matchesWeakness(parseFilter('company:zzz'), scaling, index), false);
  });
});

describe('study notes', () => {
  it('names new notes uniquely and fills the template', () => {
    assert.equal(newNotePath('Caching & Replication!', new Set()), 'notes/caching-replication.md');
    assert.equal(newNotePath('Caching', new Set(['notes/caching.md', 'notes/caching-2.md'])), 'notes/caching-3.md');
    const index = journal({ 'debrief/weaknesses.yaml': 'weaknesses:\n  - id: w\n    title: Shaky on caching\n    improvements:\n      - id: read\n        action: Read DDIA\n        done-when: I can explain it\n' });
    const w = index.weakness('w')!;
    const text = studyNote('Caching', { weakness: w, item: w.improvements[0] });
    assert.match(text, /^# Caching\n/);
    assert.match(text, /Weakness: Shaky on caching \(`w`\)/);
    assert.match(text, /Improvement: Read DDIA \(`read`\); done when: I can explain it/);
    assert.match(text, /^## Practice$/m);
  });
});
