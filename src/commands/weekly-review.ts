import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { weeklyReview } from '../core/review';
import type { Services } from '../services/services';
import { settings } from '../services/settings';
import type { Command } from '../ui/command';
import { pickJournal } from '../ui/pickers';

/** Debrief: Weekly Review: `<journal>/reviews/<year>-W<week>.md`, never over an existing one, opened. */
export class WeeklyReviewCommand implements Command {
  readonly id = CommandId.WeeklyReview;
  constructor(private readonly services: Services) {}

  async execute(): Promise<vscode.Uri | undefined> {
    const { clock, editor, prompter, log } = this.services;
    const journal = await pickJournal(this.services, { title: 'Debrief: Weekly Review', placeholder: 'Review the week of which journal?', existing: true });
    if (!journal) return undefined;
    const review = weeklyReview(journal.index, clock.today(), { feedbackFollowUpDays: settings.feedbackFollowUpDays(journal.folder.uri) });
    const path = `${journal.index.journalFolder}/${review.path}`;
    const uri = journal.uri(path);
    const exists = (await journal.fs.stat(path)) !== undefined;
    if (exists) void prompter.notify(`${vscode.workspace.asRelativePath(uri)} already exists: it was opened, not rewritten.`);
    else if (!(await editor.apply(journal, [path], () => ({ ok: true, changes: [{ kind: 'create', path, text: review.text }], result: undefined })))) return undefined;
    await vscode.window.showTextDocument(uri, { preview: false });
    log.info(`weekly review ${exists ? 'opened' : 'written'}: ${uri.toString()}`);
    return uri;
  }
}
