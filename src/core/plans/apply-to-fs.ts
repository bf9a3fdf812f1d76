/**
 * Applying a plan straight to a FileSystem, for the command line (`debrief mcp`) where there is no
 * editor: the texts are read first, the plan is made on them, and nothing is written unless every file
 * is still as it was read (an edited file unchanged, a file to create still absent). A byte order mark
 * stays. A file that is not UTF-8, or too large, is refused, never rewritten.
 */
import type { FileSystem } from '../file-system';
import { LIMITS } from '../limits';
import { decodeText } from '../read/decode';
import { readRegularFile, refusalProblem, resolveTarget } from '../safe-fs';
import { applyEdits } from '../yaml/text-edits';
import { FileChange, refused } from './plan';
import type { Problem } from '../problems';

export interface ReadTexts {
  texts: Map<string, string | undefined>;
  /** Files that start with a byte order mark, kept when they are written. */
  bom: Set<string>;
}

type Outcome<T> = ({ ok: true } & T) | { ok: false; problems: Problem[] };

/** One file's text: only a regular file inside the workspace is read, a new one only where its folder is inside. */
async function readOne(fs: FileSystem, path: string): Promise<Outcome<{ text: string | undefined; bom: boolean }>> {
  const target = await resolveTarget(fs, path);
  if (target.kind === 'refused') return { ok: false, problems: [refusalProblem(path, target)] };
  if (target.kind === 'new') return { ok: true, text: undefined, bom: false };
  const read = await readRegularFile(fs, path, LIMITS.fileBytes);
  if (read.kind === 'missing') return { ok: true, text: undefined, bom: false };
  if (read.kind === 'refused') return { ok: false, problems: [refusalProblem(path, read)] };
  const bytes = read.bytes;
  const decoded = decodeText(path, bytes);
  if (decoded.text === undefined || decoded.problems.some((p) => p.severity === 'error')) return { ok: false, problems: decoded.problems };
  return { ok: true, text: decoded.text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

/** The current text of each path (undefined: no file there). */
export async function readTexts(fs: FileSystem, paths: readonly string[]): Promise<Outcome<ReadTexts>> {
  const texts = new Map<string, string | undefined>();
  const bom = new Set<string>();
  for (const path of new Set(paths)) {
    const r = await readOne(fs, path);
    if (!r.ok) return r;
    texts.set(path, r.text);
    if (r.bom) bom.add(path);
  }
  return { ok: true, texts, bom };
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Writes a plan's changes made on `read`; refuses, writing nothing, when any file changed since. */
export async function applyToFileSystem(fs: FileSystem, changes: readonly FileChange[], read: ReadTexts): Promise<Outcome<object>> {
  const encoder = new TextEncoder();
  const out: [string, Uint8Array | 'delete'][] = [];
  for (const c of changes) {
    const now = await readOne(fs, c.path);
    if (!now.ok) return now;
    if (c.kind === 'create') {
      if (now.text !== undefined) return refused('file-exists', `${c.path} exists already; nothing was written.`, c.path);
      out.push([c.path, encoder.encode(c.text)]);
    } else {
      const before = read.texts.get(c.path);
      if (before === undefined) throw new Error(`a plan changes ${c.path} without reading it first`);
      if (now.text !== before) return refused('changed', `${c.path} changed while the change was prepared; nothing was written. Try again.`, c.path);
      if (c.kind === 'delete') out.push([c.path, 'delete']);
      else out.push([c.path, encoder.encode((read.bom.has(c.path) ? '\ufeff' : '') + applyEdits(before, c.edits))]);
    }
  }
  for (const [path, data] of out) {
    if (data === 'delete') await fs.delete(path);
    else {
      if (dirname(path) && !(await fs.stat(dirname(path)))) await fs.createDirectory(dirname(path));
      await fs.writeFile(path, data);
    }
  }
  return { ok: true };
}
