/** Debrief's settings, read and validated in one place: an invalid value falls back to its default. */
import * as vscode from 'vscode';
import { SettingId } from '../constants';
import { ASSISTANT_ACCESS, AssistantAccess } from '../core/assistant/specs';
import { DEFAULT_JOURNAL_FOLDER, FolderName, journalFolderName } from '../core/journal/layout';

const DEFAULT_FOLLOW_UP_DAYS = 7;

function config(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(undefined, scope);
}

export const settings = {
  /**
   * The journal folder of a workspace folder as the setting names it, cleaned as the command line's
   * `--journal` is (core/journal/layout.ts); a name Debrief cannot use is refused with why, and the
   * caller uses the default.
   */
  journalFolder(folder: vscode.WorkspaceFolder): FolderName {
    return journalFolderName(config(folder.uri).get<unknown>(SettingId.JournalFolder) ?? DEFAULT_JOURNAL_FOLDER);
  },

  /** Days after a feedback request without a reply before it becomes a follow-up: a whole number from 0. */
  feedbackFollowUpDays(scope?: vscode.Uri): number {
    const v = config(scope).get<unknown>(SettingId.FeedbackFollowUpDays);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : DEFAULT_FOLLOW_UP_DAYS;
  },

  /** Report schema-level problems (the Red Hat YAML extension may already report them). */
  schemaProblems(scope?: vscode.Uri): boolean {
    return config(scope).get<unknown>(SettingId.DiagnosticsSchemaProblems) !== false;
  },

  /** The signature at the end of a feedback request draft. */
  feedbackRequestSignature(scope?: vscode.Uri): string {
    const v = config(scope).get<unknown>(SettingId.FeedbackRequestSignature);
    return typeof v === 'string' ? v : '';
  },

  /** What AI assistants may do with the journal through Debrief's tools. */
  assistantTools(): AssistantAccess {
    const v = config().get<unknown>(SettingId.AssistantTools);
    return ASSISTANT_ACCESS.find((a) => a === v) ?? 'read-write';
  },

  /**
   * The calendar file kept up to date in a workspace folder: a relative path ending in .ics, inside
   * the folder; undefined when the setting is empty (the default) or not such a path.
   */
  calendarFile(folder: vscode.WorkspaceFolder): string | undefined {
    const value = config(folder.uri).get<unknown>(SettingId.CalendarFile);
    const path = (typeof value === 'string' ? value : '').trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    if (!path || path.startsWith('/') || /^[a-zA-Z]:/.test(path) || !/\.ics$/i.test(path)) return undefined;
    return path.split('/').some((s) => s === '..' || s === '.' || s === '') ? undefined : path;
  },

  /** At most one notification a day when something is due. */
  remindersNotify(): boolean {
    return config().get<unknown>(SettingId.RemindersNotify) !== false;
  },
};
