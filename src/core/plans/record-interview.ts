/** Record Interview: the new interview file and any weakness named on the spot, as one change. */
import { addRound, citeWeakness, createInterview } from '../edits/interview';
import type { Outcome, RoundType } from '../model';
import { applyEdits, chain, EditResult } from '../yaml/text-edits';
import { newWeaknesses } from './journal-changes';
import { inFile, Plan, Texts } from './plan';

export interface InterviewAnswers {
  company: string;
  role: string;
  /** The date of the round, or of the application when no round was held yet. */
  date: string;
  round?: { type: RoundType; rating?: number; wentBadly?: string; interviewers?: string[] };
  outcome: Outcome;
  /** Weaknesses it surfaced: existing ids, and titles of new ones. */
  weaknesses: { existing: string[]; created: string[] };
}

export interface JournalPaths {
  journalFolder: string;
  weaknessesPath: string;
  /** Ids a new interview may not take (`JournalLayout.takenInterviewIds`). */
  interviewIds: Iterable<string>;
}

/** Reads: `paths.weaknessesPath`. */
export function planRecordInterview(texts: Texts, answers: InterviewAnswers, paths: JournalPaths): Plan<{ id: string; path: string }> {
  const created = createInterview(
    { company: answers.company.trim(), role: answers.role.trim(), applied: answers.round ? undefined : answers.date, outcome: answers.outcome },
    { journalFolder: paths.journalFolder, existingIds: paths.interviewIds },
  );
  if (!created.ok) return created;
  const weaknesses = newWeaknesses(paths.weaknessesPath, texts.get(paths.weaknessesPath), answers.weaknesses.created);
  if (!weaknesses.ok) return weaknesses;
  const ids = [...answers.weaknesses.existing, ...weaknesses.ids];
  const round = answers.round;
  const steps: ((t: string) => EditResult)[] = [];
  if (round) steps.push((t) => addRound(t, { type: round.type, date: answers.date, interviewers: round.interviewers, rating: round.rating, wentBadly: round.wentBadly }));
  for (const id of ids) steps.push((t) => citeWeakness(t, { weakness: id, round: round ? 1 : undefined, source: 'self' }));
  const r = chain(created.text, ...steps);
  if (!r.ok) return { ok: false, problems: inFile(r.problems, created.path) };
  const text = applyEdits(created.text, r.edits);
  return {
    ok: true,
    changes: [...(weaknesses.change ? [weaknesses.change] : []), { kind: 'create', path: created.path, text }],
    result: { id: created.id, path: created.path },
  };
}
