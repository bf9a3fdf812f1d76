/**
 * What is next in an application, and which application is next: a round scheduled (dated today or
 * later, nothing recorded yet of how it went) or the `next` step with its due date. The brief, its
 * default pick and the Due view's "Prepare" action read it from here.
 */
import type { JournalIndex } from '../journal/journal-index';
import { Interview, isClosed, Round, RoundType } from '../model';
import { lastActivity } from '../queries/sidebar';

/**
 * A round still to come: dated after today, or today with nothing recorded of how it went (no rating,
 * nothing that went well or badly), and not cancelled. A round of today that has any of those has happened.
 */
export function isScheduled(round: Round, today: string): boolean {
  if (round.date === undefined || round.cancelled) return false;
  if (round.date > today) return true;
  return round.date === today && round.rating === undefined && !round.wentWell && !round.wentBadly;
}

/** A round that happened, as far as the journal tells: not scheduled, not cancelled (an undated round counts as held). */
export function isHeld(round: Round, today: string): boolean {
  return !round.cancelled && !isScheduled(round, today) && (round.date === undefined || round.date <= today);
}

export interface Coming {
  /** The rounds scheduled, soonest first. */
  rounds: Round[];
  /** The `next` step, when the application has one. */
  step?: { action?: string; due?: string };
  /** When the next thing happens: the first scheduled round's date, else the step's due date. */
  date?: string;
  /** The type of the first scheduled round, when it has one. */
  type?: RoundType;
  /** The first scheduled round's number (1-based), the one "Record how it went" fills in. */
  round?: number;
}

/** What is next in an application on `today`. */
export function comingOf(iv: Interview, today: string): Coming {
  const rounds = iv.rounds.filter((r) => isScheduled(r, today)).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.index - b.index));
  const first = rounds[0];
  const step = iv.next && (iv.next.action || iv.next.due) ? { action: iv.next.action, due: iv.next.due } : undefined;
  return { rounds, step, date: first?.date ?? step?.due, type: first?.type, round: first?.index };
}

/** The date an open application's next thing happens on, today or later; undefined when none is known. */
export function comingDate(iv: Interview, today: string): string | undefined {
  if (isClosed(iv.outcome)) return undefined;
  let best: string | undefined;
  for (const r of iv.rounds) if (r.date !== undefined && (best === undefined || r.date < best) && isScheduled(r, today)) best = r.date;
  const due = iv.next?.due;
  if (due !== undefined && due >= today && (best === undefined || due < best)) best = due;
  return best;
}

/**
 * The interviews in the order a brief offers them: open applications with something coming, soonest
 * first; then the other open applications, then the closed ones, each latest activity first. The
 * first is the one a brief prepares by default.
 */
export function briefOrder(index: JournalIndex, today: string): { interview: Interview; date?: string }[] {
  const rows = index.interviews().map((interview) => ({ interview, date: comingDate(interview, today), last: lastActivity(interview) ?? '', open: !isClosed(interview.outcome) }));
  const rank = (r: (typeof rows)[number]) => (r.date !== undefined ? 0 : r.open ? 1 : 2);
  rows.sort((a, b) => rank(a) - rank(b)
    || (a.date !== undefined && b.date !== undefined ? (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) : 0)
    || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0)
    || (a.interview.id < b.interview.id ? -1 : a.interview.id > b.interview.id ? 1 : 0));
  return rows.map(({ interview, date }) => ({ interview, date }));
}

/** The interview a brief prepares when none is named: the open application whose next thing comes soonest. */
export function nextInterview(index: JournalIndex, today: string): Interview | undefined {
  return briefOrder(index, today)[0]?.interview;
}
