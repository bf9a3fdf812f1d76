/**
 * The draft of a feedback request to an interviewer: short, polite and specific, in words that fit
 * where the application ended. Drafting records nothing: the request counts once it is marked as sent.
 */
import { humanDate } from '../dates';
import type { JournalIndex } from '../journal/journal-index';
import type { Interview, Outcome } from '../model';

const ROUND_NAMES: Record<string, string> = {
  recruiter: 'recruiter call', coding: 'coding interview', 'system-design': 'system design interview', behavioral: 'behavioral interview',
  'take-home': 'take-home assignment', onsite: 'onsite interviews', other: 'interview',
};

/** Outcomes after which asking for feedback makes sense; an offer or a pending application is not one of them. */
const ASKABLE: readonly Outcome[] = ['rejected', 'ghosted', 'withdrawn', 'declined', 'role-closed'];

/** Can a feedback request be drafted for this application? */
export function canAskFeedback(iv: Interview): boolean {
  return iv.outcome !== undefined && ASKABLE.includes(iv.outcome) && !iv.feedback?.received;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The first name to greet: the round's first interviewer, without a note in brackets ("Priya (recruiter)"). */
function firstName(who: string | undefined): string | undefined {
  const name = who?.replace(/\s*\(.*\)\s*$/, '').trim();
  return name ? name.split(/\s+/)[0] : undefined;
}

export interface DraftOptions {
  /** From the setting `debrief.feedbackRequest.signature`; empty: the draft ends with a line to sign. */
  signature?: string;
  /** For the human date of the round. */
  today?: string;
}

/**
 * A feedback request to the last round's interviewer: their name, the round and its date as people
 * write them, the company in the subject, one narrow question that fits the outcome (no question about
 * "the decision" after withdrawing), and the user's signature.
 */
export function feedbackRequestDraft(iv: Interview, index?: JournalIndex, options: DraftOptions = {}): string {
  const round = [...iv.rounds].reverse().find((r) => r.type || r.date) ?? iv.rounds[iv.rounds.length - 1];
  const who = firstName(round?.interviewers[0]);
  const what = ROUND_NAMES[round?.type ?? 'other'] ?? 'interview';
  const when = round?.date ? ` on ${humanDate(round.date, options.today, true)}` : '';
  const cited = iv.weaknesses.find((c) => round === undefined || c.round === undefined || c.round === round.index);
  const title = cited ? index?.weakness(cited.weakness)?.title ?? cited.weakness.replace(/-/g, ' ') : undefined;
  const badly = round?.wentBadly?.trim().replace(/[.!]+$/, '');
  const decided = iv.outcome === 'rejected' || iv.outcome === 'role-closed';
  let question: string;
  if (iv.outcome === 'withdrawn' || iv.outcome === 'declined') {
    // The user ended it: no decision to ask about; what would make a stronger candidate next time.
    question = badly
      ? `I felt that this went less well: ${lowerFirst(badly)}. Did you see it the same way, and what would have made my answer stronger?`
      : `If there is one thing I could do better in a ${what} like this one, what would it be?`;
  } else if (iv.outcome === 'ghosted') {
    question = `I have not heard back since${when ? ` the ${what}${when}` : ''}, and I would value a word either way. If there is one thing I could have done better, what would it be?`;
  } else if (badly) {
    question = `I felt that this went less well: ${lowerFirst(badly)}. Was that what weighed most${decided ? ' in the decision' : ''}, or was it something else?`;
  } else if (title) {
    question = `Was "${lowerFirst(title)}" a factor${decided ? ' in the decision' : ''}, and if so, what would you have expected to see instead?`;
  } else question = `If there is one thing I could have done better in the ${what}, what would it be?`;
  const signature = options.signature?.trim();
  return [
    `Subject: ${iv.company}, ${iv.role}: a short request for feedback`,
    '',
    who ? `Hi ${who},` : 'Hello,',
    '',
    `Thank you for your time in the ${what} for the ${iv.role} role at ${iv.company}${when}.`,
    'I am working on improving, and one specific point from you would help me a lot.',
    '',
    question,
    '',
    'A sentence or two is plenty, and I understand if you cannot share details.',
    '',
    'Thank you again,',
    signature ?? '[your name]',
    '',
  ].join('\n');
}
