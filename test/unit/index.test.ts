import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/adapters/node-fs';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { loadJournal } from '../../src/core/journal/load';
import { journalStats } from '../../src/core/stats';

const W = 'debrief/weaknesses.yaml';
const iv = (id: string, extra = '') => `id: ${id}\ncompany: Co ${id}\nrole: Dev\n${extra}`;
const weaknesses = (...ids: string[]) => 'weaknesses:\n' + ids.map((id) => `  - id: ${id}\n    title: T ${id}\n`).join('');
const cite = (...ids: string[]) => 'weaknesses:\n' + ids.map((id) => `  - weakness: ${id}\n`).join('');
const codesOf = (index: JournalIndex, file: string) => index.problemsOf(file).map((p) => p.code).sort();

describe('JournalIndex', () => {
  it('the demo journal loads with zero problems', async () => {
    const fs = new NodeFileSystem(path.resolve('demo'));
    const index = await loadJournal(fs, 'debrief');
    assert.deepEqual(index.problems().filter((p) => p.code !== 'unused-weakness'), []);
    assert.deepEqual(index.problems(), []);
    assert.equal(index.interviews().length, 36);
    assert.equal(index.weaknesses().length, 6);
    assert.equal(index.backlinks('notes/thinking-aloud.md')[0].item.id, 'narrate-mock');
  });

  it('ignores files outside the journal', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    assert.equal(index.update('other/x.yaml', iv('x')), false);
    assert.equal(index.update('debrief/interviews/sub/x.yaml', iv('x')), false);
    assert.equal(index.update('debrief/interviews/x.yaml', iv('x')), true);
    assert.equal(index.interviews().length, 1);
  });

  it('does not read again, nor announce, content it has already read (a save, then the watcher)', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    const changes: string[][] = [];
    index.onDidChange((e) => changes.push(e.paths));
    const path = 'debrief/interviews/a.yaml';
    assert.equal(index.update(path, iv('a')), true);
    const before = index.interviewAt(path);
    // The same text from the editor, then as bytes from disk (with a BOM): nothing to do.
    assert.equal(index.update(path, iv('a')), false);
    assert.equal(index.update(path, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(iv('a'))])), false);
    assert.equal(index.interviewAt(path), before, 'the record is the one read first');
    assert.deepEqual(changes, [[path]], 'one change announced');
    assert.equal(index.update(path, iv('a', 'outcome: offer\n')), true);
    assert.equal(index.interviewAt(path)?.outcome, 'offer');
    assert.deepEqual(index.updateMany([[path, iv('a', 'outcome: offer\n')], ['debrief/interviews/b.yaml', iv('b')]]), ['debrief/interviews/b.yaml']);
    index.remove(path);
    assert.equal(index.update(path, iv('a', 'outcome: offer\n')), true, 'a removed file is read again');
  });

  it('reports unknown weaknesses and clears them when the weakness is defined', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    index.update(W, weaknesses('thinking-aloud'));
    index.update('debrief/interviews/a.yaml', iv('a', cite('thinking-alod', 'thinking-aloud')));
    const p = index.problemsOf('debrief/interviews/a.yaml');
    assert.deepEqual(p.map((x) => x.code), ['unknown-weakness']);
    assert.deepEqual(p[0].data, { weakness: 'thinking-alod', suggestion: 'thinking-aloud' });
    assert.equal(p[0].range.start.line, 4);
    index.update(W, weaknesses('thinking-aloud', 'thinking-alod'));
    assert.deepEqual(codesOf(index, 'debrief/interviews/a.yaml'), []);
    index.update(W, weaknesses('other'));
    assert.deepEqual(codesOf(index, 'debrief/interviews/a.yaml'), ['unknown-weakness', 'unknown-weakness']);
  });

  it('reports duplicate interview ids across files and clears them on rename', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    index.update('debrief/interviews/a.yaml', iv('a'));
    index.update('debrief/interviews/b.yaml', iv('a'));
    assert.ok(codesOf(index, 'debrief/interviews/a.yaml').includes('duplicate-id'));
    assert.ok(codesOf(index, 'debrief/interviews/b.yaml').includes('duplicate-id'));
    index.update('debrief/interviews/b.yaml', iv('b'));
    assert.deepEqual(codesOf(index, 'debrief/interviews/a.yaml'), []);
    assert.deepEqual(codesOf(index, 'debrief/interviews/b.yaml'), []);
  });

  it('holds cross-file problems while the whole journal is read, whatever the order the files come in', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    const files: [string, string][] = [
      ['debrief/interviews/a.yaml', iv('a', cite('known', 'ghost'))],
      ['debrief/interviews/b.yaml', iv('a')],
      ['debrief/interviews/c.yaml', iv('c', 'outcome: pendingg\n')],
      [W, weaknesses('known', 'unused')],
    ];
    index.beginReading();
    assert.equal(index.isReading, true);
    const seen: number[] = [];
    index.onDidChange((e) => seen.push(e.version));
    for (const [p, text] of files) {
      index.update(p, text);
      // Only each file's own problems while reading: no unknown weakness before weaknesses.yaml, no duplicate id.
      for (const q of index.problems()) assert.ok(!['unknown-weakness', 'duplicate-id', 'unused-weakness', 'missing-note'].includes(q.code), `${q.code} while reading`);
    }
    assert.ok(codesOf(index, 'debrief/interviews/c.yaml').length > 0, 'a file\'s own problems show while reading');
    const version = index.version;
    index.endReading();
    assert.equal(index.isReading, false);
    assert.ok(index.version > version, 'the end of the reading is a change: views compute the cross-file problems');
    assert.deepEqual(codesOf(index, 'debrief/interviews/a.yaml'), ['duplicate-id', 'unknown-weakness']);
    assert.deepEqual(codesOf(index, 'debrief/interviews/b.yaml'), ['duplicate-id', 'id-mismatch']);
    assert.deepEqual(codesOf(index, W), ['unused-weakness']);
    assert.ok(index.takeChangedProblemFiles().includes('debrief/interviews/a.yaml'), 'the files whose problems it computed are told to the Problems panel');
    // The same problems as an index that never waited.
    const plain = new JournalIndex({ journalFolder: 'debrief' });
    for (const [p, text] of files) plain.update(p, text);
    for (const [p] of files) assert.deepEqual(index.problemsOf(p), plain.problemsOf(p), p);
    index.endReading();
    assert.equal(index.isReading, false, 'ending twice is harmless');
  });

  it('flags unused weaknesses as info and updates when they are cited', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    index.update(W, weaknesses('x', 'y'));
    assert.deepEqual(index.problemsOf(W).map((p) => [p.code, p.severity, p.data?.weakness]), [['unused-weakness', 'info', 'x'], ['unused-weakness', 'info', 'y']]);
    index.update('debrief/interviews/a.yaml', iv('a', cite('x')));
    assert.deepEqual(index.problemsOf(W).map((p) => p.data?.weakness), ['y']);
    index.remove('debrief/interviews/a.yaml');
    assert.equal(index.problemsOf(W).length, 2);
    assert.equal(index.problemsByFile().has('debrief/interviews/a.yaml'), false);
  });

  it('reports missing notes through the existence callback', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    index.update(W, 'weaknesses:\n  - id: x\n    title: X\n    improvements:\n      - id: i\n        action: A\n        notes: [notes/a.md, ./notes/b.md]\n');
    index.update('debrief/interviews/a.yaml', iv('a', cite('x')));
    index.setNoteExists(new Set(['notes/a.md']));
    const p = index.problemsOf(W);
    assert.deepEqual(p.map((x) => [x.code, x.data?.note]), [['missing-note', 'notes/b.md']]);
    index.setNoteExists(() => true);
    assert.deepEqual(index.problemsOf(W), []);
    assert.deepEqual(index.backlinks('notes/b.md').map((b) => [b.weakness.id, b.item.id]), [['x', 'i']]);
  });

  it('tells which files need a diagnostics refresh', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    index.update(W, weaknesses('x'));
    for (let i = 0; i < 5; i++) index.update(`debrief/interviews/i${i}.yaml`, iv(`i${i}`, i === 0 ? cite('x') : ''));
    index.takeChangedProblemFiles();
    index.update('debrief/interviews/i3.yaml', iv('i3', 'notes: changed\n'));
    assert.deepEqual(index.takeChangedProblemFiles(), ['debrief/interviews/i3.yaml']);
    index.update(W, weaknesses('y'));
    assert.deepEqual(index.takeChangedProblemFiles().sort(), ['debrief/interviews/i0.yaml', W]);
    // A deleted file's problems go too: it is listed, so that a view clears them.
    index.remove('debrief/interviews/i0.yaml');
    assert.ok(index.takeChangedProblemFiles().includes('debrief/interviews/i0.yaml'));
    assert.equal(index.problemsByFile().has('debrief/interviews/i0.yaml'), false);
  });

  it('notifies listeners and bumps the version', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    const seen: string[][] = [];
    const sub = index.onDidChange((e) => seen.push(e.paths));
    index.update('debrief/interviews/a.yaml', iv('a'));
    sub.dispose();
    index.update('debrief/interviews/b.yaml', iv('b'));
    assert.deepEqual(seen, [['debrief/interviews/a.yaml']]);
    assert.equal(index.version, 2);
  });

  it('finds records and their files', () => {
    const index = new JournalIndex({ journalFolder: 'journal' });
    index.update('journal/weaknesses.yaml', weaknesses('x'));
    index.update('journal/interviews/a.yaml', iv('a', cite('x')));
    assert.equal(index.fileOf('a'), 'journal/interviews/a.yaml');
    assert.equal(index.fileOf('x'), 'journal/weaknesses.yaml');
    assert.equal(index.fileOf('nope'), undefined);
    assert.equal(index.interview('a')?.company, 'Co a');
    assert.equal(index.weakness('x')?.title, 'T x');
    assert.deepEqual(index.filesCiting('x'), ['journal/interviews/a.yaml']);
  });

  it('waits for each batch to be taken before reading the next (a reading can be held between batches)', async () => {
    const files: Record<string, string> = { [W]: weaknesses('w') };
    for (let i = 0; i < 40; i++) files[`debrief/interviews/i${String(i).padStart(2, '0')}.yaml`] = iv(`i${String(i).padStart(2, '0')}`);
    const index = new JournalIndex({ journalFolder: 'debrief' });
    let release = (): void => undefined;
    const batches: number[] = [];
    const loading = loadJournal(new MemoryFileSystem(files), 'debrief', {
      index,
      onBatch: (done) => {
        batches.push(done);
        return done === 16 ? new Promise<void>((r) => (release = r)) : undefined;
      },
    });
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    assert.deepEqual(batches, [16], 'held after the first batch');
    assert.equal(index.files().length, 16);
    release();
    await loading;
    assert.deepEqual(batches, [16, 32, 41]);
    assert.equal(index.interviewCount(), 40);
  });

  it('computes sightings with dates', async () => {
    const fs = new NodeFileSystem(path.resolve('demo'));
    const index = await loadJournal(fs, 'debrief');
    const s = index.sightings('thinking-aloud');
    assert.deepEqual(s.slice(0, 2).map((x) => [x.interview.id, x.date, x.round?.index, x.source]), [
      ['acme-backend', '2025-06-13', 2, 'interviewer'],
      ['initech-data', '2025-06-20', 2, 'interviewer'],
    ]);
  });

  it('computes statistics of the demo relative to today', async () => {
    const fs = new NodeFileSystem(path.resolve('demo'));
    const index = await loadJournal(fs, 'debrief');
    const st = journalStats(index, '2025-12-01');
    assert.equal(st.interviews, 36);
    assert.deepEqual([st.outcomes.rejected, st.outcomes.ghosted, st.outcomes.pending, st.outcomes.offer], [18, 9, 5, 1]);
    assert.equal(st.stages.offer, 1, 'the offer from its outcome');
    assert.equal(st.stages.applied, 6, 'applications with no round stay at applied');
    assert.equal(st.feedback.asked, 19);
    assert.equal(st.feedback.answered, 15);
    // The story the demo tells: one weakness fades after the work, another persists.
    const byId = Object.fromEntries(st.weaknesses.map((w) => [w.id, w]));
    assert.equal(byId['thinking-aloud'].verdict, 'not-seen');
    assert.equal(byId['thinking-aloud'].trend, 'less');
    assert.equal(byId['capacity-estimates'].verdict, 'still');
    assert.equal(byId['capacity-estimates'].trend, 'more');
    assert.equal(byId['sql-window-functions'].evidence, 'hypothesis');
    assert.equal(byId['star-stories'].verdict, 'no-work');
  });

  it('loads from a memory file system and checks notes with stat', async () => {
    const fs = new MemoryFileSystem({
      [W]: 'weaknesses:\n  - id: x\n    title: X\n    improvements:\n      - id: i\n        action: A\n        notes: [notes/here.md, notes/gone.md]\n',
      'debrief/interviews/a.yaml': iv('a', cite('x')),
      'debrief/interviews/readme.txt': 'not yaml',
      'notes/here.md': '# here',
    });
    const index = await loadJournal(fs, 'debrief');
    assert.deepEqual(index.files().sort(), ['debrief/interviews/a.yaml', W]);
    assert.deepEqual(index.problems().map((p) => [p.code, p.data?.note]), [['missing-note', 'notes/gone.md']]);
  });

  it('loads an empty index when the journal does not exist', async () => {
    const index = await loadJournal(new MemoryFileSystem(), 'debrief');
    assert.equal(index.interviews().length, 0);
    assert.deepEqual(index.problems(), []);
  });
});

describe('JournalIndex memory layout', () => {
  it('loadJournal (pooled strings, batched reads) gives the same records and problems as reading each file alone', async () => {
    const fs = new NodeFileSystem(path.resolve('demo'));
    const loaded = await loadJournal(fs, 'debrief', { concurrency: 2 });
    const alone = new JournalIndex({ journalFolder: 'debrief' });
    for (const f of loaded.files()) alone.update(f, await fs.readFile(f));
    alone.setNoteExists(new Set(loaded.linkedNotes()));
    assert.deepEqual(loaded.interviews(), alone.interviews());
    assert.deepEqual(loaded.weaknesses(), alone.weaknesses());
    assert.deepEqual(loaded.problems(), alone.problems());
    // Ranges are plain Range objects with the values the reader computed.
    const iv = loaded.interviews()[0];
    assert.deepEqual(Object.keys(iv.idRange), ['start', 'end']);
    assert.deepEqual(Object.keys(iv.idRange.start), ['line', 'character']);
  });

  it('shares one copy of equal strings across the files of a bulk update', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    const extra = 'stage: coding\nrounds:\n  - type: coding\n    questions: [Design a URL shortener for many users]\n';
    index.updateMany([['debrief/interviews/a.yaml', iv('a', extra)], ['debrief/interviews/b.yaml', iv('b', extra)]]);
    const [a, b] = index.interviews();
    assert.equal(a.rounds[0].questions[0], 'Design a URL shortener for many users');
    assert.equal(a.rounds[0].questions[0], b.rounds[0].questions[0]);
    assert.equal(a.stage, 'coding');
    assert.equal(a.rounds.length, 1);
  });

  it('keeps duplicate-id bookkeeping right through one, two and three files with the same id', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    const f = (n: string) => `debrief/interviews/${n}.yaml`;
    index.update(f('x'), iv('x'));
    index.update(f('y'), iv('x'));
    index.update(f('z'), iv('x'));
    assert.ok(codesOf(index, f('z')).includes('duplicate-id'));
    index.remove(f('z'));
    assert.ok(codesOf(index, f('x')).includes('duplicate-id'));
    index.update(f('y'), iv('y'));
    assert.ok(!codesOf(index, f('x')).includes('duplicate-id'));
    assert.ok(!codesOf(index, f('y')).includes('duplicate-id'));
    assert.equal(index.interview('x')?.file, f('x'));
    assert.equal(index.fileOf('y'), f('y'));
    index.remove(f('x'));
    assert.equal(index.interview('x'), undefined);
    assert.equal(index.interviewCount(), 1);
  });
});
