import * as assert from 'node:assert/strict';
import { generateJournal } from '../../bench/generate';
import type { FileSystem } from '../../src/core/file-system';
import type { JournalIndex } from '../../src/core/journal/journal-index';
import { loadJournal } from '../../src/core/journal/load';
import { decodeSnapshot, encodeSnapshot, FileStamp, KeptFile, snapshotChunks, snapshotKey } from '../../src/core/journal/snapshot';
import { MemoryFileSystem } from '../../src/core/memory-fs';

/** A file system that counts the files read. */
function counting(fs: MemoryFileSystem): { fs: FileSystem; reads: string[] } {
  const reads: string[] = [];
  const wrapped: FileSystem = Object.create(fs) as FileSystem;
  wrapped.readFile = (p, o) => {
    reads.push(p);
    return fs.readFile(p, o);
  };
  return { fs: wrapped, reads };
}

/** Everything a view can ask of an index, as plain data (a key holding undefined counts as absent). */
function view(index: JournalIndex) {
  return JSON.parse(JSON.stringify({
    interviews: index.interviews(),
    weaknesses: index.weaknesses(),
    problems: [...index.problemsByFile()].sort(([a], [b]) => a.localeCompare(b)),
    sightings: index.weaknessIds().map((id) => index.sightings(id).map((s) => [s.file, s.date])),
  })) as unknown;
}

async function snapshotOf(fs: FileSystem, key: string): Promise<{ index: JournalIndex; text: string }> {
  const stamps = new Map<string, FileStamp>();
  const index = await loadJournal(fs, 'debrief', { kept: { files: new Map(), stamps } });
  const files: [string, KeptFile][] = [];
  for (const [path, stamp] of stamps) {
    const entry = index.snapshotOf(path);
    if (entry) files.push([path, { stamp, entry }]);
  }
  return { index, text: encodeSnapshot(key, files) };
}

describe('index snapshots', () => {
  const key = snapshotKey('0.1.0', 'debrief');
  const journal = generateJournal(300, 40, 7);
  const seed = (): MemoryFileSystem => {
    const fs = new MemoryFileSystem();
    for (const [p, t] of journal.files) fs.writeFileSync(p, t);
    // Files with problems of their own and across files: they must come back as they were.
    fs.writeFileSync('debrief/interviews/broken.yaml', 'id: broken\ncompany: [unclosed\n');
    fs.writeFileSync('debrief/interviews/typo.yaml', 'id: typo\ncompany: T\nrole: Dev\noutcome: rejeted\nweaknesses:\n  - weakness: no-such-weakness\n');
    return fs;
  };

  it('is written in pieces of whole lines, each made when asked, that make the same text as the whole', async () => {
    const fs = seed();
    const { index, text } = await snapshotOf(fs, key);
    const lines = text.split('\n').length - 1;
    let made = 0;
    function* files(): Generator<[string, KeptFile]> {
      for (const path of index.files()) {
        const entry = index.snapshotOf(path);
        made++;
        if (entry) yield [path, { stamp: { size: 1, mtime: 2 }, entry }];
      }
    }
    const pieces = snapshotChunks(key, files(), 4096);
    const first = pieces.next();
    assert.equal(first.done, false);
    assert.ok(made < lines / 2, `the first piece made from a part of the files only (${made} of ${lines - 1})`);
    const all = [first.value as string, ...pieces];
    assert.ok(all.length > 10, `${all.length} pieces`);
    const longest = Math.max(...text.split('\n').map((l) => l.length + 1));
    for (const piece of all) assert.ok(piece.endsWith('\n') && piece.length < 4096 + longest, 'whole lines, about the size asked');
    const whole = all.join('');
    assert.equal(whole, encodeSnapshot(key, files()));
    assert.equal(decodeSnapshot(whole, key)?.size, index.files().length);
  });

  it('restores what was read without reading it again, the same as a fresh read', async () => {
    const fs = seed();
    const first = await snapshotOf(fs, key);
    const kept = decodeSnapshot(first.text, key);
    assert.ok(kept);
    assert.equal(kept.size, journal.files.size + 2);
    const { fs: watched, reads } = counting(fs);
    const stamps = new Map<string, FileStamp>();
    const again = await loadJournal(watched, 'debrief', { kept: { files: kept, stamps } });
    assert.deepEqual(reads, [], 'no journal file read');
    assert.deepEqual(view(again), view(first.index));
    // The kept index still on its way when the reading starts (as the editor reads it): the first batch
    // is read from its files, the rest restored once it is there; the same index.
    let arrive = (_: typeof kept): void => undefined;
    const late = { files: new Promise<typeof kept>((resolve) => (arrive = resolve)), stamps: new Map<string, FileStamp>(), restored: 0 };
    const later = await loadJournal(watched, 'debrief', { kept: late, concurrency: 4, onBatch: (done) => void (done === 4 && arrive(kept)) });
    assert.equal(reads.length, 4, 'the first batch read from its files');
    assert.equal(late.restored, kept.size - 4, 'the others restored');
    assert.equal(late.stamps.size, kept.size, 'every file stamped, for the next kept index');
    assert.deepEqual(view(later), view(first.index));
  });

  it('reads again only the files whose size or date changed, and the new ones; forgets the deleted', async () => {
    const fs = seed();
    const kept = decodeSnapshot((await snapshotOf(fs, key)).text, key)!;
    const changed = [...journal.files.keys()].find((p) => p.includes('/interviews/'))!;
    fs.writeFileSync(changed, journal.files.get(changed)!.replace(/company: .*/, 'company: Changed Co'));
    fs.writeFileSync('debrief/interviews/new-one.yaml', 'id: new-one\ncompany: New\nrole: Dev\n');
    await fs.delete('debrief/interviews/typo.yaml');
    const { fs: watched, reads } = counting(fs);
    const again = await loadJournal(watched, 'debrief', { kept: { files: kept, stamps: new Map() } });
    assert.deepEqual(reads.sort(), [changed, 'debrief/interviews/new-one.yaml'].sort());
    const fresh = await loadJournal(fs, 'debrief');
    assert.deepEqual(view(again), view(fresh));
    assert.equal(again.interviewAt(changed)?.company, 'Changed Co');
    assert.equal(again.interview('typo'), undefined);
  });

  it('is not used when of another version or another journal folder, or not a snapshot at all', async () => {
    const { text } = await snapshotOf(seed(), key);
    assert.ok(decodeSnapshot(text, key));
    assert.equal(decodeSnapshot(text, snapshotKey('0.2.0', 'debrief')), undefined);
    assert.equal(decodeSnapshot(text, snapshotKey('0.1.0', 'journal')), undefined);
    assert.equal(decodeSnapshot('', key), undefined);
    assert.equal(decodeSnapshot('12\n{"format":1}', key), undefined);
    const header = text.slice(0, text.indexOf('\n') + 1);
    assert.equal(decodeSnapshot(`${header}"a.yaml"\t12\n`, key), undefined, 'a line of too few fields');
    assert.equal(decodeSnapshot(`${header}"a.yaml\t1\t2\t3\t{}\n`, key), undefined, 'a path that is not JSON');
    assert.equal(decodeSnapshot(`${header}"a.yaml"\tbig\t2\t3\t{}\n`, key), undefined, 'a size that is not a number');
  });

  it('reads again, and only, the files whose kept line is damaged or was cut short', async () => {
    const fs = seed();
    const first = await snapshotOf(fs, key);
    const lines = first.text.split('\n');
    // One letter changed inside a kept record, one record's checksum changed, one record no longer JSON.
    const damaged = [1, 2, 3].map((n) => JSON.parse(lines[n].slice(0, lines[n].indexOf('\t'))) as string);
    lines[1] = lines[1].replace(/"company":"(.)/, (_m, c: string) => `"company":"${c === 'X' ? 'Y' : 'X'}`);
    lines[2] = lines[2].replace(/\t(\d+)\t\{/, (_m, d: string) => `\t${Number(d) + 1}\t{`);
    lines[3] = lines[3].replace(/\}$/, '');
    // A write cut short: the last line loses its end.
    const last = lines.length - 2;
    const cut = JSON.parse(lines[last].slice(0, lines[last].indexOf('\t'))) as string;
    const text = lines.slice(0, last).join('\n') + '\n' + lines[last].slice(0, -20);
    const kept = decodeSnapshot(text, key);
    assert.ok(kept);
    assert.equal(kept.has(cut), false, 'the line cut short is dropped');
    for (const p of damaged) assert.equal(kept.get(p)?.entry(), undefined, `no entry for ${p}`);
    const { fs: watched, reads } = counting(fs);
    const stamps = new Map<string, FileStamp>();
    const option = { files: kept, stamps, restored: 0 };
    const again = await loadJournal(watched, 'debrief', { kept: option });
    assert.deepEqual(reads.sort(), [...damaged, cut].sort());
    assert.equal(option.restored, journal.files.size + 2 - 4);
    assert.deepEqual(view(again), view(first.index));
  });
});
