/** `debrief stats`: outcomes, how far applications got, feedback, and each weakness's progress. */
import { rankWeaknesses } from '../../core/progress/weaknesses';
import { JournalStats, journalStats } from '../../core/stats';
import { escapeControlKeepingLines } from '../../core/text/terminal';
import { readJournal, reportNotRead } from '../journal';
import type { Subcommand } from '../subcommand';

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

function formatStats(s: JournalStats): string {
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

export const stats: Subcommand = {
  name: 'stats',
  usage: '  stats [folder]                    Print statistics: outcomes, feedback, weaknesses',
  help: `Usage: debrief stats [--journal <dir>] [--today YYYY-MM-DD] [--json] [folder]

Prints outcomes, how far applications got, where they ended, feedback answer
rate and delays, and for each weakness (what holds you back most first) its
sightings, its trend (the share of recent interviews it showed in, against the
90 days before) and whether the work on it paid off. docs/progress.md defines
every term.

Exits 1 when a journal file could not be read (each is listed on standard
error; nothing of it is counted), 2 on bad usage, 0 otherwise.`,
  options: [{ name: '--json', takes: 'flag' }],
  async run(ctx) {
    const index = await readJournal(ctx);
    const s = journalStats(index, ctx.today);
    ctx.io.stdout(escapeControlKeepingLines(ctx.args.has('--json') ? JSON.stringify(s, null, 2) + '\n' : formatStats(s)));
    return reportNotRead(ctx, index);
  },
};
