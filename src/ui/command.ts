/** The command unit every command of Debrief is written as, and how they are registered. */
import * as vscode from 'vscode';
import type { Services } from '../services/services';

export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/**
 * Registers commands; a failure inside one is logged and told to the user in one sentence, never
 * shown as a stack trace.
 */
export function registerCommands(context: vscode.ExtensionContext, services: Pick<Services, 'log' | 'prompter'>, commands: readonly Command[]): void {
  for (const command of commands) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.execute(...args);
      } catch (e) {
        services.log.error(`${command.id} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        void services.prompter.error('Debrief: the command failed and nothing more was written. See the Debrief output for details.');
        return undefined;
      }
    }));
  }
}
