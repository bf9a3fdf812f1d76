/**
 * The prompts the insights, reminders, review and export features show (the date comes from
 * src/services/clock.ts). Tests replace them through the internal testing command (no mock of vscode).
 */
import * as vscode from 'vscode';
import { prompter as ask } from '../../services/prompter';
import type { ExportFormat } from '../../core/export';
import type { RecordRef } from '../../core/insights';
import type { Journal } from '../../services/journal-store';

export type { Clock } from '../../services/clock';

export interface Prompter {
  /** Which format to export; undefined when dismissed. */
  pickExportFormat(): Promise<ExportFormat | undefined>;
  /** Where to save an export; undefined when dismissed. */
  saveLocation(defaultUri: vscode.Uri, format: ExportFormat): Promise<vscode.Uri | undefined>;
  /** Which of several records to open; undefined when dismissed. */
  pickRecord(refs: RecordRef[], title: string): Promise<RecordRef | undefined>;
  /** A gentle notification with one action; resolves true when the action was chosen. */
  notify(message: string, action: string): Promise<boolean>;
}

const FORMAT_ITEMS: { label: string; description: string; format: ExportFormat }[] = [
  { label: 'CSV', description: 'a spreadsheet, one row per interview', format: 'csv' },
  { label: 'Markdown', description: 'a table to paste into notes', format: 'md' },
  { label: 'JSON', description: 'for scripts', format: 'json' },
];

/** The default prompts, asked through the shared Prompter (src/services/prompter.ts) like every command's. */
export const defaultPrompter: Prompter = {
  pickExportFormat() {
    return ask().pick(FORMAT_ITEMS.map((f) => ({ ...f, value: f.format })), { title: 'Debrief: Export', placeholder: 'Export every interview as…' });
  },
  saveLocation(defaultUri, format) {
    const filters: Record<ExportFormat, Record<string, string[]>> = { csv: { CSV: ['csv'] }, md: { Markdown: ['md'] }, json: { JSON: ['json'] } };
    return ask().saveLocation({ defaultUri, filters: filters[format], title: 'Debrief: Export', saveLabel: 'Export' });
  },
  pickRecord(refs, title) {
    return ask().pick(
      refs.map((ref) => ({ label: ref.label, description: ref.detail, detail: `${ref.file}:${ref.line + 1}`, value: ref })),
      { title, placeholder: 'Open which record?' },
    );
  },
  async notify(message, action) {
    return (await ask().notify(message, action)) === action;
  },
};

/** The live seams, shared by the features of this extension. */
export const seams = {
  prompter: defaultPrompter,
  setPrompter(p: Partial<Prompter> | undefined): void {
    this.prompter = p ? { ...defaultPrompter, ...p } : defaultPrompter;
  },
};

/** Opens a record's file at its line. */
export async function openRef(journal: Journal, ref: RecordRef, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const pos = new vscode.Position(ref.line, 0);
  return vscode.window.showTextDocument(journal.uri(ref.file), { selection: new vscode.Range(pos, pos), preview: true, viewColumn: column });
}
