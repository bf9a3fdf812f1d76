import { CommandId } from '../constants';
import { ID_PATTERN } from '../core/ids';
import { planRenameWeakness } from '../core/plans/weakness-plans';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { firstUnread, pickWeakness, refusesEdit } from '../ui/pickers';
import { reveal } from '../ui/reveal';

/** Debrief: Rename Weakness. The id and every citation change as one change. */
export class RenameWeaknessCommand implements Command {
  readonly id = CommandId.RenameWeakness;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const title = 'Rename Weakness';
    const t = await pickWeakness(this.services, arg, title);
    if (!t) return false;
    const index = t.journal.index;
    // Every citation follows the new id: an interview file that does not read whole may hold one, so it is fixed first.
    const unread = firstUnread([t.journal]);
    if (unread && refusesEdit(this.services, t.journal, unread.path)) return false;
    const newId = await this.services.prompter.input({
      title, prompt: `New id for "${t.weakness.title}" (every interview citing it follows)`, value: t.weakness.id,
      validate: (v) => !ID_PATTERN.test(v.trim()) ? 'Use lowercase letters, digits and dashes, e.g. thinking-aloud.'
        : v.trim() !== t.weakness.id && index.weakness(v.trim()) ? `"${v.trim()}" is already a weakness id.` : undefined,
    });
    if (newId === undefined || newId.trim() === t.weakness.id) return false;
    const citing = index.filesCiting(t.weakness.id);
    const done = await this.services.editor.apply(t.journal, [index.weaknessesPath, ...citing],
      (texts) => planRenameWeakness(texts, index.weaknessesPath, citing, t.weakness.id, newId.trim()));
    if (done) await reveal(t.uri, t.weakness.range.start.line);
    return done !== undefined;
  }
}
