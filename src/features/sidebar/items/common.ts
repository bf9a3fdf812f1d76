/** What every item renderer of the sidebar shares: theme icons and "open the file at this record". */
import * as vscode from 'vscode';
import type { Range } from '../../../core/problems';
import { startOf } from '../../../adapters/ranges';

export function icon(id: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

export function openAt(uri: vscode.Uri, range: Range | undefined, title = 'Open'): vscode.Command {
  const options: vscode.TextDocumentShowOptions = range ? { selection: startOf(range), preview: true } : { preview: true };
  return { command: 'vscode.open', title, arguments: [uri, options] };
}

export const None = vscode.TreeItemCollapsibleState.None;
export const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
export const Expanded = vscode.TreeItemCollapsibleState.Expanded;
