/**
 * A journal folder kept in an index for a long-running process without a file watcher (`debrief mcp`):
 * each refresh compares every journal file's size and modification time with the last read, and reads
 * again only the files that changed, appeared or went away.
 */
import type { FileSystem } from '../file-system';
import { StringPool } from '../read/strings';
import { JournalIndex } from './journal-index';

export class DiskJournal {
  readonly index: JournalIndex;
  private readonly stamps = new Map<string, string>();

  constructor(private readonly fs: FileSystem, journalFolder: string) {
    this.index = new JournalIndex({ journalFolder });
  }

  /** Brings the index up to date with the disk; returns the paths read again or removed. */
  async refresh(concurrency = 16): Promise<string[]> {
    const index = this.index;
    const paths: string[] = [];
    try {
      for (const [name, type] of await this.fs.readDirectory(index.interviewsFolder)) {
        const p = `${index.interviewsFolder}/${name}`;
        if (type === 'file' && index.kindOf(p) === 'interview') paths.push(p);
      }
    } catch {
      // No interviews folder yet.
    }
    paths.push(index.weaknessesPath);
    const changed: string[] = [];
    const strings = new StringPool();
    const present = new Set<string>();
    for (let i = 0; i < paths.length; i += concurrency) {
      const batch = await Promise.all(paths.slice(i, i + concurrency).map(async (p): Promise<[string, Uint8Array] | undefined> => {
        const st = await this.fs.stat(p);
        if (!st || st.type !== 'file') return undefined;
        present.add(p);
        const stamp = `${st.size}:${st.mtime}`;
        if (this.stamps.get(p) === stamp) return undefined;
        this.stamps.set(p, stamp);
        changed.push(p);
        try {
          return [p, await this.fs.readFile(p)];
        } catch {
          return [p, new Uint8Array()];
        }
      }));
      index.updateMany(batch.filter((b): b is [string, Uint8Array] => b !== undefined), strings);
    }
    for (const p of [...this.stamps.keys()]) {
      if (present.has(p)) continue;
      this.stamps.delete(p);
      index.remove(p);
      changed.push(p);
    }
    const existing = new Set<string>();
    await Promise.all(index.linkedNotes().map(async (n) => {
      if ((await this.fs.stat(n))?.type === 'file') existing.add(n);
    }));
    index.setNoteExists(existing);
    return changed;
  }

  /** Forgets what was read of these paths, so that the next refresh reads them again (after a write). */
  touched(paths: Iterable<string>): void {
    for (const p of paths) this.stamps.delete(p);
  }
}
