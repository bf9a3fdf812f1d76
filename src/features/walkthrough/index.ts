/** Debrief: Open Walkthrough: the getting-started steps of walkthrough/, from the palette. */
import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID, WALKTHROUGH_ID } from '../../constants';
import type { Services } from '../../services/services';
import { registerCommands } from '../../ui/command';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  registerCommands(context, services, [{
    id: CommandId.OpenWalkthrough,
    execute: async () => {
      const id = `${EXTENSION_ID}#${WALKTHROUGH_ID}`;
      // The command of VS Code (desktop and web); older builds named it welcome.openWalkthrough.
      const known = new Set(await vscode.commands.getCommands(true));
      const command = known.has('workbench.action.openWalkthrough') ? 'workbench.action.openWalkthrough' : 'welcome.openWalkthrough';
      return vscode.commands.executeCommand(command, id, false);
    },
  }]);
}
