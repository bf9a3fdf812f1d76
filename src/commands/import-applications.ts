import * as vscode from 'vscode';
import { chosenFile } from '../adapters/vscode-fs';
import { CommandId } from '../constants';
import { readImportSource } from '../core/import-source';
import { assignColumn, describeMapping, Field, FIELD_LABELS, FIELD_TARGETS, FIELDS, fieldOf, Mapping, missingRequired } from '../core/import/fields';
import { readImport, ReadImport, reasonsFor } from '../core/import/import';
import { existingOf, ImportCounts, ImportPlan, importSummary, planImport, RowResult, statusKey } from '../core/import/plan';
import { PRESETS } from '../core/import/presets';
import { describeProblem } from '../core/import/problem';
import { importReportMarkdown, linesText } from '../core/import/report';
import type { StatusMeaning } from '../core/import/status';
import { rowName, sampleValues, Table } from '../core/import/table';
import { OUTCOMES } from '../core/model';
import { shown } from '../core/text/shown';
import { basename } from '../core/paths';
import type { Journal } from '../services/journal';
import type { PickItem } from '../services/prompter';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickJournal } from '../ui/pickers';
import { NONE } from '../ui/questions';
import { reveal } from '../ui/reveal';

const TITLE = 'Import Applications';
const SEPARATOR = vscode.QuickPickItemKind.Separator;

type MappingChoice = { kind: 'continue' } | { kind: 'field'; field: Field } | { kind: 'column'; column: number } | { kind: 'preset' } | { kind: 'sheet' } | { kind: 'none' };
type PreviewChoice = { kind: 'import' } | { kind: 'nothing' } | { kind: 'mapping' } | { kind: 'status'; value: string } | { kind: 'none' };

export interface ImportResult {
  counts: ImportCounts;
  /** The new interview files. */
  created: vscode.Uri[];
  /** The report, opened as a Markdown document. */
  report: vscode.TextDocument;
}

const upper = (s: string) => s[0].toUpperCase() + s.slice(1);

function separator<T>(label: string, value: T): PickItem<T> {
  return { label, kind: SEPARATOR, value };
}

/** The user's choices so far: the file as read (preset, sheet), the mapping and the columns written nowhere. */
interface Choices {
  read: ReadImport;
  mapping: Mapping;
  ignored: number[];
}

/**
 * Debrief: Import Applications…: one interview per row of a spreadsheet (CSV, TSV, .xlsx, .ods) or
 * another tracker's export. Asks for the file, shows how the columns map and why, and lets the user
 * change a field's column, keep or ignore the other columns, the preset and the sheet; shows what
 * would be created, skipped as duplicate, not an application yet or invalid (and the values not
 * understood), then writes every new interview as one change and opens the report. Escape at any
 * step writes nothing. A file URI given as the argument is imported without the open dialog.
 */
export class ImportApplicationsCommand implements Command {
  readonly id = CommandId.ImportApplications;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<ImportResult | undefined> {
    const { prompter: ask } = this.services;
    const journal = await pickJournal(this.services, { title: TITLE, placeholder: 'Import into which folder\'s journal?' });
    if (!journal) return undefined;
    const file = arg instanceof vscode.Uri ? arg : await ask.openLocation({
      title: `${TITLE}: choose a CSV or TSV file`, defaultUri: journal.folder.uri, openLabel: 'Import',
      filters: { 'Spreadsheets (CSV, TSV, Excel, OpenDocument)': ['csv', 'tsv', 'txt', 'xlsx', 'ods'], 'All files': ['*'] },
    });
    if (!file) return undefined;
    const name = basename(file.path);
    // The one safe read: a stat first, regular files only, at most the size limit (a pipe is refused at once).
    const source = chosenFile(file);
    const got = await readImportSource(source.fs, source.path, name);
    if (!got.ok) {
      void ask.error(`Debrief cannot import ${name}: ${got.problem.message}`);
      return undefined;
    }
    const bytes = got.bytes;
    const first = await readImport(bytes);
    if (!first.ok) return this.refuse(file, name, first.problem);

    let choices: Choices = { read: first.read, mapping: first.read.mapping, ignored: first.read.ignored };
    const statusChoices = new Map<string, StatusMeaning>();
    for (;;) {
      const settled = await this.askMapping(bytes, choices);
      if (!settled) return undefined;
      choices = settled;
      const { read, mapping, ignored } = settled;
      const table = read.table;
      const plan = (): ImportPlan | undefined => {
        const p = planImport(table, this.options(journal, name, choices, statusChoices));
        return p.ok ? p.plan : undefined;
      };
      // The preview, until the user imports, goes back to the mapping or presses Escape.
      let next: 'import' | 'nothing' | 'mapping' | undefined;
      for (;;) {
        const preview = plan();
        if (!preview) break;
        const explain = preview.unmapped.some((u) => u.field === 'status') ? ' Pick a status Debrief did not understand to say what it means.' : '';
        const choice = await ask.pick(this.previewItems(preview, table), { title: TITLE, step: 2, totalSteps: 2, placeholder: `What the import would do: ${importSummary(preview.counts)}.${explain}` });
        if (choice === undefined) return undefined;
        if (choice.kind === 'status') {
          const meaning = await ask.pick<StatusMeaning>([
            ...OUTCOMES.map((o) => ({ label: o, value: { outcome: o } })),
            { label: 'Not an application yet', description: 'skip these rows (as --status "<word>=skip")', value: { outcome: 'pending', notApplied: true } },
          ], { title: TITLE, placeholder: `What does "${shown(choice.value)}" mean?` });
          if (meaning === undefined) return undefined;
          statusChoices.set(statusKey(choice.value), meaning);
          continue;
        }
        if (choice.kind === 'none') continue;
        next = choice.kind;
        break;
      }
      if (next === 'mapping' || next === undefined) continue;
      const context = { file: name, table, mapping, preset: read.preset, reasons: reasonsFor(read, mapping), ignored, own: read.guess.own };
      if (next === 'nothing') {
        const preview = plan()!;
        return { counts: preview.counts, created: [], report: await this.showReport(name, importReportMarkdown(preview, { ...context, dryRun: true })) };
      }
      // The plan is made again on the journal as it is now, so that nothing written meanwhile is duplicated or overwritten.
      const done = await this.services.editor.apply(journal, [], () => {
        const p = planImport(table, this.options(journal, name, choices, statusChoices));
        return p.ok ? { ok: true, changes: p.plan.changes, result: p.plan } : { ok: false, problems: [{ file: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: p.problem.code, message: p.problem.message }] };
      });
      if (!done) return undefined;
      const result = done.result;
      const created = result.rows.filter((r): r is RowResult & { path: string } => r.kind === 'new' && r.path !== undefined).map((r) => journal.uri(r.path));
      const report = await this.showReport(name, importReportMarkdown(result, context));
      if (created.length) await reveal(created[0]);
      this.services.log.info(`imported ${name}: ${importSummary(result.counts)}`);
      void ask.notify(`Debrief imported ${name}: ${importSummary(result.counts)}.`);
      return { counts: result.counts, created, report };
    }
  }

  private options(journal: Journal, name: string, choices: Choices, statusChoices: ReadonlyMap<string, StatusMeaning>) {
    const index = journal.index;
    return {
      mapping: choices.mapping, ignored: choices.ignored, wishlist: choices.read.preset.wishlist, journalFolder: journal.journalFolder,
      existing: existingOf(index.interviews()), takenIds: index.layout.takenInterviewIds(index), sourceName: name, today: this.services.clock.today(), statusChoices,
    };
  }

  /** A file that cannot be imported: what is wrong and where, with a button to go there. */
  private refuse(file: vscode.Uri, name: string, problem: { line: number; column: number; message: string; code: string }): undefined {
    void this.services.prompter.error(`Debrief cannot import ${describeProblem(name, problem)}`, ...(problem.line > 0 ? ['Open File'] : [])).then(async (choice) => {
      if (choice !== 'Open File') return;
      const at = new vscode.Position(problem.line - 1, Math.max(0, problem.column - 1));
      await vscode.window.showTextDocument(file, { selection: new vscode.Range(at, at) });
    });
    return undefined;
  }

  /**
   * Step 1: the mapping, field by field, with why each column was taken; the other columns (kept in
   * the notes or ignored); the preset and the sheet. Until the user continues (or presses Escape).
   */
  private async askMapping(bytes: Uint8Array, initial: Choices): Promise<Choices | undefined> {
    const ask = this.services.prompter;
    let { read, mapping, ignored } = initial;
    let problem = '';
    for (;;) {
      const { headers } = read.table;
      const missing = missingRequired(mapping);
      const reasons = reasonsFor(read, mapping);
      const others = headers.map((_, i) => i).filter((i) => fieldOf(mapping, i) === undefined);
      const own = new Set(read.guess.own);
      const where = read.table.sheet !== undefined ? 'row' : 'line';
      const items: PickItem<MappingChoice>[] = [
        { label: '$(check) Continue with this mapping', description: missing.length ? `first choose the columns of ${missing.map((f) => FIELD_LABELS[f].toLowerCase()).join(' and ')}` : `${read.table.rows.length} row${read.table.rows.length === 1 ? '' : 's'} below the header on ${where} ${read.table.headerLine}`, value: { kind: 'continue' } },
        separator('Fields: pick one to choose its column', { kind: 'none' }),
        ...FIELDS.map((field): PickItem<MappingChoice> => {
          const c = mapping[field];
          return {
            label: FIELD_LABELS[field],
            description: c === undefined ? 'not imported' : `← ${headers[c]}${reasons[field] ? ` (${reasons[field]})` : ''}`,
            detail: c === undefined ? undefined : `${sampleValues(read.table, c).join(' · ') || '(empty)'}  →  ${FIELD_TARGETS[field]}`,
            value: { kind: 'field', field },
          };
        }),
      ];
      if (others.length) {
        items.push(separator('Other columns: pick one to keep it in the notes or ignore it', { kind: 'none' }));
        for (const i of others) {
          const off = ignored.includes(i);
          items.push({
            label: `${off ? '$(circle-slash)' : '$(note)'} ${headers[i]}`,
            description: off ? (own.has(i) ? 'ignored: the same e-mail, phone or name in every row, yours' : 'ignored') : 'kept in the notes as "Column: value"',
            detail: sampleValues(read.table, i).join(' · ') || '(empty)',
            value: { kind: 'column', column: i },
          });
        }
      }
      items.push(separator('Read as', { kind: 'none' }));
      items.push({ label: `$(list-selection) Preset: ${read.preset.label}`, description: 'another tracker\'s export…', value: { kind: 'preset' } });
      if (read.table.sheets && read.table.sheets.length > 1) items.push({ label: `$(table) Sheet: ${read.table.sheet}`, description: `${read.table.sheets.length} sheets: another one…`, value: { kind: 'sheet' } });
      const choice = await ask.pick(items, { title: TITLE, step: 1, totalSteps: 2, placeholder: problem || `How the columns of the file map to Debrief (${describeMapping(mapping, headers)})` });
      if (choice === undefined) return undefined;
      problem = '';
      if (choice.kind === 'continue') {
        if (!missing.length) return { read, mapping, ignored };
        problem = `Every interview needs a company and a role: choose the column of ${missing.map((f) => FIELD_LABELS[f].toLowerCase()).join(' and ')} first.`;
      } else if (choice.kind === 'field') {
        const field = choice.field;
        const column = await ask.pick<number | typeof NONE>([
          ...headers.map((h, i) => {
            const holder = FIELDS.find((f) => mapping[f] === i && f !== field);
            return { label: h, description: `column ${i + 1}${holder ? ` · now ${FIELD_LABELS[holder]}` : ''}`, detail: sampleValues(read.table, i).join(' · ') || '(empty)', value: i };
          }),
          { label: '$(close) Not imported', value: NONE },
        ], { title: TITLE, placeholder: `Which column holds ${FIELD_LABELS[field].toLowerCase()}? (→ ${FIELD_TARGETS[field]})` });
        if (column === undefined) return undefined;
        mapping = assignColumn(mapping, field, column === NONE ? undefined : column);
        if (column !== NONE) ignored = ignored.filter((i) => i !== column);
      } else if (choice.kind === 'column') {
        const c = choice.column;
        ignored = ignored.includes(c) ? ignored.filter((i) => i !== c) : [...ignored, c].sort((a, b) => a - b);
      } else if (choice.kind === 'preset' || choice.kind === 'sheet') {
        const preset = choice.kind === 'preset'
          ? await ask.pick(PRESETS.map((p) => ({ label: p.label, description: p.name === read.preset.name ? 'current' : undefined, detail: p.description, value: p.name })), { title: TITLE, placeholder: 'Read the file as the export of…' })
          : read.preset.name;
        if (preset === undefined) return undefined;
        const sheet = choice.kind === 'sheet'
          ? await ask.pick((read.table.sheets ?? []).map((n) => ({ label: n, description: n === read.table.sheet ? 'current' : undefined, value: n })), { title: TITLE, placeholder: 'Import the rows of which sheet?' })
          : read.table.sheet;
        if (sheet === undefined && choice.kind === 'sheet') return undefined;
        const again = await readImport(bytes, { preset, sheet });
        if (!again.ok) {
          problem = again.problem.message;
          continue;
        }
        read = again.read;
        mapping = again.read.mapping;
        ignored = again.read.ignored;
      }
    }
  }

  /** Step 2: what the import would do, row by row. */
  private previewItems(plan: ImportPlan, table: Table): PickItem<PreviewChoice>[] {
    const n = plan.counts.new;
    const items: PickItem<PreviewChoice>[] = [
      n > 0
        ? { label: `$(check) Import ${n} new interview${n === 1 ? '' : 's'}`, description: importSummary(plan.counts), value: { kind: 'import' } }
        : { label: '$(close) Nothing new to import', description: `${importSummary(plan.counts)}: close and show the report`, value: { kind: 'nothing' } },
      { label: '$(arrow-left) Change the mapping', value: { kind: 'mapping' } },
    ];
    if (plan.unmapped.length) {
      items.push(separator('Values Debrief did not understand: imported as pending, kept in the notes', { kind: 'none' }));
      for (const u of plan.unmapped) {
        items.push(u.field === 'status'
          ? { label: `$(question) Status "${shown(u.value)}"`, description: `${linesText(u.lines, table)}: pick to say what it means`, value: { kind: 'status', value: u.value } }
          : { label: `$(question) ${FIELD_LABELS[u.field]} "${shown(u.value)}"`, description: `${linesText(u.lines, table)}: kept in the notes`, value: { kind: 'none' } });
      }
    }
    for (const note of plan.notes) items.push({ label: `$(info) ${note}`, value: { kind: 'none' } });
    const rows = (title: string, kind: RowResult['kind'], describe: (r: RowResult) => string) => {
      const list = plan.rows.filter((r) => r.kind === kind);
      if (!list.length) return;
      items.push(separator(`${title} (${list.length})`, { kind: 'none' }));
      for (const r of list) items.push({ label: `${upper(rowName(table, r.line))}: ${[r.company, r.role].filter(Boolean).join(', ') || 'row'}`, description: describe(r), value: { kind: 'none' } });
    };
    rows('New', 'new', (r) => `${r.date ?? 'no date'} · ${r.outcome ?? 'pending'} → ${basename(r.path ?? '')}`);
    rows('Duplicates, skipped', 'duplicate', (r) => r.reason ?? '');
    rows('Not applications, skipped', 'skipped', (r) => r.reason ?? '');
    rows('Invalid, skipped', 'invalid', (r) => r.reason ?? '');
    return items;
  }

  /** The report, as a read-only page (Save a Copy keeps it). */
  private showReport(source: string, markdown: string): Promise<vscode.TextDocument> {
    return this.services.documents.open(`import-of-${source.replace(/\.[^.]*$/, '')}-${this.services.clock.today()}.md`, markdown);
  }
}
