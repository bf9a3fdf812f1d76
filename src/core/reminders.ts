/** What needs doing: feedback requests to follow up, next steps and improvement items due soon or overdue. */
import { Feedback, isClosed, isOpenItem } from './model';
import type { RecordRef } from './insights';
import type { JournalIndex } from './journal/journal-index';
import { addDays, daysBetween } from './dates';

export interface ReminderOptions {
  /** A feedback request with no reply after this many days becomes a follow-up. */
  feedbackFollowUpDays: number;
  /** Improvement items and next steps due within this many days count as due soon (default 7). */
  soonDays?: number;
}

export interface Reminder {
  kind: 'feedback-follow-up' | 'next-step' | 'improvement';
  /** Short text, e.g. "Follow up with Globex". */
  title: string;
  /** e.g. "feedback asked 2025-02-20, 12 days ago". */
  detail: string;
  /** Days past due (positive), 0 today, negative when due later. */
  overdueDays: number;
  /**
   * Which reminder this is, for telling a new one from one told before: the record, and the date it
   * counts from (a new request, a snooze that ended, a new due date make a new reminder).
   */
  key: string;
  ref: RecordRef;
}

/**
 * Where the follow-up of a feedback request stands on `today`: nothing to follow up (none asked, or
 * answered), reminders dismissed (on or after the day it was asked), snoozed until a later date, or
 * waiting for a reply.
 */
export type FollowUp = { state: 'none' } | { state: 'dismissed'; on: string } | { state: 'snoozed'; until: string } | { state: 'waiting' };

export function followUpOf(f: Pick<Feedback, 'requested' | 'received' | 'snoozed' | 'dismissed'> | undefined, today: string): FollowUp {
  if (!f?.requested || f.received) return { state: 'none' };
  // Dismissed for this request: a request made again later has reminders again.
  if (f.dismissed && f.dismissed >= f.requested) return { state: 'dismissed', on: f.dismissed };
  if (f.snoozed && f.snoozed > today) return { state: 'snoozed', until: f.snoozed };
  return { state: 'waiting' };
}

/** Every reminder relative to `today`, the most overdue first. */
export function reminders(index: JournalIndex, today: string, options: ReminderOptions): Reminder[] {
  const out: Reminder[] = [];
  const followUp = Math.max(0, Math.floor(options.feedbackFollowUpDays));
  for (const iv of index.interviews()) {
    const f = iv.feedback;
    if (!f?.requested || followUpOf(f, today).state !== 'waiting') continue;
    const waited = daysBetween(f.requested, today);
    if (waited < followUp) continue;
    out.push({
      kind: 'feedback-follow-up',
      title: `Follow up on feedback from ${iv.company}`,
      detail: `asked ${f.requested}, ${waited} day${waited === 1 ? '' : 's'} ago, no reply yet`,
      overdueDays: waited - followUp,
      key: `feedback ${iv.file} ${f.requested} ${f.snoozed ?? ''}`,
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
      key: `next ${iv.file} ${next.due}`,
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
        key: `item ${w.file} ${w.id} ${it.id} ${it.due}`,
        ref: { file: w.file, line: it.range.start.line, label: w.title || w.id, detail: it.id },
      });
    }
  }
  return out.sort((a, b) => b.overdueDays - a.overdueDays || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

/** How many things are due and how many of them overdue: the one count of the Due view's badge, its list, the status bar and the daily message. */
export interface DueCount {
  due: number;
  overdue: number;
  /** e.g. "10 things due, 3 overdue". */
  text: string;
}

/** Counts each reminder once: an overdue item is one of the things due, never a second count beside them. */
export function dueCount(list: readonly Pick<Reminder, 'overdueDays'>[]): DueCount {
  const due = list.length;
  const overdue = list.filter((r) => r.overdueDays > 0).length;
  return { due, overdue, text: `${due} thing${due === 1 ? '' : 's'} due${overdue ? `, ${overdue} overdue` : ''}` };
}

function dueText(late: number, due: string): string {
  if (late > 0) return `overdue by ${late} day${late === 1 ? '' : 's'} (due ${due})`;
  return late === 0 ? 'due today' : `due in ${-late} day${late === -1 ? '' : 's'} (${due})`;
}
