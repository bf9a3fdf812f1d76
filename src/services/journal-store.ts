import * as vscode from 'vscode';
import { VscodeFileSystem } from '../adapters/vscode-fs';
import { Journal } from './journal';
import { settings } from './settings';
import { ContextKey, SettingId, ViewId } from '../constants';
import { JournalIndex } from '../core/journal/journal-index';
import { DEFAULT_JOURNAL_FOLDER, JournalLayout } from '../core/journal/layout';
import type { FileStamp } from '../core/journal/snapshot';
import type { IndexCache } from './index-cache';
import { loadJournal, readIntoIndex } from '../core/journal/load';
import { LIMITS } from '../core/limits';
import { refusalWords, resolveNotePath } from '../core/note-paths';
import { NOT_READ_CODES, readRegularFile } from '../core/safe-fs';

export interface JournalChange {
  journal: Journal;
  /** Workspace-relative paths that changed; empty when only derived state (notes, problems) moved. */
  paths: string[];
  /** The journal was read (again), in whole or in part: anything may have changed. */
  all?: boolean;
}

const DEBOUNCE_MS = 150;
/** File events arriving together (a checkout, a pull, a sync) are read as one change after this quiet time… */
const BURST_QUIET_MS = 40;
/** …or at the latest after this long, so that a steady stream of events still shows. */
const BURST_MAX_MS = 400;
/** While a journal is read, the views are told at most this often, so that rows appear as they are known. */
const PROGRESS_EVERY_MS = 700;

/**
 * Owns every journal of the workspace: reads them once, then follows changes one file at a time,
 * from disk (a watcher) and from unsaved editor text (so diagnostics follow typing). Features read
 * the indexes and listen to `onDidChange`; they never read journal files themselves.
 */
export class JournalStore implements vscode.Disposable {
  private readonly byFolder = new Map<string, Journal>();
  private readonly folderDisposables = new Map<string, vscode.Disposable[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<JournalChange>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly markdown = new Map<string, Set<string>>();
  /** Per workspace folder: linked note paths already resolved, with why each refused one is refused. */
  private readonly noteChecks = new Map<string, Map<string, string | undefined>>();
  private loading: Promise<void> = Promise.resolve();
  private loadingNow = false;
  private journalFound: boolean | undefined;
  /** Per journal: paths the watcher reported, read together once events stop arriving. */
  private readonly bursts = new Map<Journal, { paths: Set<string>; timer: ReturnType<typeof setTimeout>; first: number }>();
  readonly onDidChange = this.changed.event;

  /** Per journal: the size and date of each file as last read from disk, for the kept index. */
  private readonly stamps = new Map<Journal, Map<string, FileStamp>>();
  /** Per journal: how its last reading went (files restored from the kept index, files read, time). */
  private readonly loads = new Map<Journal, { restored: number; read: number; ms: number }>();
  /** Per journal: files whose record came from unsaved editor text (never kept: read again next time). */
  private readonly fromEditor = new Map<Journal, Set<string>>();

  constructor(private readonly log: vscode.LogOutputChannel, private readonly cache?: IndexCache) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingId.JournalFolder)) void this.reload();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.onTextChanged(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onClosed(d)),
    );
  }

  /** Resolves when every journal has been read. */
  get ready(): Promise<void> {
    return this.loading;
  }

  /** How a journal's last reading went: plain files restored from the kept index, files read, and the time it took. */
  loadInfo(journal: Journal): { restored: number; read: number; ms: number } | undefined {
    return this.loads.get(journal);
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

  /**
   * Workspace-relative paths of the Markdown files (study notes) of a journal's workspace folder,
   * sorted. Kept live by a watcher, so callers never search the workspace themselves.
   */
  markdownFiles(journal: Journal): string[] {
    return [...(this.markdown.get(journal.folder.uri.toString()) ?? [])].sort();
  }

  /**
   * The current text of a study note of a journal's folder, once its path is resolved inside the
   * workspace (see core/note-paths.ts): the open editor's, unsaved changes included, else the disk's
   * (a regular file, read up to the note size limit). Otherwise why it is not read, or that it is missing.
   */
  async noteText(journal: Journal, notePath: string): Promise<{ text: string } | { missing: string } | { refused: string }> {
    const r = await resolveNotePath(journal.fs, notePath);
    if (!r.ok) return { refused: r.message };
    if (!r.exists) return { missing: r.path };
    const uri = journal.uri(r.path);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    if (open) return { text: open.getText() };
    const read = await readRegularFile(journal.fs, r.path, LIMITS.noteBytes);
    if (read.kind === 'read') return { text: new TextDecoder().decode(read.bytes) };
    if (read.kind === 'missing') return { missing: r.path };
    return { refused: `The note ${r.path} is not read: ${read.reason}.` };
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
    this.loading = this.loading.then(() => this.loadAll()).catch((e) => this.log.error(`loading the journal failed: ${String(e)}`));
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    for (const ds of this.folderDisposables.values()) ds.forEach((d) => d.dispose());
    this.folderDisposables.clear();
    for (const b of this.bursts.values()) clearTimeout(b.timer);
    this.bursts.clear();
    this.byFolder.clear();
    this.stamps.clear();
    this.fromEditor.clear();
    this.loads.clear();
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.loadingNow = true;
    await vscode.commands.executeCommand('setContext', ContextKey.JournalLoading, true);
    try {
      // Whether a journal is there is known before it is read: the views never say "no journal yet" meanwhile.
      // The setting is read once per folder and reading: the journal object carries its layout from then on.
      const names = folders.map((f) => this.journalFolderOf(f));
      const found = await Promise.all(folders.map((f, i) => new JournalLayout(names[i]).isOnDisk(new VscodeFileSystem(f.uri))));
      if (found.some(Boolean)) await this.setFound(true);
      await vscode.window.withProgress(
        { location: { viewId: ViewId.Interviews }, title: 'Reading the journal' },
        () => vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: 'Debrief: reading the journal' },
          (progress) => Promise.all(folders.map((f, i) => this.loadFolder(f, names[i], progress))),
        ),
      );
    } finally {
      this.loadingNow = false;
      await vscode.commands.executeCommand('setContext', ContextKey.JournalLoading, false);
    }
    await this.updateContext();
    await vscode.commands.executeCommand('setContext', ContextKey.JournalRead, true);
    for (const journal of this.journals()) this.changed.fire({ journal, paths: [], all: true });
  }

  /** The journal folder the setting names for a workspace folder; the default, said in the log, when it names none Debrief can use. */
  private journalFolderOf(folder: vscode.WorkspaceFolder): string {
    const name = settings.journalFolder(folder);
    if (name.ok) return name.folder;
    this.log.warn(`${folder.name}: the setting ${SettingId.JournalFolder} ${name.reason}; the journal is read from ${DEFAULT_JOURNAL_FOLDER}/`);
    return DEFAULT_JOURNAL_FOLDER;
  }

  private async loadFolder(folder: vscode.WorkspaceFolder, name: string, progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const started = Date.now();
    const fs = new VscodeFileSystem(folder.uri);
    const index = new JournalIndex({ journalFolder: name });
    const journal = new Journal(folder, name, index, fs);
    const key = folder.uri.toString();
    // Shown while it fills: the views list what is read so far. The first batch is told at once (the
    // first rows); after that, each time the files read have doubled and some time has passed, so that
    // listing a growing journal again costs at most about twice listing it once.
    this.byFolder.set(key, journal);
    let told = 0;
    let toldAt = 0;
    const kept = (await this.cache?.load(folder.uri, name)) ?? new Map();
    const stamps = new Map<string, FileStamp>();
    this.stamps.set(journal, stamps);
    this.fromEditor.set(journal, new Set());
    const keptOption = { files: kept, stamps, restored: 0 };
    await loadJournal(fs, name, {
      checkNotes: false, index, kept: keptOption,
      onBatch: (done, total) => {
        if (total > 100) progress.report({ message: `${done.toLocaleString('en')} of ${total.toLocaleString('en')} files` });
        const now = Date.now();
        if (done < total && (done < 2 * told || now - toldAt < PROGRESS_EVERY_MS)) return;
        told = done;
        toldAt = now;
        if (journal.exists) void this.setFound(true);
        this.changed.fire({ journal, paths: [], all: true });
      },
    });
    // Unsaved editor text wins over the file on disk.
    for (const doc of vscode.workspace.textDocuments) {
      const path = journal.pathOf(doc.uri);
      if (path && doc.isDirty && index.kindOf(path) && !this.refused(journal, path)) {
        index.update(path, doc.getText());
        this.fromEditor.get(journal)?.add(path);
      }
    }
    const notes = new Set<string>();
    this.markdown.set(key, notes);
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), '**/node_modules/**')) {
      const p = journal.pathOf(uri);
      if (p) notes.add(p);
    }
    index.setNoteExists(notes);
    this.noteChecks.set(key, new Map());
    await this.checkNotes(journal);
    this.folderDisposables.set(key, this.watch(journal, notes));
    const restored = keptOption.restored;
    this.loads.set(journal, { restored, read: stamps.size - restored, ms: Date.now() - started });
    this.log.info(`${folder.name}: ${index.interviewCount()} interview(s) in ${name}/ in ${Date.now() - started} ms (${restored} file(s) unchanged since the kept index, ${stamps.size - restored} read)`);
    this.keep(journal, 1500);
  }

  private watch(journal: Journal, notes: Set<string>): vscode.Disposable[] {
    const yaml = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(journal.folder, `${journal.journalFolder}/**/*.{yaml,yml}`));
    const md = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(journal.folder, '**/*.md'), false, true, false);
    const onDisk = (uri: vscode.Uri) => {
      const path = journal.pathOf(uri);
      if (!path || !journal.index.kindOf(path)) return;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open?.isDirty) return; // the editor's text is what the user sees; it stays the source
      this.queue(journal, path);
    };
    const onNote = (uri: vscode.Uri, created: boolean) => {
      const path = journal.pathOf(uri);
      if (!path) return;
      if (created) notes.add(path);
      else notes.delete(path);
      this.noteChecks.get(journal.folder.uri.toString())?.delete(path);
      journal.index.notesChanged();
      this.changed.fire({ journal, paths: [] });
      void this.checkNotes(journal);
    };
    // Files created, deleted or renamed through VS Code (an Undo, the Explorer, a WorkspaceEdit) are
    // told at once by these events, also when the watcher reports nothing: it drops a file created
    // and deleted within one of its batches, which would leave the journal showing a file that is gone.
    const onOperation = (uris: readonly vscode.Uri[], deleted = false) => {
      for (const uri of uris) {
        const path = journal.pathOf(uri);
        if (path === undefined) continue;
        // A file, or a folder: every journal file known under it.
        const under = journal.index.kindOf(path) ? [path] : journal.index.files().filter((f) => f.startsWith(`${path}/`));
        for (const p of under) {
          const key = journal.uri(p).toString();
          // As for the watcher's events: an open editor with unsaved text stays the source of a file that exists.
          if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty) && !deleted) continue;
          this.cancelPending(key);
          this.queue(journal, p);
        }
      }
    };
    return [
      yaml,
      md,
      vscode.workspace.onDidCreateFiles((e) => onOperation(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => onOperation(e.files, true)),
      vscode.workspace.onDidRenameFiles((e) => onOperation(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
      yaml.onDidCreate(onDisk),
      yaml.onDidChange(onDisk),
      yaml.onDidDelete((uri) => {
        // A debounced update of editor text must not bring a deleted file back.
        this.cancelPending(uri.toString());
        const path = journal.pathOf(uri);
        if (path && journal.index.kindOf(path)) this.queue(journal, path);
      }),
      md.onDidCreate((u) => onNote(u, true)),
      md.onDidDelete((u) => onNote(u, false)),
    ];
  }

  /**
   * Notes a file the watcher reported; the files of one burst (a checkout, a pull) are read together,
   * in bounded batches, and announced as one change.
   */
  private queue(journal: Journal, path: string): void {
    const now = Date.now();
    let burst = this.bursts.get(journal);
    if (burst) clearTimeout(burst.timer);
    else this.bursts.set(journal, (burst = { paths: new Set(), timer: setTimeout(() => undefined, 0), first: now }));
    burst.paths.add(path);
    const wait = Math.max(0, Math.min(BURST_QUIET_MS, burst.first + BURST_MAX_MS - now));
    burst.timer = setTimeout(() => void this.readBurst(journal), wait);
  }

  private async readBurst(journal: Journal): Promise<void> {
    const burst = this.bursts.get(journal);
    if (!burst || this.byFolder.get(journal.folder.uri.toString()) !== journal) return;
    this.bursts.delete(journal);
    const changed: string[] = [];
    const paths = [...burst.paths];
    for (let i = 0; i < paths.length; i += 16) {
      await Promise.all(paths.slice(i, i + 16).map(async (path) => {
        const version = journal.index.version;
        const stamp = await journal.fs.stat(path).catch(() => undefined);
        const outcome = await readIntoIndex(journal.fs, journal.index, path);
        this.stamped(journal, path, outcome, stamp);
        if (outcome === 'missing' ? journal.index.remove(path) : journal.index.version !== version) changed.push(path);
      }));
    }
    if (!changed.length) return;
    this.emit(journal, changed.sort());
    if (changed.includes(journal.index.weaknessesPath)) void this.checkNotes(journal);
  }

  /**
   * Re-reads one journal file: only a regular file inside the workspace, up to the size limit (a link
   * outside, a pipe, a file without read permission gets a problem at the file instead); a file that
   * is gone leaves the index.
   */
  private async readFromDisk(journal: Journal, path: string): Promise<void> {
    const version = journal.index.version;
    // The stamp is taken before the read: a change during the read leaves it older than the content, never newer.
    const stamp = await journal.fs.stat(path).catch(() => undefined);
    const outcome = await readIntoIndex(journal.fs, journal.index, path);
    this.stamped(journal, path, outcome, stamp);
    if (outcome === 'missing') {
      if (journal.index.remove(path)) this.emit(journal, [path]);
      return;
    }
    if (journal.index.version !== version) {
      this.emit(journal, [path]);
      if (path === journal.index.weaknessesPath) void this.checkNotes(journal);
    }
  }

  /**
   * Resolves the linked notes not resolved yet (a symbolic link may lead outside the workspace, a
   * note may be a pipe), so that the Problems panel says which notes Debrief will not open.
   */
  private async checkNotes(journal: Journal): Promise<void> {
    const checks = this.noteChecks.get(journal.folder.uri.toString());
    if (!checks) return;
    const todo = journal.index.linkedNotes().filter((n) => !checks.has(n));
    for (let i = 0; i < todo.length; i += 16) {
      await Promise.all(todo.slice(i, i + 16).map(async (n) => {
        const r = await resolveNotePath(journal.fs, n);
        checks.set(n, r.ok ? undefined : refusalWords(r.reason));
      }));
    }
    const refusals = new Map<string, string>();
    for (const [n, why] of checks) if (why !== undefined) refusals.set(n, why);
    if (journal.index.setNoteRefusals(refusals)) this.changed.fire({ journal, paths: [] });
  }

  /** True when the last read of a journal file refused it (a link outside the workspace, not a regular file, …). */
  private refused(journal: Journal, path: string): boolean {
    return journal.index.problemsOf(path).some((p) => NOT_READ_CODES.has(p.code));
  }

  private onTextChanged(doc: vscode.TextDocument): void {
    const found = this.locateJournalFile(doc.uri);
    if (!found) return;
    const key = doc.uri.toString();
    this.cancelPending(key);
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (!doc.isClosed) this.applyText(doc);
    }, DEBOUNCE_MS));
  }

  private cancelPending(key: string): boolean {
    const timer = this.pending.get(key);
    if (timer === undefined) return false;
    clearTimeout(timer);
    this.pending.delete(key);
    return true;
  }

  /**
   * Indexes an editor's text (unsaved changes included), unless the file on disk was refused: the
   * editor may show a file a link leads to outside the workspace, and the journal does not read it.
   */
  /**
   * Notes what a file was when read from disk (its size and date, taken before the read so that a
   * change during the read makes it older, never newer, than the content), and keeps the index soon.
   */
  private stamped(journal: Journal, path: string, outcome: 'read' | 'refused' | 'missing', st: { type: string; size: number; mtime: number } | undefined): void {
    const stamps = this.stamps.get(journal);
    if (!stamps) return;
    this.fromEditor.get(journal)?.delete(path);
    if (outcome === 'read' && st?.type === 'file') stamps.set(path, { size: st.size, mtime: st.mtime });
    else stamps.delete(path);
    this.keep(journal);
  }

  /** Writes the kept index of a journal soon (once changes stop). */
  private keep(journal: Journal, delay?: number): void {
    const stamps = this.stamps.get(journal);
    if (!stamps || this.byFolder.get(journal.folder.uri.toString()) !== journal) return;
    this.cache?.schedule(journal.folder.uri, journal.journalFolder, journal.index, stamps, () => this.fromEditor.get(journal) ?? new Set(), delay);
  }

  private applyText(doc: vscode.TextDocument): void {
    const found = this.locateJournalFile(doc.uri);
    if (!found || this.refused(found.journal, found.path)) return;
    this.fromEditor.get(found.journal)?.add(found.path);
    if (found.journal.index.update(found.path, doc.getText())) {
      this.emit(found.journal, [found.path]);
      if (found.path === found.journal.index.weaknessesPath) void this.checkNotes(found.journal);
    }
  }

  /** Re-reads one journal file from disk now, e.g. after a command created or deleted it, without waiting for the watcher. */
  async sync(uri: vscode.Uri): Promise<void> {
    const found = this.locateJournalFile(uri);
    if (found) await this.readFromDisk(found.journal, found.path);
  }

  /** Applies pending editor changes at once (used after programmatic edits, and by tests). */
  flush(uri?: vscode.Uri): void {
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      if (uri && key !== uri.toString()) continue;
      if (this.cancelPending(key)) this.applyText(doc);
    }
  }

  private async onClosed(doc: vscode.TextDocument): Promise<void> {
    const found = this.locateJournalFile(doc.uri);
    if (!found) return;
    // Once the editor is closed the file on disk is the truth again (closing unsaved, or reverting
    // then closing, drops the editor's text). Cancel a pending debounced update of the closed text.
    this.cancelPending(doc.uri.toString());
    await this.readFromDisk(found.journal, found.path);
  }

  private emit(journal: Journal, paths: string[]): void {
    void this.updateContext();
    this.changed.fire({ journal, paths });
  }

  /** Sets the `debrief.journalFound` context key when its value changes (not on every keystroke). */
  private async updateContext(): Promise<void> {
    await this.setFound(this.journals().some((j) => j.exists));
  }

  private async setFound(found: boolean): Promise<void> {
    if (found === this.journalFound) return;
    this.journalFound = found;
    await vscode.commands.executeCommand('setContext', ContextKey.JournalFound, found);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const b of this.bursts.values()) clearTimeout(b.timer);
    for (const ds of this.folderDisposables.values()) ds.forEach((d) => d.dispose());
    for (const d of this.disposables) d.dispose();
  }
}
