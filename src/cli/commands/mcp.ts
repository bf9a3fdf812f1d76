/** `debrief mcp`: the journal's tools for an AI assistant, over the Model Context Protocol on stdio. */
import { dateOf } from '../../core/dates';
import { UsageError } from '../args';
import { followUpDays, workspaceFolder } from '../journal';
import type { Subcommand } from '../subcommand';
import { VERSION } from '../version';

export const mcp: Subcommand = {
  name: 'mcp',
  usage: `  mcp [folder] [--read-only]        Serve the journal's tools to an AI assistant
                                    over the Model Context Protocol (stdio)`,
  help: `Usage: debrief mcp [--journal <dir>] [--read-only] [--follow-up-days N] [folder]

Serves the journal's tools over the Model Context Protocol on standard input and
output, for an AI assistant that runs it (Claude Desktop, an editor, a CLI agent).
The tools are the ones Debrief offers in VS Code's chat: list and get interviews,
weaknesses with their trend, progress, what is due, the brief for an interview;
record an interview or the feedback received, add a weakness or an improvement
item, set a status, link a study note. Every input is checked, writes go through
the same edits as the commands (comments and formatting stay), and nothing is
read or written outside the folder. --read-only offers the reading tools only.
No network is used.

An MCP client's configuration, e.g.:
  { "mcpServers": { "debrief": { "command": "node",
      "args": ["/path/to/debrief/dist/cli.js", "mcp", "/path/to/workspace"] } } }`,
  options: [
    { name: '--read-only', takes: 'flag' },
    { name: '--follow-up-days', takes: 'one' },
  ],
  async run(ctx) {
    const { io, args } = ctx;
    if (!io.serveMcp) throw new UsageError('mcp is not available here.');
    const days = followUpDays(ctx);
    const fs = await workspaceFolder(ctx, 'holds');
    // Asked each time: a server runs for days.
    const fixed = args.one('--today');
    await io.serveMcp({
      fs, workspace: ctx.folder, journalFolder: ctx.layout.folder, access: args.has('--read-only') ? 'read-only' : 'read-write',
      today: () => fixed ?? io.today?.() ?? dateOf(new Date()), feedbackFollowUpDays: days, version: VERSION, log: (t) => io.stderr(t),
    });
    return 0;
  },
};
