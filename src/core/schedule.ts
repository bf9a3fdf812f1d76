/**
 * When a round takes place, as the views, the reminders, the hovers and the calendar export show it:
 * one home for "a round's start and end as instants" and "a round's time as people read it".
 */
import type { Round, RoundType } from './model';
import { humanDuration } from './times';
import { TimeZone, utcToZoned, zoneAbbreviation, zonedToUtc } from './time-zones';

const ROUND_TITLES: Record<RoundType, string> = {
  recruiter: 'Recruiter call', coding: 'Coding interview', 'system-design': 'System design interview', behavioral: 'Behavioral interview',
  'take-home': 'Take-home', onsite: 'Onsite', other: 'Interview',
};

/** What a round is called at a glance (a calendar's title, a reminder): "Onsite", "Coding interview". */
export function roundTitle(r: Pick<Round, 'type'>): string {
  return r.type ? ROUND_TITLES[r.type] : 'Interview';
}

/** Minutes a timed round lasts when its duration is not written (the calendar export needs an end). */
export const DEFAULT_ROUND_MINUTES = 60;

export interface RoundTiming {
  /** YYYY-MM-DD, as written (the round's own calendar date). */
  date: string;
  /** HH:MM, as written; undefined for a round with a date only (an all-day event). */
  time?: string;
  /** The round's own zone; undefined for a time in the user's own zone (floating). */
  zone?: TimeZone;
  /** The start and end as instants (ms since the epoch), when the time and a zone (the round's or the user's) are known. */
  start?: number;
  end?: number;
  /** The duration as written. */
  minutes?: number;
}

/**
 * The timing of a round with a date; undefined without one. `localZone` is the user's zone, for a
 * time written without a zone (omit it where the user's zone is not known, as in a file written for
 * any calendar: the start then stays a wall-clock time).
 */
export function roundTiming(r: Pick<Round, 'date' | 'time' | 'timeZone' | 'duration'>, localZone?: TimeZone): RoundTiming | undefined {
  if (!r.date) return undefined;
  const t: RoundTiming = { date: r.date, time: r.time, zone: r.time ? r.timeZone : undefined, minutes: r.duration };
  const zone = t.zone ?? localZone;
  if (t.time && zone) {
    t.start = zonedToUtc(t.date, t.time, zone);
    t.end = t.start + (r.duration ?? DEFAULT_ROUND_MINUTES) * 60000;
  }
  return t;
}

/**
 * A round's time as people read it: "14:00 CEST", "14:00–15:30 CEST", and the user's own time when
 * the round is in another zone: "14:00 CEST (08:00 your time)"; the day too when it differs there:
 * "23:00 PDT (08:00 tomorrow your time)" is written "(Tue 08:00 your time)". Empty without a time.
 */
export function roundTimeText(r: Pick<Round, 'date' | 'time' | 'timeZone' | 'duration'>, localZone?: TimeZone): string {
  const t = roundTiming(r, localZone);
  if (!t?.time) return '';
  const endWall = !r.duration ? undefined : t.zone && t.end !== undefined ? utcToZoned(t.end, t.zone).time : wallClockAfter(t.date, t.time, r.duration).time;
  const span = endWall ? `${t.time}–${endWall}` : t.time;
  if (!t.zone) return span;
  const start = t.start as number;
  let text = `${span} ${zoneAbbreviation(t.zone, start)}`;
  if (localZone && localZone !== t.zone) {
    const mine = utcToZoned(start, localZone);
    if (mine.time !== t.time || mine.date !== t.date) {
      const day = mine.date === t.date ? '' : `${weekday(mine.date)} `;
      text += ` (${day}${mine.time} your time)`;
    }
  }
  return text;
}

/** A round's schedule in one line: "Mon 12 Oct, 14:00–15:30 CEST · 1 h 30 min · Globex HQ". */
export function roundWhenText(r: Pick<Round, 'date' | 'time' | 'timeZone' | 'duration' | 'location' | 'cancelled'>, localZone?: TimeZone): string {
  if (!r.date) return '';
  const time = roundTimeText(r, localZone);
  return [
    `${weekday(r.date)} ${r.date}${time ? `, ${time}` : ''}`,
    r.duration ? humanDuration(r.duration) : undefined,
    r.location, r.cancelled ? 'cancelled' : undefined,
  ].filter(Boolean).join(' · ');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
function weekday(date: string): string {
  return WEEKDAYS[new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10))).getUTCDay()];
}

/** The wall-clock date and time `minutes` after `time` on `date`, on the same clock (a floating time: no zone, no change of offset). */
export function wallClockAfter(date: string, time: string, minutes: number): { date: string; time: string } {
  return utcToZoned(zonedToUtc(date, time, 'UTC') + minutes * 60000, 'UTC');
}
