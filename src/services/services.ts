import * as vscode from 'vscode';
import { Clock, SystemClock } from './clock';
import { JournalEditor } from './journal-editor';
import { IndexCache } from './index-cache';
import { JournalStore, ReadGate } from './journal-store';
import { NoteTracker } from './note-tracker';
import { Prompter, vscodePrompter } from './prompter';
import { Walkthrough } from './walkthrough';
import { ReadOnlyDocuments } from './documents';

/** What every feature and command may use; built once per activation in extension.ts. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  /** Every journal of the workspace, kept up to date; the one place that reads journal files. */
  readonly store: JournalStore;
  /** The one place that writes journal files. */
  readonly editor: JournalEditor;
  /** Where each journal's index is kept between windows. */
  readonly cache: IndexCache;
  /** The study notes of each journal's folder: the Markdown files, the linked notes refused, a note's text. */
  readonly notes: NoteTracker;
  /** The date every feature reads. */
  readonly clock: Clock;
  /** Every question and message Debrief shows. */
  readonly prompter: Prompter;
  /** The walkthrough's steps, ticked from the journal and from commands that finished. */
  readonly walkthrough: Walkthrough;
  /** The read-only pages Debrief opens: drafts and reports. */
  readonly documents: ReadOnlyDocuments;
}

export interface ServiceOverrides {
  clock?: Clock;
  prompter?: Prompter;
  /** Awaited at each point of a journal's reading (the test mode's, to hold a reading there). */
  readGate?: ReadGate;
}

export function createServices(context: vscode.ExtensionContext, overrides: ServiceOverrides = {}): Services {
  const log = vscode.window.createOutputChannel('Debrief', { log: true });
  const clock = overrides.clock ?? new SystemClock();
  const prompter = overrides.prompter ?? vscodePrompter;
  const cache = new IndexCache(context.storageUri, String((context.extension.packageJSON as { version?: string }).version ?? '0'), log);
  // The tracker tells the store when the notes' state moved; the store asks it when a journal is read.
  const notes: NoteTracker = new NoteTracker((journal) => store.derivedChanged(journal));
  const store: JournalStore = new JournalStore(log, cache, notes, overrides.readGate);
  const editor = new JournalEditor(store, prompter, log);
  const walkthrough = new Walkthrough(store, log);
  const documents = new ReadOnlyDocuments();
  context.subscriptions.push(log, store, cache, notes, walkthrough, documents);
  if (clock instanceof SystemClock) context.subscriptions.push(clock);
  return { log, store, editor, cache, notes, clock, prompter, walkthrough, documents };
}
