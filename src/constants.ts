// Every id the manifest (package.json) declares, in one place. A unit test checks both agree.

export const EXTENSION_ID = 'debrief.debrief';

export const ViewContainerId = {
  Debrief: 'debrief',
} as const;

export const ViewId = {
  Interviews: 'debrief.interviews',
} as const;

export const CommandId = {
  InitJournal: 'debrief.initJournal',
} as const;

export const SettingId = {
  JournalFolder: 'debrief.journalFolder',
} as const;

/** Context keys set with `setContext`, used in `when` clauses of the manifest. */
export const ContextKey = {
  JournalFound: 'debrief.journalFound',
} as const;

export const DEFAULT_JOURNAL_FOLDER = 'debrief';
