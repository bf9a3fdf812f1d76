import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { ExportFormat, exportInterviews } from '../core/export';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickJournal } from '../ui/pickers';

const FORMATS: { label: string; description: string; format: ExportFormat; filters: Record<string, string[]> }[] = [
  { label: 'CSV', description: 'a spreadsheet, one row per interview', format: 'csv', filters: { CSV: ['csv'] } },
  { label: 'Markdown', description: 'a table to paste into notes', format: 'md', filters: { Markdown: ['md'] } },
  { label: 'JSON', description: 'for scripts', format: 'json', filters: { JSON: ['json'] } },
];

/** Debrief: Export: every interview as CSV, Markdown or JSON (the same output as `debrief export`) to a file the user picks. */
export class ExportCommand implements Command {
  readonly id = CommandId.Export;
  constructor(private readonly services: Services) {}

  async execute(): Promise<vscode.Uri | undefined> {
    const { prompter, clock } = this.services;
    const journal = await pickJournal(this.services, { title: 'Debrief: Export', placeholder: 'Export which journal?', existing: true });
    if (!journal) return undefined;
    const choice = await prompter.pick(FORMATS.map((f) => ({ label: f.label, description: f.description, value: f })), { title: 'Debrief: Export', placeholder: 'Export every interview as…' });
    if (!choice) return undefined;
    const suggested = vscode.Uri.joinPath(journal.folder.uri, `debrief-export-${clock.today()}.${choice.format}`);
    const target = await prompter.saveLocation({ defaultUri: suggested, filters: choice.filters, title: 'Debrief: Export', saveLabel: 'Export' });
    if (!target) return undefined;
    const text = exportInterviews(journal.index, choice.format);
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    } catch (e) {
      void prompter.error(`Debrief could not write ${vscode.workspace.asRelativePath(target)}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    const n = journal.index.interviews().length;
    void prompter.notify(`Debrief exported ${n} interview${n === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(target)}.`, 'Open')
      .then((open) => (open ? vscode.window.showTextDocument(target) : undefined));
    return target;
  }
}
