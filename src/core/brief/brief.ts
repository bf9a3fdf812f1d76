/**
 * The brief for the next interview: everything the journal learned that bears on it, in the order a
 * person reads it two days before: this application and earlier ones at the company, what is likely
 * to matter (likely.ts), the questions asked before, what to reread, the stories to have ready. Plain
 * data; markdown.ts and html.ts write it out, the assistant tools return it as it is.
 *
 * Linear in the journal: one pass over the interviews and their rounds, then the weaknesses' sightings.
 */
import type { JournalIndex } from '../journal/journal-index';
import { Interview, interviewDate, itemStatus, Outcome, Round, RoundType, Stage } from '../model';
import { notePath } from '../note-paths';
import { furthestStage } from '../progress/stages';
import { roundTimeText } from '../schedule';
import { Coming, comingOf, isHeld, isScheduled } from './coming';
import { Likely, likelyToMatter, Place, placeOf } from './likely';

/** Questions, notes and stories listed, at most; the rest are counted. */
export const BRIEF_LIMITS = { questions: 12, notes: 8, stories: 6 } as const;

export interface BriefRound {
  /** 1-based, as citations number them. */
  number: number;
  type?: RoundType;
  date?: string;
  /** The start time, HH:MM, and the round's own zone, as written (see schedule.ts). */
  time?: string;
  timeZone?: string;
  /** Minutes. */
  duration?: number;
  /** "14:00–15:00 CET (08:00 your time)": the round's time as the Due view says it; undefined without a time. */
  timeText?: string;
  location?: string;
  /** The meeting link (http or https only). */
  link?: string;
  /** It did not take place. */
  cancelled?: boolean;
  interviewers: string[];
  rating?: number;
  wentWell?: string;
  wentBadly?: string;
  questions: string[];
  /** 0-based line of the round in its file. */
  line: number;
}

export interface BriefApplication {
  id: string;
  file: string;
  /** 0-based line of the id. */
  line: number;
  company: string;
  role: string;
  applied?: string;
  source?: string;
  outcome: Outcome;
  furthestStage: Stage;
  tags: string[];
  /** The rounds held so far, and the ones cancelled (scheduled ones are in `next`), in order. */
  rounds: BriefRound[];
  feedback?: { requested?: string; received?: string; summary?: string; quotes: string[] };
  /** The weaknesses it cited, with their titles. */
  weaknesses: { id: string; title: string }[];
}

export interface BriefNext {
  /** Rounds scheduled, soonest first. */
  rounds: BriefRound[];
  step?: { action?: string; due?: string };
  /** When the next thing happens. */
  date?: string;
  /** The round type the brief prepares for: the scheduled round's, else the one chosen; undefined: any round. */
  roundType?: RoundType;
  /** Where roundType comes from. */
  roundTypeFrom: 'scheduled' | 'chosen' | 'unknown';
  /** The scheduled round "Record how it went" fills in; undefined: it adds a round. */
  round?: number;
}

export interface AskedQuestion {
  text: string;
  company: string;
  date?: string;
  roundType?: RoundType;
  /** At this company (this application or an earlier one). */
  atThisCompany: boolean;
  /** How many rounds asked it (the same words, any case). */
  times: number;
}

export interface Story {
  text: string;
  company: string;
  role: string;
  date?: string;
  roundType?: RoundType;
  rating?: number;
  atThisCompany: boolean;
}

/** What a study note is to the brief: read (with its first heading or line), missing, or not read and why. */
export type NoteState =
  | { kind: 'read'; excerpt?: string; modified?: number }
  | { kind: 'missing' }
  | { kind: 'refused'; reason: string };

export interface NoteToReread {
  path: string;
  /** The weaknesses and improvement items that link it. */
  for: { weakness: string; title: string; item: string; action: string }[];
  /** Unknown until the notes were read (notes.ts). */
  state?: NoteState;
}

export interface BriefSection<T> {
  shown: T[];
  /** How many more there are than shown. */
  more: number;
  /** What the section says when it has nothing, and what to record for the next brief. */
  empty?: string;
}

export interface Brief {
  today: string;
  interview: BriefApplication;
  next: BriefNext;
  /** Earlier applications at the same company, latest first. */
  earlier: BriefApplication[];
  likely: Likely & { empty?: string };
  questions: BriefSection<AskedQuestion>;
  reread: BriefSection<NoteToReread>;
  stories: BriefSection<Story>;
  /** Set when the journal holds little yet: what to record so that the next brief says more. */
  thin?: string;
}

export interface BriefOptions {
  /** The type of the coming round, when no scheduled round says it. */
  roundType?: RoundType;
  /** The user's time zone, to say a round's time in it too (omitted: the round's own time only). */
  timeZone?: string;
}

function roundOf(r: Round, localZone: string | undefined): BriefRound {
  return {
    number: r.index, type: r.type, date: r.date, time: r.time, timeZone: r.timeZone, duration: r.duration, timeText: roundTimeText(r, localZone) || undefined,
    location: r.location, link: r.link, cancelled: r.cancelled || undefined,
    interviewers: r.interviewers, rating: r.rating, wentWell: r.wentWell, wentBadly: r.wentBadly, questions: r.questions, line: r.range.start.line,
  };
}

function applicationOf(iv: Interview, index: JournalIndex, today: string, localZone: string | undefined): BriefApplication {
  const titles = new Map<string, string>();
  for (const c of iv.weaknesses) if (!titles.has(c.weakness)) titles.set(c.weakness, index.weakness(c.weakness)?.title || c.weakness);
  const f = iv.feedback;
  return {
    id: iv.id, file: iv.file, line: iv.idRange.start.line, company: iv.company, role: iv.role, applied: iv.applied, source: iv.source,
    outcome: iv.outcome ?? 'pending', furthestStage: furthestStage(iv), tags: iv.tags,
    rounds: iv.rounds.filter((r) => !isScheduled(r, today)).map((r) => roundOf(r, localZone)),
    feedback: f && (f.requested || f.received || f.summary || f.quotes.length) ? { requested: f.requested, received: f.received, summary: f.summary, quotes: f.quotes } : undefined,
    weaknesses: [...titles].map(([id, title]) => ({ id, title })),
  };
}

function nextOf(coming: Coming, chosen: RoundType | undefined, localZone: string | undefined): BriefNext {
  const roundType = coming.type ?? chosen;
  return {
    rounds: coming.rounds.map((r) => roundOf(r, localZone)), step: coming.step, date: coming.date, roundType,
    roundTypeFrom: coming.type ? 'scheduled' : chosen ? 'chosen' : 'unknown', round: coming.round,
  };
}

/** A line as compared for sameness: any case, any spacing, without closing punctuation. */
function sameWords(text: string): string {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  let end = t.length;
  while (end > 0 && ' .?!'.includes(t[end - 1])) end--;
  return t.slice(0, end);
}

/** Newest first, undated last. */
const newestFirst = (a?: string, b?: string) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? 1 : -1);
/** This company first (this application, then earlier ones), then the rest. */
const atCompany = (p: Place) => p === 'this' || p === 'company';

/** The brief of interview `target` on `today`. Notes are listed but not read (notes.ts reads them). */
export function buildBrief(index: JournalIndex, target: Interview, today: string, options: BriefOptions = {}): Brief {
  const next = nextOf(comingOf(target, today), options.roundType, options.timeZone);
  const type = next.roundType;
  const place = placeOf(target);
  const earlier: Interview[] = [];
  const questions = new Map<string, AskedQuestion & { rank: number }>();
  const stories = new Map<string, Story & { rank: number }>();
  let others = 0;
  for (const iv of index.interviews()) {
    const p = place(iv);
    if (p === 'company') earlier.push(iv);
    if (p !== 'this' && iv.rounds.length) others++;
    const rank = atCompany(p) ? 0 : 1;
    for (const r of iv.rounds) {
      if (!isHeld(r, today) || (type !== undefined && r.type !== type)) continue;
      for (const q of r.questions) {
        if (!q.trim()) continue;
        const key = sameWords(q);
        const had = questions.get(key);
        if (had) {
          had.times++;
          if (rank < had.rank || (rank === had.rank && newestFirst(r.date, had.date) < 0)) Object.assign(had, { text: q, company: iv.company, date: r.date, roundType: r.type, atThisCompany: rank === 0, rank });
        } else questions.set(key, { text: q, company: iv.company, date: r.date, roundType: r.type, atThisCompany: rank === 0, times: 1, rank });
      }
      if (r.wentWell?.trim()) {
        const key = sameWords(r.wentWell);
        const had = stories.get(key);
        if (!had || rank < had.rank || (rank === had.rank && newestFirst(r.date, had.date) < 0)) {
          stories.set(key, { text: r.wentWell, company: iv.company, role: iv.role, date: r.date, roundType: r.type, rating: r.rating, atThisCompany: rank === 0, rank });
        }
      }
    }
  }
  const byPlaceThenDate = (a: { rank: number; date?: string; text: string }, b: { rank: number; date?: string; text: string }) =>
    a.rank - b.rank || newestFirst(a.date, b.date) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  const strip = <T extends { rank: number }>({ rank: _rank, ...rest }: T): Omit<T, 'rank'> => rest;
  const q = [...questions.values()].sort(byPlaceThenDate);
  const s = [...stories.values()].sort(byPlaceThenDate);

  const likely = likelyToMatter(index, target, type, today, place);
  const kind = type ? `${type} round` : 'round';
  const reread = notesOf(index, likely);
  earlier.sort((a, b) => newestFirst(interviewDate(a), interviewDate(b)));
  const brief: Brief = {
    today,
    interview: applicationOf(target, index, today, options.timeZone),
    next,
    earlier: earlier.map((iv) => applicationOf(iv, index, today, options.timeZone)),
    likely: {
      ...likely,
      empty: likely.weaknesses.length || likely.strengths.length ? undefined
        : `Nothing recorded yet points to a weakness for ${type ? `a ${kind}` : 'this interview'}. After it, record what went badly and cite the weaknesses it revealed (Record how it went, then Record Feedback when the feedback comes): the next brief starts from there.`,
    },
    questions: {
      shown: q.slice(0, BRIEF_LIMITS.questions).map(strip), more: Math.max(0, q.length - BRIEF_LIMITS.questions),
      empty: q.length ? undefined : `No questions recorded from ${type ? `${kind}s` : 'rounds'} yet. Write them in a round's questions after each interview, and the next brief lists them here.`,
    },
    reread: {
      shown: reread.slice(0, BRIEF_LIMITS.notes), more: Math.max(0, reread.length - BRIEF_LIMITS.notes),
      empty: reread.length ? undefined : likely.weaknesses.length
        ? 'No study note is linked to these weaknesses yet. Link one to an improvement item (Link Study Note) to have it here.'
        : 'Nothing to reread yet: study notes linked to the weaknesses likely to matter show here.',
    },
    stories: {
      shown: s.slice(0, BRIEF_LIMITS.stories).map(strip), more: Math.max(0, s.length - BRIEF_LIMITS.stories),
      empty: s.length ? undefined : `Nothing that went well is recorded in ${type ? `${kind}s` : 'rounds'} yet. Write what went well (went-well) after each round: it becomes the stories to tell next time.`,
    },
  };
  if (others === 0 && !likely.weaknesses.length && !likely.strengths.length) {
    brief.thin = 'This is the first interview in your journal with rounds recorded, so there is little to go on yet. Each round you record makes the next brief more useful: what went well and badly, the questions asked, the feedback and the weaknesses it named.';
  }
  return brief;
}

/**
 * The study notes linked to the weaknesses likely to matter (improvement items not dropped), in the
 * order of the weaknesses, each once with everything that links it.
 */
function notesOf(index: JournalIndex, likely: Likely): NoteToReread[] {
  const out = new Map<string, NoteToReread>();
  for (const lw of likely.weaknesses) {
    const w = index.weakness(lw.id);
    for (const it of w?.improvements ?? []) {
      if (itemStatus(it) === 'dropped') continue;
      for (const n of it.notes) {
        // A path that leaves the workspace stays as written: reading it says why it is refused.
        const path = notePath(n.path) ?? n.path;
        let entry = out.get(path);
        if (!entry) out.set(path, (entry = { path, for: [] }));
        entry.for.push({ weakness: lw.id, title: lw.title, item: it.id, action: it.action || it.id });
      }
    }
  }
  return [...out.values()];
}
