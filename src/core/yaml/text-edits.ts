/** Text edits: what every edit of the core returns, and how they are applied and combined. */
import type { Problem, Range } from '../problems';
import { LineIndex } from '../text/lines';

export interface TextEdit {
  range: Range;
  newText: string;
}

export type EditResult = { ok: true; edits: TextEdit[]; id?: string } | { ok: false; problems: Problem[] };

/** Applies non-overlapping edits (positions refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((e, i) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText, i }));
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) throw new Error('applyEdits: overlapping edits');
    out += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  return out + text.slice(pos);
}

/**
 * Runs several edits of one file in order, each on the result of the previous, and returns the edits
 * from the original text to the final one, so the editor applies them as one undoable change. Stops
 * at the first refusal.
 */
export function chain(text: string, ...steps: ((text: string) => EditResult)[]): EditResult {
  let current = text;
  for (const step of steps) {
    const r = step(current);
    if (!r.ok) return r;
    current = applyEdits(current, r.edits);
  }
  return { ok: true, edits: diffEdits(text, current) };
}

/**
 * The edits that turn `before` into `after`: one per run of changed lines (a line diff, Myers'
 * algorithm, linear in the size of the texts when they differ in few places), each trimmed to the
 * characters that change. Never splits a CRLF pair or a surrogate pair.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks = lineDiff(a, b);
  const lines = new LineIndex(before);
  const offsetA = lineOffsets(a);
  const offsetB = lineOffsets(b);
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    let start = offsetA[h.a0];
    let end = offsetA[h.a1];
    let newStart = offsetB[h.b0];
    let newEnd = offsetB[h.b1];
    // Trim the characters the hunk keeps at both ends.
    while (start < end && newStart < newEnd && before.charCodeAt(start) === after.charCodeAt(newStart)) { start++; newStart++; }
    while (end > start && newEnd > newStart && before.charCodeAt(end - 1) === after.charCodeAt(newEnd - 1)) { end--; newEnd--; }
    // Whole words: a renamed id is replaced as a token, as a person would see the change.
    while (start > offsetA[h.a0] && newStart > offsetB[h.b0] && isWord(before.charCodeAt(start - 1)) && (isWord(before.charCodeAt(start)) || isWord(after.charCodeAt(newStart)))) { start--; newStart--; }
    while (end < offsetA[h.a1] && newEnd < offsetB[h.b1] && isWord(before.charCodeAt(end)) && (isWord(before.charCodeAt(end - 1)) || isWord(after.charCodeAt(newEnd - 1)))) { end++; newEnd++; }
    while (start > offsetA[h.a0] && (before[start - 1] === '\r' || isHigh(before.charCodeAt(start - 1)))) { start--; newStart--; }
    while (end < offsetA[h.a1] && (isLow(before.charCodeAt(end)) || (before[end] === '\n' && before[end - 1] === '\r'))) { end++; newEnd++; }
    edits.push({ range: { start: lines.position(start), end: lines.position(end) }, newText: after.slice(newStart, newEnd) });
  }
  return edits;
}

/** A character of a word or an id: letters, digits, dash, underscore. */
function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95 || c > 127;
}

function isHigh(c: number): boolean {
  return (c & 0xfc00) === 0xd800;
}

function isLow(c: number): boolean {
  return (c & 0xfc00) === 0xdc00;
}

/** Lines with their line breaks (the last one may have none). */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    out.push(text.slice(pos, end));
    pos = end;
  }
  return out;
}

function lineOffsets(lines: string[]): number[] {
  const out = [0];
  for (const l of lines) out.push(out[out.length - 1] + l.length);
  return out;
}

/** Runs of differing lines: a[a0..a1) becomes b[b0..b1). */
function lineDiff(a: string[], b: string[]): { a0: number; a1: number; b0: number; b1: number }[] {
  // Common prefix and suffix first: most edits touch one place.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length, m = B.length;
  const max = n + m;
  // Beyond this many differing lines, one hunk for the whole middle is good enough.
  if (max === 0) return [];
  if (n === 0 || m === 0 || max > 4000) return [{ a0: pre, a1: pre + n, b0: pre, b1: pre + m }];
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) { x++; y++; }
      v[max + k] = x;
      if (x >= n && y >= m) { found = true; break; }
    }
  }
  // Walk back through the trace to the list of kept line pairs.
  const kept: [number, number][] = [];
  let x = n, y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { x--; y--; kept.push([x, y]); }
    x = prevX; y = prevY;
  }
  while (x > 0 && y > 0) { x--; y--; kept.push([x, y]); }
  kept.reverse();
  const hunks: { a0: number; a1: number; b0: number; b1: number }[] = [];
  let ia = 0, ib = 0;
  for (const [ka, kb] of [...kept, [n, m] as [number, number]]) {
    if (ka > ia || kb > ib) hunks.push({ a0: pre + ia, a1: pre + ka, b0: pre + ib, b1: pre + kb });
    ia = ka + 1; ib = kb + 1;
  }
  return hunks;
}
