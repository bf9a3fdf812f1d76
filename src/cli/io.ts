/** What the command line reaches outside itself: output streams, file systems, the date, the MCP transport. */
import * as nodePath from 'node:path';
import { NodeFileSystem } from '../adapters/node-fs';
import type { FileSystem } from '../core/file-system';
import { McpOptions, serveMcp } from './mcp';

/** `main(argv, io)` is pure apart from these, so tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The FileSystem rooted at a workspace folder (absolute or relative to the current directory). */
  fileSystem(folder: string): FileSystem;
  /** Writes a file given on the command line (--out); relative to the current directory. */
  writeOutput?(path: string, text: string): Promise<void>;
  /** Reads a file given on the command line (the spreadsheet to import); relative to the current directory. */
  readInput?(path: string): Promise<Uint8Array>;
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
  writeOutput: async (path, text) => {
    const { promises } = await import('node:fs');
    await promises.writeFile(nodePath.resolve(path), text, 'utf8');
  },
  readInput: async (path) => {
    const { promises } = await import('node:fs');
    return new Uint8Array(await promises.readFile(nodePath.resolve(path)));
  },
  serveMcp: (options) => serveMcp(options),
};
