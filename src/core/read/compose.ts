/**
 * The composer's path of the reader: a text (a whole file, or one part of a file with YAML errors,
 * see recover.ts) composed by the `yaml` package, then turned into plain data and its located view
 * (located.ts), with the problems found on the way (duplicate keys, anchors and aliases).
 *
 * Cost: linear in the size of the text. The text is checked against the limits (limits.ts) before a
 * document is composed from it; the document is composed from the syntax tokens of that check (the
 * text is parsed once), without the `yaml` package's duplicate-key check (quadratic in the keys of a
 * mapping: duplicates are found here with one Map per mapping); no key is ever turned back into text
 * unless it is a scalar (lists and mappings used as keys are refused by the limits); problems stop
 * being built once a file has as many as are listed (ProblemCollector).
 */
import { Composer, CST, isAlias, isMap, isScalar, isSeq, Pair, Scalar, YAMLError, YAMLParseError } from 'yaml';
import { checkYamlLimits, LimitBreach, Limits } from '../limits';
import type { Problem, ProblemCollector, Range, Severity } from '../problems';
import type { LineIndex } from '../text/lines';
import { shown } from '../text/shown';
import { LMap, LNode, LPair, LSeq, MAP, SCALAR, SEQ } from './located';
import type { Plain } from './types';

/** A text within the limits: its syntax tokens, and its long double-quoted scalars (checkYamlLimits). */
export type Checked = Exclude<ReturnType<typeof checkYamlLimits>, { breach: LimitBreach }>;

export function problem(p: { file: string }, range: Range, severity: Severity, code: string, message: string, data?: Record<string, unknown>): Problem {
  return data ? { file: p.file, range, severity, code, message, data } : { file: p.file, range, severity, code, message };
}

export type Doc = ReturnType<Composer['compose']> extends Generator<infer D> ? D : never;

export interface Composed {
  doc: Doc;
  /** The syntax tokens the document was composed from (offsets from the start of the text composed). */
  tokens: CST.Token[];
}

/**
 * The document of a text, composed from the syntax tokens of its check against the limits; the
 * breach of a limit, or undefined when the parser gave no document.
 */
export function composeText(text: string, limits: Readonly<Limits>): Composed | { breach: LimitBreach } | undefined {
  const checked = checkYamlLimits(text, limits);
  return 'breach' in checked ? checked : composeChecked(text, checked);
}

/** The document of a text checked against the limits (checkYamlLimits), composed from the syntax tokens of the check. */
export function composeChecked(text: string, checked: Checked): Composed | undefined {
  const requoted = singleQuoteLongScalars(checked.longDoubleQuoted);
  // The composer's errors are Errors: their stack, never used, would cost more than the rest of a
  // damaged file's reading (an engine without the setting ignores it).
  const errors = Error as { stackTraceLimit?: number };
  const stack = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    const doc = compose(text, checked.tokens);
    if (doc && requoted) for (const e of doc.errors) requoted.requote(e);
    return doc && { doc, tokens: checked.tokens };
  } finally {
    requoted?.restore();
    errors.stackTraceLimit = stack;
  }
}

/**
 * The `yaml` package resolves a double-quoted scalar one character at a time, building the value by
 * concatenation: about 150 ms and tens of MB for a 1 MB value, and as much again for every quote left
 * open in a damaged file (the quoted text then runs on, over the lines below it). A double-quoted scalar
 * without escapes, carriage returns or single quotes means exactly what the same text in single quotes
 * means (both fold their line breaks the same way), which `yaml` resolves with a few slices: such long
 * scalars are given to the composer as single-quoted (same length, so every offset and range stays the
 * same; only the node's quoting style differs, which the reader does not use). One never closed stays
 * an error, reported as that of a double quote (its value is never read: the text did not compose).
 * The unit tests compare every kind of such scalar with what `yaml` reads from the text itself.
 */
function singleQuoteLongScalars(scalars: readonly CST.FlowScalar[]): { restore(): void; requote(e: YAMLError): void } | undefined {
  const changed: { tok: CST.FlowScalar; source: string }[] = [];
  const unclosed = new Set<number>();
  for (const tok of scalars) {
    const src = tok.source;
    if (src.length < 2 || /[\\\r']/.test(src)) continue;
    const closed = src.charCodeAt(src.length - 1) === 0x22;
    changed.push({ tok, source: src });
    tok.type = 'single-quoted-scalar';
    tok.source = closed ? `'${src.slice(1, -1)}'` : `'${src.slice(1)}`;
    if (!closed) unclosed.add(tok.offset + src.length);
  }
  return changed.length === 0 ? undefined : {
    // The tokens as the text has them again, once composed (unclosed() in recover.ts reads their quotes).
    restore: () => {
      for (const { tok, source } of changed) {
        tok.type = 'double-quoted-scalar';
        tok.source = source;
      }
    },
    requote: (e) => {
      if (e.code === 'MISSING_CHAR' && unclosed.has(e.pos[0])) e.message = e.message.replace("'quote", '"quote');
    },
  };
}

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

const YAML_CODES: Record<string, string> = { DUPLICATE_KEY: 'duplicate-key', TAB_AS_INDENT: 'tab-indent', BAD_ALIAS: 'alias' };

/** The problem of an error or warning of the `yaml` package, at `base` + its offsets. */
export function yamlProblem(c: { file: string; lines: LineIndex }, err: YAMLError, base: number): Problem {
  const at = c.lines.range(base + err.pos[0], base + Math.max(err.pos[1], err.pos[0] + 1));
  if (err.name === 'YAMLWarning') return problem(c, at, 'warning', 'yaml-syntax', shown(err.message.split('\n')[0], 200));
  const code = YAML_CODES[err.code] ?? 'yaml-syntax';
  const msg = shown(err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), 200);
  const fix = code === 'duplicate-key' ? ' Remove or rename one of the two entries.'
    : code === 'tab-indent' ? ' Indent with spaces instead of tabs.'
      : ' Fix the YAML syntax here.';
  return problem(c, at, 'error', code, msg + '.' + fix);
}

/** What converting a document needs: where problems go, the lines to locate them, the table of located nodes. */
export interface Conversion {
  file: string;
  lines: LineIndex;
  /** The located node of each plain mapping and list. */
  nodes: WeakMap<object, LMap | LSeq>;
  problems: ProblemCollector;
  /**
   * Where a key given twice or an alias is (an offset in the text), with its problem: the data around
   * it is not what the file says, so the record that holds it does not read (see weaknesses.ts).
   */
  spoiled: { offset: number; problem: Problem }[];
}

/** A value of a composed document as plain data, and its located node (undefined for a missing value). */
export interface Converted {
  plain: Plain;
  node: LNode | undefined;
}

const MISSING: Converted = Object.freeze({ plain: null, node: undefined });

/** The text of a scalar key, as the journal's plain data names it (a missing key is "null"); undefined for a list, mapping or alias. */
function keyText(node: unknown): string | undefined {
  if (node == null) return 'null';
  return isScalar(node) ? String(node.value) : undefined;
}

/** A node's offsets in the whole text: those in the text composed, after `base`. */
function rangeOf(node: { range?: [number, number, number] | null }, base: number): [number, number] {
  const r = node.range;
  return r ? [base + r[0], base + r[1]] : [base, base];
}

/** A value of a document composed from the text after `base`, as plain data and located node. */
export function toPlain(c: Conversion, node: unknown, base: number): Converted {
  if (node == null) return MISSING;
  if (isScalar(node)) {
    if (node.anchor) anchorProblem(c, node, base);
    const v = node.value;
    const [start, end] = rangeOf(node, base);
    return { plain: typeof v === 'bigint' ? Number(v) : (v as Plain), node: { kind: SCALAR, start, end, isNull: v == null } };
  }
  if (isMap(node)) {
    if (node.anchor) anchorProblem(c, node, base);
    const obj: Record<string, Plain> = {};
    const [start, end] = rangeOf(node, base);
    const located: LMap = { kind: MAP, start, end, pairs: [] };
    c.nodes.set(obj, located);
    // Duplicate keys: one Map per mapping, keyed by the keys' values (1 and "1" differ, as in YAML), so
    // the check is linear in the number of keys.
    const seen = node.items.length > 1 ? new Map<unknown, Pair>() : undefined;
    for (const pair of node.items) {
      const k = keyText(pair.key);
      if (k === undefined) {
        // A list, mapping or alias as a key: refused by the limits before composing; never turned into text.
        const at = base + ((pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? 0);
        c.problems.push(problem(c, c.lines.range(at, at + 1), 'error', 'over-limit', 'A list, mapping or alias is used as a key here (limit: keys must be plain text). Write the key as text, as in "company: Acme".', { limit: 'complexKeys' }));
        continue;
      }
      const kr = (pair.key as { range?: [number, number, number] | null } | null)?.range;
      const keyStart = kr ? base + kr[0] : -1;
      const keyEnd = kr ? base + kr[1] : -1;
      if (seen) {
        const value = pair.key == null ? null : (pair.key as Scalar).value;
        const prev = seen.get(value);
        if (prev) {
          const first = (prev.key as Scalar | null)?.range;
          duplicateKey(c, k, first ? base + first[0] : -1, keyStart, keyEnd);
        } else if (!(typeof value === 'number' && Number.isNaN(value))) seen.set(value, pair as Pair);
      }
      const v = toPlain(c, pair.value, base);
      located.pairs.push({ key: k, keyStart, keyEnd, value: v.node } satisfies LPair);
      if (k === '__proto__') Object.defineProperty(obj, k, { value: v.plain, enumerable: true, writable: true, configurable: true });
      else obj[k] = v.plain;
    }
    return { plain: obj, node: located };
  }
  if (isSeq(node)) {
    if (node.anchor) anchorProblem(c, node, base);
    const arr: Plain[] = [];
    const [start, end] = rangeOf(node, base);
    const located: LSeq = { kind: SEQ, start, end, items: [] };
    c.nodes.set(arr, located);
    for (const item of node.items) {
      const v = toPlain(c, item, base);
      arr.push(v.plain);
      located.items.push(v.node);
    }
    return { plain: arr, node: located };
  }
  if (isAlias(node)) {
    const [start, end] = rangeOf(node, base);
    const p = problem(c, c.lines.range(start, end), 'error', 'alias', `Aliases (*${shown(node.source, 40)}) are not supported in the journal: write the value out in full.`);
    c.spoiled.push({ offset: start, problem: p });
    c.problems.push(p);
    return { plain: undefined, node: { kind: SCALAR, start, end, isNull: false } };
  }
  return { plain: undefined, node: undefined };
}

/**
 * A key given again in a mapping (at `start`-`end`), whose first entry is at `first` (-1 when it has
 * no place, a missing key): the problem names the line of the first.
 */
export function duplicateKey(c: Conversion, key: string, first: number, start: number, end: number): void {
  const at = start >= 0 ? c.lines.range(start, end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const line = first >= 0 ? c.lines.position(first).line + 1 : undefined;
  const p = problem(c, at, 'error', 'duplicate-key',
    `The key "${shown(key)}" is already in this mapping${line ? ` (line ${line})` : ''}. Remove or rename one of the two entries.`, { key: shown(key) });
  c.spoiled.push({ offset: Math.max(0, start), problem: p });
  c.problems.push(p);
}

function anchorProblem(c: Conversion, node: { anchor?: string; range?: [number, number, number] | null }, base: number): void {
  const start = base + (node.range?.[0] ?? 0);
  const name = node.anchor ?? '';
  // The anchor precedes its node closely: look back a bounded stretch of text only.
  const from0 = Math.max(0, start - name.length - 256);
  const at = c.lines.text.slice(from0, start + 1).lastIndexOf('&' + name);
  const from = at >= 0 ? from0 + at : start;
  c.problems.push(problem(c, c.lines.range(from, from + 1 + name.length), 'warning', 'alias',
    `Anchor &${shown(name, 40)} is not supported in the journal; remove it and write values out in full.`));
}
