import { CommandId } from '../constants';
import { setOutcome } from '../core/edits/interview';
import { Outcome, OUTCOMES } from '../core/model';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickInterview } from '../ui/pickers';
import { enumItems } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Set Outcome. */
export class SetOutcomeCommand implements Command {
  readonly id = CommandId.SetOutcome;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const t = await pickInterview(this.services, arg, 'Set Outcome');
    if (!t) return false;
    const outcome = await this.services.prompter.pick<Outcome>(enumItems(OUTCOMES, t.interview.outcome), { title: 'Set Outcome', placeholder: `Outcome of ${t.interview.company}, ${t.interview.role}` });
    if (outcome === undefined) return false;
    const ok = await this.services.editor.edit(t.journal, t.path, (text) => setOutcome(text, outcome));
    if (ok) await reveal(t.uri);
    return ok;
  }
}
