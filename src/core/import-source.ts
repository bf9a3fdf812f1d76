/**
 * The first step of an import (core/import): the file the user chose, read through the one safe read
 * (safe-fs.ts) on a FileSystem rooted where the user may read (`chosenFile` in the adapters): a stat
 * first, regular files only (a named pipe or /dev/zero is refused at once, never waited on or read),
 * and a read that stops at the size limit. The command line and the editor's Import command share it.
 */
import type { FileSystem } from './file-system';
import { MAX_IMPORT_BYTES } from './import/decode';
import type { Problem } from './problems';
import { FILE_START } from './problems';
import { readRegularFile, refusalProblem } from './safe-fs';

export type SourceRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/** The bytes of the file to import (`path` on `fs`), or the problem located at it (named `shownAs`). */
export async function readImportSource(fs: FileSystem, path: string, shownAs: string): Promise<SourceRead> {
  const r = await readRegularFile(fs, path, MAX_IMPORT_BYTES);
  if (r.kind === 'read') return { ok: true, bytes: r.bytes };
  if (r.kind === 'missing') return { ok: false, problem: { file: shownAs, range: FILE_START, severity: 'error', code: 'missing-file', message: 'There is no such file.' } };
  const max = MAX_IMPORT_BYTES / 1048576;
  const size = r.size === undefined ? `over ${max} MB` : `${(r.size / 1048576).toFixed(1)} MB`;
  return { ok: false, problem: refusalProblem(shownAs, r, () => `The file is ${size}; Debrief imports spreadsheets up to ${max} MB. Split it into several files.`) };
}
