/**
 * The one rule for what is likely to matter in the next interview: which weaknesses surfaced in rounds
 * of the coming round's type, at this company and at similar ones, weighted to recent ones; and which
 * resolved weaknesses did not come back, to lean on. docs/progress.md says it in plain words; the
 * trend and "did the work pay off" of each come from the one model of progress (progress/weaknesses.ts).
 *
 * Linear in the journal: one pass over the rounds, then each weakness's own sightings.
 */
import { addDays, daysBetween, humanDate } from '../dates';
import type { JournalIndex, Sighting } from '../journal/journal-index';
import { Interview, isOpenItem, isOverdue, itemStatus, Round, RoundType, WeaknessCategory, WeaknessStatus } from '../model';
import { rankWeaknesses, TREND_WINDOW_DAYS, Trend, Verdict, WeaknessProgress } from '../progress/weaknesses';
import { journalStats } from '../stats';
import { isHeld } from './coming';

/** Weights of an occasion where a weakness surfaced (docs/progress.md, "What is likely to matter"). */
export const LIKELY_WEIGHTS = {
  /** A round of the coming round's type (or any round, when the type is not known). */
  sameType: 1,
  /** A round of another type, or a citation that names no round. */
  otherType: 1 / 4,
  /** At the same company: this application or an earlier one. */
  sameCompany: 2,
  /** At a similar application: one sharing a tag, or a role of the same name. */
  similar: 3 / 2,
  elsewhere: 1,
  /** Undated: as if a year old. */
  undated: 1 / 16,
} as const;

/** The weaknesses a brief names as likely to matter, and as strengths, at most. */
export const LIKELY_SHOWN = 6;
export const STRENGTHS_SHOWN = 3;
/** "Your last N rounds": the rounds held in the two windows of the trend (180 days). */
export const RECENT_ROUNDS_DAYS = 2 * TREND_WINDOW_DAYS;

/** Where an application stands to the one being prepared. */
export type Place = 'this' | 'company' | 'similar' | 'other';

/** A company name as compared: any case, any spacing. */
export function companyKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const SENIORITY = new Set(['senior', 'sr', 'junior', 'jr', 'staff', 'lead', 'principal', 'mid', 'i', 'ii', 'iii', 'iv']);

/** A role as compared: any case, without words of seniority ("Senior Platform Engineer" is a Platform Engineer). */
export function roleKey(role: string): string {
  return companyKey(role).replace(/[.,()]/g, ' ').split(' ').filter((w) => w && !SENIORITY.has(w)).join(' ');
}

/** `key` of each distinct string, worked out once (journals repeat their companies and roles). */
function memo(key: (s: string) => string): (s: string) => string {
  const known = new Map<string, string>();
  return (s) => {
    let k = known.get(s);
    if (k === undefined) known.set(s, (k = key(s)));
    return k;
  };
}

/**
 * How an application relates to the target: itself, the same company, similar (a shared tag or
 * role), or other; worked out once per application.
 */
export function placeOf(target: Interview): (iv: Interview) => Place {
  const companies = memo(companyKey);
  const roles = memo(roleKey);
  const company = companies(target.company);
  const role = roles(target.role);
  const tags = new Set(target.tags.map((t) => t.trim().toLowerCase()).filter(Boolean));
  const places = new Map<Interview, Place>();
  const work = (iv: Interview): Place => {
    if (iv.file === target.file) return 'this';
    if (companies(iv.company) === company) return 'company';
    if ((role && roles(iv.role) === role) || iv.tags.some((t) => tags.has(t.trim().toLowerCase()))) return 'similar';
    return 'other';
  };
  return (iv) => {
    let p = places.get(iv);
    if (p === undefined) places.set(iv, (p = work(iv)));
    return p;
  };
}

/** The weight of an occasion dated `date` on `today`: 1 within 90 days, halving for every 90 days further back. */
export function recencyWeight(date: string | undefined, today: string): number {
  if (date === undefined) return LIKELY_WEIGHTS.undated;
  return 0.5 ** Math.floor(Math.max(0, daysBetween(date, today)) / TREND_WINDOW_DAYS);
}

/** Why a weakness is likely to matter, as data and in words. */
export type Reason =
  /** Seen in `seen` of the `of` rounds of the type held in the last 180 days. */
  | { kind: 'round-type'; roundType?: RoundType; seen: number; of: number; text: string }
  /** Seen only in rounds of the type held before those 180 days: how many, and the last date. */
  | { kind: 'earlier-rounds'; roundType?: RoundType; seen: number; last?: string; text: string }
  /** Seen at the same company (this application included): how many times, and the last occasion. */
  | { kind: 'company'; company: string; seen: number; inThisApplication: boolean; last?: string; lastRoundType?: RoundType; text: string }
  /** Seen at similar applications: their companies, latest first. */
  | { kind: 'similar'; companies: string[]; text: string }
  /** Seen only in other kinds of rounds elsewhere. */
  | { kind: 'other-rounds'; seen: number; last?: string; text: string };

export interface LikelyWeakness {
  id: string;
  title: string;
  category?: WeaknessCategory;
  status?: WeaknessStatus;
  /** The sum of the weights of the occasions it surfaced in (the order of the list). */
  score: number;
  reasons: Reason[];
  evidence: WeaknessProgress['evidence'];
  trend: Trend;
  /** "more often lately (3 of 4 interviews)", as the sidebar says it. */
  trendText: string;
  verdict: Verdict;
  /** "Seen less since the work was done …", as Insights says it. */
  verdictText: string;
  /** Its improvement items still open (todo or doing). */
  openItems: { id: string; action: string; status: 'todo' | 'doing'; due?: string; overdue: boolean }[];
}

export interface Likely {
  /** The round type the ranking is for; undefined: every round. */
  roundType?: RoundType;
  /** Most likely first, at most LIKELY_SHOWN. */
  weaknesses: LikelyWeakness[];
  /** How many more had some evidence. */
  more: number;
  /** Resolved weaknesses that have not come back, that surfaced in such rounds before: strengths to lean on. */
  strengths: LikelyWeakness[];
}

interface Occasion {
  weight: number;
  date?: string;
  place: Place;
  /** The cited round's type (undefined: a citation naming no round, or an untyped round). */
  type?: RoundType;
  /** The citation names a round that exists. */
  round: boolean;
  /** A round of the coming round's type (any round when the type is not known). */
  sameType: boolean;
  /** One of those rounds held in the last 180 days. */
  recent: boolean;
  company: string;
}

function roundWords(type: RoundType | undefined): string {
  return type ? `${type} round` : 'round';
}

/** "a coding round", "an onsite round", "a round". */
function aRound(type: RoundType | undefined): string {
  return type === undefined || type === 'other' ? 'a round' : `${type === 'onsite' ? 'an' : 'a'} ${type} round`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Has a resolved weakness stayed away: not seen since its work was done (or no interview since), or,
 * without work done, not seen in the last 90 days.
 */
export function staysResolved(p: WeaknessProgress): boolean {
  if (p.status !== 'resolved') return false;
  if (p.verdict === 'not-seen' || p.verdict === 'too-early') return true;
  return p.verdict === 'no-work' && p.recent.seen === 0;
}

/**
 * What is likely to matter in `target`'s coming round of `roundType` (undefined: any round), on `today`.
 * Occasions are the rounds (or, for a citation naming none, the interview) where a weakness was cited,
 * held up to today; each counted once per weakness.
 */
export function likelyToMatter(index: JournalIndex, target: Interview, roundType: RoundType | undefined, today: string, place = placeOf(target)): Likely {
  // The rounds of the type held in the last 180 days: "your last N system-design rounds".
  const windowFrom = addDays(today, -(RECENT_ROUNDS_DAYS - 1));
  const recentRounds = new Set<Round>();
  for (const iv of index.interviews()) {
    for (const r of iv.rounds) {
      if (r.date === undefined || r.date < windowFrom || !isHeld(r, today) || (roundType !== undefined && r.type !== roundType)) continue;
      recentRounds.add(r);
    }
  }
  const progress = journalStats(index, today).weaknesses;
  const order = new Map(rankWeaknesses(progress).map((p, i) => [p.id, i]));
  const scored: LikelyWeakness[] = [];
  const strengths: LikelyWeakness[] = [];
  for (const p of progress) {
    const w = index.weakness(p.id);
    if (!w) continue;
    const occasions = occasionsOf(index.sightings(p.id), roundType, today, place, recentRounds);
    if (!occasions.length) continue;
    const score = occasions.reduce((s, o) => s + o.weight, 0);
    const item: LikelyWeakness = {
      id: p.id, title: p.title, category: w.category, status: p.status, score,
      reasons: reasonsOf(occasions, target, roundType, recentRounds.size, today),
      evidence: p.evidence, trend: p.trend, trendText: p.trendText, verdict: p.verdict, verdictText: p.verdictText,
      openItems: w.improvements.filter(isOpenItem).map((it) => ({ id: it.id, action: it.action || it.id, status: itemStatus(it) === 'doing' ? 'doing' : 'todo', due: it.due, overdue: isOverdue(it, today) })),
    };
    (staysResolved(p) ? strengths : scored).push(item);
  }
  const byScore = (a: LikelyWeakness, b: LikelyWeakness) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  scored.sort(byScore);
  strengths.sort(byScore);
  return { roundType, weaknesses: scored.slice(0, LIKELY_SHOWN), more: Math.max(0, scored.length - LIKELY_SHOWN), strengths: strengths.slice(0, STRENGTHS_SHOWN) };
}

/** The occasions of a weakness's sightings held up to today, one per round (or per interview for citations naming no round). */
function occasionsOf(sightings: readonly Sighting[], roundType: RoundType | undefined, today: string, placeOf: (iv: Interview) => Place, recentRounds: ReadonlySet<Round>): Occasion[] {
  const seen = new Map<string, Occasion>();
  for (const s of sightings) {
    if (s.date !== undefined && s.date > today) continue;
    if (s.round && !isHeld(s.round, today)) continue;
    const key = `${s.file}#${s.round ? s.round.index : '-'}`;
    if (seen.has(key)) continue;
    const place = placeOf(s.interview);
    const type = s.round?.type;
    const sameType = s.round !== undefined && (roundType === undefined || type === roundType);
    const weight = recencyWeight(s.date, today)
      * (sameType ? LIKELY_WEIGHTS.sameType : LIKELY_WEIGHTS.otherType)
      * (place === 'this' || place === 'company' ? LIKELY_WEIGHTS.sameCompany : place === 'similar' ? LIKELY_WEIGHTS.similar : LIKELY_WEIGHTS.elsewhere);
    seen.set(key, { weight, date: s.date, place, type, round: s.round !== undefined, sameType, recent: sameType && s.round !== undefined && recentRounds.has(s.round), company: s.interview.company });
  }
  return [...seen.values()];
}

const latest = (list: readonly Occasion[]) => list.reduce<Occasion | undefined>((best, o) => (!best || (o.date ?? '') > (best.date ?? '') ? o : best), undefined);

function reasonsOf(occasions: readonly Occasion[], target: Interview, roundType: RoundType | undefined, recentOfType: number, today: string): Reason[] {
  const reasons: Reason[] = [];
  const kind = roundWords(roundType);
  const ofType = occasions.filter((o) => o.sameType);
  const recent = ofType.filter((o) => o.recent);
  if (recent.length) {
    const n = recentOfType;
    const text = n === 1 ? `surfaced in your last ${kind}` : recent.length === n ? `surfaced in each of your last ${n} ${kind}s` : `surfaced in ${recent.length} of your last ${n} ${kind}s`;
    reasons.push({ kind: 'round-type', roundType, seen: recent.length, of: n, text });
  } else if (ofType.length) {
    const last = latest(ofType)?.date;
    reasons.push({ kind: 'earlier-rounds', roundType, seen: ofType.length, last, text: `surfaced in ${plural(ofType.length, `earlier ${kind}`)}${last ? `, the last on ${humanDate(last, today)}` : ''}` });
  }
  const here = occasions.filter((o) => o.place === 'this' || o.place === 'company');
  if (here.length) {
    const last = latest(here)!;
    const inThis = last.place === 'this';
    const when = last.date ? ` (${humanDate(last.date, today)})` : '';
    const what = roundWords(last.type);
    let text: string;
    if (here.length > 1) text = `came up ${here.length} times at ${target.company}, the last${last.round ? ` in ${inThis ? `this application's ${what}` : aRound(last.type)}` : inThis ? ' in this application' : ''}${when}`;
    else if (inThis) text = `came up earlier in this application${last.round ? `, in the ${what}` : ''}${when}`;
    else text = `came up at ${target.company} before${last.round ? `, in ${aRound(last.type)}` : ''}${when}`;
    reasons.push({ kind: 'company', company: target.company, seen: here.length, inThisApplication: here.some((o) => o.place === 'this'), last: last.date, lastRoundType: last.type, text });
  }
  const similar = occasions.filter((o) => o.place === 'similar').sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0));
  const companies: string[] = [];
  const named = new Set<string>();
  for (const o of similar) {
    const k = companyKey(o.company);
    if (named.has(k)) continue;
    named.add(k);
    companies.push(o.company);
  }
  if (companies.length) {
    const shown = companies.slice(0, 3).join(', ') + (companies.length > 3 ? ` and ${companies.length - 3} more` : '');
    reasons.push({ kind: 'similar', companies, text: `${reasons.length ? 'also ' : ''}surfaced at ${companies.length === 1 ? 'a similar application' : `${companies.length} similar applications`}: ${shown}` });
  }
  if (!reasons.length) {
    const last = latest(occasions)?.date;
    reasons.push({ kind: 'other-rounds', seen: occasions.length, last, text: `surfaced in ${plural(occasions.length, roundType ? 'round of another kind' : 'interview', roundType ? 'rounds of other kinds' : 'interviews')} elsewhere${last ? `, the last on ${humanDate(last, today)}` : ''}` });
  }
  return reasons;
}
