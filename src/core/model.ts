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

/** Outcomes that close an application. */
export const CLOSED_OUTCOMES: readonly Outcome[] = ['accepted', 'rejected', 'ghosted', 'withdrawn', 'declined', 'role-closed'];

/** The pattern every id matches. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export interface Round {
  /** 1-based position in `rounds`, the number citations use. */
  index: number;
  type?: RoundType;
  date?: string;
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

/** Is `s` a real calendar date written YYYY-MM-DD? */
export function isValidDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = +s.slice(0, 4), m = +s.slice(5, 7), d = +s.slice(8, 10);
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** Days from date a to date b (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86400000);
}

/** The date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Today's date as YYYY-MM-DD in local time. */
export function todayString(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
