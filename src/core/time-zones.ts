/**
 * Time zones: what people and tools write (`Europe/Berlin` in any case, `UTC`, `+02:00`, `UTC-5`,
 * Windows names such as `W. Europe Standard Time` from Outlook and Exchange, common abbreviations
 * such as `CET` or `PT`) made into one canonical zone, and wall-clock times converted to and from
 * UTC. The arithmetic goes through `Intl` (the time-zone database of the JavaScript engine, in Node
 * and in a browser alike); Windows names through the CLDR table of the `windows-iana` package. No
 * time-zone rules are written here.
 */
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { closestValues } from './text/fuzzy';

/**
 * A canonical zone: an IANA name as the engine spells it (`Europe/Berlin`), `UTC`, or a fixed offset
 * `+HH:MM` / `-HH:MM`.
 */
export type TimeZone = string;

/** Abbreviations people write for a region's time (both its standard and summer names mean the region's zone). */
const ABBREVIATIONS: Record<string, string> = {
  et: 'America/New_York', est: 'America/New_York', edt: 'America/New_York', eastern: 'America/New_York',
  ct: 'America/Chicago', cst: 'America/Chicago', cdt: 'America/Chicago', central: 'America/Chicago',
  mt: 'America/Denver', mst: 'America/Denver', mdt: 'America/Denver', mountain: 'America/Denver',
  pt: 'America/Los_Angeles', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pacific: 'America/Los_Angeles',
  akst: 'America/Anchorage', akdt: 'America/Anchorage', hst: 'Pacific/Honolulu',
  cet: 'Europe/Berlin', cest: 'Europe/Berlin', mez: 'Europe/Berlin', mesz: 'Europe/Berlin',
  wet: 'Europe/Lisbon', west: 'Europe/Lisbon', eet: 'Europe/Athens', eest: 'Europe/Athens',
  bst: 'Europe/London', jst: 'Asia/Tokyo', kst: 'Asia/Seoul', sgt: 'Asia/Singapore', hkt: 'Asia/Hong_Kong',
  aest: 'Australia/Sydney', aedt: 'Australia/Sydney', nzst: 'Pacific/Auckland', nzdt: 'Pacific/Auckland',
};

const UTC_NAMES = new Set(['utc', 'gmt', 'z', 'zulu', 'etc/utc', 'etc/gmt', 'etc/uct', 'uct', 'universal', 'etc/universal', 'coordinated universal time', 'utc+0', 'utc-0', 'gmt+0', 'gmt-0']);

let windowsNames: Map<string, string> | undefined;
/** Windows zone name (lower case) → its primary IANA zone (CLDR territory 001). */
function windowsTable(): Map<string, string> {
  if (!windowsNames) {
    windowsNames = new Map();
    for (const row of WINDOWS_TO_IANA_MAP) if (row.territory === '001' && row.iana.length) windowsNames.set(row.windowsName.toLowerCase(), row.iana[0]);
  }
  return windowsNames;
}

/** A zone's formatter (the costly part of Intl), kept per zone; undefined when the engine does not know the zone. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();
function formatter(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    } catch {
      f = null;
    }
    // Bounded: names come from journal text.
    if (formatters.size > 2000) formatters.clear();
    formatters.set(zone, f);
  }
  return f ?? undefined;
}

function offsetText(minutes: number): TimeZone {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** A fixed offset written `+02:00`, `+0200`, `+2`, `UTC+2`, `GMT-05:30`, `UTC +01:00` → minutes east of UTC. */
function fixedOffset(s: string): number | undefined {
  const m = /^(?:utc|gmt)? ?([+-]) ?([0-9]{1,2})(?::?([0-9]{2}))?$/.exec(s);
  if (!m) return undefined;
  const h = +m[2], min = m[3] === undefined ? 0 : +m[3];
  if (h > 14 || min > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

const canonical = new Map<string, TimeZone | null>();

/** The canonical zone of what a journal, a person or a calendar tool wrote; undefined when it is not a zone. */
export function canonicalTimeZone(input: string): TimeZone | undefined {
  if (typeof input !== 'string' || input.length > 80) return undefined;
  let v = canonical.get(input);
  if (v === undefined) {
    v = resolveZone(input) ?? null;
    if (canonical.size > 2000) canonical.clear();
    canonical.set(input, v);
  }
  return v ?? undefined;
}

function resolveZone(input: string): TimeZone | undefined {
  const s = input.trim().replace(/\s+/g, ' ');
  const lower = s.toLowerCase();
  if (!lower) return undefined;
  if (UTC_NAMES.has(lower)) return 'UTC';
  const offset = fixedOffset(lower);
  if (offset !== undefined) return offsetText(offset);
  const abbreviation = ABBREVIATIONS[lower];
  if (abbreviation) return abbreviation;
  const windows = windowsTable().get(lower);
  if (windows) return ianaName(windows) ?? undefined;
  // IANA names only: letters, digits, "/", "_", "-", "+"; the engine checks the rest.
  if (!/^[A-Za-z][A-Za-z0-9/_+-]*$/.test(s)) return undefined;
  return ianaName(s);
}

function ianaName(name: string): TimeZone | undefined {
  const f = formatter(name);
  if (!f) return undefined;
  const resolved = f.resolvedOptions().timeZone;
  return resolved === 'Etc/UTC' || resolved === 'Etc/GMT' || resolved === 'UTC' || resolved === 'GMT' ? 'UTC' : resolved;
}

/** Minutes east of UTC that `zone` has at the instant `utcMs`. */
export function offsetMinutes(zone: TimeZone, utcMs: number): number {
  if (zone === 'UTC') return 0;
  const fixed = /^[+-][0-9]{2}:[0-9]{2}$/.test(zone) ? fixedOffset(zone) : undefined;
  if (fixed !== undefined) return fixed;
  const f = formatter(zone);
  if (!f) return 0;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = +part.value;
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * The instant (ms since the epoch) of a wall-clock time in a zone. A time skipped by a change to
 * summer time (02:30 on the night clocks go from 02:00 to 03:00) is read with the offset before the
 * change (as 03:30); a time that happens twice (when clocks go back) is the first of the two.
 */
export function zonedToUtc(date: string, time: string, zone: TimeZone): number {
  const wall = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), +time.slice(0, 2), +time.slice(3, 5));
  const before = offsetMinutes(zone, wall - 36 * 3600000);
  const after = offsetMinutes(zone, wall + 36 * 3600000);
  // Of the offsets around that day, the ones whose reading lands back on the wall time; the earlier instant wins.
  const candidates = [before, after].map((o) => wall - o * 60000).filter((t) => t + offsetMinutes(zone, t) * 60000 === wall);
  if (candidates.length) return Math.min(...candidates);
  return wall - before * 60000;
}

/** The wall-clock date and time (HH:MM) of an instant in a zone. */
export function utcToZoned(utcMs: number, zone: TimeZone): { date: string; time: string } {
  const local = new Date(utcMs + offsetMinutes(zone, utcMs) * 60000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The short name people read for a zone at an instant: "CEST", "GMT+2", "UTC", "+05:30". */
export function zoneAbbreviation(zone: TimeZone, utcMs: number): string {
  if (zone === 'UTC' || /^[+-]/.test(zone)) return zone;
  // American English names American zones (EDT), British English European ones (CEST), Indian and Australian English theirs (IST, AEDT); else "GMT+9".
  let name: string | undefined;
  for (const locale of ['en-US', 'en-GB', 'en-IN', 'en-AU']) {
    try {
      name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value;
    } catch {
      return zone;
    }
    if (name && !/^(?:GMT|UTC)[+-−]/.test(name)) return name;
  }
  return name ?? zone;
}

/** Zone names close to what was written, for "did you mean" (the engine's list, where it has one). */
export function timeZoneSuggestions(input: string): string[] {
  const list = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return closestValues(input.trim().replace(/ /g, '_'), list).slice(0, 3);
}
