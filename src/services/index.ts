import * as vscode from 'vscode';
import { JournalLocator } from './journal-locator';

/** What every feature may use; built once in extension.ts. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  readonly journals: JournalLocator;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Debrief', { log: true });
  context.subscriptions.push(log);
  const journals = new JournalLocator(log);
  context.subscriptions.push(journals);
  return { log, journals };
}
