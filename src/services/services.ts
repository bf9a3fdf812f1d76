import * as vscode from 'vscode';
import { Clock, SystemClock } from './clock';
import { JournalEditor } from './journal-editor';
import { IndexCache } from './index-cache';
import { JournalStore } from './journal-store';
import { Prompter, vscodePrompter } from './prompter';

/** What every feature and command may use; built once per activation in extension.ts. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  /** Every journal of the workspace, kept up to date; the one place that reads journal files. */
  readonly store: JournalStore;
  /** The one place that writes journal files. */
  readonly editor: JournalEditor;
  /** Where each journal's index is kept between windows. */
  readonly cache: IndexCache;
  /** The date every feature reads. */
  readonly clock: Clock;
  /** Every question and message Debrief shows. */
  readonly prompter: Prompter;
}

export interface ServiceOverrides {
  clock?: Clock;
  prompter?: Prompter;
}

export function createServices(context: vscode.ExtensionContext, overrides: ServiceOverrides = {}): Services {
  const log = vscode.window.createOutputChannel('Debrief', { log: true });
  const clock = overrides.clock ?? new SystemClock();
  const prompter = overrides.prompter ?? vscodePrompter;
  const cache = new IndexCache(context.storageUri, String((context.extension.packageJSON as { version?: string }).version ?? '0'), log);
  const store = new JournalStore(log, cache);
  const editor = new JournalEditor(store, prompter, log);
  context.subscriptions.push(log, store, cache);
  if (clock instanceof SystemClock) context.subscriptions.push(clock);
  return { log, store, editor, cache, clock, prompter };
}
