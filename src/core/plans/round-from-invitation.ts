/**
 * Add Round from Invitation: what each event of an invitation does to the journal (a new round, an
 * update or a cancellation of the round it added before, or nothing), which interview it most likely
 * belongs to, what kind of round it is, and the plan: every change as one (one Undo), through the
 * same edits as Add Round.
 */
import type { InvitationEvent } from '../calendar/invitation';
import { addRound, cancelRound, createInterview, NewInterview, RoundSchedule, updateRoundSchedule } from '../edits/interview';
import type { JournalIndex } from '../journal/journal-index';
import { Interview, isClosed, Round, RoundType } from '../model';
import { applyEdits, chain, EditResult } from '../yaml/text-edits';
import { FileChange, inFile, Plan, refused, Texts } from './plan';

/** What an event of an invitation does. */
export type InvitationAction =
  | { kind: 'add'; event: InvitationEvent }
  | { kind: 'update' | 'cancel'; event: InvitationEvent; interview: Interview; round: Round }
  /** Already in the journal as it is (the same invitation opened again). */
  | { kind: 'unchanged'; event: InvitationEvent; interview: Interview; round: Round }
  /** An older version than the one the journal holds (a later update was added already). */
  | { kind: 'older'; event: InvitationEvent; interview: Interview; round: Round }
  /** The cancellation of an invitation the journal never added. */
  | { kind: 'cancel-unknown'; event: InvitationEvent };

/** The round an invitation added before, by the invitation's UID. */
export function roundOfInvitation(index: JournalIndex, uid: string): { interview: Interview; round: Round } | undefined {
  for (const interview of index.interviews()) {
    for (const round of interview.rounds) if (round.invitation?.uid === uid) return { interview, round };
  }
  return undefined;
}

/** The schedule a round gets from an event. */
export function scheduleOf(event: InvitationEvent): RoundSchedule {
  return {
    date: event.date, time: event.time, timeZone: event.time ? event.timeZone : undefined, duration: event.duration,
    location: event.location, link: event.link, invitation: { uid: event.uid, sequence: event.sequence },
  };
}

function sameSchedule(r: Round, e: InvitationEvent): boolean {
  return r.date === e.date && r.time === e.time && (r.time ? r.timeZone : undefined) === (e.time ? e.timeZone : undefined) && r.duration === e.duration
    && (e.location === undefined || r.location === e.location) && (e.link === undefined || r.link === e.link);
}

/** What an event does to the journal: add, update, cancel, nothing (unchanged or older), or cannot (a cancellation of an unknown invitation). */
export function invitationAction(index: JournalIndex, event: InvitationEvent): InvitationAction {
  const found = roundOfInvitation(index, event.uid);
  if (!found) return event.cancelled ? { kind: 'cancel-unknown', event } : { kind: 'add', event };
  const stored = found.round.invitation?.sequence ?? 0;
  if (event.sequence < stored) return { kind: 'older', event, ...found };
  if (event.cancelled) return found.round.cancelled && event.sequence === stored ? { kind: 'unchanged', event, ...found } : { kind: 'cancel', event, ...found };
  if (!found.round.cancelled && event.sequence === stored && sameSchedule(found.round, event)) return { kind: 'unchanged', event, ...found };
  return { kind: 'update', event, ...found };
}

/** Company names without their legal form, lower case, letters and digits only: "Globex Corporation" → "globex". */
function companyKey(company: string): string {
  return company.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(?:inc|incorporated|llc|ltd|limited|gmbh|ag|se|sa|sas|bv|nv|plc|corp|corporation|co|company|kg|oy|ab|as|srl|spa)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

/** Letters and digits of a text, lower case (so "Globex, Inc." and "GLOBEX inc" both hold "globex"). */
function squashed(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '');
}

/** Domains that say nothing about the company (mail providers, calendar and scheduling tools). */
const GENERIC_DOMAINS = /(?:^|\.)(?:gmail|googlemail|google|outlook|hotmail|live|yahoo|icloud|me|proton|protonmail|calendly|goodtime|greenhouse|lever|ashbyhq|zoom|microsoft|office365|calendar)\.[a-z.]+$/;

/**
 * The interviews an event most likely belongs to, best first: the company named in the summary, the
 * location or the organizer's name, or the domain of the organizer's or an attendee's address; open
 * applications before closed ones. Empty when nothing points anywhere (the user picks, or starts a
 * new interview).
 */
export function matchInterviews(interviews: readonly Interview[], event: InvitationEvent): Interview[] {
  const summary = squashed(`${event.summary} ${event.location ?? ''} ${event.organizer?.name ?? ''}`);
  const description = squashed((event.description ?? '').slice(0, 4000));
  const domains = [event.organizer, ...event.attendees].map((p) => p?.email?.split('@')[1]?.toLowerCase()).filter((d): d is string => !!d && !GENERIC_DOMAINS.test(d));
  const scored: { iv: Interview; score: number }[] = [];
  for (const iv of interviews) {
    const key = companyKey(iv.company);
    if (key.length < 2) continue;
    let score = 0;
    if (summary.includes(key)) score += 4;
    if (domains.some((d) => squashed(d.split('.').slice(-2, -1)[0] ?? '') === key || squashed(d).startsWith(key))) score += 3;
    if (description.includes(key)) score += 1;
    if (score === 0) continue;
    if (!isClosed(iv.outcome)) score += 0.5;
    scored.push({ iv, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.iv);
}

/** A company name from the organizer's address ("priya@globex.com" → "Globex"); empty for a mail provider or a scheduling tool. */
export function companyFromInvitation(event: Pick<InvitationEvent, 'organizer'>): string {
  const domain = event.organizer?.email?.split('@')[1]?.toLowerCase();
  if (!domain || GENERIC_DOMAINS.test(domain)) return '';
  const label = domain.split('.').slice(-2, -1)[0] ?? '';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const TYPE_WORDS: [RegExp, RoundType][] = [
  [/\b(?:on-?site|onsite|final round|final interview|super ?day|loop|panel)\b/i, 'onsite'],
  [/\bsystems? design|\barchitecture\b/i, 'system-design'],
  [/\btake[- ]?home|\bassignment\b|\bhome ?work\b/i, 'take-home'],
  [/\b(?:technical|coding|code|pair(?:ing)?|programming|algorithms?|live coding|hackerrank|codesignal|coderpad|leetcode)\b/i, 'coding'],
  [/\b(?:behaviou?ral|culture|values|hiring manager|team fit|leadership)\b/i, 'behavioral'],
  [/\b(?:recruiter|recruiting|phone screen|screening|intro(?:duction|ductory)? call|talent|hr call|initial call|chat)\b/i, 'recruiter'],
];

/** The kind of round an event's summary (then its description) names; `other` when none. */
export function guessRoundType(event: Pick<InvitationEvent, 'summary' | 'description'>): RoundType {
  for (const text of [event.summary, (event.description ?? '').slice(0, 2000)]) {
    for (const [re, type] of TYPE_WORDS) if (re.test(text)) return type;
  }
  return 'other';
}

export interface InvitationPlanInput {
  /** The new rounds, in the order of the file; they go to `target`. */
  added: { event: InvitationEvent; type: RoundType; interviewers: string[] }[];
  /** Where new rounds go: an interview file, or a new interview. */
  target?: { path: string } | { create: NewInterview; journalFolder: string; existingIds: Iterable<string> };
  /** Updates and cancellations of rounds added before (their interviewers replaced when given). */
  changed: { action: Extract<InvitationAction, { kind: 'update' | 'cancel' }>; interviewers?: string[] }[];
}

export interface InvitationPlanResult {
  /** The file the new rounds went to, when there were any. */
  path?: string;
  added: number;
  updated: number;
  cancelled: number;
}

/** Reads: the target's path (when it is a file) and the file of every changed round. */
export function planRoundsFromInvitation(texts: Texts, input: InvitationPlanInput): Plan<InvitationPlanResult> {
  const steps = new Map<string, ((t: string) => EditResult)[]>();
  const stepsOf = (path: string) => {
    let s = steps.get(path);
    if (!s) steps.set(path, (s = []));
    return s;
  };
  const result: InvitationPlanResult = { added: input.added.length, updated: 0, cancelled: 0 };
  let created: { path: string; text: string } | undefined;
  if (input.added.length) {
    const target = input.target;
    if (!target) return refused('no-target', 'Choose the interview the new rounds belong to.');
    if ('create' in target) {
      const c = createInterview(target.create, { journalFolder: target.journalFolder, existingIds: target.existingIds });
      if (!c.ok) return { ok: false, problems: c.problems };
      created = { path: c.path, text: c.text };
      result.path = c.path;
    } else result.path = target.path;
    for (const a of input.added) {
      stepsOf(result.path).push((t) => addRound(t, { type: a.type, ...scheduleOf(a.event), interviewers: a.interviewers.length ? a.interviewers : undefined }));
    }
  }
  for (const { action, interviewers } of input.changed) {
    const path = action.interview.file;
    const n = action.round.index;
    if (action.kind === 'cancel') {
      result.cancelled++;
      stepsOf(path).push((t) => cancelRound(t, n, { uid: action.event.uid, sequence: action.event.sequence }));
    } else {
      result.updated++;
      stepsOf(path).push((t) => updateRoundSchedule(t, n, { ...scheduleOf(action.event), interviewers }));
    }
  }
  const changes: FileChange[] = [];
  for (const [path, fileSteps] of steps) {
    const text = created?.path === path ? created.text : texts.get(path);
    if (text === undefined) return refused('missing-file', `${path} does not exist any more. Try again.`, path);
    const r = chain(text, ...fileSteps);
    if (!r.ok) return { ok: false, problems: inFile(r.problems, path) };
    if (created?.path === path) changes.push({ kind: 'create', path, text: applyEdits(text, r.edits) });
    else if (r.edits.length) changes.push({ kind: 'edit', path, edits: r.edits });
  }
  return { ok: true, changes, result };
}
