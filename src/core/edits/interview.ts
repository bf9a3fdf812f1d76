/** Edits of one interview file, and the text of a new one. */
import { stringify } from 'yaml';
import { uniqueId } from '../ids';
import { CITATION_SOURCES, CitationSource, OUTCOMES, Outcome, ROUND_TYPES, RoundType, STAGES, Stage, type Round } from '../model';
import { DEFAULT_JOURNAL_FOLDER, JournalLayout } from '../journal/layout';
import { FILE_START, Problem } from '../problems';
import { isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import { clean, Editor, fail, run, scalarOf, Value } from '../yaml/splice';
import { clockTime, roundDate } from '../times';
import { canonicalTimeZone } from '../time-zones';
import { isWebLink } from '../links';
import { shown } from '../text/shown';
import type { EditResult } from '../yaml/text-edits';
import { checkDate, checkEnum, checkId, firstFailure } from './checks';

export interface NewInterview {
  company: string;
  role: string;
  id?: string;
  applied?: string;
  source?: string;
  stage?: Stage;
  outcome?: Outcome;
  tags?: string[];
}

/** A new interview file: its id (unique among `existingIds`), path and text. */
export function createInterview(data: NewInterview, options: { journalFolder?: string; existingIds?: Iterable<string>; eol?: '\n' | '\r\n' } = {}):
  { ok: true; id: string; path: string; text: string } | { ok: false; problems: Problem[] } {
  const bad = firstFailure(
    data.company.trim() ? undefined : fail('empty-value', 'The company must not be empty.'),
    data.role.trim() ? undefined : fail('empty-value', 'The role must not be empty.'),
    data.id !== undefined ? checkId(data.id, 'interview') : undefined,
    checkDate(data.applied, 'Applied date'), checkEnum(data.stage, STAGES, 'stage'), checkEnum(data.outcome, OUTCOMES, 'outcome'),
  );
  if (bad && !bad.ok) return bad;
  const taken = new Set(options.existingIds ?? []);
  if (data.id !== undefined && taken.has(data.id)) return { ok: false, problems: [{ file: '', range: FILE_START, severity: 'error', code: 'duplicate-id', message: `An interview with id "${data.id}" already exists.`, data: { id: data.id } }] };
  const id = data.id ?? uniqueId(`${data.company} ${data.role}`, taken);
  const body = stringify(clean({
    id, company: data.company, role: data.role, applied: data.applied, source: data.source, stage: data.stage, outcome: data.outcome ?? 'pending', tags: data.tags,
  }), { lineWidth: 0 });
  const header = `# ${data.company.replace(/\s+/g, ' ')}: ${data.role.replace(/\s+/g, ' ')}\n# Add rounds, feedback and the weaknesses this application revealed (see the journal format docs).\n`;
  const eol = options.eol ?? '\n';
  return { ok: true, id, path: new JournalLayout(options.journalFolder ?? DEFAULT_JOURNAL_FOLDER).interviewPath(id), text: (header + body).split('\n').join(eol) };
}

export interface NewRound extends RoundSchedule {
  type: RoundType;
  interviewers?: string[];
  rating?: number;
  questions?: string[];
  wentWell?: string;
  wentBadly?: string;
}

/** When and where a round takes place, and the invitation it came from: the fields of a round the calendar writes (the model's meanings). */
export type RoundSchedule = Pick<Round, 'date' | 'time' | 'timeZone' | 'duration' | 'location' | 'link' | 'invitation'>;

/** The checks of a schedule's values, before any text is touched. */
function checkSchedule(r: RoundSchedule): EditResult | undefined {
  return firstFailure(
    checkDate(r.date, 'Round date'),
    r.time !== undefined && clockTime(r.time) !== r.time ? fail('bad-time', `"${r.time}" is not a time: write HH:MM on the 24-hour clock, e.g. 14:30.`, { value: r.time }) : undefined,
    r.timeZone !== undefined && !canonicalTimeZone(r.timeZone) ? fail('unknown-timezone', `"${r.timeZone}" is not a time zone Debrief knows: write an IANA name such as Europe/Berlin.`, { value: r.timeZone }) : undefined,
    r.duration !== undefined && (!Number.isInteger(r.duration) || r.duration < 1 || r.duration > 1440) ? fail('out-of-range', 'The duration must be a whole number of minutes from 1 to 1440.', { value: r.duration }) : undefined,
    r.link !== undefined && !isWebLink(r.link) ? fail('bad-link', `Only http:// and https:// addresses are kept as meeting links, not "${shown(r.link, 80)}".`, { value: r.link }) : undefined,
    r.invitation !== undefined && (!r.invitation.uid || (r.invitation.sequence !== undefined && (!Number.isInteger(r.invitation.sequence) || r.invitation.sequence < 0)))
      ? fail('bad-invitation', 'An invitation needs its UID, and a SEQUENCE that is a whole number from 0.') : undefined,
  );
}

/** The keys of a schedule, in the order a round writes them. */
function scheduleKeys(r: RoundSchedule): { [k: string]: Value | undefined } {
  return {
    date: r.date, time: r.time, timezone: r.timeZone, duration: r.duration, location: r.location, link: r.link,
  };
}

function invitationValue(inv: RoundSchedule['invitation']): Value | undefined {
  return inv ? clean({ uid: inv.uid, sequence: inv.sequence }) : undefined;
}

export function addRound(text: string, round: NewRound): EditResult {
  const bad = firstFailure(checkEnum(round.type, ROUND_TYPES, 'round type'), checkSchedule(round),
    round.rating !== undefined && (!Number.isInteger(round.rating) || round.rating < 1 || round.rating > 5) ? fail('out-of-range', 'The rating must be a whole number from 1 to 5.') : undefined);
  if (bad) return bad;
  return run(text, (ed) => {
    ed.append(['rounds'], clean({
      type: round.type, ...scheduleKeys(round), interviewers: round.interviewers, rating: round.rating, questions: round.questions,
      'went-well': round.wentWell, 'went-badly': round.wentBadly, invitation: invitationValue(round.invitation),
    }));
  });
}

/** The round (0-based index) that came from the invitation `uid`, or -1. */
function roundOfInvitation(ed: Editor, uid: string): number {
  return ed.list(['rounds']).findIndex((r) => {
    const inv: unknown = isMap(r) ? r.get('invitation', true) : undefined;
    return isMap(inv) && scalarOf(inv as YAMLMap, 'uid') === uid;
  });
}

/**
 * An update of the invitation a round came from: the round `roundNumber` (1-based), which must still
 * carry the invitation's UID, gets the new schedule and sequence: its date, time, zone and duration
 * as the update gives them (a time the update no longer has is removed), its location and link when
 * the update has them; a cancelled round is scheduled again. The interviewers are replaced only when
 * the update names some.
 */
export function updateRoundSchedule(text: string, roundNumber: number, schedule: RoundSchedule & { interviewers?: string[] }): EditResult {
  const uid = schedule.invitation?.uid;
  const bad = checkSchedule(schedule) ?? (uid ? undefined : fail('bad-invitation', 'An update needs the invitation\'s UID.'));
  if (bad) return bad;
  return run(text, (ed) => {
    const i = roundOfInvitation(ed, uid as string);
    if (i !== roundNumber - 1) return fail('stale', `The file changed: round ${roundNumber} no longer comes from this invitation. Nothing was changed; try again.`);
    // When it starts and how long it lasts follow the invitation; a location or link written by hand stays when the update has none.
    for (const [k, v] of Object.entries(scheduleKeys(schedule))) {
      if (v !== undefined) ed.set(['rounds', i, k], v);
      else if (k === 'time' || k === 'timezone' || k === 'duration') ed.removeKey(['rounds', i], k);
    }
    if (schedule.interviewers?.length) ed.set(['rounds', i, 'interviewers'], schedule.interviewers);
    ed.removeKey(['rounds', i], 'cancelled');
    if (schedule.invitation?.sequence !== undefined) ed.set(['rounds', i, 'invitation', 'sequence'], schedule.invitation.sequence);
    return undefined;
  });
}

/** The organizer cancelled the invitation round `roundNumber` came from: the round is marked `cancelled: true`. */
export function cancelRound(text: string, roundNumber: number, invitation: { uid: string; sequence?: number }): EditResult {
  return run(text, (ed) => {
    const i = roundOfInvitation(ed, invitation.uid);
    if (i !== roundNumber - 1) return fail('stale', `The file changed: round ${roundNumber} no longer comes from this invitation. Nothing was changed; try again.`);
    ed.set(['rounds', i, 'cancelled'], true);
    if (invitation.sequence !== undefined) ed.set(['rounds', i, 'invitation', 'sequence'], invitation.sequence);
    return undefined;
  });
}

/** How a round went, recorded after it happened. */
export interface RoundRecord {
  /** Added to the round's interviewers unless already there. */
  interviewer?: string;
  rating?: number;
  wentWell?: string;
  wentBadly?: string;
}

/**
 * Records how round `roundNumber` (1-based) went: a round written down before it happened (scheduled)
 * gets its interviewer, rating and what went well and badly. `seen` (its type and date as shown)
 * must still match.
 */
export function recordRound(text: string, roundNumber: number, record: RoundRecord, seen?: Seen): EditResult {
  const bad = record.rating !== undefined && (!Number.isInteger(record.rating) || record.rating < 1 || record.rating > 5) ? fail('out-of-range', 'The rating must be a whole number from 1 to 5.') : undefined;
  if (bad) return bad;
  return run(text, (ed) => {
    const rounds = ed.list(['rounds']);
    if (!Number.isInteger(roundNumber) || roundNumber < 1 || roundNumber > rounds.length) return fail('round-out-of-range', `There is no round ${roundNumber}.`);
    const round = rounds[roundNumber - 1];
    const changed = stale(round, seen, `round ${roundNumber}`);
    if (changed) return changed;
    const at = ['rounds', roundNumber - 1];
    if (record.interviewer !== undefined) {
      const who = ed.get([...at, 'interviewers']);
      const names = isSeq(who) ? who.items.map((n) => (isScalar(n) ? String(n.value) : '')) : [];
      if (!names.includes(record.interviewer)) {
        if (who === undefined || isSeq(who)) ed.append([...at, 'interviewers'], record.interviewer);
        else return fail('edit-refused', `The interviewers of round ${roundNumber} are not a list; fix them by hand first.`);
      }
    }
    if (record.rating !== undefined) ed.set([...at, 'rating'], record.rating);
    if (record.wentWell !== undefined) ed.set([...at, 'went-well'], record.wentWell);
    if (record.wentBadly !== undefined) ed.set([...at, 'went-badly'], record.wentBadly);
    return undefined;
  });
}

/** What the user saw of a round or a citation when choosing it: the edit checks it is still there. */
export interface Seen {
  [key: string]: string | number | undefined;
}

/** Refuses when the record at a position is not the one the user chose (the file changed meanwhile). */
function stale(node: unknown, seen: Seen | undefined, what: string): EditResult | undefined {
  if (!seen) return undefined;
  for (const [k, v] of Object.entries(seen)) {
    if (v === undefined) continue;
    const actual = isMap(node) ? scalarOf(node, k) : undefined;
    // A round's date may be written with its start time: the date the user saw is its first part.
    if (actual !== v && !(k === 'date' && roundDate(actual)?.date === v)) {
      return fail('stale', `The file changed since you chose ${what}: it is not where it was. Nothing was changed; try again.`, { seen });
    }
  }
  return undefined;
}

/**
 * Deletes round `roundNumber` (1-based) and renumbers the citations of later rounds; citations of the
 * deleted round lose their `round`. `seen` (its type and date as shown) must still match.
 */
export function deleteRound(text: string, roundNumber: number, seen?: Seen): EditResult {
  return run(text, (ed) => {
    const rounds = ed.list(['rounds']);
    if (!Number.isInteger(roundNumber) || roundNumber < 1 || roundNumber > rounds.length) return fail('round-out-of-range', `There is no round ${roundNumber}.`);
    const changed = stale(rounds[roundNumber - 1], seen, `round ${roundNumber}`);
    if (changed) return changed;
    ed.removeItem(['rounds'], roundNumber - 1);
    ed.list(['weaknesses']).forEach((c, i) => {
      if (!isMap(c)) return;
      const r = scalarOf(c, 'round');
      if (typeof r !== 'number') return;
      if (r === roundNumber) ed.removeKey(['weaknesses', i], 'round');
      else if (r > roundNumber) ed.set(['weaknesses', i, 'round'], r - 1);
    });
    return undefined;
  });
}

export function setOutcome(text: string, outcome: Outcome): EditResult {
  return checkEnum(outcome, OUTCOMES, 'outcome') ?? run(text, (ed) => ed.set(['outcome'], outcome));
}

export function setStage(text: string, stage: Stage): EditResult {
  return checkEnum(stage, STAGES, 'stage') ?? run(text, (ed) => ed.set(['stage'], stage));
}

/** Removes the `stage` key: Debrief works the stage out from the rounds and the outcome. */
export function removeStage(text: string): EditResult {
  return run(text, (ed) => ed.removeKey([], 'stage'));
}

export function recordFeedbackRequested(text: string, date: string): EditResult {
  return checkDate(date, 'Request date') ?? run(text, (ed) => ed.set(['feedback'], { requested: date }));
}

/** No reminder to follow up on the feedback request before `until`. */
export function snoozeFollowUp(text: string, until: string): EditResult {
  return checkDate(until, 'Snooze date') ?? run(text, (ed) => ed.set(['feedback', 'snoozed'], until));
}

/** No more reminders to follow up on the feedback request, from `on`. */
export function dismissFollowUp(text: string, on: string): EditResult {
  return checkDate(on, 'Dismissal date') ?? run(text, (ed) => ed.set(['feedback', 'dismissed'], on));
}

export function recordFeedbackReceived(text: string, fb: { received: string; summary?: string; quotes?: string[] }): EditResult {
  const received = fb.received;
  return checkDate(received, 'Reception date') ?? run(text, (ed) => {
    ed.set(['feedback', 'received'], received);
    if (fb.summary !== undefined) ed.set(['feedback', 'summary'], fb.summary);
    for (const q of fb.quotes ?? []) ed.append(['feedback', 'quotes'], q);
  });
}

export interface NewCitation {
  weakness: string;
  round?: number;
  source?: CitationSource;
  quote?: string;
}

export function citeWeakness(text: string, c: NewCitation): EditResult {
  const bad = firstFailure(checkId(c.weakness, 'weakness'), checkEnum(c.source, CITATION_SOURCES, 'source'),
    c.round !== undefined && (!Number.isInteger(c.round) || c.round < 1) ? fail('out-of-range', 'The round must be a whole number from 1.') : undefined);
  if (bad) return bad;
  return run(text, (ed) => {
    if (c.round !== undefined && c.round > ed.list(['rounds']).length) return fail('round-out-of-range', `There is no round ${c.round} in this interview.`, { round: c.round });
    ed.append(['weaknesses'], clean({ weakness: c.weakness, round: c.round, source: c.source, quote: c.quote }));
    return undefined;
  });
}

/**
 * Removes a citation, by its 0-based index or the first citing the weakness id. With an index, `seen`
 * (the weakness id and round as shown) must still match.
 */
export function unciteWeakness(text: string, which: number | string, seen?: Seen): EditResult {
  return run(text, (ed) => {
    const i = typeof which === 'number' ? which : ed.indexWhere(['weaknesses'], 'weakness', which);
    if (i < 0 || i >= ed.list(['weaknesses']).length) return fail('unknown-weakness', `This interview does not cite ${typeof which === 'number' ? `#${which + 1}` : `"${which}"`}.`);
    const changed = stale(ed.list(['weaknesses'])[i], seen, 'this citation');
    if (changed) return changed;
    ed.removeItem(['weaknesses'], i);
    return undefined;
  });
}

/** Sets the next step's action and due date (what is given); the rest of `next` stays as written. */
export function setNext(text: string, next: { action?: string; due?: string }): EditResult {
  return checkDate(next.due, 'Due date') ?? run(text, (ed) => ed.set(['next'], clean(next)));
}

/** Removes the next step: it is done (git keeps it, one Undo brings it back). */
export function removeNext(text: string): EditResult {
  return run(text, (ed) => ed.removeKey([], 'next'));
}
