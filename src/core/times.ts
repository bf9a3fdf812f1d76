/**
 * Clock times, durations and date-times as a round writes them: `time: "14:30"`, `duration: 1h30m`,
 * `date: 2026-10-12T14:00+02:00`. Like dates.ts, nothing here reads the machine's clock; time zones
 * are in time-zones.ts. Every function takes text from a journal: the patterns are anchored and have
 * no nested repetition (linear in the input).
 */
import { isValidDate } from './dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** `H:MM`, `HH:MM` or `HH:MM:SS` on the 24-hour clock → `HH:MM` (seconds dropped); undefined otherwise. */
export function clockTime(s: unknown): string | undefined {
  if (typeof s !== 'string' || s.length > 8) return undefined;
  const m = /^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?$/.exec(s);
  if (!m) return undefined;
  const h = +m[1], min = +m[2];
  if (h > 23 || min > 59 || (m[3] !== undefined && +m[3] > 59)) return undefined;
  return `${pad(h)}:${pad(min)}`;
}

/**
 * 24-hour `HH:MM` times that a time written otherwise may mean: `2pm`, `2:30 PM`, `2.30pm`, `14h30`,
 * `14.30`, `1430`, `14 Uhr`, `9` (for the quick fix of a badly written time). Empty when none.
 */
export function timeCandidates(input: string): string[] {
  const s = input.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (s.length > 16) return [];
  const out: string[] = [];
  const add = (h: number, m: number) => {
    if (h >= 0 && h <= 23 && m >= 0 && m <= 59 && !out.includes(`${pad(h)}:${pad(m)}`)) out.push(`${pad(h)}:${pad(m)}`);
  };
  let m = /^([0-9]{1,2})(?:[:.h]([0-9]{2}))? ?([ap])\.? ?m\.?$/.exec(s);
  if (m) {
    const h = +m[1];
    if (h >= 1 && h <= 12) add((h % 12) + (m[3] === 'p' ? 12 : 0), m[2] === undefined ? 0 : +m[2]);
    return out;
  }
  m = /^([0-9]{1,2})(?:[:.h]([0-9]{2}))?(?: ?(?:h|uhr))?$/.exec(s);
  if (m) add(+m[1], m[2] === undefined ? 0 : +m[2]);
  m = /^([0-9]{2})([0-9]{2})$/.exec(s);
  if (m) add(+m[1], +m[2]);
  return out;
}

/**
 * A duration as a round writes it → whole minutes: a number of minutes (`45`), `45m`, `45 min`,
 * `1h`, `1.5h`, `1h30m`, `1 hour 30 minutes`, ISO 8601 `PT1H30M`. Undefined when it is none of these,
 * or not from 1 minute to 24 hours.
 */
export function durationMinutes(v: unknown): number | undefined {
  let minutes: number | undefined;
  if (typeof v === 'number') minutes = Number.isInteger(v) ? v : undefined;
  else if (typeof v === 'string' && v.length <= 40) {
    const s = v.trim();
    let m = /^PT(?:([0-9]{1,2})H)?(?:([0-9]{1,4})M)?$/i.exec(s);
    if (m && (m[1] !== undefined || m[2] !== undefined)) minutes = (m[1] ? +m[1] * 60 : 0) + (m[2] ? +m[2] : 0);
    else {
      m = /^([0-9]{1,2}(?:[.,][0-9]{1,2})?) ?(?:h|hr|hrs|hour|hours)(?: ?([0-9]{1,2}) ?(?:m|min|mins|minute|minutes))?$/i.exec(s);
      if (m) minutes = Math.round(parseFloat(m[1].replace(',', '.')) * 60) + (m[2] ? +m[2] : 0);
      else {
        m = /^([0-9]{1,4}) ?(?:m|min|mins|minute|minutes)$/i.exec(s);
        if (m) minutes = +m[1];
      }
    }
  }
  return minutes !== undefined && minutes >= 1 && minutes <= 1440 ? minutes : undefined;
}

/** A duration as people read it: "45 min", "1 h", "1 h 30 min". */
export function humanDuration(minutes: number): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export interface RoundDate {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM, when a time was written. */
  time?: string;
  /** `UTC` or `+HH:MM`/`-HH:MM`, when the date-time ends with `Z` or an offset. */
  offset?: string;
}

/**
 * A round's `date`: `YYYY-MM-DD`, or a date and start time `YYYY-MM-DDTHH:MM[:SS[.fff]]` (a space
 * may stand for the T) with an optional `Z` or offset (`+02:00`, `+0200`, `+02`). Undefined when it
 * is none of these or not a real date and time.
 */
export function roundDate(v: unknown): RoundDate | undefined {
  if (typeof v !== 'string' || v.length > 40) return undefined;
  if (v.length === 10) return isValidDate(v) ? { date: v } : undefined;
  const m = /^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?:\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?$/.exec(v);
  if (!m || !isValidDate(m[1])) return undefined;
  const time = clockTime(m[2]);
  if (!time) return undefined;
  if (m[3] === undefined) return { date: m[1], time };
  if (m[3] === 'Z' || m[3] === 'z') return { date: m[1], time, offset: 'UTC' };
  const o = /^([+-])([0-9]{2}):?([0-9]{2})?$/.exec(m[3]);
  if (!o || +o[2] > 14 || (o[3] !== undefined && +o[3] > 59)) return undefined;
  return { date: m[1], time, offset: `${o[1]}${o[2]}:${o[3] ?? '00'}` };
}
