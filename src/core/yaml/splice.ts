/**
 * The YAML splice engine: finds nodes of a parsed document and turns "set this key", "append this
 * item", "remove that one" into the smallest text splices, so that comments, key order, blank lines,
 * quoting and line endings elsewhere stay byte for byte identical. Texts with YAML errors are refused.
 */
import { isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, stringify, YAMLMap, YAMLSeq, Document } from 'yaml';
import { checkYamlLimits } from '../limits';
import { FILE_START, Problem } from '../problems';
import { eolOf, LineIndex } from '../text/lines';
import type { EditResult } from './text-edits';

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

export class Editor {
  readonly lines: LineIndex;
  readonly eol: string;
  private readonly spans: { start: number; end: number; text: string }[] = [];

  private constructor(readonly text: string, readonly doc: Document.Parsed) {
    this.lines = new LineIndex(text);
    this.eol = eolOf(text);
  }

  static open(text: string): Editor | Problem[] {
    // A file beyond the reading limits is not edited (the parse and the lookups below could take exponential time on it).
    const limits = checkYamlLimits(text);
    if ('breach' in limits) return [{ file: '', range: new LineIndex(text).range(limits.breach.offset, limits.breach.offset + 1), severity: 'error', code: 'over-limit', message: `${limits.breach.message} Debrief does not edit it until then.` }];
    let doc: Document.Parsed;
    try {
      doc = parseDocument(text, { keepSourceTokens: true, prettyErrors: false });
    } catch (e) {
      return [{ file: '', range: FILE_START, severity: 'error', code: 'yaml-syntax', message: String((e as Error).message) }];
    }
    if (doc.errors.length) {
      const lines = new LineIndex(text);
      return doc.errors.map((e) => ({
        file: '', range: lines.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)), severity: 'error' as const,
        code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : e.code === 'TAB_AS_INDENT' ? 'tab-indent' : 'yaml-syntax',
        message: e.message.split('\n')[0] + '. Fix the YAML before editing.',
      }));
    }
    const ed = new Editor(text, doc);
    if (doc.contents != null && !isMap(doc.contents) && !(isScalar(doc.contents) && doc.contents.value == null)) {
      return [{ file: '', range: FILE_START, severity: 'error', code: 'not-a-map', message: 'The file is not a mapping of keys; fix it before editing.' }];
    }
    return ed;
  }

  get root(): YAMLMap | undefined {
    return isMap(this.doc.contents) ? this.doc.contents : undefined;
  }

  splice(start: number, end: number, text: string): void {
    this.spans.push({ start, end, text });
  }

  result(extra?: { id?: string }): EditResult {
    const spans = [...this.spans].sort((a, b) => a.start - b.start || a.end - b.end);
    const merged: { start: number; end: number; text: string }[] = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && last.start === s.start && last.end === s.end && s.start === s.end) last.text += s.text;
      else if (last && s.start < last.end) throw new Error('Editor: overlapping edits');
      else merged.push({ ...s });
    }
    return { ok: true, edits: merged.map((s) => ({ range: { start: this.lines.position(s.start), end: this.lines.position(s.end) }, newText: s.text })), ...(extra ?? {}) };
  }

  // ---------- navigation ----------

  get(path: readonly Seg[]): unknown {
    let node: unknown = this.doc.contents;
    for (const seg of path) {
      if (isMap(node)) node = pairOf(node, String(seg))?.value;
      else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
      else return undefined;
    }
    return node;
  }

  /** Indentation column of an offset (a BOM does not count). */
  column(offset: number): number {
    const p = this.lines.position(offset);
    return p.line === 0 && this.text.charCodeAt(0) === 0xfeff ? p.character - 1 : p.character;
  }

  /** End of the line holding the last content character before `offset` (before its line break). */
  lineEndAfter(offset: number): number {
    let o = offset;
    while (o > 0 && /\s/.test(this.text[o - 1])) o--;
    const nl = this.text.indexOf('\n', o);
    if (nl < 0) return this.text.length;
    return nl > 0 && this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  /** Offset just after the line break ending the line at `lineEnd` (or the text end). */
  afterBreak(lineEnd: number): number {
    if (this.text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
    if (this.text[lineEnd] === '\n') return lineEnd + 1;
    return lineEnd;
  }

  lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  indent(text: string, by: number, firstToo: boolean): string {
    const pad = ' '.repeat(by);
    return text.split('\n').map((l, i) => (i === 0 && !firstToo) || l === '' ? l : pad + l).join(this.eol);
  }

  /** Text that follows `key:` for a value, indented for a key at column `col`. */
  valueText(key: string, value: Value, col: number, like?: Scalar): string {
    const opts: Record<string, unknown> = { lineWidth: 0, indent: 2 };
    if (like && (like.type === 'QUOTE_DOUBLE' || like.type === 'QUOTE_SINGLE') && typeof value === 'string' && !value.includes('\n')) opts.defaultStringType = like.type;
    const s = stringify({ [key]: value }, opts).replace(/\n$/, '');
    const colon = s.indexOf(':', s.startsWith('"') || s.startsWith("'") ? s.indexOf(s[0], 1) : 0);
    return this.indent(s.slice(colon + 1), col, false);
  }

  itemText(item: Value, col: number): string {
    const s = stringify([item], { lineWidth: 0, indent: 2 }).replace(/\n$/, '');
    return this.indent(s, col, true);
  }

  // ---------- operations ----------

  /** Sets `path` to `value`; objects are merged key by key into existing maps; missing maps are created. */
  set(path: readonly Seg[], value: Value): void {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    const target = this.get(path);
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && isMap(target) && !target.flow && target.items.length) {
      for (const [k, v] of Object.entries(value)) if (v !== undefined) this.set([...path, k], v);
      return;
    }
    const parent = this.get(parentPath);
    if (typeof key === 'number') {
      if (!isSeq(parent) || !parent.items[key]) throw new Error(`no item ${key}`);
      const item = parent.items[key] as { range?: [number, number, number] };
      if (isScalar(item) && (typeof value !== 'object' || value === null)) {
        const r = item.range as [number, number, number];
        const t = stringify(value, { lineWidth: 0, ...(item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? { defaultStringType: item.type } : {}) }).replace(/\n$/, '');
        this.splice(r[0], r[1], t);
        return;
      }
      throw new Error('replacing collection items is not supported');
    }
    if (isScalar(parent) && parent.value == null && parentPath.length > 0) {
      // `feedback:` with no value: write the nested map in place.
      this.set(parentPath, { [key]: value });
      return;
    }
    if (!isMap(parent)) {
      if (parentPath.length === 0 && this.doc.contents == null) {
        this.splice(this.text.length, this.text.length, (this.text.length && !this.text.endsWith('\n') ? this.eol : '') + `${key}:${this.valueText(key, value, 0)}${this.eol}`);
        return;
      }
      if (parent === undefined && parentPath.length > 0) {
        const obj: { [k: string]: Value } = { [key]: value };
        this.set(parentPath, obj);
        return;
      }
      throw new Error(`cannot set ${path.join('.')}: parent is not a mapping`);
    }
    const pair = pairOf(parent, key);
    if (!pair) {
      this.addKey(parent, key, value);
      return;
    }
    this.replaceValue(pair, key, value);
  }

  /** Replaces the value of a pair, keeping the key and any comment after the value. */
  replaceValue(pair: Pair, key: string, value: Value): void {
    const keyNode = pair.key as Scalar;
    const keyRange = keyNode.range as [number, number, number];
    const colon = this.text.indexOf(':', keyRange[1]);
    const col = this.column(keyRange[0]);
    const v = pair.value as Scalar | YAMLMap | YAMLSeq | null;
    const isNull = v == null || (isScalar(v) && v.value == null && (v.source === '' || v.source === undefined));
    const inline = typeof value !== 'object' || value === null || (Array.isArray(value) && value.length === 0) ||
      (isSeq(v) && v.flow && Array.isArray(value) && value.every((x) => typeof x !== 'object' || x === null));
    if (isNull) {
      const t = this.valueText(key, value, col);
      if (inline || t.startsWith(' ')) this.splice(colon + 1, colon + 1, t);
      else this.splice(this.lineEndAfter(colon + 1), this.lineEndAfter(colon + 1), t);
      return;
    }
    const r = (v as { range: [number, number, number] }).range;
    let end = r[1];
    while (end > r[0] && /\s/.test(this.text[end - 1])) end--;
    if (isSeq(v) && v.flow && Array.isArray(value) && inline) {
      this.splice(r[0], end, stringify(value, { lineWidth: 0, collectionStyle: 'flow' }).replace(/\n$/, ''));
      return;
    }
    if (isScalar(v) && (typeof value !== 'object' || value === null)) {
      const t = this.valueText(key, value, col, v);
      if (!t.includes('\n') && !(v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED')) {
        this.splice(r[0], end, t.replace(/^ /, ''));
        return;
      }
    }
    this.splice(colon + 1, end, this.valueText(key, value, col));
  }

  addKey(map: YAMLMap, key: string, value: Value): void {
    if (map.flow || map.items.length === 0) {
      // Rewrite a flow or empty map as a block map holding the old keys and the new one.
      const parentPair = this.pairHolding(map);
      const merged = { ...(map.toJSON() as Record<string, Value>), [key]: value };
      if (parentPair) this.replaceValue(parentPair, String((parentPair.key as Scalar).value), merged);
      else {
        const r = map.range as [number, number, number];
        this.splice(r[0], r[1], stringify(merged, { lineWidth: 0 }).replace(/\n$/, '').split('\n').join(this.eol));
      }
      return;
    }
    const first = map.items[0].key as Scalar;
    const col = this.column((first.range as [number, number, number])[0]);
    const last = map.items[map.items.length - 1];
    const lastEnd = ((last.value as Scalar | null)?.range ?? (last.key as Scalar).range) as [number, number, number];
    const at = this.lineEndAfter(Math.max(lastEnd[1], (last.key as Scalar).range?.[1] ?? 0));
    this.splice(at, at, this.eol + ' '.repeat(col) + key + ':' + this.valueText(key, value, col));
  }

  pairHolding(node: unknown): Pair | undefined {
    let found: Pair | undefined;
    const visit = (n: unknown): void => {
      if (found) return;
      if (isMap(n)) for (const p of n.items) {
        if (p.value === node) found = p;
        else visit(p.value);
      } else if (isSeq(n)) for (const i of n.items) visit(i);
    };
    visit(this.doc.contents);
    return found;
  }

  /** Appends an item to the list at `path`, creating the list if missing. */
  append(path: readonly Seg[], item: Value): void {
    const seq = this.get(path);
    if (!isSeq(seq)) {
      if (seq != null && !(isScalar(seq) && seq.value == null)) throw new Error(`${path.join('.')} is not a list`);
      this.set(path, [item]);
      return;
    }
    if (seq.flow || seq.items.length === 0) {
      const pair = this.pairHolding(seq);
      if (!pair) throw new Error('flow list without key');
      const old = seq.toJSON() as Value[];
      this.replaceValue(pair, String((pair.key as Scalar).value), [...old, item]);
      return;
    }
    const col = this.column((seq.range as [number, number, number])[0]);
    const lastItem = seq.items[seq.items.length - 1] as { range?: [number, number, number] } | null;
    const end = lastItem?.range ? lastItem.range[1] : (seq.range as [number, number, number])[1];
    const at = this.lineEndAfter(end);
    this.splice(at, at, this.eol + this.itemText(item, col));
  }

  /** Removes item `index` of the list at `path` (whole lines; an emptied list becomes []). */
  removeItem(path: readonly Seg[], index: number): void {
    const seq = this.get(path);
    if (!isSeq(seq) || !seq.items[index]) throw new Error('no such item');
    if (seq.flow || seq.items.length === 1) {
      const pair = this.pairHolding(seq);
      if (!pair) throw new Error('list without key');
      const rest = (seq.toJSON() as Value[]).filter((_, i) => i !== index);
      this.replaceValue(pair, String((pair.key as Scalar).value), rest);
      return;
    }
    const tokens = (seq.srcToken as unknown as { items: { start: { type: string; offset: number }[] }[] } | undefined)?.items;
    const dash = tokens?.[index]?.start.find((t) => t.type === 'seq-item-ind')?.offset;
    const item = seq.items[index] as { range?: [number, number, number] } | null;
    if (dash === undefined || !item?.range) throw new Error('cannot locate item');
    const start = this.lineStartOf(dash);
    const end = this.afterBreak(this.lineEndAfter(item.range[1]));
    this.splice(start, end, '');
  }

  /** Removes `key` from the map at `path`. */
  removeKey(path: readonly Seg[], key: string): void {
    const map = this.get(path);
    if (!isMap(map)) return;
    const pair = pairOf(map, key);
    if (!pair) return;
    if (map.flow || map.items.length === 1) {
      const holder = this.pairHolding(map);
      const rest = Object.fromEntries(Object.entries(map.toJSON() as Record<string, Value>).filter(([k]) => k !== key));
      if (holder) {
        this.replaceValue(holder, String((holder.key as Scalar).value), Object.keys(rest).length ? rest : ({} as Value));
        return;
      }
    }
    const kr = (pair.key as Scalar).range as [number, number, number];
    const vEnd = ((pair.value as Scalar | null)?.range ?? kr)[1];
    const lineStart = this.lineStartOf(kr[0]);
    const before = this.text.slice(lineStart, kr[0]);
    const idx = map.items.indexOf(pair);
    if (before.trim() !== '') {
      // `- key: v` on the item's first line: pull the next key up.
      const next = map.items[idx + 1];
      if (!next) throw new Error('cannot remove the only key of an item');
      this.splice(kr[0], ((next.key as Scalar).range as [number, number, number])[0], '');
      return;
    }
    this.splice(lineStart, this.afterBreak(this.lineEndAfter(Math.max(vEnd, kr[1]))), '');
  }

  // ---------- journal lookups ----------

  list(path: readonly Seg[]): unknown[] {
    const s = this.get(path);
    return isSeq(s) ? s.items : [];
  }

  indexWhere(path: readonly Seg[], key: string, value: string): number {
    return this.list(path).findIndex((it) => isMap(it) && scalarOf(it, key) === value);
  }
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  for (const p of map.items) if (isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key) return p as Pair;
  return undefined;
}

export function scalarOf(map: YAMLMap, key: string): unknown {
  const v = pairOf(map, key)?.value;
  return isScalar(v) ? v.value : undefined;
}

export function run(text: string, fn: (ed: Editor) => EditResult | void): EditResult {
  const ed = Editor.open(text);
  if (Array.isArray(ed)) return { ok: false, problems: ed };
  try {
    return fn(ed) ?? ed.result();
  } catch (e) {
    return fail('edit-failed', `The file could not be edited here: ${(e as Error).message}. Edit it by hand.`);
  }
}
