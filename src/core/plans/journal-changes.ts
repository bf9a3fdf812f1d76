/** Building blocks of plans: one file's edit as a change, and new weaknesses named on the spot. */
import { addWeakness, NewWeakness } from '../edits/weaknesses';
import { applyEdits, chain, EditResult } from '../yaml/text-edits';
import { FileChange, inFile, missingFile, Plan, Texts } from './plan';

/** One file's minimal edit as a plan (no change when the edit changes nothing). */
export function editPlan<T = void>(path: string, texts: Texts, edit: (text: string) => EditResult, result?: T): Plan<T> {
  const text = texts.get(path);
  if (text === undefined) return missingFile(path);
  const r = edit(text);
  if (!r.ok) return { ok: false, problems: inFile(r.problems, path) };
  return { ok: true, changes: r.edits.length ? [{ kind: 'edit', path, edits: r.edits }] : [], result: result as T };
}

/**
 * Adds weaknesses (a title, or a whole new weakness) to weaknesses.yaml (`text` undefined: the file is
 * created), as one change. Returns their new ids in the given order.
 */
export function newWeaknesses(path: string, text: string | undefined, weaknesses: readonly (string | NewWeakness)[]): { ok: true; change?: FileChange; ids: string[] } | { ok: false; problems: ReturnType<typeof inFile> } {
  if (!weaknesses.length) return { ok: true, ids: [] };
  const ids: string[] = [];
  const steps = weaknesses.map((w) => (t: string): EditResult => {
    const r = addWeakness(t, typeof w === 'string' ? { title: w } : w);
    if (r.ok && r.id) ids.push(r.id);
    return r;
  });
  const r = chain(text ?? '', ...steps);
  if (!r.ok) return { ok: false, problems: inFile(r.problems, path) };
  const change: FileChange = text === undefined ? { kind: 'create', path, text: applyEdits('', r.edits) } : { kind: 'edit', path, edits: r.edits };
  return { ok: true, change, ids };
}
