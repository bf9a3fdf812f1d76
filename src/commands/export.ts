import * as vscode from 'vscode';
import { chosenFile } from '../adapters/vscode-fs';
import { CommandId } from '../constants';
import { filesNotRead } from '../core/journal/load';
import { writeOutput } from '../core/plans/apply-to-fs';
import { ExportFormat, exportInterviews } from '../core/export';
import { OUTCOMES, Outcome } from '../core/model';
import { checkFilter, describeFilter, filterInterviews, InterviewFilter, isFiltered } from '../core/report/filter';
import { printableReport, ReportFormat } from '../core/report/printable';
import type { PickItem } from '../services/prompter';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickJournal } from '../ui/pickers';
import { dateCheck } from '../ui/questions';

interface Format {
  label: string;
  description: string;
  format: ExportFormat | ReportFormat;
  extension: string;
  filters: Record<string, string[]>;
}

const FORMATS: Format[] = [
  { label: 'CSV', description: 'a spreadsheet, one row per interview', format: 'csv', extension: 'csv', filters: { CSV: ['csv'] } },
  { label: 'Markdown', description: 'a table to paste into notes', format: 'md', extension: 'md', filters: { Markdown: ['md'] } },
  { label: 'JSON', description: 'for scripts', format: 'json', extension: 'json', filters: { JSON: ['json'] } },
  { label: 'Report (HTML page)', description: 'Applications from … to …, to print or save as PDF from a browser', format: 'report-html', extension: 'html', filters: { HTML: ['html'] } },
  { label: 'Report (Markdown)', description: 'the same report as Markdown', format: 'report-md', extension: 'md', filters: { Markdown: ['md'] } },
];

type Choice = { kind: 'format'; format: Format } | { kind: 'filter' } | { kind: 'all' };

const TITLE = 'Debrief: Export';

/**
 * Debrief: Export: the interviews as CSV, Markdown or JSON (the same output as `debrief export`), or
 * the printable report of a date range, to a file the user picks; optionally only some applications
 * (a date range, some outcomes).
 */
export class ExportCommand implements Command {
  readonly id = CommandId.Export;
  constructor(private readonly services: Services) {}

  async execute(): Promise<vscode.Uri | undefined> {
    const { prompter, clock } = this.services;
    const journal = await pickJournal(this.services, { title: TITLE, placeholder: 'Export which journal?', existing: true });
    if (!journal) return undefined;
    const all = journal.index.interviews();
    let filter: InterviewFilter | undefined;
    let format: Format | undefined;
    while (!format) {
      const n = filterInterviews(all, filter).length;
      const items: PickItem<Choice>[] = [
        ...FORMATS.map((f) => ({ label: f.label, description: f.description, value: { kind: 'format' as const, format: f } })),
        { label: '', kind: vscode.QuickPickItemKind.Separator, value: { kind: 'all' } },
        { label: '$(filter) Only some applications…', description: isFiltered(filter) ? `now: ${describeFilter(filter)}` : 'a date range, some outcomes', value: { kind: 'filter' } },
        ...(isFiltered(filter) ? [{ label: '$(clear-all) Every application', value: { kind: 'all' as const } }] : []),
      ];
      const choice = await prompter.pick(items, {
        title: TITLE,
        placeholder: isFiltered(filter) ? `Export ${n} of ${all.length} applications (${describeFilter(filter)}) as…` : 'Export every interview as…',
      });
      if (!choice) return undefined;
      if (choice.kind === 'format') format = choice.format;
      else if (choice.kind === 'all') filter = undefined;
      else {
        const asked = await this.askFilter(filter);
        if (!asked) return undefined;
        filter = asked;
      }
    }
    const suggested = vscode.Uri.joinPath(journal.folder.uri, `debrief-${format.format.startsWith('report') ? 'report' : 'export'}-${clock.today()}.${format.extension}`);
    const target = await prompter.saveLocation({ defaultUri: suggested, filters: format.filters, title: TITLE, saveLabel: 'Export' });
    if (!target) return undefined;
    const text = format.format === 'report-html' || format.format === 'report-md'
      ? printableReport(journal.index, format.format, filter, clock.today())
      : exportInterviews(journal.index, format.format, filter);
    // The user chose the place; the one writer still writes only a new file or a regular file with one name.
    const chosen = chosenFile(target);
    const written = await writeOutput(chosen.fs, chosen.path, text, vscode.workspace.asRelativePath(target));
    if (!written.ok) {
      void prompter.error(`Debrief did not export: ${written.problems[0].message}`);
      return undefined;
    }
    const n = filterInterviews(all, filter).length;
    const html = format.format === 'report-html';
    const what = format.format.startsWith('report') ? `the report of ${n} application${n === 1 ? '' : 's'}` : `${n} interview${n === 1 ? '' : 's'}`;
    // Files not read are said, as debrief export says them: the export leaves them out.
    const notRead = filesNotRead(journal.index).length;
    const left = notRead ? ` ${notRead} journal file${notRead === 1 ? ' was' : 's were'} not read and ${notRead === 1 ? 'is' : 'are'} left out: the Problems panel says why.` : '';
    void prompter.notify(`Debrief exported ${what} to ${vscode.workspace.asRelativePath(target)}.${left}`, 'Open', ...(html ? ['Open in Browser'] : []))
      .then(async (open) => {
        if (open === 'Open') await vscode.window.showTextDocument(target);
        else if (open === 'Open in Browser') await vscode.env.openExternal(target);
      });
    return target;
  }

  /** From, to and outcomes; each may be left open. Undefined when Escape is pressed. */
  private async askFilter(current: InterviewFilter | undefined): Promise<InterviewFilter | undefined> {
    const { prompter } = this.services;
    const from = await prompter.input({ title: TITLE, step: 1, totalSteps: 3, prompt: 'From (YYYY-MM-DD; empty: from the first application)', value: current?.from ?? '', validate: dateCheck(true) });
    if (from === undefined) return undefined;
    const to = await prompter.input({
      title: TITLE, step: 2, totalSteps: 3, prompt: 'To (YYYY-MM-DD, included; empty: up to the last)', value: current?.to ?? '',
      validate: (v) => dateCheck(true)(v) ?? (v.trim() && from.trim() && v.trim() < from.trim() ? `The range ends before it starts (${from.trim()}).` : undefined),
    });
    if (to === undefined) return undefined;
    const outcomes = await prompter.pickMany<Outcome>(OUTCOMES.map((o) => ({ label: o, value: o, picked: current?.outcomes ? current.outcomes.includes(o) : true })), {
      title: TITLE, step: 3, totalSteps: 3, placeholder: 'Which outcomes? (leave every one checked for all)',
    });
    if (outcomes === undefined) return undefined;
    const filter: InterviewFilter = {
      ...(from.trim() ? { from: from.trim() } : {}),
      ...(to.trim() ? { to: to.trim() } : {}),
      ...(outcomes.length && outcomes.length < OUTCOMES.length ? { outcomes } : {}),
    };
    return checkFilter(filter) === undefined ? filter : undefined;
  }
}
