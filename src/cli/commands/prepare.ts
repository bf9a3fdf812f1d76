/** `debrief prepare <interview-id>`: the brief for an interview as Markdown (or JSON), from the same core as the editor's page. */
import { nextInterview } from '../../core/brief/coming';
import { briefMarkdown } from '../../core/brief/markdown';
import { prepareBrief } from '../../core/brief/prepare';
import { ROUND_TYPES, RoundType } from '../../core/model';
import { didYouMean } from '../../core/text/fuzzy';
import { escapeControlKeepingLines } from '../../core/text/terminal';
import { UsageError } from '../args';
import { readJournal } from '../journal';
import type { Subcommand } from '../subcommand';

export const prepare: Subcommand = {
  name: 'prepare',
  usage: `  prepare <interview-id> [folder] [--round <type>]
                                    The brief for an interview, as Markdown: what is
                                    likely to matter, questions asked before, notes`,
  help: `Usage: debrief prepare <interview-id>|next [--round <type>] [--json] [--journal <dir>]
                       [--today YYYY-MM-DD] [folder]

Prints the brief for an interview as Markdown, as Debrief: Prepare for Interview
shows it: this application and earlier ones at the same company with what is next
and when; the weaknesses likely to matter in the coming round (ranked by how often
they surfaced in rounds of its type, at this company and at similar ones, recent
ones counting most, each with its reasons, trend, whether the work paid off and
its open improvement items) and the strengths to lean on; the questions asked
before; the study notes to reread; the stories to have ready. docs/progress.md
defines the ranking.

  next            instead of an id: the open application whose scheduled round or
                  next step comes soonest
  --round <type>  the kind of the coming round when no scheduled round says it:
                  ${ROUND_TYPES.join(', ')}
  --json          the brief as data instead of Markdown`,
  options: [{ name: '--round', takes: 'one' }, { name: '--json', takes: 'flag' }],
  operands: ['interview-id'],
  async run(ctx) {
    const id = ctx.operands[0];
    if (id === undefined) throw new UsageError('prepare needs the id of the interview (or next).');
    const round = ctx.args.one('--round');
    if (round !== undefined && !(ROUND_TYPES as readonly string[]).includes(round)) throw new UsageError(`Unknown round type "${round}": use ${ROUND_TYPES.join(', ')}.`);
    const index = await readJournal(ctx);
    const interview = id === 'next' ? nextInterview(index, ctx.today) : index.interview(id);
    if (!interview) {
      const ids = index.interviews().map((iv) => iv.id);
      const close = id === 'next' ? undefined : didYouMean(id, ids);
      throw new UsageError(id === 'next' ? 'The journal holds no interview yet.' : `No interview "${id}" in the journal.${close ? ` Did you mean "${close}"?` : ''}`);
    }
    const brief = await prepareBrief(index, ctx.io.fileSystem(ctx.folder), interview, ctx.today, { roundType: round as RoundType | undefined });
    ctx.io.stdout(escapeControlKeepingLines(ctx.args.has('--json') ? `${JSON.stringify(brief, null, 2)}\n` : briefMarkdown(brief)));
    return 0;
  },
};
