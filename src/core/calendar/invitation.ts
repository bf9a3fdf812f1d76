/**
 * Reading a calendar invitation (an `.ics` file from Google Calendar, Outlook or Exchange, a
 * scheduling tool such as Greenhouse, GoodTime or Calendly, Zoom or Teams) into what a round needs:
 * its UID and SEQUENCE, whether it is cancelled, the date, start time, time zone and duration, the
 * people, the location and the meeting link.
 *
 * An invitation is untrusted input. Before the iCalendar parser (ical.js) sees it, the text is
 * checked in one linear pass: its size, the number of lines, components and events, how deeply
 * components nest, and that every line is a content line (a line folded without its leading space is
 * refused at that line). Then every value Debrief would use is checked: a real date and time, a time
 * zone it can follow (an IANA or Windows name, or the file's own VTIMEZONE when its rules are plain
 * yearly ones), and links: a meeting link that is not http(s) refuses the whole invitation, at its
 * line. Any refusal is a list of located problems and nothing else: nothing is written.
 */
import ICAL from 'ical.js';
import { isValidDate } from '../dates';
import { isWebLink } from '../links';
import { FILE_START, Problem, Range } from '../problems';
import { shown } from '../text/shown';
import { INVITATION_LIMITS } from './limits';
import { canonicalTimeZone, TimeZone, utcToZoned, zonedToUtc } from '../time-zones';

export { INVITATION_LIMITS } from './limits';

export interface Person {
  name?: string;
  email?: string;
}

export interface InvitationEvent {
  uid: string;
  /** SEQUENCE: 0 for the first version, higher for each update. */
  sequence: number;
  /** METHOD:CANCEL or STATUS:CANCELLED. */
  cancelled: boolean;
  summary: string;
  description?: string;
  organizer?: Person;
  /** The attendees, rooms and resources aside. */
  attendees: Person[];
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM, none for an all-day event. */
  time?: string;
  /** The zone of `time` (canonical); none for a floating time. */
  timeZone?: TimeZone;
  /** Minutes, when the event lasts from 1 minute to 24 hours. */
  duration?: number;
  location?: string;
  link?: string;
  /** 0-based line where the event starts. */
  line: number;
}

export interface Invitation {
  /** METHOD, upper case (REQUEST, CANCEL, PUBLISH…), when given. */
  method?: string;
  /** PRODID: the tool that wrote it. */
  producer?: string;
  events: InvitationEvent[];
}

export type InvitationRead = { ok: true; invitation: Invitation } | { ok: false; problems: Problem[] };

export interface InvitationOptions {
  /** The user's zone: a time given in UTC, or in a zone known only from the file's VTIMEZONE, is written in it. */
  localZone: TimeZone;
}

/** A content line after unfolding: its name, its first physical line, its text. */
interface Scanned {
  name: string;
  line: number;
  content: string;
}

/** Where the properties Debrief uses sit, per event (0-based physical lines). */
interface EventLines {
  start: number;
  props: Map<string, number>;
}

const LINK_PROPERTIES = ['X-GOOGLE-CONFERENCE', 'X-MICROSOFT-SKYPETEAMSMEETINGURL', 'URL', 'CONFERENCE'];

class Refused {
  constructor(readonly problems: Problem[]) {}
}

/** Reads an invitation's bytes or text. Never throws. */
export function readInvitation(file: string, input: string | Uint8Array, options: InvitationOptions): InvitationRead {
  const at = (line: number, message: string, code = 'bad-invitation'): Problem => ({ file, range: lineRange(line), severity: 'error', code, message });
  try {
    const size = typeof input === 'string' ? input.length : input.byteLength;
    if (size > INVITATION_LIMITS.bytes) {
      throw new Refused([{ file, range: FILE_START, severity: 'error', code: 'over-limit', message: `The file has ${size.toLocaleString('en')} bytes; an invitation has at most ${INVITATION_LIMITS.bytes.toLocaleString('en')} (limit: size). Is this a whole calendar export rather than one invitation?` }]);
    }
    const text = (typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input)).replace(/^\uFEFF/, '');
    const { events: lines, error } = scan(text);
    if (error) throw new Refused([at(error.line, error.message, error.code)]);
    let jcal: unknown;
    try {
      jcal = ICAL.parse(text);
    } catch (e) {
      throw new Refused([{ file, range: FILE_START, severity: 'error', code: 'bad-invitation', message: `This is not an iCalendar file Debrief can read: ${shown(String((e as Error)?.message ?? e), 160)}.` }]);
    }
    const root = new ICAL.Component(Array.isArray(jcal) && typeof jcal[0] === 'string' ? (jcal as unknown[]) : (jcal as unknown[])[0] as unknown[]);
    if (root.name !== 'vcalendar') throw new Refused([at(0, 'The file does not start with BEGIN:VCALENDAR: it is not a calendar invitation.')]);
    const method = str(root.getFirstPropertyValue('method'))?.toUpperCase();
    const zones = new Map<string, ICAL.Component>();
    for (const tz of root.getAllSubcomponents('vtimezone')) {
      const id = str(tz.getFirstPropertyValue('tzid'));
      if (id) zones.set(id, tz);
    }
    const vevents = root.getAllSubcomponents('vevent');
    if (!vevents.length) throw new Refused([at(0, 'The file holds no event (no BEGIN:VEVENT): there is no interview to add.')]);
    const problems: Problem[] = [];
    const events: InvitationEvent[] = [];
    vevents.forEach((ve, i) => {
      const where = lines[i] ?? { start: 0, props: new Map() };
      const lineOf = (name: string) => where.props.get(name) ?? where.start;
      // An exception to a repeating event (RECURRENCE-ID) changes one occurrence of an event of the same file: the event itself is what a round records.
      if (ve.getFirstProperty('recurrence-id')) return;
      try {
        events.push(readEvent(ve, method, zones, options, where.start, lineOf, at));
      } catch (e) {
        if (e instanceof Refused) problems.push(...e.problems);
        else throw e;
      }
    });
    if (problems.length) return { ok: false, problems };
    return { ok: true, invitation: { method, producer: str(root.getFirstPropertyValue('prodid')), events } };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problems: e.problems };
    return { ok: false, problems: [{ file, range: FILE_START, severity: 'error', code: 'bad-invitation', message: `The invitation could not be read: ${shown(String((e as Error)?.message ?? e), 160)}.` }] };
  }
}

function lineRange(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 1 } };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * One linear pass over the lines: unfolding, the name of every content line, components opened and
 * closed in order, within the limits; where each event's properties are.
 */
function scan(text: string): { events: EventLines[]; error?: { line: number; message: string; code?: string } } {
  const physical = text.split(/\r\n|\n|\r/);
  const events: EventLines[] = [];
  const stack: string[] = [];
  let logical = 0, components = 0;
  let current: Scanned | undefined;
  let event: EventLines | undefined;
  const fail = (line: number, message: string, code?: string) => ({ events, error: { line, message, code } });
  const finish = (s: Scanned, content: string): { line: number; message: string; code?: string } | undefined => {
    if (++logical > INVITATION_LIMITS.lines) return { line: s.line, message: `More than ${INVITATION_LIMITS.lines.toLocaleString('en')} lines (limit: lines): this is not one invitation.`, code: 'over-limit' };
    const value = contentValue(content);
    if (value === undefined) return { line: s.line, message: `Line ${s.line + 1} is not an iCalendar line ("NAME:value"): "${shown(content, 60)}". A long line folded without a space at the start of its continuation? Nothing was added.` };
    if (s.name === 'BEGIN') {
      const name = value.trim().toUpperCase();
      if (++components > INVITATION_LIMITS.components) return { line: s.line, message: `More than ${INVITATION_LIMITS.components} components (limit: components): this is not one invitation.`, code: 'over-limit' };
      if (stack.length >= INVITATION_LIMITS.depth) return { line: s.line, message: `Components nest more than ${INVITATION_LIMITS.depth} deep here (limit: depth): an invitation nests at most 3 (VCALENDAR, VEVENT, VALARM).`, code: 'over-limit' };
      if (stack.length === 0 && name !== 'VCALENDAR') return { line: s.line, message: `The file starts with BEGIN:${shown(name, 30)}, not BEGIN:VCALENDAR: it is not a calendar invitation.` };
      stack.push(name);
      if (name === 'VEVENT' && stack.length === 2) {
        if (events.length >= INVITATION_LIMITS.events) return { line: s.line, message: `More than ${INVITATION_LIMITS.events} events (limit: events): this looks like a whole calendar, not an invitation.`, code: 'over-limit' };
        event = { start: s.line, props: new Map() };
        events.push(event);
      }
    } else if (s.name === 'END') {
      const name = value.trim().toUpperCase();
      const open = stack.pop();
      if (open !== name) return { line: s.line, message: open ? `END:${shown(name, 30)} closes BEGIN:${open}. Fix the file or ask for the invitation again.` : `END:${shown(name, 30)} without a BEGIN.` };
      if (name === 'VEVENT') event = undefined;
    } else if (stack.length === 0) {
      return { line: s.line, message: 'A line outside BEGIN:VCALENDAR … END:VCALENDAR.' };
    } else if (event && stack.length === 2 && !event.props.has(s.name)) event.props.set(s.name, s.line);
    return undefined;
  };
  for (let i = 0; i < physical.length; i++) {
    const l = physical[i];
    if (l.length && (l.charCodeAt(0) === 0x20 || l.charCodeAt(0) === 0x09)) {
      if (!current) return fail(i, `Line ${i + 1} continues a line that is not there (it starts with a space).`);
      current.content += l.slice(1);
      continue;
    }
    if (current) {
      const error = finish(current, current.content);
      if (error) return fail(error.line, error.message, error.code);
    }
    if (!l.length) {
      current = undefined;
      continue;
    }
    current = { name: nameOf(l), line: i, content: l };
  }
  if (current) {
    const error = finish(current, current.content);
    if (error) return fail(error.line, error.message, error.code);
  }
  if (stack.length) return fail(physical.length - 1, `BEGIN:${stack[stack.length - 1]} is never closed: the file is cut short. Ask for the invitation again.`);
  if (!components) return fail(0, 'The file holds no BEGIN:VCALENDAR: it is not a calendar invitation.');
  return { events };
}

/** The property name of a line (upper case), up to the first ";" or ":". */
function nameOf(line: string): string {
  let end = 0;
  while (end < line.length && end < 100 && line[end] !== ';' && line[end] !== ':') end++;
  return line.slice(0, end).toUpperCase();
}

/** The value of a content line (after the ":" that ends its name and parameters; a ":" in a quoted parameter does not), or undefined when it is none. */
function contentValue(line: string): string | undefined {
  let i = 0;
  while (i < line.length && /[A-Za-z0-9-]/.test(line[i])) i++;
  if (i === 0) return undefined;
  if (line[i] === ':') return line.slice(i + 1);
  if (line[i] !== ';') return undefined;
  let quoted = false;
  for (i++; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return line.slice(i + 1);
  }
  return undefined;
}

type At = (line: number, message: string, code?: string) => Problem;

function readEvent(ve: ICAL.Component, method: string | undefined, zones: Map<string, ICAL.Component>, options: InvitationOptions, start: number, lineOf: (name: string) => number, at: At): InvitationEvent {
  const refuse = (name: string, message: string, code?: string): never => {
    throw new Refused([at(lineOf(name), message, code)]);
  };
  const uid = str(ve.getFirstPropertyValue('uid'));
  if (!uid) refuse('UID', 'The event has no UID, so a later update or cancellation could not find it. Ask for the invitation again.');
  if ((uid as string).length > 1000) refuse('UID', 'The event\'s UID is longer than 1,000 characters (limit: UID).', 'over-limit');
  const seq = ve.getFirstPropertyValue('sequence');
  const sequence = typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? seq : 0;
  const status = str(ve.getFirstPropertyValue('status'))?.toUpperCase();

  const dtstart = ve.getFirstProperty('dtstart');
  if (!dtstart) refuse('DTSTART', 'The event has no DTSTART: it does not say when it takes place.');
  const when = timeOf(dtstart as ICAL.Property, 'DTSTART', zones, options, refuse);
  let duration: number | undefined;
  const dtend = ve.getFirstProperty('dtend');
  const dur = ve.getFirstPropertyValue('duration');
  if (!when.allDay) {
    let minutes: number | undefined;
    if (dtend) {
      const end = timeOf(dtend, 'DTEND', zones, options, refuse);
      if (!end.allDay) minutes = Math.round((end.instant - when.instant) / 60000);
    } else if (dur instanceof ICAL.Duration) minutes = Math.round(dur.toSeconds() / 60);
    if (minutes !== undefined && minutes >= 1 && minutes <= 1440) duration = minutes;
  }

  let link: string | undefined;
  for (const name of LINK_PROPERTIES) {
    for (const p of ve.getAllProperties(name.toLowerCase())) {
      const feature = String(p.getFirstParameter('feature') ?? '').toUpperCase();
      // A conference's phone number (FEATURE=PHONE, tel:) is no meeting link.
      if (name === 'CONFERENCE' && feature && !feature.includes('VIDEO')) continue;
      const v = String(p.getFirstValue() ?? '').trim();
      if (!v) continue;
      if (!isWebLink(v)) refuse(name, `The invitation's ${name} is "${shown(v, 60)}", not an http or https address. Debrief keeps only web links as meeting links; nothing was added.`, 'bad-link');
      link ??= v;
    }
  }
  let location = str(ve.getFirstPropertyValue('location'));
  // A location that is a link (a scheme and "//", or a scheme that runs or embeds something): the
  // meeting link when it is a web address, a phone number as it is; any other link is refused. A place
  // such as "HQ:3rd floor" is text.
  if (location && (/^[a-z][a-z0-9+.-]*:\/\//i.test(location) || /^(?:javascript|vbscript|data|file|blob):/i.test(location))) {
    if (isWebLink(location)) {
      link ??= location;
      location = undefined;
    } else refuse('LOCATION', `The invitation's location is a link, "${shown(location, 60)}", and not an http or https address. Nothing was added.`, 'bad-link');
  }
  const description = str(ve.getFirstPropertyValue('description'));
  // Tools that give no link property write it into the description (Calendly, Zoom): the first web address of a known meeting service.
  link ??= description ? meetingLinkIn(description) : undefined;

  const organizerProp = ve.getFirstProperty('organizer');
  const organizer = organizerProp ? person(organizerProp) : undefined;
  const attendees: Person[] = [];
  for (const a of ve.getAllProperties('attendee')) {
    const cutype = String(a.getFirstParameter('cutype') ?? 'INDIVIDUAL').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE') continue;
    const p = person(a);
    if (p.name || p.email) attendees.push(p);
  }
  return {
    uid: uid as string, sequence, cancelled: method === 'CANCEL' || status === 'CANCELLED',
    summary: str(ve.getFirstPropertyValue('summary')) ?? '',
    description: description ? description.slice(0, INVITATION_LIMITS.description) : undefined,
    organizer, attendees, date: when.date, time: when.time, timeZone: when.zone, duration, location, link, line: start,
  };
}

/** A name and an email from an ORGANIZER or ATTENDEE (`CN=Priya Sharma:mailto:priya@globex.com`). */
function person(p: ICAL.Property): Person {
  const name = str(p.getFirstParameter('cn'))?.replace(/^"|"$/g, '');
  const value = String(p.getFirstValue() ?? '').trim();
  const email = /^mailto:/i.test(value) ? value.slice(7).trim() : value.includes('@') ? value : undefined;
  return { ...(name ? { name: name.slice(0, 200) } : {}), ...(email ? { email: email.slice(0, 200) } : {}) };
}

const MEETING_HOSTS = /https?:\/\/(?:[a-z0-9-]+\.)*(?:zoom\.us|zoomgov\.com|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com|chime\.aws|meet\.jit\.si|bluejeans\.com|gotomeeting\.com|meet\.goto\.com)\/[^\s<>"')\]]*/i;

/** The first link of a known meeting service in a text. */
export function meetingLinkIn(text: string): string | undefined {
  const m = MEETING_HOSTS.exec(text.length > 100_000 ? text.slice(0, 100_000) : text);
  const link = m?.[0].replace(/[.,;]+$/, '');
  return link && isWebLink(link) ? link : undefined;
}

interface When {
  allDay: boolean;
  date: string;
  time?: string;
  zone?: TimeZone;
  /** The instant, or for a floating time the wall clock read as UTC (differences stay right). */
  instant: number;
}

/**
 * A DTSTART or DTEND: a date; a time in UTC (written in the user's zone); a time in a zone Debrief
 * knows (kept in that zone); in a zone only the file's VTIMEZONE defines (converted to the user's);
 * or floating.
 */
function timeOf(p: ICAL.Property, name: string, zones: Map<string, ICAL.Component>, options: InvitationOptions, refuse: (name: string, message: string, code?: string) => never): When {
  // The value as written (jCal's form, YYYY-MM-DD[THH:MM:SS[Z]]), checked before ical.js's Time, which rolls a 13th month over into the next year.
  const raw = (p.toJSON() as unknown[])[3];
  const m = typeof raw === 'string' ? /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})Z?)?$/.exec(raw) : null;
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!m || !isValidDate(date) || +m[1] < 1900 || +m[1] > 2200) return refuse(name, `${name} is not a real date${typeof raw === 'string' ? ` ("${shown(raw, 40)}")` : ''}. Ask for the invitation again.`, 'bad-date');
  if (m[4] !== undefined && (+m[4] > 23 || +m[5] > 59 || +m[6] > 60)) return refuse(name, `${name} is not a real time of day (${m[4]}:${m[5]}). Ask for the invitation again.`, 'bad-date');
  const v = p.getFirstValue();
  if (!(v instanceof ICAL.Time)) return refuse(name, `${name} is not a date or a date and time.`, 'bad-date');
  const pad = (n: number) => String(n).padStart(2, '0');
  if (v.isDate) return { allDay: true, date, instant: Date.UTC(v.year, v.month - 1, v.day) };
  const time = `${pad(v.hour)}:${pad(v.minute)}`;
  const tzid = str(p.getFirstParameter('tzid'));
  const wall = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute);
  const inLocal = (instant: number): When => {
    const local = utcToZoned(instant, options.localZone);
    return { allDay: false, date: local.date, time: local.time, zone: options.localZone, instant };
  };
  if (!tzid) return v.zone?.tzid === 'UTC' ? inLocal(wall) : { allDay: false, date, time, instant: wall };
  const known = canonicalTimeZone(tzid);
  if (known) return { allDay: false, date, time, zone: known, instant: zonedToUtc(date, time, known) };
  const definition = zones.get(tzid);
  if (definition && followable(definition)) {
    const tz = new ICAL.Timezone(definition);
    const t = new ICAL.Time({ year: v.year, month: v.month, day: v.day, hour: v.hour, minute: v.minute, second: 0, isDate: false }, tz);
    return inLocal(t.toUnixTime() * 1000);
  }
  return refuse(name, `The time zone "${shown(tzid, 60)}" is not one Debrief knows${definition ? ', and the file defines it with rules Debrief does not follow' : ', and the file does not define it'}. Nothing was added.`, 'unknown-timezone');
}

/** A VTIMEZONE whose rules are plain: a few observances, each once or repeating yearly (what calendar tools write). */
function followable(tz: ICAL.Component): boolean {
  const parts = [...tz.getAllSubcomponents('standard'), ...tz.getAllSubcomponents('daylight')];
  if (!parts.length || parts.length > 20) return false;
  return parts.every((o) => {
    const start = o.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time) || start.year < 1600 || start.year > 2200) return false;
    if (!(o.getFirstPropertyValue('tzoffsetto') instanceof ICAL.UtcOffset)) return false;
    const rules = o.getAllProperties('rrule');
    if (rules.length > 1 || o.getAllProperties('rdate').length > 50) return false;
    const rule = rules[0]?.getFirstValue();
    if (!rules.length) return true;
    if (!(rule instanceof ICAL.Recur) || rule.freq !== 'YEARLY' || (rule.interval ?? 1) !== 1) return false;
    // A change of offset once a year: a month, a weekday, days of the month; never hours, minutes or
    // seconds, which would have the parser walk through every second of four centuries.
    const parts = Object.entries(rule.parts as Record<string, unknown[] | undefined>);
    return parts.every(([k, v]) => (k === 'BYMONTH' || k === 'BYDAY' || k === 'BYMONTHDAY') && Array.isArray(v) && v.length <= 7);
  });
}
