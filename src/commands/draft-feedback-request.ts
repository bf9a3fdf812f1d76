import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { recordFeedbackRequested } from '../core/edits/interview';
import { feedbackRequestDraft } from '../core/templates/feedback-request';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickInterview } from '../ui/pickers';

/** Debrief: Draft Feedback Request. Opens a draft to send from the user's own mail. */
export class DraftFeedbackRequestCommand implements Command {
  readonly id = CommandId.DraftFeedbackRequest;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<vscode.TextDocument | undefined> {
    const t = await pickInterview(this.services, arg, 'Draft Feedback Request');
    if (!t) return undefined;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: feedbackRequestDraft(t.interview, t.journal.index) });
    await vscode.window.showTextDocument(doc, { preview: false });
    // The date asked is recorded once; a second draft keeps the first date.
    if (!t.interview.feedback?.requested) await this.services.editor.edit(t.journal, t.path, (text) => recordFeedbackRequested(text, this.services.clock.today()));
    return doc;
  }
}
