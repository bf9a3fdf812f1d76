// Every id the manifest (package.json) declares, in one place. A unit test checks both agree.

export const EXTENSION_ID = 'debrief.debrief';

export const ViewContainerId = {
  Debrief: 'debrief',
} as const;

export const ViewId = {
  Interviews: 'debrief.interviews',
  Weaknesses: 'debrief.weaknesses',
  Due: 'debrief.due',
} as const;

export const CommandId = {
  InitJournal: 'debrief.initJournal',
  // Sidebar
  Refresh: 'debrief.refresh',
  Filter: 'debrief.filter',
  ClearFilter: 'debrief.clearFilter',
  GroupByMonth: 'debrief.groupByMonth',
  GroupByOutcome: 'debrief.groupByOutcome',
  // Interviews
  RecordInterview: 'debrief.recordInterview',
  AddRound: 'debrief.addRound',
  SetOutcome: 'debrief.setOutcome',
  DraftFeedbackRequest: 'debrief.draftFeedbackRequest',
  MarkFeedbackSent: 'debrief.markFeedbackSent',
  RecordFeedback: 'debrief.recordFeedback',
  SnoozeFollowUp: 'debrief.snoozeFollowUp',
  DismissFollowUp: 'debrief.dismissFollowUp',
  UpdateNextStep: 'debrief.updateNextStep',
  ImportApplications: 'debrief.importApplications',
  // Weaknesses and improvement items
  AddWeakness: 'debrief.addWeakness',
  RenameWeakness: 'debrief.renameWeakness',
  SetWeaknessStatus: 'debrief.setWeaknessStatus',
  AddImprovement: 'debrief.addImprovement',
  SetImprovementStatus: 'debrief.setImprovementStatus',
  SetDueDate: 'debrief.setDueDate',
  // Study notes
  LinkNote: 'debrief.linkNote',
  OpenNote: 'debrief.openNote',
  UnlinkNote: 'debrief.unlinkNote',
  // Any record
  OpenSource: 'debrief.openSource',
  Delete: 'debrief.delete',
  // Insights, reminders, review
  ShowInsights: 'debrief.showInsights',
  PrepareInterview: 'debrief.prepareInterview',
  WeeklyReview: 'debrief.weeklyReview',
  Export: 'debrief.export',
  ExportCalendar: 'debrief.exportCalendar',
  AddRoundFromInvitation: 'debrief.addRoundFromInvitation',
  OpenWalkthrough: 'debrief.openWalkthrough',
  SaveCopy: 'debrief.saveCopy',
} as const;

export const SettingId = {
  JournalFolder: 'debrief.journalFolder',
  DiagnosticsSchemaProblems: 'debrief.diagnostics.schemaProblems',
  FeedbackFollowUpDays: 'debrief.reminders.feedbackFollowUpDays',
  RemindersNotify: 'debrief.reminders.notify',
  FeedbackRequestSignature: 'debrief.feedbackRequest.signature',
  AssistantTools: 'debrief.assistant.tools',
  CalendarFile: 'debrief.calendar.file',
} as const;

/** Context keys set with `setContext`, used in `when` clauses of the manifest. */
export const ContextKey = {
  JournalFound: 'debrief.journalFound',
  /** True while the journals are being read (the views say so instead of "no journal yet"). */
  JournalLoading: 'debrief.journalLoading',
  /** True once the journals were read a first time: until then the views say "Reading the journal…", even before activation. */
  JournalRead: 'debrief.journalRead',
  /** `outcome` or `month`: how the Interviews view groups. */
  InterviewsGroupBy: 'debrief.interviewsGroupBy',
  /** True while the sidebar is filtered. */
  Filtered: 'debrief.filtered',
  /** True while the active editor is a feedback request draft. */
  FeedbackDraft: 'debrief.feedbackDraft',
} as const;

/** The walkthrough id, as `workbench.action.openWalkthrough` wants it (after `publisher.name#`). */
export const WALKTHROUGH_ID = 'debrief.gettingStarted';

/**
 * Each walkthrough step (its id in the manifest) and the context key that completes it: true once the
 * journal shows the step done, or its command finished (services/walkthrough.ts), never when it starts.
 */
export const WalkthroughStepKey = {
  initJournal: 'debrief.walkthrough.initJournal',
  recordInterview: 'debrief.walkthrough.recordInterview',
  draftFeedbackRequest: 'debrief.walkthrough.draftFeedbackRequest',
  addWeakness: 'debrief.walkthrough.addWeakness',
  linkStudyNote: 'debrief.walkthrough.linkStudyNote',
  showInsights: 'debrief.walkthrough.showInsights',
} as const;

/** The URI scheme of the read-only pages Debrief opens (drafts, import reports): services/documents.ts. */
export const READ_ONLY_SCHEME = 'debrief-view';

/** The `source` of every diagnostic Debrief reports. */
export const DIAGNOSTIC_SOURCE = 'debrief';

/** Commands registered for features to talk to each other; not declared in the manifest, not in the palette. */
export const InternalCommandId = {
  /** Reveals the record of a journal file in the sidebar: (uri, line?). */
  Reveal: 'debrief.internal.reveal',
  /** Shows more interviews of a large group of the Interviews view: (node of the "more" item). */
  ShowMore: 'debrief.internal.showMore',
  ShowMoreDue: 'debrief.internal.showMoreDue',
} as const;
