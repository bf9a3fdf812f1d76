/** A row of the Due view, as its context menu passes it to a command. */
import type { Reminder } from '../core/reminders';
import { Journal } from '../services/journal';

export interface DueItem {
  journal: Journal;
  reminder: Reminder;
}

export function isDueItem(x: unknown): x is DueItem {
  const row = x as { journal?: unknown; reminder?: { ref?: { file?: unknown } } } | null;
  return typeof row === 'object' && row !== null && row.journal instanceof Journal && typeof row.reminder?.ref?.file === 'string';
}
