/** Debrief: Open Walkthrough: the getting-started steps of walkthrough/, from the palette. */
import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID, WALKTHROUGH_ID } from '../../constants';
import type { Services } from '../../services/services';
import { registerCommands } from '../../ui/command';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  registerCommands(context, services, [{
    id: CommandId.OpenWalkthrough,
    execute: () => vscode.commands.executeCommand('welcome.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false),
  }]);
}
