import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { deleteRound, unciteWeakness } from '../core/edits/interview';
import { deleteImprovement, deleteWeakness } from '../core/edits/weaknesses';
import type { Journal } from '../services/journal';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { freshJournal, refusesEdit } from '../ui/pickers';
import { isNode, NodeKind, NodeOf } from '../ui/record-nodes';

/** How a kind of sidebar item is deleted (after asking); undefined: it cannot be deleted from the sidebar. */
type Deletion<N> = ((node: N, journal: Journal, confirm: (what: string, detail: string) => Thenable<boolean>) => Promise<boolean>) | undefined;

/** Debrief: Delete (a sidebar item). Asks first and says what still refers to the record. */
export class DeleteCommand implements Command {
  readonly id = CommandId.Delete;
  constructor(private readonly services: Services) {}

  /** What Delete does with each kind of sidebar item (the compiler checks that every kind is here). */
  private readonly deletions: { [K in NodeKind]: Deletion<NodeOf<K>> } = {
    folder: undefined,
    problem: undefined,
    group: undefined,
    more: undefined,
    feedback: undefined,
    brokenWeakness: undefined,
    interview: async (node, journal, confirm) => {
      const index = journal.index;
      const iv = index.interviewAt(node.path);
      if (!iv) return false;
      const only = iv.weaknesses.map((c) => c.weakness).filter((id, i, all) => all.indexOf(id) === i && index.filesCiting(id).length === 1);
      const detail = `${node.path} goes to the trash (Undo brings it back).${only.length ? ` It is the only evidence for: ${only.join(', ')}.` : ''}`;
      if (!(await confirm(`the interview ${iv.company}, ${iv.role}`, detail))) return false;
      const path = node.path;
      return (await this.services.editor.apply(journal, [], () => ({ ok: true, changes: [{ kind: 'delete', path }], result: undefined }))) !== undefined;
    },
    round: async (node, journal, confirm) => {
      const iv = journal.index.interviewAt(node.path);
      const round = iv?.rounds[node.index - 1];
      if (!iv || !round || refusesEdit(this.services, journal, node.path)) return false;
      const refs = iv.weaknesses.filter((c) => c.round === node.index).map((c) => c.weakness);
      const detail = refs.length ? `Still cited by this round: ${refs.join(', ')}. Those citations stay but lose their round number; later rounds are renumbered.` : 'Later rounds are renumbered.';
      if (!(await confirm(`round ${node.index} (${round.type ?? 'round'}${round.date ? `, ${round.date}` : ''}) of ${iv.company}`, detail))) return false;
      // The round as shown: if the file changed while the question was open, nothing is deleted.
      return this.services.editor.edit(journal, node.path, (text) => deleteRound(text, node.index, { type: round.type, date: round.date }));
    },
    citation: (node, journal, confirm) => this.deleteCitation(node, journal, confirm),
    sighting: (node, journal, confirm) => this.deleteCitation(node, journal, confirm),
    weakness: async (node, journal, confirm) => {
      const index = journal.index;
      const w = index.weakness(node.weaknessId);
      if (!w || refusesEdit(this.services, journal, index.weaknessesPath)) return false;
      const citing = index.filesCiting(w.id);
      const detail = citing.length
        ? `Still cited by ${citing.length} interview(s): ${citing.join(', ')}. Those citations will show as unknown weaknesses until you remove them.`
        : 'No interview cites it.';
      if (!(await confirm(`the weakness "${w.title}" and its ${w.improvements.length} improvement item(s)`, detail))) return false;
      return this.services.editor.edit(journal, index.weaknessesPath, (text) => deleteWeakness(text, w.id));
    },
    improvement: async (node, journal, confirm) => {
      const item = journal.index.weakness(node.weaknessId)?.improvements.find((i) => i.id === node.itemId);
      if (!item || refusesEdit(this.services, journal, journal.index.weaknessesPath)) return false;
      const detail = item.notes.length ? `Its linked notes stay on disk: ${item.notes.map((n) => n.path).join(', ')}.` : 'Nothing else refers to it.';
      if (!(await confirm(`the improvement item "${item.action}"`, detail))) return false;
      return this.services.editor.edit(journal, journal.index.weaknessesPath, (text) => deleteImprovement(text, node.weaknessId, node.itemId));
    },
    // Deleting a note item removes its link; the note file stays.
    note: async (node) => (await vscode.commands.executeCommand<boolean>(CommandId.UnlinkNote, node)) === true,
  };

  private async deleteCitation(node: NodeOf<'citation' | 'sighting'>, journal: Journal, confirm: (what: string, detail: string) => Thenable<boolean>): Promise<boolean> {
    const c = journal.index.interviewAt(node.path)?.weaknesses[node.index];
    if (!c || refusesEdit(this.services, journal, node.path)) return false;
    if (!(await confirm(`the citation of "${c.weakness}" in ${node.path}`, 'The weakness itself stays in weaknesses.yaml.'))) return false;
    return this.services.editor.edit(journal, node.path, (text) => unciteWeakness(text, node.index, { weakness: c.weakness, round: c.round }));
  }

  async execute(arg?: unknown): Promise<boolean> {
    if (!isNode(arg)) return false;
    const { prompter: ask } = this.services;
    const deletion = this.deletions[arg.kind] as Deletion<typeof arg>;
    if (!deletion) {
      void ask.notify('This item cannot be deleted from the sidebar; open its file to edit it.');
      return false;
    }
    return deletion(arg, freshJournal(this.services.store, arg.journal), (what, detail) => ask.confirm(`Delete ${what}?`, detail, 'Delete'));
  }
}
