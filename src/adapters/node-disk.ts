// The local disk through Node (see local-disk.ts), for the Node entry only: the shared bundle, which
// also runs in a web worker, holds nothing of Node's.
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LocalDisk } from './local-disk';
import { NodeFileSystem } from './node-fs';

export const nodeDisk: LocalDisk = {
  fileSystem: (rootDir) => new NodeFileSystem(rootDir),
  readText: (path) => readFile(path, 'utf8'),
  async writeWhole(path, text) {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`; // two windows of one workspace never share one
    if (typeof text === 'string') await writeFile(tmp, text);
    else {
      const fh = await open(tmp, 'w');
      try {
        for (const piece of text) await fh.write(piece);
      } finally {
        await fh.close();
      }
    }
    await rename(tmp, path);
  },
};
