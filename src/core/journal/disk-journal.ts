/**
 * A journal folder kept in an index for a long-running process without a file watcher (`debrief mcp`):
 * each refresh compares every journal file's size and modification time with the last read, and reads
 * again only the files that changed, appeared or went away, through the same safe reads as a full load
 * (regular files inside the workspace, within the size limit).
 */
import type { FileSystem, FileType } from '../file-system';
import { resolveEntry } from '../safe-fs';
import { JournalIndex } from './journal-index';
import { checkLinkedNotes, folderProblem, readIntoIndex } from './load';

export class DiskJournal {
  readonly index: JournalIndex;
  private readonly stamps = new Map<string, string>();

  constructor(private readonly fs: FileSystem, journalFolder: string) {
    this.index = new JournalIndex({ journalFolder });
  }

  /** Brings the index up to date with the disk; returns the paths read again or removed. */
  async refresh(concurrency = 16): Promise<string[]> {
    const index = this.index;
    const listed: [string, FileType][] = [];
    let folders = true;
    for (const folder of [index.journalFolder, index.interviewsFolder]) {
      const entry = await resolveEntry(this.fs, folder);
      if (entry.kind === 'refused') {
        index.refuseFolder(folder, folderProblem(folder, entry));
        folders = false;
      }
      if (entry.kind !== 'directory') break;
    }
    if (folders) {
      try {
        for (const [name, type] of await this.fs.readDirectory(index.interviewsFolder)) {
          const p = `${index.interviewsFolder}/${name}`;
          if (index.kindOf(p) === 'interview') listed.push([p, type]);
        }
      } catch {
        // No interviews folder yet.
      }
      listed.push([index.weaknessesPath, 'symlink']);
    }
    const changed: string[] = [];
    const present = new Set<string>();
    for (let i = 0; i < listed.length; i += concurrency) {
      await Promise.all(listed.slice(i, i + concurrency).map(async ([p, type]) => {
        const st = await this.fs.stat(p);
        if (!st) return;
        present.add(p);
        // A link is read every time: its own size and date say nothing of its target.
        const stamp = st.type === 'symlink' ? undefined : `${st.type}:${st.size}:${st.mtime}`;
        if (stamp !== undefined && this.stamps.get(p) === stamp) return;
        if (stamp !== undefined) this.stamps.set(p, stamp);
        else this.stamps.set(p, 'link');
        const r = await readIntoIndex(this.fs, index, p, type === 'file' && st.type === 'file' ? 'file' : undefined);
        if (r === 'missing') present.delete(p);
        changed.push(p);
      }));
    }
    for (const p of [...this.stamps.keys()]) {
      if (present.has(p)) continue;
      this.stamps.delete(p);
      index.remove(p);
      changed.push(p);
    }
    await checkLinkedNotes(this.fs, index, concurrency);
    return changed.sort();
  }

  /** Forgets what was read of these paths, so that the next refresh reads them again (after a write). */
  touched(paths: Iterable<string>): void {
    for (const p of paths) this.stamps.delete(p);
  }
}
