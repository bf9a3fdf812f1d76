import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { JournalIndex } from '../core/journal/journal-index';
import { decodeSnapshot, encodeSnapshot, FileStamp, KeptEntry, KeptFile, snapshotKey } from '../core/journal/snapshot';
import { fingerprint } from '../core/text/fingerprint';

/** How long after the last change the snapshot is written (one write for a burst of changes). */
const SAVE_AFTER_MS = 4000;

/**
 * Keeps what each journal's index read in the extension's storage for this workspace (not in the
 * workspace), so that the next window reads only the files that changed meanwhile. A snapshot that is
 * missing, of another version, damaged or unreadable is ignored and the journal is read from its files.
 */
export class IndexCache implements vscode.Disposable {
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; save: () => Promise<void> }>();
  /** The last write asked of each snapshot (writes of one snapshot never overlap). */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(private readonly storage: vscode.Uri | undefined, private readonly version: string, private readonly log: vscode.LogOutputChannel) {}

  /** Where the index of a journal is kept (undefined without a workspace storage, e.g. no folder open). */
  uriOf(folder: vscode.Uri, journalFolder: string): vscode.Uri | undefined {
    if (!this.storage) return undefined;
    return vscode.Uri.joinPath(this.storage, `journal-index-${fingerprint(`${folder.toString()}|${journalFolder}`).toString(36)}.json`);
  }

  /** What an earlier session kept of this journal (empty when nothing usable is kept). */
  async load(folder: vscode.Uri, journalFolder: string): Promise<ReadonlyMap<string, KeptEntry>> {
    const uri = this.uriOf(folder, journalFolder);
    if (!uri) return new Map();
    let text: string;
    try {
      text = uri.scheme === 'file' ? await readFile(uri.fsPath, 'utf8') : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
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
  schedule(folder: vscode.Uri, journalFolder: string, index: JournalIndex, stamps: ReadonlyMap<string, FileStamp>, skip: () => ReadonlySet<string>, delay = SAVE_AFTER_MS): void {
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
    const files: [string, KeptFile][] = [];
    for (const [path, stamp] of stamps) {
      if (skip.has(path)) continue;
      const entry = index.snapshotOf(path);
      if (entry) files.push([path, { stamp, entry }]);
    }
    try {
      const text = encodeSnapshot(snapshotKey(this.version, journalFolder), files);
      if (uri.scheme === 'file') {
        // Straight to the disk (no copy of a large snapshot to the window's process), written whole
        // under another name and then renamed, so that the next window never finds half of it.
        await mkdir(vscode.Uri.joinPath(uri, '..').fsPath, { recursive: true });
        const tmp = `${uri.fsPath}.${process.pid}.tmp`; // two windows of one workspace never share one
        await writeFile(tmp, text);
        await rename(tmp, uri.fsPath);
      } else {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
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
