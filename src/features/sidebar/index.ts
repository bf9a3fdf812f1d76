import * as vscode from 'vscode';
import { ViewId } from '../../constants';
import type { Services } from '../../services';

/** The Debrief sidebar. Until the journal is read it is empty, so the welcome view shows. */
export function activate(context: vscode.ExtensionContext, _services: Services): void {
  const provider: vscode.TreeDataProvider<never> = {
    getTreeItem: (e) => e,
    getChildren: () => [],
  };
  const view = vscode.window.createTreeView(ViewId.Interviews, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(view);
}
