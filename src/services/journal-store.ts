import * as vscode from 'vscode';
import { VscodeFileSystem } from '../adapters/vscode-fs';
import { SettingId } from '../constants';
import { JournalIndex } from '../core/journal/journal-index';
import { DEFAULT_JOURNAL_FOLDER } from '../core/journal/layout';
import { applyRead, loadJournal, readJournalFile } from '../core/journal/load';
import { NOT_READ_CODES } from '../core/safe-fs';
import type { IndexCache } from './index-cache';
import { Journal } from './journal';
import { dirty, EditorText, FileEvents } from './journal-follow';
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

/** What enters the journal: files to read again from disk, a file's text in an editor, or derived state (notes) that moved. */
export type Incoming = { kind: 'disk'; paths: readonly string[] } | { kind: 'text'; path: string; text: string } | { kind: 'derived' };

/** The points of a journal's reading, in order (where the test mode can hold it: see `ReadGate`). */
export type ReadPoint =
  /** Its changes are followed; nothing is listed or read yet. */
  | { kind: 'following' }
  /** A batch of its files was read (`done` of `total`). */
  | { kind: 'batch'; done: number; total: number }
  /** Every file was read; the notes, and the files that changed meanwhile, are not. */
  | { kind: 'read' };

/**
 * Awaited by a reading at each of its points. Only the test mode passes one (test-mode.ts), to hold a
 * reading where a test wants it while it changes files.
 */
export type ReadGate = (journal: Journal, point: ReadPoint) => void | Promise<void>;

/** While a journal is read, the views are told at most this often, so that rows appear as they are known. */
const PROGRESS_EVERY_MS = 700;
/** A journal folder created or deleted reads the journal again once its folders stopped changing for this long. */
const FOLDER_QUIET_MS = 100;

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
  /** A reading asked for by a journal folder created or deleted, not started yet (others join it). */
  private reloadPending = false;
  /** Journals being read: the files reported changed meanwhile, read again once the reading is done. */
  private readonly reading = new Map<Journal, { noted: Set<string>; done: Promise<void>; finish(): void }>();
  /** Per journal: files to read from disk once the read under way is done (one read at a time per journal). */
  private readonly queued = new Map<Journal, { paths: Set<string>; done: Promise<void>; resolve(): void }>();
  private readonly draining = new Set<Journal>();
  readonly onDidChange = this.changed.event;
  readonly onDidLoad = this.loadEvents.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly cache: IndexCache, private readonly notes: NoteTracker, private readonly gate?: ReadGate) {
    this.editorText = new EditorText(
      (uri) => this.locateJournalFile(uri),
      (journal, path, text) => void this.enter(journal, { kind: 'text', path, text }),
      (journal, path) => void this.enter(journal, { kind: 'disk', paths: [path] }),
    );
    this.files = new FileEvents(
      (journal, paths) => void this.enter(journal, { kind: 'disk', paths }),
      (journal) => this.reloadSoon(journal),
      this.editorText,
    );
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

  /** The journals that exist (their folder holds journal files), in the order of the workspace's folders. */
  existingJournals(): Journal[] {
    return this.journals().filter((j) => j.exists);
  }

  /**
   * True when several workspace folders hold a journal: views and messages that mix their items then
   * say which folder each belongs to (a single-root user sees no folder names).
   */
  get severalJournals(): boolean {
    return this.existingJournals().length > 1;
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
    return this.after(() => this.load());
  }

  /** Runs `step` once the readings asked before it are done; what `ready` waits for. */
  private after(step: () => Promise<void>): Promise<void> {
    this.loading = this.loading.then(step).catch((e) => this.log.error(`loading the journal failed: ${String(e)}`));
    return this.loading;
  }

  /**
   * A journal folder was created or deleted (a checkout, a sync, the Explorer): the journal is read
   * again once its folders stop changing. Asked again before that reading starts, it is the same one.
   */
  private reloadSoon(journal: Journal): void {
    if (this.reloadPending) return;
    this.reloadPending = true;
    this.log.info(`${journal.folder.name}: a folder of ${journal.journalFolder}/ was created or deleted: the journal is read again`);
    void this.after(async () => {
      await new Promise((r) => setTimeout(r, FOLDER_QUIET_MS));
      this.reloadPending = false;
      await this.load();
    });
  }

  /** The one place a reading of the journals starts and ends. */
  private async load(): Promise<void> {
    this.files.clear();
    this.notes.clear();
    this.cache.forget();
    this.byFolder.clear();
    for (const r of this.reading.values()) r.finish();
    this.reading.clear();
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.loadingNow = true;
    let finish = (): void => undefined;
    this.loadEvents.fire({ kind: 'started', done: new Promise<void>((resolve) => (finish = resolve)) });
    try {
      // The setting is read once per folder and reading: the journal carries its folder from then on.
      // Each journal's changes are followed from now on, before anything of it is read.
      const journals = folders.map((f) => this.follow(f, this.journalFolderOf(f)));
      const found = await Promise.all(journals.map((j) => j.index.layout.isOnDisk(j.fs)));
      if (found.some(Boolean)) this.loadEvents.fire({ kind: 'found' });
      await Promise.all(journals.map((j) => this.loadFolder(j)));
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

  /** A workspace folder's journal, new and empty, whose changes are followed from now on: what changes before or while it is read is read again after. */
  private follow(folder: vscode.WorkspaceFolder, name: string): Journal {
    const journal = new Journal(folder, name, new JournalIndex({ journalFolder: name }), new VscodeFileSystem(folder.uri));
    journal.index.beginReading();
    this.byFolder.set(folder.uri.toString(), journal);
    let finish = (): void => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.reading.set(journal, { noted: new Set(), done, finish });
    this.files.follow(journal);
    return journal;
  }

  /** Reads a journal; whatever happens, changes come in as they come once it is done. */
  private async loadFolder(journal: Journal): Promise<void> {
    const reading = this.reading.get(journal);
    try {
      await this.readJournal(journal);
    } finally {
      if (this.reading.get(journal) === reading) this.reading.delete(journal);
      journal.index.endReading();
      reading?.finish();
    }
  }

  private async readJournal(journal: Journal): Promise<void> {
    const started = Date.now();
    const { index, folder, journalFolder: name } = journal;
    // Shown while it fills: the views list what is read so far. The first batch is told at once (the
    // first rows); after that, each time the files read have doubled and some time has passed, so that
    // listing a growing journal again costs at most about twice listing it once.
    let told = 0;
    let toldAt = 0;
    await this.gate?.(journal, { kind: 'following' });
    const kept = this.cache.keptFor(journal);
    await loadJournal(journal.fs, name, {
      checkNotes: false, index, kept,
      onBatch: async (done, total) => {
        this.loadEvents.fire({ kind: 'progress', journal, done, total });
        const now = Date.now();
        if (done === total || (done >= 2 * told && now - toldAt >= PROGRESS_EVERY_MS)) {
          told = done;
          toldAt = now;
          this.changed.fire({ journal, paths: [], all: true });
        }
        await this.gate?.(journal, { kind: 'batch', done, total });
      },
    });
    await this.gate?.(journal, { kind: 'read' });
    await this.notes.loaded(journal);
    // From here on changes come in as they come. What changed while the journal was read is read again
    // (a file read before it changed, or listed before it went); unsaved editor text wins over the disk.
    const noted = this.reading.get(journal)?.noted ?? new Set<string>();
    this.reading.delete(journal);
    const fromEditor = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      const path = journal.pathOf(doc.uri);
      if (path && doc.isDirty && index.kindOf(path) && !this.refused(journal, path)) {
        index.update(path, doc.getText());
        this.cache.readFromEditor(journal, path);
        fromEditor.add(path);
      }
    }
    await this.readFromDisk(journal, [...noted].filter((p) => !fromEditor.has(p)));
    this.cache.loaded(journal, kept, Date.now() - started);
    const info = this.cache.loadInfo(journal);
    this.log.info(`${folder.name}: ${index.interviewCount()} interview(s) in ${name}/ in ${Date.now() - started} ms (${info?.restored ?? 0} file(s) unchanged since the kept index, ${info?.read ?? 0} read${noted.size ? `, ${noted.size} read again: they changed meanwhile` : ''})`);
  }

  /** Files of a journal that changed while it was read, to read again once it is (what the test mode waits for). */
  changedWhileReading(journal: Journal): ReadonlySet<string> {
    return this.reading.get(journal)?.noted ?? new Set();
  }

  /**
   * The one place changes come in: files read again from disk (only a regular file inside the
   * workspace, up to the size limit; a file gone leaves the index), a file's text in an editor (unless
   * the file on disk was refused: the editor may show a file a link leads to outside the workspace), or
   * derived state that moved. Announces what changed. While the journal is read, files are noted and
   * read once the reading is done (editor text is taken then too); the promise resolves once they are.
   */
  private async enter(journal: Journal, incoming: Incoming): Promise<void> {
    if (this.byFolder.get(journal.folder.uri.toString()) !== journal) return;
    const index = journal.index;
    if (incoming.kind === 'derived') return this.changed.fire({ journal, paths: [] });
    const reading = this.reading.get(journal);
    if (reading) {
      if (incoming.kind === 'disk') for (const p of incoming.paths) reading.noted.add(p);
      return reading.done;
    }
    if (incoming.kind === 'disk') return this.readFromDisk(journal, incoming.paths);
    if (this.refused(journal, incoming.path)) return;
    this.cache.readFromEditor(journal, incoming.path);
    if (index.update(incoming.path, incoming.text)) this.announce(journal, [incoming.path]);
  }

  /**
   * Reads files of a journal from disk, one read at a time per journal: files reported while a read is
   * under way are read together after it (a checkout written over seconds is read in a few rounds, and
   * a file is never read twice at once, so an older read never lands after a newer one). Resolves once
   * these files are read.
   */
  private readFromDisk(journal: Journal, paths: readonly string[]): Promise<void> {
    if (!paths.length) return Promise.resolve();
    let q = this.queued.get(journal);
    if (!q) {
      let resolve = (): void => undefined;
      const done = new Promise<void>((r) => (resolve = r));
      this.queued.set(journal, (q = { paths: new Set(), done, resolve }));
    }
    for (const p of paths) q.paths.add(p);
    if (!this.draining.has(journal)) void this.drain(journal);
    return q.done;
  }

  private async drain(journal: Journal): Promise<void> {
    this.draining.add(journal);
    try {
      for (let q = this.queued.get(journal); q; q = this.queued.get(journal)) {
        this.queued.delete(journal);
        try {
          await this.readNow(journal, [...q.paths]);
        } catch (e) {
          this.log.error(`reading ${q.paths.size} journal file(s) failed: ${String(e)}`);
        } finally {
          q.resolve();
        }
      }
    } finally {
      this.draining.delete(journal);
    }
  }

  private async readNow(journal: Journal, paths: readonly string[]): Promise<void> {
    const index = journal.index;
    const changed: string[] = [];
    for (let i = 0; i < paths.length; i += 16) {
      await Promise.all(paths.slice(i, i + 16).map(async (path) => {
        // The stamp is taken before the read: a change during the read leaves it older than the content, never newer.
        const stamp = await journal.fs.stat(path).catch(() => undefined);
        const read = await readJournalFile(journal.fs, path);
        if (this.byFolder.get(journal.folder.uri.toString()) !== journal) return; // read again meanwhile
        // An editor that took unsaved changes while the file was read is its source now (journal-follow.ts):
        // the content read before them does not replace them (a file gone, or refused, still counts).
        if (read.kind === 'read' && dirty(journal.uri(path).toString())) return;
        const version = index.version;
        const outcome = applyRead(index, path, read);
        this.cache.readFromDisk(journal, path, outcome, stamp);
        if (outcome === 'missing' ? index.remove(path) : index.version !== version) changed.push(path);
      }));
    }
    this.announce(journal, changed);
  }

  /** Tells the views which files of a journal changed. */
  private announce(journal: Journal, changed: string[]): void {
    if (!changed.length || this.byFolder.get(journal.folder.uri.toString()) !== journal) return;
    this.changed.fire({ journal, paths: changed.sort() });
    if (changed.includes(journal.index.weaknessesPath)) void this.notes.check(journal);
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
