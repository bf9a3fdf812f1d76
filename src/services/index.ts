import * as vscode from 'vscode';
import { JournalEditor } from './journal-editor';
import { JournalStore } from './journal-store';

/** What every feature may use; built once in extension.ts. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  /** Every journal of the workspace, kept up to date; the one place that reads journal files. */
  readonly store: JournalStore;
  /** The one place that writes journal files. */
  readonly editor: JournalEditor;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Debrief', { log: true });
  const store = new JournalStore(log);
  const editor = new JournalEditor(store, log);
  context.subscriptions.push(log, store);
  return { log, store, editor };
}
