/** Reading an interview file: typed record, schema problems and the checks local to one interview. */
import { basename } from '../paths';
import { ID_PATTERN } from '../ids';
import { CITATION_SOURCES, Feedback, Interview, NextStep, OUTCOMES, Round, ROUND_TYPES, STAGES, WeaknessCitation } from '../model';
import { FILE_START } from '../problems';
import { brokenOf, obj, oneOf, parseFile, Parsed, Plain, problem, rangeOfKey, rangeOfObj, ReadResult, safely } from './document';
import { stageBehindRecords } from '../progress/stages';
import { validate } from './schema-problems';
import { interviewSchema } from '../schema';
import { shown } from '../text/shown';
import type { ReadOptions } from './strings';
import { clockTime, durationMinutes, roundDate } from '../times';
import { canonicalTimeZone, offsetMinutes, timeZoneSuggestions, zonedToUtc } from '../time-zones';
import { isWebLink } from '../links';

function buildInterview(p: Parsed): Interview {
  const d = p.data;
  const fileId = basename(p.file).replace(/\.ya?ml$/i, '');
  const s = p.s;
  const rawId = s.str(d.id);
  const id = rawId && ID_PATTERN.test(rawId) ? rawId : s.text(fileId);
  const docRange = p.lines.range(0, p.lines.text.length);
  const idRange = rangeOfKey(p, d, 'id', FILE_START);
  // Arrays are built at their final size (map): a pushed-to array keeps spare capacity for 16 more items.
  const rounds: Round[] = Array.isArray(d.rounds)
    ? d.rounds.map((r, i): Round => {
      const o = obj(r);
      const range = o ? rangeOfObj(p, o) : rangeOfKey(p, d, 'rounds', FILE_START);
      const rating = o && typeof o.rating === 'number' && Number.isInteger(o.rating) && o.rating >= 1 && o.rating <= 5 ? o.rating : undefined;
      const round: Round = {
        index: i + 1, type: o ? oneOf(ROUND_TYPES, o.type) : undefined, date: undefined,
        interviewers: o ? s.list(o.interviewers) : [], rating, questions: o ? s.list(o.questions) : [],
        wentWell: o ? s.str(o['went-well']) : undefined, wentBadly: o ? s.str(o['went-badly']) : undefined, range,
      };
      if (o) readSchedule(p, o, round);
      return round;
    })
    : [];
  let feedback: Feedback | undefined;
  const fo = obj(d.feedback);
  if (fo) feedback = { requested: s.date(fo.requested), received: s.date(fo.received), summary: s.str(fo.summary), quotes: s.list(fo.quotes), range: rangeOfObj(p, fo) };
  const citations: WeaknessCitation[] = [];
  if (Array.isArray(d.weaknesses)) {
    for (let i = 0; i < d.weaknesses.length; i++) {
      const o = obj(d.weaknesses[i]);
      const w = o ? s.str(o.weakness) : undefined;
      if (!o || w === undefined) continue;
      const range = rangeOfObj(p, o);
      citations.push({
        index: i, weakness: w, round: typeof o.round === 'number' && Number.isInteger(o.round) && o.round >= 1 ? o.round : undefined,
        source: oneOf(CITATION_SOURCES, o.source), quote: s.str(o.quote), range, weaknessRange: rangeOfKey(p, o, 'weakness', range),
      });
    }
  }
  let next: NextStep | undefined;
  const no = obj(d.next);
  if (no) next = { action: s.str(no.action), due: s.date(no.due), range: rangeOfObj(p, no) };
  const iv: Interview = {
    file: p.file, id, idRange, company: s.str(d.company) ?? '', role: s.str(d.role) ?? '',
    applied: s.date(d.applied), source: s.str(d.source), stage: oneOf(STAGES, d.stage), outcome: oneOf(OUTCOMES, d.outcome),
    rounds, feedback, weaknesses: citations.length ? citations.slice() : citations, next, tags: s.list(d.tags), notes: s.str(d.notes), range: docRange,
  };
  // Local semantic checks.
  if (rawId && ID_PATTERN.test(rawId) && rawId !== fileId && /\.ya?ml$/i.test(p.file)) {
    p.problems.push(problem(p, idRange, 'warning', 'id-mismatch',
      `The id "${shown(rawId)}" differs from the file name "${shown(basename(p.file))}". Rename the file to "${shown(rawId)}.yaml" or change the id to "${shown(fileId)}".`,
      { id: rawId, fileId }));
  }
  if (iv.applied) {
    for (const r of rounds) {
      if (r.date && r.date < iv.applied) {
        p.problems.push(problem(p, rangeOfKey(p, obj(((d.rounds as Plain[])[r.index - 1])), 'date', r.range), 'warning', 'date-order',
          `Round ${r.index} is dated ${r.date}, before the application date ${iv.applied}. Check both dates.`, { date: r.date, applied: iv.applied }));
      }
    }
  }
  const behind = stageBehindRecords(iv);
  if (behind && iv.stage) {
    p.problems.push(problem(p, rangeOfKey(p, d, 'stage', FILE_START), 'warning', 'stage-behind-rounds',
      `The stage says "${iv.stage}", but the ${behind === 'offer' ? 'outcome shows an offer' : `rounds show "${behind}"`}. Remove "stage": Debrief works out the furthest stage from the rounds and the outcome (keep it only for a stage they do not show).`,
      { stage: iv.stage, shown: behind }));
  }
  if (fo && feedback?.requested && feedback.received && feedback.received < feedback.requested) {
    p.problems.push(problem(p, rangeOfKey(p, fo, 'received', feedback.range), 'warning', 'date-order',
      `Feedback received on ${feedback.received}, before it was requested on ${feedback.requested}. Check both dates.`, { requested: feedback.requested, received: feedback.received }));
  }
  for (const c of citations) {
    if (c.round !== undefined && c.round > rounds.length) {
      const o = obj((d.weaknesses as Plain[])[c.index]);
      p.problems.push(problem(p, rangeOfKey(p, o, 'round', c.range), 'error', 'round-out-of-range',
        rounds.length === 0
          ? `This citation names round ${c.round}, but the interview has no rounds. Add the rounds or remove "round".`
          : `This citation names round ${c.round}, but the interview has ${rounds.length} round${rounds.length === 1 ? '' : 's'}. Use a number from 1 to ${rounds.length}.`,
        { round: c.round, rounds: rounds.length }));
    }
  }
  return iv;
}

/**
 * When and where a round takes place: the date (and a start time, when `date` holds one), `time`,
 * `timezone`, `duration`, `location`, `link`, the invitation it came from and whether it was
 * cancelled; with the problems of values the schema cannot judge (an unknown zone, a time written
 * twice, a duration out of range).
 */
function readSchedule(p: Parsed, o: Record<string, Plain>, round: Round): void {
  const s = p.s;
  const when = roundDate(o.date);
  if (when) round.date = s.text(when.date);
  const time = clockTime(o.time);
  if (when?.time && time && when.time !== time) {
    p.problems.push(problem(p, rangeOfKey(p, o, 'time', round.range), 'warning', 'time-conflict',
      `The date says ${when.time} and "time" says ${time}. Keep one of the two.`, { date: when.time, time }));
  }
  const start = when?.time ?? time;
  if (start) round.time = s.text(start);
  let zone = when?.offset;
  if (typeof o.timezone === 'string' && o.timezone.trim()) {
    const named = canonicalTimeZone(o.timezone);
    if (!named) {
      const suggestions = timeZoneSuggestions(o.timezone);
      p.problems.push(problem(p, rangeOfKey(p, o, 'timezone', round.range), 'warning', 'unknown-timezone',
        `"${shown(o.timezone)}" is not a time zone Debrief knows.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''} Write an IANA name such as Europe/Berlin or America/New_York, UTC, or an offset such as +02:00.`,
        { value: o.timezone, suggestion: suggestions[0], suggestions }));
    } else if (zone && when?.time && named !== zone && offsetMinutes(named, zonedToUtc(when.date, when.time, zone)) !== offsetMinutes(zone, 0)) {
      p.problems.push(problem(p, rangeOfKey(p, o, 'timezone', round.range), 'warning', 'time-conflict',
        `The date's offset ${zone} is not the offset of ${named} on ${when.date}. Remove the offset from the date, or correct "timezone".`, { offset: zone, timezone: named }));
    } else zone = named;
  }
  if (zone && round.time) round.timeZone = s.text(zone);
  if (o.duration !== undefined && o.duration !== null) {
    const minutes = durationMinutes(o.duration);
    if (minutes !== undefined) round.duration = minutes;
    else if (typeof o.duration === 'string' && validPattern(o.duration)) {
      p.problems.push(problem(p, rangeOfKey(p, o, 'duration', round.range), 'error', 'out-of-range',
        `A duration of "${shown(o.duration)}" is not from 1 minute to 24 hours. Write how long the round lasts, e.g. 45m or 1h30m.`, { value: o.duration }));
    }
  }
  round.location = s.str(o.location);
  if (typeof o.link === 'string' && isWebLink(o.link)) round.link = s.text(o.link);
  const inv = obj(o.invitation);
  const uid = inv ? s.str(inv.uid) : undefined;
  if (inv && uid) {
    const seq = inv.sequence;
    round.invitation = typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? { uid, sequence: seq } : { uid };
  }
  if (o.cancelled === true) round.cancelled = true;
}

/** Whether a duration text has one of the forms the schema allows (its range is checked apart). */
function validPattern(v: string): boolean {
  return v.length <= 40 && DURATION_PATTERN.test(v);
}
const DURATION_PATTERN = new RegExp(interviewSchema.properties.rounds.items.properties.duration.pattern);

/** Reads an interview file. Never throws. */
export function readInterview(path: string, input: string | Uint8Array, options: ReadOptions = {}): ReadResult<Interview> {
  return safely(path, () => {
    const { parsed, problems } = parseFile(path, input, 'interview', options);
    if (!parsed) return { problems: problems.finish() };
    validate(parsed, 'interview');
    const value = buildInterview(parsed);
    return { value, problems: problems.finish(), ...brokenOf(parsed) };
  });
}
