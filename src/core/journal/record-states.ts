/**
 * The records of a journal file as the views show them: each one read, or broken (its part of the
 * file did not read), with the record as last read when the file read it before. Records, not files,
 * are the unit of failure: a syntax error in one weakness leaves every other weakness read.
 */
import type { Weakness } from '../model';
import type { Position, Problem, Range } from '../problems';
import type { BrokenPart } from '../read/types';

export type RecordState<T> =
  | { kind: 'read'; record: T }
  /**
   * A record whose part of the file did not read: the one problem that says why, where the part is,
   * and the record as it was last read, when there is one (else the id written on its lines, when one
   * reads there: see BrokenPart).
   */
  | { kind: 'broken'; problem: Problem; range: Range; lastRead?: T; id?: string };

/** The record a state shows: as read, or as last read; undefined for a broken record never read. */
export function shownRecord<T>(state: RecordState<T>): T | undefined {
  return state.kind === 'read' ? state.record : state.lastRead;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when a part can hold a weakness: the list, an item of it, or text outside every key. */
function holdsWeaknesses(part: BrokenPart): boolean {
  return part.path.length === 0 || part.path[0] === 'weaknesses';
}

/**
 * The weaknesses of weaknesses.yaml in the order of the file: those read, and a broken state for each
 * part that did not read. A weakness shown before (`previous`) that no longer reads is kept as last
 * read in the part that did not read where it was: between the same two weaknesses that still read
 * (its neighbours), the parts that did not read pair in order with what was there before and does not
 * read now (weaknesses, and parts that had no record); when they do not pair one to one, only a part
 * that holds the whole list keeps them, else none is kept (a weakness deleted while another part does
 * not read is not shown as last read). Linear in the weaknesses and parts, a binary search per gap.
 */
export function weaknessStates(previous: readonly RecordState<Weakness>[], read: readonly Weakness[], broken: readonly BrokenPart[]): RecordState<Weakness>[] {
  const readById = new Map<string, Weakness>();
  for (const w of read) if (!readById.has(w.id)) readById.set(w.id, w);
  const holders = broken.filter(holdsWeaknesses);
  const kept = new Map<BrokenPart, Weakness[]>();
  const keep = (part: BrokenPart, w: Weakness) => {
    const list = kept.get(part);
    if (list) list.push(w);
    else kept.set(part, [w]);
  };
  // The first part that ends after `from` (the start of the text when undefined).
  const firstAfter = (from: Position | undefined): number => {
    let lo = 0, hi = holders.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (from && !before(from, holders[mid].range.end)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // What was between two weaknesses that still read: weaknesses that no longer read, and parts without a record (undefined).
  let gap: (Weakness | undefined)[] = [];
  let anchor: Weakness | undefined;
  const close = (next: Weakness | undefined) => {
    if (gap.some((w) => w)) {
      const parts: BrokenPart[] = [];
      for (let k = firstAfter(anchor?.range.end); k < holders.length && (!next || before(holders[k].range.start, next.range.start)); k++) parts.push(holders[k]);
      if (parts.length === gap.length) gap.forEach((w, k) => w && keep(parts[k], w));
      else {
        const whole = parts.find((p) => p.path.length < 2);
        if (whole) for (const w of gap) if (w) keep(whole, w);
      }
    }
    gap = [];
  };
  for (const s of previous) {
    const w = shownRecord(s);
    const now = w && readById.get(w.id);
    if (now) {
      close(now);
      anchor = now;
    } else gap.push(w);
  }
  close(undefined);
  const out: RecordState<Weakness>[] = [];
  let r = 0;
  for (const part of broken) {
    while (r < read.length && before(read[r].range.start, part.range.start)) out.push({ kind: 'read', record: read[r++] });
    const lastRead = kept.get(part);
    if (lastRead) for (const w of lastRead) out.push({ kind: 'broken', problem: part.problem, range: part.range, lastRead: w });
    else out.push({ kind: 'broken', problem: part.problem, range: part.range, ...(part.id ? { id: part.id } : {}) });
  }
  while (r < read.length) out.push({ kind: 'read', record: read[r++] });
  return out;
}
