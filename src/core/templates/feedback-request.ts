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
const ASKABLE = ['rejected', 'ghosted', 'withdrawn', 'declined', 'role-closed'] as const satisfies readonly Outcome[];
type Askable = (typeof ASKABLE)[number];

function isAskable(outcome: Outcome | undefined): outcome is Askable {
  return (ASKABLE as readonly (Outcome | undefined)[]).includes(outcome);
}

/** Can a feedback request be drafted for this application? */
export function canAskFeedback(iv: Interview): boolean {
  return isAskable(iv.outcome) && !iv.feedback?.received;
}

/** A note continued mid-sentence: "Rushed the edge cases" → "rushed the edge cases" ("API design" stays). */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Lu}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

/** The first name to greet: the round's first interviewer, without a note in brackets ("Priya (recruiter)"). */
function firstName(who: string | undefined): string | undefined {
  const name = who?.replace(/\s*\(.*\)\s*$/, '').trim();
  return name ? name.split(/\s+/)[0] : undefined;
}

export interface DraftOptions {
  /** From the setting `debrief.feedbackRequest.signature`; empty or blank: the draft ends with `[your name]` to fill in. */
  signature?: string;
  /** For the human date of the round. */
  today?: string;
}

/** What the draft says when no signature is set: a line that cannot be sent unnoticed. */
export const SIGNATURE_PLACEHOLDER = '[your name]';

/** The words of a draft that depend on how the application ended. */
interface Wording {
  /** After "Thank you for the <round> for the <role> role at <company> on <date>". */
  thanks: string;
  /** Why one point would help, in the user's situation. */
  context: string;
  question: string;
}

/** What the draft can say about the round: its name, and the user's own notes on it. */
interface RoundFacts {
  what: string;
  /** The user's private note of what went badly, without a final full stop. */
  badly?: string;
  /** The title of a weakness the interview cites for this round. */
  weakness?: string;
}

/**
 * The wording for each outcome one can ask feedback after. The user's private notes (what went badly,
 * the weakness they named) are quoted only where they decided nothing: after a rejection or a role
 * closed, as a question to the interviewer; never after the user withdrew or declined, where the
 * interviewer was never asked to judge an answer.
 */
const WORDING: Record<Askable, (r: RoundFacts) => Wording> = {
  rejected: (r) => ({
    thanks: ', and for letting me know your decision.',
    context: 'I am working on improving, and one specific point from you would help me a lot.',
    question: r.badly ? `I felt that this went less well: ${lowerFirst(r.badly)}. Was that what weighed most in the decision, or was it something else?`
      : r.weakness ? `Was "${lowerFirst(r.weakness)}" a factor in the decision, and if so, what would you have expected to see instead?`
        : `If there is one thing I could have done better in the ${r.what}, what would it be?`,
  }),
  ghosted: (r) => ({
    thanks: '.',
    context: 'I have not heard back since then, and I would value a word either way.',
    question: `If there is one thing I could have done better in the ${r.what}, what would it be?`,
  }),
  withdrawn: (r) => ({
    thanks: '.',
    context: 'I decided not to continue with the process, but I am working on my interviews, and your view on one point would help me a lot.',
    question: `Was there one thing in the ${r.what} that I could do better next time?`,
  }),
  declined: (r) => ({
    thanks: ', and for the offer.',
    context: 'I decided not to accept it, but I am working on my interviews, and your view on one point would help me a lot.',
    question: `From what you saw in the ${r.what}, what is one thing I could do better next time?`,
  }),
  'role-closed': (r) => ({
    thanks: '. I understand that the position has been closed.',
    context: 'I am working on improving, and one specific point from you would still help me a lot.',
    question: r.badly ? `I felt that this went less well: ${lowerFirst(r.badly)}. Did you see it the same way, and what would you have expected instead?`
      : r.weakness ? `Did you notice "${lowerFirst(r.weakness)}", and if so, what would you have expected to see instead?`
        : `If there is one thing I could have done better in the ${r.what}, what would it be?`,
  }),
};

/**
 * A feedback request to the last round's interviewer: their name, the round and its date as people
 * write them, the company in the subject, one narrow question in words that fit how the application
 * ended (see WORDING), and the user's signature, or a placeholder to fill in.
 */
export function feedbackRequestDraft(iv: Interview, index?: JournalIndex, options: DraftOptions = {}): string {
  const round = [...iv.rounds].reverse().find((r) => r.type || r.date) ?? iv.rounds[iv.rounds.length - 1];
  const who = firstName(round?.interviewers[0]);
  const what = ROUND_NAMES[round?.type ?? 'other'] ?? 'interview';
  const when = round?.date ? ` on ${humanDate(round.date, options.today, true)}` : '';
  const cited = iv.weaknesses.find((c) => round === undefined || c.round === undefined || c.round === round.index);
  const weakness = cited ? index?.weakness(cited.weakness)?.title || cited.weakness.replace(/-/g, ' ') : undefined;
  const badly = round?.wentBadly?.trim().replace(/[.!]+$/, '') || undefined;
  // Drafted for an askable outcome only (canAskFeedback); any other reads as a rejection.
  const wording = WORDING[isAskable(iv.outcome) ? iv.outcome : 'rejected']({ what, badly, weakness });
  return [
    `Subject: ${iv.company}, ${iv.role}: a short request for feedback`,
    '',
    who ? `Hi ${who},` : 'Hello,',
    '',
    `Thank you for the ${what} for the ${iv.role} role at ${iv.company}${when}${wording.thanks}`,
    wording.context,
    '',
    wording.question,
    '',
    'A sentence or two is plenty, and I understand if you cannot share details.',
    '',
    'Thank you again,',
    options.signature?.trim() || SIGNATURE_PLACEHOLDER,
    '',
  ].join('\n');
}

