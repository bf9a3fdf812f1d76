/**
 * What a journal's index read, kept between sessions so that opening a window again reads only the
 * files that changed meanwhile. A snapshot is keyed (Debrief's version, the format of the records, the
 * journal folder) and checksummed: a snapshot of another key, a truncated or edited one, is not used,
 * and the journal is read from the files as if there were none. Each file is kept with its size and
 * modification time; a file whose stamp differs is read again.
 */
import { fingerprint } from '../text/fingerprint';
import type { EntrySnapshot } from './journal-index';

/** Bumped whenever the records or problems the reader makes, or the text of a snapshot, change shape or meaning. */
export const SNAPSHOT_FORMAT = 4;

export interface FileStamp {
  size: number;
  mtime: number;
}

/** What is kept of one file, to write. */
export interface KeptFile {
  stamp: FileStamp;
  entry: EntrySnapshot;
}

/**
 * What was kept of one file, as read back: its stamp at once, its entry decoded only when asked (so a
 * large snapshot costs nothing before the first rows, and files that changed are never decoded), and
 * undefined when its line is damaged, in which case the file is read again.
 */
export interface KeptEntry {
  stamp: FileStamp;
  entry(): EntrySnapshot | undefined;
}

/** The key a snapshot must carry to be used: what makes an older read invalid. */
export function snapshotKey(version: string, journalFolder: string): string {
  return `${version}|${SNAPSHOT_FORMAT}|${journalFolder}`;
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtime === b.mtime;
}

const HEADER = 'debrief-index';

/**
 * The text of a snapshot: a header line (`debrief-index`, the format, the key as JSON), then one line
 * per file: its path (JSON), size, modification time, the checksum of its entry, and the entry as
 * JSON, separated by tabs (JSON never holds a raw tab or line break).
 */
export function encodeSnapshot(key: string, files: Iterable<[string, KeptFile]>): string {
  return [...snapshotChunks(key, files)].join('');
}

/**
 * The text of a snapshot in pieces of about `chunkChars` characters (whole lines), each made only when
 * asked: written piece by piece, a large journal's snapshot is never held whole (at 10,000 interviews the
 * text is about 20 MB, and its lines as many again). The pieces are small enough to be short-lived
 * garbage (a string of a megabyte would go straight to the engine's large-object space, held until a
 * full collection: tens of MB more at the peak of a large journal's first reading).
 */
export function* snapshotChunks(key: string, files: Iterable<[string, KeptFile]>, chunkChars = 1 << 15): Generator<string> {
  let lines = [`${HEADER}\t${SNAPSHOT_FORMAT}\t${JSON.stringify(key)}`];
  let chars = lines[0].length;
  for (const [path, f] of files) {
    const json = JSON.stringify(f.entry);
    const line = `${JSON.stringify(path)}\t${f.stamp.size}\t${f.stamp.mtime}\t${fingerprint(json)}\t${json}`;
    lines.push(line);
    chars += line.length + 1;
    if (chars >= chunkChars) {
      yield lines.join('\n') + '\n';
      lines = [];
      chars = 0;
    }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}

/**
 * The files of a snapshot, or undefined when it is not one of this key or its text is not a snapshot.
 * A file whose line is damaged (its checksum or JSON) gives no entry and is read again; a line cut
 * short by a truncated write is dropped, and its file read again.
 */
export function decodeSnapshot(text: string, key: string): Map<string, KeptEntry> | undefined {
  let at = text.indexOf('\n');
  if (at < 0 || text.slice(0, at) !== `${HEADER}\t${SNAPSHOT_FORMAT}\t${JSON.stringify(key)}`) return undefined;
  const out = new Map<string, KeptEntry>();
  while (at < text.length - 1) {
    const start = at + 1;
    at = text.indexOf('\n', start);
    if (at < 0) break; // the last line, cut short
    const line = text.slice(start, at);
    const t1 = line.indexOf('\t'), t2 = line.indexOf('\t', t1 + 1), t3 = line.indexOf('\t', t2 + 1), t4 = line.indexOf('\t', t3 + 1);
    if (t4 < 0) return undefined;
    let path: unknown;
    try {
      path = JSON.parse(line.slice(0, t1));
    } catch {
      return undefined;
    }
    const size = Number(line.slice(t1 + 1, t2)), mtime = Number(line.slice(t2 + 1, t3)), print = Number(line.slice(t3 + 1, t4));
    if (typeof path !== 'string' || !Number.isFinite(size) || !Number.isFinite(mtime) || !Number.isFinite(print)) return undefined;
    out.set(path, { stamp: { size, mtime }, entry: () => entryOf(line.slice(t4 + 1), print) });
  }
  return out;
}

function entryOf(json: string, print: number): EntrySnapshot | undefined {
  if (fingerprint(json) !== print) return undefined;
  try {
    const e = JSON.parse(json) as EntrySnapshot;
    return e && typeof e === 'object' && (e.kind === 'interview' || e.kind === 'weaknesses') && Array.isArray(e.local) ? e : undefined;
  } catch {
    return undefined;
  }
}
