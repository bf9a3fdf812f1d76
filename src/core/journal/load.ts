/** Reading a whole journal folder into a new index, in bounded batches, through the safe reads of safe-fs.ts. */
import type { FileSystem, FileType } from '../file-system';
import { limitMessage, LIMITS } from '../limits';
import { refusalWords, resolveNotePath } from '../note-paths';
import type { Problem } from '../problems';
import { StringPool } from '../read/strings';
import { prepareSchemas } from '../schema';
import { isNotRead, ReadOutcome, readRegularFile, Refusal, refusalProblem, resolveEntry } from '../safe-fs';
import { EntrySnapshot, JournalIndex } from './journal-index';
import { FileStamp, KeptEntry, sameStamp } from './snapshot';

export interface LoadOptions {
  /** Check that linked notes exist, inside the workspace (default true). */
  checkNotes?: boolean;
  /** Parallel reads (default 16). */
  concurrency?: number;
  /** The index to read into (default: a new one), so that a caller can show it while it fills. */
  index?: JournalIndex;
  /** Called after each batch is indexed, with the files read so far and the files to read; the next batch waits for it. */
  onBatch?(done: number, total: number): void | Promise<void>;
  /**
   * What an earlier session read (snapshot.ts): a plain file whose size and modification time are
   * those kept is restored instead of read. `stamps` receives the stamp of every plain file restored
   * or read, for the next snapshot, and `restored` counts the files restored. The files may still be
   * on their way (the kept index read while the journal is): files are read until they are there.
   */
  kept?: { files: ReadonlyMap<string, KeptEntry> | PromiseLike<ReadonlyMap<string, KeptEntry>>; stamps: Map<string, FileStamp>; restored?: number };
}

/** The problem of a journal folder Debrief does not read (a link outside the workspace, a loop of links, no permission). */
export function folderProblem(path: string, refusal: { code: Refusal; reason: string }): Problem {
  return {
    file: path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: refusal.code,
    message: `The folder ${path} ${refusal.reason}, so none of its files are read. Keep the journal as a real folder inside the workspace folder.`,
  };
}

/** The problems of the files and folders of a journal that were not read at all: nothing of them counts in what is shown. */
export function filesNotRead(index: JournalIndex): Problem[] {
  return index.problems().filter(isNotRead);
}

/** Reads one journal file: its bytes when it is a regular file inside the workspace within the size limit, else why not, or that it is gone. */
export function readJournalFile(fs: FileSystem, path: string, known?: FileType): Promise<ReadOutcome> {
  return readRegularFile(fs, path, LIMITS.fileBytes, known);
}

/**
 * Puts what a read of one journal file found into the index: its content, or a problem at the file
 * saying why it was not read. A file gone is left to the caller (`'missing'`).
 */
export function applyRead(index: JournalIndex, path: string, r: ReadOutcome): 'read' | 'refused' | 'missing' {
  if (r.kind === 'missing') return 'missing';
  if (r.kind === 'read') {
    index.update(path, r.bytes);
    return 'read';
  }
  index.refuse(path, refusalProblem(path, r, () => limitMessage('fileBytes', LIMITS, r.size)));
  return 'refused';
}

/** Reads one journal file into the index (`readJournalFile`, then `applyRead`). */
export async function readIntoIndex(fs: FileSystem, index: JournalIndex, path: string, known?: FileType): Promise<'read' | 'refused' | 'missing'> {
  return applyRead(index, path, await readJournalFile(fs, path, known));
}

/** Reads every journal file of a folder into a new index. Missing folders give an empty index. */
export async function loadJournal(fs: FileSystem, journalFolder: string, options: LoadOptions = {}): Promise<JournalIndex> {
  const index = options.index ?? new JournalIndex({ journalFolder });
  // The journal's folders themselves must be inside the workspace: a linked folder is followed only there.
  for (const folder of [index.journalFolder, index.interviewsFolder]) {
    const entry = await resolveEntry(fs, folder);
    if (entry.kind === 'refused') {
      index.refuseFolder(folder, folderProblem(folder, entry));
      return index;
    }
    if (entry.kind !== 'directory') break;
  }
  const listed: [string, FileType][] = [];
  try {
    const listing = fs.readDirectory(index.interviewsFolder);
    // The schemas are compiled while the folder is listed, not when the first file is read.
    prepareSchemas();
    for (const [name, type] of await listing) {
      const p = `${index.interviewsFolder}/${name}`;
      if (index.kindOf(p) === 'interview') listed.push([p, type]);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') index.refuseFolder(index.interviewsFolder, folderProblem(index.interviewsFolder, { code: 'unreadable', reason: 'cannot be listed' }));
  }
  // weaknesses.yaml is read last. It is one large file whose whole syntax tree is alive while it is
  // parsed; read first, that survival rate makes V8 allocate the parser's short-lived objects directly in
  // the old generation for the rest of the load (allocation-site pretenuring), and peak memory grows by
  // tens of MB of garbage awaiting a full collection.
  if (await fs.stat(index.weaknessesPath).catch(() => ({}))) listed.push([index.weaknessesPath, 'symlink']);
  // The kept index may still be on its way: until it is there, files are read (the first rows wait for
  // nothing but their own files), and restored from it once it is.
  let keptFiles: ReadonlyMap<string, KeptEntry> | undefined;
  const keptThere = options.kept && Promise.resolve(options.kept.files).then((files) => void (keptFiles = files));
  // Files are read and indexed in bounded batches: a batch is read in parallel, then indexed, before the
  // next batch is read. Only one batch of bytes is held at a time.
  const limit = Math.max(1, options.concurrency ?? 16);
  // One string pool for the whole load: equal values of different files share one copy.
  const strings = new StringPool();
  for (let i = 0; i < listed.length; i += limit) {
    const batch = await Promise.all(listed.slice(i, i + limit).map(async ([p, type]) => {
      const kept = options.kept;
      if (kept) {
        const st = await fs.stat(p).catch(() => undefined);
        if (st?.type === 'file') {
          const stamp = { size: st.size, mtime: st.mtime };
          kept.stamps.set(p, stamp);
          const was = keptFiles?.get(p);
          const entry = was && sameStamp(was.stamp, stamp) ? was.entry() : undefined;
          if (entry && entry.kind === index.kindOf(p)) return [p, { kind: 'kept' as const, entry }] as const;
        }
      }
      // A plain file listed in a checked folder is read at once (the read itself refuses anything but a
      // regular file); links, pipes, devices and folders go through the full check.
      const r = await readRegularFile(fs, p, LIMITS.fileBytes, type === 'file' ? 'file' : undefined);
      return [p, r] as const;
    }));
    // Restored and read in the order listed, so that the index is the same whichever way it was filled.
    const restored: [string, EntrySnapshot][] = [];
    const read: [string, Uint8Array][] = [];
    for (const [p, r] of batch) {
      if (r.kind === 'kept') restored.push([p, r.entry]);
      else if (r.kind === 'read') read.push([p, r.bytes]);
      else {
        options.kept?.stamps.delete(p);
        if (r.kind === 'refused') index.refuse(p, refusalProblem(p, r, () => limitMessage('fileBytes', LIMITS, r.size)));
      }
    }
    index.restoreMany(restored);
    if (options.kept) options.kept.restored = (options.kept.restored ?? 0) + restored.length;
    index.updateMany(read, strings);
    await options.onBatch?.(Math.min(i + limit, listed.length), listed.length);
  }
  await keptThere;
  if (options.checkNotes !== false) await checkLinkedNotes(fs, index);
  return index;
}

/** Finds which linked notes exist, and which Debrief refuses (a link outside the workspace, not a file); tells the index. */
export async function checkLinkedNotes(fs: FileSystem, index: JournalIndex, concurrency = 16): Promise<void> {
  const existing = new Set<string>();
  const refused = new Map<string, string>();
  const notes = index.linkedNotes();
  for (let i = 0; i < notes.length; i += concurrency) {
    await Promise.all(notes.slice(i, i + concurrency).map(async (n) => {
      const r = await resolveNotePath(fs, n);
      if (!r.ok) refused.set(n, refusalWords(r.reason));
      else if (r.exists) existing.add(n);
    }));
  }
  index.setNoteExists(existing, refused);
}
