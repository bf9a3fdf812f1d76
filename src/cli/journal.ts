/** What several subcommands share: the workspace folder, the journal read from it, and a problem on one line. */
import type { FileSystem } from '../core/file-system';
import type { JournalIndex } from '../core/journal/journal-index';
import { filesNotRead, loadJournal } from '../core/journal/load';
import type { Problem } from '../core/problems';
import { resolveEntry } from '../core/safe-fs';
import { escapeControl } from '../core/text/terminal';
import { UsageError } from './args';
import type { CliContext } from './subcommand';

/** `file:line:col: severity: message [rule]`, on one line whatever the journal holds. */
export function problemLine(pr: Problem): string {
  return escapeControl(`${pr.file}:${pr.range.start.line + 1}:${pr.range.start.character + 1}: ${pr.severity}: ${pr.message} [${pr.code}]`);
}

/** The workspace folder's FileSystem; a usage error when there is no folder there. */
export async function workspaceFolder(ctx: CliContext, holds = 'holds (or will hold)'): Promise<FileSystem> {
  const fs = ctx.io.fileSystem(ctx.folder);
  if ((await fs.stat(''))?.type !== 'directory') throw new UsageError(`No folder ${ctx.folder}. Pass the workspace folder that ${holds} the journal.`);
  return fs;
}

/** The journal of the workspace folder, every file read; a usage error when there is no journal folder. */
export async function readJournal(ctx: CliContext): Promise<JournalIndex> {
  const fs = ctx.io.fileSystem(ctx.folder);
  // A journal folder that links outside the workspace is not a usage error: loading it reports it as a problem.
  const entry = await resolveEntry(fs, ctx.layout.folder);
  if (entry.kind === 'missing' || entry.kind === 'file') throw new UsageError(`No journal folder "${ctx.layout.folder}" in ${ctx.folder}. Pass the workspace folder, or --journal <dir>.`);
  return loadJournal(fs, ctx.layout.folder);
}

/** `--follow-up-days N`: days after a feedback request without a reply when its follow-up is due (7 when not given). */
export function followUpDays(ctx: CliContext): number {
  const given = ctx.args.one('--follow-up-days');
  const days = given === undefined ? 7 : Number(given);
  if (!Number.isInteger(days) || days < 0 || days > 365) throw new UsageError('--follow-up-days must be a whole number of days from 0 to 365.');
  return days;
}

/**
 * Tells, on standard error, the journal files that were not read (a link out of the workspace, a pipe,
 * no read permission, too large, a folder that loops), as `validate` lists them: what they hold counts
 * nowhere. Returns the exit code they make: 1 when there is any, else 0.
 */
export function reportNotRead(ctx: CliContext, index: JournalIndex): number {
  const notRead = filesNotRead(index);
  if (!notRead.length) return 0;
  ctx.io.stderr(`debrief: ${notRead.length} journal ${notRead.length === 1 ? 'file or folder was' : 'files or folders were'} not read, so what ${notRead.length === 1 ? 'it holds is' : 'they hold is'} not counted (debrief validate lists every problem):\n`);
  for (const pr of notRead) ctx.io.stderr(problemLine(pr) + '\n');
  return 1;
}
