/**
 * The walkthrough's steps, ticked from what was done: the journal's state (a journal, an interview, a
 * request marked as sent, a weakness, a linked note) and commands that finished (a draft opened, the
 * insights shown), never when a command starts, so that Escape ticks nothing.
 *
 * A step ticks once per session, two ways: its context key (`debrief.walkthrough.<step>`, the
 * completion event of the manifest) turns true, and the step is marked complete in VS Code's own record
 * of the walkthrough (`welcome.markStepComplete`). The key alone is not enough: VS Code ignores a key
 * that was already true when it registered the walkthrough, which it does seconds after the window
 * opens, often after the journal was read, so a folder with a journal would never tick "Initialize the
 * journal". The record keeps a step also when the walkthrough is not registered yet (the call then
 * reports the step as unknown, which is expected).
 */
import * as vscode from 'vscode';
import { EXTENSION_ID, WALKTHROUGH_ID, WalkthroughStepKey } from '../constants';
import type { JournalStore } from './journal-store';

export type WalkthroughStep = keyof typeof WalkthroughStepKey;

/** What the journals must show for a step to be done; the other steps tick when their command finished. */
const FROM_JOURNAL: Partial<Record<WalkthroughStep, (store: JournalStore) => boolean>> = {
  initJournal: (store) => store.journals().some((j) => j.exists),
  recordInterview: (store) => store.journals().some((j) => j.index.interviews().length > 0),
  draftFeedbackRequest: (store) => store.journals().some((j) => j.index.interviews().some((iv) => iv.feedback?.requested || iv.feedback?.received)),
  addWeakness: (store) => store.journals().some((j) => j.index.weaknesses().length > 0),
  linkStudyNote: (store) => store.journals().some((j) => j.index.weaknesses().some((w) => w.improvements.some((it) => it.notes.length > 0))),
};

export class Walkthrough implements vscode.Disposable {
  private readonly done = new Set<WalkthroughStep>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: JournalStore, private readonly log: vscode.LogOutputChannel) {
    this.disposables = [store.onDidChange(() => this.follow())];
  }

  /** Ticks a step: one the journal shows done, or whose command finished (a draft opened, the insights shown). */
  complete(step: WalkthroughStep): void {
    if (this.done.has(step)) return;
    this.done.add(step);
    void vscode.commands.executeCommand('setContext', WalkthroughStepKey[step], true);
    void Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', `${EXTENSION_ID}#${WALKTHROUGH_ID}#${step}`)).catch((e: unknown) => {
      // Before the walkthrough is registered the step is recorded and reported unknown; an editor without walkthroughs has no such command.
      this.log.debug(`walkthrough step ${step}: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  /** Ticks the steps the journals now show done; each is checked until it is, so that once all are, a change costs nothing here. */
  private follow(): void {
    for (const [step, isDone] of Object.entries(FROM_JOURNAL) as [WalkthroughStep, (store: JournalStore) => boolean][]) {
      if (!this.done.has(step) && isDone(this.store)) this.complete(step);
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
