import * as vscode from 'vscode';
import { onDidChangeClock } from '../../services/clock';
import { CommandId, ContextKey, ViewId } from '../../constants';
import { isEmptyFilter, parseFilter, GroupBy } from '../../core/queries/sidebar';
import type { Services } from '../../services';
import { prompter } from '../../services/prompter';
import type { Node } from './nodes';
import { InterviewsTree, ItemSnapshot, snapshot, WeaknessesTree } from './tree';

const GROUP_BY_KEY = 'debrief.interviews.groupBy';

/** The live sidebar, for commands that reveal what they wrote and for tests. */
export interface Sidebar {
  interviews: InterviewsTree;
  weaknesses: WeaknessesTree;
  interviewsView: vscode.TreeView<Node>;
  weaknessesView: vscode.TreeView<Node>;
  /** Reveals the record of a journal file (and, in weaknesses.yaml, the one at `line`). */
  revealFile(uri: vscode.Uri, line?: number): Promise<void>;
  snapshot(viewId: string, depth: number): ItemSnapshot[];
  /** The node reached by following item labels from the root, e.g. ['Rejected', 'Acme, Backend Engineer']. */
  nodeAt(viewId: string, labels: string[]): Node | undefined;
  filterText: string;
}

let current: Sidebar | undefined;

export function sidebar(): Sidebar | undefined {
  return current;
}

/** The Debrief sidebar: Interviews and Weaknesses, following the journal live. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const { store } = services;
  const interviews = new InterviewsTree(store);
  const weaknesses = new WeaknessesTree(store);
  interviews.groupBy = context.workspaceState.get<GroupBy>(GROUP_BY_KEY) === 'month' ? 'month' : 'outcome';
  const interviewsView = vscode.window.createTreeView(ViewId.Interviews, { treeDataProvider: interviews, showCollapseAll: true });
  const weaknessesView = vscode.window.createTreeView(ViewId.Weaknesses, { treeDataProvider: weaknesses, showCollapseAll: true });

  const updateBadge = () => {
    const n = weaknesses.overdueCount();
    weaknessesView.badge = n ? { value: n, tooltip: `${n} overdue improvement item${n === 1 ? '' : 's'}` } : undefined;
  };
  const setGroupBy = async (by: GroupBy) => {
    interviews.groupBy = by;
    await context.workspaceState.update(GROUP_BY_KEY, by);
    await vscode.commands.executeCommand('setContext', ContextKey.InterviewsGroupBy, by);
    interviews.refresh();
  };
  const state: Sidebar = {
    interviews, weaknesses, interviewsView, weaknessesView, filterText: '',
    async revealFile(uri, line) {
      const found = store.locateJournalFile(uri);
      if (!found) return;
      const { journal, path } = found;
      const kind = journal.index.kindOf(path);
      const [view, node] = kind === 'interview'
        ? [interviewsView, interviews.nodeForFile(journal, path)]
        : [weaknessesView, weaknesses.nodeAt(journal, line ?? 0)];
      if (!node || !view.visible) return;
      try {
        await view.reveal(node, { select: true, focus: false, expand: false });
      } catch (e) {
        services.log.debug(`reveal ${path}: ${String(e)}`);
      }
    },
    snapshot(viewId, depth) {
      return snapshot(viewId === ViewId.Weaknesses ? weaknesses : interviews, depth);
    },
    nodeAt(viewId, labels) {
      const tree = viewId === ViewId.Weaknesses ? weaknesses : interviews;
      let node: Node | undefined;
      for (const label of labels) {
        node = tree.getChildren(node).find((n) => {
          const l = tree.getTreeItem(n).label;
          return (typeof l === 'string' ? l : l?.label) === label;
        });
        if (!node) return undefined;
      }
      return node;
    },
  };
  current = state;

  const applyFilter = async (text: string) => {
    const f = parseFilter(text);
    const active = !isEmptyFilter(f);
    state.filterText = active ? text.trim() : '';
    interviews.filter = weaknesses.filter = active ? f : undefined;
    const description = active ? `filter: ${state.filterText}` : undefined;
    interviewsView.description = weaknessesView.description = description;
    await vscode.commands.executeCommand('setContext', ContextKey.Filtered, active);
    interviews.refresh();
    weaknesses.refresh();
  };

  const revealActive = (editor: vscode.TextEditor | undefined) => {
    if (editor) void state.revealFile(editor.document.uri, editor.selection.active.line);
  };
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;

  context.subscriptions.push(
    interviewsView,
    weaknessesView,
    { dispose: () => { current = undefined; clearTimeout(selectionTimer); } },
    store.onDidChange((e) => {
      interviews.onStoreChange(e);
      weaknesses.refresh();
      updateBadge();
    }),
    // Overdue marks and the badge depend on the date.
    onDidChangeClock(() => {
      weaknesses.refresh();
      updateBadge();
    }),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      // Inside weaknesses.yaml, follow the cursor from weakness to weakness.
      if (e.textEditor !== vscode.window.activeTextEditor) return;
      const found = store.locateJournalFile(e.textEditor.document.uri);
      if (found?.journal.index.kindOf(found.path) !== 'weaknesses') return;
      clearTimeout(selectionTimer);
      selectionTimer = setTimeout(() => revealActive(e.textEditor), 300);
    }),
    vscode.commands.registerCommand(CommandId.Refresh, async () => {
      await store.reload();
      interviews.refresh();
      weaknesses.refresh();
      updateBadge();
    }),
    vscode.commands.registerCommand(CommandId.GroupByMonth, () => setGroupBy('month')),
    vscode.commands.registerCommand(CommandId.GroupByOutcome, () => setGroupBy('outcome')),
    vscode.commands.registerCommand(CommandId.Filter, async (text?: string) => {
      const value = typeof text === 'string' ? text : await prompter().input({
        title: 'Filter the Debrief sidebar',
        prompt: 'Words to find, and any of tag:<tag> company:<name> outcome:<outcome>. Empty clears the filter.',
        value: state.filterText,
        placeholder: 'e.g. caching company:acme outcome:rejected',
      });
      if (value !== undefined) await applyFilter(value);
    }),
    vscode.commands.registerCommand(CommandId.ClearFilter, () => applyFilter('')),
  );
  void vscode.commands.executeCommand('setContext', ContextKey.InterviewsGroupBy, interviews.groupBy);
  void vscode.commands.executeCommand('setContext', ContextKey.Filtered, false);
  void store.ready.then(() => {
    updateBadge();
    revealActive(vscode.window.activeTextEditor);
  });
}
