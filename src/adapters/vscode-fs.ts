import * as vscode from 'vscode';
import type { FileStat, FileSystem, FileType } from '../core/file-system';

function typeOf(t: vscode.FileType): FileType | undefined {
  if (t & vscode.FileType.Directory) return 'directory';
  if (t & vscode.FileType.File) return 'file';
  return undefined;
}

/**
 * The core's FileSystem over `vscode.workspace.fs`, rooted at a workspace folder, so remote and
 * virtual workspaces work. Paths are workspace-relative POSIX strings.
 */
export class VscodeFileSystem implements FileSystem {
  constructor(readonly root: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    const parts = path.split('/').filter(Boolean);
    return parts.length ? vscode.Uri.joinPath(this.root, ...parts) : this.root;
  }

  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(this.uri(path));
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(this.uri(path), data);
  }

  async readDirectory(path: string): Promise<[string, FileType][]> {
    const out: [string, FileType][] = [];
    for (const [name, t] of await vscode.workspace.fs.readDirectory(this.uri(path))) {
      const type = typeOf(t);
      if (type) out.push([name, type]);
    }
    return out;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(this.uri(path));
      const type = typeOf(s.type);
      return type ? { type, size: s.size, mtime: s.mtime } : undefined;
    } catch {
      return undefined;
    }
  }

  async createDirectory(path: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.uri(path));
  }

  async delete(path: string): Promise<void> {
    await vscode.workspace.fs.delete(this.uri(path), { recursive: true, useTrash: false });
  }
}
