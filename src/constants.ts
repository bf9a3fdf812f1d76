// Every id the manifest (package.json) declares, in one place. A unit test checks both agree.

export const EXTENSION_ID = 'debrief.debrief';

export const ViewContainerId = {
  Debrief: 'debrief',
} as const;

export const ViewId = {
  Interviews: 'debrief.interviews',
  Due: 'debrief.due',
} as const;

export const CommandId = {
  InitJournal: 'debrief.initJournal',
  ShowInsights: 'debrief.showInsights',
  WeeklyReview: 'debrief.weeklyReview',
  Export: 'debrief.export',
  OpenWalkthrough: 'debrief.openWalkthrough',
} as const;

export const SettingId = {
  JournalFolder: 'debrief.journalFolder',
  FeedbackFollowUpDays: 'debrief.reminders.feedbackFollowUpDays',
  RemindersNotify: 'debrief.reminders.notify',
} as const;

/** Context keys set with `setContext`, used in `when` clauses of the manifest. */
export const ContextKey = {
  JournalFound: 'debrief.journalFound',
} as const;

/** Commands not in the manifest: test seams, never shown in the palette. */
export const InternalCommandId = {
  /** Returns the insights/reminders test seam (clock, prompts, last posted model). */
  InsightsTesting: 'debrief.internal.insightsTesting',
} as const;

/** The walkthrough id, as `welcome.openWalkthrough` wants it. */
export const WALKTHROUGH_ID = 'debrief.gettingStarted';

export const DEFAULT_JOURNAL_FOLDER = 'debrief';
