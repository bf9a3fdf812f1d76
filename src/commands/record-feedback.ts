import { CommandId } from '../constants';
import { planRecordFeedback } from '../core/plans/record-feedback';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickInterview } from '../ui/pickers';
import { askWeaknesses, dateCheck, required } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Record Feedback. The reply, its quotes and the weaknesses it points to land as one change. */
export class RecordFeedbackCommand implements Command {
  readonly id = CommandId.RecordFeedback;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { prompter: ask, clock, editor } = this.services;
    const title = 'Record Feedback';
    const t = await pickInterview(this.services, arg, title);
    if (!t) return false;
    const summary = await ask.input({ title, step: 1, totalSteps: 4, prompt: `What did ${t.interview.company} say, in a sentence?`, validate: required('The summary') });
    if (summary === undefined) return false;
    const quotes = await ask.input({ title, step: 2, totalSteps: 4, prompt: 'Exact words worth keeping (optional; separate several with |)' });
    if (quotes === undefined) return false;
    const received = await ask.input({ title, step: 3, totalSteps: 4, prompt: 'Date of the reply (YYYY-MM-DD)', value: clock.today(), validate: dateCheck(false) });
    if (received === undefined) return false;
    const weaknesses = await askWeaknesses(ask, t.journal, title, 4, 4);
    if (!weaknesses) return false;
    const weaknessesPath = t.journal.index.weaknessesPath;
    const done = await editor.apply(t.journal, [t.path, weaknessesPath], (texts) => planRecordFeedback(texts, t.path, weaknessesPath, {
      received: received.trim(), summary: summary.trim(), quotes: quotes.split('|').map((s) => s.trim()).filter(Boolean), weaknesses,
    }));
    if (done) await reveal(t.uri);
    return done !== undefined;
  }
}
