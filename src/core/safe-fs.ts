/**
 * Reading and writing only regular files inside the workspace. A symbolic link is followed only when
 * its target stays inside the workspace folder (and only where the file system can tell); named pipes,
 * devices, sockets and directories are never opened; a read stops at a byte cap; a file with more than
 * one name (hard links) is read but never written. Every refusal is a problem located at the file that
 * says why, counted as an error: never "the file is empty", never a silent skip. The command line
 * (Node's fs) and the extension (the editor's file system) go through these same rules.
 *
 * A file the user named (on the command line, in a dialog) goes through the same rules on a
 * FileSystem rooted at its file system's root (`chosenFile` in the adapters): the user chose where it is.
 */
import { errorCode, FileStat, FileSystem, FileType } from './file-system';
import { FILE_START, Problem } from './problems';

export type Refusal = 'outside-workspace' | 'unchecked-link' | 'not-a-file' | 'unreadable';

/** The rule codes of a file Debrief did not read: it is not opened in the editor either (it may lead outside, or be a pipe). */
export const NOT_READ_CODES: ReadonlySet<string> = new Set<Refusal>(['outside-workspace', 'unchecked-link', 'not-a-file', 'unreadable']);

/** Whether a problem says that a file was not read at all (refused, or over the size limit), so that nothing of it counts. */
export function isNotRead(problem: Problem): boolean {
  return NOT_READ_CODES.has(problem.code) || problem.code === 'too-large';
}

export type Entry =
  | { kind: 'missing' }
  /** `real`: the workspace-relative path with every link resolved (the path itself where links cannot be resolved). */
  | { kind: 'file' | 'directory'; real: string; stat: FileStat }
  | { kind: 'refused'; code: Refusal; reason: string };

/**
 * Why a path was refused, as words that follow its subject ("The file …", "The folder debrief …",
 * "debrief/x.yaml …"): each starts with a verb.
 */
const WHY = {
  outside: 'links outside the workspace (a symbolic link whose target is outside the workspace folder)',
  special: 'is a named pipe, a device or a socket, not a regular file',
  directory: 'is a folder, not a file',
  dangling: 'is a symbolic link that leads nowhere',
  loop: 'is a loop of symbolic links (a link that leads back to itself)',
  unchecked: 'is a symbolic link, which cannot be checked on this file system',
  tooLarge: 'is too large',
};

function refusedBy(e: unknown): Entry {
  const code = errorCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  return { kind: 'refused', code: refusalOf(e), reason: readFailure(e) };
}

/** The refusal a file system error stands for: a loop of links or a path that is no regular file is not a file Debrief reads; the rest could not be read. */
function refusalOf(e: unknown): Refusal {
  const code = errorCode(e);
  return code === 'ELOOP' || code === 'ENOTREG' || code === 'EISDIR' ? 'not-a-file' : 'unreadable';
}

/** "cannot be read: permission denied" and the like, from a file system error: words that follow the file's name. */
export function readFailure(e: unknown): string {
  const code = errorCode(e);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ELOOP':
      return WHY.loop;
    case 'EISDIR':
      return WHY.directory;
    case 'ENOTREG':
      return WHY.special;
    case 'EIO':
      return 'cannot be read: input/output error';
    default:
      return `cannot be read: ${code ?? (e instanceof Error ? e.message : String(e))}`;
  }
}

/**
 * What is at a workspace-relative path once symbolic links are resolved, and whether Debrief may
 * read it. A link whose target leaves the workspace folder, a link that leads nowhere, and a link on
 * a file system that cannot resolve links are refused; so is anything that is not a file or directory.
 */
export async function resolveEntry(fs: FileSystem, path: string): Promise<Entry> {
  let st: FileStat | undefined;
  try {
    st = await fs.stat(path);
  } catch (e) {
    return refusedBy(e);
  }
  let real = path;
  if (fs.realPath) {
    // Resolved even when the path itself is no link: one of its folders may be.
    try {
      const r = await fs.realPath(path);
      if (r === null) return { kind: 'refused', code: 'outside-workspace', reason: WHY.outside };
      real = r;
    } catch (e) {
      if (st?.type === 'symlink' && (errorCode(e) === 'ENOENT' || errorCode(e) === 'ENOTDIR')) {
        return { kind: 'refused', code: 'not-a-file', reason: WHY.dangling };
      }
      return refusedBy(e);
    }
    if (!st) return { kind: 'missing' };
    if (real !== path) {
      try {
        st = await fs.stat(real);
      } catch (e) {
        return refusedBy(e);
      }
      if (!st) return { kind: 'missing' };
    }
  } else {
    // No real paths (a virtual file system, VS Code for the Web): a link cannot be followed, so what
    // is a link, or lies in a folder that is one, cannot be proven inside the workspace.
    if (!st) return { kind: 'missing' };
    if (st.type === 'symlink') return { kind: 'refused', code: 'unchecked-link', reason: WHY.unchecked };
    for (let dir = parentOf(path); dir !== ''; dir = parentOf(dir)) {
      if ((await fs.stat(dir).catch(() => undefined))?.type === 'symlink') return { kind: 'refused', code: 'unchecked-link', reason: `is in a folder that ${WHY.unchecked}` };
    }
  }
  if (st.type === 'file' || st.type === 'directory') return { kind: st.type, real, stat: st };
  return { kind: 'refused', code: 'not-a-file', reason: st.type === 'symlink' ? WHY.loop : WHY.special };
}

export type Target =
  /** A regular file is there (`real`: its path once links are resolved). */
  | { kind: 'file'; real: string }
  /** Nothing is there yet, and its nearest existing folder is inside the workspace. */
  | { kind: 'new' }
  | { kind: 'refused'; code: Refusal; reason: string };

/**
 * Whether Debrief may open, create or change a file at a workspace-relative path: an existing path
 * must be a regular file inside the workspace once links are resolved; a new one must have its nearest
 * existing folder inside the workspace (a linked folder leading outside would put the file there).
 */
export async function resolveTarget(fs: FileSystem, path: string): Promise<Target> {
  const entry = await resolveEntry(fs, path);
  if (entry.kind === 'file') return { kind: 'file', real: entry.real };
  if (entry.kind === 'directory') return { kind: 'refused', code: 'not-a-file', reason: WHY.directory };
  // Nothing there, or refused: the nearest folder that is there says where it would be. A refusal that
  // comes from a folder on the way (a link out, a loop) is told as the folder's.
  for (let dir = parentOf(path); dir !== ''; dir = parentOf(dir)) {
    const d = await resolveEntry(fs, dir);
    if (d.kind === 'directory') return entry.kind === 'refused' ? entry : { kind: 'new' };
    if (d.kind === 'refused') return { kind: 'refused', code: d.code, reason: `is in a folder that ${d.reason}` };
    if (d.kind === 'file') return { kind: 'refused', code: 'not-a-file', reason: `is under ${dir}, which is a file` };
  }
  return entry.kind === 'refused' ? entry : { kind: 'new' };
}

/** A file Debrief reads but does not write: it has other names (hard links), which a change would change too. */
export type WriteRefusal = Refusal | 'hard-link';

export type WriteTarget =
  | { kind: 'file'; real: string }
  | { kind: 'new' }
  | { kind: 'refused'; code: WriteRefusal; reason: string };

/**
 * Whether Debrief may write (create, replace, edit) a file at a path: `resolveTarget`'s rules, and an
 * existing file must have one name only. A file hard-linked from elsewhere shares its content with
 * that other name, perhaps outside the workspace, where no path check can see it: it is read, never written.
 */
export async function writeTarget(fs: FileSystem, path: string): Promise<WriteTarget> {
  const target = await resolveTarget(fs, path);
  if (target.kind !== 'file') return target;
  const links = (await fs.stat(target.real).catch(() => undefined))?.links ?? 1;
  if (links > 1) return { kind: 'refused', code: 'hard-link', reason: `has ${links} names (hard links): Debrief reads it but does not write it, since a change would also change the file under its other names, perhaps outside the workspace` };
  return target;
}

/** The problem of a file Debrief does not write, located at it: what it is and what to do. */
export function writeRefusal(file: string, target: { code: WriteRefusal; reason: string }): Problem {
  const fix = target.code === 'hard-link'
    ? 'Make it a file of its own (copy it, then put the copy in its place), then try again.'
    : 'Debrief writes only regular files inside the workspace folder.';
  return { file, range: FILE_START, severity: 'error', code: target.code, message: `${file} ${target.reason}. ${fix}` };
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export type ReadOutcome =
  | { kind: 'read'; bytes: Uint8Array }
  | { kind: 'missing' }
  | { kind: 'refused'; code: Refusal | 'too-large'; reason: string; size?: number };

/**
 * Reads a file only when it is a regular file inside the workspace, and at most `maxBytes` (and one
 * more, so that a larger file is told apart without reading it whole). `known` is the type a listing
 * of a checked folder gave: a plain file there needs no further check before its read (which refuses
 * anything but a regular file by itself).
 */
export async function readRegularFile(fs: FileSystem, path: string, maxBytes: number, known?: FileType): Promise<ReadOutcome> {
  let real = path;
  if (known !== 'file') {
    const entry = await resolveEntry(fs, path);
    if (entry.kind === 'missing') return entry;
    if (entry.kind === 'refused') return entry;
    if (entry.kind === 'directory') return { kind: 'refused', code: 'not-a-file', reason: WHY.directory };
    if (entry.stat.size > maxBytes) return { kind: 'refused', code: 'too-large', reason: WHY.tooLarge, size: entry.stat.size };
    real = entry.real;
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(real, { maxBytes });
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'EFBIG') return { kind: 'refused', code: 'too-large', reason: WHY.tooLarge, size: (await fs.stat(real).catch(() => undefined))?.size };
    return { kind: 'refused', code: refusalOf(e), reason: readFailure(e) };
  }
  if (bytes.byteLength > maxBytes) return { kind: 'refused', code: 'too-large', reason: WHY.tooLarge };
  return { kind: 'read', bytes };
}

/** The problem of a file that was not read: located at the file, an error, saying why and what to do. */
export function refusalProblem(file: string, outcome: { code: Refusal | 'too-large'; reason: string }, tooLarge?: () => string): Problem {
  const fix: Record<Refusal, string> = {
    'outside-workspace': 'Debrief reads only files inside the workspace folder: copy the file into the journal instead of linking to it.',
    'unchecked-link': 'Debrief cannot tell where a link leads on this file system (a virtual one, as in VS Code for the Web), so it follows none: put the file itself in place of the link.',
    'not-a-file': 'Debrief reads only regular files: replace it with a regular file, or remove it.',
    unreadable: /permission denied/.test(outcome.reason)
      ? 'Give yourself read permission on the file (for example chmod u+r), or move it elsewhere.'
      : 'Check the disk and the file, or move it elsewhere.',
  };
  const message = outcome.code === 'too-large'
    ? (tooLarge?.() ?? 'The file is too large to be read.')
    : `The file ${outcome.reason}. ${fix[outcome.code]}`;
  return { file, range: FILE_START, severity: 'error', code: outcome.code, message };
}
