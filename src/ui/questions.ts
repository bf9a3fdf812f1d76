/** Questions several commands ask the same way: validators, pick items of allowed values, weaknesses. */
import { isValidDate } from '../core/dates';
import { clockTime, timeCandidates } from '../core/times';
import type { Journal } from '../services/journal';
import type { PickItem, Prompter } from '../services/prompter';

export function required(what: string) {
  return (v: string): string | undefined => (v.trim() ? undefined : `${what} must not be empty.`);
}

export function dateCheck(optional: boolean) {
  return (v: string): string | undefined => (optional && !v.trim()) || isValidDate(v.trim()) ? undefined : 'Write a real date as YYYY-MM-DD, e.g. 2026-03-14.';
}

/** How far "a week" puts a reminder off (Snooze Follow-Up, Update Next Step). */
export const A_WEEK = 7;

/** A date after `today` (a reminder put off to a day of the user's choosing). */
export function dayAfter(today: string) {
  return (v: string): string | undefined => dateCheck(false)(v) ?? (v.trim() > today ? undefined : `Choose a day after today (${today}).`);
}

/** A start time as typed (`14:30`, `9:05`, `2pm`, `14h30`) → HH:MM; undefined when empty or not a time. */
export function readTime(v: string): string | undefined {
  const t = v.trim();
  return t ? clockTime(t) ?? timeCandidates(t)[0] : undefined;
}

/** An optional start time. */
export function timeCheck(v: string): string | undefined {
  return !v.trim() || readTime(v) ? undefined : 'Write the start time as HH:MM on the 24-hour clock (e.g. 14:30) or as 2pm, or leave it empty.';
}

/** Pick items of an enum's values, the current one marked. */
export function enumItems<T extends string>(values: readonly T[], current?: string): PickItem<T>[] {
  return values.map((v) => ({ label: v, description: v === current ? 'current' : undefined, value: v }));
}

export const NONE = Symbol('none');
const NEW_WEAKNESS = Symbol('new weakness');

/** A 1-to-5 rating, or none. */
export function ratingItems(withWords: boolean): PickItem<number | typeof NONE>[] {
  const words = ['', 'went badly', 'below par', 'fair', 'good', 'went great'];
  return [...[5, 4, 3, 2, 1].map((n) => ({ label: `${n}`, description: withWords ? words[n] : undefined, value: n })), { label: 'Skip', value: NONE }];
}

/**
 * Asks which weaknesses something points to: existing ones (those that read), or new ones named on the
 * spot, offered only while weaknesses.yaml can be edited (the placeholder says why not).
 */
export async function askWeaknesses(prompter: Prompter, journal: Journal, title: string, step?: number, totalSteps?: number): Promise<{ existing: string[]; created: string[] } | undefined> {
  const refusal = journal.index.editRefusal(journal.index.weaknessesPath);
  const items: PickItem<string | typeof NEW_WEAKNESS>[] = [
    ...journal.index.weaknesses().map((w) => ({ label: w.title, description: w.id, value: w.id })),
    ...(refusal ? [] : [{ label: '$(add) New weakness…', description: 'name it now', value: NEW_WEAKNESS } as PickItem<typeof NEW_WEAKNESS>]),
  ];
  const why = refusal ? ` (no new one until ${journal.index.weaknessesPath} line ${refusal.range.start.line + 1} is fixed: ${refusal.message})` : '';
  const picked = await prompter.pickMany(items, { title, step, totalSteps, placeholder: `Which weaknesses did it surface? Space ticks several; Enter with none ticked is fine${why}` });
  if (!picked) return undefined;
  const created: string[] = [];
  if (picked.includes(NEW_WEAKNESS)) {
    const t = await prompter.input({
      title, step: step && step + 1, totalSteps: totalSteps && totalSteps + 1,
      prompt: 'Title of the new weakness', placeholder: 'e.g. Going silent while solving', validate: required('The title'),
    });
    if (t === undefined) return undefined;
    created.push(t.trim());
  }
  return { existing: picked.filter((p): p is string => typeof p === 'string'), created };
}
