/** `debrief export`: one row per interview (csv, md, json), or the printable report of a date range. */
import { EXPORT_FORMATS, ExportFormat, exportInterviews } from '../../core/export';
import { OUTCOMES, Outcome } from '../../core/model';
import { checkFilter, filterInterviews, InterviewFilter, parseOutcomes } from '../../core/report/filter';
import { printableReport, REPORT_FORMATS, ReportFormat } from '../../core/report/printable';
import { UsageError } from '../args';
import { escapeControlKeepingLineEnds } from '../../core/text/terminal';
import { problemLine, readJournal, reportNotRead } from '../journal';
import { writeOutput } from '../../core/plans/apply-to-fs';
import type { Subcommand } from '../subcommand';

const ALL_FORMATS = [...EXPORT_FORMATS, ...REPORT_FORMATS];

export const exportCommand: Subcommand = {
  name: 'export',
  usage: `  export --format csv|md|json|report-md|report-html [folder] [--out file]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--outcome a,b]
                                    One row per interview with its rounds, or the
                                    printable report of a date range`,
  help: `Usage: debrief export --format csv|md|json|report-md|report-html [--journal <dir>]
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

Writes to standard output unless --out is given. --out writes the file you name,
wherever it is (also outside the workspace folder), following a symbolic link you
name: a new file (its folder created when missing), or a regular file it
replaces; never a folder, a named pipe, a device, or a file with other names
(hard links).

Exits 1 when a journal file could not be read (each is listed on standard
error; the export leaves it out), 2 on bad usage, 0 otherwise.`,
  options: [
    { name: '--format', aliases: ['-f'], takes: 'one' },
    { name: '--out', aliases: ['-o'], takes: 'one' },
    { name: '--from', takes: 'one' },
    { name: '--to', takes: 'one' },
    { name: '--outcome', aliases: ['--outcomes'], takes: 'one' },
  ],
  async run(ctx) {
    const { args, io } = ctx;
    const format = args.one('--format');
    if (format === undefined) throw new UsageError(`export needs --format ${ALL_FORMATS.join('|')}.`);
    if (!(ALL_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}": use ${ALL_FORMATS.join(', ')}.`);
    let filter: InterviewFilter | undefined;
    const [from, to, outcome] = [args.one('--from'), args.one('--to'), args.one('--outcome')];
    if (from !== undefined || to !== undefined || outcome !== undefined) {
      filter = { from, to, ...(outcome !== undefined ? { outcomes: parseOutcomes(outcome) as Outcome[] } : {}) };
      const bad = checkFilter(filter);
      if (bad) throw new UsageError(bad);
    }
    const index = await readJournal(ctx);
    const report = (REPORT_FORMATS as readonly string[]).includes(format);
    const text = report ? printableReport(index, format as ReportFormat, filter, ctx.today) : exportInterviews(index, format as ExportFormat, filter);
    const out = args.one('--out');
    // What the journal holds reaches the terminal as text only: no escape sequence steers it.
    if (out === undefined) io.stdout(escapeControlKeepingLineEnds(text));
    else {
      if (!io.chosenFile) throw new UsageError('--out is not available here.');
      const target = io.chosenFile(out);
      const written = await writeOutput(target.fs, target.path, text, out);
      if (!written.ok) throw new UsageError(`--out: ${problemLine(written.problems[0])}`);
      const n = filterInterviews(index.interviews(), filter).length;
      io.stderr(`Wrote ${report ? 'the report of ' : ''}${n} ${report ? 'application' : 'interview'}${n === 1 ? '' : 's'} to ${out}.\n`);
    }
    return reportNotRead(ctx, index);
  },
};
