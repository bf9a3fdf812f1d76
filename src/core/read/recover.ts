/**
 * Reading what can be read of a file with YAML errors: a syntax error spoils only the records it
 * touches. The text is cut, by its lines alone, into the parts a journal file is made of: each
 * top-level key with its value, and, where such a part does not compose, each item of the list under
 * that key. Each part is composed on its own; a part that composes without an error, where it
 * belongs, is read, and gives the same data and offsets as in a file without the error. A part that
 * does not is left out of the data (an item keeps its place in its list, as an empty value) and is
 * reported once: one problem per part, which names where an unclosed bracket or quote was opened when
 * that is the cause. The parts left out are listed (`broken`), so that the schema check says nothing
 * about them and the index can keep their records as last read.
 *
 * Where the lines are cut, so that a damaged line costs only its own record:
 * - A top-level key is a line at column 0 written as a key ("key:", with an anchor, a tag or quotes,
 *   the key without spaces), or starting with a key of the file's format (its ":" lost, or a character
 *   typed after it). In a list written at column 0, a key that is not one of the format's, or one with
 *   its value on its line followed by an item or a key further right, was moved out of an item and
 *   stays with it.
 * - The items of a list are its lines no further right than its column plus one that start with "-",
 *   or hold "- " within two characters of the column (a character typed before it). Any other line
 *   there belongs to the item above it (a key moved out of it, stray text); an item whose first error
 *   is a "-" moved to the column of its content is two items. The list's column is, among that of its
 *   first item, the one the lines of that item imply, the smallest and the smallest two items share,
 *   the one that fits the list best (fewest lines out of place, then most items read).
 * - Comment and blank lines belong to the part above them.
 *
 * Cost: linear in the length of the text. The lines are scanned a fixed number of times; the text is
 * composed once whole, once part by part, and a top-level list that does not compose once more for
 * each of the (at most four) columns tried, an item that does not read twice more: every character
 * is composed at most fourteen times, each time within the limits the whole text was checked against.
 * Most of that is rarely done: an item whose "-" is at the column tried is first read by the fast
 * reader (fast.ts; most items of a damaged file are intact, and it reads them for a fraction of the
 * cost), a part is composed only when what it gives is asked for (an item whose "-" is not at the
 * column is never one; one whose syntax tokens leave a bracket or quote open for certain is only
 * parsed, for where it was opened), and a part that is the whole text stopped at a limit is not
 * composed again.
 */
import { CST, isMap, isScalar, isSeq, Lexer, Scalar } from 'yaml';
import { ID_PATTERN } from '../ids';
import { checkYamlLimits, LimitBreach, Limits } from '../limits';
import type { Problem } from '../problems';
import { Checked, Composed, composeChecked, Conversion, Converted, duplicateKey, problem, toPlain, yamlProblem } from './compose';
import { fastItem } from './fast';
import { LMap, LNode, LSeq, MAP, SEQ } from './located';
import type { BrokenPart, Plain } from './types';

/** What recovery reads into: the conversion's tables, and the parts that did not read. */
export interface Recovery extends Conversion {
  broken: BrokenPart[];
}

/** An error of the whole text, composed at once: where it is, and its problem. */
export interface WholeError {
  at: number;
  problem(c: Recovery): Problem;
}

const SP = 0x20, TAB = 0x09, CR = 0x0d, HASH = 0x23, DASH = 0x2d, COLON = 0x3a, QUESTION = 0x3f, DQ = 0x22, SQ = 0x27, BACKSLASH = 0x5c, DOT = 0x2e;
const BLANK = 0, COMMENT = 1, CONTENT = 2;

const isBlank = (c: number) => c === SP || c === TAB;
/** Characters a plain key cannot start with. */
const INDICATOR = new Set([...',[]{}#&*!|>\'"%@`'].map((s) => s.charCodeAt(0)));

/** The lines of a text: where each starts and its content ends (before "\r\n" or "\n"), its indentation in spaces, and its kind. */
class Lines {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly indent: Int32Array;
  readonly kind: Uint8Array;
  readonly count: number;
  constructor(readonly text: string) {
    const t = text;
    // Typed arrays, sized by a first count of the lines: a few bytes a line, whatever the file.
    let n = t.length > 0 ? 1 : 0;
    for (let i = t.indexOf('\n'); i >= 0 && i < t.length - 1; i = t.indexOf('\n', i + 1)) n++;
    this.count = n;
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.indent = new Int32Array(n);
    this.kind = new Uint8Array(n);
    for (let k = 0, at = 0; k < n; k++) {
      let nl = t.indexOf('\n', at);
      if (nl < 0) nl = t.length;
      const e = nl > at && t.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      let i = at;
      while (i < e && t.charCodeAt(i) === SP) i++;
      let j = i;
      while (j < e && isBlank(t.charCodeAt(j))) j++;
      this.start[k] = at;
      this.end[k] = e;
      this.indent[k] = i - at;
      this.kind[k] = j === e ? BLANK : t.charCodeAt(i) === HASH ? COMMENT : CONTENT;
      at = nl + 1;
    }
  }
  /** Where line `i` starts: the end of the text after the last line. */
  offset(i: number): number {
    return i < this.count ? this.start[i] : this.text.length;
  }
  /** The line that holds an offset. */
  lineOf(offset: number): number {
    let lo = 0, hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** True when the line's content starts with `c` followed by a space, a tab or its end. */
  startsWith(i: number, c: number): boolean {
    const at = this.start[i] + this.indent[i];
    return this.text.charCodeAt(at) === c && (at + 1 >= this.end[i] || isBlank(this.text.charCodeAt(at + 1)));
  }
  isDash(i: number): boolean {
    return this.kind[i] === CONTENT && this.startsWith(i, DASH);
  }
  /** The first line in [from, to) whose content is not blank or a comment, or `to`. */
  nextContent(from: number, to: number): number {
    let i = from;
    while (i < to && this.kind[i] !== CONTENT) i++;
    return i;
  }
  /** Where the content of the lines [from, to) ends: the end of the last line that is not blank or a comment. */
  contentEnd(from: number, to: number): number {
    for (let i = to - 1; i >= from; i--) if (this.kind[i] === CONTENT) return this.end[i];
    return this.offset(from);
  }
}

/**
 * The key of a line written as a key of a block mapping ("key:", "key: value", after an anchor or a
 * tag, or in quotes), when the key holds no space; whether its value is left for the lines below.
 */
function lineKey(L: Lines, i: number): { key: string; below: boolean; value: number } | undefined {
  const t = L.text;
  const e = L.end[i];
  let j = afterProperties(L, i);
  if (j >= e) return undefined;
  let key: string;
  const q = t.charCodeAt(j);
  if (q === DQ || q === SQ) {
    let k = j + 1;
    for (; k < e; k++) {
      const ch = t.charCodeAt(k);
      if (q === DQ && ch === BACKSLASH) k++;
      else if (ch === q) {
        if (q === SQ && t.charCodeAt(k + 1) === SQ) k++;
        else break;
      }
    }
    if (k >= e) return undefined;
    key = t.slice(j + 1, k);
    j = k + 1;
    while (j < e && isBlank(t.charCodeAt(j))) j++;
    if (t.charCodeAt(j) !== COLON) return undefined;
  } else {
    if (INDICATOR.has(q) || ((q === DASH || q === QUESTION || q === COLON) && (j + 1 >= e || isBlank(t.charCodeAt(j + 1))))) return undefined;
    const from = j;
    for (;;) {
      if (j >= e || isBlank(t.charCodeAt(j))) return undefined;
      if (t.charCodeAt(j) === COLON && (j + 1 >= e || isBlank(t.charCodeAt(j + 1)))) break;
      j++;
    }
    key = t.slice(from, j);
  }
  let v = j + 1;
  if (v < e && !isBlank(t.charCodeAt(v))) return undefined;
  while (v < e && isBlank(t.charCodeAt(v))) v++;
  return { key, below: v >= e || t.charCodeAt(v) === HASH, value: v };
}

/** Where a line's content starts after an anchor or a tag and their spaces (its end when nothing follows them). */
function afterProperties(L: Lines, i: number): number {
  const t = L.text;
  const e = L.end[i];
  let j = L.start[i] + L.indent[i];
  while (j < e && (t.charCodeAt(j) === 0x26 || t.charCodeAt(j) === 0x21)) {
    while (j < e && !isBlank(t.charCodeAt(j))) j++;
    while (j < e && isBlank(t.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * The line's first word after an anchor or a tag (up to a blank or ":", out of its quotes), whether its value is below
 * (nothing but a comment follows it), and where what follows it starts.
 */
function lineWord(L: Lines, i: number): { key: string; below: boolean; value: number } | undefined {
  const t = L.text;
  const from = afterProperties(L, i);
  const e = L.end[i];
  let j = from;
  while (j < e && !isBlank(t.charCodeAt(j)) && t.charCodeAt(j) !== COLON) j++;
  if (j === from) return undefined;
  let k = j < e && t.charCodeAt(j) === COLON ? j + 1 : j;
  while (k < e && isBlank(t.charCodeAt(k))) k++;
  // A key in quotes, without them (either may be lost).
  const q = t.charCodeAt(from);
  const open = q === DQ || q === SQ ? 1 : 0;
  const close = j - from > open && (t.charCodeAt(j - 1) === DQ || t.charCodeAt(j - 1) === SQ) ? 1 : 0;
  return { key: t.slice(from + open, j - close), below: k >= e || t.charCodeAt(k) === HASH, value: k };
}

/** True for the character a block scalar's header starts with ("|" or ">"). */
function blockHeader(c: number): boolean {
  return c === 0x7c || c === 0x3e;
}

/** A stretch of lines composed on its own, and what it gave; or an item of a list the fast reader read. */
interface Piece {
  from: number;
  to: number;
  /** The offset of its first line: what the offsets of its document start from. */
  base: number;
  /** What composing it gave: composed when first asked for (an item that cannot be one is never composed, unless it is reported). */
  readonly composed: Composed | { breach: LimitBreach } | undefined;
  /**
   * A bracket or quote its syntax tokens never close, found before composing it, when one of them is
   * such that the text certainly does not compose without an error (see unclosed): its problem. A part
   * that holds one is never composed.
   */
  readonly opener?: Opener;
  /** The one item of a list, as the fast reader read it (offsets in the whole text), instead of `composed`. */
  fast?: Converted;
}

function piece(L: Lines, from: number, to: number, limits: Readonly<Limits>): Piece {
  const base = L.offset(from);
  const text = () => L.text.slice(base, L.offset(to));
  let checked: Checked | { breach: LimitBreach } | undefined;
  const check = () => (checked ??= checkYamlLimits(text(), limits));
  let composed: Composed | { breach: LimitBreach } | undefined;
  let done = false;
  let open: Opener | null | undefined;
  return {
    from, to, base,
    get opener() {
      if (open === undefined) {
        const c = done ? composed : check();
        const u = c && !('breach' in c) ? unclosed(c.tokens) : undefined;
        open = u?.certain ? u.first : null;
      }
      return open ?? undefined;
    },
    get composed() {
      if (!done) {
        done = true;
        const c = check();
        composed = 'breach' in c ? c : composeChecked(text(), c);
        checked = undefined;
      }
      return composed;
    },
  };
}

/**
 * An item of a list at `column`: read by the fast reader where it can (the same data and offsets as
 * composed, see fast.ts, for a fraction of the cost: most items of a damaged file are intact), else composed.
 */
function itemPiece(L: Lines, from: number, to: number, column: number, cut: CutContext): Piece {
  const base = L.offset(from);
  const end = L.offset(to);
  // An item that holds an error of the whole text is seldom intact: not worth the fast reader's try. Nor
  // is every item after a run of items it declined (every item of a list damaged alike): then it tries
  // one item in eight, and every item again from one it reads.
  const tryFast = atColumn(L, from, column) && !errorWithin(cut.errors, base, end) && (cut.declined < 8 || cut.declined % 8 === 0);
  const fast = tryFast ? fastItem(L.text, base, end, column, cut.limits, cut.nodes) : undefined;
  cut.declined = fast ? 0 : cut.declined + 1;
  return fast ? { from, to, base, composed: undefined, fast } : piece(L, from, to, cut.limits);
}

/** The first of the errors (in the order of the text) at an offset in [from, to). */
function errorWithin(errors: readonly WholeError[] | undefined, from: number, to: number): WholeError | undefined {
  if (!errors) return undefined;
  let lo = 0, hi = errors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (errors[mid].at < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < errors.length && errors[lo].at < to ? errors[lo] : undefined;
}

/** What cutting the text into parts needs: the limits, where the fast reader locates what it reads, and the whole text stopped at a limit. */
interface CutContext {
  limits: Readonly<Limits>;
  nodes: WeakMap<object, LMap | LSeq>;
  whole?: Piece;
  /** The errors of the whole text composed within every limit, in the order of the text. */
  errors?: readonly WholeError[];
  /** Items in a row the fast reader did not read. */
  declined: number;
}

/** The document of a piece that composed without an error. */
function clean(p: Piece): Composed['doc'] | undefined {
  if (p.opener) return undefined;
  const c = p.composed;
  return c && 'doc' in c && c.doc.errors.length === 0 ? c.doc : undefined;
}

/** True when a piece is beyond a limit of how many items or keys a list or mapping holds. */
function beyondCount(p: Piece): boolean {
  const c = p.composed;
  return !!c && 'breach' in c && c.breach.limit !== 'depth' && c.breach.limit !== 'complexKeys';
}

/** One part of the file, in the order of the file. */
interface Part {
  kind: 'top' | 'head' | 'item';
  piece: Piece;
  /** Where it sits in the data (see BrokenPart). */
  path: (string | number)[];
  /** Whether it reads (a mapping of top-level keys, a list's key, or an item of that list). */
  ok: boolean;
  /** A part that composed but is not where it belongs, or an error of the whole text that falls in it. */
  why?: { error?: WholeError; message?: string };
}

/** A top-level list whose part did not compose, cut into items at a column. */
interface Cut {
  column: number;
  head: Piece;
  items: Piece[];
  /** Items read, less the lines out of place at that column (how well the column fits the list). */
  fit: number;
  read: number;
}

/** Where the items of a list at `column` start (see the top of this file), and how many lines are out of place at that column. */
function itemStarts(L: Lines, from: number, to: number, column: number): { starts: number[]; outOfPlace: number } {
  const starts: number[] = [];
  let outOfPlace = 0;
  for (let i = from + 1; i < to; i++) {
    if (L.kind[i] !== CONTENT) continue;
    if (L.indent[i] <= column + 1) {
      if (L.indent[i] !== column || !L.isDash(i)) outOfPlace++;
      // An item ("-"), or one with a stray character before or after its "-"; any other line is the
      // item's above it (a key moved out of it, stray text), or text before the first item.
      if (itemLike(L, i, column) || starts.length === 0) starts.push(i);
    } else if (starts.length === 0) starts.push(i);
  }
  return { starts, outOfPlace };
}

function cutList(L: Lines, from: number, to: number, column: number, cx: CutContext): Cut {
  const { starts, outOfPlace } = itemStarts(L, from, to, column);
  const head = piece(L, from, starts.length ? starts[0] : to, cx.limits);
  const items: Piece[] = [];
  let read = 0;
  for (let k = 0; k < starts.length; k++) {
    let item = itemPiece(L, starts[k], k + 1 < starts.length ? starts[k + 1] : to, column, cx);
    // (Only an item whose "-" is at the column can be one, or be two.)
    if (atColumn(L, item.from, column) && movedDash(L, item.from + 1, item.to, column) && itemNode(L, item, column) === undefined) {
      // An item moved to the column of the item's content ("-" two further right) runs into the item
      // above it: when the error is on its line and what comes before reads, they are two items.
      const at = firstError(item);
      const line = at === undefined ? -1 : L.lineOf(at);
      if (line > item.from && line < item.to && L.indent[line] === column + 2 && L.isDash(line)) {
        const above = itemPiece(L, item.from, line, column, cx);
        if (itemNode(L, above, column) !== undefined) {
          items.push(above);
          read++;
          item = itemPiece(L, line, item.to, column, cx);
        }
      }
    }
    if (itemNode(L, item, column) !== undefined) read++;
    items.push(item);
  }
  return { column, head, items, fit: read - outOfPlace, read };
}

/** True when a line in [from, to) starts with "-" two further right than a list's `column` (an item moved to its content's column). */
function movedDash(L: Lines, from: number, to: number, column: number): boolean {
  for (let i = from; i < to; i++) if (L.indent[i] === column + 2 && L.isDash(i)) return true;
  return false;
}

/** Where the first error of a piece is, in the text: a syntax error, or a limit reached. */
function firstError(p: Piece): number | undefined {
  const c = p.composed;
  if (!c) return undefined;
  if ('breach' in c) return p.base + c.breach.offset;
  let at: number | undefined;
  for (const e of c.doc.errors) if (at === undefined || e.pos[0] < at) at = e.pos[0];
  return at === undefined ? undefined : p.base + at;
}

/** True when a line starts with "-", or has "- " within two characters of a list's `column` (an item's line with a stray character). */
function itemLike(L: Lines, i: number, column: number): boolean {
  const t = L.text;
  const s = L.start[i];
  if (t.charCodeAt(s + L.indent[i]) === DASH) return true;
  const last = Math.min(L.end[i], s + column + 3);
  for (let j = s + L.indent[i] + 1; j <= last; j++) if (t.charCodeAt(j) === DASH && (j + 1 >= L.end[i] || isBlank(t.charCodeAt(j + 1)))) return true;
  return false;
}

/** True when line `i` starts with "-" at `column`. */
function atColumn(L: Lines, i: number, column: number): boolean {
  return L.indent[i] === column && L.startsWith(i, DASH);
}

/** The one item of a list composed on its own, when it starts at `column` of its first line. */
function itemNode(L: Lines, p: Piece, column: number): unknown {
  if (p.fast) return p.fast;
  if (!atColumn(L, p.from, column)) return undefined;
  const doc = clean(p);
  const seq = doc?.contents;
  if (!isSeq(seq) || seq.items.length !== 1 || !seq.range) return undefined;
  return seq.range[0] === column ? seq.items[0] ?? null : undefined;
}

/** The key of a list's first line composed on its own ("key:" and nothing else), with its offsets. */
function headKey(p: Piece): { key: string; start: number; end: number } | undefined {
  const doc = clean(p);
  const map = doc?.contents;
  if (!isMap(map) || map.items.length !== 1) return undefined;
  const pair = map.items[0];
  const value = pair.value as unknown;
  if (!(value == null || (isScalar(value) && value.value == null)) || !isScalar(pair.key)) return undefined;
  const r = (pair.key as Scalar).range;
  return r ? { key: String((pair.key as Scalar).value), start: p.base + r[0], end: p.base + r[1] } : undefined;
}

/**
 * The list of a top-level key whose part did not compose, cut into items at the column of its first
 * item, or at the column the lines of that item imply (its "-" moved) when that fits the list better;
 * undefined when the key's value is not a block list.
 */
/** The first line after a key's line that starts with "-" (`to` for none: its value is not a block list). */
function firstDash(L: Lines, from: number, to: number): number {
  let first = from + 1;
  while (first < to && !L.isDash(first)) first++;
  return first;
}

function cutBest(L: Lines, from: number, to: number, cx: CutContext): Cut | undefined {
  const first = firstDash(L, from, to);
  if (first >= to) return undefined;
  // The columns the list may be at: its first item's, the one the lines of that item imply (its "-"
  // moved), and the smallest of every item's and the smallest two items share (its first item moved).
  const d0 = L.indent[first];
  const next = L.nextContent(first + 1, to);
  const implied = next < to && L.indent[next] > d0 ? L.indent[next] - 2 : d0;
  let least = d0;
  let shared = Infinity;
  const seen = new Set<number>();
  for (let i = first; i < to; i++) {
    if (!L.isDash(i)) continue;
    const col = L.indent[i];
    least = Math.min(least, col);
    if (seen.has(col)) shared = Math.min(shared, col);
    else seen.add(col);
  }
  let best: Cut | undefined;
  for (const column of new Set([d0, implied, least, shared])) {
    if (column < 0 || column === Infinity) continue;
    const cut = cutList(L, from, to, column, cx);
    if (!best || cut.fit > best.fit || (cut.fit === best.fit && cut.read > best.read)) best = cut;
  }
  return best;
}

/**
 * Reads what can be read of a text with YAML errors, or beyond a limit that holds for one value (the
 * nesting depth, a list or mapping used as a key, which an unclosed bracket often makes; the tokens
 * of the whole text, when its parts are within them): `errors` are those of the whole text; `whole`
 * says whether it was composed whole within every limit, or the limit it was stopped at (what a part
 * that is the whole text gives again, without composing it twice).
 */
export function recover(c: Recovery, errors: readonly WholeError[], limits: Readonly<Limits>, keys: ReadonlySet<string>, whole: 'composed' | { breach: LimitBreach }): { data: Record<string, Plain>; root: LMap } {
  const L = new Lines(c.lines.text);
  const sorted = errors.slice().sort((a, b) => a.at - b.at);
  const cx: CutContext = whole === 'composed' ? { limits, nodes: c.nodes, errors: sorted, declined: 0 } : { limits, nodes: c.nodes, whole: { from: 0, to: L.count, base: 0, composed: whole }, declined: 0 };
  const parts = cutParts(L, cx, keys, cx.errors);
  explainErrors(parts, sorted);
  return assemble(c, L, parts, sorted);
}

/** Where each top-level part starts (see the top of this file), the key it holds, whether its value is below, or the document marker it is. */
function topStarts(L: Lines, keys: ReadonlySet<string>): { from: number; key?: string; below?: boolean; marker?: number }[] {
  const starts: { from: number; key?: string; below?: boolean; marker?: number }[] = [{ from: 0 }];
  // Whether a line of data came before (directives such as "%YAML 1.2" are not data), and whether an
  // item at column 0 came since the last top-level key (a list written at column 0).
  let content = false;
  let inList = false;
  for (let i = 0; i < L.count; i++) {
    if (L.kind[i] !== CONTENT) continue;
    const s = L.start[i];
    const ch = L.text.charCodeAt(s);
    if (L.indent[i] === 0) {
      if ((ch === DASH || ch === DOT) && L.text.charCodeAt(s + 1) === ch && L.text.charCodeAt(s + 2) === ch && (s + 3 >= L.end[i] || isBlank(L.text.charCodeAt(s + 3)))) {
        // A document marker: "---" before any data starts the document, and stays with the lines above it.
        if (ch === DOT || content) starts.push({ from: i, marker: ch });
      } else if (L.startsWith(i, QUESTION)) starts.push({ from: i });
      else if (L.startsWith(i, DASH)) inList = true;
      else if (!L.startsWith(i, COLON)) {
        // A key, or a key of the format whose ":" was lost (or a character typed after it).
        const word = lineWord(L, i);
        const k = lineKey(L, i) ?? (word && keys.has(word.key) ? word : undefined);
        // In a list at column 0, a key that is not one of the format's, or a key with its value on its
        // line followed by an item or by a key further right (which no value on a line holds, a block
        // scalar's aside), was moved out of an item: it belongs to the part above.
        const next = L.nextContent(i + 1, L.count);
        const movedOut = !!k && inList && (!keys.has(k.key) || (!k.below && next < L.count
          && (L.isDash(next) ? L.indent[next] === 0 : L.indent[next] > 0 && !!lineKey(L, next) && !blockHeader(L.text.charCodeAt(k.value)))));
        if (k && !movedOut) {
          starts.push({ from: i, key: k.key, below: k.below });
          inList = false;
        }
      }
    }
    if (!(L.indent[i] === 0 && ch === 0x25)) content = true;
  }
  return starts;
}

/**
 * True when the text, lexed part by part as it is cut here (its top-level keys, the items of their
 * lists at the column of the first), holds at most `budget` syntax tokens (counted as the limits count
 * them). A bracket never closed makes the lexer read the rest of the text in flow style, where every
 * word and space is a token: such a text is beyond the token limit as a whole, but not in parts, and is
 * read part by part; a text beyond it in parts too is not. Stops counting once past the budget.
 */
export function withinTokensInParts(text: string, budget: number, keys: ReadonlySet<string>): boolean {
  const L = new Lines(text);
  const starts = topStarts(L, keys);
  let left = budget;
  const lex = (from: number, to: number): boolean => {
    for (const lexeme of new Lexer().lex(text.slice(L.offset(from), L.offset(to)))) {
      if (lexeme.length === 1 && (lexeme === CST.DOCUMENT || lexeme === CST.FLOW_END || lexeme === CST.SCALAR)) continue;
      if (--left < 0) return false;
    }
    return true;
  };
  for (let n = 0; n < starts.length; n++) {
    const from = starts[n].from;
    const to = n + 1 < starts.length ? starts[n + 1].from : L.count;
    const dash = starts[n].below ? firstDash(L, from, to) : to;
    if (dash >= to) {
      if (!lex(from, to)) return false;
      continue;
    }
    const items = itemStarts(L, from, to, L.indent[dash]).starts;
    if (!lex(from, items[0])) return false;
    for (let k = 0; k < items.length; k++) if (!lex(items[k], k + 1 < items.length ? items[k + 1] : to)) return false;
  }
  return true;
}

/**
 * Cuts the text into parts at its top-level keys (`keys`: those of the file's format, which a line
 * holding one alone names, its ":" lost), and the lists whose part did not compose into items.
 */
function cutParts(L: Lines, cx: CutContext, keys: ReadonlySet<string>, errors: readonly WholeError[] | undefined): Part[] {
  const starts = topStarts(L, keys);
  const parts: Part[] = [];
  let e = 0;
  for (let n = 0; n < starts.length; n++) {
    const s = starts[n];
    const to = n + 1 < starts.length ? starts[n + 1].from : L.count;
    if (L.nextContent(s.from, to) >= to && s.marker === undefined) continue; // comments and blank lines only
    // A list holding an error of the whole text, composed within every limit, is cut into items at
    // once: composed on its own, it would not compose either.
    while (errors && e < errors.length && errors[e].at < L.offset(s.from)) e++;
    if (errors && e < errors.length && errors[e].at < L.offset(to) && s.key !== undefined && s.below) {
      const cut = cutBest(L, s.from, to, cx);
      const key = cut && headKey(cut.head);
      if (cut && key) {
        pushList(parts, L, cut, key.key);
        continue;
      }
    }
    const whole = cx.whole && s.from === cx.whole.from && to === cx.whole.to ? cx.whole : piece(L, s.from, to, cx.limits);
    const doc = clean(whole);
    const path = s.key === undefined ? [] : [s.key];
    if (s.marker !== undefined) {
      // "---" after content, or "..." before more content, starts another document.
      const another = s.marker === DASH || L.nextContent(to, L.count) < L.count;
      parts.push({ kind: 'top', piece: whole, path, ok: !another, why: another ? { message: 'A line "---" or "..." here starts another YAML document; a journal file holds one. Remove the line.' } : undefined });
      continue;
    }
    if (doc && (doc.contents == null || isMap(doc.contents))) {
      parts.push({ kind: 'top', piece: whole, path, ok: true });
      continue;
    }
    // A list beyond the limit of items or keys is left out whole (its items are not read one by one past
    // the limit); one that does not compose, or holds a value beyond a limit of its own, is cut into items.
    const cut = s.key !== undefined && s.below && !doc && !beyondCount(whole) ? cutBest(L, s.from, to, cx) : undefined;
    const key = cut && headKey(cut.head);
    if (!cut || !key) {
      parts.push({ kind: 'top', piece: whole, path, ok: false, why: doc ? { message: 'This text is not a key of the file\'s mapping. Fix its indentation, or remove it.' } : undefined });
      continue;
    }
    pushList(parts, L, cut, key.key);
  }
  return parts;
}

/** The parts of a list cut into items: its key, then each item. */
function pushList(parts: Part[], L: Lines, cut: Cut, key: string): void {
  parts.push({ kind: 'head', piece: cut.head, path: [key], ok: true });
  cut.items.forEach((item, k) => {
    const ok = itemNode(L, item, cut.column) !== undefined;
    parts.push({ kind: 'item', piece: item, path: [key, k], ok, why: ok || !clean(item) ? undefined : { message: `This line is not an item of "${key}" (its items start with "- " at column ${cut.column + 1}), nor part of the item above it. Fix its indentation.` } });
  });
}

/**
 * An error of the whole text (`errors`, in the order of the text) that no part left out explains
 * (every part around it composed on its own): the part that holds it is left out with it. The first
 * error is enough: an error after a part left out may come from that part (an unclosed quote runs
 * on), and once a part is left out every later error has one before it.
 */
function explainErrors(parts: Part[], errors: readonly WholeError[]): void {
  const first = errors[0];
  if (!first) return;
  const at = first.at;
  for (const part of parts) if (!part.ok && part.piece.base <= at) return;
  let holder = parts.length - 1;
  while (holder > 0 && parts[holder].piece.base > at) holder--;
  const part = parts[holder];
  if (!part) return;
  if (part.kind !== 'head') {
    part.ok = false;
    part.why = { error: first };
    return;
  }
  // In the line of a list's key: the whole list is left out, as one part.
  let last = holder + 1;
  while (last < parts.length && parts[last].kind === 'item') last++;
  const to = parts[last - 1].piece.to;
  const whole: Part = { kind: 'top', piece: { from: part.piece.from, to, base: part.piece.base, composed: undefined }, path: part.path, ok: false, why: { error: first } };
  parts.splice(holder, last - holder, whole);
}

/** Builds the data and the located root from the parts that read; reports each part left out once (`errors` in the order of the text). */
function assemble(c: Recovery, L: Lines, parts: readonly Part[], errors: readonly WholeError[]): { data: Record<string, Plain>; root: LMap } {
  const data: Record<string, Plain> = {};
  const root: LMap = { kind: MAP, start: -1, end: 0, pairs: [] };
  c.nodes.set(data, root);
  const firstKey = new Map<string, number>();
  const set = (key: string, value: Plain) => {
    if (key === '__proto__') Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
    else data[key] = value;
  };
  const add = (key: string, keyStart: number, keyEnd: number, value: LNode | undefined) => {
    const first = firstKey.get(key);
    if (first !== undefined) duplicateKey(c, key, first, keyStart, keyEnd);
    else firstKey.set(key, keyStart);
    root.pairs.push({ key, keyStart, keyEnd, value });
    if (root.start < 0) root.start = keyStart;
    if (value) root.end = Math.max(root.end, value.end);
  };
  /** An item that read, in its list: as the fast reader read it, or as composed. */
  const addItem = (l: { arr: Plain[]; seq: LSeq }, v: Converted) => {
    l.arr.push(v.plain);
    l.seq.items.push(v.node);
    if (v.node) {
      l.seq.end = v.node.end;
      root.end = Math.max(root.end, v.node.end);
    }
  };
  let list: { arr: Plain[]; seq: LSeq } | undefined;
  for (const part of parts) {
    const p = part.piece;
    if (part.kind !== 'item') list = undefined;
    if (!part.ok) {
      const problem = partProblem(c, L, part, errors);
      c.problems.push(problem);
      const first = L.nextContent(p.from, p.to);
      const start = first < p.to ? L.start[first] + L.indent[first] : p.base;
      const id = part.kind === 'item' ? writtenId(L, first, p.to) : undefined;
      c.broken.push({ path: part.path, range: c.lines.range(start, Math.max(start, L.contentEnd(p.from, p.to))), problem, ...(id ? { id } : {}) });
      if (list) {
        list.arr.push(null);
        list.seq.items.push(undefined);
      }
      continue;
    }
    if (p.fast) {
      if (list) addItem(list, p.fast);
      continue;
    }
    const doc = clean(p);
    if (!doc) continue;
    for (const w of doc.warnings) c.problems.push(yamlProblem(c, w, p.base));
    if (part.kind === 'top') {
      if (!isMap(doc.contents)) continue;
      const v = toPlain(c, doc.contents, p.base);
      const obj = v.plain as Record<string, Plain>;
      for (const pair of (v.node as LMap).pairs) {
        add(pair.key, pair.keyStart, pair.keyEnd, pair.value);
        set(pair.key, obj[pair.key]);
      }
    } else if (part.kind === 'head') {
      const key = headKey(p);
      if (!key) continue;
      const arr: Plain[] = [];
      const first = L.nextContent(p.to, L.count);
      const at = first < L.count ? L.start[first] + L.indent[first] : p.base;
      const seq: LSeq = { kind: SEQ, start: at, end: at, items: [] };
      c.nodes.set(arr, seq);
      add(key.key, key.start, key.end, seq);
      set(key.key, arr);
      list = { arr, seq };
    } else if (list) {
      addItem(list, toPlain(c, (doc.contents as unknown as { items: unknown[] }).items[0], p.base));
    }
  }
  if (root.start < 0) root.start = 0;
  return { data, root };
}

/**
 * The id an item of a list gives itself on its own lines: an `id:` key on the item's first line (after
 * its "-") or on a line of its keys (at the column of the first one), written as an id (ID_PATTERN, in
 * quotes or not, a comment after it), before any line further left. Undefined when none reads so.
 */
function writtenId(L: Lines, first: number, to: number): string | undefined {
  if (first >= to) return undefined;
  const t = L.text;
  const dash = L.start[first] + L.indent[first];
  let keys = t.charCodeAt(dash) === DASH ? dash + 1 : dash;
  while (keys < L.end[first] && isBlank(t.charCodeAt(keys))) keys++;
  const column = keys - L.start[first];
  for (let i = first; i < to; i++) {
    if (L.kind[i] !== CONTENT) continue;
    const from = i === first ? keys : L.start[i] + L.indent[i];
    if (i > first && L.indent[i] < column) return undefined;
    if (i > first && L.indent[i] > column) continue;
    if (!t.startsWith('id', from)) continue; // (no slice of a long line that is not an id's)
    const m = /^id[ \t]*:[ \t]+(?:"([^"\\]*)"|'([^']*)'|([^\s#'"]\S*))(?:[ \t]+#.*|[ \t]*)$/.exec(t.slice(from, L.end[i]));
    if (m) {
      const id = m[1] ?? m[2] ?? m[3];
      return ID_PATTERN.test(id) && id.length <= 100 ? id : undefined;
    }
  }
  return undefined;
}

/** The one problem of a part left out: an unclosed bracket or quote, else its first error, else why it is not where it belongs. */
function partProblem(c: Recovery, L: Lines, part: Part, errors: readonly WholeError[]): Problem {
  const p = part.piece;
  const open = p.opener;
  if (open) return openerProblem(c, p.base + open.offset, open.char);
  const composed = p.composed;
  if (composed && 'breach' in composed) {
    const at = p.base + composed.breach.offset;
    return problem(c, c.lines.range(at, at + 1), 'error', 'over-limit', composed.breach.message, { limit: composed.breach.limit, max: composed.breach.max });
  }
  if (composed && composed.doc.errors.length > 0) {
    const found = unclosed(composed.tokens).first;
    if (found) return openerProblem(c, p.base + found.offset, found.char);
    let first = composed.doc.errors[0];
    for (const e of composed.doc.errors) if (e.pos[0] < first.pos[0]) first = e;
    return yamlProblem(c, first, p.base);
  }
  if (part.why?.error) return part.why.error.problem(c);
  // Composed on its own, but not where it belongs: why, else the first error of the whole text in it.
  const first = L.nextContent(p.from, p.to);
  const at = first < p.to ? L.start[first] + L.indent[first] : p.base;
  const line = c.lines.range(at, first < p.to ? L.end[first] : at);
  if (part.why?.message) return problem(c, line, 'error', 'yaml-syntax', part.why.message);
  const within = errorWithin(errors, p.base, L.offset(p.to));
  if (within) return within.problem(c);
  return problem(c, line, 'error', 'yaml-syntax', 'This text does not belong where it is. Fix its indentation, or remove it.');
}

/** The problem of a bracket or quote at `at` that is never closed: where it was opened, and how to close it. */
function openerProblem(c: Recovery, at: number, char: string): Problem {
  const pos = c.lines.position(at);
  const where = `line ${pos.line + 1}, column ${pos.character + 1}`;
  const lineEnd = c.lines.lineStart(pos.line + 1);
  const range = c.lines.range(at, pos.line + 1 < c.lines.lineCount ? lineEnd : c.lines.text.length);
  const message = char === '['
    ? `The list opened with "[" on ${where} is never closed. Add "]" after its last item.`
    : char === '{'
      ? `The mapping opened with "{" on ${where} is never closed. Add "}" after its last entry.`
      : `The text opened with the quote ${char} on ${where} is never closed. Add ${char} where the text ends.`;
  return problem(c, range, 'error', 'yaml-syntax', message, { opened: pos, char });
}

/** A bracket or quote never closed: its offset in the part, and the character. */
interface Opener {
  offset: number;
  char: string;
}

/**
 * The first bracket or quote of a part's syntax tokens that is never closed, at its offset in the part;
 * whether the text certainly does not compose without an error: a bracket with no closing one at all,
 * or a quoted text whose last character is not its quote, are errors of the `yaml` composer too (a text
 * ending with an escaped quote, which it takes as closed, is not).
 */
function unclosed(tokens: readonly CST.Token[]): { first?: Opener; certain: boolean } {
  let found: Opener | undefined;
  let certain = false;
  const note = (offset: number, char: string) => {
    if (!found || offset < found.offset) found = { offset, char };
  };
  // An explicit stack: the depth is bounded by the limits, but no recursion over the text's nesting.
  const stack: CST.Token[] = [...tokens];
  const items = (list: readonly CST.CollectionItem[]) => {
    for (const it of list) {
      if (it.key) stack.push(it.key);
      if (it.value) stack.push(it.value);
    }
  };
  while (stack.length > 0) {
    const t = stack.pop() as CST.Token;
    switch (t.type) {
      case 'document':
        if (t.value) stack.push(t.value);
        break;
      case 'block-map':
      case 'block-seq':
        items(t.items);
        break;
      case 'flow-collection': {
        const close = t.start.source === '[' ? ']' : '}';
        if (!t.end.some((e) => e.source === close)) {
          note(t.start.offset, t.start.source);
          certain = true;
        }
        items(t.items);
        break;
      }
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
        if (!closedQuote(t.source)) {
          note(t.offset, t.source[0]);
          if (t.source.length < 2 || t.source[t.source.length - 1] !== t.source[0]) certain = true;
        }
        break;
      default:
        break;
    }
  }
  return { first: found, certain };
}

/** True when a quoted scalar's source ends with the quote that closes it (not an escaped one). */
function closedQuote(source: string): boolean {
  const q = source.charCodeAt(0);
  if (source.length < 2 || source.charCodeAt(source.length - 1) !== q) return false;
  // The quotes (') or backslashes (") before the last quote: an escaped quote is not a closing one.
  let run = 0;
  if (q === SQ) {
    for (let i = source.length - 1; i > 0 && source.charCodeAt(i) === SQ; i--) run++;
    return run % 2 === 1;
  }
  for (let i = source.length - 2; i > 0 && source.charCodeAt(i) === BACKSLASH; i--) run++;
  return run % 2 === 0;
}
