/**
 * Writes the same journal data in the many styles people and tools write YAML in: block and flow
 * collections at every level, comments before and after nodes and blank lines, plain, quoted and
 * block scalars (every chomping), explicit keys, tags and anchors on keys, 2- or 4-space indentation,
 * indented or indentless sequences, document markers, CRLF, a BOM, no final newline.
 *
 * The `yaml` package's own emitter does the writing, driven by random style choices, so that every
 * text is valid YAML whose data is exactly the data given; a few styles it never writes (explicit keys)
 * are made by rewriting lines afterwards, and checked to keep the data.
 */
import * as fc from 'fast-check';
import { Document, isMap, isScalar, isSeq, Parser, parseDocument, Scalar, visit, YAMLMap } from 'yaml';
import { IMPROVEMENT_STATUSES, OUTCOMES, ROUND_TYPES, STAGES, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES } from '../../../src/core/model';

export interface Style {
  indent: 2 | 4;
  indentSeq: boolean;
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  docStart: boolean;
  docEnd: boolean;
  headerComment: boolean;
  explicitKeys: boolean;
  /**
   * Block collections and plain keys only (no flow collections, no tags, anchors or quotes on keys),
   * as journals are mostly written; scalars, comments and indentation still vary.
   */
  blockOnly?: boolean;
  /** One choice per node, consumed in document order (cycled). */
  choices: number[];
}

export const styleArb: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  indentSeq: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  docStart: fc.boolean(),
  docEnd: fc.boolean(),
  headerComment: fc.boolean(),
  explicitKeys: fc.boolean(),
  choices: fc.array(fc.nat(1000), { minLength: 8, maxLength: 64 }),
});

/** Styles of block collections and plain keys, without markers, byte order mark or explicit keys. */
export const blockStyleArb: fc.Arbitrary<Style> = styleArb.map((style) => ({ ...style, blockOnly: true, bom: false, docStart: false, docEnd: false, explicitKeys: false }));

const SCALAR_TYPES = ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;

/** Writes `data` (plain JSON-like data, a mapping at the root) in `style`. */
export function writeInStyle(data: Record<string, unknown>, style: Style): string {
  const doc = new Document(data);
  let n = 0;
  const pick = () => style.choices[n++ % style.choices.length];
  let comment = 0;
  visit(doc, {
    Map(_, node) {
      const c = pick();
      // A flow collection holds only flow collections: yaml writes everything inside it in flow style.
      node.flow = !style.blockOnly && c % 5 === 0;
      if (c % 7 === 1) node.commentBefore = ` map comment ${comment++}`;
    },
    Seq(_, node) {
      const c = pick();
      node.flow = !style.blockOnly && c % 4 === 0;
      if (c % 6 === 1) node.comment = ` after the list ${comment++}`;
    },
    Pair(_, pair) {
      const c = pick();
      const key = pair.key as Scalar;
      if (isScalar(key)) {
        if (style.blockOnly) key.type = 'PLAIN';
        else if (c % 11 === 3) key.tag = 'tag:yaml.org,2002:str';
        else if (c % 13 === 4) key.anchor = `k${comment++}`;
        else if (c % 9 === 5) key.type = 'QUOTE_DOUBLE';
        if (c % 8 === 2) key.commentBefore = ` before ${key.value} ${comment++}`;
        if (c % 10 === 6) key.spaceBefore = true;
      }
      const value = pair.value;
      if (isScalar(value) && c % 6 === 0) value.comment = ` after ${String(key.value)} ${comment++}`;
    },
    Scalar(key, node) {
      const c = pick();
      if (key !== 'key' && typeof node.value === 'string') {
        const type = SCALAR_TYPES[c % SCALAR_TYPES.length];
        // Block scalars keep a value exactly only with the right chomping; yaml picks it.
        node.type = type;
      }
    },
  });
  if (style.headerComment) doc.commentBefore = ' a hand-written journal file';
  if (style.docStart) doc.directives!.docStart = true;
  let text = doc.toString({ indent: style.indent, indentSeq: style.indentSeq, lineWidth: 0, minContentWidth: 0 });
  // The emitter has corners where its text does not read back as the data: then the plain style.
  const check = parseDocument(text);
  if (check.errors.length || JSON.stringify(check.toJS()) !== JSON.stringify(data)) text = new Document(data).toString({ indent: style.indent, indentSeq: style.indentSeq, lineWidth: 0 });
  if (style.docEnd) text += '...\n';
  if (style.explicitKeys) text = explicitKeys(text);
  if (!style.finalNewline) text = text.replace(/\n+$/, '');
  if (style.crlf) text = text.replace(/\n/g, '\r\n');
  if (style.bom) text = '\uFEFF' + text;
  return text;
}

/** Rewrites some top-level `key: value` lines as `? key` / `: value`, when the data stays the same. */
function explicitKeys(text: string): string {
  const before = parseDocument(text).toJS();
  const out = text.replace(/^([a-z][\w-]*): (\S[^\n#]*)$/gm, (line, key: string, value: string, offset: number) =>
    offset % 3 === 0 ? `? ${key}\n: ${value}` : line);
  const after = parseDocument(out);
  return after.errors.length === 0 && JSON.stringify(after.toJS()) === JSON.stringify(before) ? out : text;
}

// ---------- journal data ----------

const word = fc.stringMatching(/^[a-z]{2,8}$/);
export const idArb = fc.tuple(word, fc.option(word, { nil: undefined })).map(([a, b]) => (b ? `${a}-${b}` : a));
export const dateArb = fc.tuple(fc.integer({ min: 2020, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
/** Text a person writes, with the characters YAML cares about. */
export const textArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z ,.'!?-]{0,30}$/),
  fc.constantFrom('Said: "think aloud"', 'a # not a comment', 'key: value', '- dash', '[brackets]', '{braces}', 'yes', '123', '2025-01-01', 'null', 'line one\nline two', 'trailing\n', 'émigré café', '@at', '`tick`', '|pipe', '>gt', 'tab\there'),
).filter((s) => s.trim() === s || s.includes('\n'));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export const interviewArb = fc.record({
  id: idArb,
  company: textArb,
  role: textArb,
  applied: opt(dateArb),
  source: opt(textArb),
  stage: opt(fc.constantFrom(...STAGES)),
  outcome: opt(fc.constantFrom(...OUTCOMES)),
  rounds: opt(fc.array(fc.record({
    type: fc.constantFrom(...ROUND_TYPES), date: opt(dateArb), rating: opt(fc.integer({ min: 1, max: 5 })),
    interviewers: opt(fc.array(textArb, { minLength: 1, maxLength: 2 })), 'went-badly': opt(textArb),
  }, { requiredKeys: ['type'] }), { minLength: 1, maxLength: 3 })),
  feedback: opt(fc.record({ requested: opt(dateArb), received: opt(dateArb), summary: opt(textArb), quotes: opt(fc.array(textArb, { minLength: 1, maxLength: 2 })) }, { requiredKeys: [] })),
  weaknesses: opt(fc.array(fc.record({ weakness: idArb, round: opt(fc.integer({ min: 1, max: 3 })), source: opt(fc.constantFrom('self', 'interviewer')), quote: opt(textArb) }, { requiredKeys: ['weakness'] }), { minLength: 1, maxLength: 3 })),
  next: opt(fc.record({ action: opt(textArb), due: opt(dateArb) }, { requiredKeys: [] })),
  tags: opt(fc.array(word, { minLength: 1, maxLength: 3 })),
  notes: opt(textArb),
}, { requiredKeys: ['id', 'company', 'role'] });

export const weaknessesArb = fc.record({
  weaknesses: fc.uniqueArray(fc.record({
    id: idArb,
    title: textArb,
    category: opt(fc.constantFrom(...WEAKNESS_CATEGORIES)),
    status: opt(fc.constantFrom(...WEAKNESS_STATUSES)),
    description: opt(textArb),
    improvements: opt(fc.uniqueArray(fc.record({
      id: idArb, action: textArb, status: opt(fc.constantFrom(...IMPROVEMENT_STATUSES)), due: opt(dateArb), 'done-when': opt(textArb),
      notes: opt(fc.uniqueArray(word.map((w) => `notes/${w}.md`), { minLength: 1, maxLength: 2 })),
    }, { requiredKeys: ['id', 'action'] }), { minLength: 1, maxLength: 3, selector: (i) => i.id })),
  }, { requiredKeys: ['id', 'title'] }), { minLength: 1, maxLength: 4, selector: (w) => w.id }),
});

/** Plain data without the undefined fields fast-check leaves in records. */
export function plain<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

/** Every comment of a text (its `# …` tokens in the concrete syntax tree), as written. */
export function comments(text: string): string[] {
  const out: string[] = [];
  const walk = (t: unknown): void => {
    if (!t || typeof t !== 'object') return;
    if (Array.isArray(t)) return t.forEach(walk);
    const tok = t as Record<string, unknown>;
    if (tok.type === 'comment' && typeof tok.source === 'string') out.push(tok.source.trimEnd());
    for (const k of ['start', 'sep', 'end', 'props', 'items', 'key', 'value']) if (k in tok) walk(tok[k]);
  };
  for (const tok of new Parser().parse(text)) walk(tok);
  return out.sort();
}

/**
 * The source text of each pair of a mapping (from its key to the end of its value), by key. Comment lines
 * at the end that are no further right than the key belong to what follows the pair (`yaml` may end a
 * nested block collection after them, so that removing the pair after it moves them into its range):
 * they are left out. Every comment is checked to stay anyway (`comments`).
 */
export function pairSources(text: string, path: (string | number)[] = []): Map<string, string> {
  const doc = parseDocument(text);
  let node: unknown = doc.contents;
  for (const seg of path) node = isMap(node) ? (node as YAMLMap).get(seg, true) : isSeq(node) ? node.items[seg as number] : undefined;
  const out = new Map<string, string>();
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const k = pair.key as Scalar;
    const v = pair.value as Scalar | null;
    const start = k?.range?.[0];
    const end = v?.range?.[1] ?? k?.range?.[1];
    if (start === undefined || end === undefined) continue;
    const column = start - (text.lastIndexOf('\n', start - 1) + 1);
    // A block scalar's range ends after its line break: compare the text up to its content.
    let source = text.slice(start, end).replace(/\s+$/, '');
    for (let nl = source.lastIndexOf('\n'); nl >= 0; nl = source.lastIndexOf('\n')) {
      const last = source.slice(nl + 1);
      if (!/^[ \t]*#/.test(last) || last.search(/\S/) > column) break;
      source = source.slice(0, nl).replace(/\s+$/, '');
    }
    out.set(String(k.value), source);
  }
  return out;
}
