/**
 * The study notes of a brief: each read through the safe reads (a regular file inside the workspace,
 * within the note size limit), its first heading or line as a one-line excerpt, and the notes ordered
 * newest first (the one last worked on first).
 */
import type { FileSystem } from '../file-system';
import { LIMITS } from '../limits';
import { resolveNotePath } from '../note-paths';
import { readRegularFile } from '../safe-fs';
import { shown } from '../text/shown';
import type { Brief, NoteState } from './brief';

/** The longest excerpt, in characters. */
export const EXCERPT_LENGTH = 120;

/**
 * A note's first heading (`# Title`), or without one its first line with text, cut to one line. YAML
 * front matter (between `---` lines at the top) is skipped. Linear in the text.
 */
export function noteExcerpt(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (end > 0) i = end + 1;
  }
  let firstLine: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const title = headingText(line);
    if (title !== undefined) {
      if (title) return shown(title.replace(/\s+/g, ' '), EXCERPT_LENGTH);
      continue;
    }
    firstLine ??= line;
  }
  return firstLine === undefined ? undefined : shown(firstLine.replace(/\s+/g, ' '), EXCERPT_LENGTH);
}

/** The text of an ATX heading line (`## Title ##` → `Title`), undefined when the line is no heading. */
function headingText(line: string): string | undefined {
  let level = 0;
  while (level < line.length && line[level] === '#') level++;
  if (level < 1 || level > 6 || (level < line.length && line[level] !== ' ' && line[level] !== '\t')) return undefined;
  let text = line.slice(level).trim();
  // A closing sequence of #s, after a space, is not part of the heading.
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t') text = text.slice(0, end).trim();
  return text;
}

/** Reads one note: its excerpt and modification time, or why it is not read. */
export async function readNote(fs: FileSystem, path: string): Promise<NoteState> {
  const r = await resolveNotePath(fs, path);
  if (!r.ok) return { kind: 'refused', reason: r.message };
  if (!r.exists) return { kind: 'missing' };
  const read = await readRegularFile(fs, r.path, LIMITS.noteBytes);
  if (read.kind === 'missing') return { kind: 'missing' };
  if (read.kind === 'refused') return { kind: 'refused', reason: `The note ${r.path} is not read: ${read.reason}.` };
  const stat = await fs.stat(r.path).catch(() => undefined);
  return { kind: 'read', excerpt: noteExcerpt(new TextDecoder().decode(read.bytes)), modified: stat?.mtime };
}

/** The brief with its notes read, newest first (notes not read after, in the order of their weaknesses). */
export function withNotes(brief: Brief, states: ReadonlyMap<string, NoteState>): Brief {
  const modified = (s?: NoteState) => (s?.kind === 'read' ? s.modified ?? -1 : -2);
  const notes = brief.reread.shown.map((n, i) => ({ n: { ...n, state: states.get(n.path) ?? n.state }, i }));
  notes.sort((a, b) => modified(b.n.state) - modified(a.n.state) || a.i - b.i);
  return { ...brief, reread: { ...brief.reread, shown: notes.map((x) => x.n) } };
}

/** Reads the notes of a brief through `fs` and returns it with them. */
export async function readBriefNotes(brief: Brief, fs: FileSystem): Promise<Brief> {
  const states = new Map<string, NoteState>();
  for (const n of brief.reread.shown) states.set(n.path, await readNote(fs, n.path).catch((e: unknown) => ({ kind: 'refused' as const, reason: `The note ${n.path} is not read: ${e instanceof Error ? e.message : String(e)}.` })));
  return withNotes(brief, states);
}
