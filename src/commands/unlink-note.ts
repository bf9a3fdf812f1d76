import { CommandId } from '../constants';
import { unlinkNote } from '../core/edits/weaknesses';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickItem } from '../ui/pickers';
import { isNode } from '../ui/record-nodes';
import { reveal } from '../ui/reveal';

/** Debrief: Unlink Study Note. The link goes; the note file stays. */
export class UnlinkNoteCommand implements Command {
  readonly id = CommandId.UnlinkNote;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    let notePath = isNode(arg) && arg.kind === 'note' ? arg.notePath : undefined;
    const t = await pickItem(this.services, arg, 'Unlink Study Note', { test: (i) => i.notes.length > 0, none: 'No improvement item links a study note.' });
    if (!t) return false;
    if (!notePath) {
      notePath = await this.services.prompter.pick(t.item.notes.map((n) => ({ label: n.path, value: n.path })), { title: 'Unlink Study Note', placeholder: 'Which note? (the file itself stays)' });
      if (notePath === undefined) return false;
    }
    const path = notePath;
    const ok = await this.services.editor.edit(t.journal, t.journal.index.weaknessesPath, (text) => unlinkNote(text, t.weakness.id, t.item.id, path));
    if (ok) await reveal(t.uri, t.item.range.start.line);
    return ok;
  }
}
