import type { FileSystem } from '../core/file-system';

/**
 * What the extension reaches of the local disk through Node, for `file:` folders: Node's fs is faster
 * there than vscode.workspace.fs and resolves symbolic links. Only a Node extension host (the desktop, a
 * remote's host) has one: the Node entry (src/extension-node.ts) hands it over before activation. The
 * web worker extension host of VS Code for the Web has none, so there every folder, a `file:` one too (a
 * local folder opened in vscode.dev), is read and written through vscode.workspace.fs.
 */
export interface LocalDisk {
  /** The core's FileSystem rooted at a folder of the disk (it resolves real paths). */
  fileSystem(rootDir: string): FileSystem & Required<Pick<FileSystem, 'realPath' | 'watchFolder'>>;
  readText(path: string): Promise<string>;
  /**
   * Writes a file whole under another name, then renames it, so that a reader never finds half of it.
   * Text given in pieces is written piece by piece, each made only once the one before is written.
   */
  writeWhole(path: string, text: string | Iterable<string>): Promise<void>;
}

export let localDisk: LocalDisk | undefined;

/** Called once by the Node entry, before VS Code activates the extension. */
export function useLocalDisk(disk: LocalDisk): void {
  localDisk = disk;
}
