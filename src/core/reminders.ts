/**
 * What needs doing: today's and tomorrow's interviews (with their time), feedback requests to follow
 * up, next steps and improvement items due soon or overdue.
 */
import { Feedback, Interview, isClosed, isOpenItem } from './model';
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
  /** Short text, e.g. "Follow up: Globex". */
  title: string;
  /** e.g. "asked 12 days ago", "overdue by 2 days (due 2025-03-01)". */
  detail: string;
  /** Days past due (positive), 0 today, negative when due later. */
  overdueDays: number;
  /**
   * Which reminder this is, for telling a new one from one told before: the record, and the date it
   * counts from (a new request, a snooze that ended, a new due date make a new reminder).
   */
  key: string;
  ref: RecordRef;
  /** The improvement item an 'improvement' reminder is for. */
  item?: { weaknessId: string; itemId: string };
}

/**
 * What the journal says of the follow-up of a feedback request: nothing to follow up (none asked, or
 * answered), reminders dismissed for this request (on or after the day it was asked: a request made
 * again later has them again), snoozed until a day, or waiting for a reply.
 */
export type FollowUp = { state: 'none' } | { state: 'dismissed'; on: string } | { state: 'snoozed'; until: string } | { state: 'waiting' };

export function followUpOf(f: Pick<Feedback, 'requested' | 'received' | 'snoozed' | 'dismissed'> | undefined): FollowUp {
  if (!f?.requested || f.received) return { state: 'none' };
  if (f.dismissed && f.dismissed >= f.requested) return { state: 'dismissed', on: f.dismissed };
  return f.snoozed ? { state: 'snoozed', until: f.snoozed } : { state: 'waiting' };
}

/**
 * When a feedback request without a reply is due for a follow-up: `days` after it was asked, or the day
 * its snooze ends if later; undefined once answered or dismissed.
 */
export function feedbackFollowUpDue(iv: Pick<Interview, 'feedback'>, days: number): string | undefined {
  const f = followUpOf(iv.feedback);
  if (f.state === 'none' || f.state === 'dismissed') return undefined;
  const due = addDays(iv.feedback!.requested!, Math.max(0, Math.floor(days)));
  return f.state === 'snoozed' && f.until > due ? f.until : due;
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
        key: `round ${iv.file} ${r.index} ${r.date}`,
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
      // Short, so that a row of the Due view shows it whole at the sidebar's default width; the row
      // opens the request, where its date is.
      title: `Follow up: ${iv.company}`,
      detail: `asked ${waited} day${waited === 1 ? '' : 's'} ago`,
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
        item: { weaknessId: w.id, itemId: it.id },
      });
    }
  }
  return out.sort((a, b) => b.overdueDays - a.overdueDays || (a.kind === 'interview' ? 0 : 1) - (b.kind === 'interview' ? 0 : 1) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
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

/**
 * Where the things due are, for a workspace of several journals: "2 in job-search, 1 in last-year", each
 * place counted by `dueCount`, in the order given, places with nothing due left out.
 */
export function dueWhere(places: readonly { name: string; list: readonly Pick<Reminder, 'overdueDays'>[] }[]): string {
  return places.map((p) => ({ name: p.name, due: dueCount(p.list).due })).filter((p) => p.due > 0).map((p) => `${p.due} in ${p.name}`).join(', ');
}

function dueText(late: number, due: string): string {
  if (late > 0) return `overdue by ${late} day${late === 1 ? '' : 's'} (due ${due})`;
  return late === 0 ? 'due today' : `due in ${-late} day${late === -1 ? '' : 's'} (${due})`;
}
