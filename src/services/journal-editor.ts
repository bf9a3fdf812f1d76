import * as vscode from 'vscode';
import { checkChanges } from '../core/plans/apply-to-fs';
import { editPlan } from '../core/plans/journal-changes';
import { FileChange, Plan, refused, Texts } from '../core/plans/plan';
import { decodeText } from '../core/read/decode';
import { LIMITS } from '../core/limits';
import { readRegularFile, resolveTarget, writeRefusal } from '../core/safe-fs';
import type { Problem } from '../core/problems';
import type { EditResult } from '../core/yaml/text-edits';
import { toRange } from '../adapters/ranges';
import type { Journal } from './journal';
import type { JournalStore } from './journal-store';
import type { Prompter } from './prompter';

/**
 * The one writer of journal files. A command computes a plan (every file change, from the core) on
 * the current texts, and the editor applies it as one WorkspaceEdit: one Undo takes the whole command
 * back, an open file with unsaved changes is edited as the user sees it (and left unsaved), other
 * files are saved, and a refused plan writes nothing: the user is told what is wrong and where.
 */
/** A plan applied (or, for a dry run, made): its result, its changes and the texts it was made on; or why not. */
export type Attempt<T> = { ok: true; result: T; changes: FileChange[]; texts: Texts } | { ok: false; problems: Problem[] };

/** A change made in an editor that VS Code could not save. */
function notSaved(path: string): Problem {
  return refused('not-saved', `The change is in the editor of ${path}, but VS Code could not save it (the file may have changed on disk meanwhile): save it, or undo it.`, path).problems[0];
}

/** How long to wait before trying a change VS Code did not apply once more. */
const RETRY_AFTER_MS = 250;
/** How long an open document may take to show what another program just wrote to its file. */
const CATCH_UP_MS = 5000;

/** The same text, whatever its line breaks (VS Code gives a document with mixed ones a single kind). */
function sameText(a: string, b: string): boolean {
  const lf = (s: string) => s.replace(/\r\n?/g, '\n');
  return a === b || lf(a) === lf(b);
}

/**
 * Waits until an open document without unsaved changes shows what its file holds. VS Code reloads it
 * a moment after another program (a checkout, a sync tool) wrote the file: a plan made on the text
 * before would be made on what is no longer there (and VS Code would refuse to save it). True once it
 * does, or when there is nothing to wait for (unsaved changes are the user's text; a file that is not
 * read as UTF-8 cannot be compared); false when it did not within `CATCH_UP_MS`.
 */
async function caughtUp(journal: Journal, path: string, doc: vscode.TextDocument): Promise<boolean> {
  const until = Date.now() + CATCH_UP_MS;
  for (;;) {
    if (doc.isDirty || doc.isClosed) return true;
    const read = await readRegularFile(journal.fs, path, LIMITS.fileBytes);
    if (read.kind !== 'read') return true;
    const disk = decodeText(path, read.bytes);
    if (disk.text === undefined || disk.problems.length || sameText(disk.text, doc.getText())) return true;
    if (Date.now() >= until) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 100);
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === doc) done();
      });
      function done(): void {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  }
}

export class JournalEditor {
  constructor(private readonly store: JournalStore, private readonly prompter: Prompter, private readonly log: vscode.LogOutputChannel) {}

  /**
   * Reads the current text of `reads` (workspace-relative paths of `journal`'s folder), computes the
   * plan and applies it. Resolves with the plan's result, or undefined when it was refused or failed
   * (the user has been told why).
   */
  async apply<T>(journal: Journal, reads: readonly string[], plan: (texts: Texts) => Plan<T>): Promise<{ result: T } | undefined> {
    const done = await this.attempt(journal, reads, plan, true);
    if (!done.ok) {
      this.reportRefusal(journal, done.problems);
      return undefined;
    }
    return { result: done.result };
  }

  /** Like apply, but a refusal is returned, not shown: for a caller that tells someone else (an assistant). */
  applyQuietly<T>(journal: Journal, reads: readonly string[], plan: (texts: Texts) => Plan<T>): Promise<Attempt<T>> {
    return this.attempt(journal, reads, plan, true);
  }

  /** The changes a plan would make on the current texts, without making them (what a confirmation shows). */
  dryRun<T>(journal: Journal, reads: readonly string[], plan: (texts: Texts) => Plan<T>): Promise<Attempt<T>> {
    return this.attempt(journal, reads, plan, false);
  }

  private async attempt<T>(journal: Journal, reads: readonly string[], plan: (texts: Texts) => Plan<T>, write: boolean): Promise<Attempt<T>> {
    const first = await this.attemptOnce(journal, reads, plan, write);
    // VS Code refuses a whole WorkspaceEdit when a file it edits changed on disk while it loaded it (a
    // file just written by another program): nothing was applied, so the plan is made again on the
    // current texts, once, a moment later.
    if (first.ok || first.problems[0]?.code !== 'not-applied') return first;
    this.log.info(`VS Code did not apply the change (${first.problems[0].file ?? 'a file'} may have changed meanwhile): trying once more`);
    await new Promise((r) => setTimeout(r, RETRY_AFTER_MS));
    return this.attemptOnce(journal, reads, plan, write);
  }

  private async attemptOnce<T>(journal: Journal, reads: readonly string[], plan: (texts: Texts) => Plan<T>, write: boolean): Promise<Attempt<T>> {
    const read = await this.read(journal, reads);
    if (!read.ok) return read;
    const planned = plan(read.texts);
    if (!planned.ok) return planned;
    const refusal = await checkChanges(journal.fs, planned.changes);
    if (refusal) return { ok: false, problems: [refusal] };
    const done = { ok: true as const, result: planned.result, changes: planned.changes, texts: read.texts };
    if (!write) return done;
    // Nothing may have changed between reading and writing: a plan made on other text is not applied.
    for (const [path, doc] of read.docs) {
      if (doc.version !== read.versions.get(path) || doc.isClosed) return refused('changed', `${path} changed while the command ran. Try again.`, path);
    }
    const failed = await this.write(journal, planned.changes, read.docs, read.versions);
    return failed ? { ok: false, problems: [failed] } : done;
  }

  /**
   * The WorkspaceEdit of a plan, not applied: what a rename provider or a quick fix hands to VS Code.
   * A refused plan gives its problems instead.
   */
  async preview(journal: Journal, reads: readonly string[], plan: (texts: Texts) => Plan<unknown>): Promise<{ edit: vscode.WorkspaceEdit } | { problems: Problem[] }> {
    const read = await this.read(journal, reads);
    if (!read.ok) return { problems: read.problems };
    const planned = plan(read.texts);
    if (!planned.ok) return { problems: planned.problems };
    const refusal = await checkChanges(journal.fs, planned.changes);
    if (refusal) return { problems: [refusal] };
    return { edit: this.workspaceEdit(journal, planned.changes, read.docs) };
  }

  /** The current text of each path: the open editor's (unsaved changes included), else the disk's; undefined when missing. */
  private async read(journal: Journal, reads: readonly string[]): Promise<{ ok: true; docs: Map<string, vscode.TextDocument>; texts: Map<string, string | undefined>; versions: Map<string, number> } | { ok: false; problems: Problem[] }> {
    const docs = new Map<string, vscode.TextDocument>();
    const texts = new Map<string, string | undefined>();
    for (const path of new Set(reads)) {
      const uri = journal.uri(path);
      // Only a regular file inside the workspace is read (and so edited): a link leading outside, a pipe, is refused.
      const target = await resolveTarget(journal.fs, path);
      if (target.kind === 'refused') return { ok: false, problems: [writeRefusal(path, target)] };
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
      if (!open && target.kind === 'new') {
        texts.set(path, undefined);
        continue;
      }
      let doc: vscode.TextDocument;
      try {
        doc = open ?? (await vscode.workspace.openTextDocument(uri));
      } catch (e) {
        return refused('unreadable', `Debrief could not open ${path}: ${e instanceof Error ? e.message : String(e)}`, path);
      }
      if (!(await caughtUp(journal, path, doc))) return refused('changed', `${path} changed on disk, and VS Code does not show it yet. Try again in a moment.`, path);
      docs.set(path, doc);
      texts.set(path, doc.getText());
    }
    return { ok: true, docs, texts, versions: new Map([...docs].map(([p, d]) => [p, d.version])) };
  }

  /** Edits one file of a journal: a plan of one change (`editPlan`). Returns false when refused. */
  async edit(journal: Journal, path: string, fn: (text: string) => EditResult): Promise<boolean> {
    return (await this.apply(journal, [path], (texts) => editPlan(path, texts, fn))) !== undefined;
  }

  private workspaceEdit(journal: Journal, changes: readonly FileChange[], docs: ReadonlyMap<string, vscode.TextDocument>): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    for (const c of changes) {
      const uri = journal.uri(c.path);
      if (c.kind === 'create') edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(c.text) });
      else if (c.kind === 'delete') edit.deleteFile(uri, { ignoreIfNotExists: true });
      else {
        const doc = docs.get(c.path);
        if (!doc) throw new Error(`a plan edits ${c.path} without reading it first`);
        for (const e of c.edits) edit.replace(doc.uri, toRange(e.range), e.newText);
      }
    }
    return edit;
  }

  /** Applies the changes as one WorkspaceEdit; the problem when VS Code refused it. */
  private async write(journal: Journal, changes: readonly FileChange[], docs: ReadonlyMap<string, vscode.TextDocument>, versions: ReadonlyMap<string, number>): Promise<Problem | undefined> {
    if (changes.length === 0) return undefined;
    const wasDirty = new Map([...docs].map(([p, d]) => [p, d.isDirty]));
    if (!(await vscode.workspace.applyEdit(this.workspaceEdit(journal, changes, docs)))) {
      // VS Code may have made the text changes and failed to save them (the file changed on disk):
      // then the change is in the editor, and must not be made again.
      const edited = [...docs].find(([p, d]) => d.version !== versions.get(p));
      if (edited) return notSaved(edited[0]);
      return refused('not-applied', 'VS Code could not apply the change: a file may be read-only, exist already, or have changed meanwhile. Try again.', changes[0].path).problems[0];
    }
    for (const c of changes) {
      const uri = journal.uri(c.path);
      if (c.kind === 'edit') {
        const doc = docs.get(c.path)!;
        // A file the user was editing keeps its unsaved state; others are written to disk at once.
        if (!wasDirty.get(c.path) && doc.isDirty && !(await doc.save())) {
          this.store.flush(doc.uri);
          return notSaved(c.path);
        }
        this.store.flush(doc.uri);
      } else await this.store.sync(uri);
    }
    this.log.info(`wrote ${changes.map((c) => `${c.kind} ${c.path}`).join(', ')}`);
    return undefined;
  }

  private reportRefusal(journal: Journal, problems: Problem[]): void {
    const first = problems[0];
    if (!first) return;
    const uri = first.file ? journal.uri(first.file) : undefined;
    const where = first.file ? `${first.file}:${first.range.start.line + 1}:${first.range.start.character + 1}: ` : '';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    this.log.warn(`change refused: ${where}${first.message} [${first.code}]`);
    void this.prompter.error(`Debrief left the journal unchanged. ${where}${first.message}${more}`, ...(uri ? ['Go to Problem'] : [])).then(async (choice) => {
      if (choice === 'Go to Problem' && uri) await vscode.window.showTextDocument(uri, { selection: toRange(first.range) });
    });
  }
}
