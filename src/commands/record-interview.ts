import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { OUTCOMES, ROUND_TYPES, RoundType } from '../core/model';
import { planRecordInterview } from '../core/plans/record-interview';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickJournal, readInterviews } from '../ui/pickers';
import { askWeaknesses, dateCheck, enumItems, NONE, ratingItems, required } from '../ui/questions';
import { reveal } from '../ui/reveal';

/** Debrief: Record Interview. Asks step by step; Escape at any step writes nothing. */
export class RecordInterviewCommand implements Command {
  readonly id = CommandId.RecordInterview;
  constructor(private readonly services: Services) {}

  async execute(): Promise<vscode.Uri | undefined> {
    const { prompter: ask, clock, editor } = this.services;
    const title = 'Record Interview';
    const journal = await pickJournal(this.services, { title });
    if (!journal) return undefined;
    // Nine questions after a round, six for an application without one; naming a new weakness adds one more.
    let steps = 9;
    const companies = [...new Set(readInterviews(journal).map((i) => i.company))].sort((a, b) => a.localeCompare(b));
    const company = await ask.pickOrType(companies, { title, step: 1, totalSteps: steps, prompt: 'Company', placeholder: 'Company (pick one or type a new name)', validate: required('The company') });
    if (company === undefined) return undefined;
    const role = await ask.input({ title, step: 2, totalSteps: steps, prompt: 'Role', placeholder: 'e.g. Backend Engineer', validate: required('The role') });
    if (role === undefined) return undefined;
    const date = await ask.input({ title, step: 3, totalSteps: steps, prompt: 'Date of the interview (YYYY-MM-DD)', value: clock.today(), validate: dateCheck(false) });
    if (date === undefined) return undefined;
    const type = await ask.pick<RoundType | typeof NONE>(
      [...enumItems(ROUND_TYPES), { label: 'No round yet', description: 'just the application', value: NONE }],
      { title, step: 4, totalSteps: steps, placeholder: 'What kind of round was it?' },
    );
    if (type === undefined) return undefined;
    if (type === NONE) steps = 6;
    let step = 4;
    let interviewer: string | undefined;
    if (type !== NONE) {
      const who = await ask.input({ title, step: ++step, totalSteps: steps, prompt: 'Who interviewed you? (optional: the name a feedback request will greet)', placeholder: 'e.g. Priya Sharma' });
      if (who === undefined) return undefined;
      interviewer = who.trim() || undefined;
    }
    const outcome = await ask.pick(enumItems(OUTCOMES), { title, step: ++step, totalSteps: steps, placeholder: 'Outcome so far (pending while you wait)' });
    if (outcome === undefined) return undefined;
    let round: { type: RoundType; rating?: number; wentBadly?: string; interviewers?: string[] } | undefined;
    if (type !== NONE) {
      const r = await ask.pick(ratingItems(true), { title, step: ++step, totalSteps: steps, placeholder: 'How did it go, from 1 to 5?' });
      if (r === undefined) return undefined;
      const bad = await ask.input({ title, step: ++step, totalSteps: steps, prompt: 'What went badly? (optional, while you still remember)', placeholder: 'e.g. Froze on the follow-up about caching' });
      if (bad === undefined) return undefined;
      round = { type, rating: r === NONE ? undefined : r, wentBadly: bad.trim() || undefined, interviewers: interviewer ? [interviewer] : undefined };
    }
    const weaknesses = await askWeaknesses(ask, journal, title, ++step, steps);
    if (!weaknesses) return undefined;

    // Every answer is in: the interview and any new weakness are written as one change.
    const index = journal.index;
    const done = await editor.apply(journal, [index.weaknessesPath], (texts) => planRecordInterview(texts,
      { company, role, date: date.trim(), round, outcome, weaknesses },
      { journalFolder: journal.journalFolder, weaknessesPath: index.weaknessesPath, interviewIds: index.layout.takenInterviewIds(index) }));
    if (!done) return undefined;
    const uri = journal.uri(done.result.path);
    await reveal(uri);
    void ask.notify(`Recorded ${company.trim()}, ${role.trim()}.`, 'Open File', 'Draft Feedback Request').then((choice) => {
      if (choice === 'Open File') return vscode.window.showTextDocument(uri);
      if (choice === 'Draft Feedback Request') return vscode.commands.executeCommand(CommandId.DraftFeedbackRequest, uri);
      return undefined;
    });
    return uri;
  }
}
