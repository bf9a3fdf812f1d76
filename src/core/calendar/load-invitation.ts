import type * as Invitation from './invitation';

/**
 * The invitation reader (with its iCalendar parser, ical.js), loaded only when an invitation is read.
 * It is a file of its own in the bundles, dist/invitation.js (scripts/build.mjs), loaded as the
 * workbook reader is (see load-workbook.ts).
 */
export function loadInvitationReader(): Promise<typeof Invitation> {
  return import('./invitation');
}
