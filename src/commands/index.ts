/** Every command that reads or writes the journal for the user, one file each, registered from this list. */
import type * as vscode from 'vscode';
import type { Services } from '../services/services';
import { Command, registerCommands } from '../ui/command';
import { AddImprovementCommand } from './add-improvement';
import { AddRoundCommand } from './add-round';
import { AddRoundFromInvitationCommand } from './add-round-from-invitation';
import { AddWeaknessCommand } from './add-weakness';
import { DeleteCommand } from './delete';
import { DismissFollowUpCommand } from './dismiss-follow-up';
import { DraftFeedbackRequestCommand, FeedbackDrafts, MarkFeedbackSentCommand } from './feedback-request';
import { ExportCommand } from './export';
import { ExportCalendarCommand } from './export-calendar';
import { ImportApplicationsCommand } from './import-applications';
import { InitJournalCommand } from './init-journal';
import { LinkNoteCommand } from './link-note';
import { OpenNoteCommand } from './open-note';
import { OpenSourceCommand } from './open-source';
import { RecordFeedbackCommand } from './record-feedback';
import { RecordInterviewCommand } from './record-interview';
import { RenameWeaknessCommand } from './rename-weakness';
import { SaveCopyCommand } from './save-copy';
import { SetDueDateCommand } from './set-due-date';
import { SetImprovementStatusCommand } from './set-improvement-status';
import { SetOutcomeCommand } from './set-outcome';
import { SetWeaknessStatusCommand } from './set-weakness-status';
import { SnoozeFollowUpCommand } from './snooze-follow-up';
import { UnlinkNoteCommand } from './unlink-note';
import { UpdateNextStepCommand } from './update-next-step';
import { WeeklyReviewCommand } from './weekly-review';

export function journalCommands(services: Services, drafts: FeedbackDrafts, state: vscode.Memento): Command[] {
  return [
    new InitJournalCommand(services),
    // Interviews
    new RecordInterviewCommand(services),
    new AddRoundCommand(services),
    new AddRoundFromInvitationCommand(services, state),
    new SetOutcomeCommand(services),
    new DraftFeedbackRequestCommand(services, drafts),
    new MarkFeedbackSentCommand(services, drafts),
    new RecordFeedbackCommand(services),
    new SnoozeFollowUpCommand(services),
    new DismissFollowUpCommand(services),
    new UpdateNextStepCommand(services),
    new ImportApplicationsCommand(services),
    // Weaknesses and improvement items
    new AddWeaknessCommand(services),
    new RenameWeaknessCommand(services),
    new SetWeaknessStatusCommand(services),
    new AddImprovementCommand(services),
    new SetImprovementStatusCommand(services),
    new SetDueDateCommand(services),
    // Study notes
    new LinkNoteCommand(services),
    new OpenNoteCommand(services),
    new UnlinkNoteCommand(services),
    // Any record
    new OpenSourceCommand(services),
    new DeleteCommand(services),
    // Looking back
    new WeeklyReviewCommand(services),
    new ExportCommand(services),
    new ExportCalendarCommand(services),
    new SaveCopyCommand(services),
  ];
}

export function activate(context: vscode.ExtensionContext, services: Services): void {
  const drafts = new FeedbackDrafts();
  context.subscriptions.push(drafts);
  registerCommands(context, services, journalCommands(services, drafts, context.globalState));
}
