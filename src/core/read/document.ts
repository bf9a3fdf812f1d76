/**
 * The first step of reading a journal file: bytes → text → YAML → plain data, with the side tables
 * (node of each plain object, line index) that the record builders and the problem mapping need.
 * YAML is parsed with `yaml` (1.2 core schema: unquoted dates stay strings). Never throws.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Node as YamlNode, YAMLMap, YAMLSeq, Scalar } from 'yaml';
import { FILE_START, Problem, Range, Severity } from '../problems';
import type { SchemaKind } from '../schema';
import { LineIndex } from '../text/lines';
import { decodeText } from './decode';
import { ReadOptions, Strings } from './strings';

export interface ReadResult<T> {
  value?: T;
  problems: Problem[];
}

export type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain } | undefined;

/** Parsed YAML plus the side tables the record builders and error mapping need. */
export interface Parsed {
  file: string;
  lines: LineIndex;
  root: YAMLMap;
  data: Record<string, Plain>;
  nodes: WeakMap<object, YAMLMap | YAMLSeq>;
  problems: Problem[];
  s: Strings;
}

export function problem(p: Parsed | { file: string }, range: Range, severity: Severity, code: string, message: string, data?: Record<string, unknown>): Problem {
  return data ? { file: p.file, range, severity, code, message, data } : { file: p.file, range, severity, code, message };
}

const YAML_CODES: Record<string, string> = { DUPLICATE_KEY: 'duplicate-key', TAB_AS_INDENT: 'tab-indent', BAD_ALIAS: 'alias' };

export function parseFile(file: string, input: string | Uint8Array, kind: SchemaKind, options: ReadOptions): { parsed?: Parsed; problems: Problem[] } {
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

export function pairIn(map: YAMLMap, key: string) {
  for (const pair of map.items) if (isPair(pair) && (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)) === key) return pair;
  return undefined;
}

export function nodeRange(p: Parsed, node: unknown): Range | undefined {
  const r = (node as { range?: [number, number, number] | null } | null)?.range;
  return r ? p.lines.range(r[0], r[1]) : undefined;
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
  if (!isMap(n)) return fallback;
  const pair = pairIn(n, key);
  if (!pair) return fallback;
  const v = pair.value as Scalar | null;
  return (v && !(isScalar(v) && v.value == null) ? nodeRange(p, v) : undefined) ?? nodeRange(p, pair.key) ?? fallback;
}

export function safely<T>(file: string, fn: () => ReadResult<T>): ReadResult<T> {
  try {
    return fn();
  } catch (e) {
    return { problems: [{ file, range: FILE_START, severity: 'error', code: 'yaml-syntax', message: `The file could not be read: ${(e as Error)?.message ?? String(e)}` }] };
  }
}
