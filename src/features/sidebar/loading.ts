/**
 * What the sidebar says while the journal is read, and whether there is one: the progress in the
 * Interviews view and the status bar, and the context keys its welcome texts (and the Due view's and the
 * walkthrough's) depend on. It follows the store's reading (`onDidLoad`) and changes (`onDidChange`).
 */
import * as vscode from 'vscode';
import { ContextKey, ViewId } from '../../constants';
import type { JournalStore } from '../../services/journal-store';

export function showLoading(store: JournalStore): vscode.Disposable {
  let found: boolean | undefined;
  // Keys are set in the order the store told them: each waits for the one before.
  let keys: Thenable<unknown> = Promise.resolve();
  const setKey = (key: string, value: boolean) => {
    keys = keys.then(() => vscode.commands.executeCommand('setContext', key, value), () => undefined);
  };
  /** `debrief.journalFound`, set when its value changes (not on every keystroke). */
  const setFound = (now: boolean) => {
    if (now === found) return;
    found = now;
    setKey(ContextKey.JournalFound, now);
  };
  const anyJournal = () => store.journals().some((j) => j.exists);
  let progress: vscode.Progress<{ message?: string }> | undefined;

  return vscode.Disposable.from(
    store.onDidLoad((e) => {
      switch (e.kind) {
        case 'started':
          setKey(ContextKey.JournalLoading, true);
          void vscode.window.withProgress(
            { location: { viewId: ViewId.Interviews }, title: 'Reading the journal' },
            () => vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Debrief: reading the journal' }, (p) => {
              progress = p;
              return e.done;
            }),
          );
          return;
        case 'found':
          return setFound(true);
        case 'progress':
          if (e.total > 100) progress?.report({ message: `${e.done.toLocaleString('en')} of ${e.total.toLocaleString('en')} files` });
          if (e.journal.exists) setFound(true);
          return;
        case 'finished':
          progress = undefined;
          setKey(ContextKey.JournalLoading, false);
          setFound(anyJournal());
          setKey(ContextKey.JournalRead, true);
          return;
      }
    }),
    // While reading, a journal found on disk stays found until the reading ends (another folder's change says nothing of it).
    store.onDidChange(() => {
      if (!store.isLoading) setFound(anyJournal());
      else if (anyJournal()) setFound(true);
    }),
  );
}
