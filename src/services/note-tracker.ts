import * as vscode from 'vscode';
import { LIMITS } from '../core/limits';
import { refusalWords, resolveNotePath } from '../core/note-paths';
import { readRegularFile } from '../core/safe-fs';
import type { Journal } from './journal';

/**
 * The study notes of each journal's workspace folder: which Markdown files there are (kept live by a
 * watcher, so nobody searches the workspace), which linked notes Debrief refuses (a symbolic link may
 * lead outside the workspace, a note may be a pipe), and a note's current text. The store asks it when a
 * journal is read and when weaknesses.yaml changes; it tells the index, and the store when that changed.
 */
export class NoteTracker implements vscode.Disposable {
  /** Per workspace folder: the workspace-relative paths of its Markdown files. */
  private readonly markdown = new Map<string, Set<string>>();
  /** Per workspace folder: linked note paths already resolved, with why each refused one is refused. */
  private readonly checks = new Map<string, Map<string, string | undefined>>();
  private readonly watchers = new Map<string, vscode.Disposable>();

  /** `changed`: the notes' state of a journal's index changed (the views show it). */
  constructor(private readonly changed: (journal: Journal) => void) {}

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
    return { refused: `The note ${r.path} ${read.reason}, so Debrief does not read it.` };
  }

  /**
   * A journal was read: follows its folder's Markdown files, resolves its linked notes, and lists the
   * folder's Markdown files. The list comes from VS Code's file search, which a virtual file system may
   * lack (then it never answers): nothing waits for it, and until it comes the linked notes found by
   * their own check and the files the watcher saw are the ones known to exist. The files are followed
   * before they are listed, and what the watcher says meanwhile wins over the listing (a note deleted
   * while the folder is searched is not brought back).
   */
  async loaded(journal: Journal): Promise<void> {
    const key = journal.folder.uri.toString();
    const notes = new Set<string>();
    this.markdown.set(key, notes);
    journal.index.setNoteExists(notes);
    this.checks.set(key, new Map());
    this.watchers.get(key)?.dispose();
    const told = new Map<string, boolean>();
    let listing = true;
    this.watchers.set(key, this.watch(journal, notes, (path, exists) => {
      if (listing) told.set(path, exists);
    }));
    void vscode.workspace.findFiles(new vscode.RelativePattern(journal.folder, '**/*.md'), '**/node_modules/**').then((uris) => {
      listing = false;
      if (this.markdown.get(key) !== notes) return; // read again meanwhile
      for (const uri of uris) {
        const p = journal.pathOf(uri);
        if (p && told.get(p) !== false) notes.add(p);
      }
      journal.index.notesChanged();
      this.changed(journal);
    }, () => {
      listing = false;
    });
    await this.check(journal);
  }

  private watch(journal: Journal, notes: Set<string>, told: (path: string, exists: boolean) => void): vscode.Disposable {
    const md = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(journal.folder, '**/*.md'), false, true, false);
    const onNote = (uri: vscode.Uri, created: boolean) => {
      const path = journal.pathOf(uri);
      if (!path) return;
      told(path, created);
      if (created) notes.add(path);
      else notes.delete(path);
      this.checks.get(journal.folder.uri.toString())?.delete(path);
      journal.index.notesChanged();
      this.changed(journal);
      void this.check(journal);
    };
    return vscode.Disposable.from(md, md.onDidCreate((u) => onNote(u, true)), md.onDidDelete((u) => onNote(u, false)));
  }

  /**
   * Resolves the linked notes not resolved yet (after a read of weaknesses.yaml, say), so that the
   * Problems panel says which notes Debrief will not open.
   */
  async check(journal: Journal): Promise<void> {
    const checks = this.checks.get(journal.folder.uri.toString());
    if (!checks) return;
    const notes = this.markdown.get(journal.folder.uri.toString());
    const todo = journal.index.linkedNotes().filter((n) => !checks.has(n));
    let found = false;
    for (let i = 0; i < todo.length; i += 16) {
      await Promise.all(todo.slice(i, i + 16).map(async (n) => {
        const r = await resolveNotePath(journal.fs, n);
        checks.set(n, r.ok ? undefined : refusalWords(r.reason));
        // A linked note found is known to exist before (or without) the listing.
        if (r.ok && r.exists && notes && !notes.has(n)) {
          notes.add(n);
          found = true;
        }
      }));
    }
    if (found) journal.index.notesChanged();
    const refusals = new Map<string, string>();
    for (const [n, why] of checks) if (why !== undefined) refusals.set(n, why);
    if (journal.index.setNoteRefusals(refusals) || found) this.changed(journal);
  }

  /** Forgets every journal (a new reading starts). */
  clear(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.checks.clear();
  }

  dispose(): void {
    this.clear();
  }
}
