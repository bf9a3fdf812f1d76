/**
 * Every study note path goes through here: the reader's check, the index's backlinks, the cross-file
 * checks, and, in the editor, Open / Link / Unlink Study Note, hovers, document links, quick fixes,
 * the backlinks CodeLens and note renames. A path taken from a journal file is untrusted: it is
 * refused when it is absolute or leaves the workspace folder once normalised (`notePath`), and when a
 * symbolic link on it leads outside the workspace, or it is not a regular file (`resolveNotePath`).
 */
import type { FileSystem } from './file-system';
import { normalizeRelative } from './paths';
import { resolveTarget } from './safe-fs';
import { shown } from './text/shown';

/** Why a note path is refused, as words that follow "The note path … ". */
export type NoteRefusal = 'absolute' | 'leaves-workspace' | 'links-outside' | 'unchecked-link' | 'not-a-file' | 'unreadable';

const ABSOLUTE = /^[\\/]|^[a-zA-Z]:|^[a-z][a-z0-9+.-]*:/i;

/** True when a note path as written is absolute (a drive, a root or a URI scheme), as opposed to leaving the workspace with `..`. */
export function isAbsoluteNotePath(raw: string): boolean {
  return ABSOLUTE.test(raw);
}

/**
 * The workspace-relative form of a note path (`.` and `..` resolved, backslashes as slashes), or
 * undefined when it is absolute, leaves the workspace folder, is empty or holds control characters.
 * Pure: what it cannot see are symbolic links (see `resolveNotePath`).
 */
export function notePath(raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return undefined;
  const p = normalizeRelative(raw);
  return p === '' ? undefined : p;
}

/** What is wrong with a note path as written ("is absolute", "leaves the workspace", …), or undefined when `notePath` accepts it. */
export function notePathIssue(raw: string): string | undefined {
  if (notePath(raw) !== undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return 'holds control characters';
  if (isAbsoluteNotePath(raw)) return 'is absolute';
  if (normalizeRelative(raw) === '') return 'names no file';
  return 'leaves the workspace';
}

export type NoteResolution =
  /** `path`: normalised, workspace-relative; `exists`: a regular file is there (else nothing is, and its folder may be created). */
  | { ok: true; path: string; exists: boolean }
  | { ok: false; path?: string; reason: NoteRefusal; message: string };

function refused(raw: string, reason: NoteRefusal, detail: string, path?: string): NoteResolution {
  return { ok: false, path, reason, message: `The note path "${shown(raw)}" ${detail}. Debrief opens and creates study notes only inside the workspace folder.` };
}

/**
 * Resolves a note path taken from a journal file or a command against the workspace: normalised, then
 * every symbolic link on it resolved where the file system allows. Refused when it leaves the workspace
 * folder either way, when it is not a regular file, or when it does not exist and its nearest existing
 * folder is refused (creating the note there would write outside the workspace).
 */
export async function resolveNotePath(fs: FileSystem, raw: string): Promise<NoteResolution> {
  const path = notePath(raw);
  if (path === undefined) return refused(raw, isAbsoluteNotePath(raw) ? 'absolute' : 'leaves-workspace', notePathIssue(raw) ?? 'leaves the workspace');
  const t = await resolveTarget(fs, path);
  if (t.kind === 'file') return { ok: true, path, exists: true };
  if (t.kind === 'new') return { ok: true, path, exists: false };
  return refused(raw, t.code === 'outside-workspace' ? 'links-outside' : t.code === 'unchecked-link' || t.code === 'not-a-file' ? t.code : 'unreadable', t.reason, path);
}

/** Why a linked note is refused, as the cross-file problem says it ("The note … links outside the workspace"). */
export function refusalWords(reason: NoteRefusal): string {
  switch (reason) {
    case 'links-outside': return 'links outside the workspace';
    case 'unchecked-link': return 'is, or lies in, a symbolic link, which cannot be checked on this file system';
    case 'not-a-file': return 'is not a regular file';
    case 'unreadable': return 'cannot be read';
    default: return 'leaves the workspace';
  }
}

/** What the cross-file check says of a linked note: it exists, it is missing, or why it is refused. */
export type NoteStatus = 'exists' | 'missing' | { refused: string };
