/**
 * Reading one journal file: bytes or text → typed record + problems. Never throws.
 * YAML is parsed with `yaml` (1.2 core schema: unquoted dates stay strings), the plain data is
 * validated with the JSON Schemas through ajv, and every error is mapped back to a source range.
 */
import type { ErrorObject } from 'ajv';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Node as YamlNode, YAMLMap, YAMLSeq, Scalar } from 'yaml';
import { basename, normalizeRelative } from './fs';
import {
  CITATION_SOURCES, Feedback, ID_PATTERN, IMPROVEMENT_STATUSES, ImprovementItem, Interview, NextStep, NoteLink, OUTCOMES,
  Round, ROUND_TYPES, STAGES, Weakness, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES, WeaknessCitation, WeaknessesFile, isValidDate,
} from './model';
import { FILE_START, Problem, Range, Severity } from './problems';
import { SchemaKind, validateAgainstSchema } from './schema';
import { didYouMean, LineIndex } from './text';

/** Files larger than this are reported and not read. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface ReadResult<T> {
  value?: T;
  problems: Problem[];
}

export interface DecodeResult {
  text?: string;
  problems: Problem[];
}

/** Decodes UTF-8 (BOM accepted and dropped); reports invalid bytes with their position and oversize input. */
export function decodeText(file: string, input: string | Uint8Array): DecodeResult {
  const problems: Problem[] = [];
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_FILE_BYTES) {
    problems.push({
      file, range: FILE_START, severity: 'error', code: 'too-large',
      message: `The file is ${(size / 1048576).toFixed(1)} MB; journal files are read up to ${MAX_FILE_BYTES / 1048576} MB. Split it or move large content into a Markdown note.`,
      data: { size, limit: MAX_FILE_BYTES },
    });
    return { problems };
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      const bad = firstInvalidUtf8(input);
      const prefix = new TextDecoder('utf-8').decode(input.subarray(0, bad));
      const pos = new LineIndex(prefix.charCodeAt(0) === 0xfeff ? prefix.slice(1) : prefix).position(Infinity);
      problems.push({
        file, range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, severity: 'error', code: 'encoding',
        message: `Invalid UTF-8 byte 0x${input[bad].toString(16).padStart(2, '0')} at byte ${bad}. Save the file as UTF-8.`,
        data: { byteOffset: bad },
      });
      text = new TextDecoder('utf-8').decode(input);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, problems };
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1];
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain } | undefined;

/** Parsed YAML plus the side tables the record builders and error mapping need. */
interface Parsed {
  file: string;
  lines: LineIndex;
  root: YAMLMap;
  data: Record<string, Plain>;
  nodes: WeakMap<object, YAMLMap | YAMLSeq>;
  problems: Problem[];
  s: Strings;
}

function problem(p: Parsed | { file: string }, range: Range, severity: Severity, code: string, message: string, data?: Record<string, unknown>): Problem {
  return data ? { file: p.file, range, severity, code, message, data } : { file: p.file, range, severity, code, message };
}

const YAML_CODES: Record<string, string> = { DUPLICATE_KEY: 'duplicate-key', TAB_AS_INDENT: 'tab-indent', BAD_ALIAS: 'alias' };

function parseFile(file: string, input: string | Uint8Array, kind: SchemaKind, options: ReadOptions): { parsed?: Parsed; problems: Problem[] } {
  const decoded = decodeText(file, input);
  const problems = decoded.problems;
  if (decoded.text === undefined) return { problems };
  const text = decoded.text;
  const lines = new LineIndex(text);
  if (text.trim() === '' || /^(\s*(#.*)?(\r?\n|$))*$/.test(text)) {
    problems.push(problem({ file }, FILE_START, 'warning', 'empty-file',
      kind === 'interview'
        ? 'The file is empty. Add at least id, company and role, e.g. "id: acme-backend", "company: Acme", "role: Backend Engineer".'
        : 'The file is empty. Start it with "weaknesses:" followed by a list of weaknesses, or run "Debrief: Initialize Journal".'));
    return { problems };
  }
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    problems.push(problem({ file }, FILE_START, 'error', 'yaml-syntax', `The YAML parser failed: ${(e as Error).message}`));
    return { problems };
  }
  for (const err of doc.errors) {
    const code = YAML_CODES[err.code] ?? 'yaml-syntax';
    const msg = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const fix = code === 'duplicate-key' ? ' Remove or rename one of the two entries.'
      : code === 'tab-indent' ? ' Indent with spaces instead of tabs.'
        : ' Fix the YAML syntax here.';
    problems.push(problem({ file }, lines.range(err.pos[0], Math.max(err.pos[1], err.pos[0] + 1)), 'error', code, msg + '.' + fix));
  }
  for (const w of doc.warnings) {
    problems.push(problem({ file }, lines.range(w.pos[0], Math.max(w.pos[1], w.pos[0] + 1)), 'warning', 'yaml-syntax', w.message.split('\n')[0]));
  }
  const root = doc.contents;
  if (root == null || (isScalar(root) && root.value == null)) {
    problems.push(problem({ file }, FILE_START, 'warning', 'empty-file', 'The file holds no data. Add the keys of the format (see docs/journal-format.md).'));
    return { problems };
  }
  if (!isMap(root)) {
    const r = root as YamlNode;
    problems.push(problem({ file }, lines.range(r.range?.[0] ?? 0, r.range?.[1] ?? 0), 'error', 'not-a-map',
      kind === 'interview' ? 'An interview file must be a mapping of keys such as "id:", "company:" and "role:".' : 'weaknesses.yaml must be a mapping with a "weaknesses:" list.'));
    return { problems };
  }
  const parsed: Parsed = { file, lines, root, data: {}, nodes: new WeakMap(), problems, s: new Strings(options.strings) };
  parsed.data = toPlain(parsed, root) as Record<string, Plain>;
  return { parsed, problems };
}

function toPlain(p: Parsed, node: unknown): Plain {
  if (node == null) return null;
  if (isScalar(node)) {
    if (node.anchor) anchorProblem(p, node);
    const v = node.value;
    return typeof v === 'bigint' ? Number(v) : (v as Plain);
  }
  if (isMap(node)) {
    if (node.anchor) anchorProblem(p, node);
    const obj: Record<string, Plain> = {};
    p.nodes.set(obj, node);
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const v = toPlain(p, pair.value);
      if (k === '__proto__') Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
      else obj[k] = v;
    }
    return obj;
  }
  if (isSeq(node)) {
    if (node.anchor) anchorProblem(p, node);
    const arr: Plain[] = [];
    p.nodes.set(arr, node);
    for (const item of node.items) arr.push(toPlain(p, item));
    return arr;
  }
  if (isAlias(node)) {
    const r = node.range ?? [0, 0, 0];
    p.problems.push(problem(p, p.lines.range(r[0], r[1]), 'error', 'alias', `Aliases (*${node.source}) are not supported in the journal: write the value out in full.`));
    return undefined;
  }
  return undefined;
}

function anchorProblem(p: Parsed, node: { anchor?: string; range?: [number, number, number] | null }): void {
  const start = node.range?.[0] ?? 0;
  const at = p.lines.text.lastIndexOf('&' + (node.anchor ?? ''), start);
  const from = at >= 0 ? at : start;
  p.problems.push(problem(p, p.lines.range(from, from + 1 + (node.anchor?.length ?? 0)), 'warning', 'alias',
    `Anchor &${node.anchor} is not supported in the journal; remove it and write values out in full.`));
}

// ---------- ajv errors → problems ----------

function pairIn(map: YAMLMap, key: string) {
  for (const pair of map.items) if (isPair(pair) && (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)) === key) return pair;
  return undefined;
}

function nodeRange(p: Parsed, node: unknown): Range | undefined {
  const r = (node as { range?: [number, number, number] | null } | null)?.range;
  return r ? p.lines.range(r[0], r[1]) : undefined;
}

/** The node at an ajv instancePath, and the key node that names it. */
function locate(p: Parsed, instancePath: string): { node: unknown; key?: unknown; parentKey?: unknown } {
  let node: unknown = p.root;
  let key: unknown;
  let parentKey: unknown;
  for (const raw of instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = pairIn(node, seg);
      parentKey = key;
      key = pair?.key;
      node = pair?.value;
    } else if (isSeq(node)) {
      parentKey = key;
      node = node.items[+seg];
      key = node;
    } else break;
  }
  return { node, key, parentKey };
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  return typeof v === 'boolean' ? 'true/false' : typeof v;
}

const TYPE_WORDS: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'a mapping', boolean: 'true or false' };

function where(path: string): string {
  const segs = path.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? `[${+s + 1}]` : s));
  return segs.join('.').replace(/\.\[/g, '[') || 'the file';
}

function mapAjvError(p: Parsed, e: ErrorObject): Problem | undefined {
  const loc = locate(p, e.instancePath);
  const field = e.instancePath.split('/').pop() ?? '';
  const title = ((e.parentSchema as Record<string, unknown> | undefined)?.title as string | undefined) ?? field;
  const valueRange = nodeRange(p, loc.node) ?? nodeRange(p, loc.key) ?? FILE_START;
  const at = where(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const map = loc.node as YAMLMap;
      const pair = isMap(map) ? pairIn(map, name) : undefined;
      const allowed = Object.keys(((e.parentSchema as Record<string, unknown>)?.properties ?? {}) as object);
      const suggestion = didYouMean(name, allowed);
      return problem(p, nodeRange(p, pair?.key) ?? valueRange, suggestion ? 'error' : 'warning', 'unknown-key',
        `Unknown key "${name}"${at === 'the file' ? '' : ` in ${at}`}.` + (suggestion ? ` Did you mean "${suggestion}"?` : ` Allowed keys: ${allowed.join(', ')}.${at === 'the file' && allowed.includes('notes') ? ' Put free text under "notes".' : ''}`),
        { key: name, suggestion, allowed });
    }
    case 'required': {
      const name = String((e.params as { missingProperty: string }).missingProperty);
      const r = e.instancePath === '' ? FILE_START : (nodeRange(p, loc.key) ?? valueRange);
      const range = e.instancePath === '' ? FILE_START : { start: r.start, end: r.start.line === r.end.line ? r.end : { line: r.start.line, character: r.start.character + 1 } };
      return problem(p, range, 'error', 'missing-required', `Missing required key "${name}"${at === 'the file' ? '' : ` in ${at}`}. Add "${name}: …".`, { key: name, path: e.instancePath });
    }
    case 'type': {
      const want = TYPE_WORDS[String((e.params as { type: string }).type)] ?? String((e.params as { type: string }).type);
      const range = loc.node == null || (isScalar(loc.node) && loc.node.value == null) ? (nodeRange(p, loc.key) ?? valueRange) : valueRange;
      return problem(p, range, 'error', 'bad-type', `${title} (${at}) should be ${want}, not ${typeName(e.data)}.${want === 'text' && typeof e.data !== 'object' ? ' Quote the value to make it text.' : ''}`, { expected: want, actual: e.data as unknown });
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestion = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      return problem(p, valueRange, 'error', 'bad-enum',
        `"${String(e.data)}" is not a valid ${title.toLowerCase()}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Use one of: ${allowed.join(', ')}.`,
        { expected: allowed, actual: e.data as unknown, suggestion, path: e.instancePath });
    }
    case 'format':
      return problem(p, valueRange, 'error', 'bad-date',
        `"${String(e.data)}" is not a valid date${at === 'the file' ? '' : ` (${at})`}. Write dates as YYYY-MM-DD with a real day, e.g. 2025-03-14.`,
        { value: e.data as unknown, path: e.instancePath });
    case 'pattern':
      return problem(p, valueRange, 'error', 'bad-id',
        `"${String(e.data)}" is not a valid id: use lowercase letters, digits and dashes, starting with a letter or digit (e.g. "${slugify(String(e.data)) || 'my-id'}").`,
        { value: e.data as unknown, suggestion: slugify(String(e.data)) });
    case 'minimum':
    case 'maximum':
      return problem(p, valueRange, 'error', 'out-of-range', `${title} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String((e.params as { limit: number }).limit)}, not ${String(e.data)}.${field === 'rating' ? ' Rate rounds from 1 (badly) to 5 (very well).' : ''}`, { value: e.data as unknown });
    case 'minLength':
      return problem(p, valueRange, 'error', 'empty-value', `${title} must not be empty. Fill it in.`);
    default:
      return problem(p, valueRange, 'error', 'bad-type', `${at}: ${e.message ?? 'invalid value'}.`);
  }
}

/** Turns any text into a valid id: lowercase, dashes, no leading dash. */
export function slugify(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

function validate(p: Parsed, kind: SchemaKind): void {
  for (const e of validateAgainstSchema(kind, p.data)) {
    const prob = mapAjvError(p, e);
    if (prob) p.problems.push(prob);
  }
}

// ---------- record builders (defensive: data may be invalid) ----------

/**
 * Copies a string out of the file text. V8 keeps substrings of 13+ characters as slices that pin
 * the whole source text; records outlive the text, so long values are copied into a flat string
 * (a JSON round trip is one of the few operations that yields a flat copy rather than another slice).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Strings longer than this are copied but not pooled: long texts rarely repeat. */
const POOLED_MAX_LENGTH = 200;

/**
 * One shared copy of equal strings across the files read together (ids, companies, roles, dates,
 * questions, tags): a journal repeats them across hundreds of interviews. A pool lives as long as one
 * bulk read; the records keep the strings, the pool itself is dropped afterwards.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  get size(): number {
    return this.strings.size;
  }
  get(s: string): string {
    if (s.length > POOLED_MAX_LENGTH) return detach(s);
    let v = this.strings.get(s);
    if (v === undefined) {
      v = detach(s);
      this.strings.set(v, v);
    }
    return v;
  }
}

export interface ReadOptions {
  /** Shares equal strings with the other files read with the same pool. */
  strings?: StringPool;
}

function obj(v: Plain): Record<string, Plain> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
/** The canonical constant of an enum value (no copy of the file's text is kept). */
function oneOf<T extends string>(values: readonly T[], v: Plain): T | undefined {
  if (typeof v !== 'string') return undefined;
  const i = (values as readonly string[]).indexOf(v);
  return i < 0 ? undefined : values[i];
}

/** Copies strings out of the parsed data, through the pool when there is one. */
class Strings {
  constructor(private readonly pool: StringPool | undefined) {}
  text(s: string): string {
    return this.pool ? this.pool.get(s) : detach(s);
  }
  str(v: Plain): string | undefined {
    return typeof v === 'string' ? this.text(v) : undefined;
  }
  date(v: Plain): string | undefined {
    return isValidDate(v) ? this.text(v) : undefined;
  }
  list(v: Plain): string[] {
    if (!Array.isArray(v)) return [];
    let n = 0;
    for (const x of v) if (typeof x === 'string') n++;
    const out = new Array<string>(n);
    let i = 0;
    for (const x of v) if (typeof x === 'string') out[i++] = this.text(x);
    return out;
  }
}

function rangeOfObj(p: Parsed, o: object | undefined): Range {
  const n = o ? p.nodes.get(o) : undefined;
  return nodeRange(p, n) ?? FILE_START;
}
function rangeOfKey(p: Parsed, o: object | undefined, key: string, fallback: Range): Range {
  const n = o ? p.nodes.get(o) : undefined;
  if (!isMap(n)) return fallback;
  const pair = pairIn(n, key);
  if (!pair) return fallback;
  const v = pair.value as Scalar | null;
  return (v && !(isScalar(v) && v.value == null) ? nodeRange(p, v) : undefined) ?? nodeRange(p, pair.key) ?? fallback;
}

function buildInterview(p: Parsed): Interview {
  const d = p.data;
  const fileId = basename(p.file).replace(/\.ya?ml$/i, '');
  const s = p.s;
  const rawId = s.str(d.id);
  const id = rawId && ID_PATTERN.test(rawId) ? rawId : s.text(fileId);
  const docRange = p.lines.range(0, p.lines.text.length);
  const idRange = rangeOfKey(p, d, 'id', FILE_START);
  // Arrays are built at their final size (map): a pushed-to array keeps spare capacity for 16 more items.
  const rounds: Round[] = Array.isArray(d.rounds)
    ? d.rounds.map((r, i): Round => {
      const o = obj(r);
      const range = o ? rangeOfObj(p, o) : rangeOfKey(p, d, 'rounds', FILE_START);
      const rating = o && typeof o.rating === 'number' && Number.isInteger(o.rating) && o.rating >= 1 && o.rating <= 5 ? o.rating : undefined;
      return {
        index: i + 1, type: o ? oneOf(ROUND_TYPES, o.type) : undefined, date: o ? s.date(o.date) : undefined,
        interviewers: o ? s.list(o.interviewers) : [], rating, questions: o ? s.list(o.questions) : [],
        wentWell: o ? s.str(o['went-well']) : undefined, wentBadly: o ? s.str(o['went-badly']) : undefined, range,
      };
    })
    : [];
  let feedback: Feedback | undefined;
  const fo = obj(d.feedback);
  if (fo) feedback = { requested: s.date(fo.requested), received: s.date(fo.received), summary: s.str(fo.summary), quotes: s.list(fo.quotes), range: rangeOfObj(p, fo) };
  const citations: WeaknessCitation[] = [];
  if (Array.isArray(d.weaknesses)) {
    for (let i = 0; i < d.weaknesses.length; i++) {
      const o = obj(d.weaknesses[i]);
      const w = o ? s.str(o.weakness) : undefined;
      if (!o || w === undefined) continue;
      const range = rangeOfObj(p, o);
      citations.push({
        index: i, weakness: w, round: typeof o.round === 'number' && Number.isInteger(o.round) && o.round >= 1 ? o.round : undefined,
        source: oneOf(CITATION_SOURCES, o.source), quote: s.str(o.quote), range, weaknessRange: rangeOfKey(p, o, 'weakness', range),
      });
    }
  }
  let next: NextStep | undefined;
  const no = obj(d.next);
  if (no) next = { action: s.str(no.action), due: s.date(no.due), range: rangeOfObj(p, no) };
  const iv: Interview = {
    file: p.file, id, idRange, company: s.str(d.company) ?? '', role: s.str(d.role) ?? '',
    applied: s.date(d.applied), source: s.str(d.source), stage: oneOf(STAGES, d.stage), outcome: oneOf(OUTCOMES, d.outcome),
    rounds, feedback, weaknesses: citations.length ? citations.slice() : citations, next, tags: s.list(d.tags), notes: s.str(d.notes), range: docRange,
  };
  // Local semantic checks.
  if (rawId && ID_PATTERN.test(rawId) && rawId !== fileId && /\.ya?ml$/i.test(p.file)) {
    p.problems.push(problem(p, idRange, 'warning', 'id-mismatch',
      `The id "${rawId}" differs from the file name "${basename(p.file)}". Rename the file to "${rawId}.yaml" or change the id to "${fileId}".`,
      { id: rawId, fileId }));
  }
  if (iv.applied) {
    for (const r of rounds) {
      if (r.date && r.date < iv.applied) {
        p.problems.push(problem(p, rangeOfKey(p, obj(((d.rounds as Plain[])[r.index - 1])), 'date', r.range), 'warning', 'date-order',
          `Round ${r.index} is dated ${r.date}, before the application date ${iv.applied}. Check both dates.`, { date: r.date, applied: iv.applied }));
      }
    }
  }
  if (fo && feedback?.requested && feedback.received && feedback.received < feedback.requested) {
    p.problems.push(problem(p, rangeOfKey(p, fo, 'received', feedback.range), 'warning', 'date-order',
      `Feedback received on ${feedback.received}, before it was requested on ${feedback.requested}. Check both dates.`, { requested: feedback.requested, received: feedback.received }));
  }
  for (const c of citations) {
    if (c.round !== undefined && c.round > rounds.length) {
      const o = obj((d.weaknesses as Plain[])[c.index]);
      p.problems.push(problem(p, rangeOfKey(p, o, 'round', c.range), 'error', 'round-out-of-range',
        rounds.length === 0
          ? `This citation names round ${c.round}, but the interview has no rounds. Add the rounds or remove "round".`
          : `This citation names round ${c.round}, but the interview has ${rounds.length} round${rounds.length === 1 ? '' : 's'}. Use a number from 1 to ${rounds.length}.`,
        { round: c.round, rounds: rounds.length }));
    }
  }
  return iv;
}

function buildWeaknesses(p: Parsed): WeaknessesFile {
  const d = p.data;
  const s = p.s;
  const out: Weakness[] = [];
  const seen = new Map<string, Weakness>();
  if (Array.isArray(d.weaknesses)) {
    d.weaknesses.forEach((w, i) => {
      const o = obj(w);
      if (!o) return;
      const id = s.str(o.id);
      if (id === undefined) return;
      const range = rangeOfObj(p, o);
      const idRange = rangeOfKey(p, o, 'id', range);
      const improvements: ImprovementItem[] = [];
      const seenItems = new Set<string>();
      if (Array.isArray(o.improvements)) {
        o.improvements.forEach((it, j) => {
          const io = obj(it);
          const iid = io ? s.str(io.id) : undefined;
          if (!io || iid === undefined) return;
          const irange = rangeOfObj(p, io);
          const iidRange = rangeOfKey(p, io, 'id', irange);
          const notes: NoteLink[] = [];
          if (Array.isArray(io.notes)) {
            const seqNode = p.nodes.get(io.notes);
            io.notes.forEach((n, k) => {
              if (typeof n !== 'string') return;
              const r = isSeq(seqNode) ? nodeRange(p, seqNode.items[k]) : undefined;
              notes.push({ path: s.text(n), range: r ?? irange });
              if (normalizeRelative(n) === undefined) {
                p.problems.push(problem(p, r ?? irange, 'error', 'note-outside-workspace',
                  `The note path "${n}" ${/^[\\/]|^[a-zA-Z]:|^[a-z][a-z0-9+.-]*:/i.test(n) ? 'is absolute' : 'leaves the workspace'}. Use a path relative to the workspace folder, e.g. "notes/${basename(n.replace(/\\/g, '/')) || 'topic.md'}".`,
                  { note: n }));
              }
            });
          }
          const item: ImprovementItem = {
            weaknessId: id, index: j, id: iid, idRange: iidRange, action: s.str(io.action) ?? '', status: oneOf(IMPROVEMENT_STATUSES, io.status),
            due: s.date(io.due), doneWhen: s.str(io['done-when']), done: s.date(io.done), notes, range: irange,
          };
          if (seenItems.has(iid)) {
            p.problems.push(problem(p, iidRange, 'error', 'duplicate-id',
              `Improvement id "${iid}" is used twice in weakness "${id}". Give each item of a weakness its own id.`, { id: iid, weakness: id }));
          }
          seenItems.add(iid);
          if (item.done && item.status !== undefined && item.status !== 'done') {
            p.problems.push(problem(p, rangeOfKey(p, io, 'done', irange), 'warning', 'done-date-mismatch',
              `This item has a done date (${item.done}) but its status is "${item.status}". Set status to done or remove the done date.`, { status: item.status, weakness: id, item: iid }));
          }
          improvements.push(item);
        });
      }
      const weakness: Weakness = {
        file: p.file, index: i, id, idRange, title: s.str(o.title) ?? id, category: oneOf(WEAKNESS_CATEGORIES, o.category),
        status: oneOf(WEAKNESS_STATUSES, o.status), description: s.str(o.description), improvements, range,
      };
      const prev = seen.get(id);
      if (prev) {
        p.problems.push(problem(p, idRange, 'error', 'duplicate-id',
          `Weakness id "${id}" is already used on line ${prev.idRange.start.line + 1}. Give each weakness its own id (or merge the two).`, { id, line: prev.idRange.start.line }));
      } else seen.set(id, weakness);
      out.push(weakness);
    });
  }
  return { file: p.file, weaknesses: out, range: p.lines.range(0, p.lines.text.length) };
}

function safely<T>(file: string, fn: () => ReadResult<T>): ReadResult<T> {
  try {
    return fn();
  } catch (e) {
    return { problems: [{ file, range: FILE_START, severity: 'error', code: 'yaml-syntax', message: `The file could not be read: ${(e as Error)?.message ?? String(e)}` }] };
  }
}

/** Reads an interview file. Never throws. */
export function readInterview(path: string, input: string | Uint8Array, options: ReadOptions = {}): ReadResult<Interview> {
  return safely(path, () => {
    const { parsed, problems } = parseFile(path, input, 'interview', options);
    if (!parsed) return { problems };
    validate(parsed, 'interview');
    const value = buildInterview(parsed);
    return { value, problems };
  });
}

/** Reads weaknesses.yaml. Never throws. */
export function readWeaknesses(path: string, input: string | Uint8Array, options: ReadOptions = {}): ReadResult<WeaknessesFile> {
  return safely(path, () => {
    const { parsed, problems } = parseFile(path, input, 'weaknesses', options);
    if (!parsed) return { problems };
    validate(parsed, 'weaknesses');
    const value = buildWeaknesses(parsed);
    return { value, problems };
  });
}
