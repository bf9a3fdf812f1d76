/** Runs the command line in memory: the workspace on `fs`, files named on the command line (the file to import, --out) on a file system of their own. */
import { CliIO, main } from '../../../src/cli/main';
import { MemoryFileSystem } from '../../../src/core/memory-fs';

export async function runCli(argv: string[], fs: MemoryFileSystem, { today, inputs = {} }: { today: string; inputs?: Record<string, Uint8Array> }) {
  const out: string[] = [];
  const err: string[] = [];
  const outside = new MemoryFileSystem(inputs);
  const io: CliIO = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t),
    fileSystem: (folder) => fs.at(folder),
    chosenFile: (p) => ({ fs: outside, path: p }),
    today: () => today,
  };
  const code = await main(argv, io);
  return { code, out: out.join(''), err: err.join(''), outside, fs };
}
