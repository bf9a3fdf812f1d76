/**
 * What the write tools do: each is the plan of the matching command (the same core edits and plans,
 * so that a tool writes exactly what the command would, and refuses what it would refuse), after the
 * ids it names are checked against the journal. The caller applies the plan: the editor service in VS
 * Code (one Undo), the disk in `debrief mcp`.
 */
import { setOutcome } from '../edits/interview';
import { addImprovement, linkNote, setImprovementStatus, setWeaknessStatus } from '../edits/weaknesses';
import type { JournalIndex } from '../journal/journal-index';
import {
  IMPROVEMENT_STATUSES, ImprovementStatus, Interview, Outcome, OUTCOMES, RoundType, Weakness, WeaknessCategory, WEAKNESS_STATUSES, WeaknessStatus,
} from '../model';
import { editPlan } from '../plans/journal-changes';
import { Plan, refused, Texts } from '../plans/plan';
import { planRecordFeedback } from '../plans/record-feedback';
import { planRecordInterview } from '../plans/record-interview';
import { planAddWeakness, planLinkNewNote } from '../plans/weakness-plans';
import { notePath, notePathIssue } from '../note-paths';
import { studyNote, titleFromNotePath } from '../templates/study-note';
import { ToolError, unknownId } from './reads';

export interface WriteContext {
  index: JournalIndex;
  today: string;
}

/** A write, ready to apply: the files it reads, its plan, and what it does in a sentence. */
export interface WriteIntent {
  reads: string[];
  plan: (texts: Texts) => Plan<unknown>;
  /** "Record feedback for Acme, Backend Engineer", for the confirmation and the result. */
  title: string;
  /** What to tell the model once written, from the plan's result. */
  done(result: unknown): Record<string, unknown>;
}

function interviewOf(index: JournalIndex, id: string): Interview {
  const iv = index.interview(id);
  if (!iv) throw unknownId('interview', id, index.interviews().map((i) => i.id));
  const files = index.filesWithInterviewId(id);
  if (files.length > 1) throw new ToolError(`Interview id "${id}" is used by ${files.join(' and ')}; the user must fix that first.`);
  return iv;
}

function weaknessOf(index: JournalIndex, id: string): Weakness {
  const w = index.weakness(id);
  if (!w) throw unknownId('weakness', id, index.weaknessIds());
  return w;
}

function checkWeaknesses(index: JournalIndex, ids: readonly string[] | undefined): string[] {
  for (const id of ids ?? []) weaknessOf(index, id);
  return [...new Set(ids ?? [])];
}

function label(iv: Interview): string {
  return iv.role ? `${iv.company}, ${iv.role}` : iv.company;
}

/** A study note path as written, normalised; refused when absolute or leaving the workspace (the one note-path rule). */
function checkNotePath(note: string): string {
  const p = notePath(note.trim());
  if (p === undefined) throw new ToolError(`The note path "${note}" ${notePathIssue(note.trim()) ?? 'is not valid'}: write it relative to the workspace folder, like notes/caching.md.`);
  return p;
}

export interface RecordInterviewInput {
  company: string; role: string; date: string; outcome?: Outcome;
  round?: { type: RoundType; interviewers?: string[]; rating?: number; wentBadly?: string };
  weaknesses?: string[]; newWeaknesses?: string[];
}

export function recordInterview(ctx: WriteContext, input: RecordInterviewInput): WriteIntent {
  const existing = checkWeaknesses(ctx.index, input.weaknesses);
  const weaknessesPath = ctx.index.weaknessesPath;
  const round = input.round && { type: input.round.type, interviewers: input.round.interviewers?.map((s) => s.trim()), rating: input.round.rating, wentBadly: input.round.wentBadly?.trim() || undefined };
  return {
    reads: [weaknessesPath],
    title: `Record an interview: ${input.company.trim()}, ${input.role.trim()} (${input.date})`,
    plan: (texts) => planRecordInterview(texts, {
      company: input.company, role: input.role, date: input.date, round, outcome: input.outcome ?? 'pending',
      weaknesses: { existing, created: (input.newWeaknesses ?? []).map((t) => t.trim()) },
    }, { journalFolder: ctx.index.journalFolder, weaknessesPath, interviewIds: ctx.index.layout.takenInterviewIds(ctx.index) }),
    done: (r) => ({ recorded: r }),
  };
}

export interface RecordFeedbackInput {
  interview: string; received: string; summary: string; quotes?: string[]; weaknesses?: string[]; newWeaknesses?: string[];
}

export function recordFeedback(ctx: WriteContext, input: RecordFeedbackInput): WriteIntent {
  const iv = interviewOf(ctx.index, input.interview);
  const existing = checkWeaknesses(ctx.index, input.weaknesses);
  if (iv.feedback?.requested && input.received < iv.feedback.requested) throw new ToolError(`The feedback cannot have come on ${input.received}, before it was asked for (${iv.feedback.requested}).`);
  const weaknessesPath = ctx.index.weaknessesPath;
  return {
    reads: [iv.file, weaknessesPath],
    title: `Record the feedback from ${label(iv)}, received ${input.received}`,
    plan: (texts) => planRecordFeedback(texts, iv.file, weaknessesPath, {
      received: input.received, summary: input.summary.trim(), quotes: (input.quotes ?? []).map((q) => q.trim()),
      weaknesses: { existing, created: (input.newWeaknesses ?? []).map((t) => t.trim()) },
    }),
    done: () => ({ interview: iv.id, file: iv.file }),
  };
}

export function addWeaknessIntent(ctx: WriteContext, input: { title: string; category?: WeaknessCategory; description?: string }): WriteIntent {
  const weaknessesPath = ctx.index.weaknessesPath;
  return {
    reads: [weaknessesPath],
    title: `Add the weakness "${input.title.trim()}"`,
    plan: (texts) => planAddWeakness(texts, weaknessesPath, { title: input.title.trim(), category: input.category, description: input.description?.trim() || undefined }),
    done: (id) => ({ weakness: id, file: weaknessesPath }),
  };
}

export function addImprovementIntent(ctx: WriteContext, input: { weakness: string; action: string; due?: string; doneWhen?: string }): WriteIntent {
  const w = weaknessOf(ctx.index, input.weakness);
  const path = ctx.index.weaknessesPath;
  let id: string | undefined;
  return {
    reads: [path],
    title: `Add "${input.action.trim()}" to the weakness "${w.title || w.id}"`,
    plan: (texts) => editPlan(path, texts, (text) => {
      const r = addImprovement(text, w.id, { action: input.action.trim(), due: input.due, doneWhen: input.doneWhen?.trim() || undefined });
      if (r.ok) id = r.id;
      return r;
    }),
    done: () => ({ weakness: w.id, improvement: id, file: path }),
  };
}

export interface SetStatusInput {
  target: 'interview' | 'weakness' | 'improvement';
  interview?: string; weakness?: string; improvement?: string; status: string;
}

function needs(input: SetStatusInput, key: 'interview' | 'weakness' | 'improvement'): string {
  const v = input[key];
  if (!v) throw new ToolError(`\`${key}\` is required for target ${input.target}.`);
  return v;
}

function allowed<T extends string>(value: string, values: readonly T[], what: string): T {
  if (!(values as readonly string[]).includes(value)) throw new ToolError(`"${value}" is not ${what}; use one of ${values.join(', ')}.`);
  return value as T;
}

export function setStatus(ctx: WriteContext, input: SetStatusInput): WriteIntent {
  if (input.target === 'interview') {
    const iv = interviewOf(ctx.index, needs(input, 'interview'));
    const outcome = allowed<Outcome>(input.status, OUTCOMES, 'an outcome');
    return {
      reads: [iv.file], title: `Set the outcome of ${label(iv)} to ${outcome}`,
      plan: (texts) => editPlan(iv.file, texts, (t) => setOutcome(t, outcome)),
      done: () => ({ interview: iv.id, outcome, file: iv.file }),
    };
  }
  const w = weaknessOf(ctx.index, needs(input, 'weakness'));
  const path = ctx.index.weaknessesPath;
  if (input.target === 'weakness') {
    const status = allowed<WeaknessStatus>(input.status, WEAKNESS_STATUSES, 'a weakness status');
    return {
      reads: [path], title: `Set the status of the weakness "${w.title || w.id}" to ${status}`,
      plan: (texts) => editPlan(path, texts, (t) => setWeaknessStatus(t, w.id, status)),
      done: () => ({ weakness: w.id, status, file: path }),
    };
  }
  const itemId = needs(input, 'improvement');
  const item = w.improvements.find((i) => i.id === itemId);
  if (!item) throw unknownId('improvement item', itemId, w.improvements.map((i) => i.id), ` under the weakness "${w.id}"`);
  const status = allowed<ImprovementStatus>(input.status, IMPROVEMENT_STATUSES, 'an improvement status');
  return {
    reads: [path], title: `Set "${item.action || item.id}" to ${status}`,
    plan: (texts) => editPlan(path, texts, (t) => setImprovementStatus(t, w.id, item.id, status, ctx.today)),
    done: () => ({ weakness: w.id, improvement: item.id, status, file: path, ...(status === 'done' ? { done: ctx.today } : {}) }),
  };
}

export function linkNoteIntent(ctx: WriteContext, input: { weakness: string; improvement: string; note: string; create?: boolean }): WriteIntent {
  const w = weaknessOf(ctx.index, input.weakness);
  const item = w.improvements.find((i) => i.id === input.improvement);
  if (!item) throw unknownId('improvement item', input.improvement, w.improvements.map((i) => i.id), ` under the weakness "${w.id}"`);
  const note = checkNotePath(input.note);
  const path = ctx.index.weaknessesPath;
  let created = false;
  return {
    // The note is read too: whether it exists decides between linking it and creating it.
    reads: [path, note],
    title: `Link ${note} to "${item.action || item.id}"${input.create ? ' (created from the template if missing)' : ''}`,
    plan: (texts) => {
      if (texts.get(note) !== undefined) return editPlan(path, texts, (t) => linkNote(t, w.id, item.id, note));
      if (!input.create) return refused('missing-note', `${note} does not exist. Pass create: true to create it from the study note template, or link an existing note.`, note);
      created = true;
      return planLinkNewNote(texts, path, w.id, item.id, note, studyNote(titleFromNotePath(note), { weakness: w, item }));
    },
    done: () => ({ weakness: w.id, improvement: item.id, note, created }),
  };
}
