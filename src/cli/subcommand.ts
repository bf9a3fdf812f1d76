/** The unit every `debrief` subcommand is written as: its name, usage, help, options and run. */
import type { JournalLayout } from '../core/journal/layout';
import type { Args, OptionSpec } from './args';
import type { CliIO } from './io';

/** What a subcommand runs with, once the command line is read and its shared options checked. */
export interface CliContext {
  readonly io: CliIO;
  readonly args: Args;
  /** The subcommand's operands, in the order it declares them (undefined when not given). */
  readonly operands: readonly (string | undefined)[];
  /** The workspace folder holding the journal, as given (default: the current directory). */
  readonly folder: string;
  /** The journal's layout inside it (`--journal`, cleaned as the editor's setting is). */
  readonly layout: JournalLayout;
  /** `--today`, else the clock's date. */
  readonly today: string;
}

export interface Subcommand {
  readonly name: string;
  /** Its lines in `debrief --help`: the synopsis, then what it does, aligned at column 37. */
  readonly usage: string;
  /** `debrief <name> --help`. */
  readonly help: string;
  /** The options it takes besides the shared ones (`--journal`, `--today`, `--help`). */
  readonly options: readonly OptionSpec[];
  /** Words it takes before the folder, e.g. `['file']`. */
  readonly operands?: readonly string[];
  /** Resolves to the exit code: 0 done, 1 the journal has errors (or files not read), 2 bad usage. */
  run(ctx: CliContext): Promise<number>;
}
