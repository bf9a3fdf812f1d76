import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { deleteRound, unciteWeakness } from '../core/edits/interview';
import { deleteImprovement, deleteWeakness } from '../core/edits/weaknesses';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { freshJournal } from '../ui/pickers';
import { isNode } from '../ui/record-nodes';

/** Debrief: Delete (a sidebar item). Asks first and says what still refers to the record. */
export class DeleteCommand implements Command {
  readonly id = CommandId.Delete;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    if (!isNode(arg)) return false;
    const { prompter: ask, editor } = this.services;
    const journal = freshJournal(this.services.store, arg.journal);
    const index = journal.index;
    const confirm = (what: string, detail: string) => ask.confirm(`Delete ${what}?`, detail, 'Delete');
    switch (arg.kind) {
      case 'interview': {
        const iv = index.interviewAt(arg.path);
        if (!iv) return false;
        const only = iv.weaknesses.map((c) => c.weakness).filter((id, i, all) => all.indexOf(id) === i && index.filesCiting(id).length === 1);
        const detail = `${arg.path} goes to the trash (Undo brings it back).${only.length ? ` It is the only evidence for: ${only.join(', ')}.` : ''}`;
        if (!(await confirm(`the interview ${iv.company}, ${iv.role}`, detail))) return false;
        const path = arg.path;
        return (await editor.apply(journal, [], () => ({ ok: true, changes: [{ kind: 'delete', path }], result: undefined }))) !== undefined;
      }
      case 'round': {
        const iv = index.interviewAt(arg.path);
        const round = iv?.rounds[arg.index - 1];
        if (!iv || !round) return false;
        const refs = iv.weaknesses.filter((c) => c.round === arg.index).map((c) => c.weakness);
        const detail = refs.length ? `Still cited by this round: ${refs.join(', ')}. Those citations stay but lose their round number; later rounds are renumbered.` : 'Later rounds are renumbered.';
        if (!(await confirm(`round ${arg.index} (${round.type ?? 'round'}${round.date ? `, ${round.date}` : ''}) of ${iv.company}`, detail))) return false;
        // The round as shown: if the file changed while the question was open, nothing is deleted.
        return editor.edit(journal, arg.path, (text) => deleteRound(text, arg.index, { type: round.type, date: round.date }));
      }
      case 'citation':
      case 'sighting': {
        const c = index.interviewAt(arg.path)?.weaknesses[arg.index];
        if (!c) return false;
        if (!(await confirm(`the citation of "${c.weakness}" in ${arg.path}`, 'The weakness itself stays in weaknesses.yaml.'))) return false;
        return editor.edit(journal, arg.path, (text) => unciteWeakness(text, arg.index, { weakness: c.weakness, round: c.round }));
      }
      case 'weakness': {
        const w = index.weakness(arg.weaknessId);
        if (!w) return false;
        const citing = index.filesCiting(w.id);
        const detail = citing.length
          ? `Still cited by ${citing.length} interview(s): ${citing.join(', ')}. Those citations will show as unknown weaknesses until you remove them.`
          : 'No interview cites it.';
        if (!(await confirm(`the weakness "${w.title}" and its ${w.improvements.length} improvement item(s)`, detail))) return false;
        return editor.edit(journal, index.weaknessesPath, (text) => deleteWeakness(text, w.id));
      }
      case 'improvement': {
        const item = index.weakness(arg.weaknessId)?.improvements.find((i) => i.id === arg.itemId);
        if (!item) return false;
        const detail = item.notes.length ? `Its linked notes stay on disk: ${item.notes.map((n) => n.path).join(', ')}.` : 'Nothing else refers to it.';
        if (!(await confirm(`the improvement item "${item.action}"`, detail))) return false;
        return editor.edit(journal, index.weaknessesPath, (text) => deleteImprovement(text, arg.weaknessId, arg.itemId));
      }
      case 'note':
        // Deleting a note item removes its link; the note file stays.
        return (await vscode.commands.executeCommand<boolean>(CommandId.UnlinkNote, arg)) === true;
      default:
        void ask.notify('This item cannot be deleted from the sidebar; open its file to edit it.');
        return false;
    }
  }
}
