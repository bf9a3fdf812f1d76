import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID, InternalCommandId, WALKTHROUGH_ID } from '../../constants';
import type { Services } from '../../services';
import { DueReminders } from '../reminders';
import { INSIGHTS_VIEW_TYPE, InsightsPanel } from './panel';
import { seams } from './seams';
import { setClock } from '../../services/clock';
import type { InsightsTesting } from './testing';

/** "Debrief: Show Insights", "Debrief: Open Walkthrough", and the test seam of these features. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const testing: InsightsTesting = {
    setClock: (c) => setClock(c),
    setPrompter: (p) => seams.setPrompter(p),
    insights: {
      lastMessage: () => InsightsPanel.lastMessage,
      posted: () => InsightsPanel.posted,
      readies: () => InsightsPanel.readies,
      isOpen: () => InsightsPanel.open !== undefined,
      click: async (chart, series, index) => InsightsPanel.open?.openRecords(chart, series, index),
      close: () => InsightsPanel.open?.dispose(),
      revive: async () => {
        const panel = vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, 'Debrief Insights', vscode.ViewColumn.Active, {});
        await serializer.deserializeWebviewPanel(panel, undefined);
      },
    },
    reminders: {
      items: () => (DueReminders.current?.reminders ?? []).map((i) => i.reminder),
      badge: () => DueReminders.current?.view.badge?.value,
      status: () => ({ text: DueReminders.current?.status.text ?? '', visible: DueReminders.current?.statusShown ?? false }),
      refresh: async () => DueReminders.current?.refresh(),
      resetNotified: async () => DueReminders.current?.forgetNotified(),
    },
  };
  // After a reload, VS Code restores an open Insights panel through this serializer.
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel) => {
      await InsightsPanel.revive(panel, context, services);
    },
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, serializer),
    vscode.commands.registerCommand(CommandId.ShowInsights, async () => {
      await InsightsPanel.show(context, services);
    }),
    vscode.commands.registerCommand(CommandId.OpenWalkthrough, () =>
      vscode.commands.executeCommand('welcome.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false)),
    vscode.commands.registerCommand(InternalCommandId.InsightsTesting, () => testing),
  );
}
