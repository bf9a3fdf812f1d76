/**
 * The `debrief` command line: validate, stats, export and report a journal, and import applications
 * from a spreadsheet or another tracker, from a terminal or CI.
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
import { rankWeaknesses } from '../core/progress/weaknesses';
import { FIELDS, Field } from '../core/import/fields';
import { parseMapArgument, readImport, reasonsFor, withCorrections } from '../core/import/import';
import { existingOf, planImport } from '../core/import/plan';
import { PRESETS } from '../core/import/presets';
import { describeProblem } from '../core/import/problem';
import { importReportText } from '../core/import/report';
import { basename, normalizeRelative } from '../core/paths';
import { checkFilter, filterInterviews, InterviewFilter, parseOutcomes } from '../core/report/filter';
import { printableReport, REPORT_FORMATS, ReportFormat } from '../core/report/printable';
import { OUTCOMES, Outcome } from '../core/model';
import { McpOptions, serveMcp } from './mcp';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The FileSystem rooted at a workspace folder (absolute or relative to the current directory). */
  fileSystem(folder: string): FileSystem;
  /** Writes a file given on the command line (--out); relative to the current directory. */
  writeOutput?(path: string, text: string): Promise<void>;
  /** Reads a file given on the command line (the spreadsheet to import); relative to the current directory. */
  readInput?(path: string): Promise<Uint8Array>;
  /** Today's date (YYYY-MM-DD) for statistics. */
  today?(): string;
  /** Serves the MCP tools on the process's standard input and output until it closes. */
  serveMcp?(options: McpOptions): Promise<void>;
}

const VERSION = '0.1.0';

const ALL_FORMATS = [...EXPORT_FORMATS, ...REPORT_FORMATS];

const USAGE = `Usage: debrief <command> [options] [folder]

Commands:
  validate [folder]                 Check the journal; exit 1 when there are errors
  stats [folder]                    Print statistics: outcomes, feedback, weaknesses
  export --format csv|md|json|report-md|report-html [folder] [--out file]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--outcome a,b]
                                    One row per interview with its rounds, or the
                                    printable report of a date range
  import <file> [folder] [--dry-run] [--preset <name>] [--map <field>=<column> ...]
                                    One interview per row of a CSV or TSV file
                                    (a spreadsheet, Huntr, Teal, a Debrief export)
  mcp [folder] [--read-only]        Serve the journal's tools to an AI assistant
                                    over the Model Context Protocol (stdio)

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

Prints outcomes, how far applications got, where they ended, feedback answer
rate and delays, and for each weakness (what holds you back most first) its
sightings, its trend (the share of recent interviews it showed in, against the
90 days before) and whether the work on it paid off. docs/progress.md defines
every term.`,
  export: `Usage: debrief export --format csv|md|json|report-md|report-html [--journal <dir>]
                      [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--outcome a,b] [--today YYYY-MM-DD]
                      [--out file] [folder]

Formats:
  csv, md, json   one row per interview, with its rounds in order (stage history)
  report-md       "Applications from … to …": date, company, role, how applied,
                  stage history, outcome and feedback, as Markdown
  report-html     the same report as a standalone HTML page to print or save as PDF

Filters (any format; without them every interview is exported):
  --from, --to    first and last date included (the date applied, else the first round)
  --outcome       outcomes included, comma-separated: ${OUTCOMES.join(', ')}

Writes to standard output unless --out is given.`,
  import: `Usage: debrief import <file> [folder] [--journal <dir>] [--dry-run]
                      [--preset <name>] [--map <field>=<column> ...]

Reads a CSV or TSV file (a spreadsheet, or another tracker's export) and writes
one interview file per row into the journal: unique ids, a comment saying which
line it came from, nothing overwritten. Rows with the same company, role and date
as an interview of the journal (or an earlier row) are duplicates, so importing
the same file twice adds nothing. Ends with the report and the line
"N new, N duplicate, N invalid".

The encoding (UTF-8, UTF-16, Windows-1252), the separator (, ; tab |) and the
header row are detected. Columns are recognised by their names, in English or
German, or after a preset:
${PRESETS.map((pr) => `  ${pr.name.padEnd(9)} ${pr.description}`).join('\n')}

  --dry-run             print the same plan, write nothing
  --preset <name>       read the columns of this tracker's export
  --map <field>=<column>
                        which column fills a field, by header name or number;
                        --map notes= leaves a field out. Fields:
                        ${FIELDS.join(', ')}`,
  mcp: `Usage: debrief mcp [--journal <dir>] [--read-only] [--follow-up-days N] [folder]

Serves the journal's tools over the Model Context Protocol on standard input and
output, for an AI assistant that runs it (Claude Desktop, an editor, a CLI agent).
The tools are the ones Debrief offers in VS Code's chat: list and get interviews,
weaknesses with their trend, progress, what is due; record an interview or the
feedback received, add a weakness or an improvement item, set a status, link a
study note. Every input is checked, writes go through the same edits as the
commands (comments and formatting stay), and nothing is read or written outside
the folder. --read-only offers the reading tools only. No network is used.

An MCP client's configuration, e.g.:
  { "mcpServers": { "debrief": { "command": "node",
      "args": ["/path/to/debrief/dist/cli.js", "mcp", "/path/to/workspace"] } } }`,
};


class UsageError extends Error {}

interface Parsed {
  command?: string;
  folder: string;
  journal: string;
  format?: string;
  out?: string;
  today?: string;
  from?: string;
  to?: string;
  outcome?: string;
  /** import: the file to read, the preset, the mapping corrections, and whether to write. */
  file?: string;
  preset?: string;
  maps: string[];
  dryRun: boolean;
  /** mcp: offer the reading tools only; the days before a feedback request needs a follow-up. */
  readOnly: boolean;
  followUpDays?: string;
  json: boolean;
  help: boolean;
  version: boolean;
}

function parseArgs(argv: string[]): Parsed {
  const p: Parsed = { folder: '.', journal: 'debrief', maps: [], dryRun: false, readOnly: false, json: false, help: false, version: false };
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
      case '--from': p.from = take(); break;
      case '--to': p.to = take(); break;
      case '--outcome': case '--outcomes': p.outcome = take(); break;
      case '--preset': p.preset = take(); break;
      case '--map': p.maps.push(take()); break;
      case '--dry-run': p.dryRun = true; break;
      case '--read-only': p.readOnly = true; break;
      case '--follow-up-days': p.followUpDays = take(); break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}.`);
        positional.push(a);
    }
  }
  p.command = positional.shift();
  if (p.command === 'import') p.file = positional.shift();
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
  out.push(`Weaknesses, what holds you back most first (share of the interviews of the last 90 days up to ${s.today}, against the 90 before):`);
  if (!s.weaknesses.length) out.push('  none');
  for (const w of rankWeaknesses(s.weaknesses)) {
    out.push(`  ${w.id}${w.status ? ` [${w.status}]` : ''}: ${w.evidence === 'unseen' ? 'never cited' : `${w.evidence}, ${w.sightings} sighting${w.sightings === 1 ? '' : 's'} in ${w.interviews} interview${w.interviews === 1 ? '' : 's'}${w.lastSeen ? `, last ${w.lastSeen}` : ''}; ${w.trendText}`}`);
    out.push(`      ${w.verdictText}`);
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

/**
 * `debrief import`: reads the file, maps its columns (guessed, preset, --map), plans one interview per
 * row and, unless --dry-run, writes the new files inside the folder, never over an existing one.
 */
async function runImport(io: CliIO, p: Parsed, today: string): Promise<number> {
  if (!p.file) throw new UsageError('import needs the file to read: debrief import <file> [folder].');
  const journalFolder = normalizeRelative(p.journal);
  if (!journalFolder) throw new UsageError(`--journal must be a folder inside the workspace folder, not "${p.journal}".`);
  if (!io.readInput) throw new UsageError('import is not available here.');
  let bytes: Uint8Array;
  try {
    bytes = await io.readInput(p.file);
  } catch (e) {
    throw new UsageError(`cannot read ${p.file}: ${(e as Error).message ?? String(e)}`);
  }
  const read = await readImport(bytes, { preset: p.preset });
  if (!read.ok) throw new UsageError(describeProblem(p.file, read.problem));
  const { table, preset } = read.read;
  const corrections: { field: Field; column: string }[] = [];
  for (const m of p.maps) {
    const c = parseMapArgument(m);
    if (!c.ok) throw new UsageError(c.message);
    corrections.push(c);
  }
  const mapped = withCorrections(table.headers, read.read.mapping, corrections);
  if (!mapped.ok) throw new UsageError(mapped.message);

  const fs = io.fileSystem(p.folder);
  if ((await fs.stat(''))?.type !== 'directory') throw new UsageError(`No folder ${p.folder}. Pass the workspace folder that holds (or will hold) the journal.`);
  const index = await loadJournal(fs, journalFolder);
  const taken = new Set(index.interviews().map((iv) => iv.id));
  try {
    for (const [name] of await fs.readDirectory(index.interviewsFolder)) taken.add(name.replace(/\.[^.]*$/, ''));
  } catch {
    // No interviews folder yet: every id is free.
  }
  const planned = planImport(table, { mapping: mapped.mapping, ignored: read.read.ignored, wishlist: preset.wishlist, journalFolder, existing: existingOf(index.interviews()), takenIds: taken, sourceName: basename(p.file.replace(/\\/g, '/')), today });
  if (!planned.ok) throw new UsageError(`${describeProblem(p.file, planned.problem)} Use --map <field>=<column>; the columns are: ${table.headers.map((h) => `"${h}"`).join(', ')}.`);
  const plan = planned.plan;
  if (!p.dryRun) {
    for (const c of plan.changes) {
      if (c.kind !== 'create') continue;
      // Never over an existing file, even one that appeared since the journal was read.
      if (await fs.stat(c.path)) throw new Error(`${c.path} appeared while importing; nothing more was written. Run the import again: it adds only what is missing.`);
      await fs.writeFile(c.path, new TextEncoder().encode(c.text));
    }
  }
  io.stdout(importReportText(plan, { file: p.file, table, mapping: mapped.mapping, preset, reasons: reasonsFor(read.read, mapped.mapping), ignored: read.read.ignored, own: read.read.guess.own, dryRun: p.dryRun }));
  return 0;
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
    io.stdout(`debrief ${VERSION}\n`);
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
    for (const [flag, v] of [['--from', p.from], ['--to', p.to], ['--outcome', p.outcome]] as const) {
      if (v !== undefined && p.command !== 'export') throw new UsageError(`${flag} is only for export.`);
    }
    for (const [flag, v] of [['--preset', p.preset], ['--map', p.maps.length ? p.maps[0] : undefined], ['--dry-run', p.dryRun || undefined]] as const) {
      if (v !== undefined && p.command !== 'import') throw new UsageError(`${flag} is only for import.`);
    }
    for (const [flag, v] of [['--read-only', p.readOnly || undefined], ['--follow-up-days', p.followUpDays]] as const) {
      if (v !== undefined && p.command !== 'mcp') throw new UsageError(`${flag} is only for mcp.`);
    }
    if (p.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(p.today)) throw new UsageError('--today must be YYYY-MM-DD.');
    const today = p.today ?? io.today?.() ?? dateOf(new Date());
    if (p.command === 'import') return await runImport(io, p, today);
    if (p.command === 'mcp') return await runMcp(io, p);
    let filter: InterviewFilter | undefined;
    if (p.command === 'export') {
      if (p.format === undefined) throw new UsageError(`export needs --format ${ALL_FORMATS.join('|')}.`);
      if (!(ALL_FORMATS as readonly string[]).includes(p.format)) throw new UsageError(`Unknown format "${p.format}": use ${ALL_FORMATS.join(', ')}.`);
      if (p.from !== undefined || p.to !== undefined || p.outcome !== undefined) {
        filter = { from: p.from, to: p.to, ...(p.outcome !== undefined ? { outcomes: parseOutcomes(p.outcome) as Outcome[] } : {}) };
        const bad = checkFilter(filter);
        if (bad) throw new UsageError(bad);
      }
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
        const stats = journalStats(index, today);
        io.stdout(escapeControlKeepingLines(p.json ? JSON.stringify(stats, null, 2) + '\n' : formatStats(stats)));
        return 0;
      }
      case 'export': {
        const report = (REPORT_FORMATS as readonly string[]).includes(p.format as string);
        const text = report ? printableReport(index, p.format as ReportFormat, filter, today) : exportInterviews(index, p.format as ExportFormat, filter);
        if (p.out !== undefined) {
          if (!io.writeOutput) throw new UsageError('--out is not available here.');
          await io.writeOutput(p.out, text);
          const n = filterInterviews(index.interviews(), filter).length;
          io.stderr(`Wrote ${report ? 'the report of ' : ''}${n} ${report ? 'application' : 'interview'}${n === 1 ? '' : 's'} to ${p.out}.\n`);
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

async function runMcp(io: CliIO, p: Parsed): Promise<number> {
  if (!io.serveMcp) throw new UsageError('mcp is not available here.');
  const days = p.followUpDays === undefined ? 7 : Number(p.followUpDays);
  if (!Number.isInteger(days) || days < 0 || days > 365) throw new UsageError('--follow-up-days must be a whole number of days from 0 to 365.');
  const fs = io.fileSystem(p.folder);
  if ((await fs.stat(''))?.type !== 'directory') throw new UsageError(`No folder ${p.folder}. Pass the workspace folder that holds the journal.`);
  const fixed = p.today;
  await io.serveMcp({
    fs, journalFolder: normalizeRelative(p.journal) ?? p.journal, access: p.readOnly ? 'read-only' : 'read-write',
    today: () => fixed ?? io.today?.() ?? dateOf(new Date()), feedbackFollowUpDays: days, version: VERSION, log: (t) => io.stderr(t),
  });
  return 0;
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
  readInput: async (path) => {
    const { promises } = await import('node:fs');
    return new Uint8Array(await promises.readFile(nodePath.resolve(path)));
  },
  serveMcp: (options) => serveMcp(options),
};

if (require.main === module) {
  main(process.argv.slice(2), nodeIO).then((code) => {
    process.exitCode = code;
  }, (e) => {
    process.stderr.write(`debrief: ${String(e)}\n`);
    process.exitCode = 2;
  });
}
