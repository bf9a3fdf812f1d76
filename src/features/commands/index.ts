/** The commands that write the journal for the user, from the palette and from the sidebar's items. */
import * as vscode from 'vscode';
import { clock } from '../../services/clock';
import { CommandId } from '../../constants';
import { IMPROVEMENT_STATUSES, ImprovementStatus, Outcome, OUTCOMES, ROUND_TYPES, RoundType, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES, WeaknessCategory, WeaknessStatus } from '../../core/model';
import type { Services } from '../../services';
import type { Journal } from '../../services/journal-store';
import { toRange } from '../../services/journal-editor';
import { PickItem, prompter } from '../../services/prompter';
import { locationOf } from '../sidebar/nodes';
import { sidebar } from '../sidebar';
import { freshJournal, isNode, pickInterview, pickItem, pickJournal, pickWeakness } from './targets';
import { addImprovement, addWeakness, deleteImprovement, deleteWeakness, linkNote, setImprovementDue, setImprovementStatus, setWeaknessStatus, unlinkNote } from '../../core/edits/weaknesses';
import { addRound, citeWeakness, createInterview, deleteRound, NewRound, recordFeedbackReceived, recordFeedbackRequested, setOutcome, unciteWeakness } from '../../core/edits/interview';
import { applyEdits, chain, EditResult } from '../../core/yaml/text-edits';
import { renameWeakness } from '../../core/edits/rename-weakness';
import { ID_PATTERN } from '../../core/ids';
import { isValidDate, addDays } from '../../core/dates';
import { feedbackRequestDraft } from '../../core/templates/feedback-request';
import { newNotePath, studyNote } from '../../core/templates/study-note';

const NEW_WEAKNESS = Symbol('new weakness');
const NONE = Symbol('none');

function required(what: string) {
  return (v: string) => (v.trim() ? undefined : `${what} must not be empty.`);
}
function dateCheck(optional: boolean) {
  return (v: string) => (optional && !v.trim()) || isValidDate(v.trim()) ? undefined : 'Write a real date as YYYY-MM-DD, e.g. 2026-03-14.';
}
function enumItems<T extends string>(values: readonly T[], current?: string): PickItem<T>[] {
  return values.map((v) => ({ label: v, description: v === current ? 'current' : undefined, value: v }));
}

export function activate(context: vscode.ExtensionContext, services: Services): void {
  const { store, editor } = services;
  const ask = () => prompter();

  /** Edits a file, then shows the record in the sidebar. */
  async function write(uri: vscode.Uri, fn: (text: string) => EditResult, line?: () => number | undefined): Promise<boolean> {
    const ok = await editor.edit(uri, fn);
    if (ok) await sidebar()?.revealFile(uri, line?.());
    return ok;
  }

  /** Adds a weakness to a journal, creating weaknesses.yaml when missing. Returns the new id. */
  async function newWeakness(journal: Journal, title: string, extra: { category?: WeaknessCategory; description?: string } = {}): Promise<string | undefined> {
    let id: string | undefined;
    const fn = (text: string) => {
      const r = addWeakness(text, { title, ...extra });
      if (r.ok) id = r.id;
      return r;
    };
    if (journal.index.hasWeaknessesFile()) {
      if (!(await editor.edit(journal.weaknessesUri, fn))) return undefined;
    } else {
      const r = fn('');
      if (!r.ok) return undefined;
      if (!(await editor.createFile(journal.weaknessesUri, applyEdits('', r.edits)))) return undefined;
      await store.sync(journal.weaknessesUri);
    }
    return id;
  }

  /** Asks which weaknesses something points to: existing ones, or new ones named on the spot. */
  async function askWeaknesses(journal: Journal, title: string, step?: number, totalSteps?: number): Promise<{ existing: string[]; created: string[] } | undefined> {
    const items: PickItem<string | typeof NEW_WEAKNESS>[] = [
      ...journal.index.weaknesses().map((w) => ({ label: w.title, description: w.id, value: w.id })),
      { label: '$(add) New weakness…', description: 'name it now', value: NEW_WEAKNESS },
    ];
    const picked = await ask().pickMany(items, { title, step, totalSteps, placeholder: 'Which weaknesses did it surface? (none is fine)' });
    if (!picked) return undefined;
    const created: string[] = [];
    if (picked.includes(NEW_WEAKNESS)) {
      const t = await ask().input({ title, prompt: 'Title of the new weakness', placeholder: 'e.g. Going silent while solving', validate: required('The title') });
      if (t === undefined) return undefined;
      created.push(t.trim());
    }
    return { existing: picked.filter((p): p is string => typeof p === 'string'), created };
  }

  async function recordInterview(): Promise<vscode.Uri | undefined> {
    const title = 'Record Interview';
    const journal = await pickJournal(store, title);
    if (!journal) return undefined;
    const steps = 9;
    const companies = [...new Set(journal.index.interviews().map((i) => i.company))].sort((a, b) => a.localeCompare(b));
    const company = await ask().pickOrType(companies, { title, step: 1, totalSteps: steps, prompt: 'Company', placeholder: 'Company (pick one or type a new name)', validate: required('The company') });
    if (company === undefined) return undefined;
    const role = await ask().input({ title, step: 2, totalSteps: steps, prompt: 'Role', placeholder: 'e.g. Backend Engineer', validate: required('The role') });
    if (role === undefined) return undefined;
    const date = await ask().input({ title, step: 3, totalSteps: steps, prompt: 'Date of the interview (YYYY-MM-DD)', value: clock.today(), validate: dateCheck(false) });
    if (date === undefined) return undefined;
    const type = await ask().pick<RoundType | typeof NONE>(
      [...enumItems(ROUND_TYPES), { label: 'No round yet', description: 'just the application', value: NONE }],
      { title, step: 4, totalSteps: steps, placeholder: 'What kind of round was it?' },
    );
    if (type === undefined) return undefined;
    const outcome = await ask().pick(enumItems(OUTCOMES), { title, step: 5, totalSteps: steps, placeholder: 'Outcome so far (pending while you wait)' });
    if (outcome === undefined) return undefined;
    let rating: number | undefined;
    let wentBadly: string | undefined;
    if (type !== NONE) {
      const r = await ask().pick<number | typeof NONE>(
        [...[5, 4, 3, 2, 1].map((n) => ({ label: `${n}`, description: ['', 'went badly', 'below par', 'fair', 'good', 'went great'][n], value: n })), { label: 'Skip', value: NONE }],
        { title, step: 6, totalSteps: steps, placeholder: 'How did it go, from 1 to 5?' },
      );
      if (r === undefined) return undefined;
      rating = r === NONE ? undefined : r;
      const bad = await ask().input({ title, step: 7, totalSteps: steps, prompt: 'What went badly? (optional, while you still remember)', placeholder: 'e.g. Froze on the follow-up about caching' });
      if (bad === undefined) return undefined;
      wentBadly = bad.trim() || undefined;
    }
    const cited = await askWeaknesses(journal, title, 8, steps);
    if (!cited) return undefined;

    // Every answer is in: write.
    const created = createInterview(
      { company: company.trim(), role: role.trim(), applied: type === NONE ? date.trim() : undefined, outcome },
      { journalFolder: journal.journalFolder, existingIds: journal.index.interviews().map((i) => i.id) },
    );
    if (!created.ok) {
      void vscode.window.showErrorMessage(`Debrief could not record the interview: ${created.problems[0]?.message}`);
      return undefined;
    }
    let text = created.text;
    const chain = (r: EditResult) => {
      if (r.ok) text = applyEdits(text, r.edits);
      else throw new Error(r.problems[0]?.message);
    };
    const ids = [...cited.existing];
    for (const t of cited.created) {
      const id = await newWeakness(journal, t);
      if (id) ids.push(id);
    }
    try {
      if (type !== NONE) chain(addRound(text, { type, date: date.trim(), rating, wentBadly } satisfies NewRound));
      for (const id of ids) chain(citeWeakness(text, { weakness: id, round: type !== NONE ? 1 : undefined, source: 'self' }));
    } catch (e) {
      void vscode.window.showErrorMessage(`Debrief could not record the interview: ${(e as Error).message}`);
      return undefined;
    }
    const uri = journal.uri(created.path);
    if (!(await editor.createFile(uri, text))) return undefined;
    await store.sync(uri);
    services.log.info(`recorded ${created.path}`);
    await sidebar()?.revealFile(uri);
    void ask().notify(`Recorded ${company.trim()}, ${role.trim()}.`, 'Open File', 'Draft Feedback Request').then((choice) => {
      if (choice === 'Open File') return vscode.window.showTextDocument(uri);
      if (choice === 'Draft Feedback Request') return vscode.commands.executeCommand(CommandId.DraftFeedbackRequest, uri);
      return undefined;
    });
    return uri;
  }

  async function addRoundCmd(arg?: unknown): Promise<boolean> {
    const title = 'Add Round';
    const t = await pickInterview(store, arg, title);
    if (!t) return false;
    const type = await ask().pick(enumItems(ROUND_TYPES), { title, step: 1, totalSteps: 4, placeholder: `Round ${t.interview.rounds.length + 1} at ${t.interview.company}: what kind?` });
    if (type === undefined) return false;
    const date = await ask().input({ title, step: 2, totalSteps: 4, prompt: 'Date (YYYY-MM-DD)', value: clock.today(), validate: dateCheck(false) });
    if (date === undefined) return false;
    const r = await ask().pick<number | typeof NONE>([...[5, 4, 3, 2, 1].map((n) => ({ label: `${n}`, value: n })), { label: 'Skip', value: NONE }], { title, step: 3, totalSteps: 4, placeholder: 'How did it go, from 1 to 5?' });
    if (r === undefined) return false;
    const bad = await ask().input({ title, step: 4, totalSteps: 4, prompt: 'What went badly? (optional)' });
    if (bad === undefined) return false;
    return write(t.uri, (text) => addRound(text, { type, date: date.trim(), rating: r === NONE ? undefined : r, wentBadly: bad.trim() || undefined }));
  }

  async function setOutcomeCmd(arg?: unknown): Promise<boolean> {
    const t = await pickInterview(store, arg, 'Set Outcome');
    if (!t) return false;
    const outcome = await ask().pick<Outcome>(enumItems(OUTCOMES, t.interview.outcome), { title: 'Set Outcome', placeholder: `Outcome of ${t.interview.company}, ${t.interview.role}` });
    if (outcome === undefined) return false;
    return write(t.uri, (text) => setOutcome(text, outcome));
  }

  async function draftFeedbackRequest(arg?: unknown): Promise<vscode.TextDocument | undefined> {
    const t = await pickInterview(store, arg, 'Draft Feedback Request');
    if (!t) return undefined;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: feedbackRequestDraft(t.interview, t.journal.index) });
    await vscode.window.showTextDocument(doc, { preview: false });
    // The date asked is recorded once; a second draft keeps the first date.
    if (!t.interview.feedback?.requested) await editor.edit(t.uri, (text) => recordFeedbackRequested(text, clock.today()));
    return doc;
  }

  async function recordFeedback(arg?: unknown): Promise<boolean> {
    const title = 'Record Feedback';
    const t = await pickInterview(store, arg, title);
    if (!t) return false;
    const summary = await ask().input({ title, step: 1, totalSteps: 4, prompt: `What did ${t.interview.company} say, in a sentence?`, validate: required('The summary') });
    if (summary === undefined) return false;
    const quotes = await ask().input({ title, step: 2, totalSteps: 4, prompt: 'Exact words worth keeping (optional; separate several with |)' });
    if (quotes === undefined) return false;
    const received = await ask().input({ title, step: 3, totalSteps: 4, prompt: 'Date of the reply (YYYY-MM-DD)', value: clock.today(), validate: dateCheck(false) });
    if (received === undefined) return false;
    const cited = await askWeaknesses(t.journal, title, 4, 4);
    if (!cited) return false;
    const ids = [...cited.existing];
    for (const title2 of cited.created) {
      const id = await newWeakness(t.journal, title2);
      if (id) ids.push(id);
    }
    const q = quotes.split('|').map((s) => s.trim()).filter(Boolean);
    // The reply and every weakness it points to land as one change: one Undo takes it all back.
    return write(t.uri, (text) => chain(
      text,
      (x) => recordFeedbackReceived(x, { received: received.trim(), summary: summary.trim(), quotes: q }),
      ...ids.map((id) => (x: string) => citeWeakness(x, { weakness: id, source: 'interviewer' })),
    ));
  }

  async function addWeaknessCmd(): Promise<string | undefined> {
    const title = 'Add Weakness';
    const journal = await pickJournal(store, title);
    if (!journal) return undefined;
    const t = await ask().input({ title, step: 1, totalSteps: 3, prompt: 'What is the weakness, in a few words?', placeholder: 'e.g. Going silent while solving', validate: required('The title') });
    if (t === undefined) return undefined;
    const category = await ask().pick<WeaknessCategory | typeof NONE>([...enumItems(WEAKNESS_CATEGORIES), { label: 'Skip', value: NONE }], { title, step: 2, totalSteps: 3, placeholder: 'Category' });
    if (category === undefined) return undefined;
    const description = await ask().input({ title, step: 3, totalSteps: 3, prompt: 'How does it show? (optional)' });
    if (description === undefined) return undefined;
    const id = await newWeakness(journal, t.trim(), { category: category === NONE ? undefined : category, description: description.trim() || undefined });
    if (id) {
      const line = journal.index.weakness(id)?.range.start.line;
      await sidebar()?.revealFile(journal.weaknessesUri, line);
    }
    return id;
  }

  async function renameWeaknessCmd(arg?: unknown): Promise<boolean> {
    const title = 'Rename Weakness';
    const t = await pickWeakness(store, arg, title);
    if (!t) return false;
    const index = t.journal.index;
    const newId = await ask().input({
      title, prompt: `New id for "${t.weakness.title}" (every interview citing it follows)`, value: t.weakness.id,
      validate: (v) => !ID_PATTERN.test(v.trim()) ? 'Use lowercase letters, digits and dashes, e.g. thinking-aloud.'
        : v.trim() !== t.weakness.id && index.weakness(v.trim()) ? `"${v.trim()}" is already a weakness id.` : undefined,
    });
    if (newId === undefined || newId.trim() === t.weakness.id) return false;
    const uris = [t.uri, ...index.filesCiting(t.weakness.id).map((p) => t.journal.uri(p))];
    const ok = await editor.editMany(uris, (texts) => renameWeakness(texts, t.weakness.id, newId.trim()));
    if (ok) await sidebar()?.revealFile(t.uri, t.weakness.range.start.line);
    return ok;
  }

  async function setWeaknessStatusCmd(arg?: unknown): Promise<boolean> {
    const t = await pickWeakness(store, arg, 'Set Weakness Status');
    if (!t) return false;
    const status = await ask().pick<WeaknessStatus>(enumItems(WEAKNESS_STATUSES, t.weakness.status), { title: 'Set Weakness Status', placeholder: t.weakness.title });
    if (status === undefined) return false;
    return write(t.uri, (text) => setWeaknessStatus(text, t.weakness.id, status), () => t.weakness.range.start.line);
  }

  async function addImprovementCmd(arg?: unknown): Promise<string | undefined> {
    const title = 'Add Improvement Item';
    const t = await pickWeakness(store, arg, title);
    if (!t) return undefined;
    const action = await ask().input({ title, step: 1, totalSteps: 3, prompt: `What will you do about "${t.weakness.title}"?`, placeholder: 'e.g. Do three mock interviews narrating every step', validate: required('The action') });
    if (action === undefined) return undefined;
    const due = await ask().input({ title, step: 2, totalSteps: 3, prompt: 'Due date (YYYY-MM-DD, optional)', value: addDays(clock.today(), 14), validate: dateCheck(true) });
    if (due === undefined) return undefined;
    const doneWhen = await ask().input({ title, step: 3, totalSteps: 3, prompt: 'Done when… (optional: how you will know it worked)' });
    if (doneWhen === undefined) return undefined;
    let id: string | undefined;
    await write(t.uri, (text) => {
      const r = addImprovement(text, t.weakness.id, { action: action.trim(), due: due.trim() || undefined, doneWhen: doneWhen.trim() || undefined });
      if (r.ok) id = r.id;
      return r;
    }, () => t.journal.index.weakness(t.weakness.id)?.improvements.find((i) => i.id === id)?.range.start.line);
    return id;
  }

  async function setImprovementStatusCmd(arg?: unknown): Promise<boolean> {
    const t = await pickItem(store, arg, 'Set Improvement Status');
    if (!t) return false;
    const status = await ask().pick<ImprovementStatus>(enumItems(IMPROVEMENT_STATUSES, t.item.status), { title: 'Set Improvement Status', placeholder: t.item.action });
    if (status === undefined) return false;
    return write(t.uri, (text) => setImprovementStatus(text, t.weakness.id, t.item.id, status, clock.today()), () => t.item.range.start.line);
  }

  async function setDueDateCmd(arg?: unknown): Promise<boolean> {
    const t = await pickItem(store, arg, 'Set Due Date');
    if (!t) return false;
    const due = await ask().input({ title: 'Set Due Date', prompt: `Due date for "${t.item.action}" (YYYY-MM-DD)`, value: t.item.due ?? addDays(clock.today(), 7), validate: dateCheck(false) });
    if (due === undefined) return false;
    return write(t.uri, (text) => setImprovementDue(text, t.weakness.id, t.item.id, due.trim()), () => t.item.range.start.line);
  }

  async function linkNoteCmd(arg?: unknown): Promise<string | undefined> {
    const title = 'Link Study Note';
    const t = await pickItem(store, arg, title);
    if (!t) return undefined;
    const linked = new Set(t.item.notes.map((n) => n.path));
    const files = store.markdownFiles(t.journal);
    const NEW = '\0new';
    const choice = await ask().pick<string>(
      [{ label: '$(new-file) New note from a template…', value: NEW }, ...files.filter((p) => !linked.has(p)).map((p) => ({ label: p, value: p }))],
      { title, placeholder: `A Markdown note for "${t.item.action}"` },
    );
    if (choice === undefined) return undefined;
    let path = choice;
    if (choice === NEW) {
      const noteTitle = await ask().input({ title, prompt: 'Title of the new note', value: t.item.action, validate: required('The title') });
      if (noteTitle === undefined) return undefined;
      path = newNotePath(noteTitle.trim(), new Set(files));
      if (!(await editor.createFile(t.journal.uri(path), studyNote(noteTitle.trim(), { weakness: t.weakness, item: t.item })))) return undefined;
    }
    if (!(await write(t.uri, (text) => linkNote(text, t.weakness.id, t.item.id, path), () => t.item.range.start.line))) return undefined;
    if (choice === NEW) await vscode.window.showTextDocument(t.journal.uri(path), { preview: false });
    return path;
  }

  async function openNoteCmd(arg?: unknown): Promise<void> {
    if (!isNode(arg) || arg.kind !== 'note') return;
    const journal = freshJournal(store, arg.journal);
    const uri = journal.uri(arg.notePath);
    if (!(await journal.fs.stat(arg.notePath))) {
      const create = await ask().notify(`The note ${arg.notePath} does not exist yet.`, 'Create It from the Template');
      if (!create) return;
      const w = journal.index.weakness(arg.weaknessId);
      const item = w?.improvements.find((i) => i.id === arg.itemId);
      if (!(await editor.createFile(uri, studyNote(item?.action ?? arg.notePath, { weakness: w, item })))) return;
    }
    await vscode.window.showTextDocument(uri, { preview: true });
  }

  async function unlinkNoteCmd(arg?: unknown): Promise<boolean> {
    let notePath = isNode(arg) && arg.kind === 'note' ? arg.notePath : undefined;
    const t = await pickItem(store, arg, 'Unlink Study Note', { test: (i) => i.notes.length > 0, none: 'No improvement item links a study note.' });
    if (!t) return false;
    if (!notePath) {
      notePath = await ask().pick(t.item.notes.map((n) => ({ label: n.path, value: n.path })), { title: 'Unlink Study Note', placeholder: 'Which note? (the file itself stays)' });
      if (notePath === undefined) return false;
    }
    const path = notePath;
    return write(t.uri, (text) => unlinkNote(text, t.weakness.id, t.item.id, path), () => t.item.range.start.line);
  }

  async function openSource(arg?: unknown): Promise<void> {
    if (!isNode(arg)) return;
    const node = { ...arg, journal: freshJournal(store, arg.journal) };
    const loc = locationOf(node);
    if (!loc) return;
    const start = loc.range ? toRange(loc.range).start : undefined;
    await vscode.window.showTextDocument(loc.uri, { preview: false, selection: start && new vscode.Range(start, start) });
  }

  async function deleteCmd(arg?: unknown): Promise<boolean> {
    if (!isNode(arg)) return false;
    const journal = freshJournal(store, arg.journal);
    const index = journal.index;
    const confirm = (what: string, detail: string) => ask().confirm(`Delete ${what}?`, detail, 'Delete');
    switch (arg.kind) {
      case 'interview': {
        const iv = index.interviewAt(arg.path);
        if (!iv) return false;
        const only = iv.weaknesses.map((c) => c.weakness).filter((id, i, all) => all.indexOf(id) === i && index.filesCiting(id).length === 1);
        const detail = `${arg.path} goes to the trash (Undo brings it back).${only.length ? ` It is the only evidence for: ${only.join(', ')}.` : ''}`;
        if (!(await confirm(`the interview ${iv.company}, ${iv.role}`, detail))) return false;
        const uri = journal.uri(arg.path);
        if (!(await editor.deleteFile(uri))) return false;
        await store.sync(uri);
        return true;
      }
      case 'round': {
        const iv = index.interviewAt(arg.path);
        const refs = iv?.weaknesses.filter((c) => c.round === arg.index).map((c) => c.weakness) ?? [];
        const detail = refs.length ? `Still cited by this round: ${refs.join(', ')}. Those citations stay but lose their round number; later rounds are renumbered.` : 'Later rounds are renumbered.';
        if (!(await confirm(`round ${arg.index} of ${iv?.company ?? arg.path}`, detail))) return false;
        return editor.edit(journal.uri(arg.path), (text) => deleteRound(text, arg.index));
      }
      case 'citation':
      case 'sighting': {
        const c = index.interviewAt(arg.path)?.weaknesses[arg.index];
        if (!c) return false;
        if (!(await confirm(`the citation of "${c.weakness}" in ${arg.path}`, 'The weakness itself stays in weaknesses.yaml.'))) return false;
        return editor.edit(journal.uri(arg.path), (text) => unciteWeakness(text, arg.index));
      }
      case 'weakness': {
        const w = index.weakness(arg.weaknessId);
        if (!w) return false;
        const citing = index.filesCiting(w.id);
        const detail = citing.length
          ? `Still cited by ${citing.length} interview(s): ${citing.join(', ')}. Those citations will show as unknown weaknesses until you remove them.`
          : 'No interview cites it.';
        if (!(await confirm(`the weakness "${w.title}" and its ${w.improvements.length} improvement item(s)`, detail))) return false;
        return editor.edit(journal.weaknessesUri, (text) => deleteWeakness(text, w.id));
      }
      case 'improvement': {
        const item = index.weakness(arg.weaknessId)?.improvements.find((i) => i.id === arg.itemId);
        if (!item) return false;
        const detail = item.notes.length ? `Its linked notes stay on disk: ${item.notes.map((n) => n.path).join(', ')}.` : 'Nothing else refers to it.';
        if (!(await confirm(`the improvement item "${item.action}"`, detail))) return false;
        return editor.edit(journal.weaknessesUri, (text) => deleteImprovement(text, arg.weaknessId, arg.itemId));
      }
      case 'note':
        return unlinkNoteCmd(arg);
      default:
        void ask().notify('This item cannot be deleted from the sidebar; open its file to edit it.');
        return false;
    }
  }

  const commands: [string, (...args: unknown[]) => unknown][] = [
    [CommandId.RecordInterview, recordInterview],
    [CommandId.AddRound, addRoundCmd],
    [CommandId.SetOutcome, setOutcomeCmd],
    [CommandId.DraftFeedbackRequest, draftFeedbackRequest],
    [CommandId.RecordFeedback, recordFeedback],
    [CommandId.AddWeakness, addWeaknessCmd],
    [CommandId.RenameWeakness, renameWeaknessCmd],
    [CommandId.SetWeaknessStatus, setWeaknessStatusCmd],
    [CommandId.AddImprovement, addImprovementCmd],
    [CommandId.SetImprovementStatus, setImprovementStatusCmd],
    [CommandId.SetDueDate, setDueDateCmd],
    [CommandId.LinkNote, linkNoteCmd],
    [CommandId.OpenNote, openNoteCmd],
    [CommandId.UnlinkNote, unlinkNoteCmd],
    [CommandId.OpenSource, openSource],
    [CommandId.Delete, deleteCmd],
  ];
  for (const [id, fn] of commands) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        // A bug must not surface as a stack trace: log it, and say what failed.
        services.log.error(`${id} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        void vscode.window.showErrorMessage(`Debrief: the command failed and nothing more was written. See the Debrief output for details.`);
        return undefined;
      }
    }));
  }
}
