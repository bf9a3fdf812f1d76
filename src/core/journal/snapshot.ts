/**
 * What a journal's index read, kept between sessions so that opening a window again reads only the
 * files that changed meanwhile. A snapshot is keyed (Debrief's version, the format of the records, the
 * journal folder) and checksummed: a snapshot of another key, a truncated or edited one, is not used,
 * and the journal is read from the files as if there were none. Each file is kept with its size and
 * modification time; a file whose stamp differs is read again.
 */
import { fingerprint } from '../text/fingerprint';
import type { EntrySnapshot } from './journal-index';

/** Bumped whenever the records or problems the reader makes change shape or meaning. */
export const SNAPSHOT_FORMAT = 1;

export interface FileStamp {
  size: number;
  mtime: number;
}

export interface KeptFile {
  stamp: FileStamp;
  entry: EntrySnapshot;
}

interface Body {
  format: number;
  key: string;
  files: [string, number, number, EntrySnapshot][];
}

/** The key a snapshot must carry to be used: what makes an older read invalid. */
export function snapshotKey(version: string, journalFolder: string): string {
  return `${version}|${SNAPSHOT_FORMAT}|${journalFolder}`;
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtime === b.mtime;
}

/** The text of a snapshot: a checksum line, then the body as JSON. */
export function encodeSnapshot(key: string, files: Iterable<[string, KeptFile]>): string {
  const body: Body = { format: SNAPSHOT_FORMAT, key, files: [] };
  for (const [path, f] of files) body.files.push([path, f.stamp.size, f.stamp.mtime, f.entry]);
  const json = JSON.stringify(body);
  return `${fingerprint(json)}\n${json}`;
}

/** The files of a snapshot, or undefined when it is not one of this key, or is damaged in any way. */
export function decodeSnapshot(text: string, key: string): Map<string, KeptFile> | undefined {
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const json = text.slice(nl + 1);
  if (text.slice(0, nl) !== String(fingerprint(json))) return undefined;
  let body: Body;
  try {
    body = JSON.parse(json) as Body;
  } catch {
    return undefined;
  }
  if (!body || body.format !== SNAPSHOT_FORMAT || body.key !== key || !Array.isArray(body.files)) return undefined;
  const out = new Map<string, KeptFile>();
  for (const f of body.files) {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || typeof f[1] !== 'number' || typeof f[2] !== 'number' || !f[3] || typeof f[3] !== 'object') return undefined;
    out.set(f[0], { stamp: { size: f[1], mtime: f[2] }, entry: f[3] });
  }
  return out;
}
