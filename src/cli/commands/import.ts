/**
 * `debrief import`: reads the file, maps its columns (guessed, preset, --map), plans one interview per
 * row and, unless --dry-run, writes the new files inside the folder, never over an existing one.
 */
import { FIELDS, Field } from '../../core/import/fields';
import { parseMapArgument, readImport, withCorrections } from '../../core/import/import';
import { existingOf, planImport } from '../../core/import/plan';
import { PRESETS } from '../../core/import/presets';
import { describeProblem } from '../../core/import/problem';
import { importReportText } from '../../core/import/report';
import { loadJournal } from '../../core/journal/load';
import { basename } from '../../core/paths';
import { UsageError } from '../args';
import { workspaceFolder } from '../journal';
import type { Subcommand } from '../subcommand';

export const importCommand: Subcommand = {
  name: 'import',
  usage: `  import <file> [folder] [--dry-run] [--preset <name>] [--map <field>=<column> ...]
                                    One interview per row of a CSV or TSV file
                                    (a spreadsheet, Huntr, Teal, a Debrief export)`,
  help: `Usage: debrief import <file> [folder] [--journal <dir>] [--dry-run]
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
  options: [
    { name: '--dry-run', takes: 'flag' },
    { name: '--preset', takes: 'one' },
    { name: '--map', takes: 'many' },
  ],
  operands: ['file'],
  async run(ctx) {
    const { io, args, layout } = ctx;
    const [file] = ctx.operands;
    const dryRun = args.has('--dry-run');
    if (!file) throw new UsageError('import needs the file to read: debrief import <file> [folder].');
    if (!io.readInput) throw new UsageError('import is not available here.');
    let bytes: Uint8Array;
    try {
      bytes = await io.readInput(file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message ?? String(e)}`);
    }
    const read = readImport(bytes, args.one('--preset'));
    if (!read.ok) throw new UsageError(describeProblem(file, read.problem));
    const { table, preset } = read.read;
    const corrections: { field: Field; column: string }[] = [];
    for (const m of args.many('--map')) {
      const c = parseMapArgument(m);
      if (!c.ok) throw new UsageError(c.message);
      corrections.push(c);
    }
    const mapped = withCorrections(table.headers, read.read.mapping, corrections);
    if (!mapped.ok) throw new UsageError(mapped.message);

    const fs = await workspaceFolder(ctx);
    const index = await loadJournal(fs, layout.folder);
    const planned = planImport(table, { mapping: mapped.mapping, journalFolder: layout.folder, existing: existingOf(index.interviews()), takenIds: layout.takenInterviewIds(index), sourceName: basename(file.replace(/\\/g, '/')), today: ctx.today });
    if (!planned.ok) throw new UsageError(`${describeProblem(file, planned.problem)} Use --map <field>=<column>; the columns are: ${table.headers.map((h) => `"${h}"`).join(', ')}.`);
    const plan = planned.plan;
    if (!dryRun) {
      for (const c of plan.changes) {
        if (c.kind !== 'create') continue;
        // Never over an existing file, even one that appeared since the journal was read.
        if (await fs.stat(c.path)) throw new Error(`${c.path} appeared while importing; nothing more was written. Run the import again: it adds only what is missing.`);
        await fs.writeFile(c.path, new TextEncoder().encode(c.text));
      }
    }
    io.stdout(importReportText(plan, { file, table, mapping: mapped.mapping, preset, dryRun }));
    return 0;
  },
};
