/**
 * The `debrief` command line: validate, stats, export and report a journal, import applications from
 * a spreadsheet or another tracker, and serve the journal's tools over MCP, from a terminal or CI.
 * This entry reads the arguments and hands them to a subcommand (commands/); `main(argv, io)` is
 * pure apart from its `CliIO`, so tests call it directly.
 */
import { dateOf } from '../core/dates';
import { journalFolderName, JournalLayout } from '../core/journal/layout';
import { escapeControl } from '../core/text/terminal';
import { checkOwned, parseArgs, SHARED_OPTIONS, UsageError } from './args';
import { SUBCOMMANDS } from './commands';
import { CliIO, nodeIO } from './io';
import type { CliContext, Subcommand } from './subcommand';
import { VERSION } from './version';

export type { CliIO } from './io';

const USAGE = `Usage: debrief <command> [options] [folder]

Commands:
${SUBCOMMANDS.map((c) => c.usage).join('\n')}

Options:
  --journal <dir>   Journal folder inside the workspace folder (default: debrief)
  --help, -h        Show help (also: debrief <command> --help)
  --version         Show the version

folder is the workspace folder holding the journal (default: the current directory).`;

const ALL_OPTIONS = [...SHARED_OPTIONS, ...SUBCOMMANDS.flatMap((c) => c.options)];
const owners = (option: string) => SUBCOMMANDS.filter((c) => c.options.some((o) => o.name === option)).map((c) => c.name);

/** The subcommand's context: its operands, the folder, the journal's layout and the date, each checked. */
function contextOf(command: Subcommand, args: ReturnType<typeof parseArgs>, io: CliIO): CliContext {
  checkOwned(args, command.options, owners);
  const words = args.positional.slice(1);
  const operands = (command.operands ?? []).map(() => words.shift());
  if (words.length > 1) throw new UsageError(`Too many arguments: ${words.join(' ')}.`);
  const journal = args.one('--journal') ?? 'debrief';
  const name = journalFolderName(journal);
  if (!name.ok) throw new UsageError(`--journal must be a folder inside the workspace folder: "${journal}" ${name.reason}.`);
  const today = args.one('--today');
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError('--today must be YYYY-MM-DD.');
  return { io, args, operands, folder: words[0] ?? '.', layout: new JournalLayout(name.folder), today: today ?? io.today?.() ?? dateOf(new Date()) };
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 journal errors, 2 bad usage). */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, ALL_OPTIONS);
  } catch (e) {
    io.stderr(`debrief: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.has('--version')) {
    io.stdout(`debrief ${VERSION}\n`);
    return 0;
  }
  const name = args.positional[0];
  if (name === undefined || name === 'help') {
    if (args.has('--help') || name === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    io.stderr(`debrief: missing command.\n\n${USAGE}\n`);
    return 2;
  }
  const command = SUBCOMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`debrief: unknown command "${name}".\n\n${USAGE}\n`);
    return 2;
  }
  if (args.has('--help')) {
    io.stdout(command.help + '\n');
    return 0;
  }
  try {
    return await command.run(contextOf(command, args, io));
  } catch (e) {
    io.stderr(`debrief: ${escapeControl(e instanceof Error ? e.message : String(e))}\n`);
    return 2;
  }
}


if (require.main === module) {
  main(process.argv.slice(2), nodeIO).then((code) => {
    process.exitCode = code;
  }, (e) => {
    process.stderr.write(`debrief: ${String(e)}\n`);
    process.exitCode = 2;
  });
}
