/** The weekly review: a Markdown page of what happened this week, what is due and where you stand. */
import { reminders, ReminderOptions } from './reminders';
import type { JournalIndex } from './journal/journal-index';
import { addDays, daysBetween } from './dates';
import { journalStats } from './stats';
import { rankWeaknesses } from './progress/weaknesses';
import { escapeMarkdown } from './text/markdown';

/** The ISO week of a date: `{ year, week, monday, sunday }`, e.g. 2026-11-25 → 2026-W48. */
export function isoWeek(date: string): { year: number; week: number; label: string; monday: string; sunday: string } {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(date, -weekday);
  const thursday = addDays(monday, 3);
  const year = +thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week, label: `${year}-W${String(week).padStart(2, '0')}`, monday, sunday: addDays(monday, 6) };
}

/** Text safe inside Markdown: no markup, links or HTML from user strings. */
const mdText = (s: string): string => escapeMarkdown(s, 'space');

export interface WeeklyReview {
  /** Path relative to the journal folder, e.g. `reviews/2026-W48.md`. */
  path: string;
  text: string;
}

/** The review of the week holding `today`. */
export function weeklyReview(index: JournalIndex, today: string, options: ReminderOptions): WeeklyReview {
  const wk = isoWeek(today);
  const inWeek = (d?: string) => d !== undefined && d >= wk.monday && d <= wk.sunday;
  const lines: string[] = [`# Weekly review ${wk.label}`, '', `${wk.monday} to ${wk.sunday}, written ${today}.`, ''];

  const happened: string[] = [];
  for (const iv of index.interviews()) {
    const who = `**${mdText(iv.company)}**${iv.role ? ` (${mdText(iv.role)})` : ''}`;
    if (inWeek(iv.applied)) happened.push(`- ${iv.applied}: applied to ${who}`);
    for (const r of iv.rounds) if (inWeek(r.date)) happened.push(`- ${r.date}: ${r.type ?? 'round'} round with ${who}${r.rating !== undefined ? `, rated ${r.rating}/5` : ''}`);
    if (inWeek(iv.feedback?.requested)) happened.push(`- ${iv.feedback!.requested}: asked ${who} for feedback`);
    if (inWeek(iv.feedback?.received)) happened.push(`- ${iv.feedback!.received}: feedback from ${who}${iv.feedback!.summary ? `: ${mdText(iv.feedback!.summary)}` : ''}`);
  }
  for (const w of index.weaknesses()) for (const it of w.improvements) if (inWeek(it.done)) happened.push(`- ${it.done}: done: ${mdText(it.action || it.id)} (${mdText(w.id)})`);
  lines.push('## This week', '', ...(happened.length ? happened.sort() : ['Nothing recorded this week.']), '');

  const due = reminders(index, today, options);
  lines.push('## Due', '', ...(due.length ? due.map((r) => `- ${r.kind === 'feedback-follow-up' || r.kind === 'interview' ? '' : `${mdText(r.ref.label)}: `}${mdText(r.title)}: ${r.detail}`) : ['Nothing due in the next 7 days.']), '');

  const top = rankWeaknesses(journalStats(index, today).weaknesses).filter((w) => w.sightings > 0).slice(0, 5);
  lines.push('## What holds you back most', '');
  if (top.length) {
    lines.push('| Weakness | Evidence | Lately | Did the work pay off? |', '| --- | --- | --- | --- |');
    for (const w of top) lines.push(`| ${mdText(w.title || w.id)} | ${w.evidence}, ${w.interviews} interview${w.interviews === 1 ? '' : 's'} | ${mdText(w.trendText)} | ${mdText(w.verdictText)} |`);
  } else lines.push('No weakness cited by an interview yet.');
  lines.push('');

  const waiting = index.interviews().filter((iv) => iv.feedback?.requested && !iv.feedback.received);
  lines.push('## Feedback still unanswered', '', ...(waiting.length ? waiting.map((iv) => `- **${mdText(iv.company)}**: asked ${iv.feedback!.requested}, ${daysBetween(iv.feedback!.requested!, today)} days ago`) : ['None.']), '');
  lines.push('## Notes', '', '<!-- What did you learn this week? What will you do differently next week? -->', '');
  return { path: `reviews/${wk.label}.md`, text: lines.join('\n') };
}
