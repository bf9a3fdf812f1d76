/** Statistics of a journal relative to a date: the numbers the CLI's `stats`, the sidebar and insights share. */
import { daysBetween } from './dates';
import type { JournalIndex } from './journal/journal-index';
import { endedWithoutOffer, Outcome, OUTCOMES, ROUND_TYPES, RoundType, Stage, STAGES } from './model';
import { furthestStage } from './progress/stages';
import { WeaknessProgress, weaknessProgress } from './progress/weaknesses';

export interface JournalStats {
  today: string;
  interviews: number;
  outcomes: Record<Outcome | 'unset', number>;
  /** Furthest stage reached (from the rounds and the outcome; see progress/stages.ts). */
  stages: Record<Stage, number>;
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
  /** The one model of progress on each weakness (progress/weaknesses.ts). */
  weaknesses: WeaknessProgress[];
}

const cache = new WeakMap<JournalIndex, { version: number; today: string; stats: JournalStats }>();

/** Statistics of the journal on `today` (YYYY-MM-DD), computed once per index version and date. */
export function journalStats(index: JournalIndex, today: string): JournalStats {
  const cached = cache.get(index);
  if (cached && cached.version === index.version && cached.today === today) return cached.stats;
  const outcomes = Object.fromEntries([...OUTCOMES, 'unset'].map((k) => [k, 0])) as JournalStats['outcomes'];
  const stages = Object.fromEntries(STAGES.map((k) => [k, 0])) as JournalStats['stages'];
  const endedAfter = Object.fromEntries([...ROUND_TYPES, 'none'].map((k) => [k, 0])) as JournalStats['endedAfter'];
  let asked = 0, answered = 0;
  const replyDays: number[] = [];
  const ivs = index.interviews();
  for (const iv of ivs) {
    outcomes[iv.outcome ?? 'unset']++;
    stages[furthestStage(iv)]++;
    if (endedWithoutOffer(iv.outcome)) {
      const last = iv.rounds[iv.rounds.length - 1];
      endedAfter[last?.type ?? 'none']++;
    }
    if (iv.feedback?.requested) asked++;
    if (iv.feedback?.received) answered++;
    if (iv.feedback?.requested && iv.feedback.received) replyDays.push(daysBetween(iv.feedback.requested, iv.feedback.received));
  }
  replyDays.sort((a, b) => a - b);
  const weaknesses = weaknessProgress(index, today);
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
