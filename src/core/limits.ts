/**
 * The limits within which Debrief reads a journal file, all in this one place, and the check of a
 * YAML text against them.
 *
 * A journal may come from someone else (a template repository, a shared example, a pull request that
 * CI validates), so every file is untrusted input. These limits keep the work of reading one file
 * bounded and linear in its size, whatever its shape: each is checked before the expensive work
 * (composing a YAML document, validating it against the schema, building records, editing), and a
 * file beyond a limit gets one located problem that names the limit and says how to fix the file.
 * They sit far above what a journal written by a person needs (an interview file holds a few hundred
 * tokens, a `weaknesses.yaml` with 300 weaknesses and their items about 48,000), and low enough that
 * the largest file they accept is read in about a tenth of a second (see BENCHMARKS.md).
 */
import { CST, Lexer, Parser } from 'yaml';
import { thousands } from './text/numbers';

export interface Limits {
  /** Bytes of one file: larger files are not read, and a read stops after this many bytes. */
  fileBytes: number;
  /** YAML tokens of one file: keys, values, punctuation, comments and line breaks. */
  tokens: number;
  /** Values of one file: every key, value, list and mapping. */
  values: number;
  /** How deep lists and mappings nest (the journal format needs 6 levels). */
  depth: number;
  /** Keys of one mapping (a journal record has about a dozen). */
  keysPerMapping: number;
  /** Items of one list. */
  itemsPerList: number;
  /** Anchors (`&a`) and aliases (`*a`) of one file; the journal supports none, each is a problem. */
  aliases: number;
  /** Problems listed for one file; the rest are counted in one "and N more" problem. */
  problemsPerFile: number;
  /** Identical problems (same rule, severity and message) listed for one file before they are counted instead. */
  sameProblem: number;
  /** Problem lines the command line prints in one run; the rest are counted. */
  problemsPerRun: number;
  /** Bytes of a study note Debrief reads (for a hover). */
  noteBytes: number;
}

export const LIMITS: Readonly<Limits> = Object.freeze({
  fileBytes: 1024 * 1024,
  tokens: 60_000,
  values: 30_000,
  depth: 64,
  keysPerMapping: 1_000,
  itemsPerList: 10_000,
  aliases: 100,
  problemsPerFile: 100,
  sameProblem: 3,
  problemsPerRun: 1_000,
  noteBytes: 1024 * 1024,
});

/**
 * The limits within which Debrief imports a spreadsheet (core/import/). A job search's spreadsheet
 * holds a few hundred rows of a few dozen columns; these bounds sit far above that and keep reading
 * linear in the file: the text is split into rows once (papaparse) and a row wider than `columns`
 * stops the reading at that row, before any column is looked at; every later step (the header row,
 * the guess of the columns, the plan) then works on at most `cells` cells. A workbook (.xlsx, .ods)
 * is a zip: what is inflated from it is counted as it comes out, and stops at `inflatedBytes`.
 */
export interface ImportLimits {
  /** Bytes of the file to import. */
  bytes: number;
  /** Rows below the header. */
  rows: number;
  /** Columns of one row: a wider row is refused where it is, with its line and column. */
  columns: number;
  /** Cells of the whole table (rows × columns read). */
  cells: number;
  /** Bytes inflated from a workbook's zip, all the parts read together. */
  inflatedBytes: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  bytes: 16 * 1024 * 1024,
  rows: 10_000,
  columns: 500,
  cells: 1_000_000,
  inflatedBytes: 64 * 1024 * 1024,
});

/** The limits with some of them changed (the benchmark reads past the size limit to measure scaling). */
export function limitsWith(overrides: Partial<Limits> | undefined): Readonly<Limits> {
  return overrides ? { ...LIMITS, ...overrides } : LIMITS;
}

/** Which limit a text is beyond; `complexKeys` is a list or mapping used as a key (none are allowed). */
export type LimitName = keyof Limits | 'complexKeys';

export interface LimitBreach {
  limit: LimitName;
  /** Offset in the text where the limit was crossed. */
  offset: number;
  /** What is beyond which limit, and how to fix the file. */
  message: string;
  max: number;
}

const fmt = thousands;

/** The message of each limit: what is beyond it and how to fix the file. */
export function limitMessage(limit: LimitName, limits: Readonly<Limits> = LIMITS, size?: number): string {
  switch (limit) {
    case 'fileBytes':
    case 'noteBytes': {
      const max = limits[limit];
      const mb = (n: number) => (n / 1048576).toFixed(1).replace(/\.0$/, '');
      return `The file is ${size !== undefined ? `${mb(size)} MB` : `larger than ${mb(max)} MB`}; Debrief reads ${limit === 'noteBytes' ? 'study notes' : 'journal files'} up to ${mb(max)} MB (limit: file size). Split it, or move long text into a Markdown note.`;
    }
    case 'tokens':
      return `The file has more than ${fmt(limits.tokens)} YAML tokens (keys, values, punctuation, comments, line breaks); Debrief reads journal files up to that (limit: tokens per file). Split it, or move long lists and text into Markdown notes.`;
    case 'values':
      return `The file has more than ${fmt(limits.values)} values (keys, values, lists and mappings); Debrief reads journal files up to that (limit: values per file). Split it, or move long lists into Markdown notes.`;
    case 'depth':
      return `Lists and mappings are nested more than ${fmt(limits.depth)} levels deep here (limit: nesting depth; the journal format needs 6). Flatten this value, or move it into a Markdown note.`;
    case 'keysPerMapping':
      return `This mapping has more than ${fmt(limits.keysPerMapping)} keys (limit: keys per mapping; a journal record has about a dozen). Remove the extra keys, or move their text under "notes".`;
    case 'itemsPerList':
      return `This list has more than ${fmt(limits.itemsPerList)} items (limit: items per list). Shorten the list, or split the file.`;
    case 'aliases':
      return `The file uses more than ${fmt(limits.aliases)} anchors and aliases (&name, *name) (limit: aliases per file; the journal supports none). Write the values out in full.`;
    case 'complexKeys':
      return 'A list or mapping is used as a key here (limit: keys must be plain text). Write the key as text, as in "company: Acme".';
    default:
      return `The file is beyond Debrief's reading limit "${limit}".`;
  }
}

function breach(limit: LimitName, offset: number, limits: Readonly<Limits>): { breach: LimitBreach } {
  return { breach: { limit, offset, message: limitMessage(limit, limits), max: limit === 'complexKeys' ? 0 : limits[limit] } };
}

/** Double-quoted scalars longer than this are listed for the reader (see document.ts). */
const LONG_SCALAR = 256;

// Lexer tokens that mark a state and take no characters of the source.
const DOCUMENT = CST.DOCUMENT.charCodeAt(0);
const FLOW_END = CST.FLOW_END.charCodeAt(0);
const SCALAR = CST.SCALAR.charCodeAt(0);

type Item = CST.CollectionItem;

function itemOffset(it: Item, fallback: number): number {
  return it.key?.offset ?? it.start[0]?.offset ?? it.value?.offset ?? it.sep?.[0]?.offset ?? fallback;
}

/**
 * Checks a YAML text against the limits, before anything is composed from it. Returns the syntax
 * tokens (CST) of the text, to compose a document from without parsing it again (with its long
 * double-quoted scalars), or the first limit the text is beyond.
 *
 * Cost: linear in the length of the text, whatever its shape. A text of more than 16 KB is first
 * counted by the `yaml` lexer alone, which stops as soon as the token count or
 * the flow nesting is beyond its limit (a fraction of the cost of parsing them); the parser then only
 * ever sees a bounded number of tokens. The parser's syntax tree is walked once with an explicit stack
 * (no recursion), counting values, depth, keys, items and aliases, and looking for collections used as keys.
 */
export function checkYamlLimits(text: string, limits: Readonly<Limits> = LIMITS): { tokens: CST.Token[]; longDoubleQuoted: CST.FlowScalar[] } | { breach: LimitBreach } {
  // Each pass is a function of its own: the engine optimizes a long loop while it runs, and code
  // optimized so (kept for later calls) that reaches a part of the function not run before is thrown
  // away at each call. A damaged file is checked part by part, hundreds of times: with the three passes
  // in one function, each check after the first ran unoptimized.
  const lexemes = lexWithin(text, limits);
  if (!Array.isArray(lexemes)) return lexemes;
  return walkWithin(parseLexemes(lexemes), limits);
}

/** The lexer alone: it stops as soon as the token count or the flow nesting is beyond its limit. */
function lexWithin(text: string, limits: Readonly<Limits>): string[] | { breach: LimitBreach } {
  const lexemes: string[] = [];
  let count = 0;
  let offset = 0;
  let flow = 0;
  for (const lexeme of new Lexer().lex(text)) {
    // Marks (a document starts, a scalar follows, a flow ends early) take no characters of the text.
    let mark = false;
    if (lexeme.length === 1) {
      const c = lexeme.charCodeAt(0);
      if (c === DOCUMENT || c === FLOW_END || c === SCALAR) mark = true;
      else if (c === 0x5b || c === 0x7b) { // [ {
        if (++flow > limits.depth) return breach('depth', offset, limits);
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--; // ] }
    }
    if (!mark) {
      if (++count > limits.tokens) return breach('tokens', offset, limits);
      offset += lexeme.length;
    }
    lexemes.push(lexeme);
  }
  return lexemes;
}

/** The parser, on the lexemes of the lexer (the text is lexed once). */
function parseLexemes(lexemes: string[]): CST.Token[] {
  const tokens: CST.Token[] = [];
  const parser = new Parser();
  feed(parser, lexemes, tokens);
  for (const t of parser.end()) tokens.push(t);
  lexemes.length = 0;
  return tokens;
}

/** The loop of parseLexemes, alone in its function (nothing after it: see checkYamlLimits). */
function feed(parser: Parser, lexemes: readonly string[], tokens: CST.Token[]): void {
  for (const lexeme of lexemes) for (const t of parser.next(lexeme)) tokens.push(t);
}

/** The syntax tree walked once against the limits. */
function walkWithin(tokens: CST.Token[], limits: Readonly<Limits>): { tokens: CST.Token[]; longDoubleQuoted: CST.FlowScalar[] } | { breach: LimitBreach } {
  let values = 0;
  let aliases = 0;
  const longDoubleQuoted: CST.FlowScalar[] = [];
  // Anchors sit among the source tokens around a value.
  const anchors = (list: readonly CST.Token[] | undefined): boolean => {
    if (list) for (const t of list) if (t.type === 'anchor' && ++aliases > limits.aliases) return true;
    return false;
  };
  // An explicit stack (tokens and their depths side by side, no pair allocated per node).
  const stack: CST.Token[] = [];
  const depths: number[] = [];
  const push = (t: CST.Token, d: number) => {
    stack.push(t);
    depths.push(d);
  };
  for (let i = tokens.length - 1; i >= 0; i--) push(tokens[i], 0);
  while (stack.length > 0) {
    const tok = stack.pop() as CST.Token;
    const depth = depths.pop() as number;
    switch (tok.type) {
      case 'document':
        if (anchors(tok.start) || anchors(tok.end)) return breach('aliases', tok.offset, limits);
        if (tok.value) push(tok.value, depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (++values > limits.values) return breach('values', tok.offset, limits);
        if (depth + 1 > limits.depth) return breach('depth', tok.offset, limits);
        const isMap = tok.type === 'block-map' || (tok.type === 'flow-collection' && tok.start.source === '{');
        const items: readonly Item[] = tok.items;
        const max = isMap ? limits.keysPerMapping : limits.itemsPerList;
        if (items.length > max) return breach(isMap ? 'keysPerMapping' : 'itemsPerList', itemOffset(items[max], tok.offset), limits);
        if (tok.type === 'flow-collection' && anchors(tok.end)) return breach('aliases', tok.offset, limits);
        for (let i = items.length - 1; i >= 0; i--) {
          const it = items[i];
          if (anchors(it.start) || anchors(it.sep)) return breach('aliases', itemOffset(it, tok.offset), limits);
          if (it.value) push(it.value, depth + 1);
          if (it.key) {
            if (CST.isCollection(it.key)) return breach('complexKeys', it.key.offset, limits);
            push(it.key, depth + 1);
          }
        }
        break;
      }
      case 'alias':
        if (++aliases > limits.aliases) return breach('aliases', tok.offset, limits);
        if (++values > limits.values) return breach('values', tok.offset, limits);
        if (anchors(tok.end)) return breach('aliases', tok.offset, limits);
        break;
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (tok.type === 'double-quoted-scalar' && tok.source.length > LONG_SCALAR) longDoubleQuoted.push(tok);
        if (++values > limits.values) return breach('values', tok.offset, limits);
        if (anchors(tok.end)) return breach('aliases', tok.offset, limits);
        break;
      case 'block-scalar':
        if (++values > limits.values) return breach('values', tok.offset, limits);
        if (anchors(tok.props)) return breach('aliases', tok.offset, limits);
        break;
      default:
        break;
    }
  }
  return { tokens, longDoubleQuoted };
}
