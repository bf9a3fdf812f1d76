/**
 * The fast reader: the plain data and the located view (located.ts) of a journal file, built in one
 * pass over its lines for the shapes journals are written in, or `undefined` (it declines) for
 * anything else, which the composer of the `yaml` package then reads (document.ts). For every text it
 * accepts, the data and every offset are exactly those of the composer (test/unit/fast-reader.test.ts
 * checks it on generated and public inputs), and the composer would have reported nothing: no syntax
 * error or warning, no duplicate key, no anchor or alias, no limit reached.
 *
 * What it accepts, all else declines:
 * - a mapping at column 0 after optional comment and blank lines at the top; comment lines between
 *   values, indented no further than the collection of the value before them and the line after them;
 *   no comment or blank line at the end; every line ends with a line break (so does the text);
 * - keys that are plain words (a letter, then letters, digits, "-" or "_"; not null, true or false),
 *   each once per mapping, followed by ": " or ":" at the end of the line;
 * - block mappings and lists (also a list at the indentation of its key), `- key: value` items;
 *   a key with no value (not followed by a comment line);
 * - values on the key's line: plain scalars on one line (text, whole numbers of up to 15 digits,
 *   true/false, null and ~; not other numbers, or anything starting with an indicator), single- and
 *   double-quoted scalars on one line without escapes, flow lists of such scalars on one line, and
 *   block scalars `|`, `|-`, `>` and `>-` (no indentation indicator, no leading blank line, no more
 *   indented line in a folded one); a comment may follow a value on its line;
 * - lines end with "\n" or "\r\n"; no tab, other carriage return, control character, byte order
 *   mark or line/paragraph separator anywhere.
 *
 * Cost: linear in the length of the text; every collection is at most `depth` levels deep (recursion
 * bounded by the limit), and every count the limits check (tokens, values, depth, keys, items) is
 * kept well below its limit or the reader declines, so that the composer reports the limit.
 */
import type { Limits } from '../limits';
import type { Plain } from './types';
import { LMap, LNode, LPair, LScalar, LSeq, MAP, SCALAR, SEQ } from './located';

export interface FastParsed {
  data: Record<string, Plain>;
  root: LMap;
  nodes: WeakMap<object, LMap | LSeq>;
  /** At least as many as the syntax tokens the limits count (limits.ts: what the `yaml` lexer yields, marks aside). */
  tokens: number;
}

/** Thrown to decline; caught in fastParse only. */
class Decline {}
const DECLINE = new Decline();
function decline(): never {
  throw DECLINE;
}

/** Characters that make the reader decline wherever they are (tabs, CR, controls, BOM, separators, noncharacters). */
// eslint-disable-next-line no-control-regex
const REFUSED_CHARS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;
// The scalars the core schema reads as other than text (yaml's core tags: null, bool, int, float).
const NULL_WORD = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_WORD = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const SMALL_INT = /^[0-9]{1,15}$/;
const NUMBER_LIKE = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const SP = 0x20, NL = 0x0a, CR = 0x0d, HASH = 0x23, COLON = 0x3a, DASH = 0x2d, SQ = 0x27, DQ = 0x22, LBRACKET = 0x5b, RBRACKET = 0x5d, COMMA = 0x2c, PIPE = 0x7c, GT = 0x3e, BACKSLASH = 0x5c;

function isWordStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
function isWordChar(c: number): boolean {
  return isWordStart(c) || (c >= 0x30 && c <= 0x39) || c === DASH || c === 0x5f;
}
/** A character a plain scalar may start with: a letter, a digit, any non-ASCII character, or one of a few safe signs. */
function isPlainStart(c: number): boolean {
  return isWordStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 0x80 || c === 0x28 /* ( */ || c === 0x2f /* / */ || c === 0x2e /* . */ || c === 0x24 /* $ */ || c === 0x2b /* + */ || c === 0x3c /* < */ || c === 0x3d /* = */ || c === 0x3b /* ; */ || c === 0x7e /* ~ */ || c === 0x5e; /* ^ */
}

class Reader {
  private readonly n: number;
  /** Start of the current line, its indentation, and the offset of its "\n". */
  private line = 0;
  private indent = 0;
  private eol = 0;
  /** Where the current line's content ends: its "\n", or the "\r" before it. */
  private end = 0;
  private values = 0;
  private tokenCount = 0;
  /** Whether the last move skipped a comment line. */
  private skippedComment = false;
  constructor(private readonly text: string, private readonly limits: Readonly<Limits>, readonly nodes = new WeakMap<object, LMap | LSeq>(), end = text.length) {
    this.n = end;
  }

  /**
   * Moves to the line starting at `at`, skipping blank lines and comment lines; false at the end of the
   * text. A comment line may be indented up to `upTo` columns and no more than the line that follows it:
   * a comment further right is attached to the value before it (the end of its range), which is left to
   * the composer, as is a comment at the end of the text.
   */
  private moveTo(at: number, upTo: number): boolean {
    const t = this.text;
    let comment = -1;
    this.skippedComment = false;
    for (;;) {
      if (at >= this.n) {
        if (comment >= 0) decline();
        this.line = this.n;
        return false;
      }
      let i = at;
      while (t.charCodeAt(i) === SP) i++;
      const eol = t.indexOf('\n', i);
      if (eol < 0) decline();
      const end = t.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
      if (i === end) {
        at = eol + 1;
        if (at >= this.n) decline(); // a blank line at the end of the text
        this.tokens(2); // spaces, line break
        continue;
      }
      if (t.charCodeAt(i) === HASH) {
        if (i - at > comment) comment = i - at;
        if (comment > upTo) decline();
        this.skippedComment = true;
        at = eol + 1;
        this.tokens(3); // spaces, comment, line break
        continue;
      }
      if (comment > i - at) decline();
      this.tokens(1); // the indentation
      this.line = at;
      this.indent = i - at;
      this.eol = eol;
      this.end = end;
      return true;
    }
  }

  /**
   * Counts values as the limits do (limits.ts: every collection, key and scalar the composer would
   * see), from above: an empty value counts here and not there.
   */
  private count(): void {
    if (++this.values >= this.limits.values) decline();
  }

  /**
   * Counts syntax tokens as the limits do, from above: the `yaml` lexer yields at most one token per
   * run of spaces, indicator, scalar (a block scalar's lines are one), comment and line break.
   */
  private tokens(n: number): void {
    this.tokenCount += n;
    if (this.tokenCount >= this.limits.tokens) decline();
  }

  read(): FastParsed {
    const t = this.text;
    // Comment and blank lines at the top.
    let at = 0;
    for (;;) {
      let i = at;
      while (t.charCodeAt(i) === SP) i++;
      const eol = t.indexOf('\n', i);
      if (eol < 0) decline();
      if (i === eol || (i === eol - 1 && t.charCodeAt(i) === CR) || t.charCodeAt(i) === HASH) {
        at = eol + 1;
        this.tokens(3); // spaces, comment, line break
      } else break;
    }
    if (!this.moveTo(at, 0) || this.indent !== 0) decline();
    const data: Record<string, Plain> = {};
    const root = this.map(0, this.line, data, 1);
    if (this.line < this.n) decline();
    return { data, root, nodes: this.nodes, tokens: this.tokenCount };
  }

  /**
   * The one item of a block list whose "-" is at column `col` of the line at `at`, up to the end (see
   * fastItem): nothing before it but that line's indentation, nothing after it.
   */
  readItem(at: number, col: number): { plain: Plain; node: LNode } {
    if (!this.moveTo(at, 0) || this.line !== at || this.indent !== col) decline();
    const arr: Plain[] = [];
    const seq = this.seq(col, arr, 1);
    if (this.line < this.n || seq.items.length !== 1) decline();
    return { plain: arr[0], node: seq.items[0] as LNode };
  }

  /**
   * A block mapping whose keys are at column `col`; the current line holds its first key at `first`
   * (the line's indentation, or the column after "- " in a list item).
   */
  private map(col: number, first: number, obj: Record<string, Plain>, depth: number): LMap {
    if (depth * 4 >= this.limits.depth) decline();
    this.count();
    const t = this.text;
    const pairs: LPair[] = [];
    const located: LMap = { kind: MAP, start: first, end: 0, pairs };
    this.nodes.set(obj, located);
    let keyAt = first;
    let keys: Set<string> | undefined;
    for (;;) {
      // The key: a plain word, then ":" and a space or the end of the line.
      let i = keyAt;
      if (!isWordStart(t.charCodeAt(i))) decline();
      // An implicit key is at most 1,024 characters long (YAML): leave long ones to the composer's error.
      const longest = keyAt + 1000;
      while (isWordChar(t.charCodeAt(i)) && i < longest) i++;
      if (t.charCodeAt(i) !== COLON) decline();
      const key = t.slice(keyAt, i);
      // null, true and false (in their three spellings) are not text keys.
      const k0 = t.charCodeAt(keyAt) | 0x20;
      if (i - keyAt <= 5 && (k0 === 0x6e || k0 === 0x74 || k0 === 0x66) && (NULL_WORD.test(key) || BOOL_WORD.test(key))) decline();
      // Duplicate keys: the composer reports them.
      if (pairs.length < 16) {
        for (const p of pairs) if (p.key === key) decline();
      } else {
        if (!keys) keys = new Set(pairs.map((p) => p.key));
        if (keys.has(key)) decline();
      }
      if (keys) keys.add(key);
      if (pairs.length * 2 >= this.limits.keysPerMapping) decline();
      this.count();
      this.tokens(3); // key, ":", the spaces or line break after it
      const keyEnd = i;
      i++;
      let c = t.charCodeAt(i);
      if (c === SP) {
        // Spaces up to the end of the line are no value.
        let j = i + 1;
        while (t.charCodeAt(j) === SP) j++;
        if (j === this.end) {
          i = j;
          c = t.charCodeAt(i);
        }
      }
      let value: LNode;
      let plain: Plain;
      if (i === this.end) {
        // The value is on the next lines (a nested mapping or list), or it is empty.
        const child = this.block(col, depth, i);
        value = child.node;
        plain = child.plain;
      } else if (c === SP) {
        const v = this.inline(i + 1, col, depth);
        value = v.node;
        plain = v.plain;
      } else decline();
      pairs.push({ key, keyStart: keyAt, keyEnd, value });
      obj[key] = plain;
      located.end = this.outerEnd;
      if (this.line >= this.n || this.indent < col) return located;
      if (this.indent !== col) decline();
      keyAt = this.line + col;
    }
  }

  /**
   * The end of the last value read, comments and line break included (the `yaml` package's range[2]):
   * what a collection that ends with that value takes as its end.
   */
  private outerEnd = 0;

  /**
   * The value of a key of a mapping at column `col` whose line ends at `empty` (after the key's ":" and
   * any spaces): a mapping or list on the next lines, more indented, or a list at the key's
   * indentation; else an empty value (null, located where its line ends).
   */
  private block(col: number, depth: number, empty: number): { node: LNode; plain: Plain } {
    const t = this.text;
    if (!this.moveTo(this.eol + 1, this.n)) return this.empty(empty); // at the end of the text
    const at = this.line + this.indent;
    const isItem = t.charCodeAt(at) === DASH && t.charCodeAt(at + 1) === SP;
    if (this.indent > col) {
      if (isItem) {
        const arr: Plain[] = [];
        return { node: this.seq(this.indent, arr, depth + 1), plain: arr };
      }
      const obj: Record<string, Plain> = {};
      return { node: this.map(this.indent, at, obj, depth + 1), plain: obj };
    }
    if (this.indent === col && isItem) {
      const arr: Plain[] = [];
      return { node: this.seq(col, arr, depth + 1), plain: arr };
    }
    return this.empty(empty);
  }

  /** An empty value at `at`; a comment line after it would be in its range: left to the composer. */
  private empty(at: number): { node: LNode; plain: Plain } {
    if (this.skippedComment) decline();
    this.count();
    this.outerEnd = at;
    return { node: { kind: SCALAR, start: at, end: at, isNull: true }, plain: null };
  }

  /** A block list whose "-" are at column `col`; the current line holds its first item. */
  private seq(col: number, arr: Plain[], depth: number): LSeq {
    if (depth * 4 >= this.limits.depth) decline();
    this.count();
    const t = this.text;
    const items: LNode[] = [];
    const located: LSeq = { kind: SEQ, start: this.line + col, end: 0, items };
    this.nodes.set(arr, located);
    for (;;) {
      if (items.length * 2 >= this.limits.itemsPerList) decline();
      this.tokens(2); // "-", spaces
      let i = this.line + col + 1; // after "-"
      if (t.charCodeAt(i) !== SP) decline();
      while (t.charCodeAt(i) === SP) i++;
      // A mapping that starts on the item's line: "- key: value".
      let k = i;
      if (isWordStart(t.charCodeAt(k))) {
        const longest = k + 1000;
        while (isWordChar(t.charCodeAt(k)) && k < longest) k++;
      }
      const c = t.charCodeAt(k + 1);
      if (k > i && t.charCodeAt(k) === COLON && (c === SP || k + 1 === this.end)) {
        const obj: Record<string, Plain> = {};
        items.push(this.map(i - this.line, i, obj, depth + 1));
        arr.push(obj);
      } else {
        const v = this.inline(i, col, depth);
        items.push(v.node);
        arr.push(v.plain);
      }
      located.end = this.outerEnd;
      if (this.line >= this.n || this.indent < col) return located;
      if (this.indent !== col) decline();
      const at = this.line + col;
      if (t.charCodeAt(at) !== DASH) return located; // the key that follows an indentless list
    }
  }

  /**
   * A value that starts at `at` on the current line (after "key: " or "- "), in a collection at column
   * `col`; moves to the next line that is not blank. The next line must not be more indented than
   * `col` (it would continue a plain scalar, or be an error).
   */
  private inline(at: number, col: number, depth: number): { node: LNode; plain: Plain } {
    const t = this.text;
    const eol = this.end;
    let i = at;
    while (t.charCodeAt(i) === SP) i++;
    const c = t.charCodeAt(i);
    let node: LNode;
    let plain: Plain;
    let after: number; // where only spaces and a comment may follow on the line
    this.tokens(4); // the value (or "[" and "]"), spaces, comment, line break
    if (c === DQ || c === SQ) {
      const close = quoteEnd(t, i, eol);
      plain = t.slice(i + 1, close);
      node = { kind: SCALAR, start: i, end: close + 1, isNull: false };
      after = close + 1;
      this.count();
    } else if (c === LBRACKET) {
      const arr: Plain[] = [];
      node = this.flow(i, arr, depth + 1);
      plain = arr;
      after = node.end;
    } else if (c === PIPE || c === GT) {
      return this.blockScalar(i, col);
    } else if (isPlainStart(c) || ((c === DASH || c === COLON || c === 0x3f) && isWordChar(t.charCodeAt(i + 1)))) {
      // A plain scalar: up to " #" or the end of the line, trailing spaces trimmed.
      let end = i + 1;
      while (end < eol && !(t.charCodeAt(end) === HASH && t.charCodeAt(end - 1) === SP)) end++;
      while (t.charCodeAt(end - 1) === SP) end--;
      const src = t.slice(i, end);
      if (src.includes(': ') || src.charCodeAt(src.length - 1) === COLON) decline();
      plain = scalarValue(src);
      node = { kind: SCALAR, start: i, end, isNull: plain === null };
      after = end;
      this.count();
    } else return decline();
    // After the value: spaces, then a comment or the end of the line.
    let j = after;
    while (t.charCodeAt(j) === SP) j++;
    if (j !== eol && !(t.charCodeAt(j) === HASH && j > after)) decline();
    this.outerEnd = this.eol + 1;
    if (this.moveTo(this.eol + 1, col) && this.indent > col) decline();
    return { node, plain };
  }

  /** A flow list on one line, of quoted and plain scalars, from "[" at `at`. */
  private flow(at: number, arr: Plain[], depth: number): LSeq {
    if (depth * 4 >= this.limits.depth) decline();
    this.count();
    const t = this.text;
    const items: LNode[] = [];
    const located: LSeq = { kind: SEQ, start: at, end: 0, items };
    this.nodes.set(arr, located);
    const eol = this.end;
    let i = at + 1;
    while (t.charCodeAt(i) === SP) i++;
    this.tokens(2); // spaces, and "]" with "[" counted as the value
    if (t.charCodeAt(i) === RBRACKET) {
      located.end = i + 1;
      return located;
    }
    for (;;) {
      if (items.length * 2 >= this.limits.itemsPerList) decline();
      this.tokens(4); // the item, spaces, ",", spaces
      const c = t.charCodeAt(i);
      let end: number;
      if (c === DQ || c === SQ) {
        const close = quoteEnd(t, i, eol);
        arr.push(t.slice(i + 1, close));
        end = close + 1;
        items.push({ kind: SCALAR, start: i, end, isNull: false });
      } else if (isPlainStart(c) || ((c === DASH || c === 0x3f) && isWordChar(t.charCodeAt(i + 1)))) {
        let j = i;
        for (;;) {
          const d = t.charCodeAt(j);
          if (d === COMMA || d === RBRACKET || j >= eol) break;
          // Flow indicators, a pair, a comment, or a backslash (kept out to stay simple).
          if (d === LBRACKET || d === 0x7b || d === 0x7d || d === COLON || d === HASH || d === BACKSLASH) decline();
          j++;
        }
        end = j;
        while (t.charCodeAt(end - 1) === SP) end--;
        const v = scalarValue(t.slice(i, end));
        arr.push(v);
        items.push({ kind: SCALAR, start: i, end, isNull: v === null });
      } else return decline();
      this.count();
      i = end;
      while (t.charCodeAt(i) === SP) i++;
      const d = t.charCodeAt(i);
      if (d === RBRACKET) {
        located.end = i + 1;
        return located;
      }
      if (d !== COMMA || i >= eol) decline();
      i++;
      while (t.charCodeAt(i) === SP) i++;
      if (t.charCodeAt(i) === RBRACKET || i >= eol) decline(); // a trailing comma, or a list over several lines
    }
  }

  /**
   * A block scalar ("|", "|-", ">" or ">-" at `at`, nothing else on its line) of a collection at
   * column `col`: literal (lines kept) or folded (lines joined by a space, a blank line kept as a line break).
   */
  private blockScalar(at: number, col: number): { node: LNode; plain: Plain } {
    const t = this.text;
    const folded = t.charCodeAt(at) === GT;
    let i = at + 1;
    const strip = t.charCodeAt(i) === DASH;
    if (strip) i++;
    while (t.charCodeAt(i) === SP) i++;
    if (i !== this.end) decline();
    this.count();
    this.tokens(4); // header, spaces, line break, the lines
    // The first content line sets the indentation; a blank line first declines.
    let lineStart = this.eol + 1;
    let k = lineStart;
    while (t.charCodeAt(k) === SP) k++;
    const content = k - lineStart;
    if (k >= this.n || t.charCodeAt(k) === NL || t.charCodeAt(k) === CR || content <= col) decline();
    let value = '';
    let lines = 0;
    let blank = 0; // blank lines waiting for a content line after them
    let lastEnd = 0; // after the "\n" of the last content line
    for (;;) {
      if (lineStart >= this.n) break;
      let j = lineStart;
      while (t.charCodeAt(j) === SP && j - lineStart < content) j++;
      const eol = t.indexOf('\n', lineStart);
      if (eol < 0) decline();
      const end = t.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
      if (j === end) {
        blank++;
        lineStart = eol + 1;
        continue;
      }
      if (j - lineStart < content) {
        // A less indented line ends the scalar; a line of spaces only there would be a blank line with fewer spaces.
        let e = j;
        while (t.charCodeAt(e) === SP) e++;
        if (e === end) decline();
        break;
      }
      if (folded) {
        // A more indented line keeps its line breaks: left to the composer.
        if (t.charCodeAt(j) === SP) decline();
        if (lines > 0) value += blank > 0 ? '\n'.repeat(blank) : ' ';
      } else if (lines > 0) value += '\n'.repeat(blank + 1);
      blank = 0;
      value += t.slice(j, end);
      lines++;
      lastEnd = eol + 1;
      lineStart = eol + 1;
    }
    // A blank line of more spaces than the indentation holds spaces: decline rather than count them.
    for (let s = lastEnd; s < lineStart; s++) if (t.charCodeAt(s) === SP) decline();
    if (!strip) value += '\n';
    this.outerEnd = lastEnd;
    if (this.moveTo(lastEnd, col) && this.indent > col) decline();
    return { node: { kind: SCALAR, start: at, end: lastEnd, isNull: false } satisfies LScalar, plain: value };
  }
}

/**
 * The offset of the quote that closes the quoted scalar opening at `at`, on the same line (before
 * `eol`); declines for an escape (a backslash in double quotes, '' in single quotes) or no closing quote.
 */
function quoteEnd(t: string, at: number, eol: number): number {
  const q = t.charCodeAt(at);
  for (let i = at + 1; i < eol; i++) {
    const c = t.charCodeAt(i);
    if (c === q) {
      if (q === SQ && t.charCodeAt(i + 1) === SQ) decline();
      return i;
    }
    if (c === BACKSLASH && q === DQ) decline();
  }
  return decline();
}

/** The value of a plain scalar under the core schema, or decline for those the reader leaves to the composer (numbers other than small whole numbers). */
function scalarValue(src: string): Plain {
  const c = src.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === DASH || c === 0x2b || c === 0x2e) {
    if (SMALL_INT.test(src)) return Number(src);
    if (NUMBER_LIKE.test(src)) decline();
    return src;
  }
  if (BOOL_WORD.test(src)) return src.charCodeAt(0) === 0x74 || src.charCodeAt(0) === 0x54 ? true : false;
  return NULL_WORD.test(src) ? null : src;
}

/**
 * Texts up to the file size limit are tried (a file beyond it is not read at all): the reader counts
 * tokens and values from above as it goes and declines as soon as a count reaches its limit, so a text
 * beyond the limits costs a partial fast pass (several times cheaper than the composer) before the
 * composer reports the limit, and the largest text within the limits is read fast too.
 */
/**
 * The one item of a block list in the text from `from` to `to` (the start of a line, or the end of the
 * text), as recovery reads the items of a list one by one (recover.ts): the item's "-" at column `col`
 * of the line at `from`, read as the composer reads the same lines composed on their own (a list of one
 * item), with every offset in the whole text; undefined when the reader declines it. Its mappings and
 * lists are located in `nodes`.
 */
export function fastItem(text: string, from: number, to: number, col: number, limits: Readonly<Limits>, nodes: WeakMap<object, LMap | LSeq>): { plain: Plain; node: LNode } | undefined {
  if (to - from > limits.fileBytes || to <= from || text.charCodeAt(to - 1) !== NL || REFUSED_CHARS.test(text.slice(from, to))) return undefined;
  try {
    return new Reader(text, limits, nodes, to).readItem(from, col);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

/**
 * The plain data and located view of a text, or undefined when the reader declines it (see above).
 * The text must not be empty of content (document.ts checks that first).
 */
export function fastParse(text: string, limits: Readonly<Limits>): FastParsed | undefined {
  if (text.length > limits.fileBytes) return undefined;
  if (text.charCodeAt(text.length - 1) !== NL || REFUSED_CHARS.test(text)) return undefined;
  try {
    return new Reader(text, limits).read();
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}
