/**
 * The words of a command's refusal of a journal file that does not read, before it asks anything: what
 * it cannot do (change the file, for a command that edits; read the interview, for one that only reads),
 * where the mistake is, what is wrong, and what the user can do about it.
 */
import type { Problem } from './problems';

/** What a refused command was about to do: change the file, or read the interview it holds. */
export type RefusedUse = 'edit' | 'read';

/** The words of the refusal of `path` for a command that would `use` it, located at `problem`. */
export function refusalWords(use: RefusedUse, path: string, problem: Problem): string {
  const line = problem.range.start.line + 1;
  const where = `${path}:${line}:${problem.range.start.character + 1}`;
  const cannot = use === 'edit'
    ? `Debrief cannot change ${path} until the mistake on line ${line} is fixed: it never rewrites a file it could not read whole.`
    : `Debrief cannot read the interview in ${path} until the mistake on line ${line} is fixed.`;
  return `${cannot} ${where}: ${problem.message} Fix that line (Go to Problem opens it; the Problems view lists it), then run the command again.`;
}
