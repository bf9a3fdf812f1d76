import * as vscode from 'vscode';
import { VscodeFileSystem } from '../adapters/vscode-fs';
import { SettingId } from '../constants';
import { JournalIndex } from '../core/journal/journal-index';
import { DEFAULT_JOURNAL_FOLDER, JournalLayout } from '../core/journal/layout';
import { loadJournal, readIntoIndex } from '../core/journal/load';
import { NOT_READ_CODES } from '../core/safe-fs';
import type { IndexCache } from './index-cache';
import { Journal } from './journal';
import { EditorText, FileEvents } from './journal-follow';
import type { NoteTracker } from './note-tracker';
import { settings } from './settings';

export interface JournalChange {
  journal: Journal;
  /** Workspace-relative paths that changed; empty when only derived state (notes, problems) moved. */
  paths: string[];
  /** The journal was read (again), in whole or in part: anything may have changed. */
  all?: boolean;
}

/** How a reading of the journals goes, for the views that say so. */
export type LoadEvent =
  /** A reading starts; `done` resolves when it ends. */
  | { kind: 'started'; done: Promise<void> }
  /** A journal is on disk: known before it is read, so that no view says "no journal yet" meanwhile. */
  | { kind: 'found' }
  /** Files of a journal read so far, and to read. */
  | { kind: 'progress'; journal: Journal; done: number; total: number }
  /** Every journal has been read. */
  | { kind: 'finished' };

/** What enters the journal after it was read: files to read again from disk, a file's text in an editor, or derived state (notes) that moved. */
export type Incoming = { kind: 'disk'; paths: readonly string[] } | { kind: 'text'; path: string; text: string } | { kind: 'derived' };

/** While a journal is read, the views are told at most this often, so that rows appear as they are known. */
const PROGRESS_EVERY_MS = 700;

/**
 * Owns every journal of the workspace: reads them (`load`, the one place a reading starts and ends),
 * then follows their changes one file at a time (`enter`, the one place changes come in), from disk
 * (a watcher, VS Code's file operations) and from unsaved editor text (so diagnostics follow typing).
 * Features read the indexes and listen to `onDidChange`; they never read journal files themselves.
 * What is kept between windows is the cache's (index-cache.ts), study notes the note tracker's.
 */
export class JournalStore implements vscode.Disposable {
  private readonly byFolder = new Map<string, Journal>();
  private readonly changed = new vscode.EventEmitter<JournalChange>();
  private readonly loadEvents = new vscode.EventEmitter<LoadEvent>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly files: FileEvents;
  private readonly editorText: EditorText;
  private loading: Promise<void> = Promise.resolve();
  private loadingNow = false;
  readonly onDidChange = this.changed.event;
  readonly onDidLoad = this.loadEvents.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly cache: IndexCache, private readonly notes: NoteTracker) {
    this.editorText = new EditorText(
      (uri) => this.locateJournalFile(uri),
      (journal, path, text) => void this.enter(journal, { kind: 'text', path, text }),
      (journal, path) => void this.enter(journal, { kind: 'disk', paths: [path] }),
    );
    this.files = new FileEvents((journal, paths) => void this.enter(journal, { kind: 'disk', paths }), this.editorText);
    this.disposables.push(
      this.changed, this.loadEvents, this.files, this.editorText,
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingId.JournalFolder)) void this.reload();
      }),
    );
  }

  /** Resolves when every journal has been read. */
  get ready(): Promise<void> {
    return this.loading;
  }

  /** True while the journals are being read: what they hold so far is partial (no cross-file verdicts yet). */
  get isLoading(): boolean {
    return this.loadingNow;
  }

  journals(): Journal[] {
    return [...this.byFolder.values()];
  }

  journalOf(folder: vscode.WorkspaceFolder): Journal | undefined {
    return this.byFolder.get(folder.uri.toString());
  }

  /** The journal a URI belongs to (any file in its workspace folder) and its relative path. */
  locate(uri: vscode.Uri): { journal: Journal; path: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const journal = folder && this.journalOf(folder);
    const path = journal?.pathOf(uri);
    return journal && path !== undefined ? { journal, path } : undefined;
  }

  /** The journal and path of a URI when it is a journal file (an interview or weaknesses.yaml). */
  locateJournalFile(uri: vscode.Uri): { journal: Journal; path: string } | undefined {
    const found = this.locate(uri);
    return found && found.journal.index.kindOf(found.path) ? found : undefined;
  }

  /** Re-reads every journal from scratch (new folders, a changed setting, or the Refresh command). */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.load()).catch((e) => this.log.error(`loading the journal failed: ${String(e)}`));
    return this.loading;
  }

  /** The one place a reading of the journals starts and ends. */
  private async load(): Promise<void> {
    this.files.clear();
    this.notes.clear();
    this.cache.forget();
    this.byFolder.clear();
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.loadingNow = true;
    let finish = (): void => undefined;
    this.loadEvents.fire({ kind: 'started', done: new Promise<void>((resolve) => (finish = resolve)) });
    try {
      // The setting is read once per folder and reading: the journal carries its folder from then on.
      const names = folders.map((f) => this.journalFolderOf(f));
      const found = await Promise.all(folders.map((f, i) => new JournalLayout(names[i]).isOnDisk(new VscodeFileSystem(f.uri))));
      if (found.some(Boolean)) this.loadEvents.fire({ kind: 'found' });
      await Promise.all(folders.map((f, i) => this.loadFolder(f, names[i])));
    } finally {
      this.loadingNow = false;
      finish();
      this.loadEvents.fire({ kind: 'finished' });
    }
    for (const journal of this.journals()) this.changed.fire({ journal, paths: [], all: true });
  }

  /** The journal folder the setting names for a workspace folder; the default, said in the log, when it names none Debrief can use. */
  private journalFolderOf(folder: vscode.WorkspaceFolder): string {
    const name = settings.journalFolder(folder);
    if (name.ok) return name.folder;
    this.log.warn(`${folder.name}: the setting ${SettingId.JournalFolder} ${name.reason}; the journal is read from ${DEFAULT_JOURNAL_FOLDER}/`);
    return DEFAULT_JOURNAL_FOLDER;
  }

  private async loadFolder(folder: vscode.WorkspaceFolder, name: string): Promise<void> {
    const started = Date.now();
    const index = new JournalIndex({ journalFolder: name });
    const journal = new Journal(folder, name, index, new VscodeFileSystem(folder.uri));
    // Shown while it fills: the views list what is read so far. The first batch is told at once (the
    // first rows); after that, each time the files read have doubled and some time has passed, so that
    // listing a growing journal again costs at most about twice listing it once.
    this.byFolder.set(folder.uri.toString(), journal);
    let told = 0;
    let toldAt = 0;
    const kept = await this.cache.keptFor(journal);
    await loadJournal(journal.fs, name, {
      checkNotes: false, index, kept,
      onBatch: (done, total) => {
        this.loadEvents.fire({ kind: 'progress', journal, done, total });
        const now = Date.now();
        if (done < total && (done < 2 * told || now - toldAt < PROGRESS_EVERY_MS)) return;
        told = done;
        toldAt = now;
        this.changed.fire({ journal, paths: [], all: true });
      },
    });
    // Unsaved editor text wins over the file on disk.
    for (const doc of vscode.workspace.textDocuments) {
      const path = journal.pathOf(doc.uri);
      if (path && doc.isDirty && index.kindOf(path) && !this.refused(journal, path)) {
        index.update(path, doc.getText());
        this.cache.readFromEditor(journal, path);
      }
    }
    await this.notes.loaded(journal);
    this.files.follow(journal);
    this.cache.loaded(journal, kept, Date.now() - started);
    const info = this.cache.loadInfo(journal);
    this.log.info(`${folder.name}: ${index.interviewCount()} interview(s) in ${name}/ in ${Date.now() - started} ms (${info?.restored ?? 0} file(s) unchanged since the kept index, ${info?.read ?? 0} read)`);
  }

  /**
   * The one place changes come in, once a journal was read: files read again from disk (only a
   * regular file inside the workspace, up to the size limit; a file gone leaves the index), a file's
   * text in an editor (unless the file on disk was refused: the editor may show a file a link leads to
   * outside the workspace), or derived state that moved. Announces what changed.
   */
  private async enter(journal: Journal, incoming: Incoming): Promise<void> {
    if (this.byFolder.get(journal.folder.uri.toString()) !== journal) return;
    const index = journal.index;
    if (incoming.kind === 'derived') return this.changed.fire({ journal, paths: [] });
    const changed: string[] = [];
    if (incoming.kind === 'text') {
      if (this.refused(journal, incoming.path)) return;
      this.cache.readFromEditor(journal, incoming.path);
      if (index.update(incoming.path, incoming.text)) changed.push(incoming.path);
    } else {
      const paths = [...incoming.paths];
      for (let i = 0; i < paths.length; i += 16) {
        await Promise.all(paths.slice(i, i + 16).map(async (path) => {
          const version = index.version;
          // The stamp is taken before the read: a change during the read leaves it older than the content, never newer.
          const stamp = await journal.fs.stat(path).catch(() => undefined);
          const outcome = await readIntoIndex(journal.fs, index, path);
          this.cache.readFromDisk(journal, path, outcome, stamp);
          if (outcome === 'missing' ? index.remove(path) : index.version !== version) changed.push(path);
        }));
      }
    }
    if (!changed.length) return;
    this.changed.fire({ journal, paths: changed.sort() });
    if (changed.includes(index.weaknessesPath)) void this.notes.check(journal);
  }

  /** True when the last read of a journal file refused it (a link outside the workspace, not a regular file, …). */
  private refused(journal: Journal, path: string): boolean {
    return journal.index.problemsOf(path).some((p) => NOT_READ_CODES.has(p.code));
  }

  /** Tells the views that a journal's derived state moved (its notes: see note-tracker.ts). */
  derivedChanged(journal: Journal): void {
    void this.enter(journal, { kind: 'derived' });
  }

  /** Re-reads one journal file from disk now, e.g. after a command created or deleted it, without waiting for the watcher. */
  async sync(uri: vscode.Uri): Promise<void> {
    const found = this.locateJournalFile(uri);
    if (found) await this.enter(found.journal, { kind: 'disk', paths: [found.path] });
  }

  /** Applies pending editor changes at once (used after programmatic edits, and by tests). */
  flush(uri?: vscode.Uri): void {
    this.editorText.flush(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
