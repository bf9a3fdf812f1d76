// A cloned journal is untrusted input: hostile files through the reader, the edits, the index and the CLI's output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { DAMAGED_SHAPES, HOSTILE_SHAPES } from '../../bench/hostile';
import { main } from '../../src/cli/main';
import { setOutcome } from '../../src/core/edits/interview';
import { renameNoteLinks } from '../../src/core/edits/note-links';
import { linkNote } from '../../src/core/edits/weaknesses';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { loadJournal } from '../../src/core/journal/load';
import { lineShape } from '../../src/core/language/line-shape';
import { LIMITS } from '../../src/core/limits';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { countProblems, MORE_PROBLEMS, Problem } from '../../src/core/problems';
import { readInterview } from '../../src/core/read/interview';
import type { ReadOptions } from '../../src/core/read/strings';
import { readWeaknesses } from '../../src/core/read/weaknesses';

const P = 'debrief/interviews/acme.yaml';
const W = 'debrief/weaknesses.yaml';
const HEAD = 'id: acme\ncompany: Acme\nrole: Backend Engineer\n';
const fixture = (name: string) => fs.readFileSync(path.resolve('test/fixtures/hostile', name), 'utf8');
const limitOf = (ps: readonly Problem[]) => ps.map((p) => `${p.code}${p.data?.limit ? `:${String(p.data.limit)}` : ''}`);

/** Problems that stay useful: within the cap, each message one bounded line, each range inside the text. */
function assertUseful(problems: readonly Problem[], text: string): void {
  assert.ok(problems.length <= LIMITS.problemsPerFile + 1, `${problems.length} problems listed`);
  const lines = text.split('\n').length;
  for (const p of problems) {
    assert.ok(p.message.length <= 1000, `a message of ${p.message.length} characters: ${p.message.slice(0, 80)}`);
    assert.ok(p.range.start.line >= 0 && p.range.end.line < lines + 1, `range ${JSON.stringify(p.range)} in ${lines} lines`);
  }
}

/** Limits of one value (nesting, a list or mapping as a key): the rest of a file beyond one is read. */
const ONE_VALUE_LIMITS = new Set(['depth', 'complexKeys']);

/** What each shape gives at 64 KB: the limit it is beyond, or how it is read. */
const AT_64K: Record<string, string[]> = {
  'flow-keys': ['over-limit:depth'],
  'flow-keys-34': ['over-limit:tokens'],
  'many-keys': ['over-limit:keysPerMapping'],
  'duplicate-keys': ['over-limit:keysPerMapping'],
  'deep-flow': ['over-limit:depth'],
  'deep-block': ['over-limit:depth'],
  'deep-dashes': ['over-limit:tokens'],
  'long-list': ['over-limit:itemsPerList'],
  'flow-list': ['over-limit:tokens'],
  aliases: ['over-limit:aliases'],
  'blank-lines': ['over-limit:tokens'],
  'syntax-errors': ['over-limit:tokens'],
  'long-string': [],
  'long-plain': [],
  'long-block': [],
  'spaces-line': [],
  comments: [],
  'dense-valid': [],
  'largest-accepted': [],
  'many-weaknesses': [],
  'unknown-citations': [],
  'damaged-once': [],
  'damaged-items': [],
  'stray-lines': [],
  'mixed-columns': [],
  'moved-keys': [],
  'unclosed-quotes': [],
};

describe('hostile journal files', function () {
  this.timeout(120_000);

  it('every hostile shape at 1 MB is read without throwing: a located problem naming the limit, or the record (what is around a value beyond a limit of its own)', () => {
    for (const shape of HOSTILE_SHAPES) {
      const text = shape.make(1024 * 1024);
      const r = shape.kind === 'interview' ? readInterview(P, text) : readWeaknesses(W, text);
      assertUseful(r.problems, text);
      const over = r.problems.filter((p) => p.code === 'over-limit');
      if (over.length) {
        assert.match(over[0].message, /\(limit: [a-z ]+/, `${shape.name}: the message names the limit`);
        assert.equal(over[0].severity, 'error');
        if (ONE_VALUE_LIMITS.has(String(over[0].data?.limit))) {
          // Beyond a limit of one value: that value's part is left out, the rest is read.
          assert.equal(r.value && 'company' in r.value ? r.value.company : undefined, 'Acme', `${shape.name}: the keys around the value beyond the limit are read`);
          assert.deepEqual(r.broken?.map((b) => b.problem), over, `${shape.name}: the part beyond the limit did not read`);
        } else assert.equal(r.value, undefined, `${shape.name}: a file beyond a limit of the whole file has no record`);
      } else assert.ok(r.value, `${shape.name}: read when within the limits (${limitOf(r.problems).join(', ')})`);
    }
  });

  it('each shape at 64 KB is beyond the limit it attacks, or read', () => {
    for (const shape of HOSTILE_SHAPES) {
      const expected = AT_64K[shape.name];
      if (!expected) continue;
      const text = shape.make(64 * 1024);
      const r = shape.kind === 'interview' ? readInterview(P, text) : readWeaknesses(W, text);
      assertUseful(r.problems, text);
      if (expected.length) assert.deepEqual(limitOf(r.problems), expected, shape.name);
      else assert.ok(r.value && !r.problems.some((p) => p.code === 'over-limit'), `${shape.name}: ${limitOf(r.problems).join(', ')}`);
    }
  });

  it('edits refuse a file beyond the limits (the same check), and still edit one within them', () => {
    for (const shape of HOSTILE_SHAPES.filter((s) => s.kind === 'interview')) {
      const text = shape.make(64 * 1024);
      const read = readInterview(P, text);
      const edit = setOutcome(text, 'rejected');
      if (read.problems.some((p) => p.code === 'over-limit')) {
        assert.equal(edit.ok, false, `${shape.name}: the edit is refused`);
        if (!edit.ok) assert.equal(edit.problems[0].code, 'over-limit', shape.name);
      }
    }
    assert.equal(setOutcome(HOSTILE_SHAPES.find((s) => s.name === 'largest-accepted')!.make(1024 * 1024), 'rejected').ok, true);
  });

  it('the 34 nested flow keys of the issue (a 109-byte file) are one problem, in the reader and in every edit', () => {
    const text = fixture('flow-keys.yaml');
    const r = readInterview('debrief/interviews/flow-keys.yaml', text);
    assert.deepEqual(limitOf(r.problems), ['over-limit:complexKeys']);
    assert.equal(r.problems[0].range.start.line, 3);
    assert.match(r.problems[0].message, /used as a key/);
    const edit = setOutcome(text, 'offer');
    assert.equal(edit.ok, false);
    const atRoot = `${'{'.repeat(34)}${'}'.repeat(34)}: x\nweaknesses: []\n`;
    const rename = renameNoteLinks(atRoot, 'notes/a.md', 'notes/b.md');
    assert.equal(rename.ok, false);
    if (!rename.ok) assert.equal(rename.problems[0].code, 'over-limit');
  });

  it('limits hold at their bound: 1,000 keys are read, 1,001 are one problem at the 1,001st', () => {
    const keys = (n: number) => HEAD + Array.from({ length: n - 3 }, (_, i) => `k${i}: v\n`).join('');
    const within = readInterview(P, keys(LIMITS.keysPerMapping));
    assert.ok(within.value);
    assert.ok(!within.problems.some((p) => p.code === 'over-limit'));
    const beyond = readInterview(P, keys(LIMITS.keysPerMapping + 1));
    assert.deepEqual(limitOf(beyond.problems), ['over-limit:keysPerMapping']);
    assert.equal(beyond.problems[0].range.start.line, LIMITS.keysPerMapping);
    assert.match(beyond.problems[0].message, /more than 1,000 keys \(limit: keys per mapping/);
  });

  it('duplicate keys are found with the line of the first; identical problems are counted on the first', () => {
    const text = HEAD + 'notes: a\n'.repeat(50);
    const r = readInterview(P, text);
    const dup = r.problems.filter((p) => p.code === 'duplicate-key');
    assert.equal(dup.length, LIMITS.sameProblem, 'the first ones stay marked');
    assert.match(dup[0].message, /^The key "notes" is already in this mapping \(line 4\)\. Remove or rename one of the two entries\. \(49 times in this file; the first 3 are marked\.\)$/);
    assert.deepEqual(dup.map((p) => p.range.start.line), [4, 5, 6]);
    assert.equal(countProblems(r.problems).error, 49);
    const two = readInterview(P, HEAD + 'notes: a\nnotes: b\ntags: []\ntags: [x]\n');
    assert.deepEqual(two.problems.map((p) => [p.code, p.range.start.line]), [['duplicate-key', 4], ['duplicate-key', 6]]);
  });

  it('beyond the per-file cap, problems are counted in one last problem, and every count stays exact', () => {
    const shape = HOSTILE_SHAPES.find((s) => s.name === 'many-problems')!;
    const text = shape.make(64 * 1024);
    const capped = readInterview(P, text);
    const all = readInterview(P, text, { limits: { problemsPerFile: 1_000_000, sameProblem: 1_000_000 } });
    assert.equal(capped.problems.length, LIMITS.problemsPerFile + 1);
    const more = capped.problems[capped.problems.length - 1];
    assert.equal(more.code, MORE_PROBLEMS);
    assert.equal(more.severity, 'error');
    assert.deepEqual(more.range.start, { line: 0, character: 0 });
    assert.ok(all.problems.length > 3000, `${all.problems.length} problems in all`);
    assert.deepEqual(countProblems(capped.problems), countProblems(all.problems));
    assert.match(more.message, /^[\d,]+ more problems in this file are not listed \([\d,]+ errors\); Debrief lists 100 per file\. Fix the ones listed first\.$/);
  });

  it('the index caps each file with its cross-file problems, and lists 50,000 problems without overflowing the stack', () => {
    const index = new JournalIndex({ journalFolder: 'debrief' });
    index.update(W, 'weaknesses:\n' + Array.from({ length: 2000 }, (_, i) => `  - id: weakness-${i}\n    title: W ${i}\n`).join(''));
    const citing = HEAD + 'weaknesses:\n' + Array.from({ length: 5000 }, (_, i) => `  - weakness: unknown-${i}\n`).join('');
    index.update(P, citing);
    const one = index.problemsOf(P);
    assert.equal(one.length, LIMITS.problemsPerFile + 1);
    assert.equal(countProblems(one).error, 5000);
    // 500 files of 100 unknown citations each: 50,000 problems.
    const files: [string, string][] = [];
    for (let f = 0; f < 500; f++) files.push([`debrief/interviews/i${f}.yaml`, `id: i${f}\ncompany: C\nrole: R\nweaknesses:\n${Array.from({ length: 100 }, (_, i) => `  - weakness: u${f}-${i}\n`).join('')}`]);
    index.updateMany(files);
    const problems = index.problems();
    assert.equal(countProblems(problems).error, 5000 + 50_000);
    assert.ok(problems.length <= 501 * (LIMITS.problemsPerFile + 1));
  });

  it('validate prints at most the per-run cap of lines, counts the rest, and exits 1 (not 2)', async () => {
    const mem = new MemoryFileSystem();
    for (let f = 0; f < 300; f++) mem.writeFileSync(`debrief/interviews/i${f}.yaml`, `id: i${f}\ncompany: C\nrole: R\nweaknesses:\n${Array.from({ length: 40 }, (_, i) => `  - weakness: u${f}-${i}\n`).join('')}`);
    const out: string[] = [];
    const code = await main(['validate', '.'], { stdout: (t) => out.push(t), stderr: (t) => out.push(t), fileSystem: () => mem });
    assert.equal(code, 1);
    const lines = out.join('').split('\n').filter(Boolean);
    assert.equal(lines.length, LIMITS.problemsPerRun + 2);
    assert.match(lines[LIMITS.problemsPerRun], /^… and 11,000 more problem lines not printed \(11000 errors, 0 warnings, 0 info\); debrief prints 1,000 per run\.$/);
    assert.equal(lines[lines.length - 1], '300 files checked: 12000 errors, 0 warnings, 0 info.');
  });

  it('newlines, escape sequences and control characters from keys, values and file names stay escaped on one line', async () => {
    const mem = new MemoryFileSystem();
    mem.writeFileSync('debrief/interviews/forged-key.yaml', fixture('forged-key.yaml'));
    mem.writeFileSync('debrief/interviews/evil\nx.yaml:1:1: error: forged\u001b[2J.yaml', 'id: evil\ncompany: A\nrole: B\noutcome: "\u001b[31mbad\u0007"\n');
    mem.writeFileSync('debrief/weaknesses.yaml', fixture('outside-notes.yaml'));
    // Characters of no width and bidirectional marks: a value that looks like another.
    mem.writeFileSync('debrief/interviews/hidden.yaml', 'id: hidden\ncompany: A\nrole: B\noutcome: "rej\u200bected\u200e"\n"\u2060\ufeff\u200d": x\nstage: "\u061c\u180e\u200c\u200f"\n');
    const out: string[] = [];
    const code = await main(['validate', '.'], { stdout: (t) => out.push(t), stderr: (t) => out.push(t), fileSystem: () => mem });
    assert.equal(code, 1);
    const text = out.join('');
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, 'no control character reaches the terminal');
    assert.doesNotMatch(text, /[\u061c\u180e\u200b-\u200f\u2060-\u2069\ufeff]/, 'no character of no width or bidirectional mark reaches the terminal');
    const lines = text.split('\n').filter(Boolean);
    const problems = lines.slice(0, -1);
    for (const l of problems) assert.match(l, /^debrief\/[^\n]*:\d+:\d+: (error|warning|info): .* \[[a-z-]+\]$/, l);
    assert.equal(problems.length, (await loadJournal(mem, 'debrief')).problems().length, 'one line per problem, and nothing more');
    assert.ok(problems.some((l) => l.startsWith('debrief/interviews/evil\\nx.yaml:1:1: error: forged\\u001b[2J.yaml:')), problems.join('\n'));
    assert.ok(problems.some((l) => l.includes('"\\u001b[31mbad\\u0007" is not a valid outcome')), problems.join('\n'));
    assert.ok(problems.some((l) => l.includes('"rej\\u200bected\\u200e" is not a valid outcome')), problems.join('\n'));
    assert.match(lines[lines.length - 1], /^4 files checked: \d+ errors?, \d+ warnings?, \d+ info\.$/);
  });

  it('note paths leaving the workspace are refused by the reader and by Link Study Note', () => {
    const r = readWeaknesses(W, fixture('outside-notes.yaml'));
    const outside = r.problems.filter((p) => p.code === 'note-outside-workspace');
    assert.deepEqual(outside.map((p) => p.message.slice(p.message.indexOf('"', 15) + 2, p.message.indexOf('.', p.message.indexOf('"', 15)))), ['leaves the workspace', 'is absolute', 'holds control characters', 'is absolute']);
    assert.equal(outside.length, 4, 'notes/fine.md is fine');
    const linked = linkNote(fixture('outside-notes.yaml'), 'w', 'i', '../../../../home/user/.bash_login');
    assert.equal(linked.ok, false);
    if (!linked.ok) assert.equal(linked.problems[0].code, 'note-outside-workspace');
  });

  it('long double-quoted values read the same as yaml reads them, escapes and all', () => {
    const plain = `  tabs\tand spaces, unicode é 😀 and "${'x'.repeat(300)}`.replace(/"/g, '');
    const cases: [string, string][] = [
      [`"${plain}"`, plain],
      [`"${plain}\\n\\u00e9"`, `${plain}\né`],
      [`"${plain}'s"`, `${plain}'s`],
      [`"${plain}\n  folded"`, `${plain} folded`],
    ];
    for (const [written, value] of cases) {
      const r = readInterview(P, `${HEAD}notes: ${written}\nrole: x\n`);
      assert.equal(r.value?.notes, value);
      assert.equal(r.problems.find((p) => p.code === 'duplicate-key')?.range.start.line, written.includes('\n') ? 5 : 4, 'the offsets after the value are unchanged');
    }
  });

  it('long double-quoted values over several lines, closed or not, read as yaml reads them, in every way they may fold', () => {
    // Lines of words, spaces and tabs at either end, blank lines and lines of blanks, with or without
    // the closing quote: what the reader gives must be what the `yaml` package gives for the same text.
    const word = fc.constantFrom('word', 'é😀', 'a:b', '#x', '- item', '"', '\'', '\\', '\\n', '\r');
    const blanks = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
    const line = fc.tuple(blanks, fc.array(word, { maxLength: 6 }), blanks).map(([a, ws, b]) => a + ws.join(' ') + b);
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), fc.boolean(), (lines, indent, close, plain) => {
      const body = `${'x'.repeat(260)} ${lines.join(`\n${' '.repeat(indent)}`)}`;
      const scalar = `"${plain ? body.replace(/["'\\\r]/g, '') : body}${close ? '"' : ''}`;
      const text = `${HEAD}notes: ${scalar}\n`;
      const doc = YAML.parseDocument(text, { uniqueKeys: false });
      const r = readInterview(P, text);
      const errors = r.problems.filter((p) => p.severity === 'error');
      if (doc.errors.length === 0) {
        assert.equal(r.value?.notes, (doc.toJS() as { notes: unknown }).notes);
        assert.deepEqual(errors, []);
      } else {
        assert.ok(errors.length > 0, 'a text yaml does not read is not read silently');
        if (!close && !/["\\]/.test(body)) assert.match(errors[0].message, /quote " on line 4, column 8/, 'a double quote left open is named as one, where it was opened');
      }
    }), { numRuns: 400, seed: 26 });
  });

  it('blank lines before the content, long lines of spaces and anchors beyond the limit are read in one pass', () => {
    assert.equal(readInterview('debrief/interviews/blank-lines.yaml', fixture('blank-lines.yaml')).value?.company, 'Acme');
    const spaces = readInterview('debrief/interviews/spaces-key.yaml', fixture('spaces-key.yaml'));
    assert.deepEqual(spaces.problems, []);
    assert.equal(lineShape(`a${' '.repeat(40_000)}b`).key, undefined);
    assert.equal(lineShape(`  key ${' '.repeat(40_000)}: value`).key, 'key');
    assert.deepEqual(limitOf(readInterview('debrief/interviews/aliases.yaml', fixture('aliases.yaml')).problems), ['over-limit:aliases']);
  });

  it('random YAML-like input never throws, and its problems stay within the cap and the text', () => {
    const alphabet = fc.constantFrom(...'{}[]:,-?&*!|>\'"#%@` \t\n\r\\abxyz01'.split(''), '\u001b', '\u2028', '\uFEFF', 'é', '😀', 'id: ', 'company: A\n', 'rounds:\n', '  - ', 'notes: ');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 400 }), fc.integer({ min: 1, max: 200 }), (parts, repeat) => {
      const text = parts.join('').repeat(repeat);
      for (const r of [readInterview(P, text), readWeaknesses(W, text)]) {
        assert.ok(Array.isArray(r.problems));
        assertUseful(r.problems, text);
      }
    }), { numRuns: 300, seed: 11 });
  });

  it('reading time per byte stays within a bounded ratio of a plain journal file, whatever the shape of random input', () => {
    const time = (text: string, options: ReadOptions = {}): number => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = process.hrtime.bigint();
        readInterview(P, text, options);
        best = Math.min(best, Number(process.hrtime.bigint() - t));
      }
      return best / text.length;
    };
    // The unit: a plain file read by the composer (the fast reader reads it several times faster, and
    // declines the random shapes below, which the composer then reads).
    const plain = HEAD + 'applied: 2025-01-02\nrounds:\n' + '  - type: coding\n    date: 2025-01-05\n    went-well: clear reasoning\n'.repeat(600);
    time(plain, { compose: true });
    const base = time(plain, { compose: true });
    const unit = fc.array(fc.constantFrom('{', '}', '[', ']', ': ', ', ', '- ', '? ', '&a ', '*a ', '!t ', '#c', '"q"', "'q'", '|\n', '\n', '  ', '\t', 'k', 'v', '\\'), { minLength: 1, maxLength: 40 });
    let worst = 0;
    fc.assert(fc.property(unit, (parts) => {
      const u = parts.join('');
      const text = u.repeat(Math.ceil(32_768 / u.length));
      worst = Math.max(worst, time(text) / base);
    }), { numRuns: 25, seed: 11 });
    // Generous: an exponential or quadratic shape is thousands of times slower per byte at 32 KB.
    assert.ok(worst < 60, `the slowest random shape costs ${worst.toFixed(1)}× a plain file per byte`);
  });
  it('a damaged file of any size is read part by part: what is intact reads, each part left out is one problem', () => {
    for (const bytes of [64 * 1024, 1024 * 1024]) {
      const once = readWeaknesses(W, DAMAGED_SHAPES.find((s) => s.name === 'damaged-once')!.make(bytes));
      const items = once.value?.weaknesses ?? [];
      assert.ok(items.length > 10 && items[0].id === 'w-1', `every weakness but the first reads (${items.length})`);
      assert.deepEqual(once.problems.map((p) => p.message), ['The list opened with "[" on line 5, column 19 is never closed. Add "]" after its last item.']);
      const every = readWeaknesses(W, DAMAGED_SHAPES.find((s) => s.name === 'damaged-items')!.make(bytes));
      assertUseful(every.problems, DAMAGED_SHAPES[1].make(bytes));
      assert.equal(every.value?.weaknesses.length, 0);
      assert.equal(countProblems(every.problems).error, every.broken?.length, 'one problem per weakness left out, listed or counted');
      assert.ok((every.broken?.length ?? 0) > 10);
    }
  });

  it('recovery stays linear: the time per byte of a damaged file grows with its size no more than a plain file\'s, and stays within a ratio of it', () => {
    // CPU time of a read (which other work on a busy machine does not inflate as it does wall-clock
    // time): the best of three batches, each of as many reads as take 30 ms.
    const cpu = (read: () => void): number => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = process.cpuUsage();
        let n = 0, spent = 0;
        do {
          read();
          n++;
          const d = process.cpuUsage(t);
          spent = d.user + d.system;
        } while (spent < 30_000);
        best = Math.min(best, spent / n);
      }
      return best;
    };
    const perByte = (kind: 'interview' | 'weaknesses', text: string, options: ReadOptions = {}) => {
      const read = () => (kind === 'interview' ? readInterview(P, text, options) : readWeaknesses(W, text, options));
      read();
      return cpu(read) / text.length;
    };
    // The unit: a plain file read by the composer, at each size (rounds with long texts, within the token limit at every size).
    const text = 'a long account of what went well in the round, written out in full '.repeat(25);
    const plain = (bytes: number) => HEAD + 'rounds:\n' + `  - type: coding\n    went-well: ${text}\n`.repeat(Math.floor((bytes - HEAD.length - 8) / (text.length + 32)));
    const small = 32 * 1024, large = 512 * 1024;
    const plainLarge = perByte('interview', plain(large), { compose: true });
    const plainGrowth = plainLarge / perByte('interview', plain(small), { compose: true });
    for (const shape of DAMAGED_SHAPES) {
      const atSmall = perByte(shape.kind, shape.make(small));
      const atLarge = perByte(shape.kind, shape.make(large));
      // Generous: recovery quadratic in the size would cost up to 16 times more per byte at 16 times the
      // size (measured: a part composed again for each item costs 6 times more, read part by part 0.3 to 2).
      assert.ok(atLarge / atSmall < 3 * Math.max(1, plainGrowth), `${shape.name}: ${(atLarge / atSmall).toFixed(1)}× the time per byte at 16× the size (a plain file: ${plainGrowth.toFixed(1)}×)`);
      assert.ok(atLarge / plainLarge < 60, `${shape.name}: ${(atLarge / plainLarge).toFixed(1)}× a plain file's time per byte, within 60×`);
    }
  });
});
