/**
 * What a command acts on: the sidebar item it was invoked on, a journal file's URI, or, from the
 * palette, a journal and record the user picks. Every pick waits for the journal to be read and
 * applies pending editor text first, so commands act on what the user sees.
 */
import * as vscode from 'vscode';
import type { ImprovementItem, Interview, Weakness } from '../core/model';
import { interviewDate } from '../core/model';
import { Journal } from '../services/journal';
import type { Services } from '../services/services';
import { isNode } from './record-nodes';

export interface InterviewTarget { journal: Journal; path: string; uri: vscode.Uri; interview: Interview }
export interface WeaknessTarget { journal: Journal; uri: vscode.Uri; weakness: Weakness }
export interface ItemTarget extends WeaknessTarget { item: ImprovementItem }

type Deps = Pick<Services, 'store' | 'prompter'>;

/** The current journal object of a folder (a node may outlive a reload). */
export function freshJournal(store: Services['store'], journal: Journal): Journal {
  return store.journalOf(journal.folder) ?? journal;
}

async function settled(store: Services['store']): Promise<void> {
  await store.ready;
  store.flush();
}

function nothing(deps: Deps, what: string, hint: string): undefined {
  void deps.prompter.notify(`There is no ${what} in the journal yet. ${hint}`);
  return undefined;
}

export interface PickJournalOptions {
  title: string;
  placeholder?: string;
  /**
   * Choose among the journals that exist (to read one: insights, review, export) rather than among
   * every workspace folder (to write a new record, which may start a journal).
   */
  existing?: boolean;
}

/**
 * The journal a command works on: the only candidate, or the one the user picks. Undefined when the
 * workspace has no folder (the user is told) or the user pressed Escape.
 */
export async function pickJournal(deps: Deps, o: PickJournalOptions): Promise<Journal | undefined> {
  await settled(deps.store);
  const all = deps.store.journals();
  if (!all.length) {
    void deps.prompter.notify('Debrief keeps its journal in a workspace folder. Open a folder first.');
    return undefined;
  }
  const candidates = o.existing ? all.filter((j) => j.exists) : all;
  if (candidates.length <= 1) return candidates[0] ?? all[0];
  return deps.prompter.pick(candidates.map((j) => ({ label: j.folder.name, description: j.journalFolder, value: j })), {
    title: o.title, placeholder: o.placeholder ?? 'Which folder\'s journal?',
  });
}

/** A row of the Due view, as its context menu passes it: the journal and the record it points to. */
function dueRow(arg: unknown): { journal: Journal; path: string } | undefined {
  const row = arg as { journal?: unknown; reminder?: { ref?: { file?: unknown } } } | null;
  const file = row?.reminder?.ref?.file;
  return row && typeof row === 'object' && row.journal instanceof Journal && typeof file === 'string' ? { journal: row.journal, path: file } : undefined;
}

/**
 * The interview a command acts on: the one of a sidebar node, a Due row or a file's URI, else the one the
 * user picks among those `only` keeps, listed in the index's order or in `list`'s (with its descriptions).
 */
export async function pickInterview(
  deps: Deps, arg: unknown, title: string, only?: { test: (iv: Interview) => boolean; none: string },
  list?: (journal: Journal) => { interview: Interview; description?: string }[],
): Promise<InterviewTarget | undefined> {
  const { store, prompter } = deps;
  await settled(store);
  const from = isNode(arg) && 'path' in arg && arg.kind !== 'problem' && arg.kind !== 'sighting' ? arg : dueRow(arg);
  if (from) {
    const journal = freshJournal(store, from.journal);
    const interview = journal.index.interviewAt(from.path);
    if (interview) return { journal, path: from.path, uri: journal.uri(from.path), interview };
  }
  if (arg instanceof vscode.Uri) {
    const found = store.locateJournalFile(arg);
    const interview = found?.journal.index.interviewAt(found.path);
    if (found && interview) return { journal: found.journal, path: found.path, uri: arg, interview };
  }
  const all = store.journals().flatMap((journal) => (list ? list(journal) : journal.index.interviews().map((interview) => ({ interview, description: undefined })))
    .filter((t) => !only || only.test(t.interview)).map((t) => ({ journal, ...t })));
  if (!all.length) {
    if (!only) return nothing(deps, 'interview', 'Run "Debrief: Record Interview" first.');
    void prompter.notify(only.none);
    return undefined;
  }
  const multi = store.journals().length > 1;
  const chosen = await prompter.pick(
    all.map((t) => ({
      label: `${t.interview.company}, ${t.interview.role}`,
      description: [t.description ?? t.interview.outcome, t.description ? undefined : interviewDate(t.interview), multi ? t.journal.folder.name : undefined].filter(Boolean).join(' · '),
      value: t,
    })),
    { title, placeholder: 'Which interview?' },
  );
  return chosen && { journal: chosen.journal, path: chosen.interview.file, uri: chosen.journal.uri(chosen.interview.file), interview: chosen.interview };
}

export async function pickWeakness(deps: Deps, arg: unknown, title: string): Promise<WeaknessTarget | undefined> {
  const { store, prompter } = deps;
  await settled(store);
  if (isNode(arg) && 'weaknessId' in arg) {
    const journal = freshJournal(store, arg.journal);
    const weakness = journal.index.weakness(arg.weaknessId);
    if (weakness) return { journal, uri: journal.weaknessesUri, weakness };
  }
  const all = store.journals().flatMap((journal) => journal.index.weaknesses().map((weakness) => ({ journal, weakness })));
  if (!all.length) return nothing(deps, 'weakness', 'Run "Debrief: Add Weakness" first.');
  const chosen = await prompter.pick(
    all.map((t) => ({ label: t.weakness.title, description: [t.weakness.id, t.weakness.status].filter(Boolean).join(' · '), value: t })),
    { title, placeholder: 'Which weakness?' },
  );
  return chosen && { journal: chosen.journal, uri: chosen.journal.weaknessesUri, weakness: chosen.weakness };
}

export async function pickItem(deps: Deps, arg: unknown, title: string, only?: { test: (i: ImprovementItem) => boolean; none: string }): Promise<ItemTarget | undefined> {
  const { store, prompter } = deps;
  await settled(store);
  if (isNode(arg) && 'itemId' in arg) {
    const journal = freshJournal(store, arg.journal);
    const weakness = journal.index.weakness(arg.weaknessId);
    const item = weakness?.improvements.find((i) => i.id === arg.itemId);
    if (weakness && item) return { journal, uri: journal.weaknessesUri, weakness, item };
  }
  const all = store.journals().flatMap((journal) => journal.index.weaknesses().flatMap((weakness) =>
    weakness.improvements.filter((i) => !only || only.test(i)).map((item) => ({ journal, weakness, item }))));
  if (!all.length) {
    if (!only) return nothing(deps, 'improvement item', 'Run "Debrief: Add Improvement Item" first.');
    void prompter.notify(only.none);
    return undefined;
  }
  const chosen = await prompter.pick(
    all.map((t) => ({ label: t.item.action, description: [t.item.status, t.item.due ? `due ${t.item.due}` : undefined, t.weakness.title].filter(Boolean).join(' · '), value: t })),
    { title, placeholder: 'Which improvement item?' },
  );
  return chosen && { journal: chosen.journal, uri: chosen.journal.weaknessesUri, weakness: chosen.weakness, item: chosen.item };
}
