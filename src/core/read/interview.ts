/** Reading an interview file: typed record, schema problems and the checks local to one interview. */
import { basename } from '../paths';
import { ID_PATTERN } from '../ids';
import { CITATION_SOURCES, Feedback, Interview, NextStep, OUTCOMES, Round, ROUND_TYPES, STAGES, WeaknessCitation } from '../model';
import { FILE_START } from '../problems';
import { brokenOf, obj, oneOf, parseFile, Parsed, Plain, problem, rangeOfKey, rangeOfObj, ReadResult, safely } from './document';
import { stageBehindRecords } from '../progress/stages';
import { validate } from './schema-problems';
import { shown } from '../text/shown';
import type { ReadOptions } from './strings';

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
      return {
        index: i + 1, type: o ? oneOf(ROUND_TYPES, o.type) : undefined, date: o ? s.date(o.date) : undefined,
        interviewers: o ? s.list(o.interviewers) : [], rating, questions: o ? s.list(o.questions) : [],
        wentWell: o ? s.str(o['went-well']) : undefined, wentBadly: o ? s.str(o['went-badly']) : undefined, range,
      };
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
