import * as vscode from 'vscode';
import { features } from './features';
import { sidebar } from './features/sidebar';
import { createServices } from './services';
import { Prompter, setPrompter } from './ui/prompter';

/**
 * What the extension exports. It serves the integration tests, which run in the same extension host
 * but are bundled apart: they answer prompts through a scripted Prompter and read the sidebar's items.
 */
export interface DebriefApi {
  setPrompter(p: Prompter | undefined): void;
  sidebarSnapshot(viewId: string, depth: number): unknown[];
  /** The number on the Debrief container's badge (overdue improvement items), 0 when none. */
  overdueBadge(): number;
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
    setPrompter,
    sidebarSnapshot: (viewId, depth) => sidebar()?.snapshot(viewId, depth) ?? [],
    overdueBadge: () => sidebar()?.weaknessesView.badge?.value ?? 0,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
