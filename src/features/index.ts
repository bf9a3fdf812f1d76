import type * as vscode from 'vscode';
import type { Services } from '../services/services';
import * as commands from '../commands';
import * as assistant from './assistant';
import * as brief from './brief';
import * as calendar from './calendar';
import * as diagnostics from './diagnostics';
import * as insights from './insights';
import * as language from './language';
import * as noteBacklinks from './note-backlinks';
import * as reminders from './reminders';
import * as sidebar from './sidebar';
import * as walkthrough from './walkthrough';

/**
 * Every part of Debrief, activated in this order by extension.ts. `activate` may return what the part
 * is made of (views, panels); only the integration tests look at it.
 */
export const features = {
  commands,
  sidebar,
  diagnostics,
  language,
  noteBacklinks,
  reminders,
  calendar,
  insights,
  brief,
  walkthrough,
  assistant,
} satisfies Record<string, { activate(context: vscode.ExtensionContext, services: Services): unknown }>;

export type Parts = { [K in keyof typeof features]: Awaited<ReturnType<(typeof features)[K]['activate']>> | undefined };
