/**
 * Asking for feedback: Draft Feedback Request opens a draft to send from the user's own mail and
 * records nothing; Mark Feedback Request as Sent records the date (from the draft's editor, the
 * sidebar or the palette). The two share which open drafts belong to which interview.
 */
import * as vscode from 'vscode';
import { CommandId, ContextKey } from '../constants';
import { recordFeedbackRequested } from '../core/edits/interview';
import { canAskFeedback, feedbackRequestDraft } from '../core/templates/feedback-request';
import type { Services } from '../services/services';
import { settings } from '../services/settings';
import type { Command } from '../ui/command';
import { InterviewTarget, pickInterview } from '../ui/pickers';
import { dateCheck } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** The open drafts, by document URI: the interview each one is for, and what is told until it is marked as sent. */
export class FeedbackDrafts implements vscode.Disposable {
  private readonly drafts = new Map<string, { folder: string; path: string; done: () => void }>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor((e) => void this.updateContext(e)),
      // A draft is closed when no tab shows it any more (VS Code disposes of the document itself later).
      vscode.window.tabGroups.onDidChangeTabs(() => this.forgetClosed()),
      vscode.workspace.onDidCloseTextDocument(() => this.forgetClosed()),
    ];
  }

  private forgetClosed(): void {
    const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : [])));
    for (const [uri, d] of this.drafts) {
      if (shown.has(uri)) continue;
      d.done();
      this.drafts.delete(uri);
    }
    void this.updateContext(vscode.window.activeTextEditor);
  }

  /** Keeps a draft; resolves once its request is marked as sent, or the draft is closed. */
  add(doc: vscode.TextDocument, t: InterviewTarget): Promise<void> {
    return new Promise((done) => {
      this.drafts.set(doc.uri.toString(), { folder: t.journal.folder.uri.toString(), path: t.path, done });
      void this.updateContext(vscode.window.activeTextEditor);
    });
  }

  /** The request of an interview was marked as sent: its drafts have nothing more to ask. */
  marked(t: InterviewTarget): void {
    const folder = t.journal.folder.uri.toString();
    for (const d of this.drafts.values()) if (d.folder === folder && d.path === t.path) d.done();
  }

  of(uri: vscode.Uri): { folder: string; path: string } | undefined {
    return this.drafts.get(uri.toString());
  }

  private async updateContext(editor: vscode.TextEditor | undefined): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKey.FeedbackDraft, !!editor && this.drafts.has(editor.document.uri.toString()));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

const askable = { test: canAskFeedback, none: 'No application to ask feedback for: feedback makes sense once an application is closed (rejected, ghosted, withdrawn, declined, role closed).' };

/** Debrief: Draft Feedback Request. */
export class DraftFeedbackRequestCommand implements Command {
  readonly id = CommandId.DraftFeedbackRequest;
  constructor(private readonly services: Services, private readonly drafts: FeedbackDrafts) {}

  async execute(arg?: unknown): Promise<vscode.TextDocument | undefined> {
    const { prompter, clock } = this.services;
    const t = await pickInterview(this.services, arg, 'Draft Feedback Request', { only: askable, use: 'read' });
    if (!t) return undefined;
    const signature = settings.feedbackRequestSignature(t.journal.folder.uri);
    // A read-only page: nothing to save when it closes (Save a Copy keeps it).
    const doc = await this.services.documents.open(`feedback-request-${t.interview.id}.md`, feedbackRequestDraft(t.interview, t.journal.index, { signature, today: clock.today() }));
    const settled = this.drafts.add(doc, t);
    this.services.walkthrough.complete('draftFeedbackRequest');
    // Nothing is recorded until the user says it was sent; the message stays until then (or until the
    // draft is closed), and goes away once it is marked.
    prompter.notifyUntil(`A draft to ${t.interview.company}: send it from your mail, then press Mark as Sent above the draft so that Debrief can remind you to follow up.`, settled);
    return doc;
  }
}

/** Debrief: Mark Feedback Request as Sent: records `feedback.requested` (today, or the date given). */
export class MarkFeedbackSentCommand implements Command {
  readonly id = CommandId.MarkFeedbackSent;
  constructor(private readonly services: Services, private readonly drafts: FeedbackDrafts) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { prompter, clock, editor, store } = this.services;
    // From the draft's editor title: the interview the draft is for.
    const draft = arg instanceof vscode.Uri ? this.drafts.of(arg) : undefined;
    const target = draft ? store.journals().find((j) => j.folder.uri.toString() === draft.folder)?.uri(draft.path) : arg;
    const t = await pickInterview(this.services, target, 'Mark Feedback Request as Sent', { only: { test: (iv) => !iv.feedback?.received, none: 'Every application has its feedback already.' } });
    if (!t) return false;
    const date = await prompter.input({ title: 'Mark Feedback Request as Sent', prompt: `When did you send it to ${t.interview.company}? (YYYY-MM-DD)`, value: clock.today(), validate: dateCheck(false) });
    if (date === undefined) return false;
    const ok = await editor.edit(t.journal, t.path, (text) => recordFeedbackRequested(text, date.trim()));
    if (ok) {
      this.drafts.marked(t);
      await reveal(t.uri);
    }
    return ok;
  }
}
