import { CommandId } from '../constants';
import { addDays } from '../core/dates';
import { removeNext, setNext } from '../core/edits/interview';
import { shown } from '../core/text/shown';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickInterview } from '../ui/pickers';
import { A_WEEK, dateCheck, dayAfter } from '../ui/questions';

/**
 * Debrief: Update Next Step: an application's next step (`next`) done (removed: git keeps it, one Undo
 * brings it back), postponed a week or to a date, or changed. From a Due row, or one the user picks.
 */
export class UpdateNextStepCommand implements Command {
  readonly id = CommandId.UpdateNextStep;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { prompter, clock, editor } = this.services;
    const title = 'Update Next Step';
    const t = await pickInterview(this.services, arg, title, {
      only: { test: (iv) => iv.next !== undefined, none: 'No application has a next step: add one as `next:` (an `action` and a `due` date) in an interview\'s file.' },
    });
    if (!t) return false;
    const next = t.interview.next;
    if (!next) {
      void prompter.notify(`${t.interview.company} has no next step any more.`);
      return false;
    }
    const today = clock.today();
    const week = addDays(today, A_WEEK);
    const what = `${t.interview.company}: ${next.action ? shown(next.action, 80) : 'the next step'}${next.due ? `, due ${next.due}` : ''}`;
    const choice = await prompter.pick([
      { label: 'Done', description: 'remove it from the application', value: 'done' as const },
      { label: 'Postpone a week', description: `due ${week}`, value: 'week' as const },
      { label: 'Postpone to a date…', value: 'date' as const },
      { label: 'Change it…', description: 'a new action and due date', value: 'change' as const },
    ], { title, placeholder: what });
    if (choice === undefined) return false;
    if (choice === 'done') return editor.edit(t.journal, t.path, (text) => removeNext(text));
    if (choice === 'week') return editor.edit(t.journal, t.path, (text) => setNext(text, { due: week }));
    let action: string | undefined;
    if (choice === 'change') {
      action = await prompter.input({ title, prompt: `What is the next step for ${t.interview.company}?`, value: next.action ?? '', validate: (v) => (v.trim() ? undefined : 'Say what to do next, e.g. "Send the references".') });
      if (action === undefined) return false;
    }
    const due = await prompter.input({
      title, prompt: `When is it due? (YYYY-MM-DD${choice === 'date' ? ', after today' : ''})`, value: choice === 'date' ? week : next.due ?? week,
      validate: choice === 'date' ? dayAfter(today) : dateCheck(false),
    });
    if (due === undefined) return false;
    return editor.edit(t.journal, t.path, (text) => setNext(text, action === undefined ? { due: due.trim() } : { action: action.trim(), due: due.trim() }));
  }
}
