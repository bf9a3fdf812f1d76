import { CommandId } from '../constants';
import { setImprovementStatus } from '../core/edits/weaknesses';
import { IMPROVEMENT_STATUSES, ImprovementStatus } from '../core/model';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickItem } from '../ui/pickers';
import { enumItems } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Set Improvement Status. Becoming done records the date, from the journal's clock. */
export class SetImprovementStatusCommand implements Command {
  readonly id = CommandId.SetImprovementStatus;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const t = await pickItem(this.services, arg, 'Set Improvement Status');
    if (!t) return false;
    const status = await this.services.prompter.pick<ImprovementStatus>(enumItems(IMPROVEMENT_STATUSES, t.item.status), { title: 'Set Improvement Status', placeholder: t.item.action });
    if (status === undefined) return false;
    const today = this.services.clock.today();
    const ok = await this.services.editor.edit(t.journal, t.journal.index.weaknessesPath, (text) => setImprovementStatus(text, t.weakness.id, t.item.id, status, today));
    if (ok) await reveal(t.uri, t.item.range.start.line);
    return ok;
  }
}
