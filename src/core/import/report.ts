/**
 * The report of an import, before (preview, --dry-run) or after it is written: how the file was read,
 * what each row became, the values Debrief did not understand, and the summary line. The CLI prints
 * it as text; the editor opens it as Markdown. Both come from the same lines.
 */
import { markdownText } from '../text/markdown';
import { describeMapping, Mapping } from './fields';
import { ImportPlan, importSummary, RowResult } from './plan';
import type { Preset } from './presets';
import { delimiterName, Table } from './table';

export interface ReportContext {
  file: string;
  table: Table;
  mapping: Mapping;
  preset: Preset;
  /** Nothing was (or will be) written: a dry run or a preview. */
  dryRun?: boolean;
}

const ENCODING_NAMES: Record<Table['encoding'], string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' };

function who(r: RowResult): string {
  const what = [r.company, r.role].filter(Boolean).join(', ');
  return `${what || 'row'}${r.date ? ` (${r.date})` : ''}`;
}

/** Lines 4, 9 and 12 → "lines 4, 9, 12"; at most `max` listed. */
export function linesText(lines: readonly number[], max = 8): string {
  const shown = lines.slice(0, max).join(', ');
  return `line${lines.length === 1 ? '' : 's'} ${shown}${lines.length > max ? ` and ${lines.length - max} more` : ''}`;
}

function report(plan: ImportPlan, c: ReportContext, md: boolean): string {
  const esc = (s: string) => (md ? markdownText(s) : s);
  const item = md ? '- ' : '  ';
  const heading = (s: string) => (md ? `## ${s}` : `${s}:`);
  const out: string[] = [];
  const verb = c.dryRun ? 'would be' : 'were';
  out.push(md ? `# Import of ${esc(c.file)}` : `Import of ${c.file}`);
  out.push('');
  out.push(`Read as ${ENCODING_NAMES[c.table.encoding]}, ${delimiterName(c.table.delimiter)}-separated, header on line ${c.table.headerLine}, preset: ${c.preset.label}.`);
  out.push(`Columns: ${esc(describeMapping(c.mapping, c.table.headers))}.`);
  if (c.dryRun) out.push('Dry run: nothing was written.');
  const section = (title: string, rows: RowResult[], text: (r: RowResult) => string) => {
    if (!rows.length) return;
    out.push('', heading(`${title} (${rows.length})`));
    for (const r of rows) out.push(`${item}line ${r.line}: ${text(r)}`);
  };
  section(`New interviews that ${verb} created`, plan.rows.filter((r) => r.kind === 'new'), (r) => `${esc(who(r))} → ${esc(r.path ?? '')}`);
  section('Duplicates, skipped', plan.rows.filter((r) => r.kind === 'duplicate'), (r) => `${esc(who(r))}: ${esc(r.reason ?? '')}`);
  section('Invalid rows, skipped', plan.rows.filter((r) => r.kind === 'invalid'), (r) => `${r.company || r.role ? `${esc(who(r))}: ` : ''}${esc(r.reason ?? '')}`);
  if (plan.unmapped.length) {
    out.push('', heading('Values Debrief did not understand (imported as pending and kept in the notes)'));
    for (const u of plan.unmapped) out.push(`${item}${u.field} "${esc(u.value)}": ${linesText(u.lines)}`);
  }
  for (const n of plan.notes) out.push('', `Note: ${n}`);
  if (!plan.rows.length) out.push('', 'The file has no rows below its header.');
  out.push('', importSummary(plan.counts));
  return out.join('\n') + '\n';
}

/** The report as plain text (the CLI). */
export function importReportText(plan: ImportPlan, context: ReportContext): string {
  return report(plan, context, false);
}

/** The report as Markdown, every value from the file escaped (the editor). */
export function importReportMarkdown(plan: ImportPlan, context: ReportContext): string {
  return report(plan, context, true);
}
