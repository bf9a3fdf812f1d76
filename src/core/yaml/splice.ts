/**
 * The YAML splice engine: "set this key", "append this item", "remove that one" become the smallest
 * text splices, found through the `yaml` package's document and its concrete syntax tree, so that
 * whatever style the file is written in (block or flow collections, comments anywhere, any scalar
 * style, explicit keys, tags and anchors, 2- or 4-space or indentless sequences, CRLF, a BOM, document
 * markers, no final newline) the text outside the touched node stays byte for byte identical.
 *
 * The edit rule (docs/editing-rule.md): an edit makes exactly the intended change, or it is refused
 * with a located problem that says why, never a silent partial change. Each operation records its
 * intent on a copy of the file's data; `result()` parses the new text and compares: a file with YAML
 * errors or aliases is refused before any edit, and a result whose data differs from the intent in
 * any way is refused instead of written.
 *
 * Operations run one after the other on the current text (each re-parses it), so several operations
 * on one file never step on each other; `result()` gives the minimal edits from the original text.
 * This file is long because the splices of every style live together, next to the one verification.
 */
import {
  CST, Document, isAlias, isMap, isPair, isScalar, isSeq, Node as YamlNode, Pair, parseDocument, Scalar, stringify, visit, YAMLMap,
} from 'yaml';
import { FILE_START, Problem, Range } from '../problems';
import { checkYamlLimits } from '../limits';
import { eolOf, LineIndex } from '../text/lines';
import { diffEdits, EditResult } from './text-edits';

export type Seg = string | number;
export type Value = string | number | boolean | null | Value[] | { [k: string]: Value | undefined };

export function fail(code: string, message: string, data?: Record<string, unknown>): EditResult {
  return { ok: false, problems: [{ file: '', range: FILE_START, severity: 'error', code, message, ...(data ? { data } : {}) }] };
}

/** Drops undefined fields so that only given values are written. */
export function clean<T extends Record<string, unknown>>(o: T): { [k: string]: Value } {
  const out: { [k: string]: Value } = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v as Value;
  return out;
}

/** An operation that cannot be done safely here; `offset` locates it in the current text. */
class Refusal extends Error {
  constructor(message: string, readonly offset: number, readonly code = 'edit-refused') {
    super(message);
  }
}

type Item = CST.CollectionItem;
type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/** How the file writes its YAML, so that new text looks like the rest of it. */
interface Style {
  /** Spaces per nesting level of a block mapping. */
  indent: number;
  /** Whether a block sequence under a key is indented (`key:\n  - a`) or not (`key:\n- a`). */
  indentSeq: boolean;
  /** How new strings that need no quotes are written anyway, when the file quotes its strings. */
  quote: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
}

function detectStyle(doc: Document.Parsed): Style {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const quotes = { PLAIN: 0, QUOTE_DOUBLE: 0, QUOTE_SINGLE: 0 };
  const walk = (tok: CST.Token | undefined, depth: number): void => {
    if (!tok || depth > 64) return;
    if (tok.type === 'block-map') {
      for (const it of tok.items) {
        const v = it.value;
        if (v?.type === 'block-map' && indent === undefined && v.indent > tok.indent) indent = v.indent - tok.indent;
        if (v?.type === 'block-seq') {
          indentSeq ??= v.indent > tok.indent;
          if (indent === undefined && v.indent > tok.indent) indent = v.indent - tok.indent;
        }
        if (v?.type === 'scalar') quotes.PLAIN++;
        if (v?.type === 'double-quoted-scalar') quotes.QUOTE_DOUBLE++;
        if (v?.type === 'single-quoted-scalar') quotes.QUOTE_SINGLE++;
        walk(v, depth + 1);
      }
    } else if (tok.type === 'block-seq' || tok.type === 'flow-collection') {
      for (const it of tok.items) walk(it.value, depth + 1);
    }
  };
  walk(doc.contents?.srcToken, 0);
  const quote = quotes.QUOTE_DOUBLE > quotes.PLAIN && quotes.QUOTE_DOUBLE >= quotes.QUOTE_SINGLE ? 'QUOTE_DOUBLE'
    : quotes.QUOTE_SINGLE > quotes.PLAIN ? 'QUOTE_SINGLE' : 'PLAIN';
  return { indent: indent && indent > 0 && indent <= 8 ? indent : 2, indentSeq: indentSeq ?? true, quote };
}

// ---------- CST positions ----------

/** Offset of the first character of a token or collection item. */
function startOf(t: CST.Token | Item): number {
  if ('start' in t && Array.isArray(t.start)) {
    const first = t.start[0] ?? (t as Item).key ?? (t as Item).sep?.[0] ?? (t as Item).value;
    return first ? startOf(first as CST.Token) : 0;
  }
  return (t as CST.Token).offset;
}

/** Offset just after a token or item, its trailing spaces, comments and line break included. */
function endOf(t: CST.Token | Item): number {
  return startOf(t) + CST.stringify(t as CST.Token).length;
}

/** Is a collection item a real entry (not only comments, blank lines or a trailing comma)? */
function isReal(it: Item, coll: Collection): boolean {
  if (coll.type === 'block-seq') return it.start.some((t) => t.type === 'seq-item-ind');
  return it.key !== undefined || it.value !== undefined || (it.sep?.some((t) => t.type === 'map-value-ind') ?? false) || it.start.some((t) => t.type === 'explicit-key-ind');
}

/** Offset where a token's own content ends: after a scalar's text or a flow collection's closing bracket, before trailing spaces and comments. */
function contentEnd(tok: CST.Token): number {
  switch (tok.type) {
    case 'scalar': case 'single-quoted-scalar': case 'double-quoted-scalar': case 'alias':
      return tok.offset + tok.source.length;
    case 'flow-collection': {
      const close = tok.end.find((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end');
      return close ? close.offset + 1 : endOf(tok);
    }
    case 'block-scalar':
      return endOf(tok);
    case 'block-map': case 'block-seq': {
      const items = tok.items.filter((it) => isReal(it, tok));
      const last = items[items.length - 1];
      return last ? itemContentEnd(last) : tok.offset;
    }
    default:
      return endOf(tok);
  }
}

/** Where the content of an item ends (its value, else its key or indicator). */
function itemContentEnd(it: Item): number {
  if (it.value) return contentEnd(it.value);
  const sep = it.sep?.filter((t) => t.type === 'map-value-ind') ?? [];
  if (sep.length) return sep[sep.length - 1].offset + 1;
  if (it.key) return contentEnd(it.key);
  const ind = it.start.filter((t) => t.type === 'seq-item-ind' || t.type === 'explicit-key-ind');
  return ind.length ? ind[ind.length - 1].offset + 1 : startOf(it);
}

/** Offset of the first token of an item that is not space, a comment or a line break: its indicator, tag, anchor or key. */
function itemHead(it: Item): number {
  for (const t of it.start) if (t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline' && t.type !== 'comma') return t.offset;
  return it.key ? startOf(it.key) : it.value ? startOf(it.value) : startOf(it);
}

// ---------- rendering ----------

const FLOW_UNSAFE = /[,[\]{}]/;
/**
 * Plain texts that YAML 1.1 tools (PyYAML, older parsers) would read as something else: a clock time
 * or other base-60 number (`14:30` is 870 there), a yes/no/on/off word, a number with `_`. Debrief
 * reads YAML 1.2, where they are text, but writes them quoted so that the journal means the same to
 * every tool. Dates stay plain (a 1.1 tool reads them as dates, which they are). Tested on short texts
 * only (the pattern backtracks on long runs of digits and `_`; no such word is long).
 */
const YAML11_OTHERWISE = /^(?:[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*_[0-9_]*)$/;

function readOtherwiseBy11(value: string): boolean {
  return value.length <= 40 && YAML11_OTHERWISE.test(value);
}

export class Editor {
  private textNow: string;
  private docNow: Document.Parsed;
  private linesNow: LineIndex;
  private readonly style: Style;
  readonly eol: '\n' | '\r\n';
  /** The file's data as every operation so far intends it. */
  private intended: unknown;
  /** Where the first operation touched the original text, to locate a refusal. */
  private firstTouch: number | undefined;

  private constructor(private readonly original: string, doc: Document.Parsed) {
    this.textNow = original;
    this.docNow = doc;
    this.linesNow = new LineIndex(original);
    this.eol = eolOf(original);
    this.style = detectStyle(doc);
    this.intended = doc.toJS({ maxAliasCount: 0 });
  }

  static open(text: string): Editor | Problem[] {
    const parsed = parse(text);
    if (!('doc' in parsed)) return parsed.problems;
    const doc = parsed.doc;
    if (doc.contents != null && !isMap(doc.contents) && !(isScalar(doc.contents) && doc.contents.value == null)) {
      return [{ file: '', range: FILE_START, severity: 'error', code: 'not-a-map', message: 'The file is not a mapping of keys; fix it before editing.' }];
    }
    return new Editor(text, doc);
  }

  get text(): string {
    return this.textNow;
  }

  get doc(): Document.Parsed {
    return this.docNow;
  }

  get lines(): LineIndex {
    return this.linesNow;
  }

  get root(): YAMLMap | undefined {
    return isMap(this.docNow.contents) ? this.docNow.contents : undefined;
  }

  // ---------- navigation ----------

  get(path: readonly Seg[]): unknown {
    let node: unknown = this.docNow.contents;
    for (const seg of path) {
      if (isMap(node)) node = pairOf(node, String(seg))?.value;
      else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
      else return undefined;
    }
    return node;
  }

  list(path: readonly Seg[]): unknown[] {
    const s = this.get(path);
    return isSeq(s) ? s.items : [];
  }

  indexWhere(path: readonly Seg[], key: string, value: string): number {
    return this.list(path).findIndex((it) => isMap(it) && scalarOf(it, key) === value);
  }

  // ---------- operations ----------

  /** Sets `path` to `value`: a value replaces a value; a mapping is merged key by key; what is missing is created. */
  set(path: readonly Seg[], value: Value): void {
    const target = this.get(path);
    const intent = (data: unknown) => setAt(data, path, structuredClone(value));
    if (isPlainObject(value) && isMap(target)) {
      for (const [k, v] of Object.entries(value)) if (v !== undefined) this.set([...path, k], v);
      return;
    }
    if (target === undefined) return this.create(path, value);
    if (isNull(target)) return this.fillNull(path, value, intent);
    if (isScalar(target) && (value === null || typeof value !== 'object')) return this.replaceScalar(path, target, value);
    throw new Refusal(`${describe(path)} is ${kindOf(target)}; Debrief will not replace it with ${isPlainObject(value) ? 'a mapping' : Array.isArray(value) ? 'a list' : 'a value'}. Fix it by hand first.`, nodeStart(target));
  }

  /** Appends an item to the list at `path`, creating the list if missing. */
  append(path: readonly Seg[], item: Value): void {
    const seq = this.get(path);
    if (seq === undefined || isNull(seq)) return this.set(path, [item]);
    if (!isSeq(seq)) throw new Refusal(`${describe(path)} is ${kindOf(seq)}, not a list: fix it by hand first.`, nodeStart(seq));
    const tok = seq.srcToken as CST.Token | undefined;
    const intent = (data: unknown) => void (navigate(data, path) as unknown[]).push(structuredClone(item));
    if (tok?.type === 'flow-collection') {
      if (this.isBareEmptyFlowUnderKey(path, tok)) return this.replaceBareEmptyFlow(path, tok, [item], intent);
      return this.insertInFlow(tok, this.flow(item), intent);
    }
    if (tok?.type !== 'block-seq') throw new Refusal(`${describe(path)} cannot be found in the text.`, nodeStart(seq));
    const items = tok.items.filter((it) => isReal(it, tok));
    const last = items[items.length - 1];
    const col = this.column(last.start.find((t) => t.type === 'seq-item-ind')!.offset);
    this.insertLine(endOfLineAfter(this.textNow, itemContentEnd(last)), `${' '.repeat(col)}- ${this.blockItem(item, col + 2)}`, intent);
  }

  /** Removes item `index` of the list at `path`; a list left empty becomes `[]`. */
  removeItem(path: readonly Seg[], index: number): void {
    const seq = this.get(path);
    if (!isSeq(seq) || !Number.isInteger(index) || index < 0 || index >= seq.items.length) throw new Refusal(`There is no item ${index + 1} in ${describe(path)}.`, seq ? nodeStart(seq) : 0);
    const tok = seq.srcToken as CST.Token | undefined;
    if (tok?.type !== 'block-seq' && tok?.type !== 'flow-collection') throw new Refusal(`${describe(path)} cannot be found in the text.`, nodeStart(seq));
    const items = tok.items.filter((it) => isReal(it, tok));
    if (items.length !== seq.items.length) throw new Refusal(`${describe(path)} is written in a way Debrief cannot edit safely.`, tok.offset);
    const intent = (data: unknown) => void (navigate(data, path) as unknown[]).splice(index, 1);
    if (tok.type === 'flow-collection') return this.removeFromFlow(tok, items[index], intent);
    if (items.length === 1) return this.emptyBlock(path, tok, '[]', intent);
    const it = items[index];
    const dash = it.start.find((t) => t.type === 'seq-item-ind')!;
    const end = pastDeeperComments(this.textNow, endOfLineAfter(this.textNow, itemContentEnd(it)), this.column(dash.offset));
    this.splice([[lineStartOf(this.textNow, dash.offset), end, '']], intent);
  }

  /** Removes `key` from the mapping at `path` (nothing when absent); a mapping left empty becomes `{}`. */
  removeKey(path: readonly Seg[], key: string): void {
    const map = this.get(path);
    if (!isMap(map)) return;
    const pair = pairOf(map, key);
    if (!pair) return;
    const tok = map.srcToken as CST.Token | undefined;
    if (tok?.type !== 'block-map' && tok?.type !== 'flow-collection') throw new Refusal(`${describe(path)} cannot be found in the text.`, nodeStart(map));
    const items = tok.items.filter((it) => isReal(it, tok));
    if (items.length !== map.items.length) throw new Refusal(`${describe(path)} is written in a way Debrief cannot edit safely.`, tok.offset);
    const it = items[map.items.indexOf(pair)];
    const intent = (data: unknown) => void delete (navigate(data, path) as Record<string, unknown>)[key];
    if (tok.type === 'flow-collection') return this.removeFromFlow(tok, it, intent);
    if (items.length === 1) return this.emptyBlock(path, tok, '{}', intent);
    const head = itemHead(it);
    const lineStart = lineStartOf(this.textNow, head);
    const end = pastDeeperComments(this.textNow, endOfLineAfter(this.textNow, itemContentEnd(it)), this.column(head));
    if (this.textNow.slice(lineStart, head).trim() !== '') {
      // The pair shares its line with what holds it (`- key: v`): the rest of the mapping moves up.
      let next = end;
      while (this.textNow[next] === ' ') next++;
      return this.splice([[head, next, '']], intent);
    }
    this.splice([[lineStart, end, '']], intent);
  }

  // ---------- result ----------

  /** The minimal edits from the original text, once the new text is checked against every operation's intent. */
  result(extra?: { id?: string }): EditResult {
    if (this.textNow === this.original) return { ok: true, edits: [], ...(extra ?? {}) };
    const check = parse(this.textNow);
    const at = this.firstTouch ?? 0;
    if (!('doc' in check)) return this.refused('Debrief could not make this change in this file\'s style without breaking its YAML. Nothing was changed; edit the file by hand.', at);
    if (!sameData(check.doc.toJS({ maxAliasCount: 0 }), this.intended)) {
      return this.refused('Debrief could not make this change in this file\'s style without changing other data. Nothing was changed; edit the file by hand.', at);
    }
    return { ok: true, edits: diffEdits(this.original, this.textNow), ...(extra ?? {}) };
  }

  /** A refusal located at an offset of the original text. */
  refused(message: string, offset: number, code = 'edit-refused'): EditResult {
    const p = new LineIndex(this.original).position(Math.min(Math.max(0, offset), this.original.length));
    return { ok: false, problems: [{ file: '', range: { start: p, end: p }, severity: 'error', code, message }] };
  }

  /** A Refusal thrown by an operation, as a located result; undefined for any other error. */
  refusal(e: unknown): EditResult | undefined {
    if (!(e instanceof Refusal)) return undefined;
    return this.refused(e.message, this.firstTouch ?? e.offset, e.code);
  }

  // ---------- the splices ----------

  /** Applies splices (offsets in the current text), re-parses, and records the operation's intent. */
  private splice(spans: [number, number, string][], intent: (data: unknown) => void): void {
    let text = this.textNow;
    for (const [start, end, insert] of [...spans].sort((a, b) => b[0] - a[0])) {
      text = text.slice(0, start) + (this.eol === '\n' ? insert : insert.replace(/\n/g, '\r\n')) + text.slice(end);
    }
    const at = Math.min(...spans.map((s) => s[0]));
    const parsed = parse(text);
    if (!('doc' in parsed)) {
      if ((globalThis as Record<string, unknown>).DEBUG_SPLICE) console.log('SPLICE FAILED\n' + text + '\n' + JSON.stringify(parsed.problems.map((p) => p.message)));
      throw new Refusal('Debrief could not make this change in this file\'s style without breaking its YAML. Nothing was changed; edit the file by hand.', at);
    }
    this.firstTouch ??= at;
    intent(this.intended);
    this.textNow = text;
    this.docNow = parsed.doc;
    this.linesNow = new LineIndex(text);
  }

  /**
   * Inserts a line at the start of a line (or at the end of a text without a final line break). Comment
   * and blank lines that follow, indented deeper than the new line, stay above it: they belong to what
   * comes before, and a block scalar in the new line would take them in as text.
   */
  private insertLine(at: number, line: string, intent: (data: unknown) => void): void {
    at = pastDeeperComments(this.textNow, at, line.length - line.trimStart().length);
    const atEndWithoutBreak = at > 0 && at === this.textNow.length && this.textNow[at - 1] !== '\n';
    this.splice([[at, at, atEndWithoutBreak ? `\n${line}` : `${line}\n`]], intent);
  }

  /** Creates `path`, which is missing, with `value`, creating the mappings above it as needed. */
  private create(path: readonly Seg[], value: Value): void {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    const intent = (data: unknown) => setAt(data, path, structuredClone(value));
    if (typeof key === 'number') throw new Refusal(`There is no item ${key + 1} in ${describe(parentPath)}.`, 0);
    if (parentPath.length === 0 && (this.docNow.contents == null || isNull(this.docNow.contents))) return this.firstKey(key, value);
    const parent = this.get(parentPath);
    if (parent === undefined) return this.set(parentPath, { [key]: value });
    if (isNull(parent)) return this.fillNull(parentPath, { [key]: value }, (d) => setAt(d, parentPath, { [key]: structuredClone(value) }));
    if (!isMap(parent)) throw new Refusal(`${describe(parentPath)} is ${kindOf(parent)}, not a mapping: fix it by hand first.`, nodeStart(parent));
    const tok = parent.srcToken as CST.Token | undefined;
    if (tok?.type === 'flow-collection') return this.insertInFlow(tok, `${this.keyText(key)}: ${this.flow(value)}`, intent);
    if (tok?.type !== 'block-map') throw new Refusal(`The mapping that should hold "${key}" cannot be found in the text.`, nodeStart(parent));
    const items = tok.items.filter((it) => isReal(it, tok));
    const last = items[items.length - 1];
    this.insertLine(endOfLineAfter(this.textNow, itemContentEnd(last)), `${' '.repeat(tok.indent)}${this.keyText(key)}:${this.afterKey(value, tok.indent)}`, intent);
  }

  /** The first key of an empty document: after its comments, at the end of the text. */
  private firstKey(key: string, value: Value): void {
    const contents = this.docNow.contents;
    const line = `${this.keyText(key)}:${this.afterKey(value, 0)}`;
    const intent = () => {
      this.intended = {};
      setAt(this.intended, [key], structuredClone(value));
    };
    const tok = contents?.srcToken as CST.Token | undefined;
    if (contents && tok && 'source' in tok && tok.type !== 'block-scalar' && tok.source !== '') {
      // `~` or `null` as the whole document.
      return this.splice([[tok.offset, tok.offset + tok.source.length, line]], intent);
    }
    const docEnd = /(^|\n)\.\.\.[ \t]*(#.*)?(\r?\n|$)/.exec(this.textNow);
    const at = docEnd ? docEnd.index + docEnd[1].length : this.textNow.length;
    this.insertLine(at, line, intent);
  }

  /** Writes a value where a key or an item has none (`key:`, `key: ~`, `- null`). */
  private fillNull(path: readonly Seg[], value: Value, intent: (data: unknown) => void): void {
    const holder = this.get(path.slice(0, -1)) as YamlNode | undefined;
    const holderTok = holder?.srcToken as CST.Token | undefined;
    const inFlow = holderTok?.type === 'flow-collection';
    const pair = isMap(holder) ? pairOf(holder, String(path[path.length - 1])) : undefined;
    const item = pair?.srcToken as Item | undefined;
    const node = this.get(path) as Scalar | null | undefined;
    const nullTok = (isScalar(node) ? node.srcToken : undefined) as CST.Token | undefined;
    const nullEnd = nullTok && 'source' in nullTok && nullTok.type !== 'block-scalar' ? nullTok.offset + nullTok.source.length : undefined;
    if (!item) {
      // A null list item: replace the null itself.
      if (nullTok && nullEnd !== undefined && nullEnd > nullTok.offset) return this.splice([[nullTok.offset, nullEnd, inFlow || isCollectionValue(value) ? this.flow(value) : this.scalarText(value, { flow: false, col: this.column(nullTok.offset) })]], intent);
      throw new Refusal(`${describe(path)} is written in a way Debrief cannot edit safely.`, holder ? nodeStart(holder) : 0);
    }
    const colon = item.sep?.find((t) => t.type === 'map-value-ind');
    if (!colon) throw new Refusal(`${describe(path)} is written in a way Debrief cannot edit safely.`, itemHead(item));
    const start = colon.offset + 1;
    const end = nullEnd !== undefined && nullTok && nullTok.offset >= start ? nullEnd : start;
    if (inFlow || !isCollectionValue(value)) {
      const text = inFlow ? this.flow(value) : this.scalarText(value, { flow: false, col: this.keyColumn(item, holderTok) });
      const comment = isBlockScalarText(text) ? sameLineComment(nullTok && 'end' in nullTok ? nullTok.end : undefined) ?? sepComment(item) : undefined;
      // A comment on the key's line would become text of a new block scalar: it moves to the header's line.
      if (comment) return this.splice([[start, comment.offset + comment.source.length, ` ${withLineComment(text, comment.source)}`]], intent);
      return this.splice([[start, end, ` ${text}`]], intent);
    }
    if (keyLineComment(item) || (nullTok && 'end' in nullTok && nullTok.end?.some((t) => t.type === 'comment'))) {
      // `key: # comment`: the comment stays on the key's line, the value follows below.
      const lineEnd = endOfLineAfter(this.textNow, end);
      const breakLen = this.textNow[lineEnd - 2] === '\r' ? 2 : 1;
      return this.splice([[start, end, ''], [lineEnd - breakLen, lineEnd - breakLen, this.afterKey(value, this.keyColumn(item, holderTok))]], intent);
    }
    this.splice([[start, end, this.afterKey(value, this.keyColumn(item, holderTok))]], intent);
  }

  private keyColumn(item: Item, holderTok: CST.Token | undefined): number {
    return holderTok?.type === 'block-map' ? holderTok.indent : this.column(itemHead(item));
  }

  private replaceScalar(path: readonly Seg[], node: Scalar, value: Value): void {
    const tok = node.srcToken as CST.Token | undefined;
    const intent = (data: unknown) => setAt(data, path, value);
    const holder = this.get(path.slice(0, -1)) as YamlNode | undefined;
    const holderTok = holder?.srcToken as CST.Token | undefined;
    const pairItem = this.pairToken(path);
    const col = pairItem ? this.keyColumn(pairItem, holderTok) : tok ? this.column(startOf(tok)) : 0;
    if (tok?.type === 'block-scalar') {
      const header = tok.props.find((t) => t.type === 'block-scalar-header');
      const comment = tok.props.find((t) => t.type === 'comment') as CST.SourceToken | undefined;
      const start = header ? header.offset : tok.offset;
      let end = endOf(tok);
      while (end > start && (this.textNow[end - 1] === '\n' || this.textNow[end - 1] === '\r')) end--;
      return this.splice([[start, end, withLineComment(this.scalarText(value, { flow: false, col }), comment?.source)]], intent);
    }
    if (tok?.type !== 'scalar' && tok?.type !== 'single-quoted-scalar' && tok?.type !== 'double-quoted-scalar') {
      throw new Refusal(`${describe(path)} is written in a way Debrief cannot edit safely.`, nodeStart(node));
    }
    const text = this.scalarText(value, { flow: holderTok?.type === 'flow-collection', col, like: tok.type });
    const comment = sameLineComment(tok.end);
    if (comment && isBlockScalarText(text)) {
      // A comment after the old value would become text of the new block: it moves to the header's line.
      return this.splice([[tok.offset, comment.offset + comment.source.length, withLineComment(text, comment.source)]], intent);
    }
    this.splice([[tok.offset, tok.offset + tok.source.length, text]], intent);
  }

  private pairToken(path: readonly Seg[]): Item | undefined {
    const holder = this.get(path.slice(0, -1));
    if (!isMap(holder)) return undefined;
    return pairOf(holder, String(path[path.length - 1]))?.srcToken as Item | undefined;
  }

  /** Inserts an entry into a flow collection: after its last entry, or inside its brackets when empty. */
  private insertInFlow(tok: CST.FlowCollection, entry: string, intent: (data: unknown) => void): void {
    const items = tok.items.filter((it) => isReal(it, tok));
    const last = items[items.length - 1];
    if (!last) return this.splice([[tok.start.offset + 1, tok.start.offset + 1, entry]], intent);
    const at = itemContentEnd(last);
    this.splice([[at, at, `, ${entry}`]], intent);
  }

  /** Removes an entry of a flow collection with one comma next to it; comments stay. */
  private removeFromFlow(tok: CST.FlowCollection, it: Item, intent: (data: unknown) => void): void {
    const text = this.textNow;
    const start = itemHead(it);
    const end = itemContentEnd(it);
    const comma = it.start.find((t) => t.type === 'comma');
    if (comma) {
      // `, value`: the comma before it goes too, with what is between when that is only spaces.
      const between = text.slice(comma.offset + 1, start);
      return this.splice(between.trim() === '' ? [[comma.offset, end, '']] : [[comma.offset, comma.offset + 1, ''], [start, end, '']], intent);
    }
    const next = tok.items[tok.items.indexOf(it) + 1];
    const nextComma = next?.start.find((t) => t.type === 'comma');
    if (nextComma) {
      let after = nextComma.offset + 1;
      while (text[after] === ' ') after++;
      const between = text.slice(end, nextComma.offset);
      return this.splice(between.trim() === '' ? [[start, after, '']] : [[start, end, ''], [nextComma.offset, after, '']], intent);
    }
    this.splice([[start, end, '']], intent);
  }

  /**
   * A block collection left with no entry: `[]` or `{}` on its key's line (comments between the key and
   * the entries stay where they are), or in place of the entries when the key's line ends in a comment.
   */
  private emptyBlock(path: readonly Seg[], tok: CST.BlockMap | CST.BlockSequence, empty: '[]' | '{}', intent: (data: unknown) => void): void {
    const items = tok.items.filter((it) => isReal(it, tok));
    const first = itemHead(items[0]);
    const contentEndAt = itemContentEnd(items[items.length - 1]);
    // A block scalar's text ends after its line break: that break stays.
    let end = contentEndAt;
    while (end > first && (this.textNow[end - 1] === '\n' || this.textNow[end - 1] === '\r')) end--;
    const pair = this.pairToken(path);
    const colon = pair?.sep?.find((t) => t.type === 'map-value-ind');
    if (!pair || !colon) return this.splice([[first, end, empty]], intent);
    const firstLine = lineStartOf(this.textNow, first);
    if (this.textNow.slice(colon.offset + 1, first).trim() === '') return this.splice([[colon.offset + 1, end, ` ${empty}`]], intent);
    if (!keyLineComment(pair)) return this.splice([[colon.offset + 1, colon.offset + 1, ` ${empty}`], [firstLine, endOfLineAfter(this.textNow, contentEndAt), '']], intent);
    const holderTok = (this.get(path.slice(0, -1)) as YamlNode | undefined)?.srcToken as CST.Token | undefined;
    this.splice([[firstLine, end, ' '.repeat(this.keyColumn(pair, holderTok) + this.style.indent) + empty]], intent);
  }

  /** `key: []` with nothing inside the brackets, under a key of a block mapping. */
  private isBareEmptyFlowUnderKey(path: readonly Seg[], tok: CST.FlowCollection): boolean {
    if (tok.items.length > 0) return false;
    const holder = this.get(path.slice(0, -1)) as YamlNode | undefined;
    const pair = this.pairToken(path);
    return (holder?.srcToken as CST.Token | undefined)?.type === 'block-map' && !!pair && !keyLineComment(pair);
  }

  /** Replaces `key: []` with a block list like the rest of the file; a comment after it stays on the key's line. */
  private replaceBareEmptyFlow(path: readonly Seg[], tok: CST.FlowCollection, value: Value, intent: (data: unknown) => void): void {
    const pair = this.pairToken(path)!;
    const colon = pair.sep!.find((t) => t.type === 'map-value-ind')!;
    const holderTok = (this.get(path.slice(0, -1)) as YamlNode).srcToken as CST.BlockMap;
    const block = this.afterKey(value, holderTok.indent);
    const end = contentEnd(tok);
    if (!tok.end.some((t) => t.type === 'comment')) return this.splice([[colon.offset + 1, end, block]], intent);
    const lineEnd = endOfLineAfter(this.textNow, end);
    const breakAt = lineEnd - (this.textNow[lineEnd - 1] !== '\n' ? 0 : this.textNow[lineEnd - 2] === '\r' ? 2 : 1);
    this.splice([[colon.offset + 1, end, ''], [breakAt, breakAt, block]], intent);
  }

  // ---------- text of new values (with \n line breaks: splice() writes the file's own) ----------

  private column(offset: number): number {
    const p = this.linesNow.position(offset);
    return p.line === 0 && this.textNow.charCodeAt(0) === 0xfeff ? p.character - 1 : p.character;
  }

  private keyText(key: string): string {
    return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
  }

  /** What follows `key:` for a value, for a key at column `col` (a nested block starts on the next line). */
  private afterKey(value: Value, col: number): string {
    if (!isCollectionValue(value) || (Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0)) {
      return ` ${Array.isArray(value) ? '[]' : isPlainObject(value) ? '{}' : this.scalarText(value, { flow: false, col })}`;
    }
    const nested = Array.isArray(value) ? col + (this.style.indentSeq ? this.style.indent : 0) : col + this.style.indent;
    return '\n' + indentLines(this.stringifyBlock(value), nested, true);
  }

  /** The text of a list item after its `- `, continuation lines at column `col`. */
  private blockItem(item: Value, col: number): string {
    if (!isCollectionValue(item)) return this.scalarText(item, { flow: false, col: col - 2 });
    return indentLines(this.stringifyBlock(item), col, false);
  }

  private stringifyBlock(value: Value): string {
    const doc = new Document(value);
    visit(doc, {
      Scalar: (key, node) => {
        if (key !== 'key' && typeof node.value === 'string' && readOtherwiseBy11(node.value)) node.type = this.style.quote === 'QUOTE_SINGLE' ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
      },
    });
    return doc.toString({
      indent: this.style.indent, indentSeq: this.style.indentSeq, lineWidth: 0, defaultKeyType: 'PLAIN',
      defaultStringType: this.style.quote,
    }).replace(/\n$/, '');
  }

  /** A value in flow style (inside `[...]` or `{...}`). */
  private flow(value: Value): string {
    if (!isCollectionValue(value)) return this.scalarText(value, { flow: true, col: 0 });
    if (Array.isArray(value)) return `[${value.map((v) => this.flow(v)).join(', ')}]`;
    const entries = Object.entries(value as Record<string, Value | undefined>).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${this.keyText(k)}: ${this.flow(v as Value)}`).join(', ')} }` : '{}';
  }

  /**
   * A scalar's text: in the quoting of the scalar it replaces when that style can hold it, else in the
   * file's style; a text of several lines as a literal block (in block context) or double-quoted.
   */
  private scalarText(value: Value, o: { flow: boolean; col: number; like?: string }): string {
    if (value === null) return 'null';
    if (typeof value !== 'string') return String(value);
    const multiline = value.includes('\n');
    if (o.like === 'double-quoted-scalar' || (multiline && o.flow)) return JSON.stringify(value);
    if (o.like === 'single-quoted-scalar' && !multiline) return `'${value.replace(/'/g, "''")}'`;
    if (multiline) {
      // A literal block under a key at column `col`: yaml indents its lines one level under the key.
      const block = stringify({ k: value }, { lineWidth: 0, blockQuote: 'literal', indent: this.style.indent }).replace(/\n$/, '').slice('k: '.length);
      return indentLines(block, o.col, false);
    }
    const s = stringify(value, { lineWidth: 0, defaultStringType: o.like === 'scalar' ? 'PLAIN' : this.style.quote }).replace(/\n$/, '');
    if (s.includes('\n') || (o.flow && FLOW_UNSAFE.test(s) && !/^["']/.test(s))) return JSON.stringify(value);
    if (s === value && readOtherwiseBy11(value)) return this.style.quote === 'QUOTE_SINGLE' ? `'${value}'` : JSON.stringify(value);
    return s;
  }
}

// ---------- helpers ----------

function parse(text: string): { doc: Document.Parsed } | { problems: Problem[] } {
  // A file beyond the reading limits is not edited (the parse and the lookups below could take exponential time on it).
  const limits = checkYamlLimits(text);
  if ('breach' in limits) return { problems: [{ file: '', range: new LineIndex(text).range(limits.breach.offset, limits.breach.offset + 1), severity: 'error', code: 'over-limit', message: `${limits.breach.message} Debrief does not edit it until then.` }] };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (e) {
    return { problems: [{ file: '', range: FILE_START, severity: 'error', code: 'yaml-syntax', message: `${String((e as Error).message)}. Fix the YAML before editing.` }] };
  }
  if (doc.errors.length) {
    const lines = new LineIndex(text);
    return {
      problems: doc.errors.map((e) => ({
        file: '', range: lines.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)), severity: 'error' as const,
        code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : e.code === 'TAB_AS_INDENT' ? 'tab-indent' : 'yaml-syntax',
        message: e.message.split('\n')[0] + '. Fix the YAML before editing.',
      })),
    };
  }
  // The reader reports aliases as errors: a file that uses them is not edited either.
  let alias: Range | undefined;
  const lines = new LineIndex(text);
  visit(doc, {
    Alias(_, node) {
      const r = node.range ?? [0, 0, 0];
      alias = lines.range(r[0], Math.max(r[1], r[0] + 1));
      return visit.BREAK;
    },
  });
  if (alias) return { problems: [{ file: '', range: alias, severity: 'error', code: 'alias', message: 'This file uses YAML aliases (*name), which the journal does not support: write the value out in full, then try again.' }] };
  return { doc };
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  for (const p of map.items) if (isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key) return p as Pair;
  return undefined;
}

export function scalarOf(map: YAMLMap, key: string): unknown {
  const v = pairOf(map, key)?.value;
  return isScalar(v) ? v.value : undefined;
}

function isPlainObject(v: unknown): v is Record<string, Value | undefined> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isCollectionValue(v: Value): boolean {
  return v !== null && typeof v === 'object';
}

/** Indents every line but the first (unless `first`) by `col` spaces; empty lines stay empty. */
function indentLines(text: string, col: number, first: boolean): string {
  const pad = ' '.repeat(col);
  return text.split('\n').map((l, i) => ((i === 0 && !first) || l === '' ? l : pad + l)).join('\n');
}

function isNull(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function kindOf(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  return isScalar(node) && typeof node.value === 'string' ? 'text' : 'a value';
}

function describe(path: readonly Seg[]): string {
  return path.length ? path.map((s) => (typeof s === 'number' ? `[${s + 1}]` : s)).join('.').replace(/\.\[/g, '[') : 'The file';
}

function nodeStart(node: unknown): number {
  return (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
}

/**
 * From the start of a line, past the comment lines (and blank lines among them) indented deeper than
 * `col`: they belong to the structure above (a removed item takes them along; an inserted line goes
 * after them, so that a block scalar in it does not take them in as text).
 */
function pastDeeperComments(text: string, at: number, col: number): number {
  for (;;) {
    const nl = text.indexOf('\n', at);
    const next = nl < 0 ? text.length : nl + 1;
    const l = text.slice(at, next).replace(/\r?\n$/, '');
    const indent = l.length - l.trimStart().length;
    const deeperComment = l.trimStart().startsWith('#') && indent > col;
    const blankBeforeDeeperComment = l.trim() === '' && next < text.length && nextIndent(text, next) > col && /^\s*#/.test(text.slice(next).replace(/^(?:[ \t]*\r?\n)*/, ''));
    if (next === at || !(deeperComment || blankBeforeDeeperComment)) return at;
    at = next;
  }
}

/** The indentation of the next line with content from `offset` (a comment counts), -1 at the end. */
function nextIndent(text: string, offset: number): number {
  const m = /^(?:[ \t]*\r?\n)*( *)\S/.exec(text.slice(offset));
  return m ? m[1].length : -1;
}

/** The comment on the same line after a token, among its trailing tokens. */
function sameLineComment(end: CST.SourceToken[] | undefined): CST.SourceToken | undefined {
  for (const t of end ?? []) {
    if (t.type === 'newline') return undefined;
    if (t.type === 'comment') return t;
  }
  return undefined;
}

function isBlockScalarText(text: string): boolean {
  return /^[|>]/.test(text);
}

/** A scalar's new text with a comment kept on its first line (after a block scalar's header). */
function withLineComment(text: string, comment: string | undefined): string {
  if (!comment) return text;
  const nl = text.indexOf('\n');
  return nl < 0 ? `${text} ${comment}` : `${text.slice(0, nl)} ${comment}${text.slice(nl)}`;
}

/** The comment on a pair's key line after its colon, if any. */
function sepComment(item: Item): CST.SourceToken | undefined {
  let afterColon = false;
  for (const t of item.sep ?? []) {
    if (t.type === 'map-value-ind') afterColon = true;
    else if (afterColon && t.type === 'newline') return undefined;
    else if (afterColon && t.type === 'comment') return t;
  }
  return undefined;
}

/** Does a pair's key line end in a comment (`key: # …`)? */
function keyLineComment(item: Item): boolean {
  let afterColon = false;
  for (const t of item.sep ?? []) {
    if (t.type === 'map-value-ind') afterColon = true;
    else if (afterColon && t.type === 'newline') return false;
    else if (afterColon && t.type === 'comment') return true;
  }
  return false;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the line break that ends the line holding `offset` (the text's end when there is none). */
function endOfLineAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function navigate(data: unknown, path: readonly Seg[]): unknown {
  let d = data as Record<string | number, unknown>;
  for (const seg of path) d = d[seg] as Record<string | number, unknown>;
  return d;
}

function setAt(data: unknown, path: readonly Seg[], value: unknown): void {
  let d = data as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) {
    if (d[seg] === null || typeof d[seg] !== 'object') d[seg] = {};
    d = d[seg] as Record<string | number, unknown>;
  }
  const key = path[path.length - 1];
  const old = d[key];
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && old !== null && typeof old === 'object' && !Array.isArray(old)) {
    for (const [k, v] of Object.entries(value)) setAt(old, [k], v);
  } else d[key] = value;
}

/** Equal data, whatever the order of mapping keys. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof Map || b instanceof Map || a instanceof Set || b instanceof Set) return JSON.stringify([...(a as Map<unknown, unknown>)]) === JSON.stringify([...(b as Map<unknown, unknown>)]);
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameData(x, (b as unknown[])[i]));
  const ka = Object.keys(a), kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Opens the text and runs operations on it: the result, a refusal located in the text, or the parse problems. */
export function run(text: string, fn: (ed: Editor) => EditResult | void): EditResult {
  const ed = Editor.open(text);
  if (Array.isArray(ed)) return { ok: false, problems: ed };
  try {
    return fn(ed) ?? ed.result();
  } catch (e) {
    const refusal = ed.refusal(e);
    if (refusal) return refusal;
    return ed.refused(`The file could not be edited here (${(e as Error).message}). Nothing was changed; edit it by hand.`, 0, 'edit-failed');
  }
}
