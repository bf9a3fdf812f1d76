/**
 * Records, not files, are the unit of failure: a journal file written in any style (lib/yaml-styles.ts)
 * is damaged at a random place in a random way (a "]" or "}" dropped, a quote, a colon, an indentation
 * broken, a tab or a stray character typed), and every record whose text the damage did not touch, in
 * a list written in block style, is still read with the same data and ranges (the next top-level
 * key's line moved right counts as touching the last item, whose lines it could be).
 * `DEBRIEF_PROPERTY_RUNS` runs more; `DEBRIEF_SHOW_COUNTS=1` prints what the damage did.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { CST, isMap, parseDocument, Parser } from 'yaml';
import type { Round, Weakness } from '../../src/core/model';
import { readInterview } from '../../src/core/read/interview';
import { readWeaknesses } from '../../src/core/read/weaknesses';
import { blockStyleArb, interviewArb, plain, styleArb, weaknessesArb, writeInStyle } from './lib/yaml-styles';

const RUNS = Number(process.env.DEBRIEF_PROPERTY_RUNS) || 100;
const I = 'debrief/interviews/acme.yaml';
const W = 'debrief/weaknesses.yaml';

export type Damage = 'bracket' | 'quote' | 'colon' | 'indent' | 'tab' | 'stray';
export const DAMAGES: readonly Damage[] = ['bracket', 'quote', 'colon', 'indent', 'tab', 'stray'];
const STRAY = ['x', ']', '}', '[', '{', '"', "'", ':', '#', '-', '@', '`', '|', '>', '&', '*', '!', '%', ',', '?'];

/**
 * The text damaged in one way at a place chosen by `at` (a fraction of the text), and the offset of the
 * damage; undefined when the text has nothing to damage that way (no bracket to drop).
 */
export function damage(text: string, kind: Damage, at: number, pick: number): { text: string; offset: number; kind: Damage } | undefined {
  const d = damageAt(text, kind, at, pick);
  return d && { ...d, kind };
}

function damageAt(text: string, kind: Damage, at: number, pick: number): { text: string; offset: number } | undefined {
  const dropOne = (chars: string) => {
    const offsets: number[] = [];
    for (let i = 0; i < text.length; i++) if (chars.includes(text[i])) offsets.push(i);
    if (offsets.length === 0) return undefined;
    const i = offsets[Math.floor(at * offsets.length)];
    return { text: text.slice(0, i) + text.slice(i + 1), offset: i };
  };
  const i = Math.floor(at * text.length);
  switch (kind) {
    case 'bracket': return dropOne(']}');
    case 'quote': return dropOne('"\'');
    case 'colon': return dropOne(':');
    case 'indent': {
      // A line's indentation one or two spaces more or less.
      const start = text.lastIndexOf('\n', i - 1) + 1;
      const change = [-2, -1, 1, 2][pick % 4];
      if (change > 0) return { text: text.slice(0, start) + ' '.repeat(change) + text.slice(start), offset: start };
      let spaces = 0;
      while (text[start + spaces] === ' ') spaces++;
      if (spaces < -change) return undefined;
      return { text: text.slice(0, start) + text.slice(start - change), offset: start };
    }
    case 'tab': return { text: text.slice(0, i) + '\t' + text.slice(i), offset: i };
    case 'stray': return { text: text.slice(0, i) + STRAY[pick % STRAY.length] + text.slice(i), offset: i };
  }
}

/**
 * Where the items of a top-level block list are in a text (from its CST): each item's text, from the
 * start of the line of its "-" to the start of the line of the next one (the last one: of the next
 * top-level key, or the end of the text), and the lines of the key before the first item. Undefined
 * when the root or the list is not in block style.
 */
export function itemSpans(text: string, key: string): { items: [number, number][]; head: [number, number] } | undefined {
  const lineStart = (o: number) => text.lastIndexOf('\n', o - 1) + 1;
  for (const tok of new Parser().parse(text)) {
    if (tok.type !== 'document' || tok.value?.type !== 'block-map') continue;
    const pairs = tok.value.items;
    for (let n = 0; n < pairs.length; n++) {
      const pair = pairs[n];
      const k = pair.key && CST.isScalar(pair.key) ? CST.resolveAsScalar(pair.key)?.value : undefined;
      if (k !== key) continue;
      const seq = pair.value;
      if (seq?.type !== 'block-seq') return undefined;
      const dashes = seq.items.map((it) => it.start.find((t) => t.type === 'seq-item-ind')?.offset ?? -1);
      if (dashes.some((d) => d < 0)) return undefined;
      const after = pairs[n + 1];
      const end = after ? lineStart(after.key?.offset ?? after.start[0]?.offset ?? text.length) : text.length;
      const keyAt = lineStart(pair.key?.offset ?? 0);
      const starts = dashes.map(lineStart);
      return { items: starts.map((s, n) => [s, n + 1 < starts.length ? starts[n + 1] : end]), head: [keyAt, starts[0] ?? end] };
    }
  }
  return undefined;
}

/** A record without its position in the list (a line of stray text before it may count as an item that did not read). */
function unplaced<T extends { index: number }>(r: T): Omit<T, 'index'> {
  const { index: _, ...rest } = r;
  return rest;
}

const counts = new Map<string, number>();
const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);

/**
 * Checks that every record of `key`'s list in `text` that the damage (at `offset`) did not touch is
 * read from `damaged` as it was read from `text`: `before` and `after` are the records of both reads.
 */
function survives<T extends { index: number }>(text: string, key: string, damaged: { text: string; offset: number; kind: Damage }, before: T[], after: T[]): void {
  const spans = itemSpans(text.replace(/^\uFEFF/, ''), key);
  if (!spans) {
    count(`${key}: not a block list`);
    return;
  }
  // Offsets in the text without its byte order mark, as the spans (a character typed before the mark is on the first line).
  const at = Math.max(0, damaged.offset - (text.charCodeAt(0) === 0xfeff ? 1 : 0));
  if (at >= spans.head[0] && at < spans.head[1]) {
    count(`${key}: damage in the key's lines`);
    return;
  }
  // A damage that leaves valid YAML of another shape (a "|" typed at the top makes the file one text): nothing to recover.
  const doc = parseDocument(damaged.text);
  if (doc.errors.length === 0 && !isMap(doc.contents)) {
    count(`${key}: valid YAML that is not a mapping`);
    return;
  }
  assert.equal(before.length, spans.items.length, `every item of ${key} reads in the intact text`);
  const where = `damage at ${damaged.offset} in ${JSON.stringify(text)} → ${JSON.stringify(damaged.text)}`;
  let intact = 0;
  spans.items.forEach(([s, e], n) => {
    if (at >= s && at < e) return; // the record the damage touched
    // The next top-level key's line moved right reads as lines of the item above it, which they could be.
    if (damaged.kind === 'indent' && at === e && n === spans.items.length - 1 && e < text.length) return;
    intact++;
    const want = JSON.stringify(unplaced(before[n]));
    assert.ok(after.some((r) => JSON.stringify(unplaced(r)) === want), `${key}[${n}] is intact and still read as it was: ${where}\nwanted ${want}\nread ${JSON.stringify(after.map(unplaced))}`);
  });
  count(intact > 0 ? `${key}: intact records read` : `${key}: no intact record`);
}

describe('reading a damaged journal file', function () {
  this.timeout(300_000);

  after(() => {
    if (process.env.DEBRIEF_SHOW_COUNTS) for (const [what, n] of counts) console.log(`      ${what}: ${n}`);
  });

  const damageArb = fc.tuple(fc.constantFrom(...DAMAGES), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat(1000));
  // Any style, and as often block collections with plain keys only (the lists recovery reads item by item).
  const anyStyle = fc.oneof(styleArb, blockStyleArb);

  it('every weakness the damage did not touch is read with the same data and ranges', () => {
    const many = weaknessesArb.filter((d) => d.weaknesses.length >= 2);
    fc.assert(fc.property(many, anyStyle, damageArb, (data, style, [kind, at, pick]) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      const damaged = damage(text, kind, at, pick);
      if (!damaged) return;
      const weaknesses = (t: string): Weakness[] => readWeaknesses(W, t).value?.weaknesses ?? [];
      survives(text, 'weaknesses', damaged, weaknesses(text), weaknesses(damaged.text));
    }), { numRuns: RUNS * 10 });
  });

  it('every round and citation of an interview the damage did not touch is read with the same data and ranges', () => {
    fc.assert(fc.property(interviewArb, anyStyle, damageArb, (data, style, [kind, at, pick]) => {
      const text = writeInStyle(plain(data) as Record<string, unknown>, style);
      const damaged = damage(text, kind, at, pick);
      if (!damaged) return;
      const before = readInterview(I, text).value;
      const after = readInterview(I, damaged.text).value;
      survives<Round>(text, 'rounds', damaged, before?.rounds ?? [], after?.rounds ?? []);
      survives(text, 'weaknesses', damaged, before?.weaknesses ?? [], after?.weaknesses ?? []);
    }), { numRuns: RUNS * 10 });
  });
});
