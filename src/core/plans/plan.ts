/**
 * A plan: every file change a command makes, computed by a pure function from the user's answers and
 * the current texts, before anything is written. The editor applies a plan as one change (one Undo);
 * a refused plan writes nothing and says why.
 */
import type { Problem } from '../problems';
import type { TextEdit } from '../yaml/text-edits';

export type FileChange =
  /** A new file; refused when a file already exists there. */
  | { kind: 'create'; path: string; text: string }
  /** Minimal edits of an existing file (positions in its current text). */
  | { kind: 'edit'; path: string; edits: TextEdit[] }
  | { kind: 'delete'; path: string };

export type Plan<T = void> = { ok: true; changes: FileChange[]; result: T } | { ok: false; problems: Problem[] };

/** The current text of each file a plan reads (undefined: the file does not exist). */
export type Texts = ReadonlyMap<string, string | undefined>;

export function refused(code: string, message: string, file = '', data?: Record<string, unknown>): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code, message, ...(data ? { data } : {}) }] };
}

/** The refusal of a plan whose file went away between the question and the change: the one wording of it. */
export function missingFile(path: string): { ok: false; problems: Problem[] } {
  return refused('missing-file', `${path} does not exist any more. Try again.`, path);
}

/** The problems of a refused edit, located in `file` when they name no file. */
export function inFile(problems: Problem[], file: string): Problem[] {
  return problems.map((p) => (p.file ? p : { ...p, file }));
}
