/**
 * The journal's layout, in one place: the name of its folder as a user may type it (the setting
 * `debrief.journalFolder`, the command line's `--journal`), where each of its files lives, and which
 * interview ids are taken. The settings, the store, Initialize Journal, the edits, the import and the
 * command line all ask here, so that they agree on every folder name and every path.
 */
import type { FileSystem } from '../file-system';
import { basename, joinPath, normalizeRelative } from '../paths';

/** The journal folder when none is set. */
export const DEFAULT_JOURNAL_FOLDER = 'debrief';

export type JournalFileKind = 'interview' | 'weaknesses';

export type FolderName = { ok: true; folder: string } | { ok: false; reason: string };

/**
 * A journal folder name as typed, cleaned: spaces around it dropped, backslashes read as slashes,
 * `.` and `..` resolved (`./journal` and `journal/` are `journal`). Refused when it is not text, is
 * empty, holds control characters, is absolute (a root, a drive, a URI), or names no folder inside
 * the workspace folder once resolved (`..`, `a/../..`, `.`).
 */
export function journalFolderName(raw: unknown): FolderName {
  if (typeof raw !== 'string') return { ok: false, reason: 'is not text' };
  const typed = raw.trim();
  if (typed === '') return { ok: false, reason: 'is empty' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(typed)) return { ok: false, reason: 'holds control characters' };
  const folder = normalizeRelative(typed);
  if (folder === undefined) {
    return { ok: false, reason: /^[\\/]|^[a-zA-Z]:|^[a-z][a-z0-9+.-]*:/i.test(typed) ? 'is absolute: the journal lives inside the workspace folder' : 'leaves the workspace folder' };
  }
  if (folder === '') return { ok: false, reason: 'names the workspace folder itself, not a folder inside it' };
  // A space before a slash cut off ("! /" is "! "): the name read again, as typed without it.
  if (folder !== folder.trim()) return journalFolderName(folder);
  return { ok: true, folder };
}

/** The journal folder a setting names, or the default when it names none Debrief can use. */
export function journalFolderOrDefault(raw: unknown): string {
  const name = journalFolderName(raw);
  return name.ok ? name.folder : DEFAULT_JOURNAL_FOLDER;
}

/** What a journal holds as far as its layout is concerned: records read, and files known (read or refused). */
export interface JournalContents {
  interviews(): readonly { id: string }[];
  files(): readonly string[];
}

/** Where each file of one journal lives, all paths relative to the workspace folder. */
export class JournalLayout {
  /** The journal folder, e.g. `debrief`. */
  readonly folder: string;
  /** `<folder>/interviews`: one file per interview. */
  readonly interviewsFolder: string;
  /** `<folder>/weaknesses.yaml`. */
  readonly weaknessesPath: string;

  /** `folder` as `journalFolderName` gives it (it is joined as it is). */
  constructor(folder: string) {
    this.folder = joinPath(folder);
    this.interviewsFolder = joinPath(this.folder, 'interviews');
    this.weaknessesPath = joinPath(this.folder, 'weaknesses.yaml');
  }

  /**
   * The folders whose creation or deletion makes the journal appear or go as a whole: every folder on
   * the way to the journal folder, the journal folder and its interviews folder (`a`, `a/journal`,
   * `a/journal/interviews`). A watcher tells a folder deleted with all it held as one event for the folder.
   */
  folders(): string[] {
    const parts = this.folder.split('/');
    return [...parts.map((_, i) => parts.slice(0, i + 1).join('/')), this.interviewsFolder];
  }

  /** The file of a new interview. */
  interviewPath(id: string): string {
    return `${this.interviewsFolder}/${id}.yaml`;
  }

  /** Which journal file a workspace-relative path is, if any: `weaknesses.yaml`, or a `.yaml`/`.yml` file right in `interviews/`. */
  kindOf(path: string): JournalFileKind | undefined {
    if (path === this.weaknessesPath) return 'weaknesses';
    const prefix = this.interviewsFolder + '/';
    if (path.startsWith(prefix) && /\.ya?ml$/i.test(path) && !path.slice(prefix.length).includes('/')) return 'interview';
    return undefined;
  }

  /**
   * The interview ids a new interview may not take: every id read, and the name of every interview
   * file (its `.yaml` or `.yml` cut), also of a file that was not read or holds another id, so that
   * a new file never lands on an existing one.
   */
  takenInterviewIds(journal: JournalContents): Set<string> {
    const taken = new Set(journal.interviews().map((iv) => iv.id));
    for (const f of journal.files()) if (this.kindOf(f) === 'interview') taken.add(basename(f).replace(/\.ya?ml$/i, ''));
    return taken;
  }

  /** Whether anything of the journal is on disk yet: `weaknesses.yaml` or the interviews folder (known before anything is read). */
  async isOnDisk(fs: FileSystem): Promise<boolean> {
    for (const path of [this.weaknessesPath, this.interviewsFolder]) {
      if ((await fs.stat(path).catch(() => undefined)) !== undefined) return true;
    }
    return false;
  }
}
