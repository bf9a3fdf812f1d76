/**
 * The one writer outside the editor: plans applied straight to a FileSystem (`debrief import`,
 * `debrief mcp`), and files the user named (`--out`). For a plan, the texts are read first, the plan is
 * made on them, and nothing is written unless every file may be written (`checkChanges`, which the
 * journal editor asks too) and is still as it was read (an edited file unchanged, a file to create
 * still absent). A byte order mark stays. A file that is not UTF-8, or too large, is refused, never rewritten.
 */
import { errorCode, type FileSystem } from '../file-system';
import { LIMITS } from '../limits';
import { dirname } from '../paths';
import { decodeText } from '../read/decode';
import { readRegularFile, refusalProblem, resolveTarget, writeRefusal, writeTarget } from '../safe-fs';
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

/**
 * Where a change may be made (its path once links are resolved), or why not: a file created or
 * edited must be a regular file inside the workspace with one name (`writeTarget`); a file deleted, a
 * regular file inside the workspace (deleting one name of a hard-linked file leaves the others as they are).
 */
async function changeTarget(fs: FileSystem, c: FileChange): Promise<{ ok: true; path: string } | { ok: false; problem: Problem }> {
  const t = c.kind === 'delete' ? await resolveTarget(fs, c.path) : await writeTarget(fs, c.path);
  if (t.kind === 'refused') return { ok: false, problem: writeRefusal(c.path, t) };
  return { ok: true, path: t.kind === 'file' ? t.real : c.path };
}

/** The first change of a plan that may not be made, as a problem at its file: the check of every writer, on the disk and in the editor. */
export async function checkChanges(fs: FileSystem, changes: readonly FileChange[]): Promise<Problem | undefined> {
  for (const c of changes) {
    const t = await changeTarget(fs, c);
    if (!t.ok) return t.problem;
  }
  return undefined;
}

/** Writes bytes where a target check allowed, creating missing folders; a failure is a problem at the file. */
async function writeAt(fs: FileSystem, shownPath: string, path: string, data: Uint8Array): Promise<Problem | undefined> {
  try {
    if (dirname(path) && !(await fs.stat(dirname(path)))) await fs.createDirectory(dirname(path));
    await fs.writeFile(path, data);
    return undefined;
  } catch (e) {
    const code = errorCode(e);
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'it became a symbolic link' : code ?? (e instanceof Error ? e.message : String(e));
    return refused('not-written', `${shownPath} could not be written: ${why}.`, shownPath).problems[0];
  }
}

/** Writes a plan's changes made on `read`; refuses, writing nothing, when any file may not be written or changed since. */
export async function applyToFileSystem(fs: FileSystem, changes: readonly FileChange[], read: ReadTexts): Promise<Outcome<object>> {
  const encoder = new TextEncoder();
  const out: [string, string, Uint8Array | 'delete'][] = [];
  for (const c of changes) {
    const target = await changeTarget(fs, c);
    if (!target.ok) return { ok: false, problems: [target.problem] };
    const now = await readOne(fs, c.path);
    if (!now.ok) return now;
    if (c.kind === 'create') {
      if (now.text !== undefined) return refused('file-exists', `${c.path} exists already; nothing was written.`, c.path);
      out.push([c.path, target.path, encoder.encode(c.text)]);
    } else {
      const before = read.texts.get(c.path);
      if (before === undefined) throw new Error(`a plan changes ${c.path} without reading it first`);
      if (now.text !== before) return refused('changed', `${c.path} changed while the change was prepared; nothing was written. Try again.`, c.path);
      if (c.kind === 'delete') out.push([c.path, target.path, 'delete']);
      else out.push([c.path, target.path, encoder.encode((read.bom.has(c.path) ? '\ufeff' : '') + applyEdits(before, c.edits))]);
    }
  }
  for (const [shownPath, path, data] of out) {
    if (data === 'delete') await fs.delete(path);
    else {
      const failed = await writeAt(fs, shownPath, path, data);
      if (failed) return { ok: false, problems: [failed] };
    }
  }
  return { ok: true };
}

/**
 * A file the user named (`--out`, the Export command's dialog), written whole: a new file (its missing
 * folders created), or a regular file with one name replaced; never a folder, a named pipe, a device, or a
 * file hard-linked elsewhere. `fs` is rooted where the user may write (see `chosenFile` in the adapters);
 * problems name the file `shownAs`, as the user named it.
 */
export async function writeOutput(fs: FileSystem, path: string, text: string, shownAs = path): Promise<Outcome<object>> {
  const t = await writeTarget(fs, path);
  if (t.kind === 'refused') return { ok: false, problems: [writeRefusal(shownAs, t)] };
  const failed = await writeAt(fs, shownAs, t.kind === 'file' ? t.real : path, new TextEncoder().encode(text));
  return failed ? { ok: false, problems: [failed] } : { ok: true };
}
