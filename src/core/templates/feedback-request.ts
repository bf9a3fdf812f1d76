/** The draft of a feedback request to an interviewer. */
import type { JournalIndex } from '../journal/journal-index';
import type { Interview } from '../model';

const ROUND_NAMES: Record<string, string> = {
  recruiter: 'recruiter call', coding: 'coding interview', 'system-design': 'system design interview', behavioral: 'behavioral interview',
  'take-home': 'take-home assignment', onsite: 'onsite interviews', other: 'interview',
};

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * A short, polite, specific feedback request: to the last round's interviewer, naming the role and the
 * round, with one narrow question built from what went badly or the weakness it surfaced.
 */
export function feedbackRequestDraft(iv: Interview, index?: JournalIndex): string {
  const round = [...iv.rounds].reverse().find((r) => r.type || r.date) ?? iv.rounds[iv.rounds.length - 1];
  const who = round?.interviewers[0];
  const what = ROUND_NAMES[round?.type ?? 'other'] ?? 'interview';
  const when = round?.date ? ` on ${round.date}` : '';
  const cited = iv.weaknesses.find((c) => round === undefined || c.round === undefined || c.round === round.index);
  const title = cited ? index?.weakness(cited.weakness)?.title ?? cited.weakness.replace(/-/g, ' ') : undefined;
  const badly = round?.wentBadly?.trim().replace(/[.!]+$/, '');
  const question = badly
    ? `I felt that this went less well: ${lowerFirst(badly)}. Was that what weighed most in the decision, or was it something else?`
    : title
      ? `Was "${lowerFirst(title)}" a factor in the decision, and if so, what would you have expected to see instead?`
      : `If there is one thing I could have done better in the ${what}, what would it be?`;
  return [
    `Subject: ${iv.role}: a short request for feedback`,
    '',
    `Hi ${who ?? 'there'},`,
    '',
    `Thank you for your time in the ${what} for the ${iv.role} role at ${iv.company}${when}.`,
    'I am working on improving, and one specific point from you would help me a lot.',
    '',
    question,
    '',
    'A sentence or two is plenty, and I understand if you cannot share details.',
    '',
    'Thank you again,',
    '',
  ].join('\n');
}
