/**
 * What a command acts on: the sidebar item it was invoked on, a journal file's URI, or, from the
 * palette, a journal and record the user picks. Every pick waits for the journal to be read and
 * applies pending editor text first, so commands act on what the user sees.
 */
import * as vscode from 'vscode';
import { toRange } from '../adapters/ranges';
import type { ImprovementItem, Interview, Weakness } from '../core/model';
import { interviewDate } from '../core/model';
import type { Problem } from '../core/problems';
import { refusalWords, type RefusedUse } from '../core/refusal-words';
import { Journal } from '../services/journal';
import type { Services } from '../services/services';
import { followUpOf } from '../core/reminders';
import { isDueItem } from './due-item';
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

/**
 * Refuses to act on a journal file that cannot be edited (a syntax error, a key given twice, a file
 * not read), before a command asks anything: says where and what is wrong and how to fix it, with a
 * button that goes there. True when refused.
 */
export function refusesEdit(deps: Pick<Services, 'prompter'>, journal: Journal, path: string): boolean {
  return refuses(deps, journal, path, 'edit');
}

/**
 * Refuses a command that only reads an interview (a draft, a brief) when its file did not read as far
 * as the interview (see `JournalIndex.readRefusal`): errors elsewhere in the file do not stop it.
 */
export function refusesRead(deps: Pick<Services, 'prompter'>, journal: Journal, path: string): boolean {
  return refuses(deps, journal, path, 'read');
}

/** Why a command that would `use` a journal file cannot (undefined when it can). */
function refusal(journal: Journal, path: string, use: RefusedUse): Problem | undefined {
  return use === 'read' ? journal.index.readRefusal(path) : journal.index.editRefusal(path);
}

function refuses(deps: Pick<Services, 'prompter'>, journal: Journal, path: string, use: RefusedUse): boolean {
  const p = refusal(journal, path, use);
  if (!p) return false;
  void deps.prompter.error(refusalWords(use, path, p), 'Go to Problem').then(async (choice) => {
    if (choice === 'Go to Problem') await vscode.window.showTextDocument(journal.uri(path), { selection: toRange(p.range) });
  });
  return true;
}

/** The interviews of a journal that read whole (only those are offered: a file that did not read cannot be edited). */
export function readInterviews(journal: Journal): Interview[] {
  return journal.index.interviews().filter((iv) => usable(journal, iv.file, 'edit'));
}

/** Whether a command that would `use` the interview file at `path` may: edit it, or only read it. */
function usable(journal: Journal, path: string, use: RefusedUse): boolean {
  return use === 'read' ? !journal.index.readRefusal(path) : journal.index.interviewState(path)?.kind === 'read';
}

/** The first interview file of the journals that a command would refuse to `use` (undefined when none). */
export function firstUnread(journals: readonly Journal[], use: RefusedUse = 'edit'): { journal: Journal; path: string } | undefined {
  for (const journal of journals) {
    const path = journal.index.files().find((f) => journal.index.kindOf(f) === 'interview' && refusal(journal, f, use));
    if (path) return { journal, path };
  }
  return undefined;
}

/** The workspace folder an offered record belongs to, named when several folders hold a journal. */
function folderOf(store: Services['store'], journal: Journal): string | undefined {
  return store.severalJournals ? journal.folder.name : undefined;
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

/** The journal of the file in the active editor, when it is a journal file (an interview or weaknesses.yaml). */
export function journalInFocus(store: Services['store']): Journal | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && store.locateJournalFile(uri)?.journal;
}

/**
 * The journal a command works on: the only candidate; where there are several, the one whose file is
 * in the active editor, else the one the user picks. Undefined when the workspace has no folder (the
 * user is told) or the user pressed Escape.
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
  const focus = journalInFocus(deps.store);
  if (focus && candidates.includes(focus)) return focus;
  return deps.prompter.pick(candidates.map((j) => ({ label: j.folder.name, description: j.journalFolder, value: j })), {
    title: o.title, placeholder: o.placeholder ?? 'Which folder\'s journal?',
  });
}

/** A row of the Due view, as its context menu passes it: the journal and the record it points to. */
function dueRow(arg: unknown): { journal: Journal; path: string } | undefined {
  return isDueItem(arg) ? { journal: arg.journal, path: arg.reminder.ref.file } : undefined;
}

/** The improvement item of a Due row, as its context menu passes it, with the row's journal. */
function dueItemOf(arg: unknown): { journal: Journal; weaknessId: string; itemId: string } | undefined {
  if (!isDueItem(arg) || !arg.reminder.item) return undefined;
  return { journal: arg.journal, ...arg.reminder.item };
}

/** What `pickInterview` offers and for what. */
export interface PickInterviewOptions {
  /** Offers only the interviews it keeps; `none` is said when it keeps none. */
  only?: { test: (iv: Interview) => boolean; none: string };
  /** The interviews of a journal in the order to offer them, with their descriptions (the index's order otherwise). */
  list?: (journal: Journal) => { interview: Interview; description?: string }[];
  /**
   * 'edit' (the default): only interviews whose file read whole, since it is rewritten; 'read' (a
   * draft, a brief): also those whose file has errors elsewhere than the interview's identity.
   */
  use?: RefusedUse;
}

/**
 * The interview a command acts on: the one of a sidebar node, a Due row or a file's URI, else the one the
 * user picks among those `only` keeps, listed in the index's order or in `list`'s (with its descriptions).
 * Only interviews the command can use are offered (see `use`); a file given that it cannot is refused
 * before anything is asked, located, in words that fit the command.
 */
export async function pickInterview(deps: Deps, arg: unknown, title: string, o: PickInterviewOptions = {}): Promise<InterviewTarget | undefined> {
  const { store, prompter } = deps;
  const { only, list, use = 'edit' } = o;
  const refused = (journal: Journal, path: string) => refuses(deps, journal, path, use);
  await settled(store);
  const from = isNode(arg) && 'path' in arg && arg.kind !== 'problem' && arg.kind !== 'sighting' ? arg : dueRow(arg);
  const given = from ? { journal: freshJournal(store, from.journal), path: from.path } : arg instanceof vscode.Uri ? store.locateJournalFile(arg) : undefined;
  if (given && given.journal.index.kindOf(given.path) === 'interview') {
    if (refused(given.journal, given.path)) return undefined;
    const interview = given.journal.index.interviewAt(given.path);
    if (interview) return { journal: given.journal, path: given.path, uri: given.journal.uri(given.path), interview };
  }
  const all = store.journals().flatMap((journal) => (list ? list(journal) : journal.index.interviews().map((interview) => ({ interview, description: undefined })))
    .filter((t) => usable(journal, t.interview.file, use) && (!only || only.test(t.interview))).map((t) => ({ journal, ...t })));
  if (!all.length) {
    // Nothing to offer because the files that would be cannot be used: say which, where.
    const unread = firstUnread(store.journals(), use);
    if (unread && refused(unread.journal, unread.path)) return undefined;
    if (!only) return nothing(deps, 'interview', 'Run "Debrief: Record Interview" first.');
    void prompter.notify(only.none);
    return undefined;
  }
  const chosen = await prompter.pick(
    all.map((t) => ({
      label: `${t.interview.company}, ${t.interview.role}`,
      description: [t.description ?? t.interview.outcome, t.description ? undefined : interviewDate(t.interview), folderOf(store, t.journal)].filter(Boolean).join(' · '),
      value: t,
    })),
    { title, placeholder: 'Which interview?' },
  );
  return chosen && { journal: chosen.journal, path: chosen.interview.file, uri: chosen.journal.uri(chosen.interview.file), interview: chosen.interview };
}

/**
 * The journals whose weaknesses.yaml a command may change: the one of a sidebar node, else every one
 * whose file can be edited. Undefined when the file of the node's journal, or of every journal that has
 * one, cannot be: the user is told where and why, before anything is asked.
 */
function editableWeaknesses(deps: Deps, arg: unknown): Journal[] | undefined {
  const { store } = deps;
  const from = isNode(arg) ? arg.journal : dueItemOf(arg)?.journal;
  if (from) {
    const journal = freshJournal(store, from);
    return refusesEdit(deps, journal, journal.index.weaknessesPath) ? undefined : [journal];
  }
  const all = store.journals();
  const editable = all.filter((j) => !j.index.editRefusal(j.index.weaknessesPath));
  const refused = all.find((j) => !editable.includes(j));
  if (refused && !editable.some((j) => j.index.weaknesses().length) && refusesEdit(deps, refused, refused.index.weaknessesPath)) return undefined;
  return editable;
}

/**
 * The weakness a command changes: the one of a sidebar node, else the one the user picks. A
 * weaknesses.yaml that cannot be edited is refused before anything is asked, and its weaknesses are
 * not offered.
 */
export async function pickWeakness(deps: Deps, arg: unknown, title: string): Promise<WeaknessTarget | undefined> {
  const { store, prompter } = deps;
  await settled(store);
  const journals = editableWeaknesses(deps, arg);
  if (!journals) return undefined;
  if (isNode(arg) && 'weaknessId' in arg) {
    const journal = journals[0];
    const weakness = journal.index.weakness(arg.weaknessId);
    if (weakness) return { journal, uri: journal.weaknessesUri, weakness };
  }
  const all = journals.flatMap((journal) => journal.index.weaknesses().map((weakness) => ({ journal, weakness })));
  if (!all.length) return nothing(deps, 'weakness', 'Run "Debrief: Add Weakness" first.');
  const chosen = await prompter.pick(
    all.map((t) => ({ label: t.weakness.title, description: [t.weakness.id, t.weakness.status, folderOf(store, t.journal)].filter(Boolean).join(' · '), value: t })),
    { title, placeholder: 'Which weakness?' },
  );
  return chosen && { journal: chosen.journal, uri: chosen.journal.weaknessesUri, weakness: chosen.weakness };
}

/** The improvement item a command changes, as `pickWeakness` picks a weakness. */
export async function pickItem(deps: Deps, arg: unknown, title: string, only?: { test: (i: ImprovementItem) => boolean; none: string }): Promise<ItemTarget | undefined> {
  const { store, prompter } = deps;
  await settled(store);
  const journals = editableWeaknesses(deps, arg);
  if (!journals) return undefined;
  const given = isNode(arg) && 'itemId' in arg ? arg : dueItemOf(arg);
  if (given) {
    const journal = journals[0];
    const weakness = journal.index.weakness(given.weaknessId);
    const item = weakness?.improvements.find((i) => i.id === given.itemId);
    if (weakness && item) return { journal, uri: journal.weaknessesUri, weakness, item };
  }
  const all = journals.flatMap((journal) => journal.index.weaknesses().flatMap((weakness) =>
    weakness.improvements.filter((i) => !only || only.test(i)).map((item) => ({ journal, weakness, item }))));
  if (!all.length) {
    if (!only) return nothing(deps, 'improvement item', 'Run "Debrief: Add Improvement Item" first.');
    void prompter.notify(only.none);
    return undefined;
  }
  const chosen = await prompter.pick(
    all.map((t) => ({ label: t.item.action, description: [t.item.status, t.item.due ? `due ${t.item.due}` : undefined, t.weakness.title, folderOf(store, t.journal)].filter(Boolean).join(' · '), value: t })),
    { title, placeholder: 'Which improvement item?' },
  );
  return chosen && { journal: chosen.journal, uri: chosen.journal.weaknessesUri, weakness: chosen.weakness, item: chosen.item };
}

/**
 * The interview whose feedback request a reminder command answers (Snooze, Dismiss): the one of the Due
 * row it was invoked on, or one the user picks among the requests awaiting a reply with reminders on.
 */
export function pickFollowUp(deps: Deps, arg: unknown, title: string): Promise<InterviewTarget | undefined> {
  return pickInterview(deps, arg, title, {
    only: {
      test: (iv) => ['waiting', 'snoozed'].includes(followUpOf(iv.feedback).state),
      none: 'No feedback request is awaiting a reply with its reminders on.',
    },
  });
}
