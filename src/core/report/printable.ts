/**
 * The printable report of a date range: "Applications from … to …", one row per application with its
 * date, company, role, how it was applied for, its stage history, outcome and feedback. The kind of
 * dated record an unemployment office asks for (in Germany the "Bewerbungsnachweis"). As Markdown, and
 * as a standalone HTML page (inline CSS, no outside resources) to print or save as PDF from a browser.
 */
import { interviewRow, stageHistory } from '../export';
import type { JournalIndex } from '../journal/journal-index';
import { Interview, OUTCOMES } from '../model';
import { interviewDate } from '../model';
import { escapeHtml } from '../text/html';
import { markdownText } from '../text/markdown';
import { filterInterviews, InterviewFilter, isFiltered, rangeTitle } from './filter';

export const REPORT_FORMATS = ['report-md', 'report-html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRow {
  date: string;
  company: string;
  role: string;
  /** The `source`: how the application started. */
  source: string;
  /** Rounds in order ("recruiter 2025-01-10 → coding 2025-01-17"), else the furthest stage. */
  stages: string;
  outcome: string;
  feedback: string;
  file: string;
}

export interface Report {
  title: string;
  rows: ReportRow[];
  /** "12 applications: 5 rejected, 4 pending, 3 ghosted" */
  summary: string;
  /** Interviews left out of a date range because they have no date. */
  undated: number;
  today: string;
}

function feedbackOf(iv: Interview): string {
  const f = iv.feedback;
  if (!f) return '';
  if (f.summary) return f.received ? `${f.received}: ${f.summary}` : f.summary;
  if (f.received) return `received ${f.received}`;
  if (f.requested) return `asked ${f.requested}, no answer yet`;
  return '';
}

function rowOf(iv: Interview): ReportRow {
  const r = interviewRow(iv);
  return {
    date: interviewDate(iv) ?? '', company: iv.company, role: iv.role, source: iv.source ?? '',
    stages: r.rounds.length ? stageHistory(r) : iv.stage && iv.stage !== 'applied' ? `reached ${iv.stage}` : '',
    outcome: iv.outcome ?? 'pending', feedback: feedbackOf(iv), file: iv.file,
  };
}

/** The report's content: the interviews a filter keeps, by date (undated last). */
export function buildReport(index: JournalIndex, filter: InterviewFilter | undefined, today: string): Report {
  const all = index.interviews();
  const kept = filterInterviews(all, filter);
  const rows = kept.map(rowOf).sort((a, b) => (a.date || '9999') < (b.date || '9999') ? -1 : (a.date || '9999') > (b.date || '9999') ? 1 : a.company.localeCompare(b.company));
  const counts = OUTCOMES.map((o) => [o, rows.filter((r) => r.outcome === o).length] as const).filter(([, n]) => n > 0);
  const summary = `${rows.length} application${rows.length === 1 ? '' : 's'}${counts.length ? `: ${counts.map(([o, n]) => `${n} ${o}`).join(', ')}` : ''}`;
  const undated = isFiltered(filter) && (filter.from || filter.to) ? filterInterviews(all, { outcomes: filter.outcomes }).filter((iv) => interviewDate(iv) === undefined).length : 0;
  return { title: rangeTitle(filter), rows, summary, undated, today };
}

const COLUMNS: [keyof ReportRow, string][] = [['date', 'Date'], ['company', 'Company'], ['role', 'Role'], ['source', 'How applied'], ['stages', 'Stage history'], ['outcome', 'Outcome'], ['feedback', 'Feedback']];

function undatedNote(r: Report): string | undefined {
  return r.undated ? `${r.undated} application${r.undated === 1 ? ' has' : 's have'} no date and ${r.undated === 1 ? 'is' : 'are'} not in this range.` : undefined;
}

/** A table cell: plain text as it is, anything else escaped (a | too). A cell never starts a line. */
function mdCell(s: string): string {
  return markdownText(s);
}

export function reportMarkdown(r: Report): string {
  const out = [`# ${mdCell(r.title)}`, '', `${r.summary}. Generated on ${r.today} from the Debrief journal.`, ''];
  if (r.rows.length) {
    out.push(`| ${COLUMNS.map(([, h]) => h).join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`);
    for (const row of r.rows) out.push(`| ${COLUMNS.map(([k]) => mdCell(row[k])).join(' | ')} |`);
  } else out.push('No application in this range.');
  const note = undatedNote(r);
  if (note) out.push('', note);
  return out.join('\n') + '\n';
}

const CSS = `
  @page { size: A4 landscape; margin: 12mm; }
  * { box-sizing: border-box; }
  body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; margin: 2rem; }
  h1 { font-size: 1.5em; margin: 0 0 .25em; }
  p.meta { color: #444; margin: 0 0 1.25em; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  th, td { text-align: left; vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #ccc; }
  th { background: #eee; border-bottom: 2px solid #888; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  td.date, td.outcome { white-space: nowrap; }
  td.feedback { white-space: pre-line; }
  span.step { white-space: nowrap; }
  p.note { color: #444; margin-top: 1em; }
  @media print { body { margin: 0; font-size: 9.5pt; } }
`;

/** A cell's HTML: escaped; a stage history breaks only between its steps, never inside a date. */
function cellHtml(column: keyof ReportRow, text: string): string {
  if (column !== 'stages' || !text.includes(' → ')) return escapeHtml(text);
  return text.split(' → ').map((step) => `<span class="step">${escapeHtml(step)}</span>`).join(' → ');
}

/** A standalone page: every journal string escaped, styles inline, nothing loaded from anywhere. */
export function reportHtml(r: Report): string {
  const note = undatedNote(r);
  const body = r.rows.length
    ? `<table>
<thead><tr>${COLUMNS.map(([, h]) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${r.rows.map((row) => `<tr>${COLUMNS.map(([k]) => `<td class="${k}">${cellHtml(k, row[k])}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`
    : '<p>No application in this range.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(r.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(r.title)}</h1>
<p class="meta">${escapeHtml(r.summary)}. Generated on ${escapeHtml(r.today)} from the Debrief journal.</p>
${body}
${note ? `<p class="note">${escapeHtml(note)}</p>\n` : ''}</body>
</html>
`;
}

/** The report in one of its formats. */
export function printableReport(index: JournalIndex, format: ReportFormat, filter: InterviewFilter | undefined, today: string): string {
  const r = buildReport(index, filter, today);
  return format === 'report-html' ? reportHtml(r) : reportMarkdown(r);
}
