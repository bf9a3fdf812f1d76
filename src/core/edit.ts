/**
 * Minimal text edits on journal files. Every edit takes the current text (BOM and CRLF allowed)
 * and returns the smallest splices that make the change: comments, key order, blank lines,
 * quoting and line endings elsewhere stay byte for byte identical. Texts with YAML errors are refused.
 */
import { isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, stringify, YAMLMap, YAMLSeq, Document } from 'yaml';
import { joinPath } from './fs';
import {
  CITATION_SOURCES, CitationSource, ID_PATTERN, IMPROVEMENT_STATUSES, ImprovementStatus, isValidDate, OUTCOMES, Outcome, ROUND_TYPES,
  RoundType, STAGES, Stage, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES, WeaknessCategory, WeaknessStatus, todayString,
} from './model';
import { FILE_START, Problem, Range } from './problems';
import { slugify } from './read';
import { eolOf, LineIndex } from './text';

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

type Seg = string | number;
type Value = string | number | boolean | null | Value[] | { [k: string]: Value | undefined };

function fail(code: string, message: string, data?: Record<string, unknown>): EditResult {
  return { ok: false, problems: [{ file: '', range: FILE_START, severity: 'error', code, message, ...(data ? { data } : {}) }] };
}

/** Drops undefined fields so that only given values are written. */
function clean<T extends Record<string, unknown>>(o: T): { [k: string]: Value } {
  const out: { [k: string]: Value } = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v as Value;
  return out;
}

class Editor {
  readonly lines: LineIndex;
  readonly eol: string;
  private readonly spans: { start: number; end: number; text: string }[] = [];

  private constructor(readonly text: string, readonly doc: Document.Parsed) {
    this.lines = new LineIndex(text);
    this.eol = eolOf(text);
  }

  static open(text: string): Editor | Problem[] {
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

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  for (const p of map.items) if (isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key) return p as Pair;
  return undefined;
}

function scalarOf(map: YAMLMap, key: string): unknown {
  const v = pairOf(map, key)?.value;
  return isScalar(v) ? v.value : undefined;
}

function run(text: string, fn: (ed: Editor) => EditResult | void): EditResult {
  const ed = Editor.open(text);
  if (Array.isArray(ed)) return { ok: false, problems: ed };
  try {
    return fn(ed) ?? ed.result();
  } catch (e) {
    return fail('edit-failed', `The file could not be edited here: ${(e as Error).message}. Edit it by hand.`);
  }
}

// ---------- input checks ----------

function checkDate(d: string | undefined, what: string): EditResult | undefined {
  return d === undefined || isValidDate(d) ? undefined : fail('bad-date', `${what} "${d}" is not a valid date; write YYYY-MM-DD.`, { value: d });
}
function checkEnum(v: string | undefined, allowed: readonly string[], what: string): EditResult | undefined {
  return v === undefined || allowed.includes(v) ? undefined : fail('bad-enum', `"${v}" is not a valid ${what}. Use one of: ${allowed.join(', ')}.`, { expected: [...allowed], actual: v });
}
function checkId(id: string, what: string): EditResult | undefined {
  return ID_PATTERN.test(id) ? undefined : fail('bad-id', `"${id}" is not a valid ${what} id: use lowercase letters, digits and dashes.`, { value: id, suggestion: slugify(id) });
}
function firstFailure(...checks: (EditResult | undefined)[]): EditResult | undefined {
  return checks.find((c) => c !== undefined);
}

/** A unique id from a text: its slug, then slug-2, slug-3… avoiding `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  const slug = slugify(base) || 'item';
  if (!set.has(slug)) return slug;
  for (let i = 2; ; i++) if (!set.has(`${slug}-${i}`)) return `${slug}-${i}`;
}

// ---------- interviews ----------

export interface NewInterview {
  company: string;
  role: string;
  id?: string;
  applied?: string;
  source?: string;
  stage?: Stage;
  outcome?: Outcome;
  tags?: string[];
}

/** A new interview file: its id (unique among `existingIds`), path and text. */
export function createInterview(data: NewInterview, options: { journalFolder?: string; existingIds?: Iterable<string>; eol?: '\n' | '\r\n' } = {}):
  { ok: true; id: string; path: string; text: string } | { ok: false; problems: Problem[] } {
  const bad = firstFailure(
    data.company.trim() ? undefined : fail('empty-value', 'The company must not be empty.'),
    data.role.trim() ? undefined : fail('empty-value', 'The role must not be empty.'),
    data.id !== undefined ? checkId(data.id, 'interview') : undefined,
    checkDate(data.applied, 'Applied date'), checkEnum(data.stage, STAGES, 'stage'), checkEnum(data.outcome, OUTCOMES, 'outcome'),
  );
  if (bad && !bad.ok) return bad;
  const taken = new Set(options.existingIds ?? []);
  if (data.id !== undefined && taken.has(data.id)) return { ok: false, problems: [{ file: '', range: FILE_START, severity: 'error', code: 'duplicate-id', message: `An interview with id "${data.id}" already exists.`, data: { id: data.id } }] };
  const id = data.id ?? uniqueId(`${data.company} ${data.role}`, taken);
  const body = stringify(clean({
    id, company: data.company, role: data.role, applied: data.applied, source: data.source, stage: data.stage ?? 'applied', outcome: data.outcome ?? 'pending', tags: data.tags,
  }), { lineWidth: 0 });
  const header = `# ${data.company.replace(/\s+/g, ' ')}: ${data.role.replace(/\s+/g, ' ')}\n# Add rounds, feedback and the weaknesses this application revealed (see the journal format docs).\n`;
  const eol = options.eol ?? '\n';
  return { ok: true, id, path: joinPath(options.journalFolder ?? 'debrief', 'interviews', `${id}.yaml`), text: (header + body).split('\n').join(eol) };
}

export interface NewRound {
  type: RoundType;
  date?: string;
  interviewers?: string[];
  rating?: number;
  questions?: string[];
  wentWell?: string;
  wentBadly?: string;
}

export function addRound(text: string, round: NewRound): EditResult {
  const bad = firstFailure(checkEnum(round.type, ROUND_TYPES, 'round type'), checkDate(round.date, 'Round date'),
    round.rating !== undefined && (!Number.isInteger(round.rating) || round.rating < 1 || round.rating > 5) ? fail('out-of-range', 'The rating must be a whole number from 1 to 5.') : undefined);
  if (bad) return bad;
  return run(text, (ed) => {
    ed.append(['rounds'], clean({ type: round.type, date: round.date, interviewers: round.interviewers, rating: round.rating, questions: round.questions, 'went-well': round.wentWell, 'went-badly': round.wentBadly }));
  });
}

/** Deletes round `roundNumber` (1-based) and renumbers the citations of later rounds; citations of the deleted round lose their `round`. */
export function deleteRound(text: string, roundNumber: number): EditResult {
  return run(text, (ed) => {
    const rounds = ed.list(['rounds']);
    if (!Number.isInteger(roundNumber) || roundNumber < 1 || roundNumber > rounds.length) return fail('round-out-of-range', `There is no round ${roundNumber}.`);
    ed.removeItem(['rounds'], roundNumber - 1);
    ed.list(['weaknesses']).forEach((c, i) => {
      if (!isMap(c)) return;
      const r = scalarOf(c, 'round');
      if (typeof r !== 'number') return;
      if (r === roundNumber) ed.removeKey(['weaknesses', i], 'round');
      else if (r > roundNumber) ed.set(['weaknesses', i, 'round'], r - 1);
    });
    return undefined;
  });
}

export function setOutcome(text: string, outcome: Outcome): EditResult {
  return checkEnum(outcome, OUTCOMES, 'outcome') ?? run(text, (ed) => ed.set(['outcome'], outcome));
}

export function setStage(text: string, stage: Stage): EditResult {
  return checkEnum(stage, STAGES, 'stage') ?? run(text, (ed) => ed.set(['stage'], stage));
}

export function recordFeedbackRequested(text: string, date: string = todayString()): EditResult {
  return checkDate(date, 'Request date') ?? run(text, (ed) => ed.set(['feedback'], { requested: date }));
}

export function recordFeedbackReceived(text: string, fb: { received?: string; summary?: string; quotes?: string[] }): EditResult {
  const received = fb.received ?? todayString();
  return checkDate(received, 'Reception date') ?? run(text, (ed) => {
    // One set() per key: the editor splices against the original text, so two sets creating the same
    // missing map would write it twice.
    const existing = ed.get(['feedback', 'quotes']);
    if (isSeq(existing)) {
      ed.set(['feedback'], clean({ received, summary: fb.summary }));
      for (const q of fb.quotes ?? []) ed.append(['feedback', 'quotes'], q);
    } else {
      ed.set(['feedback'], clean({ received, summary: fb.summary, quotes: fb.quotes }));
    }
  });
}

export interface NewCitation {
  weakness: string;
  round?: number;
  source?: CitationSource;
  quote?: string;
}

export function citeWeakness(text: string, c: NewCitation): EditResult {
  const bad = firstFailure(checkId(c.weakness, 'weakness'), checkEnum(c.source, CITATION_SOURCES, 'source'),
    c.round !== undefined && (!Number.isInteger(c.round) || c.round < 1) ? fail('out-of-range', 'The round must be a whole number from 1.') : undefined);
  if (bad) return bad;
  return run(text, (ed) => {
    if (c.round !== undefined && c.round > ed.list(['rounds']).length) return fail('round-out-of-range', `There is no round ${c.round} in this interview.`, { round: c.round });
    ed.append(['weaknesses'], clean({ weakness: c.weakness, round: c.round, source: c.source, quote: c.quote }));
    return undefined;
  });
}

/** Removes a citation, by its 0-based index or the first citing the weakness id. */
export function unciteWeakness(text: string, which: number | string): EditResult {
  return run(text, (ed) => {
    const i = typeof which === 'number' ? which : ed.indexWhere(['weaknesses'], 'weakness', which);
    if (i < 0 || i >= ed.list(['weaknesses']).length) return fail('unknown-weakness', `This interview does not cite ${typeof which === 'number' ? `#${which + 1}` : `"${which}"`}.`);
    ed.removeItem(['weaknesses'], i);
    return undefined;
  });
}

export function setNext(text: string, next: { action?: string; due?: string }): EditResult {
  return checkDate(next.due, 'Due date') ?? run(text, (ed) => ed.set(['next'], clean(next)));
}

// ---------- weaknesses.yaml ----------

export interface NewWeakness {
  title: string;
  id?: string;
  category?: WeaknessCategory;
  status?: WeaknessStatus;
  description?: string;
}

function weaknessIndex(ed: Editor, id: string): number {
  return ed.indexWhere(['weaknesses'], 'id', id);
}

function noWeakness(id: string): EditResult {
  return fail('unknown-weakness', `There is no weakness "${id}" in weaknesses.yaml.`, { weakness: id });
}

export function addWeakness(text: string, w: NewWeakness): EditResult {
  const bad = firstFailure(w.title.trim() ? undefined : fail('empty-value', 'The title must not be empty.'), w.id !== undefined ? checkId(w.id, 'weakness') : undefined,
    checkEnum(w.category, WEAKNESS_CATEGORIES, 'category'), checkEnum(w.status, WEAKNESS_STATUSES, 'status'));
  if (bad) return bad;
  return run(text, (ed) => {
    const ids = ed.list(['weaknesses']).map((it) => (isMap(it) ? String(scalarOf(it, 'id')) : ''));
    if (w.id !== undefined && ids.includes(w.id)) return fail('duplicate-id', `A weakness with id "${w.id}" already exists.`, { id: w.id });
    const id = w.id ?? uniqueId(w.title, ids);
    ed.append(['weaknesses'], clean({ id, title: w.title, category: w.category, status: w.status ?? 'suspected', description: w.description }));
    return ed.result({ id });
  });
}

export function setWeaknessStatus(text: string, weaknessId: string, status: WeaknessStatus): EditResult {
  return checkEnum(status, WEAKNESS_STATUSES, 'status') ?? run(text, (ed) => {
    const i = weaknessIndex(ed, weaknessId);
    if (i < 0) return noWeakness(weaknessId);
    ed.set(['weaknesses', i, 'status'], status);
    return undefined;
  });
}

export function deleteWeakness(text: string, weaknessId: string): EditResult {
  return run(text, (ed) => {
    const i = weaknessIndex(ed, weaknessId);
    if (i < 0) return noWeakness(weaknessId);
    ed.removeItem(['weaknesses'], i);
    return undefined;
  });
}

export interface NewImprovement {
  action: string;
  id?: string;
  status?: ImprovementStatus;
  due?: string;
  doneWhen?: string;
  notes?: string[];
}

export function addImprovement(text: string, weaknessId: string, item: NewImprovement): EditResult {
  const bad = firstFailure(item.action.trim() ? undefined : fail('empty-value', 'The action must not be empty.'), item.id !== undefined ? checkId(item.id, 'improvement') : undefined,
    checkEnum(item.status, IMPROVEMENT_STATUSES, 'status'), checkDate(item.due, 'Due date'));
  if (bad) return bad;
  return run(text, (ed) => {
    const i = weaknessIndex(ed, weaknessId);
    if (i < 0) return noWeakness(weaknessId);
    const ids = ed.list(['weaknesses', i, 'improvements']).map((it) => (isMap(it) ? String(scalarOf(it, 'id')) : ''));
    if (item.id !== undefined && ids.includes(item.id)) return fail('duplicate-id', `Weakness "${weaknessId}" already has an item "${item.id}".`, { id: item.id });
    const id = item.id ?? uniqueId(item.action.split(/\s+/).slice(0, 5).join(' '), ids);
    ed.append(['weaknesses', i, 'improvements'], clean({ id, action: item.action, status: item.status ?? 'todo', due: item.due, 'done-when': item.doneWhen, notes: item.notes }));
    return ed.result({ id });
  });
}

function withItem(text: string, weaknessId: string, itemId: string, fn: (ed: Editor, path: Seg[]) => EditResult | void): EditResult {
  return run(text, (ed) => {
    const i = weaknessIndex(ed, weaknessId);
    if (i < 0) return noWeakness(weaknessId);
    const j = ed.indexWhere(['weaknesses', i, 'improvements'], 'id', itemId);
    if (j < 0) return fail('unknown-improvement', `Weakness "${weaknessId}" has no improvement item "${itemId}".`, { weakness: weaknessId, item: itemId });
    return fn(ed, ['weaknesses', i, 'improvements', j]);
  });
}

/** Sets an item's status; becoming done records `done: today` (unless already set), leaving done removes the done date. */
export function setImprovementStatus(text: string, weaknessId: string, itemId: string, status: ImprovementStatus, today: string = todayString()): EditResult {
  return firstFailure(checkEnum(status, IMPROVEMENT_STATUSES, 'status'), checkDate(today, 'Date')) ?? withItem(text, weaknessId, itemId, (ed, path) => {
    const item = ed.get(path) as YAMLMap;
    const hasDone = pairOf(item, 'done') !== undefined;
    if (status === 'done') ed.set(path, hasDone ? { status } : { status, done: today });
    else {
      ed.set([...path, 'status'], status);
      if (hasDone) ed.removeKey(path, 'done');
    }
  });
}

export function setImprovementDue(text: string, weaknessId: string, itemId: string, due: string): EditResult {
  return checkDate(due, 'Due date') ?? withItem(text, weaknessId, itemId, (ed, path) => ed.set([...path, 'due'], due));
}

export function deleteImprovement(text: string, weaknessId: string, itemId: string): EditResult {
  return withItem(text, weaknessId, itemId, (ed, path) => ed.removeItem(path.slice(0, -1), path[path.length - 1] as number));
}

export function linkNote(text: string, weaknessId: string, itemId: string, notePath: string): EditResult {
  if (!notePath.trim()) return fail('empty-value', 'The note path must not be empty.');
  return withItem(text, weaknessId, itemId, (ed, path) => {
    const notes = ed.list([...path, 'notes']);
    if (notes.some((n) => isScalar(n) && n.value === notePath)) return ed.result();
    ed.append([...path, 'notes'], notePath);
    return undefined;
  });
}

export function unlinkNote(text: string, weaknessId: string, itemId: string, notePath: string): EditResult {
  return withItem(text, weaknessId, itemId, (ed, path) => {
    const k = ed.list([...path, 'notes']).findIndex((n) => isScalar(n) && n.value === notePath);
    if (k < 0) return fail('missing-note', `Item "${itemId}" does not link "${notePath}".`, { note: notePath });
    ed.removeItem([...path, 'notes'], k);
    return undefined;
  });
}

/**
 * Renames a weakness id in weaknesses.yaml and in every interview citing it.
 * `files` maps paths to texts: the weaknesses file (the path ending in weaknesses.yaml) and the interviews to update.
 */
export function renameWeakness(files: ReadonlyMap<string, string> | Iterable<[string, string]>, oldId: string, newId: string):
  { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; problems: Problem[] } {
  const bad = checkId(newId, 'weakness');
  if (bad && !bad.ok) return bad;
  const edits = new Map<string, TextEdit[]>();
  let defined = false;
  for (const [path, text] of files) {
    const isWeaknesses = /(^|\/)weaknesses\.ya?ml$/.test(path);
    const r = run(text, (ed) => {
      if (isWeaknesses) {
        if (weaknessIndex(ed, newId) >= 0) return fail('duplicate-id', `A weakness with id "${newId}" already exists.`, { id: newId });
        const i = weaknessIndex(ed, oldId);
        if (i >= 0) {
          defined = true;
          ed.set(['weaknesses', i, 'id'], newId);
        }
      } else {
        ed.list(['weaknesses']).forEach((c, i) => {
          if (isMap(c) && scalarOf(c, 'weakness') === oldId) ed.set(['weaknesses', i, 'weakness'], newId);
        });
      }
      return undefined;
    });
    if (!r.ok) return { ok: false, problems: r.problems.map((p) => ({ ...p, file: path })) };
    if (r.edits.length) edits.set(path, r.edits);
  }
  if (!defined) return { ok: false, problems: [{ file: '', range: FILE_START, severity: 'error', code: 'unknown-weakness', message: `There is no weakness "${oldId}" to rename.`, data: { weakness: oldId } }] };
  return { ok: true, edits };
}

/** The text of a new, commented weaknesses.yaml that explains the format. */
export function initialJournal(): string {
  return `# Debrief: the weaknesses your interviews revealed, and your plan for each.
#
# Each weakness has a stable id that interview files cite, e.g. in interviews/acme-backend.yaml:
#
#   weaknesses:
#     - weakness: thinking-aloud
#       round: 2            # 1 = the first entry of "rounds"
#       source: interviewer # or: self
#       quote: "We did not know what you were thinking."
#
# Where and when a weakness surfaced, how often, and whether it came back after you worked on it
# are computed from the interviews: never write them here.
#
# category: communication | technical | problem-solving | system-design | behavioral | domain
# status:   suspected | confirmed | improving | resolved
# improvements[].status: todo | doing | done | dropped  ("done" is the date you finished)
# improvements[].notes: workspace-relative paths of Markdown study notes
# Dates are written YYYY-MM-DD.

weaknesses:
  - id: thinking-aloud
    title: Going silent while solving
    category: communication
    status: suspected
    description: I stop talking while I think, and the interviewer loses track of my approach.
    improvements:
      - id: narrate-mock
        action: Do three mock interviews narrating every step out loud
        status: todo
        done-when: Three mocks in a row without a silence over 30 seconds
`;
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
