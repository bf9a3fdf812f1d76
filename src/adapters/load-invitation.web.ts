// core/calendar/load-invitation.ts in the extension's bundle (scripts/build.mjs puts it in its place).
import type * as Invitation from '../core/calendar/invitation';
import { loadChunk } from './chunk';

export const loadInvitationReader = (): Promise<typeof Invitation> => loadChunk<typeof Invitation>('invitation.js');
