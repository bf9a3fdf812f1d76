import { CommandId } from '../constants';
import { addRound } from '../core/edits/interview';
import { ROUND_TYPES } from '../core/model';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickInterview } from '../ui/pickers';
import { dateCheck, enumItems, NONE, ratingItems, readTime, timeCheck } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Add Round. */
export class AddRoundCommand implements Command {
  readonly id = CommandId.AddRound;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { prompter: ask, clock, editor } = this.services;
    const title = 'Add Round';
    const t = await pickInterview(this.services, arg, title);
    if (!t) return false;
    const steps = 6;
    const type = await ask.pick(enumItems(ROUND_TYPES), { title, step: 1, totalSteps: steps, placeholder: `Round ${t.interview.rounds.length + 1} at ${t.interview.company}: what kind?` });
    if (type === undefined) return false;
    const date = await ask.input({ title, step: 2, totalSteps: steps, prompt: 'Date (YYYY-MM-DD)', value: clock.today(), validate: dateCheck(false) });
    if (date === undefined) return false;
    const zone = clock.timeZone();
    const time = await ask.input({ title, step: 3, totalSteps: steps, prompt: `Start time (optional: HH:MM, or 2pm; in your time zone, ${zone})`, placeholder: 'e.g. 14:30', validate: timeCheck });
    if (time === undefined) return false;
    const who = await ask.input({ title, step: 4, totalSteps: steps, prompt: 'Who interviewed you? (optional: the name a feedback request will greet)', placeholder: 'e.g. Priya Sharma' });
    if (who === undefined) return false;
    const r = await ask.pick(ratingItems(false), { title, step: 5, totalSteps: steps, placeholder: 'How did it go, from 1 to 5? (Skip for a round still to come)' });
    if (r === undefined) return false;
    const bad = await ask.input({ title, step: 6, totalSteps: steps, prompt: 'What went badly? (optional)' });
    if (bad === undefined) return false;
    const start = readTime(time);
    const ok = await editor.edit(t.journal, t.path, (text) => addRound(text, {
      type, date: date.trim(), time: start, timeZone: start ? zone : undefined,
      interviewers: who.trim() ? [who.trim()] : undefined, rating: r === NONE ? undefined : r, wentBadly: bad.trim() || undefined,
    }));
    if (ok) await reveal(t.uri);
    return ok;
  }
}
