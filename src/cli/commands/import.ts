/**
 * `debrief import`: reads the file, maps its columns (guessed, preset, --map), plans one interview per
 * row and, unless --dry-run, writes the new files inside the folder, never over an existing one.
 */
import { FIELDS, Field } from '../../core/import/fields';
import { parseMapArgument, parseStatusArgument, readImport, reasonsFor, STATUS_CHOICES, withCorrections, withIgnored } from '../../core/import/import';
import { existingOf, planImport, statusKey } from '../../core/import/plan';
import { PRESETS } from '../../core/import/presets';
import { describeProblem } from '../../core/import/problem';
import { importReportText } from '../../core/import/report';
import type { StatusMeaning } from '../../core/import/status';
import { readImportSource } from '../../core/import-source';
import { loadJournal } from '../../core/journal/load';
import { applyToFileSystem } from '../../core/plans/apply-to-fs';
import { basename } from '../../core/paths';
import { UsageError } from '../args';
import { problemLine, reportNotRead, workspaceFolder } from '../journal';
import type { Subcommand } from '../subcommand';

/** Words wrapped to lines of at most `width` characters, each line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

export const importCommand: Subcommand = {
  name: 'import',
  usage: `  import <file> [folder] [--dry-run] [--preset <name>] [--sheet <name>]
         [--map <field>=<column> ...] [--status "<word>=<outcome>" ...]
         [--ignore <column> ...] [--keep <column> ...]
                                    One interview per row of a spreadsheet
                                    (CSV, TSV, .xlsx, .ods; LinkedIn, Huntr,
                                    Teal, a Debrief export)`,
  help: `Usage: debrief import <file> [folder] [--journal <dir>] [--dry-run]
                      [--preset <name>] [--sheet <name>] [--map <field>=<column> ...]
                      [--status "<word>=<outcome>" ...] [--ignore <column> ...]
                      [--keep <column> ...]

Reads a spreadsheet (CSV or TSV text, an Excel .xlsx or OpenDocument .ods
workbook) or another tracker's export and writes one interview file per row
into the journal: unique ids, a comment saying which line it came from, nothing
overwritten. Every column that fills no field is kept in the interview's notes
as "Column: value". Rows with the same company, role and date as an interview
of the journal (or an earlier row) are duplicates, so importing the same file
twice adds nothing; rows still on a wishlist are skipped. Ends with the report,
which says which column each field took and why, and the line
"N new, N duplicate, N invalid, N skipped".

The encoding (UTF-8, UTF-16, Windows-1252), the separator (, ; tab |) and the
header row are detected. Columns are recognised by their names (English, German,
French, Spanish, Dutch, Swedish, Turkish) and their contents, or after a preset:
${PRESETS.map((pr) => `  ${pr.name.padEnd(15)} ${wrap(pr.description, 62, 18)}`).join('\n')}

Writes inside the workspace folder only: a journal folder that links elsewhere,
or a file in the way, is refused and nothing is written (exit 1). Exits 1 too
when a journal file could not be read (each is listed on standard error: its
interview is not known, so a row like it is not seen as a duplicate); 2 when the
file to import cannot be read or the options are wrong; 0 otherwise.

  --dry-run             print the same plan, write nothing
  --preset <name>       read the columns of this tracker's export (refused when
                        the file lacks that export's columns)
  --sheet <name>        the sheet of a workbook to read, by name or number
                        (default: the first)
  --map <field>=<column>
                        which column fills a field, by header name or number;
                        --map notes= leaves a field out. Fields:
                        ${wrap(FIELDS.join(', '), 56, 24)}
  --status "<word>=<outcome>"
                        what a status word of the file means, one of:
                        ${wrap(`${STATUS_CHOICES.join(', ')} (skip: not an application yet)`, 56, 24)}
  --ignore <column>     write this column nowhere (not even in the notes)
  --keep <column>       keep in the notes a column left out as your own (one
                        e-mail, phone number or name in every row)`,
  options: [
    { name: '--dry-run', takes: 'flag' },
    { name: '--preset', takes: 'one' },
    { name: '--sheet', takes: 'one' },
    { name: '--map', takes: 'many' },
    { name: '--status', takes: 'many' },
    { name: '--ignore', takes: 'many' },
    { name: '--keep', takes: 'many' },
  ],
  operands: ['file'],
  async run(ctx) {
    const { io, args, layout } = ctx;
    const [file] = ctx.operands;
    const dryRun = args.has('--dry-run');
    if (!file) throw new UsageError('import needs the file to read: debrief import <file> [folder].');
    if (!io.chosenFile) throw new UsageError('import is not available here.');
    const statusChoices = new Map<string, StatusMeaning>();
    for (const a of args.many('--status')) {
      const c = parseStatusArgument(a);
      if (!c.ok) throw new UsageError(c.message);
      statusChoices.set(statusKey(c.word), c.meaning);
    }
    const corrections: { field: Field; column: string }[] = [];
    for (const m of args.many('--map')) {
      const c = parseMapArgument(m);
      if (!c.ok) throw new UsageError(c.message);
      corrections.push(c);
    }
    // The one safe read: a stat first, regular files only, at most the size limit (a pipe or /dev/zero is refused at once).
    const source = io.chosenFile(file);
    const got = await readImportSource(source.fs, source.path, file);
    if (!got.ok) throw new UsageError(`cannot import ${problemLine(got.problem)}`);
    const read = await readImport(got.bytes, { preset: args.one('--preset'), sheet: args.one('--sheet') });
    if (!read.ok) throw new UsageError(describeProblem(file, read.problem));
    const { table, preset } = read.read;
    const mapped = withCorrections(table.headers, read.read.mapping, corrections);
    if (!mapped.ok) throw new UsageError(mapped.message);
    const ignored = withIgnored(table.headers, read.read.ignored, { ignore: args.many('--ignore'), keep: args.many('--keep') });
    if (!ignored.ok) throw new UsageError(ignored.message);

    const fs = await workspaceFolder(ctx);
    const index = await loadJournal(fs, layout.folder);
    const planned = planImport(table, {
      mapping: mapped.mapping, ignored: ignored.ignored, wishlist: preset.wishlist, statusChoices, journalFolder: layout.folder,
      existing: existingOf(index.interviews()), takenIds: layout.takenInterviewIds(index), sourceName: basename(file.replace(/\\/g, '/')), today: ctx.today,
    });
    if (!planned.ok) throw new UsageError(`${describeProblem(file, planned.problem)} Use --map <field>=<column>; the columns are: ${table.headers.map((h) => `"${h}"`).join(', ')}.`);
    const plan = planned.plan;
    if (!dryRun) {
      // The one writer: every new file inside the workspace folder (no folder linking out), none over an
      // existing file, even one that appeared since the journal was read; else nothing is written. New
      // files only: the plan reads no text.
      const written = await applyToFileSystem(fs, plan.changes, { texts: new Map(), bom: new Set() });
      if (!written.ok) {
        for (const pr of written.problems) io.stderr(problemLine(pr) + '\n');
        io.stderr('debrief: nothing was imported.\n');
        return 1;
      }
    }
    io.stdout(importReportText(plan, { file, table, mapping: mapped.mapping, preset, reasons: reasonsFor(read.read, mapped.mapping), ignored: ignored.ignored, own: read.read.guess.own, dryRun }));
    if (plan.unmapped.some((u) => u.field === 'status')) io.stderr('Say what a status word means with --status "<word>=<outcome>" (or skip).\n');
    return reportNotRead(ctx, index);
  },
};
