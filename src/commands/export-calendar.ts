import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { chosenFile } from '../adapters/vscode-fs';
import { exportCalendar } from '../core/calendar/export';
import { writeOutput } from '../core/plans/apply-to-fs';
import type { Services } from '../services/services';
import { settings } from '../services/settings';
import type { Command } from '../ui/command';
import { pickJournal } from '../ui/pickers';

const TITLE = 'Debrief: Export Calendar';

/**
 * Debrief: Export Calendar…: the journal's rounds, next steps, follow-ups and improvement items due as
 * an iCalendar file, to a place the user picks (the same file as `debrief calendar`).
 */
export class ExportCalendarCommand implements Command {
  readonly id = CommandId.ExportCalendar;
  constructor(private readonly services: Services) {}

  async execute(): Promise<vscode.Uri | undefined> {
    const { prompter, clock, store } = this.services;
    const journal = await pickJournal(this.services, { title: TITLE, placeholder: 'Export the calendar of which journal?', existing: true });
    if (!journal) return undefined;
    await store.ready;
    const suggested = vscode.Uri.joinPath(journal.folder.uri, `debrief-calendar-${clock.today()}.ics`);
    const target = await prompter.saveLocation({ defaultUri: suggested, filters: { iCalendar: ['ics'] }, title: TITLE, saveLabel: 'Export' });
    if (!target) return undefined;
    const { text, events } = exportCalendar(journal.index, { now: Date.now(), feedbackFollowUpDays: settings.feedbackFollowUpDays(journal.folder.uri) });
    // The user chose the place; the one writer still writes only a new file or a regular file with one name.
    const chosen = chosenFile(target);
    const written = await writeOutput(chosen.fs, chosen.path, text, vscode.workspace.asRelativePath(target));
    if (!written.ok) {
      void prompter.error(`Debrief did not export the calendar: ${written.problems[0].message}`);
      return undefined;
    }
    void prompter.notify(`Debrief exported ${events} calendar event${events === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(target)}. Import it into your calendar app; importing it again updates the same events.`);
    return target;
  }
}
