import { fsError, type FileStat, type FileSystem, type FileType, type ReadFileOptions } from './file-system';
import { joinPath, normalizeRelative } from './paths';

function notFound(path: string): Error {
  return fsError('ENOENT', `no such file or directory '${path}'`);
}

/**
 * An in-memory FileSystem for tests, the benchmark and previews. It can model what a real file system
 * holds besides files and folders: symbolic links (to a path inside, or an absolute path outside the
 * workspace), hard links (two names of one file), named pipes and other special files, and files the
 * user may not read.
 */
export class MemoryFileSystem implements FileSystem {
  /** Each file's content; two paths hold the same record when they are hard links of one file. */
  private readonly files = new Map<string, { data: Uint8Array; mtime: number; links: number }>();
  private readonly dirs = new Set<string>(['']);
  /** Symbolic links: path → target (workspace-relative, or absolute when it points outside). */
  private readonly links = new Map<string, string>();
  private readonly specials = new Set<string>();
  private readonly denied = new Set<string>();
  private clock = 1;

  constructor(initial?: Record<string, string | Uint8Array>) {
    if (initial) for (const [p, d] of Object.entries(initial)) this.writeFileSync(p, d);
  }

  /** Synchronous write used to seed the file system; creates parent directories. */
  writeFileSync(path: string, data: string | Uint8Array): void {
    const p = joinPath(path);
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.mkdirs(p.split('/').slice(0, -1).join('/'));
    const f = this.files.get(p);
    // A file with other names is changed in place, as a file system does: its other names see the change.
    if (f) Object.assign(f, { data: bytes, mtime: this.clock++ });
    else this.files.set(p, { data: bytes, mtime: this.clock++, links: 1 });
  }

  /** A second name at `path` for the file at `existing` (a hard link): one content, two names. */
  hardLinkSync(path: string, existing: string): void {
    const f = this.files.get(joinPath(existing));
    if (!f) throw notFound(existing);
    const p = joinPath(path);
    this.mkdirs(p.split('/').slice(0, -1).join('/'));
    f.links++;
    this.files.set(p, f);
  }

  /** A symbolic link at `path` to `target`: a path relative to the link's folder, or an absolute path (outside the workspace). */
  symlinkSync(path: string, target: string): void {
    const p = joinPath(path);
    this.mkdirs(p.split('/').slice(0, -1).join('/'));
    this.links.set(p, target);
  }

  /** A named pipe (or a device, a socket) at `path`. */
  specialSync(path: string): void {
    const p = joinPath(path);
    this.mkdirs(p.split('/').slice(0, -1).join('/'));
    this.specials.add(p);
  }

  /** Makes a file unreadable (reads reject with EACCES), as without read permission. */
  denySync(path: string): void {
    this.denied.add(joinPath(path));
  }

  /**
   * The same files seen from one of its folders, as the FileSystem of a workspace folder there: paths
   * relative to it, and real paths outside it resolve to null.
   */
  at(folder: string): FileSystem {
    const root = joinPath(folder);
    const at = (p: string) => joinPath(root, p);
    return {
      readFile: (p, o) => this.readFile(at(p), o),
      writeFile: (p, d) => this.writeFile(at(p), d),
      readDirectory: (p) => this.readDirectory(at(p)),
      stat: (p) => this.stat(at(p)),
      createDirectory: (p) => this.createDirectory(at(p)),
      delete: (p) => this.delete(at(p)),
      realPath: async (p) => {
        const real = await this.realPath(at(p));
        if (real === null || root === '') return real;
        if (real === root) return '';
        return real.startsWith(`${root}/`) ? real.slice(root.length + 1) : null;
      },
    };
  }

  /** Every file path, sorted. */
  allFiles(): string[] {
    return [...this.files.keys()].sort();
  }

  readText(path: string): string {
    const f = this.files.get(joinPath(path));
    if (!f) throw notFound(path);
    return new TextDecoder().decode(f.data);
  }

  private mkdirs(dir: string): void {
    const parts = dir.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
  }

  /** The path with every link resolved: a workspace-relative path, null when it leaves the workspace, undefined when a link leads nowhere. */
  private resolve(path: string): string | null | undefined {
    let parts = joinPath(path).split('/').filter(Boolean);
    for (let i = 0, hops = 0; i < parts.length; i++) {
      const here = parts.slice(0, i + 1).join('/');
      const target = this.links.get(here);
      if (target === undefined) continue;
      if (++hops > 40) return undefined;
      if (target.startsWith('/')) return null;
      const next = normalizeRelative([...parts.slice(0, i), target].join('/'));
      if (next === undefined) return null;
      parts = [...next.split('/').filter(Boolean), ...parts.slice(i + 1)];
      i = -1;
    }
    return parts.join('/');
  }

  async readFile(path: string, options: ReadFileOptions = {}): Promise<Uint8Array> {
    const p = joinPath(path);
    if (this.links.has(p)) throw fsError('ELOOP', `a symbolic link '${path}'`);
    const real = this.resolve(p);
    if (real === null) throw fsError('EACCES', `outside the workspace '${path}'`);
    if (real === undefined) throw notFound(path);
    if (this.specials.has(real)) throw fsError('ENOTREG', `not a regular file '${path}'`);
    if (this.dirs.has(real)) throw fsError('EISDIR', `a directory '${path}'`);
    if (this.denied.has(real)) throw fsError('EACCES', `permission denied '${path}'`);
    const f = this.files.get(real);
    if (!f) throw notFound(path);
    if (options.maxBytes !== undefined && f.data.length > options.maxBytes) throw fsError('EFBIG', `larger than ${options.maxBytes} bytes '${path}'`);
    return f.data.slice();
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    const p = joinPath(path);
    if (this.links.has(p)) throw fsError('ELOOP', `a symbolic link '${path}'`);
    if (this.specials.has(p)) throw fsError('ENOTREG', `not a regular file '${path}'`);
    if (this.dirs.has(p)) throw fsError('EISDIR', `a directory '${path}'`);
    this.writeFileSync(path, data.slice());
  }

  async readDirectory(path: string): Promise<[string, FileType][]> {
    const dir = this.resolve(path);
    if (dir === null || dir === undefined || !this.dirs.has(dir)) throw notFound(path);
    const prefix = dir === '' ? '' : dir + '/';
    const out = new Map<string, FileType>();
    const direct = (p: string) => p.startsWith(prefix) && p !== dir && !p.slice(prefix.length).includes('/');
    for (const d of this.dirs) if (direct(d)) out.set(d.slice(prefix.length), 'directory');
    for (const f of this.files.keys()) if (direct(f)) out.set(f.slice(prefix.length), 'file');
    for (const s of this.specials) if (direct(s)) out.set(s.slice(prefix.length), 'other');
    for (const l of this.links.keys()) if (direct(l)) out.set(l.slice(prefix.length), 'symlink');
    return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const p = joinPath(path);
    const parts = p.split('/');
    // The folders on the way are followed; the path itself is not.
    const parent = parts.length > 1 ? this.resolve(parts.slice(0, -1).join('/')) : '';
    if (parent === null || parent === undefined) return undefined;
    const at = parent === '' ? parts[parts.length - 1] : `${parent}/${parts[parts.length - 1]}`;
    if (p === '') return { type: 'directory', size: 0, mtime: 0 };
    if (this.links.has(at)) return { type: 'symlink', size: 0, mtime: 0 };
    if (this.specials.has(at)) return { type: 'other', size: 0, mtime: 0 };
    const f = this.files.get(at);
    if (f) return { type: 'file', size: f.data.length, mtime: f.mtime, links: f.links };
    if (this.dirs.has(at)) return { type: 'directory', size: 0, mtime: 0 };
    return undefined;
  }

  async realPath(path: string): Promise<string | null> {
    const real = this.resolve(path);
    if (real === undefined) throw notFound(path);
    if (real === null) return null;
    if (real !== '' && !this.files.has(real) && !this.dirs.has(real) && !this.specials.has(real)) throw notFound(path);
    return real;
  }

  async createDirectory(path: string): Promise<void> {
    this.mkdirs(joinPath(path));
  }

  async delete(path: string): Promise<void> {
    const p = joinPath(path);
    const f = this.files.get(p);
    if (f) f.links--;
    if (this.files.delete(p) || this.links.delete(p) || this.specials.delete(p)) return;
    if (!this.dirs.has(p) || p === '') throw notFound(path);
    const prefix = p + '/';
    for (const f of [...this.files.keys()]) if (f.startsWith(prefix)) this.files.delete(f);
    for (const d of [...this.dirs]) if (d === p || d.startsWith(prefix)) this.dirs.delete(d);
  }
}
