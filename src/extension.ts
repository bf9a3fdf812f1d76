import * as vscode from 'vscode';
import { ViewId } from './constants';
import { features } from './features';
import { sidebar } from './features/sidebar';
import { createServices, Services } from './services';
import { Prompter, setPrompter } from './services/prompter';
import { Clock, setClock } from './services/clock';

/**
 * What the extension exports. It serves the integration tests, which run in the same extension host
 * but are bundled apart: they answer prompts through a scripted Prompter and read the sidebar's items.
 */
export interface DebriefApi {
  /** The live services: the journal store and editor. */
  readonly services: Services;
  setPrompter(p: Prompter | undefined): void;
  sidebarSnapshot(viewId: string, depth: number): unknown[];
  /** A tree node found by its labels from the root, to pass to item commands as the tree does. */
  sidebarNode(viewId: string, labels: string[]): unknown;
  /**
   * What a view refreshed since the last call: the key of each item (an interview's file path) or `*`
   * for the whole view, followed by ` <- ` and the paths of the journal change that caused it.
   */
  sidebarRefreshes(viewId: string): string[];
  /** Labels of the selected items of a view. */
  sidebarSelection(viewId: string): string[];
  /** Applies editor text changes still waiting for their debounce, and waits for any reading in progress. */
  settle(): Promise<void>;
  /** The number on the Debrief container's badge (overdue improvement items), 0 when none. */
  overdueBadge(): number;
  /** Sets the date every feature reads (undefined: the real one); views that depend on it refresh. */
  setClock(clock: Clock | undefined): void;
}

export async function activate(context: vscode.ExtensionContext): Promise<DebriefApi> {
  const services = createServices(context);
  for (const [name, feature] of Object.entries(features)) {
    try {
      await feature.activate(context, services);
    } catch (e) {
      services.log.error(`feature ${name} failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      void vscode.window.showErrorMessage(`Debrief: the ${name} feature could not start. See the Debrief output for details.`);
    }
  }
  void services.store.reload();
  services.log.info('Debrief activated');
  return {
    services,
    setPrompter,
    settle: async () => {
      await services.store.ready;
      services.store.flush();
    },
    sidebarSnapshot: (viewId, depth) => sidebar()?.snapshot(viewId, depth) ?? [],
    sidebarNode: (viewId, labels) => sidebar()?.nodeAt(viewId, labels),
    sidebarRefreshes: (viewId) => {
      const s = sidebar();
      const tree = viewId === ViewId.Weaknesses ? s?.weaknesses : s?.interviews;
      return (tree?.takeRefreshes() ?? []).map(({ id, cause }) => `${id === '*' ? id : id.slice(id.lastIndexOf('|') + 1)} <- ${cause?.join(', ') ?? 'command'}`);
    },
    sidebarSelection: (viewId) => {
      const s = sidebar();
      if (!s) return [];
      const [view, tree] = viewId === ViewId.Weaknesses ? [s.weaknessesView, s.weaknesses] : [s.interviewsView, s.interviews];
      return view.selection.map((n) => {
        const l = tree.getTreeItem(n).label;
        return typeof l === 'string' ? l : l?.label ?? '';
      });
    },
    overdueBadge: () => sidebar()?.weaknessesView.badge?.value ?? 0,
    setClock,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
