/**
 * Reading only regular files inside the workspace. A symbolic link is followed only when its target
 * stays inside the workspace folder (and only where the file system can tell); named pipes, devices,
 * sockets and directories are never opened; a read stops at a byte cap. Every refusal is a problem
 * located at the file that says why, counted as an error: never "the file is empty", never a silent skip.
 * The command line (Node's fs) and the extension (the editor's file system) go through these same rules.
 */
import { errorCode, FileStat, FileSystem, FileType } from './file-system';
import { FILE_START, Problem } from './problems';

export type Refusal = 'outside-workspace' | 'not-a-file' | 'unreadable';

/** The rule codes of a file Debrief did not read: it is not opened in the editor either (it may lead outside, or be a pipe). */
export const NOT_READ_CODES: ReadonlySet<string> = new Set<Refusal>(['outside-workspace', 'not-a-file', 'unreadable']);

export type Entry =
  | { kind: 'missing' }
  /** `real`: the workspace-relative path with every link resolved (the path itself where links cannot be resolved). */
  | { kind: 'file' | 'directory'; real: string; stat: FileStat }
  | { kind: 'refused'; code: Refusal; reason: string };

const WHAT: Record<string, string> = { other: 'a named pipe, a device or a socket', directory: 'a directory', symlink: 'a symbolic link' };

function refusedBy(e: unknown): Entry {
  const code = errorCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  return { kind: 'refused', code: 'unreadable', reason: readFailure(e) };
}

/** "cannot read: permission denied" and the like, from a file system error. */
export function readFailure(e: unknown): string {
  switch (errorCode(e)) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    case 'ELOOP':
      return 'cannot read: too many symbolic links, or a link where a file was expected';
    case 'EISDIR':
      return 'cannot read: it is a directory';
    case 'ENOTREG':
      return 'not a regular file';
    case 'EIO':
      return 'cannot read: input/output error';
    default: {
      const code = errorCode(e);
      return `cannot read: ${code ?? (e instanceof Error ? e.message : String(e))}`;
    }
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
      if (r === null) return { kind: 'refused', code: 'outside-workspace', reason: 'links outside the workspace (a symbolic link whose target is outside the workspace folder)' };
      real = r;
    } catch (e) {
      if (st?.type === 'symlink' && (errorCode(e) === 'ENOENT' || errorCode(e) === 'ENOTDIR')) {
        return { kind: 'refused', code: 'not-a-file', reason: 'not a regular file (a symbolic link that leads nowhere)' };
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
    if (!st) return { kind: 'missing' };
    if (st.type === 'symlink') return { kind: 'refused', code: 'outside-workspace', reason: 'a symbolic link, which cannot be checked on this file system' };
  }
  if (st.type === 'file' || st.type === 'directory') return { kind: st.type, real, stat: st };
  return { kind: 'refused', code: 'not-a-file', reason: `not a regular file (${WHAT[st.type] ?? st.type})` };
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
  if (entry.kind === 'directory') return { kind: 'refused', code: 'not-a-file', reason: 'is a folder, not a file' };
  if (entry.kind === 'refused') return entry;
  for (let dir = parentOf(path); dir !== ''; dir = parentOf(dir)) {
    const d = await resolveEntry(fs, dir);
    if (d.kind === 'directory') return { kind: 'new' };
    if (d.kind === 'refused') return { kind: 'refused', code: d.code, reason: `is in a folder that ${d.reason.replace(/^not /, 'is not ')}` };
    if (d.kind === 'file') return { kind: 'refused', code: 'not-a-file', reason: `is under ${dir}, which is a file` };
  }
  return { kind: 'new' };
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
    if (entry.kind === 'directory') return { kind: 'refused', code: 'not-a-file', reason: `not a regular file (${WHAT.directory})` };
    if (entry.stat.size > maxBytes) return { kind: 'refused', code: 'too-large', reason: 'too large', size: entry.stat.size };
    real = entry.real;
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(real, { maxBytes });
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'EFBIG') return { kind: 'refused', code: 'too-large', reason: 'too large', size: (await fs.stat(real).catch(() => undefined))?.size };
    return { kind: 'refused', code: code === 'ENOTREG' || code === 'ELOOP' || code === 'EISDIR' ? 'not-a-file' : 'unreadable', reason: readFailure(e) };
  }
  if (bytes.byteLength > maxBytes) return { kind: 'refused', code: 'too-large', reason: 'too large' };
  return { kind: 'read', bytes };
}

/** The problem of a file that was not read: located at the file, an error, saying why and what to do. */
export function refusalProblem(file: string, outcome: { code: Refusal | 'too-large'; reason: string }, tooLarge?: () => string): Problem {
  const fix: Record<Refusal, string> = {
    'outside-workspace': 'Debrief reads only files inside the workspace folder: copy the file into the journal instead of linking to it.',
    'not-a-file': 'Debrief reads only regular files: replace it with a YAML file, or remove it.',
    unreadable: 'Give yourself read permission on the file (for example chmod u+r), or move it out of the journal.',
  };
  const message = outcome.code === 'too-large'
    ? (tooLarge?.() ?? 'The file is too large to be read.')
    : `${outcome.reason.charAt(0).toUpperCase()}${outcome.reason.slice(1)}. ${fix[outcome.code]}`;
  return { file, range: FILE_START, severity: 'error', code: outcome.code, message };
}
