import type * as vscode from 'vscode';
import type { Services } from '../services';
import * as commands from './commands';
import * as diagnostics from './diagnostics';
import * as initJournal from './init-journal';
import * as language from './language';
import * as noteBacklinks from './note-backlinks';
import * as sidebar from './sidebar';
import * as insights from './insights';
import * as reminders from './reminders';
import * as review from './review';

export interface Feature {
  activate(context: vscode.ExtensionContext, services: Services): void | Promise<void>;
}

/** Every feature, activated in this order by extension.ts. */
export const features: Record<string, Feature> = {
  initJournal,
  sidebar,
  commands,
  diagnostics,
  language,
  noteBacklinks,
  reminders,
  insights,
  review,
};
