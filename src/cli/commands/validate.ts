/** `debrief validate`: every problem of the journal, one line each; exit 1 on errors. */
import { LIMITS } from '../../core/limits';
import { countProblems, sortProblems } from '../../core/problems';
import { thousands } from '../../core/text/numbers';
import { problemLine, readJournal } from '../journal';
import type { Subcommand } from '../subcommand';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const validate: Subcommand = {
  name: 'validate',
  usage: '  validate [folder]                 Check the journal; exit 1 when there are errors',
  help: `Usage: debrief validate [--journal <dir>] [folder]

Checks every journal file and prints one line per problem:
  file:line:col: severity: message [rule]
Control characters in what the journal holds are printed escaped (\\n, \\u001b).
At most ${LIMITS.problemsPerFile} problems are listed per file and ${thousands(LIMITS.problemsPerRun)} per run;
the rest are counted. Exits 1 when any problem is an error (a file that
cannot be read is one), 0 otherwise.`,
  options: [],
  async run(ctx) {
    const index = await readJournal(ctx);
    const problems = sortProblems(index.problems());
    // One problem, one line: whatever a file name, key or value holds is escaped.
    const shown = Math.min(problems.length, LIMITS.problemsPerRun);
    for (let i = 0; i < shown; i++) ctx.io.stdout(problemLine(problems[i]) + '\n');
    if (problems.length > shown) {
      const rest = countProblems(problems.slice(shown));
      ctx.io.stdout(`… and ${thousands(problems.length - shown)} more problem lines not printed (${plural(rest.error, 'error')}, ${plural(rest.warning, 'warning')}, ${rest.info} info); debrief prints ${thousands(LIMITS.problemsPerRun)} per run.\n`);
    }
    const c = countProblems(problems);
    ctx.io.stdout(`${plural(index.files().length, 'file')} checked: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info.\n`);
    return c.error > 0 ? 1 : 0;
  },
};
