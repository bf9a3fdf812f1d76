import { CommandId } from '../constants';
import { dismissFollowUp } from '../core/edits/interview';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickFollowUp } from '../ui/pickers';

/** Debrief: Dismiss Follow-Up: no more reminders to follow up on a feedback request (`feedback.dismissed`, today). */
export class DismissFollowUpCommand implements Command {
  readonly id = CommandId.DismissFollowUp;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const t = await pickFollowUp(this.services, arg, 'Dismiss Follow-Up');
    if (!t) return false;
    // Nothing to confirm: the date is written to the journal, and one Undo takes it back.
    return this.services.editor.edit(t.journal, t.path, (text) => dismissFollowUp(text, this.services.clock.today()));
  }
}
