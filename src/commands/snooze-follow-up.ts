import { CommandId } from '../constants';
import { addDays } from '../core/dates';
import { snoozeFollowUp } from '../core/edits/interview';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickFollowUp } from '../ui/pickers';
import { A_WEEK, dayAfter } from '../ui/questions';

/** Debrief: Snooze Follow-Up: no reminder to follow up on a feedback request before a date (`feedback.snoozed`). */
export class SnoozeFollowUpCommand implements Command {
  readonly id = CommandId.SnoozeFollowUp;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { prompter, clock, editor } = this.services;
    const title = 'Snooze Follow-Up';
    const t = await pickFollowUp(this.services, arg, title);
    if (!t) return false;
    const today = clock.today();
    const week = addDays(today, A_WEEK);
    const choice = await prompter.pick([
      { label: 'For a week', description: `until ${week}`, value: week },
      { label: 'Until a date…', value: '' },
    ], { title, placeholder: `When should Debrief remind you of ${t.interview.company} again?` });
    if (choice === undefined) return false;
    const until = choice || await prompter.input({
      title, prompt: `Remind you of ${t.interview.company} again from (YYYY-MM-DD, after today)`, value: week,
      validate: dayAfter(today),
    });
    if (until === undefined) return false;
    return editor.edit(t.journal, t.path, (text) => snoozeFollowUp(text, until.trim()));
  }
}
