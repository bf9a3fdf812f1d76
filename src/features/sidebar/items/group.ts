import * as vscode from 'vscode';
import { groupLabel } from '../../../core/queries/sidebar';
import type { Node } from '../../../ui/record-nodes';
import { Expanded } from './common';

/** A group of the Interviews view (an outcome or a month), with how many interviews it holds. */
export function groupItem(node: Extract<Node, { kind: 'group' }>, count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(groupLabel(node.key), Expanded);
  item.description = String(count);
  item.contextValue = 'group';
  return item;
}
