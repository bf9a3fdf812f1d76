/**
 * Which applications an export or a report covers: a date range (by the interview's date, the one the
 * sidebar groups by) and a set of outcomes. No filter: every interview, as before.
 */
import { isValidDate } from '../dates';
import { Interview, Outcome, OUTCOMES } from '../model';
import { interviewDate } from '../model';

export interface InterviewFilter {
  /** First date included (YYYY-MM-DD). */
  from?: string;
  /** Last date included (YYYY-MM-DD). */
  to?: string;
  /** Outcomes included; an interview without an outcome counts as pending. */
  outcomes?: readonly Outcome[];
}

export function isFiltered(f: InterviewFilter | undefined): f is InterviewFilter {
  return Boolean(f && (f.from || f.to || f.outcomes));
}

/** The problem with a filter's values, or undefined when they are fine. */
export function checkFilter(f: InterviewFilter): string | undefined {
  for (const [name, d] of [['from', f.from], ['to', f.to]] as const) if (d !== undefined && !isValidDate(d)) return `--${name} must be a date written YYYY-MM-DD, not "${d}".`;
  if (f.from && f.to && f.from > f.to) return `The range ends (${f.to}) before it starts (${f.from}).`;
  const bad = f.outcomes?.find((o) => !(OUTCOMES as readonly string[]).includes(o));
  if (bad !== undefined) return `"${bad}" is not an outcome; use ${OUTCOMES.join(', ')}.`;
  if (f.outcomes && !f.outcomes.length) return 'Choose at least one outcome.';
  return undefined;
}

/** Reads a comma-separated list of outcomes ("rejected,ghosted"). */
export function parseOutcomes(text: string): string[] {
  return text.split(/[,\s]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/** The interviews a filter keeps, in the order given. Undated interviews are left out of a date range. */
export function filterInterviews(interviews: readonly Interview[], f: InterviewFilter | undefined): Interview[] {
  if (!isFiltered(f)) return [...interviews];
  return interviews.filter((iv) => {
    if (f.outcomes && !f.outcomes.includes(iv.outcome ?? 'pending')) return false;
    if (!f.from && !f.to) return true;
    const d = interviewDate(iv);
    return d !== undefined && (!f.from || d >= f.from) && (!f.to || d <= f.to);
  });
}

/** "Applications from 2026-01-01 to 2026-03-31", "… from …", "… up to …", or "All applications". */
export function rangeTitle(f: InterviewFilter | undefined): string {
  if (f?.from && f.to) return `Applications from ${f.from} to ${f.to}`;
  if (f?.from) return `Applications from ${f.from}`;
  if (f?.to) return `Applications up to ${f.to}`;
  return 'All applications';
}

/** "from 2026-01-01 to 2026-03-31, rejected or ghosted", for a place that shows the filter in a few words. */
export function describeFilter(f: InterviewFilter | undefined): string {
  if (!isFiltered(f)) return 'every application';
  const parts: string[] = [];
  if (f.from || f.to) parts.push(rangeTitle(f).replace(/^Applications /, ''));
  if (f.outcomes) parts.push(f.outcomes.join(' or '));
  return parts.join(', ');
}
