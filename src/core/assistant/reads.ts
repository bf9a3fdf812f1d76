/**
 * What the read tools answer, as plain data: the same records, numbers and words the views show,
 * from the same functions (progress/, insights.ts, reminders.ts), never a second computation.
 */
import { buildBrief } from '../brief/brief';
import { nextInterview } from '../brief/coming';
import { readBriefNotes } from '../brief/notes';
import type { FileSystem } from '../file-system';
import { closeMatches } from '../text/fuzzy';
import { insightsModel } from '../insights';
import type { JournalIndex } from '../journal/journal-index';
import { itemStatus, type Interview, type Outcome, type RoundType } from '../model';
import { furthestStage } from '../progress/stages';
import { rankWeaknesses, WeaknessProgress } from '../progress/weaknesses';
import { awaitingFeedback, lastActivity } from '../queries/sidebar';
import { reminders } from '../reminders';
import { filterInterviews } from '../report/filter';
import { journalStats } from '../stats';

export interface ReadContext {
  index: JournalIndex;
  today: string;
  /** The workspace folder's files, for the study notes a brief names (read only inside it). */
  fs?: FileSystem;
  /** The follow-up delay of feedback requests (setting debrief.reminders.feedbackFollowUpDays). */
  feedbackFollowUpDays: number;
}

/** A refusal a model can act on: what was not found, and the closest ids. */
export class ToolError extends Error {}

export function unknownId(kind: 'interview' | 'weakness' | 'improvement item', id: string, ids: readonly string[], where = ''): ToolError {
  const close = closeMatches(id, ids);
  const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : ids.length ? '' : ` There is no ${kind} yet.`;
  const list = kind === 'interview' ? ' debrief_list_interviews lists them.' : ' debrief_list_weaknesses lists them.';
  return new ToolError(`No ${kind} "${id}"${where}.${hint}${list}`);
}

function summary(iv: Interview, index: JournalIndex) {
  return {
    id: iv.id,
    company: iv.company,
    role: iv.role,
    applied: iv.applied,
    lastActivity: lastActivity(iv),
    outcome: iv.outcome ?? 'pending',
    furthestStage: furthestStage(iv),
    rounds: iv.rounds.length,
    feedback: iv.feedback?.received ? 'received' : awaitingFeedback(iv) ? 'awaiting reply' : iv.feedback?.requested ? 'asked' : 'not asked',
    weaknesses: iv.weaknesses.map((c) => c.weakness),
    file: iv.file,
    problems: index.problemsOf(iv.file).filter((p) => p.severity === 'error').length || undefined,
  };
}

export function listInterviews(ctx: ReadContext, input: { outcome?: Outcome[]; company?: string; from?: string; to?: string; limit?: number }) {
  const company = input.company?.trim().toLowerCase();
  const all = filterInterviews(ctx.index.interviews(), { outcomes: input.outcome, from: input.from, to: input.to })
    .filter((iv) => !company || iv.company.toLowerCase().includes(company))
    .sort((a, b) => (lastActivity(b) ?? '').localeCompare(lastActivity(a) ?? '') || a.id.localeCompare(b.id));
  const limit = input.limit ?? 100;
  return { today: ctx.today, total: all.length, shown: Math.min(limit, all.length), interviews: all.slice(0, limit).map((iv) => summary(iv, ctx.index)) };
}

export function getInterview(ctx: ReadContext, input: { id: string }) {
  const iv = ctx.index.interview(input.id);
  if (!iv) throw unknownId('interview', input.id, ctx.index.interviews().map((i) => i.id));
  return {
    ...summary(iv, ctx.index),
    source: iv.source,
    rounds: iv.rounds.map((r) => ({ number: r.index, type: r.type, date: r.date, time: r.time, timeZone: r.timeZone, duration: r.duration, location: r.location, link: r.link, cancelled: r.cancelled, interviewers: r.interviewers, rating: r.rating, questions: r.questions, wentWell: r.wentWell, wentBadly: r.wentBadly })),
    feedback: iv.feedback ? { requested: iv.feedback.requested, received: iv.feedback.received, summary: iv.feedback.summary, quotes: iv.feedback.quotes } : undefined,
    weaknesses: iv.weaknesses.map((c) => ({ id: c.weakness, title: ctx.index.weakness(c.weakness)?.title, round: c.round, source: c.source, quote: c.quote })),
    next: iv.next ? { action: iv.next.action, due: iv.next.due } : undefined,
    tags: iv.tags,
    notes: iv.notes,
    problemMessages: ctx.index.problemsOf(iv.file).slice(0, 10).map((p) => `line ${p.range.start.line + 1}: ${p.message}`),
  };
}

function weaknessData(ctx: ReadContext, p: WeaknessProgress) {
  const w = ctx.index.weakness(p.id);
  return {
    id: p.id,
    title: p.title,
    category: w?.category,
    status: p.status,
    description: w?.description,
    evidence: p.evidence,
    interviews: p.interviews,
    lastSeen: p.lastSeen,
    lately: `${p.recent.seen} of ${p.recent.of} interviews of the last 90 days`,
    trend: p.trendText,
    didTheWorkPayOff: p.verdictText,
    improvements: (w?.improvements ?? []).map((it) => ({ id: it.id, action: it.action, status: itemStatus(it), due: it.due, done: it.done, doneWhen: it.doneWhen, notes: it.notes.map((n) => n.path) })),
  };
}

export function listWeaknesses(ctx: ReadContext) {
  const ranked = rankWeaknesses(journalStats(ctx.index, ctx.today).weaknesses);
  return { today: ctx.today, order: 'what holds the user back most first', weaknesses: ranked.map((p) => weaknessData(ctx, p)) };
}

export function progress(ctx: ReadContext, input: { weakness?: string }) {
  const model = insightsModel(ctx.index, ctx.today);
  if (input.weakness) {
    const p = model.weaknesses.find((w) => w.id === input.weakness);
    if (!p) throw unknownId('weakness', input.weakness, model.weaknesses.map((w) => w.id));
    return { today: ctx.today, weakness: weaknessData(ctx, p) };
  }
  const answers = Object.fromEntries(model.sections.map((s) => [s.id, { question: s.question, answer: s.answer }]));
  const funnel = model.sections.find((s) => s.id === 'funnel')?.charts.find((c) => c.id === 'funnel');
  return {
    today: ctx.today,
    interviews: model.interviews,
    answers,
    funnel: funnel?.labels.map((label, i) => ({ step: label, applications: funnel.series[0]?.values[i], fromStepBefore: funnel.columns?.[0]?.values[i] || undefined })) ?? [],
    weaknesses: model.weaknesses.filter((w) => w.sightings > 0).map((w) => ({ id: w.id, title: w.title, evidence: w.evidence, trend: w.trendText, didTheWorkPayOff: w.verdictText })),
  };
}

export function due(ctx: ReadContext, input: { days?: number }) {
  const list = reminders(ctx.index, ctx.today, { feedbackFollowUpDays: ctx.feedbackFollowUpDays, soonDays: input.days ?? 7 });
  return { today: ctx.today, due: list.map((r) => ({ kind: r.kind, what: r.title, when: r.detail, daysOverdue: r.overdueDays, file: r.ref.file, line: r.ref.line + 1 })) };
}

/**
 * The brief of an interview (the next one by default), as the page shows it: the same data, with its
 * study notes read when the workspace's files are at hand. Line numbers are left out.
 */
export async function prepareInterview(ctx: ReadContext, input: { interview?: string; roundType?: RoundType }) {
  const iv = input.interview !== undefined ? ctx.index.interview(input.interview) : nextInterview(ctx.index, ctx.today);
  if (!iv) {
    if (input.interview !== undefined) throw unknownId('interview', input.interview, ctx.index.interviews().map((i) => i.id));
    throw new ToolError('There is no interview in the journal yet. Ask the user about the interview to prepare, and record it first with debrief_record_interview.');
  }
  const built = buildBrief(ctx.index, iv, ctx.today, { roundType: input.roundType });
  const brief = ctx.fs ? await readBriefNotes(built, ctx.fs) : built;
  return JSON.parse(JSON.stringify(brief, (key, value: unknown) => (key === 'line' ? undefined : value))) as unknown;
}
