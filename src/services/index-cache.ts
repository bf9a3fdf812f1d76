import * as vscode from 'vscode';
import { localDisk } from '../adapters/local-disk';
import type { JournalIndex } from '../core/journal/journal-index';
import type { LoadOptions } from '../core/journal/load';
import { decodeSnapshot, encodeSnapshot, FileStamp, KeptEntry, KeptFile, snapshotChunks, snapshotKey } from '../core/journal/snapshot';
import { fingerprint } from '../core/text/fingerprint';
import type { Journal } from './journal';

/** How long after the last change the snapshot is written (one write for a burst of changes). */
const SAVE_AFTER_MS = 4000;
/** How long after a journal was read its snapshot is written. */
const SAVE_AFTER_LOAD_MS = 1500;

/** How a journal's last reading went: plain files restored from the kept index, files read, and the time it took. */
export interface LoadInfo {
  restored: number;
  read: number;
  ms: number;
}

/** What the kept index follows of one journal being read. */
interface Followed {
  /** The size and date of each file as last read from disk. */
  stamps: Map<string, FileStamp>;
  /** Files whose record came from unsaved editor text (never kept: read again next time). */
  fromEditor: Set<string>;
  load?: LoadInfo;
}

/**
 * Keeps what each journal's index read in the extension's storage for this workspace (not in the
 * workspace), so that the next window reads only the files that changed meanwhile. A snapshot that is
 * missing, of another version, damaged or unreadable is ignored and the journal is read from its files.
 * The store tells it what it reads (from disk, with the file's stamp, or from editor text); it writes
 * the snapshot soon after.
 */
export class IndexCache implements vscode.Disposable {
  private readonly followed = new Map<Journal, Followed>();
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; save: () => Promise<void> }>();
  /** The last write asked of each snapshot (writes of one snapshot never overlap). */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(private readonly storage: vscode.Uri | undefined, private readonly version: string, private readonly log: vscode.LogOutputChannel) {}

  /**
   * Starts following a journal about to be read: what an earlier session kept of it, for `loadJournal`
   * (its files arrive while the journal folder is listed).
   */
  keptFor(journal: Journal): NonNullable<LoadOptions['kept']> {
    const stamps = new Map<string, FileStamp>();
    this.followed.set(journal, { stamps, fromEditor: new Set() });
    return { files: this.load(journal.folder.uri, journal.journalFolder), stamps, restored: 0 };
  }

  /** A journal was read (`kept` as `keptFor` gave it, filled by the load): notes how it went, and keeps it soon. */
  loaded(journal: Journal, kept: NonNullable<LoadOptions['kept']>, ms: number): void {
    const f = this.followed.get(journal);
    if (!f) return;
    const restored = kept.restored ?? 0;
    f.load = { restored, read: kept.stamps.size - restored, ms };
    this.keep(journal, SAVE_AFTER_LOAD_MS);
  }

  /** How a journal's last reading went. */
  loadInfo(journal: Journal): LoadInfo | undefined {
    return this.followed.get(journal)?.load;
  }

  /**
   * A journal file was read from disk: `st` is its stamp taken before the read (a change during the
   * read makes it older, never newer, than the content). Keeps the index soon.
   */
  readFromDisk(journal: Journal, path: string, outcome: 'read' | 'refused' | 'missing', st: { type: string; size: number; mtime: number } | undefined): void {
    const f = this.followed.get(journal);
    if (!f) return;
    f.fromEditor.delete(path);
    if (outcome === 'read' && st?.type === 'file') f.stamps.set(path, { size: st.size, mtime: st.mtime });
    else f.stamps.delete(path);
    this.keep(journal);
  }

  /** A journal file's record came from unsaved editor text: it is not kept as if it were the file. */
  readFromEditor(journal: Journal, path: string): void {
    this.followed.get(journal)?.fromEditor.add(path);
  }

  /** Stops following every journal (a new reading starts). */
  forget(): void {
    this.followed.clear();
  }

  private keep(journal: Journal, delay?: number): void {
    const f = this.followed.get(journal);
    if (f) this.schedule(journal.folder.uri, journal.journalFolder, journal.index, f.stamps, () => f.fromEditor, delay);
  }

  /** Where the index of a journal is kept (undefined without a workspace storage, e.g. no folder open). */
  uriOf(folder: vscode.Uri, journalFolder: string): vscode.Uri | undefined {
    if (!this.storage) return undefined;
    return vscode.Uri.joinPath(this.storage, `journal-index-${fingerprint(`${folder.toString()}|${journalFolder}`).toString(36)}.json`);
  }

  /** What an earlier session kept of this journal (empty when nothing usable is kept). */
  private async load(folder: vscode.Uri, journalFolder: string): Promise<ReadonlyMap<string, KeptEntry>> {
    const uri = this.uriOf(folder, journalFolder);
    if (!uri) return new Map();
    let text: string;
    try {
      text = uri.scheme === 'file' && localDisk ? await localDisk.readText(uri.fsPath) : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return new Map();
    }
    const kept = decodeSnapshot(text, snapshotKey(this.version, journalFolder));
    if (!kept) this.log.info(`the kept index of ${journalFolder}/ is of another version or damaged: the journal is read from its files`);
    return kept ?? new Map();
  }

  /**
   * Writes the snapshot soon (once changes stop): every file with a stamp whose record came from the
   * disk. `skip` are files whose record came from unsaved editor text: they are read again next time.
   */
  private schedule(folder: vscode.Uri, journalFolder: string, index: JournalIndex, stamps: ReadonlyMap<string, FileStamp>, skip: () => ReadonlySet<string>, delay = SAVE_AFTER_MS): void {
    const uri = this.uriOf(folder, journalFolder);
    if (!uri) return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key)?.timer);
    const save = () => {
      this.timers.delete(key);
      // One write at a time per snapshot, in the order asked: the last one asked is the one kept.
      const done = (this.writing.get(key) ?? Promise.resolve()).then(() => this.save(uri, journalFolder, index, stamps, skip()));
      this.writing.set(key, done);
      return done;
    };
    this.timers.set(key, { timer: setTimeout(() => void save(), delay), save });
  }

  /** Writes every snapshot waiting to be written, now, and waits for the writes under way. */
  async flush(): Promise<void> {
    const pending = [...this.timers.values()];
    for (const p of pending) clearTimeout(p.timer);
    await Promise.all(pending.map((p) => p.save()));
    await Promise.all(this.writing.values());
  }

  private async save(uri: vscode.Uri, journalFolder: string, index: JournalIndex, stamps: ReadonlyMap<string, FileStamp>, skip: ReadonlySet<string>): Promise<void> {
    // Each file's stamp and record are taken together, as its line is made: a line is always one state of its file.
    function* files(): Generator<[string, KeptFile]> {
      for (const [path, stamp] of stamps) {
        if (skip.has(path)) continue;
        const entry = index.snapshotOf(path);
        if (entry) yield [path, { stamp, entry }];
      }
    }
    const key = snapshotKey(this.version, journalFolder);
    try {
      if (uri.scheme === 'file' && localDisk) {
        // Straight to the disk (no copy of a large snapshot to the window's process), a piece at a time
        // (never the whole text at once: the peak memory of a large journal's first reading), under
        // another name and then renamed, so that the next window never finds half of it.
        await localDisk.writeWhole(uri.fsPath, snapshotChunks(key, files()));
      } else {
        // Elsewhere (the browser, whose storage is its own or a remote's, and a remote's Node host) the
        // file system behind vscode.workspace.fs writes the file whole.
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(encodeSnapshot(key, files())));
      }
    } catch (e) {
      this.log.warn(`could not keep the index of ${journalFolder}/ for the next window: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
  }
}
