import { constants, promises as fsp, watch } from 'node:fs';
import * as nodePath from 'node:path';
import { fsError, type FileStat, type FileSystem, type FileType, type ReadFileOptions } from '../core/file-system';

function typeOf(s: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): FileType {
  return s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

/**
 * FileSystem over node:fs/promises, rooted at a directory; paths are workspace-relative POSIX strings.
 * A read opens the path without following a final symbolic link and without blocking (a named pipe
 * never hangs it), checks it is a regular file, and stops at the byte cap.
 */
export class NodeFileSystem implements FileSystem {
  private realRoot: Promise<string> | undefined;

  constructor(readonly rootDir: string) {}

  private abs(path: string): string {
    return nodePath.join(this.rootDir, ...path.split('/').filter(Boolean));
  }

  async readFile(path: string, options: ReadFileOptions = {}): Promise<Uint8Array> {
    // O_NOFOLLOW and O_NONBLOCK are 0 where the platform lacks them (Windows has no pipes in the tree).
    const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
    const fh = await fsp.open(this.abs(path), flags);
    try {
      const st = await fh.stat();
      if (!st.isFile()) throw fsError(st.isDirectory() ? 'EISDIR' : 'ENOTREG', `not a regular file '${path}'`);
      const max = options.maxBytes;
      if (max === undefined) return new Uint8Array(await fh.readFile());
      if (st.size > max) throw fsError('EFBIG', `larger than ${max} bytes '${path}'`);
      // Sized by the stat, plus one byte that tells a file grown since; grown (doubling) only up to the cap.
      let buf = Buffer.allocUnsafe(Math.min(max + 1, st.size + 1));
      let total = 0;
      for (;;) {
        if (total === buf.length) {
          if (total > max) break;
          const grown = Buffer.allocUnsafe(Math.min(max + 1, buf.length * 2));
          buf.copy(grown, 0, 0, total);
          buf = grown;
        }
        const { bytesRead } = await fh.read(buf, total, buf.length - total, null);
        if (bytesRead === 0) break;
        total += bytesRead;
      }
      if (total > max) throw fsError('EFBIG', `larger than ${max} bytes '${path}'`);
      // A copy: a small buffer may be a slice of Node's shared pool.
      return Uint8Array.prototype.slice.call(buf, 0, total);
    } finally {
      await fh.close();
    }
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await fsp.mkdir(nodePath.dirname(this.abs(path)), { recursive: true });
    // Not through a final symbolic link, never waiting on a pipe, and emptied only once it is known to be a regular file.
    const flags = constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
    const fh = await fsp.open(this.abs(path), flags, 0o666);
    try {
      const st = await fh.stat();
      if (!st.isFile()) throw fsError(st.isDirectory() ? 'EISDIR' : 'ENOTREG', `not a regular file '${path}'`);
      await fh.truncate(0);
      await fh.writeFile(data);
    } finally {
      await fh.close();
    }
  }

  /** One inotify (or FSEvents, ReadDirectoryChangesW) watch on the folder, through Node's `fs.watch`. */
  watchFolder(path: string, changed: (name: string) => void): { dispose(): void } | undefined {
    try {
      const w = watch(this.abs(path), { persistent: false }, (_event, name) => {
        if (typeof name === 'string' && name) changed(name);
      });
      w.on('error', () => w.close());
      return { dispose: () => w.close() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<[string, FileType][]> {
    const entries = await fsp.readdir(this.abs(path), { withFileTypes: true });
    const out: [string, FileType][] = entries.map((e) => [e.name, typeOf(e)]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await fsp.lstat(this.abs(path));
      return { type: typeOf(s), size: s.size, mtime: s.mtimeMs, links: s.nlink };
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw e;
    }
  }

  async realPath(path: string): Promise<string | null> {
    this.realRoot ??= fsp.realpath(this.rootDir);
    let root: string;
    try {
      root = await this.realRoot;
    } catch (e) {
      this.realRoot = undefined;
      throw e;
    }
    const real = await fsp.realpath(this.abs(path));
    const rel = nodePath.relative(root, real);
    if (rel === '') return '';
    if (rel === '..' || rel.startsWith(`..${nodePath.sep}`) || nodePath.isAbsolute(rel)) return null;
    return rel.split(nodePath.sep).join('/');
  }

  async createDirectory(path: string): Promise<void> {
    await fsp.mkdir(this.abs(path), { recursive: true });
  }

  async delete(path: string): Promise<void> {
    await fsp.rm(this.abs(path), { recursive: true, force: false });
  }
}

/**
 * A file the user named on the command line (the spreadsheet to import, `--out`): a FileSystem rooted
 * at the root of its file system and its path there, so that it goes through the same safe reads and
 * writes as the journal while its place is the user's choice (relative paths from the current directory).
 */
export function chosenFile(path: string): { fs: NodeFileSystem; path: string } {
  const abs = nodePath.resolve(path);
  const root = nodePath.parse(abs).root;
  return { fs: new NodeFileSystem(root), path: nodePath.relative(root, abs).split(nodePath.sep).join('/') };
}
