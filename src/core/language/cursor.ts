import { lineShape, stripComment } from './line-shape';
import { CITATION_SOURCES, IMPROVEMENT_STATUSES, OUTCOMES, ROUND_TYPES, STAGES, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES } from '../model';

/**
 * Where a cursor is in a journal YAML file, read line by line so that it works on half-typed,
 * not-yet-valid text: the chain of keys above it (list items are implicit), whether it is on a
 * key or a value, and the span of the value under it.
 */

export interface CursorContext {
  /** Keys from the root to the key being edited, e.g. ['weaknesses', 'improvements', 'status']. */
  path: string[];
  /** 'value': after `key:` or on a scalar list item (`- text`, then path ends with the list's key); 'key': where a key is typed. */
  at: 'value' | 'key';
  /** True when the value is a scalar item of a list (`- notes/x.md`). */
  listItem: boolean;
  /** The value's span on the line (0-based characters, end exclusive), quotes included; for a key, the partial key. */
  start: number;
  end: number;
  /** The value text in that span, quotes removed. */
  text: string;
  /** The column of the key (or of the item's dash for a list item). */
  column: number;
}

/** The keys enclosing a line whose content is at column `col` (a list item's dash counts half a column further). */
function ancestors(lines: string[], lineNo: number, col: number): string[] {
  const path: string[] = [];
  let limit = col;
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const s = lineShape(lines[i]);
    if (s.blank) continue;
    if (s.key !== undefined && s.contentCol < limit && s.rest === '') {
      path.unshift(s.key);
      limit = s.dash !== undefined ? s.dash + 0.5 : s.contentCol;
      continue;
    }
    if (s.dash !== undefined && s.dash < limit) {
      limit = s.dash + 0.5;
      continue;
    }
    if (s.dash === undefined && s.contentCol < limit) limit = s.contentCol;
  }
  return path;
}

function unquote(s: string): string {
  return /^(".*"|'.*')$/.test(s) ? s.slice(1, -1) : s.replace(/^["']/, '');
}

/** The editing context at a 0-based line and character of `text`. */
export function cursorContext(text: string, line: number, character: number): CursorContext | undefined {
  const lines = text.split(/\r?\n/);
  const raw = lines[line];
  if (raw === undefined) return undefined;
  const s = lineShape(raw);
  const lineText = raw.replace(/\r$/, '');
  if (s.key !== undefined && s.keyEnd !== undefined && character > s.keyEnd) {
    // After `key:`: a value.
    const colon = lineText.indexOf(':', s.keyEnd);
    let start = colon + 1;
    while (start < lineText.length && lineText[start] === ' ') start++;
    const valueText = stripComment(lineText.slice(start));
    const end = start + valueText.trimEnd().length;
    if (character < colon + 1) return undefined;
    const path = [...ancestors(lines, line, s.dash !== undefined ? s.dash + 0.5 : s.contentCol), s.key];
    return { path, at: 'value', listItem: false, start: Math.min(start, Math.max(character, colon + 1)), end: Math.max(end, Math.min(character, lineText.length)), text: unquote(lineText.slice(start, end)), column: s.contentCol };
  }
  if (s.dash !== undefined && s.key === undefined && character >= s.contentCol) {
    // `- something`: a scalar list item, or a key being typed in a new item.
    const valueText = stripComment(lineText.slice(s.contentCol));
    const end = s.contentCol + valueText.trimEnd().length;
    const path = ancestors(lines, line, s.dash + 0.5);
    return { path, at: 'value', listItem: true, start: s.contentCol, end: Math.max(end, character), text: unquote(lineText.slice(s.contentCol, end)), column: s.dash };
  }
  // A key position: the word under the cursor is a partial key.
  const col = s.blank ? Math.min(character, s.indent) : s.contentCol;
  if (!s.blank && s.key === undefined && character < s.contentCol) return undefined;
  const path = ancestors(lines, line, s.dash !== undefined ? s.dash + 0.5 : col);
  const start = s.blank ? character : s.contentCol;
  const end = s.blank ? character : (s.keyEnd ?? s.contentCol + (stripComment(lineText.slice(s.contentCol)).trimEnd().length));
  return { path, at: 'key', listItem: false, start, end, text: lineText.slice(start, end), column: col };
}

/** What kind of value a key path holds in a journal file, for completion and hovers. */
export type ValueKind =
  | { kind: 'enum'; values: readonly string[]; name: string }
  | { kind: 'weakness-id' }
  | { kind: 'note-path' }
  | { kind: 'date' }
  | { kind: 'timezone' };

export function valueKindOf(fileKind: 'interview' | 'weaknesses', path: readonly string[]): ValueKind | undefined {
  const p = path.join('.');
  if (fileKind === 'interview') {
    switch (p) {
      case 'stage': return { kind: 'enum', values: STAGES, name: 'stage' };
      case 'outcome': return { kind: 'enum', values: OUTCOMES, name: 'outcome' };
      case 'rounds.type': return { kind: 'enum', values: ROUND_TYPES, name: 'round type' };
      case 'weaknesses.source': return { kind: 'enum', values: CITATION_SOURCES, name: 'source' };
      case 'weaknesses.weakness': return { kind: 'weakness-id' };
      case 'rounds.timezone': return { kind: 'timezone' };
      case 'applied': case 'rounds.date': case 'feedback.requested': case 'feedback.received': case 'next.due':
        return { kind: 'date' };
      default: return undefined;
    }
  }
  switch (p) {
    case 'weaknesses.category': return { kind: 'enum', values: WEAKNESS_CATEGORIES, name: 'category' };
    case 'weaknesses.status': return { kind: 'enum', values: WEAKNESS_STATUSES, name: 'weakness status' };
    case 'weaknesses.improvements.status': return { kind: 'enum', values: IMPROVEMENT_STATUSES, name: 'improvement status' };
    case 'weaknesses.improvements.notes': return { kind: 'note-path' };
    case 'weaknesses.improvements.due': case 'weaknesses.improvements.done': return { kind: 'date' };
    default: return undefined;
  }
}
