/** The file access the core needs; implemented over node:fs, the editor's workspace.fs, and memory. */

/**
 * What is at a path, the path itself not followed: a regular file, a directory, a symbolic link, or
 * something else (a named pipe, a device, a socket), which Debrief never opens.
 */
export type FileType = 'file' | 'directory' | 'symlink' | 'other';

export interface FileStat {
  type: FileType;
  size: number;
  /** Modification time in milliseconds since the epoch. */
  mtime: number;
  /** How many names (hard links) the file has, where the file system tells. */
  links?: number;
}

export interface ReadFileOptions {
  /** Reads at most this many bytes (and one more): rejects with code `EFBIG` when the file holds more. */
  maxBytes?: number;
}

/**
 * Paths are POSIX strings relative to the workspace root (no leading slash), e.g. `debrief/weaknesses.yaml`.
 * Reads go through `core/safe-fs.ts`, which reads only regular files inside the workspace.
 */
export interface FileSystem {
  /**
   * Reads a regular file. Rejects, without blocking, when the path is not a regular file (code
   * `ENOTREG`; a named pipe is never waited on) or is a symbolic link (code `ELOOP`): read the path
   * that `realPath` gives.
   */
  readFile(path: string, options?: ReadFileOptions): Promise<Uint8Array>;
  /**
   * Writes a regular file whole, creating it (and its missing folders) when it is not there. Rejects,
   * without writing, when the path is a symbolic link (code `ELOOP`) or not a regular file (`ENOTREG`;
   * a named pipe is never waited on): write the path that `realPath` gives.
   */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Entries of a directory as [name, type], symbolic links not followed; rejects when the directory does not exist. */
  readDirectory(path: string): Promise<[string, FileType][]>;
  /** What is at the path, a symbolic link not followed; undefined when nothing exists at the path. */
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * The workspace-relative path with every symbolic link resolved, or null when it resolves outside the
   * workspace folder. Rejects (code `ENOENT`) when nothing is at the path or a link leads nowhere.
   * Absent where the file system cannot resolve links: then no link is followed.
   */
  realPath?(path: string): Promise<string | null>;
  /**
   * Follows one folder's entries, not its subfolders': `changed` receives the name of each entry
   * created, changed or deleted. Undefined when the folder cannot be followed (it is not there). Absent
   * where the file system cannot follow a folder.
   */
  watchFolder?(path: string, changed: (name: string) => void): { dispose(): void } | undefined;
  /** Creates the directory and its missing parents. */
  createDirectory(path: string): Promise<void>;
  /** Deletes a file or a directory recursively. */
  delete(path: string): Promise<void>;
}

/** The code of a file system error (`ENOENT`, `EACCES`, …), when it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An error with a code, as the file systems raise them. */
export function fsError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
