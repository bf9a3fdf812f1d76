/**
 * The first step of reading a journal file: bytes → text → YAML → plain data, with the side tables
 * (the located node of each plain object, line index) that the record builders and the problem
 * mapping need. YAML is read under the 1.2 core schema (unquoted dates stay strings). Never throws.
 *
 * Two readers build the same plain data and located view (located.ts): the fast reader (fast.ts)
 * takes the shapes journals are written in, in one pass over the lines, and declines anything else,
 * which the `yaml` package then composes (below). What the fast reader takes the composer would have
 * read to the same data and offsets without a problem (test/unit/fast-reader.test.ts).
 *
 * Cost: linear in the size of the input, whatever its shape. The text is checked against the limits
 * (limits.ts) before a document is composed from it; the document is composed from the syntax tokens
 * of that check (the text is parsed once), without the `yaml` package's duplicate-key check (quadratic
 * in the keys of a mapping: duplicates are found here with one Map per mapping); no key is ever turned
 * back into text unless it is a scalar (lists and mappings used as keys are refused by the limits);
 * problems stop being built once a file has as many as are listed (ProblemCollector).
 */
import { Composer, CST, isAlias, isMap, isScalar, isSeq, Node as YamlNode, Pair, Scalar, YAMLParseError } from 'yaml';
import { checkYamlLimits, limitsWith } from '../limits';
import { FILE_START, Problem, ProblemCollector, Range, Severity } from '../problems';
import type { SchemaKind } from '../schema';
import { LineIndex } from '../text/lines';
import { shown } from '../text/shown';
import { decodeText } from './decode';
import { fastParse } from './fast';
import { isLMap, isNullScalar, LMap, LNode, LPair, LSeq, MAP, pairIn, SCALAR, SEQ } from './located';
import { ReadOptions, Strings } from './strings';
import type { Plain, ReadResult } from './types';

export type { Plain, ReadResult } from './types';

/**
 * Parsed YAML plus the side tables the record builders and error mapping need: the plain data, and
 * its located view (located.ts: the offsets of every value and key), whichever reader built them.
 */
export interface Parsed {
  file: string;
  lines: LineIndex;
  root: LMap;
  data: Record<string, Plain>;
  /** The located node of each plain mapping and list of `data`. */
  nodes: WeakMap<object, LMap | LSeq>;
  problems: ProblemCollector;
  s: Strings;
}

export function problem(p: Parsed | { file: string }, range: Range, severity: Severity, code: string, message: string, data?: Record<string, unknown>): Problem {
  return data ? { file: p.file, range, severity, code, message, data } : { file: p.file, range, severity, code, message };
}

const YAML_CODES: Record<string, string> = { DUPLICATE_KEY: 'duplicate-key', TAB_AS_INDENT: 'tab-indent', BAD_ALIAS: 'alias' };

/** True when the text holds something other than blank lines and comments (one pass, no backtracking). */
function hasContent(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c) i++;
    else if (c === 0x23) { // #: a comment, up to the end of its line
      const nl = text.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl + 1;
    } else if (c > 0x7f && /\s/.test(text[i])) i++;
    else return true;
  }
  return false;
}

export interface ParseResult {
  parsed?: Parsed;
  problems: ProblemCollector;
}

export function parseFile(file: string, input: string | Uint8Array, kind: SchemaKind, options: ReadOptions): ParseResult {
  const limits = limitsWith(options.limits);
  const problems = new ProblemCollector(file, limits.problemsPerFile, limits.sameProblem);
  const decoded = decodeText(file, input, limits);
  problems.pushAll(decoded.problems);
  if (decoded.text === undefined) return { problems };
  const text = decoded.text;
  if (!hasContent(text)) {
    problems.push(problem({ file }, FILE_START, 'warning', 'empty-file',
      kind === 'interview'
        ? 'The file is empty. Add at least id, company and role, e.g. "id: acme-backend", "company: Acme", "role: Backend Engineer".'
        : 'The file is empty. Start it with "weaknesses:" followed by a list of weaknesses, or run "Debrief: Initialize Journal".'));
    return { problems };
  }
  const lines = new LineIndex(text);
  // The fast reader first; what it declines is composed by the `yaml` package (fast.ts).
  const fast = options.compose ? undefined : fastParse(text, limits);
  if (fast) return { parsed: { file, lines, root: fast.root, data: fast.data, nodes: fast.nodes, problems, s: new Strings(options.strings) }, problems };
  const checked = checkYamlLimits(text, limits);
  if ('breach' in checked) {
    const b = checked.breach;
    problems.push(problem({ file }, lines.range(b.offset, b.offset + 1), 'error', 'over-limit', b.message, { limit: b.limit, max: b.max }));
    return { problems };
  }
  singleQuoteLongScalars(checked.longDoubleQuoted);
  const doc = compose(text, checked.tokens);
  // The syntax tokens are not needed once composed: let them go before the plain data is built.
  checked.tokens.length = 0;
  if (!doc) {
    problems.push(problem({ file }, FILE_START, 'error', 'yaml-syntax', 'The YAML parser gave no document. Fix the YAML syntax.'));
    return { problems };
  }
  for (const err of doc.errors) {
    if (problems.full) {
      problems.skip('error');
      continue;
    }
    const code = YAML_CODES[err.code] ?? 'yaml-syntax';
    const msg = shown(err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), 200);
    const fix = code === 'duplicate-key' ? ' Remove or rename one of the two entries.'
      : code === 'tab-indent' ? ' Indent with spaces instead of tabs.'
        : ' Fix the YAML syntax here.';
    problems.push(problem({ file }, lines.range(err.pos[0], Math.max(err.pos[1], err.pos[0] + 1)), 'error', code, msg + '.' + fix));
  }
  for (const w of doc.warnings) {
    if (problems.full) {
      problems.skip('warning');
      continue;
    }
    problems.push(problem({ file }, lines.range(w.pos[0], Math.max(w.pos[1], w.pos[0] + 1)), 'warning', 'yaml-syntax', shown(w.message.split('\n')[0], 200)));
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
  const parsed: Parsed = { file, lines, root: { kind: MAP, start: 0, end: 0, pairs: [] }, data: {}, nodes: new WeakMap(), problems, s: new Strings(options.strings) };
  const converted = toPlain(parsed, root);
  parsed.data = converted.plain as Record<string, Plain>;
  parsed.root = converted.node as LMap;
  return { parsed, problems };
}

/**
 * The `yaml` package resolves a double-quoted scalar one character at a time, building the value by
 * concatenation: about 150 ms and tens of MB for a 1 MB value. A double-quoted scalar without escapes,
 * line breaks or single quotes means exactly what the same text in single quotes means, which `yaml`
 * resolves in one slice: such long scalars are given to the composer as single-quoted (same length,
 * so every offset and range stays the same; only the node's quoting style differs, which the reader
 * does not use).
 */
function singleQuoteLongScalars(scalars: readonly CST.FlowScalar[]): void {
  for (const tok of scalars) {
    const src = tok.source;
    if (src.length < 2 || src.charCodeAt(src.length - 1) !== 0x22 || /[\\\n\r']/.test(src)) continue;
    tok.type = 'single-quoted-scalar';
    tok.source = `'${src.slice(1, -1)}'`;
  }
}

type Doc = ReturnType<Composer['compose']> extends Generator<infer D> ? D : never;

/** The document of the text, composed from its syntax tokens; the errors of `yaml`'s parseDocument, duplicate keys aside. */
function compose(text: string, tokens: Iterable<CST.Token>): Doc | undefined {
  const composer = new Composer({ uniqueKeys: false });
  let doc: Doc | undefined;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      const at = d.range[0];
      doc.errors.push(new YAMLParseError([at, at + 1], 'MULTIPLE_DOCS', 'The file holds more than one YAML document (a line "---" or "..." starts another); a journal file holds one'));
      break;
    }
  }
  return doc;
}

/** The text of a scalar key, as the journal's plain data names it (a missing key is "null"); undefined for a list, mapping or alias. */
function keyText(node: unknown): string | undefined {
  if (node == null) return 'null';
  return isScalar(node) ? String(node.value) : undefined;
}

function rangeOf(node: { range?: [number, number, number] | null }): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

/** A value of the composed document as plain data, and its located node (undefined for a missing value). */
interface Converted {
  plain: Plain;
  node: LNode | undefined;
}

const MISSING: Converted = Object.freeze({ plain: null, node: undefined });

function toPlain(p: Parsed, node: unknown): Converted {
  if (node == null) return MISSING;
  if (isScalar(node)) {
    if (node.anchor) anchorProblem(p, node);
    const v = node.value;
    const [start, end] = rangeOf(node);
    return { plain: typeof v === 'bigint' ? Number(v) : (v as Plain), node: { kind: SCALAR, start, end, isNull: v == null } };
  }
  if (isMap(node)) {
    if (node.anchor) anchorProblem(p, node);
    const obj: Record<string, Plain> = {};
    const [start, end] = rangeOf(node);
    const located: LMap = { kind: MAP, start, end, pairs: [] };
    p.nodes.set(obj, located);
    // Duplicate keys: one Map per mapping, keyed by the keys' values (1 and "1" differ, as in YAML), so
    // the check is linear in the number of keys.
    const seen = node.items.length > 1 ? new Map<unknown, Pair>() : undefined;
    for (const pair of node.items) {
      const k = keyText(pair.key);
      if (k === undefined) {
        // A list, mapping or alias as a key: refused by the limits before composing; never turned into text.
        const r = (pair.key as { range?: [number, number, number] } | null)?.range ?? [0, 0, 0];
        p.problems.push(problem(p, p.lines.range(r[0], r[0] + 1), 'error', 'over-limit', 'A list, mapping or alias is used as a key here (limit: keys must be plain text). Write the key as text, as in "company: Acme".', { limit: 'complexKeys' }));
        continue;
      }
      if (seen) {
        const value = pair.key == null ? null : (pair.key as Scalar).value;
        const prev = seen.get(value);
        if (prev) duplicateKey(p, k, prev, pair);
        else if (!(typeof value === 'number' && Number.isNaN(value))) seen.set(value, pair as Pair);
      }
      const v = toPlain(p, pair.value);
      const kr = (pair.key as { range?: [number, number, number] | null } | null)?.range;
      located.pairs.push({ key: k, keyStart: kr ? kr[0] : -1, keyEnd: kr ? kr[1] : -1, value: v.node } satisfies LPair);
      if (k === '__proto__') Object.defineProperty(obj, k, { value: v.plain, enumerable: true, writable: true, configurable: true });
      else obj[k] = v.plain;
    }
    return { plain: obj, node: located };
  }
  if (isSeq(node)) {
    if (node.anchor) anchorProblem(p, node);
    const arr: Plain[] = [];
    const [start, end] = rangeOf(node);
    const located: LSeq = { kind: SEQ, start, end, items: [] };
    p.nodes.set(arr, located);
    for (const item of node.items) {
      const v = toPlain(p, item);
      arr.push(v.plain);
      located.items.push(v.node);
    }
    return { plain: arr, node: located };
  }
  if (isAlias(node)) {
    const r = node.range ?? [0, 0, 0];
    p.problems.push(problem(p, p.lines.range(r[0], r[1]), 'error', 'alias', `Aliases (*${shown(node.source, 40)}) are not supported in the journal: write the value out in full.`));
    return { plain: undefined, node: { kind: SCALAR, start: r[0], end: r[1], isNull: false } };
  }
  return { plain: undefined, node: undefined };
}

function duplicateKey(p: Parsed, key: string, first: Pair, again: Pair): void {
  if (p.problems.full) {
    p.problems.skip('error');
    return;
  }
  const r = (again.key as Scalar | null)?.range;
  const at = r ? p.lines.range(r[0], r[1]) : FILE_START;
  const firstAt = (first.key as Scalar | null)?.range;
  const line = firstAt ? p.lines.position(firstAt[0]).line + 1 : undefined;
  p.problems.push(problem(p, at, 'error', 'duplicate-key',
    `The key "${shown(key)}" is already in this mapping${line ? ` (line ${line})` : ''}. Remove or rename one of the two entries.`, { key: shown(key) }));
}

function anchorProblem(p: Parsed, node: { anchor?: string; range?: [number, number, number] | null }): void {
  const start = node.range?.[0] ?? 0;
  const name = node.anchor ?? '';
  // The anchor precedes its node closely: look back a bounded stretch of text only.
  const from0 = Math.max(0, start - name.length - 256);
  const at = p.lines.text.slice(from0, start + 1).lastIndexOf('&' + name);
  const from = at >= 0 ? from0 + at : start;
  p.problems.push(problem(p, p.lines.range(from, from + 1 + name.length), 'warning', 'alias',
    `Anchor &${shown(name, 40)} is not supported in the journal; remove it and write values out in full.`));
}

/** The range of a located node, or undefined for none. */
export function nodeRange(p: Parsed, node: LNode | undefined): Range | undefined {
  return node ? p.lines.range(node.start, node.end) : undefined;
}
/** The range of a pair's key, or undefined for a missing key. */
export function keyRange(p: Parsed, pair: LPair | undefined): Range | undefined {
  return pair && pair.keyStart >= 0 ? p.lines.range(pair.keyStart, pair.keyEnd) : undefined;
}

export function obj(v: Plain): Record<string, Plain> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
/** The canonical constant of an enum value (no copy of the file's text is kept). */
export function oneOf<T extends string>(values: readonly T[], v: Plain): T | undefined {
  if (typeof v !== 'string') return undefined;
  const i = (values as readonly string[]).indexOf(v);
  return i < 0 ? undefined : values[i];
}

export function rangeOfObj(p: Parsed, o: object | undefined): Range {
  const n = o ? p.nodes.get(o) : undefined;
  return nodeRange(p, n) ?? FILE_START;
}
export function rangeOfKey(p: Parsed, o: object | undefined, key: string, fallback: Range): Range {
  const n = o ? p.nodes.get(o) : undefined;
  if (!isLMap(n)) return fallback;
  const pair = pairIn(n, key);
  if (!pair) return fallback;
  const v = pair.value;
  return (v && !isNullScalar(v) ? nodeRange(p, v) : undefined) ?? keyRange(p, pair) ?? fallback;
}

export function safely<T>(file: string, fn: () => ReadResult<T>): ReadResult<T> {
  try {
    return fn();
  } catch (e) {
    return { problems: [{ file, range: FILE_START, severity: 'error', code: 'yaml-syntax', message: `The file could not be read: ${shown(String((e as Error)?.message ?? e), 200)}` }] };
  }
}
