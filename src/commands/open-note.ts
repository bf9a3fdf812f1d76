import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { resolveNotePath } from '../core/note-paths';
import { studyNote } from '../core/templates/study-note';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { freshJournal } from '../ui/pickers';
import { isNode } from '../ui/record-nodes';

/**
 * Debrief: Open Study Note (a note item of the sidebar). The path comes from the journal, so it goes
 * through the one resolver of note paths first: nothing outside the workspace is opened or created.
 * A missing note is created from the template only once the user has seen its exact path and agreed.
 */
export class OpenNoteCommand implements Command {
  readonly id = CommandId.OpenNote;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<void> {
    if (!isNode(arg) || arg.kind !== 'note') return;
    const { prompter, editor } = this.services;
    const journal = freshJournal(this.services.store, arg.journal);
    const note = await resolveNotePath(journal.fs, arg.notePath);
    if (!note.ok) {
      void prompter.error(note.message);
      return;
    }
    const uri = journal.uri(note.path);
    if (!note.exists) {
      const where = uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
      const create = await prompter.confirm(`Create the study note ${note.path}?`, `It does not exist yet. Debrief would create this file from the study note template:\n${where}`, 'Create Note');
      if (!create) return;
      const w = journal.index.weakness(arg.weaknessId);
      const item = w?.improvements.find((i) => i.id === arg.itemId);
      const done = await editor.apply(journal, [note.path], () => ({
        ok: true, changes: [{ kind: 'create', path: note.path, text: studyNote(item?.action ?? note.path, { weakness: w, item }) }], result: undefined,
      }));
      if (!done) return;
    }
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
