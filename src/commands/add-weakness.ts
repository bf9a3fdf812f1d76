import { CommandId } from '../constants';
import { WEAKNESS_CATEGORIES, WeaknessCategory } from '../core/model';
import { planAddWeakness } from '../core/plans/weakness-plans';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickJournal, refusesEdit } from '../ui/pickers';
import { enumItems, NONE, required } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Add Weakness. Creates weaknesses.yaml when the journal has none yet. */
export class AddWeaknessCommand implements Command {
  readonly id = CommandId.AddWeakness;
  constructor(private readonly services: Services) {}

  async execute(): Promise<string | undefined> {
    const { prompter: ask, editor } = this.services;
    const title = 'Add Weakness';
    const journal = await pickJournal(this.services, { title });
    if (!journal || refusesEdit(this.services, journal, journal.index.weaknessesPath)) return undefined;
    const t = await ask.input({ title, step: 1, totalSteps: 3, prompt: 'What is the weakness, in a few words?', placeholder: 'e.g. Going silent while solving', validate: required('The title') });
    if (t === undefined) return undefined;
    const category = await ask.pick<WeaknessCategory | typeof NONE>([...enumItems(WEAKNESS_CATEGORIES), { label: 'Skip', value: NONE }], { title, step: 2, totalSteps: 3, placeholder: 'Category' });
    if (category === undefined) return undefined;
    const description = await ask.input({ title, step: 3, totalSteps: 3, prompt: 'How does it show? (optional)' });
    if (description === undefined) return undefined;
    const path = journal.index.weaknessesPath;
    const done = await editor.apply(journal, [path], (texts) => planAddWeakness(texts, path, {
      title: t.trim(), category: category === NONE ? undefined : category, description: description.trim() || undefined,
    }));
    if (!done) return undefined;
    await reveal(journal.weaknessesUri, journal.index.weakness(done.result)?.range.start.line);
    return done.result;
  }
}
