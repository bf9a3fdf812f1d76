/** Reading a whole journal folder into a new index, in bounded batches. */
import type { FileSystem } from '../file-system';
import { StringPool } from '../read/strings';
import { JournalIndex } from './journal-index';

export interface LoadOptions {
  /** Check that linked notes exist with fs.stat (default true). */
  checkNotes?: boolean;
  /** Parallel reads (default 16). */
  concurrency?: number;
}

/** Reads every journal file of a folder into a new index. Missing folders give an empty index. */
export async function loadJournal(fs: FileSystem, journalFolder: string, options: LoadOptions = {}): Promise<JournalIndex> {
  const index = new JournalIndex({ journalFolder });
  const paths: string[] = [];
  try {
    for (const [name, type] of await fs.readDirectory(index.interviewsFolder)) {
      const p = `${index.interviewsFolder}/${name}`;
      if (type === 'file' && index.kindOf(p) === 'interview') paths.push(p);
    }
  } catch {
    // No interviews folder yet.
  }
  // weaknesses.yaml is read last. It is one large file whose whole syntax tree is alive while it is
  // parsed; read first, that survival rate makes V8 allocate the parser's short-lived objects directly in
  // the old generation for the rest of the load (allocation-site pretenuring), and peak memory grows by
  // tens of MB of garbage awaiting a full collection.
  if ((await fs.stat(index.weaknessesPath))?.type === 'file') paths.push(index.weaknessesPath);
  // Files are read and indexed in bounded batches: a batch is read in parallel, then indexed, before the
  // next batch is read. Only one batch of bytes is held at a time.
  const limit = Math.max(1, options.concurrency ?? 16);
  // One string pool for the whole load: equal values of different files share one copy.
  const strings = new StringPool();
  for (let i = 0; i < paths.length; i += limit) {
    const batch = await Promise.all(paths.slice(i, i + limit).map(async (p): Promise<[string, Uint8Array]> => {
      try {
        return [p, await fs.readFile(p)];
      } catch {
        return [p, new Uint8Array()];
      }
    }));
    index.updateMany(batch, strings);
  }
  if (options.checkNotes !== false) {
    const existing = new Set<string>();
    await Promise.all(index.linkedNotes().map(async (n) => {
      if ((await fs.stat(n))?.type === 'file') existing.add(n);
    }));
    index.setNoteExists(existing);
  }
  return index;
}
