/**
 * The brief's sentences as plain text, the same in its Markdown (markdown.ts), its page (html.ts) and
 * wherever else it is said: each writer escapes them for its format.
 */
import { daysBetween, humanDate } from '../dates';
import type { RoundType } from '../model';
import type { AskedQuestion, Brief, BriefApplication, BriefNext, BriefRound, NoteToReread, Story } from './brief';
import type { LikelyWeakness } from './likely';

/** The section titles, in the order the brief holds them. */
export const SECTION_TITLES = {
  application: (b: Brief) => `This application, and earlier ones at ${b.interview.company}`,
  likely: () => 'What is likely to matter',
  questions: () => 'Questions asked before',
  reread: () => 'What to reread',
  stories: () => 'Stories to have ready',
} as const;

export type SectionId = keyof typeof SECTION_TITLES;
export const SECTION_IDS: readonly SectionId[] = ['application', 'likely', 'questions', 'reread', 'stories'];

/** "Globex, Platform Engineer". */
export function applicationName(a: Pick<BriefApplication, 'company' | 'role'>): string {
  return a.role ? `${a.company}, ${a.role}` : a.company;
}

/** "today", "tomorrow", "in 3 days", "2 days ago". */
export function relativeDay(date: string, today: string): string {
  const d = daysBetween(today, date);
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d === -1) return 'yesterday';
  return d > 0 ? `in ${d} days` : `${-d} days ago`;
}

/** "4 Dec (in 3 days)". */
export function when(date: string, today: string): string {
  return `${humanDate(date, today)} (${relativeDay(date, today)})`;
}

function kindOf(type: RoundType | undefined): string {
  return type ? `${type} round` : 'round';
}

/** The brief's title. */
export function briefTitle(b: Brief): string {
  return `Brief: ${applicationName(b.interview)}`;
}

/** The line under the title: for what, and when. */
export function briefSubtitle(b: Brief): string {
  const n = b.next;
  const what = n.roundType ? `the ${kindOf(n.roundType)}` : 'the next interview';
  const date = n.date ? ` on ${when(n.date, b.today)}` : '';
  return `Prepared ${humanDate(b.today, b.today)} for ${what}${date}.`;
}

/** One line of what is next: a sentence, and the meeting link it names (shown as a link where it can be). */
export interface NextLine {
  text: string;
  link?: string;
}

/** What is next and when, one sentence per scheduled round (its meeting link apart) and step; never empty. */
export function nextLines(n: BriefNext, today: string): NextLine[] {
  const lines: NextLine[] = n.rounds.flatMap((r) => [
    { text: sentence(`${capital(kindOf(r.type))} on ${r.date ? when(r.date, today) : 'a date not set'}${r.timeText ? `, ${r.timeText}` : ''}${r.interviewers.length ? `, with ${r.interviewers.join(', ')}` : ''}${r.location ? `, at ${r.location}` : ''}`) },
    ...(r.link ? [{ text: 'Meeting link:', link: r.link }] : []),
  ]);
  if (n.step) lines.push({ text: n.step.due ? `Next step: ${n.step.action || 'not named'}, due ${when(n.step.due, today)}.` : sentence(`Next step: ${n.step.action || 'not named'}`) });
  if (!lines.length) lines.push({ text: 'No round or next step with a date is recorded yet. Add the round when it is set (Add Round), or a next step with its due date.' });
  if (n.roundTypeFrom === 'chosen' && n.roundType) lines.push({ text: `Prepared for ${aKind(n.roundType)}, as chosen.` });
  if (n.roundTypeFrom === 'unknown') lines.push({ text: 'The kind of the next round is not known: the brief looks at every kind of round.' });
  return lines;
}

/** "applied 10 Nov (referral); pending; furthest stage: coding". */
export function applicationFacts(a: BriefApplication, today: string): string {
  const parts = [
    a.applied ? `applied ${humanDate(a.applied, today)}${a.source ? ` (${a.source})` : ''}` : a.source ? `source: ${a.source}` : undefined,
    a.outcome,
    `furthest stage: ${a.furthestStage}`,
    a.tags.length ? `tags: ${a.tags.join(', ')}` : undefined,
  ];
  return parts.filter(Boolean).join('; ');
}

/** "coding, 24 Oct, with Richard: rated 4 of 5". */
export function roundHeadline(r: BriefRound, today: string): string {
  const head = [r.type ?? 'round', r.date ? humanDate(r.date, today) : undefined].filter(Boolean).join(', ');
  const who = r.interviewers.length ? `, with ${r.interviewers.join(', ')}` : '';
  const rating = r.rating !== undefined ? `: rated ${r.rating} of 5` : '';
  return `${head}${who}${r.cancelled ? ', cancelled' : ''}${rating}`;
}

/** How a round went, as "Went well: …" and "Went badly: …" lines. */
export function roundNotes(r: BriefRound): string[] {
  return [r.wentWell ? `Went well: ${r.wentWell}` : undefined, r.wentBadly ? `Went badly: ${r.wentBadly}` : undefined].filter((x): x is string => !!x);
}

/** The feedback of an application in one sentence, its quotes apart; undefined when none was asked or received. */
export function feedbackLine(a: BriefApplication, today: string): string | undefined {
  const f = a.feedback;
  if (!f) return undefined;
  if (f.received) return f.summary ? sentence(`Feedback received ${humanDate(f.received, today)}: ${f.summary}`) : `Feedback received ${humanDate(f.received, today)}.`;
  if (f.summary) return sentence(`Feedback: ${f.summary}`);
  if (f.requested) return `Feedback asked ${humanDate(f.requested, today)}, no answer yet.`;
  return undefined;
}

/** What the rounds of an earlier application were, in one line. */
export function roundsLine(a: BriefApplication): string {
  if (!a.rounds.length) return 'No rounds recorded.';
  return `Rounds: ${a.rounds.map((r) => `${r.type ?? 'round'}${r.cancelled ? ' (cancelled)' : r.rating !== undefined ? ` (${r.rating} of 5)` : ''}`).join(', ')}.`;
}

/** An earlier application at the company, after its name: its facts, rounds, feedback and weaknesses. */
export function earlierText(e: BriefApplication, today: string): string {
  const parts = [sentence(applicationFacts(e, today)), roundsLine(e), feedbackLine(e, today), e.weaknesses.length ? sentence(`Weaknesses named: ${e.weaknesses.map((w) => w.title || w.id).join('; ')}`) : undefined];
  return parts.filter((x): x is string => !!x).join(' ');
}

/** Said when the application has no round held yet. */
export const NO_ROUNDS = 'No rounds held yet in this application.';

/** Said when the company has no other application. */
export function noEarlierText(b: Brief): string {
  return sentence(`No earlier application at ${b.interview.company}`);
}

/** What the ranking is about, before the list. */
export function likelyIntro(b: Brief): string {
  const t = b.likely.roundType;
  return `Ranked by how often each weakness surfaced in ${t ? `${kindOf(t)}s` : 'rounds'}, at ${b.interview.company} and at similar applications, recent ones counting most.`;
}

/** The reasons of a weakness, as one sentence. */
export function reasonsText(w: LikelyWeakness): string {
  return sentence(capital(w.reasons.map((r) => r.text).join('; ')));
}

/** Its trend and whether the work paid off. */
export function progressText(w: LikelyWeakness): string {
  return `Lately: ${w.trendText}. ${w.verdictText}`;
}

/** An open improvement item, "Timebox the estimates (doing, due 5 Dec)". */
export function itemText(it: LikelyWeakness['openItems'][number], today: string): string {
  const due = it.due ? (it.overdue ? `, overdue since ${humanDate(it.due, today)}` : `, due ${humanDate(it.due, today)}`) : '';
  return `${it.action} (${it.status}${due})`;
}

/** Where a question was asked: "Globex, system-design round, 12 Nov; asked 2 times". */
export function questionSource(q: AskedQuestion, today: string): string {
  const parts = [q.company, q.roundType ? kindOf(q.roundType) : undefined, q.date ? humanDate(q.date, today) : undefined].filter(Boolean).join(', ');
  return q.times > 1 ? `${parts}; asked ${q.times} times` : parts;
}

/** Where a story comes from: "Hooli, coding round, 24 Oct, rated 4 of 5". */
export function storySource(s: Story, today: string): string {
  return [s.company, s.roundType ? kindOf(s.roundType) : undefined, s.date ? humanDate(s.date, today) : undefined, s.rating !== undefined ? `rated ${s.rating} of 5` : undefined].filter(Boolean).join(', ');
}

/** What a note is for, and its state when it was not read. */
export function noteDetail(n: NoteToReread): string {
  const titles = [...new Set(n.for.map((f) => f.title || f.weakness))];
  const state = n.state?.kind === 'missing' ? ' The note does not exist yet: Open Study Note creates it.' : n.state?.kind === 'refused' ? ` ${n.state.reason}` : '';
  return `${sentence(`For: ${titles.join('; ')}`)}${state}`;
}

/** "and 3 more". */
export function moreText(more: number, what: string): string | undefined {
  return more > 0 ? `And ${more} more ${what}.` : undefined;
}

/** The label of the action that records the coming round (Add Round, its type and date filled in). */
export const RECORD_LABEL = 'Record how it went';

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** A sentence ends with one full stop, also after journal text that has its own. */
export function sentence(s: string): string {
  return /[.?!]$/.test(s) ? s : `${s}.`;
}

/** "a coding round", "an onsite round". */
function aKind(type: RoundType): string {
  return `${type === 'onsite' ? 'an' : 'a'} ${kindOf(type)}`;
}
