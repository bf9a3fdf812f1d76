import { FileStat, FileSystem, FileType } from './file-system';
import { joinPath } from './paths';

function notFound(path: string): Error {
  const e = new Error(`ENOENT: no such file or directory '${path}'`) as Error & { code: string };
  e.code = 'ENOENT';
  return e;
}

/** An in-memory FileSystem for tests, the benchmark and previews. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly dirs = new Set<string>(['']);
  private clock = 1;

  constructor(initial?: Record<string, string | Uint8Array>) {
    if (initial) for (const [p, d] of Object.entries(initial)) this.writeFileSync(p, d);
  }

  /** Synchronous write used to seed the file system; creates parent directories. */
  writeFileSync(path: string, data: string | Uint8Array): void {
    const p = joinPath(path);
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.mkdirs(p.split('/').slice(0, -1).join('/'));
    this.files.set(p, { data: bytes, mtime: this.clock++ });
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

  async readFile(path: string): Promise<Uint8Array> {
    const f = this.files.get(joinPath(path));
    if (!f) throw notFound(path);
    return f.data.slice();
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    this.writeFileSync(path, data.slice());
  }

  async readDirectory(path: string): Promise<[string, FileType][]> {
    const dir = joinPath(path);
    if (!this.dirs.has(dir)) throw notFound(path);
    const prefix = dir === '' ? '' : dir + '/';
    const out = new Map<string, FileType>();
    for (const d of this.dirs) if (d.startsWith(prefix) && d !== dir && !d.slice(prefix.length).includes('/')) out.set(d.slice(prefix.length), 'directory');
    for (const f of this.files.keys()) if (f.startsWith(prefix) && !f.slice(prefix.length).includes('/')) out.set(f.slice(prefix.length), 'file');
    return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const p = joinPath(path);
    const f = this.files.get(p);
    if (f) return { type: 'file', size: f.data.length, mtime: f.mtime };
    if (this.dirs.has(p)) return { type: 'directory', size: 0, mtime: 0 };
    return undefined;
  }

  async createDirectory(path: string): Promise<void> {
    this.mkdirs(joinPath(path));
  }

  async delete(path: string): Promise<void> {
    const p = joinPath(path);
    if (this.files.delete(p)) return;
    if (!this.dirs.has(p) || p === '') throw notFound(path);
    const prefix = p + '/';
    for (const f of [...this.files.keys()]) if (f.startsWith(prefix)) this.files.delete(f);
    for (const d of [...this.dirs]) if (d === p || d.startsWith(prefix)) this.dirs.delete(d);
  }
}
