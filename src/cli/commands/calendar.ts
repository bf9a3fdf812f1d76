/** `debrief calendar`: the journal's rounds, next steps, follow-ups and improvement items due as an iCalendar file. */
import { exportCalendar } from '../../core/calendar/export';
import { checkFilter } from '../../core/report/filter';
import { UsageError } from '../args';
import { followUpDays, problemLine, readJournal, reportNotRead } from '../journal';
import { writeOutput } from '../../core/plans/apply-to-fs';
import type { Subcommand } from '../subcommand';

export const calendarCommand: Subcommand = {
  name: 'calendar',
  usage: `  calendar [folder] [--out file] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                    Rounds, next steps, follow-ups and improvement
                                    items due, as an iCalendar (.ics) file`,
  help: `Usage: debrief calendar [--journal <dir>] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                        [--follow-up-days N] [--out file] [folder]

Writes an iCalendar (RFC 5545) file of the journal, the one Debrief: Export Calendar… writes:
  every round with a date    a timed event where its start time is known (in UTC), an all-day
                             event otherwise; a cancelled round is marked cancelled
  next steps                 of open applications, as all-day events
  feedback follow-ups        when a request has waited --follow-up-days (default 7) without a reply
  improvement items          open ones with a due date

Each record has the same UID in every export: a calendar app that imports the file again updates
its events instead of doubling them.

  --from, --to        only events from / up to these dates (included)
  --follow-up-days N  days after a feedback request without a reply when its follow-up is due

Writes to standard output unless --out is given.`,
  options: [
    { name: '--out', aliases: ['-o'], takes: 'one' },
    { name: '--from', takes: 'one' },
    { name: '--to', takes: 'one' },
    { name: '--follow-up-days', takes: 'one' },
  ],
  async run(ctx) {
    const { args, io } = ctx;
    const [from, to] = [args.one('--from'), args.one('--to')];
    const bad = checkFilter({ from, to });
    if (bad) throw new UsageError(bad);
    const days = followUpDays(ctx);
    const index = await readJournal(ctx);
    const { text, events } = exportCalendar(index, { now: Date.now(), feedbackFollowUpDays: days, from, to });
    const out = args.one('--out');
    if (out === undefined) io.stdout(text);
    else {
      if (!io.chosenFile) throw new UsageError('--out is not available here.');
      const target = io.chosenFile(out);
      const written = await writeOutput(target.fs, target.path, text, out);
      if (!written.ok) throw new UsageError(`--out: ${problemLine(written.problems[0])}`);
      io.stderr(`Wrote ${events} calendar event${events === 1 ? '' : 's'} to ${out}.\n`);
    }
    // Files not read are said, as debrief export says them: their events are left out.
    return reportNotRead(ctx, index);
  },
};
