/**
 * The first step of reading a journal file: bytes → text → YAML → plain data, with the side tables
 * (the located node of each plain object, line index) that the record builders and the problem
 * mapping need. YAML is read under the 1.2 core schema (unquoted dates stay strings). Never throws.
 *
 * Two readers build the same plain data and located view (located.ts): the fast reader (fast.ts)
 * takes the shapes journals are written in, in one pass over the lines, and declines anything else,
 * which the `yaml` package then composes (compose.ts). What the fast reader takes the composer would
 * have read to the same data and offsets without a problem (test/unit/fast-reader.test.ts). A text
 * with YAML errors is read part by part (recover.ts): what is intact around the errors still reads.
 *
 * Cost: linear in the size of the input, whatever its shape (see compose.ts and recover.ts).
 */
import { isMap, isScalar, Node as YamlNode } from 'yaml';
import { LimitBreach, Limits, limitsWith } from '../limits';
import { FILE_START, ProblemCollector, Range } from '../problems';
import { SchemaKind, schemaKeys } from '../schema';
import { LineIndex } from '../text/lines';
import { shown } from '../text/shown';
import { composeText, Conversion, problem, toPlain, yamlProblem } from './compose';
import { decodeText } from './decode';
import { fastParse } from './fast';
import { isLMap, isNullScalar, LMap, LNode, LPair, MAP, pairIn } from './located';
import { recover, WholeError, withinTokensInParts } from './recover';
import { ReadOptions, Strings } from './strings';
import type { BrokenPart, Plain, ReadResult } from './types';

export type { Plain, ReadResult } from './types';
export { problem } from './compose';

/**
 * Parsed YAML plus the side tables the record builders and error mapping need: the plain data, and
 * its located view (located.ts: the offsets of every value and key), whichever reader built them.
 */
export interface Parsed extends Conversion {
  root: LMap;
  data: Record<string, Plain>;
  s: Strings;
  /** The parts of the file that did not read (recover.ts), in the order of the file. */
  broken: BrokenPart[];
}

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
  const s = new Strings(options.strings);
  // The fast reader first; what it declines is composed by the `yaml` package (fast.ts).
  const fast = options.compose ? undefined : fastParse(text, limits);
  if (fast) return { parsed: { file, lines, root: fast.root, data: fast.data, nodes: fast.nodes, problems, s, broken: [], spoiled: [] }, problems };
  const parsed: Parsed = { file, lines, root: { kind: MAP, start: 0, end: 0, pairs: [] }, data: {}, nodes: new WeakMap(), problems, s, broken: [], spoiled: [] };
  const composed = composeText(text, limits);
  if (composed && 'breach' in composed) {
    const b = composed.breach;
    const over = () => problem({ file }, lines.range(b.offset, b.offset + 1), 'error', 'over-limit', b.message, { limit: b.limit, max: b.max });
    // Beyond a limit of one value (nesting, a key that is a list or mapping, often from an unclosed
    // bracket): the other parts are read. Beyond a limit of the whole file: nothing is.
    // Beyond the token limit only as a whole (a bracket never closed runs on in flow style): read part by part.
    if (b.limit === 'depth' || b.limit === 'complexKeys' || (b.limit === 'tokens' && hasFlowOpener(text) && withinTokensInParts(text, limits.tokens, rootKeys(kind)))) {
      return recovered(parsed, [{ at: b.offset, problem: over }], limits, kind, composed);
    }
    problems.push(over());
    return { problems };
  }
  if (!composed) {
    problems.push(problem({ file }, FILE_START, 'error', 'yaml-syntax', 'The YAML parser gave no document. Fix the YAML syntax.'));
    return { problems };
  }
  const doc = composed.doc;
  // The syntax tokens are not needed once composed: let them go before the plain data is built.
  composed.tokens.length = 0;
  // With YAML errors, the file is read part by part: a syntax error spoils only the records it touches.
  if (doc.errors.length > 0) return recovered(parsed, doc.errors.map((e) => ({ at: e.pos[0], problem: (c: Conversion) => yamlProblem(c, e, 0) })), limits, kind, 'composed');
  for (const w of doc.warnings) {
    if (problems.full) problems.skip('warning');
    else problems.push(yamlProblem(parsed, w, 0));
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
  const converted = toPlain(parsed, root, 0);
  parsed.data = converted.plain as Record<string, Plain>;
  parsed.root = converted.node as LMap;
  return { parsed, problems };
}

/** True when the text has a "[" or "{", without which no bracket runs on. */
function hasFlowOpener(text: string): boolean {
  return text.includes('[') || text.includes('{');
}

const ROOT_KEYS = new Map<SchemaKind, ReadonlySet<string>>();
/** The top-level keys of a kind of file. */
function rootKeys(kind: SchemaKind): ReadonlySet<string> {
  let keys = ROOT_KEYS.get(kind);
  if (!keys) ROOT_KEYS.set(kind, (keys = new Set(schemaKeys(kind, []).map((k) => k.key))));
  return keys;
}

/** What can be read of a text with errors (recover.ts). */
function recovered(parsed: Parsed, errors: readonly WholeError[], limits: Readonly<Limits>, kind: SchemaKind, whole: 'composed' | { breach: LimitBreach }): ParseResult {
  const read = recover(parsed, errors, limits, rootKeys(kind), whole);
  parsed.data = read.data;
  parsed.root = read.root;
  return { parsed, problems: parsed.problems };
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

/** The parts of a parsed file that did not read, in the order of the file, for its read result (none: no field). */
export function brokenOf(p: Parsed): { broken?: BrokenPart[] } {
  if (p.broken.length === 0) return {};
  const byPlace = (a: BrokenPart, b: BrokenPart) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  return { broken: p.broken.slice().sort(byPlace) };
}

export function safely<T>(file: string, fn: () => ReadResult<T>): ReadResult<T> {
  try {
    return fn();
  } catch (e) {
    return { problems: [{ file, range: FILE_START, severity: 'error', code: 'yaml-syntax', message: `The file could not be read: ${shown(String((e as Error)?.message ?? e), 200)}` }] };
  }
}
