/**
 * The report of an import, before (preview, --dry-run) or after it is written: how the file was read,
 * what each row became, the values Debrief did not understand, and the summary line. The CLI prints
 * it as text; the editor opens it as Markdown. Both come from the same lines.
 */
import { markdownText } from '../text/markdown';
import { shown } from '../text/shown';
import type { Encoding } from './decode';
import { Field, FIELDS, fieldOf, Mapping } from './fields';
import { ImportPlan, importSummary, RowResult } from './plan';
import type { Preset } from './presets';
import { delimiterName, rowName, Table } from './table';

export interface ReportContext {
  file: string;
  table: Table;
  mapping: Mapping;
  preset: Preset;
  /** Why each field took its column (guess.ts); a field the user mapped has none. */
  reasons?: Partial<Record<Field, string>>;
  /** Columns written nowhere, and which of them were left out as the user's own. */
  ignored?: readonly number[];
  own?: readonly number[];
  /** Nothing was (or will be) written: a dry run or a preview. */
  dryRun?: boolean;
}

const ENCODING_NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' };

/** How the file was read: its encoding and separator, or its sheet; the header's line; the preset. */
export function readAs(c: Pick<ReportContext, 'table' | 'preset'>): string {
  const t = c.table;
  const how = t.sheet !== undefined
    ? `Read the sheet "${t.sheet}"${t.sheets && t.sheets.length > 1 ? ` (of ${t.sheets.map((n) => `"${n}"`).join(', ')})` : ''}`
    : `Read as ${t.encoding ? ENCODING_NAMES[t.encoding] : 'text'}, ${delimiterName(t.delimiter)}-separated`;
  return `${how}, header on ${rowName(t, t.headerLine)}, preset: ${c.preset.label}.`;
}

/** One line per mapped field: its column and why ("company ← Companies Name: named so"). */
export function mappingLines(c: Pick<ReportContext, 'table' | 'mapping' | 'reasons'>): string[] {
  return FIELDS.filter((f) => c.mapping[f] !== undefined).map((f) => `${f} ← ${c.table.headers[c.mapping[f]!]}${c.reasons ? `: ${c.reasons[f] ?? 'chosen by you'}` : ''}`);
}

/** The columns that fill no field: kept in the notes, left out as the user's own, or ignored by the user. */
export function otherColumns(c: Pick<ReportContext, 'table' | 'mapping' | 'ignored' | 'own'>): { notes: string[]; own: string[]; ignored: string[] } {
  const ignored = new Set(c.ignored ?? []);
  const own = new Set(c.own ?? []);
  const out = { notes: [] as string[], own: [] as string[], ignored: [] as string[] };
  c.table.headers.forEach((h, i) => {
    if (fieldOf(c.mapping, i) !== undefined) return;
    (!ignored.has(i) ? out.notes : own.has(i) ? out.own : out.ignored).push(h);
  });
  return out;
}

/** The lines that say where the columns that fill no field went. */
export function otherColumnLines(c: Pick<ReportContext, 'table' | 'mapping' | 'ignored' | 'own'>): string[] {
  const o = otherColumns(c);
  return [
    ...(o.notes.length ? [`kept in the notes as "Column: value": ${o.notes.join(', ')}`] : []),
    ...(o.own.length ? [`left out as your own (one e-mail, phone number or name in every row, never a contact): ${o.own.join(', ')}`] : []),
    ...(o.ignored.length ? [`ignored, as you chose: ${o.ignored.join(', ')}`] : []),
  ];
}

function who(r: RowResult): string {
  const what = [r.company, r.role].filter(Boolean).join(', ');
  return `${what || 'row'}${r.date ? ` (${r.date})` : ''}`;
}

/** Lines 4, 9 and 12 → "lines 4, 9, 12" (rows of a sheet); at most `max` listed. */
export function linesText(lines: readonly number[], table: Pick<Table, 'sheet'> = {}, max = 8): string {
  const shown = lines.slice(0, max).join(', ');
  const word = table.sheet !== undefined ? 'row' : 'line';
  return `${word}${lines.length === 1 ? '' : 's'} ${shown}${lines.length > max ? ` and ${lines.length - max} more` : ''}`;
}

function report(plan: ImportPlan, c: ReportContext, md: boolean): string {
  const esc = (s: string) => (md ? markdownText(s) : s);
  const item = md ? '- ' : '  ';
  const heading = (s: string) => (md ? `## ${s}` : `${s}:`);
  const out: string[] = [];
  const verb = c.dryRun ? 'would be' : 'were';
  out.push(md ? `# Import of ${esc(c.file)}` : `Import of ${c.file}`);
  out.push('');
  out.push(esc(readAs(c)));
  if (c.dryRun) out.push('Dry run: nothing was written.');
  out.push('', heading('Columns'));
  for (const l of mappingLines(c)) out.push(`${item}${esc(l)}`);
  for (const l of otherColumnLines(c)) out.push(`${item}${esc(l)}`);
  const section = (title: string, rows: RowResult[], text: (r: RowResult) => string) => {
    if (!rows.length) return;
    out.push('', heading(`${title} (${rows.length})`));
    for (const r of rows) out.push(`${item}${rowName(c.table, r.line)}: ${text(r)}`);
  };
  section(`New interviews that ${verb} created`, plan.rows.filter((r) => r.kind === 'new'), (r) => `${esc(who(r))} → ${esc(r.path ?? '')}`);
  section('Duplicates, skipped', plan.rows.filter((r) => r.kind === 'duplicate'), (r) => `${esc(who(r))}: ${esc(r.reason ?? '')}`);
  section('Invalid rows, skipped', plan.rows.filter((r) => r.kind === 'invalid'), (r) => `${r.company || r.role ? `${esc(who(r))}: ` : ''}${esc(r.reason ?? '')}`);
  section('Not applications, skipped', plan.rows.filter((r) => r.kind === 'skipped'), (r) => `${esc(who(r))}: ${esc(r.reason ?? '')}`);
  if (plan.unmapped.length) {
    out.push('', heading('Values Debrief did not understand (imported as pending and kept in the notes)'));
    for (const u of plan.unmapped) out.push(`${item}${u.field} "${esc(shown(u.value))}": ${linesText(u.lines, c.table)}`);
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
