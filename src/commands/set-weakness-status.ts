import { CommandId } from '../constants';
import { setWeaknessStatus } from '../core/edits/weaknesses';
import { WEAKNESS_STATUSES, WeaknessStatus } from '../core/model';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickWeakness } from '../ui/pickers';
import { enumItems } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Set Weakness Status. */
export class SetWeaknessStatusCommand implements Command {
  readonly id = CommandId.SetWeaknessStatus;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const t = await pickWeakness(this.services, arg, 'Set Weakness Status');
    if (!t) return false;
    const status = await this.services.prompter.pick<WeaknessStatus>(enumItems(WEAKNESS_STATUSES, t.weakness.status), { title: 'Set Weakness Status', placeholder: t.weakness.title });
    if (status === undefined) return false;
    const ok = await this.services.editor.edit(t.journal, t.journal.index.weaknessesPath, (text) => setWeaknessStatus(text, t.weakness.id, status));
    if (ok) await reveal(t.uri, t.weakness.range.start.line);
    return ok;
  }
}
