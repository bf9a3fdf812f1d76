import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { initialJournal } from '../core/templates/initial-journal';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';

/** Debrief: Initialize Journal: `<journal>/weaknesses.yaml` with comments that explain the format. */
export class InitJournalCommand implements Command {
  readonly id = CommandId.InitJournal;
  constructor(private readonly services: Services) {}

  async execute(target?: unknown): Promise<vscode.Uri | undefined> {
    const { store, prompter, editor } = this.services;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = target instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(target)
      : folders.length <= 1 ? folders[0]
        : await prompter.pick(folders.map((f) => ({ label: f.name, description: f.uri.fsPath, value: f })), { title: 'Initialize Journal', placeholder: 'Which folder should hold the interview journal?' });
    if (!folder) {
      if (!folders.length) {
        void prompter.notify('Debrief keeps its journal in a workspace folder. Open a folder first.', 'Open Folder')
          .then((open) => (open ? vscode.commands.executeCommand('workbench.action.files.openFolder') : undefined));
      }
      return undefined;
    }
    await store.ready;
    const journal = store.journalOf(folder);
    if (!journal) return undefined;
    const path = journal.index.weaknessesPath;
    const uri = journal.uri(path);
    if (journal.index.hasWeaknessesFile()) {
      // Not awaited: the command finishes while the message waits for a click.
      void prompter.notify(`${vscode.workspace.asRelativePath(uri)} already exists: the journal is ready.`, 'Open It')
        .then((open) => (open ? vscode.window.showTextDocument(uri) : undefined));
      return uri;
    }
    const done = await editor.apply(journal, [path], () => ({ ok: true, changes: [{ kind: 'create', path, text: initialJournal() }], result: undefined }));
    if (!done) return undefined;
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }
}
