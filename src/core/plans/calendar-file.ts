/**
 * The calendar file kept up to date in the workspace (`debrief.calendar.file`): the change that makes
 * the file hold `text`, or none when it holds the same events already (only the time of writing
 * differs), so that a journal change that touches no event writes nothing.
 */
import { sameEvents } from '../calendar/export';
import { diffEdits } from '../yaml/text-edits';
import { Plan, Texts } from './plan';

/** Reads: `path`. */
export function planCalendarFile(texts: Texts, path: string, text: string): Plan<{ written: boolean }> {
  const current = texts.get(path);
  if (current === undefined) return { ok: true, changes: [{ kind: 'create', path, text }], result: { written: true } };
  if (sameEvents(current, text)) return { ok: true, changes: [], result: { written: false } };
  return { ok: true, changes: [{ kind: 'edit', path, edits: diffEdits(current, text) }], result: { written: true } };
}
