/**
 * What needs doing: today's and tomorrow's interviews (with their time), feedback requests to follow
 * up, next steps and improvement items due soon or overdue.
 */
import { Interview, isClosed, isOpenItem } from './model';
import { roundTimeText, roundTitle } from './schedule';
import type { RecordRef } from './insights';
import type { JournalIndex } from './journal/journal-index';
import { addDays, daysBetween } from './dates';

export interface ReminderOptions {
  /** A feedback request with no reply after this many days becomes a follow-up. */
  feedbackFollowUpDays: number;
  /** Improvement items and next steps due within this many days count as due soon (default 7). */
  soonDays?: number;
  /** The user's time zone, to show a round's time in it too (omitted: the round's own time only). */
  timeZone?: string;
}

export interface Reminder {
  kind: 'interview' | 'feedback-follow-up' | 'next-step' | 'improvement';
  /** Short text, e.g. "Follow up with Globex". */
  title: string;
  /** e.g. "feedback asked 2025-02-20, 12 days ago". */
  detail: string;
  /** Days past due (positive), 0 today, negative when due later. */
  overdueDays: number;
  ref: RecordRef;
}

/** When a feedback request without a reply is due for a follow-up: `days` after it was asked; undefined once answered. */
export function feedbackFollowUpDue(iv: Pick<Interview, 'feedback'>, days: number): string | undefined {
  const f = iv.feedback;
  return f?.requested && !f.received ? addDays(f.requested, Math.max(0, Math.floor(days))) : undefined;
}

/** Every reminder relative to `today`, the most overdue first (today's interviews before tomorrow's). */
export function reminders(index: JournalIndex, today: string, options: ReminderOptions): Reminder[] {
  const out: Reminder[] = [];
  const followUp = Math.max(0, Math.floor(options.feedbackFollowUpDays));
  const tomorrow = addDays(today, 1);
  for (const iv of index.interviews()) {
    for (const r of iv.rounds) {
      if (r.cancelled || (r.date !== today && r.date !== tomorrow)) continue;
      const time = roundTimeText(r, options.timeZone);
      out.push({
        kind: 'interview',
        title: `${roundTitle(r)}: ${iv.role ? `${iv.company}, ${iv.role}` : iv.company}`,
        detail: `${r.date === today ? 'today' : 'tomorrow'}${time ? ` ${time}` : ''}${r.location ? ` · ${r.location}` : ''}`,
        overdueDays: r.date === today ? 0 : -1,
        ref: { file: iv.file, line: r.range.start.line, label: iv.role ? `${iv.company}, ${iv.role}` : iv.company },
      });
    }
  }
  for (const iv of index.interviews()) {
    const f = iv.feedback;
    const due = feedbackFollowUpDue(iv, followUp);
    if (!f?.requested || !due || due > today) continue;
    const waited = daysBetween(f.requested, today);
    out.push({
      kind: 'feedback-follow-up',
      title: `Follow up on feedback from ${iv.company}`,
      detail: `asked ${f.requested}, ${waited} day${waited === 1 ? '' : 's'} ago, no reply yet`,
      overdueDays: waited - followUp,
      ref: { file: iv.file, line: f.range.start.line, label: iv.role ? `${iv.company}, ${iv.role}` : iv.company },
    });
  }
  const soon = addDays(today, options.soonDays ?? 7);
  for (const iv of index.interviews()) {
    const next = iv.next;
    // A closed application's next step no longer needs doing.
    if (!next?.due || next.due > soon || isClosed(iv.outcome)) continue;
    const late = daysBetween(next.due, today);
    out.push({
      kind: 'next-step',
      title: `${iv.company}: ${next.action || 'next step'}`,
      detail: dueText(late, next.due),
      overdueDays: late,
      ref: { file: iv.file, line: next.range.start.line, label: iv.role ? `${iv.company}, ${iv.role}` : iv.company },
    });
  }
  for (const w of index.weaknesses()) {
    for (const it of w.improvements) {
      if (!isOpenItem(it) || !it.due || it.due > soon) continue;
      const late = daysBetween(it.due, today);
      out.push({
        kind: 'improvement',
        title: it.action || it.id,
        detail: dueText(late, it.due),
        overdueDays: late,
        ref: { file: w.file, line: it.range.start.line, label: w.title || w.id, detail: it.id },
      });
    }
  }
  return out.sort((a, b) => b.overdueDays - a.overdueDays || (a.kind === 'interview' ? 0 : 1) - (b.kind === 'interview' ? 0 : 1) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

function dueText(late: number, due: string): string {
  if (late > 0) return `overdue by ${late} day${late === 1 ? '' : 's'} (due ${due})`;
  return late === 0 ? 'due today' : `due in ${-late} day${late === -1 ? '' : 's'} (${due})`;
}
