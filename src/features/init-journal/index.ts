import * as vscode from 'vscode';
import { CommandId } from '../../constants';
import type { Services } from '../../services';
import { JournalStore } from '../../services/journal-store';
import { initialJournal } from '../../core/templates/initial-journal';

/** "Debrief: Initialize Journal": creates `<journal>/weaknesses.yaml` with a commented explanation. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.InitJournal, (target?: vscode.Uri) => initJournal(services, target)),
  );
}

async function pickFolder(target?: vscode.Uri): Promise<vscode.WorkspaceFolder | undefined> {
  if (target) return vscode.workspace.getWorkspaceFolder(target);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder should hold the interview journal?' });
}

export async function initJournal(services: Services, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(target);
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window
        .showWarningMessage('Debrief keeps its journal in a workspace folder. Open a folder first.', 'Open Folder')
        .then((open) => (open ? vscode.commands.executeCommand('workbench.action.files.openFolder') : undefined));
    }
    return undefined;
  }
  await services.store.ready;
  const journal = services.store.journalOf(folder);
  const weaknesses = journal?.weaknessesUri ?? vscode.Uri.joinPath(folder.uri, ...JournalStore.journalFolderName(folder).split('/'), 'weaknesses.yaml');
  if (journal?.index.hasWeaknessesFile()) {
    // Not awaited: the command finishes while the message waits for a click.
    void vscode.window
      .showInformationMessage(`${vscode.workspace.asRelativePath(weaknesses)} already exists: the journal is ready.`, 'Open It')
      .then((open) => (open ? vscode.window.showTextDocument(weaknesses) : undefined));
    return weaknesses;
  }
  if (!(await services.editor.createFile(weaknesses, initialJournal()))) return undefined;
  services.log.info(`created ${weaknesses.toString()}`);
  await vscode.window.showTextDocument(weaknesses, { preview: false });
  return weaknesses;
}
