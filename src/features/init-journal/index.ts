import * as vscode from 'vscode';
import { CommandId } from '../../constants';
import type { Services } from '../../services';
import { initialWeaknessesText } from './template';

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
  const weaknesses = vscode.Uri.joinPath(services.journals.journalUri(folder), 'weaknesses.yaml');
  if (await services.journals.hasJournal(folder)) {
    // Not awaited: the command finishes while the message waits for a click.
    void vscode.window
      .showInformationMessage(`${vscode.workspace.asRelativePath(weaknesses)} already exists: the journal is ready.`, 'Open It')
      .then((open) => (open ? vscode.window.showTextDocument(weaknesses) : undefined));
    return weaknesses;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(weaknesses, { ignoreIfExists: true, contents: new TextEncoder().encode(initialWeaknessesText()) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Debrief could not create ${weaknesses.fsPath}. Check that the folder is writable.`);
    return undefined;
  }
  services.log.info(`created ${weaknesses.toString()}`);
  await services.journals.refresh();
  await vscode.window.showTextDocument(weaknesses, { preview: false });
  return weaknesses;
}
