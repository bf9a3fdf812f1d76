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

/** A key: a plain word that may hold spaces and dashes, or a quoted string, followed by `:` and a space or the line end. */
const KEY_RE = /^([^\s#:'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?|"[^"]*"|'[^']*')\s*:(?=\s|$)/;

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
  const k = KEY_RE.exec(body);
  if (k) {
    const key = k[1].replace(/^["']|["']$/g, '');
    const rest = stripComment(body.slice(k[0].length)).trim();
    return { indent, dash, contentCol: col, key, keyEnd: col + k[1].length, rest, blank: false };
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
