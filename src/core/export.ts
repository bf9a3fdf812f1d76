/** Exports of the journal: one row per interview with its stage history. */
import type { Interview } from './model';
import type { JournalIndex } from './journal/journal-index';
import { filterInterviews, InterviewFilter } from './report/filter';
import { markdownText } from './text/markdown';

export type ExportFormat = 'csv' | 'md' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'md', 'json'];

export interface InterviewRow {
  id: string;
  company: string;
  role: string;
  applied: string;
  source: string;
  stage: string;
  outcome: string;
  /** Rounds in order: type and date. */
  rounds: { type: string; date: string }[];
  feedbackRequested: string;
  feedbackReceived: string;
  weaknesses: string[];
  tags: string[];
  file: string;
}

export function interviewRow(iv: Interview): InterviewRow {
  return {
    id: iv.id, company: iv.company, role: iv.role, applied: iv.applied ?? '', source: iv.source ?? '', stage: iv.stage ?? '', outcome: iv.outcome ?? '',
    rounds: iv.rounds.map((r) => ({ type: r.type ?? 'other', date: r.date ?? '' })),
    feedbackRequested: iv.feedback?.requested ?? '', feedbackReceived: iv.feedback?.received ?? '',
    weaknesses: [...new Set(iv.weaknesses.map((c) => c.weakness))], tags: iv.tags, file: iv.file,
  };
}

/** "recruiter 2025-01-10 → coding 2025-01-17" */
export function stageHistory(row: InterviewRow): string {
  return row.rounds.map((r) => (r.date ? `${r.type} ${r.date}` : r.type)).join(' → ');
}

function csvCell(s: string): string {
  // Cells starting with a formula character are prefixed so spreadsheets do not evaluate them.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A table cell through the one Markdown escaper: plain text as it is, anything else (a | too) escaped, never markup, a link or HTML. */
function mdCell(s: string): string {
  return markdownText(s);
}

const HEADERS = ['id', 'company', 'role', 'applied', 'source', 'stage', 'outcome', 'rounds', 'feedback requested', 'feedback received', 'weaknesses', 'tags', 'file'];

function cells(r: InterviewRow): string[] {
  return [r.id, r.company, r.role, r.applied, r.source, r.stage, r.outcome, stageHistory(r), r.feedbackRequested, r.feedbackReceived, r.weaknesses.join(' '), r.tags.join(' '), r.file];
}

/**
 * Exports every interview (sorted by application date) as CSV, a Markdown table, or JSON; with a
 * filter, only the interviews it keeps (see report/filter.ts).
 */
export function exportInterviews(index: JournalIndex, format: ExportFormat, filter?: InterviewFilter): string {
  const rows = filterInterviews(index.interviews(), filter).map(interviewRow);
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return [HEADERS, ...rows.map(cells)].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
    case 'md':
      return [
        `| ${HEADERS.map((h) => h[0].toUpperCase() + h.slice(1)).join(' | ')} |`,
        `| ${HEADERS.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${cells(r).map(mdCell).join(' | ')} |`),
      ].join('\n') + '\n';
    default:
      throw new Error(`Unknown export format: ${String(format)}`);
  }
}
