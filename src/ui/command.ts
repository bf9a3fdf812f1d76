/** The command unit every command of Debrief is written as, and how they are registered. */
import * as vscode from 'vscode';
import type { Services } from '../services/services';

export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/**
 * Registers a command, the only way Debrief registers one (palette, menus, views, internal): a failure
 * inside it is logged and told to the user in one sentence, never shown as a stack trace.
 */
export function registerCommand(services: Pick<Services, 'log' | 'prompter'>, command: Command): vscode.Disposable {
  return vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
    try {
      return await command.execute(...args);
    } catch (e) {
      services.log.error(`${command.id} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      void services.prompter.error('Debrief: the command failed and nothing more was written. See the Debrief output for details.');
      return undefined;
    }
  });
}

/** Registers commands (see `registerCommand`) for as long as the extension runs. */
export function registerCommands(context: vscode.ExtensionContext, services: Pick<Services, 'log' | 'prompter'>, commands: readonly Command[]): void {
  for (const command of commands) context.subscriptions.push(registerCommand(services, command));
}
