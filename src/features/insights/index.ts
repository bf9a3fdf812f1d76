import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID, InternalCommandId, WALKTHROUGH_ID } from '../../constants';
import type { Services } from '../../services';
import { DueReminders } from '../reminders';
import { InsightsPanel } from './panel';
import { seams } from './seams';
import type { InsightsTesting } from './testing';

/** "Debrief: Show Insights", "Debrief: Open Walkthrough", and the test seam of these features. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const testing: InsightsTesting = {
    setClock: (clock) => seams.setClock(clock),
    setPrompter: (p) => seams.setPrompter(p),
    insights: {
      lastMessage: () => InsightsPanel.lastMessage,
      posted: () => InsightsPanel.posted,
      isOpen: () => InsightsPanel.open !== undefined,
      click: async (chart, series, index) => InsightsPanel.open?.openRecords(chart, series, index),
      close: () => InsightsPanel.open?.dispose(),
    },
    reminders: {
      items: () => (DueReminders.current?.reminders ?? []).map((i) => i.reminder),
      badge: () => DueReminders.current?.view.badge?.value,
      status: () => ({ text: DueReminders.current?.status.text ?? '', visible: DueReminders.current?.statusShown ?? false }),
      refresh: async () => DueReminders.current?.refresh(),
      resetNotified: async () => DueReminders.current?.forgetNotified(),
    },
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.ShowInsights, async () => {
      await InsightsPanel.show(context, services);
    }),
    vscode.commands.registerCommand(CommandId.OpenWalkthrough, () =>
      vscode.commands.executeCommand('welcome.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false)),
    vscode.commands.registerCommand(InternalCommandId.InsightsTesting, () => testing),
  );
}
