import * as vscode from 'vscode';
import { fsError, type FileStat, type FileSystem, type FileType, type ReadFileOptions } from '../core/file-system';
import { localDisk, type LocalDisk } from './local-disk';

function typeOf(t: vscode.FileType): FileType {
  if (t & vscode.FileType.SymbolicLink) return 'symlink';
  if (t & vscode.FileType.Directory) return 'directory';
  if (t & vscode.FileType.File) return 'file';
  return 'other';
}

/** A vscode.FileSystemError as the core's coded errors. */
function coded(e: unknown): unknown {
  if (!(e instanceof vscode.FileSystemError)) return e;
  const code = { FileNotFound: 'ENOENT', NoPermissions: 'EACCES', FileIsADirectory: 'EISDIR', FileNotADirectory: 'ENOTDIR' }[e.code];
  return code ? fsError(code, e.message) : e;
}

/**
 * The core's FileSystem for a workspace folder, so remote and virtual workspaces work. Paths are
 * workspace-relative POSIX strings. Writes go through `vscode.workspace.fs`. Reads of a `file:`
 * folder in a Node extension host go through Node's fs (as the command line does), which tells
 * symbolic links, named pipes and devices apart, resolves real paths and never blocks on a pipe;
 * elsewhere (other schemes, and every folder in the browser, see local-disk.ts),
 * `vscode.workspace.fs` reports a symbolic link as a flag but cannot resolve it, so links are refused
 * there: what cannot be proven inside the folder is not read.
 */
export class VscodeFileSystem implements FileSystem {
  private readonly local: ReturnType<LocalDisk['fileSystem']> | undefined;

  constructor(readonly root: vscode.Uri) {
    this.local = root.scheme === 'file' ? localDisk?.fileSystem(root.fsPath) : undefined;
    const local = this.local;
    if (local) {
      this.realPath = (path) => local.realPath(path);
      this.watchFolder = (path, changed) => local.watchFolder(path, changed);
    }
  }

  realPath?: (path: string) => Promise<string | null>;
  watchFolder?: FileSystem['watchFolder'];

  uri(path: string): vscode.Uri {
    const parts = path.split('/').filter(Boolean);
    return parts.length ? vscode.Uri.joinPath(this.root, ...parts) : this.root;
  }

  async readFile(path: string, options: ReadFileOptions = {}): Promise<Uint8Array> {
    if (this.local) return this.local.readFile(path, options);
    const st = await this.stat(path);
    if (!st) throw fsError('ENOENT', path);
    if (st.type === 'symlink') throw fsError('ELOOP', `a symbolic link '${path}'`);
    if (st.type !== 'file') throw fsError(st.type === 'directory' ? 'EISDIR' : 'ENOTREG', `not a regular file '${path}'`);
    if (options.maxBytes !== undefined && st.size > options.maxBytes) throw fsError('EFBIG', `larger than ${options.maxBytes} bytes '${path}'`);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri(path));
    } catch (e) {
      throw coded(e);
    }
    if (options.maxBytes !== undefined && bytes.byteLength > options.maxBytes) throw fsError('EFBIG', `larger than ${options.maxBytes} bytes '${path}'`);
    return bytes;
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    if (this.local) return this.local.writeFile(path, data);
    const st = await this.stat(path);
    if (st?.type === 'symlink') throw fsError('ELOOP', `a symbolic link '${path}'`);
    if (st && st.type !== 'file') throw fsError(st.type === 'directory' ? 'EISDIR' : 'ENOTREG', `not a regular file '${path}'`);
    try {
      await vscode.workspace.fs.writeFile(this.uri(path), data);
    } catch (e) {
      throw coded(e);
    }
  }

  async readDirectory(path: string): Promise<[string, FileType][]> {
    if (this.local) return this.local.readDirectory(path);
    try {
      return (await vscode.workspace.fs.readDirectory(this.uri(path))).map(([name, t]) => [name, typeOf(t)]);
    } catch (e) {
      throw coded(e);
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    if (this.local) return this.local.stat(path);
    try {
      const s = await vscode.workspace.fs.stat(this.uri(path));
      return { type: typeOf(s.type), size: s.size, mtime: s.mtime };
    } catch (e) {
      const c = coded(e);
      const code = (c as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw c;
    }
  }

  async createDirectory(path: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.uri(path));
  }

  async delete(path: string): Promise<void> {
    await vscode.workspace.fs.delete(this.uri(path), { recursive: true, useTrash: false });
  }
}

/**
 * A file the user chose in a dialog (the spreadsheet to import, the export's target): a FileSystem
 * rooted at the root of its file system and its path there, so that it goes through the same safe reads
 * and writes as the journal while its place is the user's choice.
 */
export function chosenFile(uri: vscode.Uri): { fs: VscodeFileSystem; path: string } {
  // The root: `/`, or a drive's (`/c:/`) on Windows.
  const root = /^\/[a-zA-Z]:\//.exec(uri.path)?.[0] ?? '/';
  return { fs: new VscodeFileSystem(uri.with({ path: root, query: '', fragment: '' })), path: uri.path.slice(root.length) };
}
