/** Record Feedback: the reply in the interview, the weaknesses it points to, new ones in weaknesses.yaml. */
import { citeWeakness, recordFeedbackReceived } from '../edits/interview';
import { chain } from '../yaml/text-edits';
import { newWeaknesses } from './journal-changes';
import { inFile, missingFile, Plan, Texts } from './plan';

export interface FeedbackAnswers {
  received: string;
  summary: string;
  quotes: string[];
  weaknesses: { existing: string[]; created: string[] };
}

/** Reads: `interviewPath`, `weaknessesPath`. */
export function planRecordFeedback(texts: Texts, interviewPath: string, weaknessesPath: string, answers: FeedbackAnswers): Plan {
  const text = texts.get(interviewPath);
  if (text === undefined) return missingFile(interviewPath);
  const weaknesses = newWeaknesses(weaknessesPath, texts.get(weaknessesPath), answers.weaknesses.created);
  if (!weaknesses.ok) return weaknesses;
  const ids = [...answers.weaknesses.existing, ...weaknesses.ids];
  const r = chain(
    text,
    (t) => recordFeedbackReceived(t, { received: answers.received, summary: answers.summary, quotes: answers.quotes }),
    ...ids.map((id) => (t: string) => citeWeakness(t, { weakness: id, source: 'interviewer' })),
  );
  if (!r.ok) return { ok: false, problems: inFile(r.problems, interviewPath) };
  return { ok: true, changes: [...(weaknesses.change ? [weaknesses.change] : []), ...(r.edits.length ? [{ kind: 'edit' as const, path: interviewPath, edits: r.edits }] : [])], result: undefined };
}
