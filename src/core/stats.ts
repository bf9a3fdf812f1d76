/** Statistics of a journal relative to a date: the numbers the CLI's `stats`, the sidebar and insights share. */
import { addDays, daysBetween } from './dates';
import type { JournalIndex } from './journal/journal-index';
import { endedWithoutOffer, Outcome, OUTCOMES, ROUND_TYPES, RoundType, Stage, STAGES, WeaknessStatus } from './model';

export interface WeaknessStats {
  id: string;
  title: string;
  status?: WeaknessStatus;
  /** Number of citations. */
  sightings: number;
  /** Number of distinct interviews citing it. */
  interviews: number;
  /** Sightings per month, `YYYY-MM` → count, months in order. */
  byMonth: Record<string, number>;
  firstSeen?: string;
  lastSeen?: string;
  /** Sightings in the last 90 days up to `today` (inclusive). */
  recent: number;
  /** Sightings in the 90 days before those. */
  previous: number;
  /** more / less: recent vs previous; same: equal and non-zero; none: no sighting in the last 180 days. */
  trend: 'more' | 'less' | 'same' | 'none';
  /** Seen in a single interview: a hypothesis to confirm, not yet a pattern. */
  hypothesis: boolean;
  /** The latest `done` date of its improvement items. */
  lastDone?: string;
  /** Sightings dated after lastDone. */
  sightingsAfterDone: number;
  /** True when it surfaced again after improvement items were done. */
  resurfacedAfterDone: boolean;
}

export interface JournalStats {
  today: string;
  interviews: number;
  outcomes: Record<Outcome | 'unset', number>;
  /** Furthest stage reached (the `stage` key). */
  stages: Record<Stage | 'unset', number>;
  /** For closed applications that did not end in an offer: the type of the last round held ('none' when no round was recorded). */
  endedAfter: Record<RoundType | 'none', number>;
  feedback: {
    /** Applications where feedback was requested. */
    asked: number;
    /** Applications where feedback was received. */
    answered: number;
    /** answered / asked, undefined when nothing was asked. */
    answerRate?: number;
    /** Days from request to reception, for applications with both dates. */
    replyDays: number[];
    medianReplyDays?: number;
  };
  weaknesses: WeaknessStats[];
}

const cache = new WeakMap<JournalIndex, { version: number; today: string; stats: JournalStats }>();

/** Statistics of the journal on `today` (YYYY-MM-DD), computed once per index version and date. */
export function journalStats(index: JournalIndex, today: string): JournalStats {
  const cached = cache.get(index);
  if (cached && cached.version === index.version && cached.today === today) return cached.stats;
  const outcomes = Object.fromEntries([...OUTCOMES, 'unset'].map((k) => [k, 0])) as JournalStats['outcomes'];
  const stages = Object.fromEntries([...STAGES, 'unset'].map((k) => [k, 0])) as JournalStats['stages'];
  const endedAfter = Object.fromEntries([...ROUND_TYPES, 'none'].map((k) => [k, 0])) as JournalStats['endedAfter'];
  let asked = 0, answered = 0;
  const replyDays: number[] = [];
  const ivs = index.interviews();
  for (const iv of ivs) {
    outcomes[iv.outcome ?? 'unset']++;
    stages[iv.stage ?? 'unset']++;
    if (endedWithoutOffer(iv.outcome)) {
      const last = iv.rounds[iv.rounds.length - 1];
      endedAfter[last?.type ?? 'none']++;
    }
    if (iv.feedback?.requested) asked++;
    if (iv.feedback?.received) answered++;
    if (iv.feedback?.requested && iv.feedback.received) replyDays.push(daysBetween(iv.feedback.requested, iv.feedback.received));
  }
  replyDays.sort((a, b) => a - b);
  const recentFrom = addDays(today, -89);
  const previousFrom = addDays(today, -179);
  const weaknesses: WeaknessStats[] = [];
  for (const w of index.weaknesses()) {
    if (index.weakness(w.id) !== w) continue;
    const sightings = index.sightings(w.id);
    const byMonth: Record<string, number> = {};
    let recent = 0, previous = 0;
    const dated = sightings.filter((s) => s.date !== undefined);
    for (const s of dated) {
      const d = s.date as string;
      byMonth[d.slice(0, 7)] = (byMonth[d.slice(0, 7)] ?? 0) + 1;
      if (d >= recentFrom && d <= today) recent++;
      else if (d >= previousFrom && d < recentFrom) previous++;
    }
    let lastDone: string | undefined;
    for (const it of w.improvements) if (it.done && (it.status === 'done' || it.status === undefined) && (!lastDone || it.done > lastDone)) lastDone = it.done;
    const after = lastDone ? dated.filter((s) => (s.date as string) > lastDone).length : 0;
    const distinct = new Set(sightings.map((s) => s.file)).size;
    weaknesses.push({
      id: w.id, title: w.title, status: w.status, sightings: sightings.length, interviews: distinct,
      byMonth: Object.fromEntries(Object.entries(byMonth).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
      firstSeen: dated[0]?.date, lastSeen: dated[dated.length - 1]?.date, recent, previous,
      trend: recent === 0 && previous === 0 ? 'none' : recent > previous ? 'more' : recent < previous ? 'less' : 'same',
      hypothesis: distinct === 1, lastDone, sightingsAfterDone: after, resurfacedAfterDone: after > 0,
    });
  }
  const stats: JournalStats = {
    today, interviews: ivs.length, outcomes, stages, endedAfter,
    feedback: {
      asked, answered, answerRate: asked ? answered / asked : undefined, replyDays,
      medianReplyDays: replyDays.length ? (replyDays.length % 2 ? replyDays[(replyDays.length - 1) / 2] : (replyDays[replyDays.length / 2 - 1] + replyDays[replyDays.length / 2]) / 2) : undefined,
    },
    weaknesses,
  };
  cache.set(index, { version: index.version, today, stats });
  return stats;
}
