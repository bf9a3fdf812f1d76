import type * as vscode from 'vscode';
import type { Services } from '../services';
import * as initJournal from './init-journal';
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
  reminders,
  insights,
  review,
};
