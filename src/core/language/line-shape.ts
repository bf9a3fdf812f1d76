/**
 * The one line scanner for half-typed YAML: completion and the cursor context read a journal file line
 * by line (it may not parse while it is being typed), and both see a line through `lineShape`.
 */

export interface LineShape {
  indent: number;
  /** Column of a leading `- `, when the line starts a list item. */
  dash?: number;
  /** Column where the key or scalar starts (after any dash). */
  contentCol: number;
  /** The key on the line, quotes removed. */
  key?: string;
  /** End column of the key as written (quotes included). */
  keyEnd?: number;
  /** Text after `key:` (comment removed, trimmed); '' when the key opens a nested block. */
  rest?: string;
  /** Blank or only a comment. */
  blank: boolean;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const NOT_FIRST = new Set([...'#:\'"{[]},&*!|>%@`-']);

/**
 * A key at the start of `body`: a plain word that may hold spaces and dashes, or a quoted string,
 * followed by `:` and a space or the line end. Returns the key as written and the offset after its
 * colon. One pass over the line, no backtracking (a regular expression for this took quadratic time
 * on a long line of spaces).
 */
function keyAt(body: string): { written: string; end: number } | undefined {
  const first = body[0];
  let stop: number;
  let written: string;
  if (first === '"' || first === "'") {
    const close = body.indexOf(first, 1);
    if (close < 0) return undefined;
    written = body.slice(0, close + 1);
    stop = close + 1;
    while (stop < body.length && isSpace(body[stop])) stop++;
    if (body[stop] !== ':') return undefined;
  } else {
    if (first === undefined || isSpace(first)) return undefined;
    if (first === '-') {
      const second = body[1];
      if (second === undefined || isSpace(second) || second === ':' || second === '#') return undefined;
    } else if (NOT_FIRST.has(first)) return undefined;
    stop = 1;
    while (stop < body.length && body[stop] !== ':' && body[stop] !== '#') stop++;
    if (body[stop] !== ':') return undefined;
    written = body.slice(0, stop).trimEnd();
  }
  const after = body[stop + 1];
  if (after !== undefined && !isSpace(after)) return undefined;
  return { written, end: stop + 1 };
}

export function lineShape(line: string): LineShape {
  const text = line.replace(/\r$/, '');
  const indent = text.length - text.trimStart().length;
  const trimmed = text.slice(indent);
  if (trimmed === '' || trimmed.startsWith('#')) return { indent, contentCol: indent, blank: true };
  let col = indent;
  let dash: number | undefined;
  let body = trimmed;
  const d = /^-(\s+|$)/.exec(body);
  if (d) {
    dash = indent;
    col = indent + d[0].length;
    body = body.slice(d[0].length);
  }
  const k = keyAt(body);
  if (k) {
    const key = k.written.replace(/^["']|["']$/g, '');
    const rest = stripComment(body.slice(k.end)).trim();
    return { indent, dash, contentCol: col, key, keyEnd: col + k.written.length, rest, blank: false };
  }
  return { indent, dash, contentCol: col, blank: false };
}

/** Removes a trailing `# comment` that is outside quotes. */
export function stripComment(s: string): string {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i);
  }
  return s;
}
