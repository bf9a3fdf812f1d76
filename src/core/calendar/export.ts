/**
 * The journal as an iCalendar file (`Debrief: Export Calendar…`, `debrief calendar`, and the file kept
 * up to date in the workspace): every round with a date (a timed event where its start time is known,
 * an all-day event otherwise), the next step of each open application, each feedback request's
 * follow-up, and open improvement items with a due date (all-day events that do not block time).
 *
 * Every record gives the same UID in every export (a calendar that imports the file again updates its
 * events instead of doubling them): from the interview's id and the round's number, or from the UID of
 * the invitation the round came from, so that rounds added or removed before it do not change it.
 */
import { addDays } from '../dates';
import type { JournalIndex } from '../journal/journal-index';
import { Interview, isClosed, isOpenItem, Round } from '../model';
import { feedbackFollowUpDue } from '../reminders';
import { DEFAULT_ROUND_MINUTES, roundTiming, roundTitle, wallClockAfter } from '../schedule';
import { fingerprint } from '../text/fingerprint';
import { humanDuration } from '../times';
import { contentLine, escapeText, icsDate, icsDocument, icsFloating, icsUtc } from './ics';

export interface CalendarOptions {
  /** DTSTAMP of every event: when the file is written (ms since the epoch; the core never reads the clock). */
  now: number;
  /** Days after a feedback request without a reply when its follow-up is due. */
  feedbackFollowUpDays: number;
  /** Only events from this date (YYYY-MM-DD, included). */
  from?: string;
  /** Only events up to this date (included). */
  to?: string;
}

/** What the calendar holds, before it is written. */
export interface CalendarEvent {
  uid: string;
  kind: 'round' | 'next-step' | 'feedback-follow-up' | 'improvement';
  summary: string;
  description: string;
  /** YYYY-MM-DD: the event's date in its own zone. */
  date: string;
  /** Timed: start and end in UTC (ms), or as floating wall-clock times. */
  start?: { utc: number } | { floating: string };
  end?: { utc: number } | { floating: string };
  location?: string;
  url?: string;
  cancelled?: boolean;
  /** For an interview's events: the file, to open it from a calendar-aware view. */
  file: string;
}

/** "Globex, Platform Engineer" (the role only when there is one). */
function application(iv: Interview): string {
  return iv.role ? `${iv.company || iv.id}, ${iv.role}` : iv.company || iv.id;
}

function roundDescription(iv: Interview, r: Round): string {
  const lines: string[] = [`Round ${r.index} of ${application(iv)}${iv.outcome ? ` (${iv.outcome})` : ''}.`];
  if (r.cancelled) lines.push('Cancelled.');
  if (r.time && r.duration) lines.push(`Duration: ${humanDuration(r.duration)}`);
  if (r.interviewers.length) lines.push(`Interviewers: ${r.interviewers.join(', ')}`);
  if (r.link) lines.push(`Link: ${r.link}`);
  if (r.location) lines.push(`Location: ${r.location}`);
  if (r.rating !== undefined) lines.push(`Rating: ${r.rating}/5`);
  if (r.questions.length) lines.push('Questions:', ...r.questions.map((q) => `- ${q}`));
  if (r.wentWell) lines.push(`Went well: ${r.wentWell}`);
  if (r.wentBadly) lines.push(`Went badly: ${r.wentBadly}`);
  return lines.join('\n');
}

/** The events of the journal, in the order of their dates (then UIDs): pure data, written by `writeCalendar`. */
export function calendarEvents(index: JournalIndex, options: CalendarOptions): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  const used = new Set<string>();
  // Ids are unique in a valid journal; two files with one id (an error the journal reports) still get distinct UIDs.
  const uid = (base: string, file: string): string => {
    let u = `${base}@debrief`;
    if (used.has(u)) u = `${base}-${fingerprint(file).toString(36)}@debrief`;
    for (let n = 2; used.has(u); n++) u = `${base}-${fingerprint(file).toString(36)}-${n}@debrief`;
    used.add(u);
    return u;
  };
  const inRange = (d: string) => (!options.from || d >= options.from) && (!options.to || d <= options.to);
  for (const iv of index.interviews()) {
    for (const r of iv.rounds) {
      const t = roundTiming(r);
      if (!t || !inRange(t.date)) continue;
      const base = r.invitation ? `round-${fingerprint(r.invitation.uid).toString(36)}` : `round-${iv.id}-${r.index}`;
      const e: CalendarEvent = {
        uid: uid(base, iv.file), kind: 'round', file: iv.file, date: t.date,
        summary: `${roundTitle(r)}: ${application(iv)}`,
        description: roundDescription(iv, r), location: r.location, url: r.link, cancelled: r.cancelled,
      };
      if (t.time && t.start !== undefined && t.end !== undefined) {
        e.start = { utc: t.start };
        e.end = { utc: t.end };
      } else if (t.time) {
        e.start = { floating: icsFloating(t.date, t.time) };
        const end = wallClockAfter(t.date, t.time, r.duration ?? DEFAULT_ROUND_MINUTES);
        e.end = { floating: icsFloating(end.date, end.time) };
      }
      out.push(e);
    }
    if (iv.next?.due && !isClosed(iv.outcome) && inRange(iv.next.due)) {
      out.push({
        uid: uid(`next-${iv.id}`, iv.file), kind: 'next-step', file: iv.file, date: iv.next.due,
        summary: `${iv.next.action || 'Next step'}: ${application(iv)}`,
        description: `Next step of ${application(iv)}${iv.next.action ? `: ${iv.next.action}` : ''}.`,
      });
    }
    const followUp = feedbackFollowUpDue(iv, options.feedbackFollowUpDays);
    if (followUp && inRange(followUp)) {
      out.push({
        uid: uid(`follow-up-${iv.id}`, iv.file), kind: 'feedback-follow-up', file: iv.file, date: followUp,
        summary: `Follow up on feedback: ${application(iv)}`,
        description: `Feedback asked on ${iv.feedback?.requested}, no reply yet: a short, friendly follow-up.`,
      });
    }
  }
  for (const w of index.weaknesses()) {
    for (const it of w.improvements) {
      if (!it.due || !isOpenItem(it) || !inRange(it.due)) continue;
      out.push({
        uid: uid(`improvement-${w.id}-${it.id}`, w.file), kind: 'improvement', file: w.file, date: it.due,
        summary: `Improve: ${it.action || it.id}`,
        description: [`Improvement item of "${w.title || w.id}" (${it.status ?? 'todo'}).`, it.doneWhen ? `Done when: ${it.doneWhen}` : '', ...it.notes.map((n) => `Note: ${n.path}`)].filter(Boolean).join('\n'),
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

function when(v: { utc: number } | { floating: string }): string {
  return 'utc' in v ? icsUtc(v.utc) : v.floating;
}

/** The events as an iCalendar file (METHOD:PUBLISH: a calendar to import or subscribe to, not an invitation). */
export function writeCalendar(events: readonly CalendarEvent[], now: number): string {
  const stamp = icsUtc(Math.floor(now / 1000) * 1000);
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Debrief//Debrief journal//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    contentLine('X-WR-CALNAME', escapeText('Debrief: interviews and follow-ups')),
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', contentLine('UID', e.uid), `DTSTAMP:${stamp}`);
    if (e.start && e.end) {
      lines.push(`DTSTART:${when(e.start)}`, `DTEND:${when(e.end)}`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${icsDate(e.date)}`, `DTEND;VALUE=DATE:${icsDate(addDays(e.date, 1))}`, 'TRANSP:TRANSPARENT');
    }
    lines.push(contentLine('SUMMARY', escapeText(e.summary)), contentLine('DESCRIPTION', escapeText(e.description)));
    if (e.location) lines.push(contentLine('LOCATION', escapeText(e.location)));
    if (e.url) lines.push(contentLine('URL', e.url, { VALUE: 'URI' }));
    lines.push(contentLine('CATEGORIES', escapeText(e.kind === 'round' ? 'Interview' : e.kind === 'improvement' ? 'Improvement' : 'Follow-up')));
    if (e.cancelled) lines.push('STATUS:CANCELLED');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return icsDocument(lines);
}

/** The whole journal (or a date range) as an iCalendar file, and how many events it holds. */
export function exportCalendar(index: JournalIndex, options: CalendarOptions): { text: string; events: number } {
  const events = calendarEvents(index, options);
  return { text: writeCalendar(events, options.now), events: events.length };
}

/** Two calendar files that differ only in when they were written (their DTSTAMP lines). */
export function sameEvents(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/^DTSTAMP:[0-9TZ]+\r?$/gm, '');
  return strip(a) === strip(b);
}
