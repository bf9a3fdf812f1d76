import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import type { FileStat, FileSystem, FileType } from '../core/file-system';

/** FileSystem over node:fs/promises, rooted at a directory; paths are workspace-relative POSIX strings. */
export class NodeFileSystem implements FileSystem {
  constructor(readonly rootDir: string) {}

  private abs(path: string): string {
    return nodePath.join(this.rootDir, ...path.split('/').filter(Boolean));
  }

  async readFile(path: string): Promise<Uint8Array> {
    return new Uint8Array(await fsp.readFile(this.abs(path)));
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await fsp.mkdir(nodePath.dirname(this.abs(path)), { recursive: true });
    await fsp.writeFile(this.abs(path), data);
  }

  async readDirectory(path: string): Promise<[string, FileType][]> {
    const entries = await fsp.readdir(this.abs(path), { withFileTypes: true });
    const out: [string, FileType][] = [];
    for (const e of entries) {
      if (e.isDirectory()) out.push([e.name, 'directory']);
      else if (e.isFile()) out.push([e.name, 'file']);
      else if (e.isSymbolicLink()) {
        const s = await this.stat(path === '' ? e.name : `${path}/${e.name}`);
        if (s) out.push([e.name, s.type]);
      }
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await fsp.stat(this.abs(path));
      return { type: s.isDirectory() ? 'directory' : 'file', size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  }

  async createDirectory(path: string): Promise<void> {
    await fsp.mkdir(this.abs(path), { recursive: true });
  }

  async delete(path: string): Promise<void> {
    await fsp.rm(this.abs(path), { recursive: true, force: false });
  }
}
