/** A row of the Due view, as its menus pass it to a command. */
import type { Reminder } from '../core/reminders';
import type { Journal } from '../services/journal';

export interface DueItem {
  journal: Journal;
  reminder: Reminder;
}

export function isDueItem(x: unknown): x is DueItem {
  return typeof x === 'object' && x !== null && 'journal' in x && 'reminder' in x;
}
