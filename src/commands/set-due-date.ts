import { CommandId } from '../constants';
import { addDays } from '../core/dates';
import { setImprovementDue } from '../core/edits/weaknesses';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickItem } from '../ui/pickers';
import { dateCheck } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Set Due Date (of an improvement item). */
export class SetDueDateCommand implements Command {
  readonly id = CommandId.SetDueDate;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const t = await pickItem(this.services, arg, 'Set Due Date');
    if (!t) return false;
    const due = await this.services.prompter.input({ title: 'Set Due Date', prompt: `Due date for "${t.item.action}" (YYYY-MM-DD)`, value: t.item.due ?? addDays(this.services.clock.today(), 7), validate: dateCheck(false) });
    if (due === undefined) return false;
    const ok = await this.services.editor.edit(t.journal, t.journal.index.weaknessesPath, (text) => setImprovementDue(text, t.weakness.id, t.item.id, due.trim()));
    if (ok) await reveal(t.uri, t.item.range.start.line);
    return ok;
  }
}
