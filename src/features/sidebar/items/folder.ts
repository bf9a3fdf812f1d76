import * as vscode from 'vscode';
import type { Node } from '../../../ui/record-nodes';
import { Expanded, icon } from './common';

/** A workspace folder with its own journal (multi-root workspaces only). */
export function folderItem(node: Extract<Node, { kind: 'folder' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.journal.folder.name, Expanded);
  item.iconPath = icon('root-folder');
  item.contextValue = 'folder';
  return item;
}
