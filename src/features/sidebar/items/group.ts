import * as vscode from 'vscode';
import { InternalCommandId } from '../../../constants';
import { groupLabel } from '../../../core/queries/sidebar';
import type { Node } from '../../../ui/record-nodes';
import { Collapsed, Expanded } from './common';

/**
 * A group of the Interviews view (an outcome or a month), with how many interviews it holds: while the
 * journal is still read (`partial`), how many so far, never a count that looks final.
 */
export function groupItem(node: Extract<Node, { kind: 'group' }>, count: number, open: boolean, partial = false): vscode.TreeItem {
  const item = new vscode.TreeItem(groupLabel(node.key), open ? Expanded : Collapsed);
  item.description = partial ? `${count} so far` : String(count);
  item.contextValue = 'group';
  return item;
}

/** The last row of a large group: a click lists more of its interviews. */
export function moreItem(node: Extract<Node, { kind: 'more' }>, left: number): vscode.TreeItem {
  const item = new vscode.TreeItem(`Show more (${left.toLocaleString('en')} not listed)`, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'more';
  item.command = { command: InternalCommandId.ShowMore, title: 'Show more', arguments: [node] };
  return item;
}
