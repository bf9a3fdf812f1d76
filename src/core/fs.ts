/** The file access the core needs; implemented over node:fs, the editor's workspace.fs, and memory. */

export type FileType = 'file' | 'directory';

export interface FileStat {
  type: FileType;
  size: number;
  /** Modification time in milliseconds since the epoch. */
  mtime: number;
}

/** Paths are POSIX strings relative to the workspace root (no leading slash), e.g. `debrief/weaknesses.yaml`. */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Entries of a directory as [name, type]; rejects when the directory does not exist. */
  readDirectory(path: string): Promise<[string, FileType][]>;
  /** undefined when nothing exists at the path. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Creates the directory and its missing parents. */
  createDirectory(path: string): Promise<void>;
  /** Deletes a file or a directory recursively. */
  delete(path: string): Promise<void>;
}

/** Joins workspace-relative POSIX path segments, dropping empty ones and redundant slashes. */
export function joinPath(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split('/'))
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/** Normalizes a workspace-relative path: resolves `.` and `..`; returns undefined when it leaves the root or is absolute. */
export function normalizeRelative(path: string): string | undefined {
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(path) || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
