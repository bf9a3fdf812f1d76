/** Problems found in journal files, positioned like editor diagnostics. */

export type Severity = 'error' | 'warning' | 'info';

/** A 0-based position, like the editor's: line and UTF-16 character offset in the line. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * One problem in one file. `code` is a stable rule code (see PROBLEM_CODES); `message` says what is
 * wrong and how to fix it; `data` carries what a quick fix needs.
 */
export interface Problem {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  data?: Record<string, unknown>;
}

/** Every rule code the core emits, with a one-line explanation (used by docs and the CLI). */
export const PROBLEM_CODES: Readonly<Record<string, string>> = {
  'yaml-syntax': 'The file is not valid YAML.',
  'duplicate-key': 'A key appears twice in the same mapping.',
  'tab-indent': 'A line is indented with tabs; YAML needs spaces.',
  alias: 'YAML anchors and aliases are not supported in the journal.',
  'empty-file': 'The file is empty.',
  encoding: 'The file is not valid UTF-8.',
  'too-large': 'The file is too large to be a journal file.',
  'not-a-map': 'The file does not hold a mapping of keys.',
  'unknown-key': 'A key the format does not define.',
  'missing-required': 'A required key is missing.',
  'bad-type': 'A value has the wrong type (text, number, list, mapping).',
  'bad-enum': 'A value is not one of the allowed values.',
  'bad-date': 'A date is not a real YYYY-MM-DD date.',
  'bad-id': 'An id is not lowercase letters, digits and dashes.',
  'out-of-range': 'A number is outside its allowed range.',
  'empty-value': 'A text that must not be empty is empty.',
  'id-mismatch': 'The interview id differs from its file name.',
  'duplicate-id': 'Two records share an id.',
  'unknown-weakness': 'An interview cites a weakness that weaknesses.yaml does not define.',
  'unused-weakness': 'No interview cites this weakness yet.',
  'missing-note': 'A linked study note does not exist.',
  'note-outside-workspace': 'A linked study note path leaves the workspace or is absolute.',
  'date-order': 'Two dates are in an impossible order.',
  'stage-behind-rounds': 'The stage key says less than the rounds or the outcome show.',
  'round-out-of-range': 'A citation names a round that does not exist.',
  'done-date-mismatch': 'An improvement item has a done date but is not done, or the reverse.',
};

export function makeRange(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export const FILE_START: Range = makeRange(0, 0, 0, 0);

export function hasErrors(problems: Iterable<Problem>): boolean {
  for (const p of problems) if (p.severity === 'error') return true;
  return false;
}

/** Sorts problems by position, then severity (errors first). Returns a new array. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 :
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      rank[a.severity] - rank[b.severity]);
}
