/** Typed journal records. Enums mirror the JSON Schemas in schemas/ (a unit test keeps them in sync). */
import type { Range } from './problems';

export const STAGES = ['applied', 'screening', 'recruiter', 'coding', 'take-home', 'system-design', 'behavioral', 'onsite', 'offer'] as const;
export const OUTCOMES = ['pending', 'offer', 'accepted', 'rejected', 'ghosted', 'withdrawn', 'declined', 'role-closed'] as const;
export const ROUND_TYPES = ['recruiter', 'coding', 'system-design', 'behavioral', 'take-home', 'onsite', 'other'] as const;
export const WEAKNESS_CATEGORIES = ['communication', 'technical', 'problem-solving', 'system-design', 'behavioral', 'domain'] as const;
export const WEAKNESS_STATUSES = ['suspected', 'confirmed', 'improving', 'resolved'] as const;
export const IMPROVEMENT_STATUSES = ['todo', 'doing', 'done', 'dropped'] as const;
export const CITATION_SOURCES = ['interviewer', 'self'] as const;

export type Stage = (typeof STAGES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type RoundType = (typeof ROUND_TYPES)[number];
export type WeaknessCategory = (typeof WEAKNESS_CATEGORIES)[number];
export type WeaknessStatus = (typeof WEAKNESS_STATUSES)[number];
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];
export type CitationSource = (typeof CITATION_SOURCES)[number];

/** Outcomes that close an application: nothing more will happen (every outcome but pending and offer). */
export const CLOSED_OUTCOMES: readonly Outcome[] = ['accepted', 'rejected', 'ghosted', 'withdrawn', 'declined', 'role-closed'];

/** Outcomes that end an application without an offer on the table: where the search got stuck. */
export const ENDED_WITHOUT_OFFER: readonly Outcome[] = ['rejected', 'ghosted', 'withdrawn', 'role-closed'];

export function isClosed(outcome: Outcome | undefined): boolean {
  return outcome !== undefined && CLOSED_OUTCOMES.includes(outcome);
}

export function endedWithoutOffer(outcome: Outcome | undefined): boolean {
  return outcome !== undefined && ENDED_WITHOUT_OFFER.includes(outcome);
}

/**
 * An improvement item's status as every view counts it: as written; without one, done when it has a
 * done date (the day the work was done), else to do.
 */
export function itemStatus(item: Pick<ImprovementItem, 'status' | 'done'>): ImprovementStatus {
  return item.status ?? (item.done !== undefined ? 'done' : 'todo');
}

/** The day an improvement item was done: its done date, when it is done. */
export function doneOn(item: Pick<ImprovementItem, 'status' | 'done'>): string | undefined {
  return itemStatus(item) === 'done' ? item.done : undefined;
}

/** Improvement items still to be worked on (to do or doing). */
export function isOpenItem(item: Pick<ImprovementItem, 'status' | 'done'>): boolean {
  const status = itemStatus(item);
  return status === 'todo' || status === 'doing';
}

/** Is an improvement item still open and past its due date on `today`? */
export function isOverdue(item: Pick<ImprovementItem, 'status' | 'due' | 'done'>, today: string): boolean {
  return isOpenItem(item) && item.due !== undefined && item.due < today;
}

/** The date that places an application in time: applied, else its first dated round. */
export function interviewDate(iv: Pick<Interview, 'applied' | 'rounds'>): string | undefined {
  return iv.applied ?? iv.rounds.find((r) => r.date)?.date;
}

export interface Round {
  /** 1-based position in `rounds`, the number citations use. */
  index: number;
  type?: RoundType;
  /** The calendar date (YYYY-MM-DD), also when `date` is written as a date and time. */
  date?: string;
  /** The start time, HH:MM on the 24-hour clock: from `time`, or from a date and time in `date`. */
  time?: string;
  /**
   * The canonical zone of the start time (time-zones.ts): from `timezone`, else from the offset of a
   * date and time in `date`. Undefined: the time is the user's own (a floating time).
   */
  timeZone?: string;
  /** How long it lasts, in minutes. */
  duration?: number;
  location?: string;
  /** The meeting link: http or https only (the reader drops any other, with a problem). */
  link?: string;
  /** The calendar invitation the round came from. */
  invitation?: { uid: string; sequence?: number };
  /** The round was cancelled: it did not (or will not) take place. */
  cancelled?: boolean;
  interviewers: string[];
  rating?: number;
  questions: string[];
  wentWell?: string;
  wentBadly?: string;
  range: Range;
}

export interface Feedback {
  requested?: string;
  received?: string;
  summary?: string;
  quotes: string[];
  range: Range;
}

export interface WeaknessCitation {
  /** 0-based position in the interview's `weaknesses` list. */
  index: number;
  weakness: string;
  round?: number;
  source?: CitationSource;
  quote?: string;
  /** The whole citation item. */
  range: Range;
  /** The `weakness:` value, where an unknown id is reported. */
  weaknessRange: Range;
}

export interface NextStep {
  action?: string;
  due?: string;
  range: Range;
}

export interface Interview {
  file: string;
  /** The id; falls back to the file name when the id is missing or invalid. */
  id: string;
  idRange: Range;
  company: string;
  role: string;
  applied?: string;
  source?: string;
  stage?: Stage;
  outcome?: Outcome;
  rounds: Round[];
  feedback?: Feedback;
  weaknesses: WeaknessCitation[];
  next?: NextStep;
  tags: string[];
  notes?: string;
  /** The whole document. */
  range: Range;
}

export interface NoteLink {
  path: string;
  range: Range;
}

export interface ImprovementItem {
  weaknessId: string;
  /** 0-based position in the weakness's `improvements`. */
  index: number;
  id: string;
  idRange: Range;
  action: string;
  status?: ImprovementStatus;
  due?: string;
  doneWhen?: string;
  done?: string;
  notes: NoteLink[];
  range: Range;
}

export interface Weakness {
  file: string;
  /** 0-based position in the `weaknesses` list. */
  index: number;
  id: string;
  idRange: Range;
  title: string;
  category?: WeaknessCategory;
  status?: WeaknessStatus;
  description?: string;
  improvements: ImprovementItem[];
  range: Range;
}

export interface WeaknessesFile {
  file: string;
  weaknesses: Weakness[];
  range: Range;
}
