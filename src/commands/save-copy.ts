import * as vscode from 'vscode';
import { chosenFile } from '../adapters/vscode-fs';
import { CommandId } from '../constants';
import { writeOutput } from '../core/plans/apply-to-fs';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';

const TITLE = 'Debrief: Save a Copy';

/** Debrief: Save a Copy…: a read-only page (a draft, a report), written to a file the user chooses. */
export class SaveCopyCommand implements Command {
  readonly id = CommandId.SaveCopy;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<vscode.Uri | undefined> {
    const { documents, prompter, store } = this.services;
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const text = uri && documents.textOf(uri);
    if (!uri || text === undefined) {
      void prompter.notify('Save a Copy saves a page Debrief opened (a draft, a report): open one first.');
      return undefined;
    }
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const folder = store.journals()[0]?.folder.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await prompter.saveLocation({
      title: TITLE, defaultUri: folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name),
      filters: name.endsWith('.md') ? { Markdown: ['md'] } : { Text: ['txt'] }, saveLabel: 'Save',
    });
    if (!target) return undefined;
    // The user chose the place; the one writer still writes only a new file or a regular file with one name.
    const chosen = chosenFile(target);
    const written = await writeOutput(chosen.fs, chosen.path, text, vscode.workspace.asRelativePath(target));
    if (!written.ok) {
      void prompter.error(`Debrief did not save the copy: ${written.problems[0].message}`);
      return undefined;
    }
    await vscode.window.showTextDocument(target, { preview: false });
    return target;
  }
}
