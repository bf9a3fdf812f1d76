import * as vscode from 'vscode';
import type { Problem } from '../core/problems';
import type { JournalStore } from './journal-store';
import type { EditResult, TextEdit } from '../core/yaml/text-edits';

export function toRange(r: Problem['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

type MultiResult = { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; problems: Problem[] };

/**
 * Writes the journal through the core's edit functions and a WorkspaceEdit: undo works, an open file
 * with unsaved changes is edited as the user sees it (and left unsaved), other files are saved, and a
 * file that does not parse is never rewritten: the user is told where the problem is.
 */
export class JournalEditor {
  constructor(private readonly store: JournalStore, private readonly log: vscode.LogOutputChannel) {}

  /** Edits one file. Returns false (after telling the user why) when the edit was refused. */
  async edit(uri: vscode.Uri, fn: (text: string) => EditResult): Promise<boolean> {
    return this.editMany([uri], (texts) => {
      const r = fn(texts.get(uri.toString()) ?? '');
      return r.ok ? { ok: true, edits: new Map([[uri.toString(), r.edits]]) } : { ok: false, problems: r.problems.map((p) => ({ ...p, file: p.file || uri.toString() })) };
    });
  }

  /**
   * Edits several files as one undoable change. `fn` receives each file's current text keyed by
   * URI string and returns the edits keyed the same way.
   */
  async editMany(uris: vscode.Uri[], fn: (texts: Map<string, string>) => MultiResult): Promise<boolean> {
    const docs = new Map<string, vscode.TextDocument>();
    for (const uri of uris) {
      try {
        docs.set(uri.toString(), await vscode.workspace.openTextDocument(uri));
      } catch (e) {
        void vscode.window.showErrorMessage(`Debrief could not open ${vscode.workspace.asRelativePath(uri)}: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
    }
    const texts = new Map([...docs].map(([k, d]) => [k, d.getText()]));
    const result = fn(texts);
    if (!result.ok) {
      this.reportRefusal(result.problems);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    const wasDirty = new Map([...docs].map(([k, d]) => [k, d.isDirty]));
    for (const [key, edits] of result.edits) {
      const doc = docs.get(key);
      if (!doc) throw new Error(`edit for a file that was not opened: ${key}`);
      for (const e of edits) edit.replace(doc.uri, toRange(e.range), e.newText);
    }
    if (edit.size === 0) return true;
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage('Debrief could not apply the change: a file may be read-only or changed meanwhile. Try again.');
      return false;
    }
    for (const [key] of result.edits) {
      const doc = docs.get(key)!;
      // A file the user was editing keeps its unsaved state; others are written to disk at once.
      if (!wasDirty.get(key)) await doc.save();
      this.store.flush(doc.uri);
    }
    return true;
  }

  /** Creates a new file with `text` (undoable); refuses to overwrite an existing one. */
  async createFile(uri: vscode.Uri, text: string): Promise<boolean> {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Debrief could not create ${vscode.workspace.asRelativePath(uri)}: it may exist already or the folder is read-only.`);
      return false;
    }
    return true;
  }

  /** Deletes a file (undoable, to the trash where the file system has one). */
  async deleteFile(uri: vscode.Uri): Promise<boolean> {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(uri, { ignoreIfNotExists: true });
    return vscode.workspace.applyEdit(edit);
  }

  private reportRefusal(problems: Problem[]): void {
    const first = problems[0];
    if (!first) return;
    const located = /^[a-z][a-z0-9+.-]*:/i.test(first.file);
    const where = located ? `${vscode.workspace.asRelativePath(vscode.Uri.parse(first.file))}:${first.range.start.line + 1}:${first.range.start.character + 1}: ` : '';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    this.log.warn(`edit refused: ${where}${first.message} [${first.code}]`);
    const actions = located ? ['Go to Problem'] : [];
    void vscode.window.showErrorMessage(`Debrief left the file unchanged. ${where}${first.message}${more}`, ...actions).then(async (choice) => {
      if (choice === 'Go to Problem') {
        await vscode.window.showTextDocument(vscode.Uri.parse(first.file), { selection: toRange(first.range) });
      }
    });
  }
}
