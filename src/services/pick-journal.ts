import type { Journal, JournalStore } from './journal-store';
import { prompter } from './prompter';

export interface PickJournalOptions {
  title: string;
  placeholder: string;
  /**
   * Choose among the journals that exist (to read one: insights, review, export) rather than among
   * every workspace folder (to write a new record, which may start a journal).
   */
  existing?: boolean;
}

/**
 * The journal a command works on, once the journal is read and pending editor text is applied: the
 * only candidate, or the one the user picks. Undefined when the workspace has no folder (the caller
 * says so) or the user pressed Escape.
 */
export async function pickJournal(store: JournalStore, o: PickJournalOptions): Promise<Journal | undefined> {
  await store.ready;
  store.flush();
  const all = store.journals();
  const candidates = o.existing ? all.filter((j) => j.exists) : all;
  if (candidates.length <= 1) return candidates[0] ?? all[0];
  return prompter().pick(candidates.map((j) => ({ label: j.folder.name, description: j.journalFolder, value: j })), { title: o.title, placeholder: o.placeholder });
}
