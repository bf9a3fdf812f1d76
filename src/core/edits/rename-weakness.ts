/** Renaming a weakness id in weaknesses.yaml and in every interview that cites it, as one change. */
import { isMap } from 'yaml';
import { FILE_START, Problem } from '../problems';
import { fail, run, scalarOf } from '../yaml/splice';
import type { TextEdit } from '../yaml/text-edits';
import { checkId } from './checks';
import { weaknessIndex } from './weaknesses';

/**
 * Renames a weakness id in weaknesses.yaml and in every interview citing it. `files` maps paths to
 * texts: `weaknessesPath` and the interviews to update (whatever their names).
 */
export function renameWeakness(files: ReadonlyMap<string, string> | Iterable<[string, string]>, weaknessesPath: string, oldId: string, newId: string):
  { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; problems: Problem[] } {
  const bad = checkId(newId, 'weakness');
  if (bad && !bad.ok) return bad;
  const edits = new Map<string, TextEdit[]>();
  let defined = false;
  for (const [path, text] of files) {
    const isWeaknesses = path === weaknessesPath;
    const r = run(text, (ed) => {
      if (isWeaknesses) {
        if (weaknessIndex(ed, newId) >= 0) return fail('duplicate-id', `A weakness with id "${newId}" already exists.`, { id: newId });
        const i = weaknessIndex(ed, oldId);
        if (i >= 0) {
          defined = true;
          ed.set(['weaknesses', i, 'id'], newId);
        }
      } else {
        ed.list(['weaknesses']).forEach((c, i) => {
          if (isMap(c) && scalarOf(c, 'weakness') === oldId) ed.set(['weaknesses', i, 'weakness'], newId);
        });
      }
      return undefined;
    });
    if (!r.ok) return { ok: false, problems: r.problems.map((p) => ({ ...p, file: path })) };
    if (r.edits.length) edits.set(path, r.edits);
  }
  if (!defined) return { ok: false, problems: [{ file: '', range: FILE_START, severity: 'error', code: 'unknown-weakness', message: `There is no weakness "${oldId}" to rename.`, data: { weakness: oldId } }] };
  return { ok: true, edits };
}
