import * as vscode from 'vscode';
import { CommandId } from '../../../constants';
import type { Node } from '../../../ui/record-nodes';
import { icon, None } from './common';

/** A study note linked from an improvement item; a click opens it (or offers to create it). */
export function noteItem(node: Extract<Node, { kind: 'note' }>): vscode.TreeItem {
  const p = node.notePath;
  const item = new vscode.TreeItem(p.slice(p.lastIndexOf('/') + 1), None);
  item.description = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : undefined;
  item.iconPath = icon('book');
  item.contextValue = 'note';
  item.resourceUri = node.journal.uri(p);
  item.command = { command: CommandId.OpenNote, title: 'Open Study Note', arguments: [node] };
  return item;
}
