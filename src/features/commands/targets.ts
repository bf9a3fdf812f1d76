/** What a command acts on: the tree item it was invoked on, or, from the palette, a record the user picks. */
import * as vscode from 'vscode';
import type { ImprovementItem, Interview, Weakness } from '../../core/model';
import type { Journal, JournalStore } from '../../services/journal-store';
import { interviewDate } from '../../core/queries/sidebar';
import { pickJournal as pickAnyJournal } from '../../services/pick-journal';
import { prompter } from '../../services/prompter';
import type { Node } from '../sidebar/nodes';

export interface InterviewTarget { journal: Journal; path: string; uri: vscode.Uri; interview: Interview }
export interface WeaknessTarget { journal: Journal; uri: vscode.Uri; weakness: Weakness }
export interface ItemTarget extends WeaknessTarget { item: ImprovementItem }

export function isNode(x: unknown): x is Node {
  return !!x && typeof x === 'object' && typeof (x as Node).kind === 'string' && (x as Node).journal !== undefined;
}

/** The current journal object of a node's folder (nodes may outlive a reload). */
export function freshJournal(store: JournalStore, journal: Journal): Journal {
  return store.journalOf(journal.folder) ?? journal;
}

/** Waits for the journal to be read and applies any editor text still pending, so commands act on what the user sees. */
async function settled(store: JournalStore): Promise<void> {
  await store.ready;
  store.flush();
}

function nothing(what: string, hint: string): undefined {
  void prompter().notify(`There is no ${what} in the journal yet. ${hint}`);
  return undefined;
}

export async function pickInterview(store: JournalStore, arg: unknown, title: string): Promise<InterviewTarget | undefined> {
  await settled(store);
  if (isNode(arg) && 'path' in arg && arg.kind !== 'problem' && arg.kind !== 'sighting') {
    const journal = freshJournal(store, arg.journal);
    const interview = journal.index.interviewAt(arg.path);
    if (interview) return { journal, path: arg.path, uri: journal.uri(arg.path), interview };
  }
  if (arg instanceof vscode.Uri) {
    const found = store.locateJournalFile(arg);
    const interview = found?.journal.index.interviewAt(found.path);
    if (found && interview) return { journal: found.journal, path: found.path, uri: arg, interview };
  }
  const all = store.journals().flatMap((journal) => journal.index.interviews().map((interview) => ({ journal, interview })));
  if (!all.length) return nothing('interview', 'Run "Debrief: Record Interview" first.');
  const multi = store.journals().length > 1;
  const chosen = await prompter().pick(
    all.map((t) => ({
      label: `${t.interview.company}, ${t.interview.role}`,
      description: [t.interview.outcome, interviewDate(t.interview), multi ? t.journal.folder.name : undefined].filter(Boolean).join(' · '),
      value: t,
    })),
    { title, placeholder: 'Which interview?' },
  );
  return chosen && { journal: chosen.journal, path: chosen.interview.file, uri: chosen.journal.uri(chosen.interview.file), interview: chosen.interview };
}

export async function pickWeakness(store: JournalStore, arg: unknown, title: string): Promise<WeaknessTarget | undefined> {
  await settled(store);
  if (isNode(arg) && 'weaknessId' in arg) {
    const journal = freshJournal(store, arg.journal);
    const weakness = journal.index.weakness(arg.weaknessId);
    if (weakness) return { journal, uri: journal.weaknessesUri, weakness };
  }
  const all = store.journals().flatMap((journal) => journal.index.weaknesses().map((weakness) => ({ journal, weakness })));
  if (!all.length) return nothing('weakness', 'Run "Debrief: Add Weakness" first.');
  const chosen = await prompter().pick(
    all.map((t) => ({ label: t.weakness.title, description: [t.weakness.id, t.weakness.status].filter(Boolean).join(' · '), value: t })),
    { title, placeholder: 'Which weakness?' },
  );
  return chosen && { journal: chosen.journal, uri: chosen.journal.weaknessesUri, weakness: chosen.weakness };
}

export async function pickItem(store: JournalStore, arg: unknown, title: string, only?: { test: (i: ImprovementItem) => boolean; none: string }): Promise<ItemTarget | undefined> {
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
    if (!only) return nothing('improvement item', 'Run "Debrief: Add Improvement Item" first.');
    void prompter().notify(only.none);
    return undefined;
  }
  const chosen = await prompter().pick(
    all.map((t) => ({ label: t.item.action, description: [t.item.status, t.item.due ? `due ${t.item.due}` : undefined, t.weakness.title].filter(Boolean).join(' · '), value: t })),
    { title, placeholder: 'Which improvement item?' },
  );
  return chosen && { journal: chosen.journal, uri: chosen.journal.weaknessesUri, weakness: chosen.weakness, item: chosen.item };
}

/** The journal a new record goes into: the only one, or a workspace folder the user picks. */
export async function pickJournal(store: JournalStore, title: string): Promise<Journal | undefined> {
  const journal = await pickAnyJournal(store, { title, placeholder: 'Which folder\'s journal?' });
  if (!journal && !store.journals().length) void prompter().notify('Debrief keeps its journal in a workspace folder. Open a folder first.');
  return journal;
}
