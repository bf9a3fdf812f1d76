/**
 * The command line's arguments: options declared by each subcommand (and a few shared by all), read
 * in any order, `--name value` or `--name=value`. A subcommand reads its own options from `Args`.
 */

/** A mistake in the command line: told with the usage, exit code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** `--format` */
  readonly name: string;
  /** Other spellings: `-f`, `--outcomes`. */
  readonly aliases?: readonly string[];
  /** `flag` takes no value; `one` takes one (the last given wins); `many` may be given again and again. */
  readonly takes: 'flag' | 'one' | 'many';
}

/** Options every subcommand takes. */
export const SHARED_OPTIONS: readonly OptionSpec[] = [
  { name: '--help', aliases: ['-h'], takes: 'flag' },
  { name: '--version', takes: 'flag' },
  { name: '--journal', takes: 'one' },
  { name: '--today', takes: 'one' },
];

/** The arguments as read: the options by their name, and the other words in order. */
export class Args {
  private readonly values = new Map<string, string[]>();
  readonly positional: string[] = [];

  /** Every option given, by name, in the order first given. */
  names(): string[] {
    return [...this.values.keys()];
  }

  add(name: string, value: string): void {
    const list = this.values.get(name);
    if (list) list.push(value);
    else this.values.set(name, [value]);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The value of an option given once or more (the last one), or undefined. */
  one(name: string): string | undefined {
    const list = this.values.get(name);
    return list?.[list.length - 1];
  }

  /** Every value of an option given again and again. */
  many(name: string): string[] {
    return this.values.get(name) ?? [];
  }
}

/**
 * Reads the arguments against every option any subcommand declares: an unknown option is a usage
 * error; whether an option belongs to the subcommand named is checked once it is known (`checkOwned`).
 */
export function parseArgs(argv: readonly string[], known: readonly OptionSpec[]): Args {
  const byName = new Map<string, OptionSpec>();
  for (const o of known) for (const n of [o.name, ...(o.aliases ?? [])]) byName.set(n, o);
  const args = new Args();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const written = eq > 0 ? a.slice(0, eq) : a;
    const spec = byName.get(written);
    if (!spec) {
      if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}.`);
      args.positional.push(a);
      continue;
    }
    if (spec.takes === 'flag') {
      args.add(spec.name, '');
      continue;
    }
    if (eq > 0) {
      args.add(spec.name, a.slice(eq + 1));
      continue;
    }
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`Option ${written} needs a value.`);
    args.add(spec.name, v);
    i++;
  }
  return args;
}

/**
 * Refuses an option the subcommand does not take, naming the subcommands that do
 * ("--format is only for export.").
 */
export function checkOwned(args: Args, own: readonly OptionSpec[], owners: (name: string) => string[]): void {
  const allowed = new Set([...SHARED_OPTIONS, ...own].map((o) => o.name));
  for (const name of args.names()) {
    if (!allowed.has(name)) throw new UsageError(`${name} is only for ${owners(name).join(' and ')}.`);
  }
}
