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
