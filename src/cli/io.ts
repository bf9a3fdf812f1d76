/** What the command line reaches outside itself: output streams, file systems, the date, the MCP transport. */
import * as nodePath from 'node:path';
import { chosenFile, NodeFileSystem } from '../adapters/node-fs';
import type { FileSystem } from '../core/file-system';
import { McpOptions, serveMcp } from './mcp';

/** `main(argv, io)` is pure apart from these, so tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The FileSystem rooted at a workspace folder (absolute or relative to the current directory). */
  fileSystem(folder: string): FileSystem;
  /**
   * A file named on the command line (the spreadsheet to import, `--out`), relative to the current
   * directory: the FileSystem it is read and written through (rooted at its file system's root, so
   * that the safe reads and writes apply while the place is the user's) and its path there.
   */
  chosenFile?(path: string): { fs: FileSystem; path: string };
  /** Today's date (YYYY-MM-DD) for statistics. */
  today?(): string;
  /** Serves the MCP tools on the process's standard input and output until it closes. */
  serveMcp?(options: McpOptions): Promise<void>;
}

/** The real process: node:fs, process streams. */
export const nodeIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  fileSystem: (folder) => new NodeFileSystem(nodePath.resolve(folder)),
  chosenFile,
  serveMcp: (options) => serveMcp(options),
};
