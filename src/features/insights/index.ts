/** Debrief: Show Insights, and the panel's restore after a window reload. */
import * as vscode from 'vscode';
import { CommandId } from '../../constants';
import type { Services } from '../../services/services';
import { registerCommands } from '../../ui/command';
import { INSIGHTS_VIEW_TYPE, InsightsPanels } from './panel';

export interface Insights {
  panels: InsightsPanels;
  /** How VS Code restores an open panel after a reload. */
  serializer: vscode.WebviewPanelSerializer;
}

export function activate(context: vscode.ExtensionContext, services: Services): Insights {
  const panels = new InsightsPanels(context, services);
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel) => {
      await panels.revive(panel);
    },
  };
  context.subscriptions.push(panels, vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, serializer));
  registerCommands(context, services, [{
    id: CommandId.ShowInsights,
    execute: async () => {
      const shown = await panels.show();
      if (shown) services.walkthrough.complete('showInsights');
      return shown;
    },
  }]);
  return { panels, serializer };
}
