import * as vscode from 'vscode';
import { exportInterviews, ExportFormat } from '../../core/export';
import { weeklyReview } from '../../core/review';
import { CommandId, SettingId } from '../../constants';
import type { Services } from '../../services';
import { seams } from '../insights/seams';
import { pickJournal } from '../../services/pick-journal';
import { clock } from '../../services/clock';

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', md: 'md', json: 'json' };

/** "Debrief: Weekly Review" and "Debrief: Export". */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.WeeklyReview, () => writeWeeklyReview(services)),
    vscode.commands.registerCommand(CommandId.Export, () => exportJournal(services)),
  );
}

async function journalFor(services: Services, purpose: string) {
  const journal = await pickJournal(services.store, { title: 'Debrief', placeholder: purpose, existing: true });
  if (!journal && !services.store.journals().length) {
    void vscode.window.showWarningMessage('Debrief keeps its journal in a workspace folder. Open a folder first.');
  }
  return journal;
}

/** Writes this week's review into `<journal>/reviews/<year>-W<week>.md` (never over an existing one) and opens it. */
export async function writeWeeklyReview(services: Services): Promise<vscode.Uri | undefined> {
  const journal = await journalFor(services, 'Review the week of which journal?');
  if (!journal) return undefined;
  const days = vscode.workspace.getConfiguration(undefined, journal.folder.uri).get<number>(SettingId.FeedbackFollowUpDays, 7);
  const review = weeklyReview(journal.index, clock.today(), { feedbackFollowUpDays: days });
  const path = `${journal.index.journalFolder}/${review.path}`;
  const uri = journal.uri(path);
  const exists = (await journal.fs.stat(path)) !== undefined;
  if (exists) {
    void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(uri)} already exists: it was opened, not rewritten.`);
  } else if (!(await services.editor.createFile(uri, review.text))) return undefined;
  await vscode.window.showTextDocument(uri, { preview: false });
  services.log.info(`weekly review ${exists ? 'opened' : 'written'}: ${uri.toString()}`);
  return uri;
}

/** Exports every interview as CSV, Markdown or JSON (the CLI's `debrief export`) to a file the user picks. */
export async function exportJournal(services: Services): Promise<vscode.Uri | undefined> {
  const journal = await journalFor(services, 'Export which journal?');
  if (!journal) return undefined;
  const format = await seams.prompter.pickExportFormat();
  if (!format) return undefined;
  const suggested = vscode.Uri.joinPath(journal.folder.uri, `debrief-export-${clock.today()}.${EXTENSIONS[format]}`);
  const target = await seams.prompter.saveLocation(suggested, format);
  if (!target) return undefined;
  const text = exportInterviews(journal.index, format);
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (e) {
    void vscode.window.showErrorMessage(`Debrief could not write ${vscode.workspace.asRelativePath(target)}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const n = journal.index.interviews().length;
  void vscode.window
    .showInformationMessage(`Debrief exported ${n} interview${n === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(target)}.`, 'Open')
    .then((open) => (open ? vscode.window.showTextDocument(target) : undefined));
  return target;
}
