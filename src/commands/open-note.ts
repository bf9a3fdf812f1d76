import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { studyNote } from '../core/templates/study-note';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { freshJournal } from '../ui/pickers';
import { isNode } from '../ui/record-nodes';

/** Debrief: Open Study Note (a note item of the sidebar); offers to create a missing note from the template. */
export class OpenNoteCommand implements Command {
  readonly id = CommandId.OpenNote;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<void> {
    if (!isNode(arg) || arg.kind !== 'note') return;
    const journal = freshJournal(this.services.store, arg.journal);
    const uri = journal.uri(arg.notePath);
    if (!(await journal.fs.stat(arg.notePath))) {
      const create = await this.services.prompter.notify(`The note ${arg.notePath} does not exist yet.`, 'Create It from the Template');
      if (!create) return;
      const w = journal.index.weakness(arg.weaknessId);
      const item = w?.improvements.find((i) => i.id === arg.itemId);
      const done = await this.services.editor.apply(journal, [arg.notePath], () => ({
        ok: true, changes: [{ kind: 'create', path: arg.notePath, text: studyNote(item?.action ?? arg.notePath, { weakness: w, item }) }], result: undefined,
      }));
      if (!done) return;
    }
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
