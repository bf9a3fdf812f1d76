/**
 * The `debrief` command line: validate, stats and export a journal from a terminal or CI.
 * `main(argv, io)` is pure apart from its FileSystem and output callbacks, so tests call it directly.
 */
import * as nodePath from 'node:path';
import { NodeFileSystem } from '../adapters/node-fs';
import { EXPORT_FORMATS, ExportFormat, exportInterviews } from '../core/export';
import { dateOf } from '../core/dates';
import { countProblems, Problem, sortProblems } from '../core/problems';
import type { FileSystem } from '../core/file-system';
import { LIMITS } from '../core/limits';
import { resolveEntry } from '../core/safe-fs';
import { thousands } from '../core/text/numbers';
import { escapeControl, escapeControlKeepingLines } from '../core/text/terminal';
import { JournalIndex } from '../core/journal/journal-index';
import { JournalStats } from '../core/stats';
import { loadJournal } from '../core/journal/load';
import { journalStats } from '../core/stats';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The FileSystem rooted at a workspace folder (absolute or relative to the current directory). */
  fileSystem(folder: string): FileSystem;
  /** Writes a file given on the command line (--out); relative to the current directory. */
  writeOutput?(path: string, text: string): Promise<void>;
  /** Today's date (YYYY-MM-DD) for statistics. */
  today?(): string;
}

const USAGE = `Usage: debrief <command> [options] [folder]

Commands:
  validate [folder]                 Check the journal; exit 1 when there are errors
  stats [folder]                    Print statistics: outcomes, feedback, weaknesses
  export --format csv|md|json [folder] [--out file]
                                    One row per interview with its rounds

Options:
  --journal <dir>   Journal folder inside the workspace folder (default: debrief)
  --help, -h        Show help (also: debrief <command> --help)
  --version         Show the version

folder is the workspace folder holding the journal (default: the current directory).`;

const COMMAND_HELP: Record<string, string> = {
  validate: `Usage: debrief validate [--journal <dir>] [folder]

Checks every journal file and prints one line per problem:
  file:line:col: severity: message [rule]
Control characters in what the journal holds are printed escaped (\\n, \\u001b).
At most ${LIMITS.problemsPerFile} problems are listed per file and ${thousands(LIMITS.problemsPerRun)} per run;
the rest are counted. Exits 1 when any problem is an error (a file that
cannot be read is one), 0 otherwise.`,
  stats: `Usage: debrief stats [--journal <dir>] [--today YYYY-MM-DD] [--json] [folder]

Prints outcomes, where applications ended, feedback answer rate and delays,
and for each weakness its sightings, trend (last 90 days vs the 90 before)
and whether it surfaced again after its improvement items were done.`,
  export: `Usage: debrief export --format csv|md|json [--journal <dir>] [--out file] [folder]

Exports one row per interview, with its rounds in order (stage history).
Writes to standard output unless --out is given.`,
};

class UsageError extends Error {}

interface Parsed {
  command?: string;
  folder: string;
  journal: string;
  format?: string;
  out?: string;
  today?: string;
  json: boolean;
  help: boolean;
  version: boolean;
}

function parseArgs(argv: string[]): Parsed {
  const p: Parsed = { folder: '.', journal: 'debrief', json: false, help: false, version: false };
  const positional: string[] = [];
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`Option ${name} needs a value.`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, name);
      i++;
      return v;
    };
    switch (name) {
      case '--help': case '-h': p.help = true; break;
      case '--version': p.version = true; break;
      case '--json': p.json = true; break;
      case '--journal': p.journal = take(); break;
      case '--format': case '-f': p.format = take(); break;
      case '--out': case '-o': p.out = take(); break;
      case '--today': p.today = take(); break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}.`);
        positional.push(a);
    }
  }
  p.command = positional.shift();
  if (positional.length > 1) throw new UsageError(`Too many arguments: ${positional.join(' ')}.`);
  if (positional.length === 1) p.folder = positional[0];
  return p;
}

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

export function formatStats(s: JournalStats): string {
  const out: string[] = [];
  out.push(`Interviews: ${s.interviews}`);
  const nonZero = (rec: Record<string, number>) => Object.entries(rec).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  out.push(`Outcomes: ${nonZero(s.outcomes)}`);
  out.push(`Furthest stage: ${nonZero(s.stages)}`);
  out.push(`Closed without offer, after: ${nonZero(s.endedAfter)}`);
  const f = s.feedback;
  out.push(`Feedback: asked ${f.asked}, answered ${f.answered}${f.answerRate !== undefined ? ` (${pct(f.answerRate)})` : ''}` +
    (f.medianReplyDays !== undefined ? `, median reply ${f.medianReplyDays} day${f.medianReplyDays === 1 ? '' : 's'} (${f.replyDays[0]}–${f.replyDays[f.replyDays.length - 1]})` : ''));
  out.push('');
  out.push(`Weaknesses (trend: last 90 days up to ${s.today} vs the 90 before):`);
  if (!s.weaknesses.length) out.push('  none');
  const sorted = [...s.weaknesses].sort((a, b) => b.sightings - a.sightings || (a.id < b.id ? -1 : 1));
  for (const w of sorted) {
    const flags: string[] = [];
    if (w.sightings === 0) flags.push('never cited');
    else if (w.hypothesis) flags.push('hypothesis: seen in one interview');
    if (w.resurfacedAfterDone) flags.push(`surfaced again ${w.sightingsAfterDone}× after items done on ${w.lastDone}`);
    const trend = { more: '↑ more often', less: '↓ less often', same: '→ as often', none: '· not lately' }[w.trend];
    out.push(`  ${w.id}${w.status ? ` [${w.status}]` : ''}: ${w.sightings} sighting${w.sightings === 1 ? '' : 's'} in ${w.interviews} interview${w.interviews === 1 ? '' : 's'}` +
      (w.lastSeen ? `, last ${w.lastSeen}` : '') + `, ${trend} (${w.recent} vs ${w.previous})` + (flags.length ? ` — ${flags.join('; ')}` : ''));
    const months = Object.entries(w.byMonth);
    if (months.length) out.push(`      by month: ${months.map(([m, n]) => `${m} ${n}`).join(', ')}`);
  }
  return out.join('\n') + '\n';
}

async function load(io: CliIO, p: Parsed): Promise<JournalIndex> {
  const fs = io.fileSystem(p.folder);
  // A journal folder that links outside the workspace is not a usage error: loading it reports it as a problem.
  const entry = await resolveEntry(fs, p.journal);
  if (entry.kind === 'missing' || (entry.kind === 'file')) throw new UsageError(`No journal folder "${p.journal}" in ${p.folder}. Pass the workspace folder, or --journal <dir>.`);
  return loadJournal(fs, p.journal);
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 journal errors, 2 bad usage). */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let p: Parsed;
  try {
    p = parseArgs(argv);
  } catch (e) {
    io.stderr(`debrief: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (p.version) {
    io.stdout('debrief 0.1.0\n');
    return 0;
  }
  if (!p.command) {
    if (p.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    io.stderr(`debrief: missing command.\n\n${USAGE}\n`);
    return 2;
  }
  if (p.command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (!(p.command in COMMAND_HELP)) {
    io.stderr(`debrief: unknown command "${p.command}".\n\n${USAGE}\n`);
    return 2;
  }
  if (p.help) {
    io.stdout(COMMAND_HELP[p.command] + '\n');
    return 0;
  }
  try {
    if (p.format !== undefined && p.command !== 'export') throw new UsageError('--format is only for export.');
    if (p.out !== undefined && p.command !== 'export') throw new UsageError('--out is only for export.');
    if (p.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(p.today)) throw new UsageError('--today must be YYYY-MM-DD.');
    if (p.command === 'export') {
      if (p.format === undefined) throw new UsageError('export needs --format csv|md|json.');
      if (!(EXPORT_FORMATS as readonly string[]).includes(p.format)) throw new UsageError(`Unknown format "${p.format}": use csv, md or json.`);
    }
    const index = await load(io, p);
    switch (p.command) {
      case 'validate': {
        const problems = sortProblems(index.problems());
        // One problem, one line: whatever a file name, key or value holds is escaped.
        const shown = Math.min(problems.length, LIMITS.problemsPerRun);
        for (let i = 0; i < shown; i++) io.stdout(problemLine(problems[i]) + '\n');
        if (problems.length > shown) {
          const rest = countProblems(problems.slice(shown));
          io.stdout(`… and ${thousands(problems.length - shown)} more problem lines not printed (${rest.error} error${rest.error === 1 ? '' : 's'}, ${rest.warning} warning${rest.warning === 1 ? '' : 's'}, ${rest.info} info); debrief prints ${thousands(LIMITS.problemsPerRun)} per run.\n`);
        }
        const c = countProblems(problems);
        const files = index.files().length;
        io.stdout(`${files} file${files === 1 ? '' : 's'} checked: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info.\n`);
        return c.error > 0 ? 1 : 0;
      }
      case 'stats': {
        const stats = journalStats(index, p.today ?? io.today?.() ?? dateOf(new Date()));
        io.stdout(escapeControlKeepingLines(p.json ? JSON.stringify(stats, null, 2) + '\n' : formatStats(stats)));
        return 0;
      }
      case 'export': {
        const text = exportInterviews(index, p.format as ExportFormat);
        if (p.out !== undefined) {
          if (!io.writeOutput) throw new UsageError('--out is not available here.');
          await io.writeOutput(p.out, text);
          io.stderr(`Wrote ${index.interviews().length} interviews to ${p.out}.\n`);
        } else io.stdout(text);
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`debrief: ${escapeControl(e.message)}\n`);
      return 2;
    }
    io.stderr(`debrief: ${escapeControl(String((e as Error).message ?? e))}\n`);
    return 2;
  }
}

/** `file:line:col: severity: message [rule]`, on one line whatever the journal holds. */
export function problemLine(pr: Problem): string {
  return escapeControl(`${pr.file}:${pr.range.start.line + 1}:${pr.range.start.character + 1}: ${pr.severity}: ${pr.message} [${pr.code}]`);
}

/** The real process: node:fs, process streams. */
export const nodeIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  fileSystem: (folder) => new NodeFileSystem(nodePath.resolve(folder)),
  writeOutput: async (path, text) => {
    const { promises } = await import('node:fs');
    await promises.writeFile(nodePath.resolve(path), text, 'utf8');
  },
};

if (require.main === module) {
  main(process.argv.slice(2), nodeIO).then((code) => {
    process.exitCode = code;
  }, (e) => {
    process.stderr.write(`debrief: ${String(e)}\n`);
    process.exitCode = 2;
  });
}
