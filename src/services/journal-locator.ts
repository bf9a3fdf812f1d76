import * as vscode from 'vscode';
import { ContextKey, DEFAULT_JOURNAL_FOLDER, SettingId } from '../constants';

/** Knows where each workspace folder's journal lives and whether it exists yet. */
export class JournalLocator implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingId.JournalFolder)) this.refresh();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/weaknesses.yaml');
    this.disposables.push(watcher, watcher.onDidCreate(() => this.refresh()), watcher.onDidDelete(() => this.refresh()));
  }

  /** The journal folder name for a workspace folder (setting `debrief.journalFolder`). */
  journalFolderName(folder: vscode.WorkspaceFolder): string {
    const value = vscode.workspace.getConfiguration(undefined, folder.uri).get<string>(SettingId.JournalFolder);
    const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
    return trimmed || DEFAULT_JOURNAL_FOLDER;
  }

  journalUri(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...this.journalFolderName(folder).split('/'));
  }

  async hasJournal(folder: vscode.WorkspaceFolder): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(this.journalUri(folder), 'weaknesses.yaml'));
      return true;
    } catch {
      return false;
    }
  }

  async refresh(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const found = (await Promise.all(folders.map((f) => this.hasJournal(f)))).some(Boolean);
    await vscode.commands.executeCommand('setContext', ContextKey.JournalFound, found);
    this.log.debug(`journal found: ${found}`);
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
