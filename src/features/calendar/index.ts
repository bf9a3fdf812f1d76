/**
 * The journal and the calendar apps: the calendar file kept up to date in the workspace
 * (`debrief.calendar.file`, off by default), and an `.ics` file opened in the editor offers to add
 * the invitation as a round.
 */
import * as vscode from 'vscode';
import { CommandId, SettingId } from '../../constants';
import { exportCalendar } from '../../core/calendar/export';
import { planCalendarFile } from '../../core/plans/calendar-file';
import type { Journal } from '../../services/journal';
import type { Services } from '../../services/services';
import { settings } from '../../services/settings';

/** How long the journal must stay unchanged before the calendar file is written (changes in between are written once). */
export const CALENDAR_SETTLE_MS = 2000;

/** Keeps each journal's calendar file in step with the journal, once changes settle and never while the journal is still being read. */
export class CalendarFileKeeper implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last write, for the tests and the log: when it ended and what it did per file. */
  private settled: Promise<void> = Promise.resolve();
  writes = 0;

  constructor(private readonly services: Services) {
    this.disposables.push(
      services.store.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingId.CalendarFile) || e.affectsConfiguration(SettingId.FeedbackFollowUpDays)) this.schedule();
      }),
    );
  }

  /** (Re)starts the wait for the journal to settle. */
  schedule(): void {
    clearTimeout(this.timer);
    if (!this.services.store.journals().some((j) => settings.calendarFile(j.folder))) return;
    this.timer = setTimeout(() => void this.writeAll(), CALENDAR_SETTLE_MS);
  }

  /** Resolves when the write under way (if any) is done. */
  get idle(): Promise<void> {
    return this.settled;
  }

  /** Writes every journal's calendar file that is set, unless the journal is loading or being edited (then it waits for the next change). */
  async writeAll(): Promise<void> {
    const { store, log } = this.services;
    if (store.isLoading) {
      // Never from a journal still being read: the file would lose events until the rest is read.
      void store.ready.then(() => this.schedule());
      return;
    }
    // Unsaved journal text: its save is the next change, and the file is written then.
    if (vscode.workspace.textDocuments.some((d) => d.isDirty && store.locateJournalFile(d.uri))) return;
    const run = this.settled.then(async () => {
      for (const journal of store.journals()) {
        const path = settings.calendarFile(journal.folder);
        if (path) await this.write(journal, path).catch((e) => log.warn(`calendar file ${path}: ${String(e)}`));
      }
    });
    this.settled = run;
    await run;
  }

  private async write(journal: Journal, path: string): Promise<void> {
    const { editor, log } = this.services;
    const { text } = exportCalendar(journal.index, { now: Date.now(), feedbackFollowUpDays: settings.feedbackFollowUpDays(journal.folder.uri) });
    const done = await editor.applyQuietly(journal, [path], (texts) => planCalendarFile(texts, path, text));
    if (!done.ok) {
      const p = done.problems[0];
      log.warn(`calendar file not written: ${p?.file ?? path}: ${p?.message ?? 'refused'}`);
      return;
    }
    if (done.result.written) {
      this.writes++;
      log.info(`calendar file ${path} written`);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Offers, once per file and window, to add an `.ics` file opened in the editor as a round. */
function offerInvitations(services: Services): vscode.Disposable {
  const offered = new Set<string>();
  const offer = (doc: vscode.TextDocument) => {
    if (!/\.ics$/i.test(doc.uri.path) || offered.has(doc.uri.toString()) || !services.store.journals().some((j) => j.exists)) return;
    // The calendar file Debrief keeps is no invitation.
    const own = services.store.journals().some((j) => {
      const path = settings.calendarFile(j.folder);
      return path !== undefined && j.uri(path).toString() === doc.uri.toString();
    });
    if (own) return;
    offered.add(doc.uri.toString());
    void services.prompter.notify(`${doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1)} is a calendar file. Add the interview it invites to as a round?`, 'Add Round from Invitation').then((choice) => {
      if (choice) void vscode.commands.executeCommand(CommandId.AddRoundFromInvitation, doc.uri);
    });
  };
  for (const doc of vscode.workspace.textDocuments) offer(doc);
  return vscode.workspace.onDidOpenTextDocument(offer);
}

export interface CalendarPart {
  keeper: CalendarFileKeeper;
}

export function activate(context: vscode.ExtensionContext, services: Services): CalendarPart {
  const keeper = new CalendarFileKeeper(services);
  context.subscriptions.push(keeper, offerInvitations(services));
  void services.store.ready.then(() => keeper.schedule());
  return { keeper };
}
