/** The Debrief sidebar: Interviews and Weaknesses, following the journal live, with filter and grouping. */
import * as vscode from 'vscode';
import { CommandId, ContextKey, InternalCommandId, ViewId } from '../../constants';
import { GroupBy, isEmptyFilter, parseFilter } from '../../core/queries/sidebar';
import type { Services } from '../../services/services';
import { registerCommands } from '../../ui/command';
import { isNode, type Node } from '../../ui/record-nodes';
import { InterviewsTree } from './interviews-tree';
import { showLoading } from './loading';
import { WeaknessesTree } from './weaknesses-tree';

const GROUP_BY_KEY = 'debrief.interviews.groupBy';

/** An invitation (.ics) dropped on the Interviews view: Add Round from Invitation, to the interview it was dropped on. */
export class InvitationDrop implements vscode.TreeDragAndDropController<Node> {
  readonly dropMimeTypes = ['text/uri-list'];
  readonly dragMimeTypes: string[] = [];
  async handleDrop(target: Node | undefined, data: vscode.DataTransfer): Promise<void> {
    const list = await data.get('text/uri-list')?.asString();
    const line = list?.split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith('#') && /\.ics$/i.test(l));
    if (!line) return;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(line, true);
    } catch {
      return;
    }
    await vscode.commands.executeCommand(CommandId.AddRoundFromInvitation, uri, target && target.kind === 'interview' ? target : undefined);
  }
}
/** How long after a journal change the shown Weaknesses view is checked (changes in between are checked once). */
const WEAKNESSES_CHECK_MS = 50;

/** The sidebar's views and their data: what the feature is made of. */
export interface Sidebar {
  interviews: { tree: InterviewsTree; view: vscode.TreeView<Node> };
  weaknesses: { tree: WeaknessesTree; view: vscode.TreeView<Node> };
}

export function activate(context: vscode.ExtensionContext, services: Services): Sidebar {
  const { store, clock, prompter, log } = services;
  const interviews = new InterviewsTree(store);
  const weaknesses = new WeaknessesTree(store, clock);
  interviews.groupBy = context.workspaceState.get<GroupBy>(GROUP_BY_KEY) === 'month' ? 'month' : 'outcome';
  const interviewsView = vscode.window.createTreeView(ViewId.Interviews, { treeDataProvider: interviews, showCollapseAll: true, dragAndDropController: new InvitationDrop() });
  const weaknessesView = vscode.window.createTreeView(ViewId.Weaknesses, { treeDataProvider: weaknesses, showCollapseAll: true });
  let filterText = '';

  // Choosing what is already shown rebuilds nothing: a rebuild makes the window list the view again,
  // a moment later, and costs it memory for every row.
  const setGroupBy = async (by: GroupBy) => {
    const same = interviews.groupBy === by;
    interviews.groupBy = by;
    await context.workspaceState.update(GROUP_BY_KEY, by);
    await vscode.commands.executeCommand('setContext', ContextKey.InterviewsGroupBy, by);
    if (!same) interviews.refresh();
  };
  const applyFilter = async (text: string) => {
    const f = parseFilter(text);
    const active = !isEmptyFilter(f);
    if (filterText === (active ? text.trim() : '')) return;
    filterText = active ? text.trim() : '';
    interviews.filter = weaknesses.filter = active ? f : undefined;
    interviewsView.description = weaknessesView.description = active ? `filter: ${filterText}` : undefined;
    await vscode.commands.executeCommand('setContext', ContextKey.Filtered, active);
    interviews.refresh();
    weaknesses.refresh();
  };
  /** Reveals the record of a journal file (and, in weaknesses.yaml, the one at `line`). */
  const revealFile = async (uri: vscode.Uri, line?: number) => {
    const found = store.locateJournalFile(uri);
    if (!found) return;
    const { journal, path } = found;
    const [view, node] = journal.index.kindOf(path) === 'interview'
      ? [interviewsView, interviews.nodeForFile(journal, path)]
      : [weaknessesView, weaknesses.nodeAt(journal, line ?? 0)];
    if (!node || !view.visible) return;
    try {
      await view.reveal(node, { select: true, focus: false, expand: false });
    } catch (e) {
      log.debug(`reveal ${path}: ${String(e)}`);
    }
  };
  const revealActive = (editor: vscode.TextEditor | undefined) => {
    if (editor) void revealFile(editor.document.uri, editor.selection.active.line);
  };
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;

  context.subscriptions.push(
    showLoading(store),
    interviewsView,
    weaknessesView,
    { dispose: () => clearTimeout(selectionTimer) },
    weaknesses,
    store.onDidChange((e) => {
      interviews.onStoreChange(e);
      // A hidden view costs nothing to rebuild (the window asks again when it shows); a shown one is
      // rebuilt only when what it shows changed, checked once the Interviews view's change is on its
      // way (the check recomputes the progress of every weakness).
      if (!weaknessesView.visible) weaknesses.refresh();
      else weaknesses.checkSoon(WEAKNESSES_CHECK_MS);
    }),
    // Overdue marks depend on the date. (The Due view has the one badge: the activity bar adds up the
    // badges of its views, and an overdue item is one of the things due.)
    clock.onDidChange(() => weaknesses.refreshIfChanged()),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      // Inside weaknesses.yaml, follow the cursor from weakness to weakness.
      if (e.textEditor !== vscode.window.activeTextEditor) return;
      const found = store.locateJournalFile(e.textEditor.document.uri);
      if (found?.journal.index.kindOf(found.path) !== 'weaknesses') return;
      clearTimeout(selectionTimer);
      selectionTimer = setTimeout(() => revealActive(e.textEditor), 300);
    }),
  );
  // The view commands, through the same wrapper as every command: a failure is told, never thrown at the user.
  registerCommands(context, services, [
    {
      id: InternalCommandId.ShowMore, execute: (node: unknown) => {
        if (isNode(node)) interviews.showMore(node);
      },
    },
    {
      id: InternalCommandId.Reveal,
      execute: (uri: unknown, line?: unknown) => (uri instanceof vscode.Uri ? revealFile(uri, typeof line === 'number' ? line : undefined) : undefined),
    },
    {
      id: CommandId.Refresh, execute: async () => {
        await store.reload();
        interviews.refresh();
        weaknesses.refresh();
      },
    },
    { id: CommandId.GroupByMonth, execute: () => setGroupBy('month') },
    { id: CommandId.GroupByOutcome, execute: () => setGroupBy('outcome') },
    {
      id: CommandId.Filter, execute: async (text?: unknown) => {
        const value = typeof text === 'string' ? text : await prompter.input({
          title: 'Filter the Debrief sidebar',
          prompt: 'Words to find, and any of tag:<tag> company:<name> outcome:<outcome>. Empty clears the filter.',
          value: filterText,
          placeholder: 'e.g. caching company:acme outcome:rejected',
        });
        if (value !== undefined) await applyFilter(value);
      },
    },
    { id: CommandId.ClearFilter, execute: () => applyFilter('') },
  ]);
  void vscode.commands.executeCommand('setContext', ContextKey.InterviewsGroupBy, interviews.groupBy);
  void vscode.commands.executeCommand('setContext', ContextKey.Filtered, false);
  void store.ready.then(() => revealActive(vscode.window.activeTextEditor));
  return { interviews: { tree: interviews, view: interviewsView }, weaknesses: { tree: weaknesses, view: weaknessesView } };
}
