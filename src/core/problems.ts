/** Problems found in journal files, positioned like editor diagnostics, and how many of them are listed. */
import { LIMITS } from './limits';
import { thousands } from './text/numbers';

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
  'over-limit': 'The file is beyond one of the limits Debrief reads within (tokens, values, nesting, keys, items, aliases, complex keys).',
  'unreadable': 'The file could not be read (no permission, or an error of the file system).',
  'not-a-file': 'The path is not a regular file (a directory, a pipe, a device or a socket), so it is not read.',
  'outside-workspace': 'The file is a symbolic link whose target is outside the workspace folder, so it is not read.',
  'unchecked-link': 'The file is a symbolic link, or in a linked folder, on a file system where Debrief cannot tell where links lead (VS Code for the Web), so it is not read.',
  'too-many-problems': 'More problems than Debrief lists for one file; they are counted, not listed.',
  'not-a-map': 'The file does not hold a mapping of keys.',
  'unknown-key': 'A key the format does not define.',
  'missing-required': 'A required key is missing.',
  'bad-type': 'A value has the wrong type (text, number, list, mapping).',
  'bad-enum': 'A value is not one of the allowed values.',
  'bad-date': 'A date is not a real YYYY-MM-DD date.',
  'bad-time': 'A start time is not written HH:MM on the 24-hour clock.',
  'bad-duration': 'A duration is in none of the forms Debrief reads (minutes, 45m, 1h30m, PT1H30M).',
  'bad-link': 'A meeting link is not an http:// or https:// address.',
  'unknown-timezone': 'A time zone Debrief does not know.',
  'time-conflict': 'A round\'s start time or time zone is written twice, with different values.',
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

/**
 * Rule codes of the problems after which what was read of a file (or of one part of it) is not what
 * the file says: a syntax error, a key given twice, an alias, bytes that are not UTF-8, a file beyond a
 * limit, not a mapping, or not read at all. A file with one of them is never edited (the edit engine
 * needs a whole parse), and the record that holds one does not read.
 */
export const UNREAD_CODES: ReadonlySet<string> = new Set(['yaml-syntax', 'tab-indent', 'duplicate-key', 'alias', 'encoding', 'too-large', 'over-limit', 'not-a-map', 'unreadable', 'not-a-file', 'outside-workspace']);

/** True for an error after which what was read is not what the file says (see UNREAD_CODES). */
export function spoilsReading(p: Problem): boolean {
  return p.severity === 'error' && UNREAD_CODES.has(p.code);
}

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

/** The rule code of the problem that counts, at the top of a file, the problems of that file not listed. */
export const MORE_PROBLEMS = 'too-many-problems';

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${thousands(n)} ${n === 1 ? one : many}`;

/**
 * Collects the problems of one file so that they stay useful at any count: identical problems (same
 * rule, severity and message) are listed up to `sameMax` times and counted beyond (the first one says
 * how many there are); at most `perFile` are listed, and the rest are counted in one last problem at the
 * top of the file. Memory is bounded by `perFile` whatever is pushed; `full` tells a producer it may
 * count (`skip`) instead of building a message that would not be listed anyway.
 */
export class ProblemCollector {
  private readonly list: Problem[] = [];
  private readonly same = new Map<string, { first: number; count: number }>();
  private readonly more: ProblemCounts = { error: 0, warning: 0, info: 0 };

  constructor(readonly file: string, private readonly perFile = LIMITS.problemsPerFile, private readonly sameMax = LIMITS.sameProblem) {}

  /** True once `perFile` problems are listed: any other problem is only counted. */
  get full(): boolean {
    return this.list.length >= this.perFile;
  }

  get size(): number {
    return this.list.length;
  }

  push(p: Problem): void {
    if (p.code === MORE_PROBLEMS) {
      const m = p.data?.more as Partial<ProblemCounts> | undefined;
      this.more.error += m?.error ?? 0;
      this.more.warning += m?.warning ?? 0;
      this.more.info += m?.info ?? 0;
      return;
    }
    const key = `${p.code}\u0000${p.severity}\u0000${p.message}`;
    const group = this.same.get(key);
    if (group && group.count >= this.sameMax) {
      group.count++;
      return;
    }
    if (this.full) {
      this.more[p.severity]++;
      return;
    }
    if (group) group.count++;
    else this.same.set(key, { first: this.list.length, count: 1 });
    this.list.push(p);
  }

  pushAll(problems: Iterable<Problem>): void {
    for (const p of problems) this.push(p);
  }

  /** Counts a problem that was not built (the collector is full). */
  skip(severity: Severity, n = 1): void {
    this.more[severity] += n;
  }

  /** The listed problems: the first of a run of identical ones says how many there are; a last problem counts the rest. */
  finish(): Problem[] {
    const out = this.list;
    for (const g of this.same.values()) {
      if (g.count <= this.sameMax) continue;
      const p = out[g.first];
      const repeats = g.count - this.sameMax;
      out[g.first] = { ...p, message: `${p.message} (${plural(g.count, 'time')} in this file; the first ${this.sameMax} are marked.)`, data: { ...(p.data ?? {}), repeats } };
    }
    const { error, warning, info } = this.more;
    const total = error + warning + info;
    if (total > 0) {
      const parts = [error && plural(error, 'error'), warning && plural(warning, 'warning'), info && `${thousands(info)} info`].filter(Boolean).join(', ');
      out.push({
        file: this.file, range: FILE_START, severity: error ? 'error' : warning ? 'warning' : 'info', code: MORE_PROBLEMS,
        message: `${plural(total, 'more problem')} in this file ${total === 1 ? 'is' : 'are'} not listed (${parts}); Debrief lists ${this.perFile} per file. Fix the ones listed first.`,
        data: { more: { error, warning, info } },
      });
    }
    return out;
  }
}

/** Caps a list of problems of one file (see ProblemCollector); returns the list itself when it is within the limits. */
export function capProblems(file: string, problems: readonly Problem[], perFile = LIMITS.problemsPerFile): readonly Problem[] {
  if (problems.length <= perFile) {
    let folded = false;
    const seen = new Map<string, number>();
    for (const p of problems) {
      const key = `${p.code}\u0000${p.severity}\u0000${p.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > LIMITS.sameProblem) {
        folded = true;
        break;
      }
    }
    if (!folded) return problems;
  }
  const c = new ProblemCollector(file, perFile);
  c.pushAll(problems);
  return c.finish();
}

/**
 * How many problems a list stands for, by severity: the problems listed, the identical ones counted on
 * the first of their run, and those counted by a file's last "not listed" problem. Every count shown
 * (the command line's summary, the sidebar) comes from here.
 */
export function countProblems(problems: Iterable<Problem>): ProblemCounts {
  const c: ProblemCounts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) {
    if (p.code === MORE_PROBLEMS) {
      const m = p.data?.more as Partial<ProblemCounts> | undefined;
      c.error += m?.error ?? 0;
      c.warning += m?.warning ?? 0;
      c.info += m?.info ?? 0;
      continue;
    }
    const repeats = p.data?.repeats;
    c[p.severity] += 1 + (typeof repeats === 'number' ? repeats : 0);
  }
  return c;
}
