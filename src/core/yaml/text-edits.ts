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
 * Runs several edits of one file in order, each on the result of the previous, and returns them as a
 * single minimal edit (the changed span between the common prefix and suffix), so the editor applies
 * them as one undoable change. Stops at the first refusal.
 */
export function chain(text: string, ...steps: ((text: string) => EditResult)[]): EditResult {
  let current = text;
  for (const step of steps) {
    const r = step(current);
    if (!r.ok) return r;
    current = applyEdits(current, r.edits);
  }
  if (current === text) return { ok: true, edits: [] };
  let start = 0;
  const max = Math.min(text.length, current.length);
  while (start < max && text.charCodeAt(start) === current.charCodeAt(start)) start++;
  // Never split a CRLF pair or a surrogate pair.
  while (start > 0 && (text[start - 1] === '\r' || (text.charCodeAt(start - 1) & 0xfc00) === 0xd800)) start--;
  let end = 0;
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === current.charCodeAt(current.length - 1 - end)) end++;
  while (end > 0 && ((text.charCodeAt(text.length - end) & 0xfc00) === 0xdc00 || text[text.length - end] === '\n' && text[text.length - end - 1] === '\r')) end--;
  const lines = new LineIndex(text);
  return {
    ok: true,
    edits: [{ range: { start: lines.position(start), end: lines.position(text.length - end) }, newText: current.slice(start, current.length - end) }],
  };
}
