import { CommandId } from '../constants';
import { humanDate } from '../core/dates';
import { addRound, recordRound } from '../core/edits/interview';
import { ROUND_TYPES, RoundType } from '../core/model';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickInterview } from '../ui/pickers';
import { dateCheck, enumItems, NONE, ratingItems, readTime, timeCheck } from '../ui/questions';
import { isRoundArgs } from '../ui/record-nodes';
import { reveal } from '../ui/reveal';

/**
 * Debrief: Add Round. Also "Record how it went" from a brief: given the interview's file with the
 * round's type and date, it asks neither; given a round written down before it happened (scheduled),
 * it fills that round in instead of adding another (its start time is already there).
 */
export class AddRoundCommand implements Command {
  readonly id = CommandId.AddRound;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { prompter: ask, clock, editor } = this.services;
    const title = 'Add Round';
    const known = isRoundArgs(arg) ? arg : undefined;
    const t = await pickInterview(this.services, known ? known.interview : arg, title);
    if (!t) return false;
    // The scheduled round to fill in, while it is still the one the brief showed.
    const scheduled = known?.round !== undefined ? t.interview.rounds[known.round - 1] : undefined;
    const fill = scheduled && scheduled.type === known?.type && scheduled.date === known?.date ? scheduled : undefined;
    const totalSteps = (known?.type ? 0 : 1) + (known?.date ? 0 : 1) + (fill ? 0 : 1) + 4;
    let step = 0;
    const number = fill ? fill.index : t.interview.rounds.length + 1;
    let type: RoundType | undefined = known?.type;
    if (!type) {
      type = await ask.pick(enumItems(ROUND_TYPES), { title, step: ++step, totalSteps, placeholder: `Round ${number} at ${t.interview.company}: what kind?` });
      if (type === undefined) return false;
    }
    let date = known?.date;
    if (!date) {
      const typed = await ask.input({ title, step: ++step, totalSteps, prompt: 'Date (YYYY-MM-DD)', value: clock.today(), validate: dateCheck(false) });
      if (typed === undefined) return false;
      date = typed.trim();
    }
    const zone = clock.timeZone();
    let time = '';
    if (!fill) {
      const typed = await ask.input({ title, step: ++step, totalSteps, prompt: `Start time (optional: HH:MM, or 2pm; in your time zone, ${zone})`, placeholder: 'e.g. 14:30', validate: timeCheck });
      if (typed === undefined) return false;
      time = typed;
    }
    const kind: RoundType = type;
    const which = `the ${kind} round at ${t.interview.company} (${humanDate(date, clock.today())})`;
    const who = await ask.input({
      title, step: ++step, totalSteps, prompt: `Who interviewed you in ${which}? (optional: the name a feedback request will greet)`,
      placeholder: 'e.g. Priya Sharma', value: fill?.interviewers[0],
    });
    if (who === undefined) return false;
    const r = await ask.pick(ratingItems(false), { title, step: ++step, totalSteps, placeholder: `How did ${which} go, from 1 to 5? (Skip for a round still to come)` });
    if (r === undefined) return false;
    const good = await ask.input({ title, step: ++step, totalSteps, prompt: 'What went well? (optional: a story to tell next time)' });
    if (good === undefined) return false;
    const bad = await ask.input({ title, step: ++step, totalSteps, prompt: 'What went badly? (optional)' });
    if (bad === undefined) return false;
    const record = { rating: r === NONE ? undefined : r, wentWell: good.trim() || undefined, wentBadly: bad.trim() || undefined };
    const start = readTime(time);
    const ok = await editor.edit(t.journal, t.path, (text) => fill
      ? recordRound(text, fill.index, { interviewer: who.trim() || undefined, ...record }, { type: fill.type, date: fill.date })
      : addRound(text, { type: kind, date, time: start, timeZone: start ? zone : undefined, interviewers: who.trim() ? [who.trim()] : undefined, ...record }));
    if (ok) await reveal(t.uri);
    return ok;
  }
}
