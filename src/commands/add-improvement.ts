import { CommandId } from '../constants';
import { addDays } from '../core/dates';
import { addImprovement } from '../core/edits/weaknesses';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickWeakness } from '../ui/pickers';
import { dateCheck, required } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Add Improvement Item. */
export class AddImprovementCommand implements Command {
  readonly id = CommandId.AddImprovement;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const { prompter: ask, clock, editor } = this.services;
    const title = 'Add Improvement Item';
    const t = await pickWeakness(this.services, arg, title);
    if (!t) return undefined;
    const action = await ask.input({ title, step: 1, totalSteps: 3, prompt: `What will you do about "${t.weakness.title}"?`, placeholder: 'e.g. Do three mock interviews narrating every step', validate: required('The action') });
    if (action === undefined) return undefined;
    const due = await ask.input({ title, step: 2, totalSteps: 3, prompt: 'Due date (YYYY-MM-DD, optional)', value: addDays(clock.today(), 14), validate: dateCheck(true) });
    if (due === undefined) return undefined;
    const doneWhen = await ask.input({ title, step: 3, totalSteps: 3, prompt: 'Done when… (optional: how you will know it worked)' });
    if (doneWhen === undefined) return undefined;
    let id: string | undefined;
    const ok = await editor.edit(t.journal, t.journal.index.weaknessesPath, (text) => {
      const r = addImprovement(text, t.weakness.id, { action: action.trim(), due: due.trim() || undefined, doneWhen: doneWhen.trim() || undefined });
      if (r.ok) id = r.id;
      return r;
    });
    if (!ok) return undefined;
    await reveal(t.uri, t.journal.index.weakness(t.weakness.id)?.improvements.find((i) => i.id === id)?.range.start.line);
    return id;
  }
}
