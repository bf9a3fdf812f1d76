/** Plans of the weakness commands that touch more than one file or create one. */
import { renameWeakness } from '../edits/rename-weakness';
import { linkNote, NewWeakness } from '../edits/weaknesses';
import { newWeaknesses } from './journal-changes';
import { FileChange, inFile, missingFile, Plan, refused, Texts } from './plan';

/** Add Weakness: appends it, creating weaknesses.yaml when missing. Reads: `weaknessesPath`. */
export function planAddWeakness(texts: Texts, weaknessesPath: string, weakness: NewWeakness): Plan<string> {
  const r = newWeaknesses(weaknessesPath, texts.get(weaknessesPath), [weakness]);
  if (!r.ok) return r;
  return { ok: true, changes: r.change ? [r.change] : [], result: r.ids[0] };
}

/** Rename Weakness: the id in weaknesses.yaml and every citation. Reads: `weaknessesPath` and `citing`. */
export function planRenameWeakness(texts: Texts, weaknessesPath: string, citing: readonly string[], oldId: string, newId: string): Plan {
  const files: [string, string][] = [];
  for (const path of [weaknessesPath, ...citing]) {
    const text = texts.get(path);
    if (text === undefined) return missingFile(path);
    files.push([path, text]);
  }
  const r = renameWeakness(files, weaknessesPath, oldId, newId);
  if (!r.ok) return r;
  const changes: FileChange[] = [...r.edits].map(([path, edits]) => ({ kind: 'edit', path, edits }));
  return { ok: true, changes, result: undefined };
}

/** Link Study Note with a new note: the note file and its link, as one change. Reads: `weaknessesPath`, `notePath`. */
export function planLinkNewNote(texts: Texts, weaknessesPath: string, weaknessId: string, itemId: string, notePath: string, noteText: string): Plan {
  if (texts.get(notePath) !== undefined) return refused('note-exists', `${notePath} exists already. Link it instead of creating it.`, notePath);
  const text = texts.get(weaknessesPath);
  if (text === undefined) return missingFile(weaknessesPath);
  const r = linkNote(text, weaknessId, itemId, notePath);
  if (!r.ok) return { ok: false, problems: inFile(r.problems, weaknessesPath) };
  return { ok: true, changes: [{ kind: 'create', path: notePath, text: noteText }, { kind: 'edit', path: weaknessesPath, edits: r.edits }], result: undefined };
}
