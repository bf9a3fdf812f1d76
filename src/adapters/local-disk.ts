// What the extension reaches of the local disk through Node: in a Node extension host (the desktop, a
// remote's host), for `file:` folders, where Node's fs is faster than vscode.workspace.fs and resolves
// symbolic links. The browser bundle (VS Code for the Web's web worker extension host) is built with
// local-disk.web.ts in its place (scripts/build.mjs), which has no local disk.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileSystem } from '../core/file-system';
import { NodeFileSystem } from './node-fs';

export interface LocalDisk {
  /** The core's FileSystem rooted at a folder of the disk (it resolves real paths). */
  fileSystem(rootDir: string): FileSystem & Required<Pick<FileSystem, 'realPath'>>;
  readText(path: string): Promise<string>;
  /** Writes a file whole under another name, then renames it, so that a reader never finds half of it. */
  writeWhole(path: string, text: string): Promise<void>;
}

export const localDisk: LocalDisk | undefined = {
  fileSystem: (rootDir) => new NodeFileSystem(rootDir),
  readText: (path) => readFile(path, 'utf8'),
  async writeWhole(path, text) {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`; // two windows of one workspace never share one
    await writeFile(tmp, text);
    await rename(tmp, path);
  },
};
