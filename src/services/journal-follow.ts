/**
 * Where the store's changes come from, from before a journal is first read: the file watcher and VS
 * Code's file operations (files to read again, coalesced by burst; a journal folder created or deleted),
 * and editor text (debounced while typing). Both hand what they saw to the store's one entry for
 * changes; neither reads a file.
 */
import * as vscode from 'vscode';
import type { Journal } from './journal';

const DEBOUNCE_MS = 150;
/** File events arriving together (a checkout, a pull, a sync) are read as one change after this quiet time… */
const BURST_QUIET_MS = 40;
/** …or at the latest after this long, so that a steady stream of events still shows. */
const BURST_MAX_MS = 400;

type Located = { journal: Journal; path: string } | undefined;

/**
 * Unsaved editor text of journal files: handed on once typing pauses, at once on `flush`; a document
 * VS Code reloads from its changed file, or closes, hands the file back to the disk.
 */
export class EditorText implements vscode.Disposable {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly locate: (uri: vscode.Uri) => Located,
    private readonly text: (journal: Journal, path: string, text: string) => void,
    fromDisk: (journal: Journal, path: string) => void,
  ) {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        const doc = e.document;
        const found = this.locate(doc.uri);
        if (!found) return;
        const key = doc.uri.toString();
        this.cancel(key);
        // Text changed with no unsaved change left, and not by Undo or Redo: VS Code reloaded the document
        // after its file changed on disk. Its text may then be older than the file, already read from the
        // disk meanwhile (another program may write it twice before VS Code reloads it once): the file is
        // read again instead, so that a later state is never replaced by an older one. (A save changes no
        // text: its text is the file's, handed on as typing's is.)
        if (!doc.isDirty && e.reason === undefined && e.contentChanges.length > 0) {
          fromDisk(found.journal, found.path);
          return;
        }
        this.pending.set(key, setTimeout(() => {
          this.pending.delete(key);
          if (!doc.isClosed) this.apply(doc);
        }, DEBOUNCE_MS));
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const found = this.locate(doc.uri);
        if (!found) return;
        // Once the editor is closed the file on disk is the truth again (closing unsaved, or reverting
        // then closing, drops the editor's text). A pending update of the closed text is dropped.
        this.cancel(doc.uri.toString());
        fromDisk(found.journal, found.path);
      }),
    ];
  }

  private apply(doc: vscode.TextDocument): void {
    const found = this.locate(doc.uri);
    if (found) this.text(found.journal, found.path, doc.getText());
  }

  /** Drops a pending update of a document's text (its file was deleted, say); true when one was pending. */
  cancel(key: string): boolean {
    const timer = this.pending.get(key);
    if (timer === undefined) return false;
    clearTimeout(timer);
    this.pending.delete(key);
    return true;
  }

  /** Hands on pending text at once (of one document, or all). */
  flush(uri?: vscode.Uri): void {
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      if (uri && key !== uri.toString()) continue;
      if (this.cancel(key)) this.apply(doc);
    }
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** Is a file open in an editor with unsaved changes? Then the editor's text, not the disk, is its source. */
export function dirty(key: string): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty);
}

/** The files of each journal changed on disk: the watcher's events and VS Code's file operations, read together by burst. */
export class FileEvents implements vscode.Disposable {
  private readonly followed = new Map<Journal, vscode.Disposable>();
  /** Per journal: paths reported, read together once events stop arriving. */
  private readonly bursts = new Map<Journal, { paths: Set<string>; timer: ReturnType<typeof setTimeout>; first: number }>();

  /**
   * `read`: files of a journal to read again. `folderChanged`: one of the journal's folders (see
   * `JournalLayout.folders`) was created or deleted, so that the journal appeared or went as a whole.
   */
  constructor(
    private readonly read: (journal: Journal, paths: string[]) => void,
    private readonly folderChanged: (journal: Journal) => void,
    private readonly editorText: EditorText,
  ) {}

  /**
   * Follows a journal from before its first file is read: what changes while it is read is reported
   * as it comes (the store reads it again once the reading is done), so that nothing is missed.
   */
  follow(journal: Journal): void {
    const folders = journal.index.layout.folders();
    const yaml = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(journal.folder, `${journal.journalFolder}/**/*.{yaml,yml}`));
    // A folder deleted with everything in it is one event for the folder (the watcher drops its files'
    // events), and a folder moved in is one event too: the journal is read again.
    const dirs = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(journal.folder, `{${folders.join(',')}}`), false, true, false);
    const onPath = (path: string | undefined) => {
      if (!path || !journal.index.kindOf(path)) return;
      if (dirty(journal.uri(path).toString())) return; // the editor's text is what the user sees; it stays the source
      this.queue(journal, path);
    };
    const onDisk = (uri: vscode.Uri) => onPath(journal.pathOf(uri));
    // Where the disk allows it, the journal's two folders are also followed directly: VS Code's watcher
    // may not follow a folder created with what is in it (`mkdir -p`, a checkout) and then miss every
    // change made in it. The interviews folder appearing or going in the journal folder is a folder change.
    const { interviewsFolder } = journal.index;
    const direct = [
      journal.fs.watchFolder?.(journal.journalFolder, (name) => {
        if (`${journal.journalFolder}/${name}` === interviewsFolder) this.folderChanged(journal);
        else onPath(`${journal.journalFolder}/${name}`);
      }),
      journal.fs.watchFolder?.(interviewsFolder, (name) => onPath(`${interviewsFolder}/${name}`)),
    ].filter((d): d is vscode.Disposable => d !== undefined);
    const onFolder = (uri: vscode.Uri) => {
      const path = journal.pathOf(uri);
      if (path !== undefined && folders.includes(path)) this.folderChanged(journal);
    };
    // Files created, deleted or renamed through VS Code (an Undo, the Explorer, a WorkspaceEdit) are
    // told at once by these events, also when the watcher reports nothing: it drops a file created
    // and deleted within one of its batches, which would leave the journal showing a file that is gone.
    const onOperation = (uris: readonly vscode.Uri[], deleted = false) => {
      for (const uri of uris) {
        const path = journal.pathOf(uri);
        if (path === undefined) continue;
        if (folders.includes(path)) {
          this.folderChanged(journal);
          continue;
        }
        // A file, or a folder: every journal file known under it.
        const under = journal.index.kindOf(path) ? [path] : journal.index.files().filter((f) => f.startsWith(`${path}/`));
        for (const p of under) {
          const key = journal.uri(p).toString();
          // As for the watcher's events: an open editor with unsaved text stays the source of a file that exists.
          if (dirty(key) && !deleted) continue;
          this.editorText.cancel(key);
          this.queue(journal, p);
        }
      }
    };
    this.followed.get(journal)?.dispose();
    this.followed.set(journal, vscode.Disposable.from(
      yaml, dirs, ...direct,
      vscode.workspace.onDidCreateFiles((e) => onOperation(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => onOperation(e.files, true)),
      vscode.workspace.onDidRenameFiles((e) => onOperation(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
      yaml.onDidCreate(onDisk),
      yaml.onDidChange(onDisk),
      yaml.onDidDelete((uri) => {
        // A debounced update of editor text must not bring a deleted file back.
        this.editorText.cancel(uri.toString());
        const path = journal.pathOf(uri);
        if (path && journal.index.kindOf(path)) this.queue(journal, path);
      }),
      dirs.onDidCreate(onFolder),
      dirs.onDidDelete(onFolder),
    ));
  }

  /** Notes a file reported; the files of one burst (a checkout, a pull) are handed on together. */
  private queue(journal: Journal, path: string): void {
    const now = Date.now();
    let burst = this.bursts.get(journal);
    if (burst) clearTimeout(burst.timer);
    else this.bursts.set(journal, (burst = { paths: new Set(), timer: setTimeout(() => undefined, 0), first: now }));
    burst.paths.add(path);
    const wait = Math.max(0, Math.min(BURST_QUIET_MS, burst.first + BURST_MAX_MS - now));
    burst.timer = setTimeout(() => {
      this.bursts.delete(journal);
      this.read(journal, [...(burst as { paths: Set<string> }).paths]);
    }, wait);
  }

  /** Stops following every journal (a new reading starts). */
  clear(): void {
    for (const d of this.followed.values()) d.dispose();
    this.followed.clear();
    for (const b of this.bursts.values()) clearTimeout(b.timer);
    this.bursts.clear();
  }

  dispose(): void {
    this.clear();
  }
}
