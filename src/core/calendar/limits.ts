// The invitation reader's limits, in a module of their own: the command checks a file's size with them
// before it loads the reader (core/calendar/load-invitation.ts).

/** The limits an invitation is read within; real invitations are far below each. */
export const INVITATION_LIMITS = {
  /** Bytes of the file (an Outlook invitation with its HTML description is some tens of KB). */
  bytes: 1_000_000,
  /** Content lines, after unfolding. */
  lines: 20_000,
  /** Components (BEGIN: lines). */
  components: 1_000,
  /** How deeply components nest (VCALENDAR > VEVENT > VALARM is 3). */
  depth: 8,
  /** Events in one file (a panel of sessions is a handful). */
  events: 50,
  /** Characters of a description kept. */
  description: 4_000,
} as const;
