/** Asking the sidebar to show a record, through its internal command (features never reach into each other). */
import * as vscode from 'vscode';
import { InternalCommandId } from '../constants';

/** Reveals and selects the record of a journal file (in weaknesses.yaml: the one at `line`) in the sidebar. */
export async function reveal(uri: vscode.Uri, line?: number): Promise<void> {
  await vscode.commands.executeCommand(InternalCommandId.Reveal, uri, line);
}
