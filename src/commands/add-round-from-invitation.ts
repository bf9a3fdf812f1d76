import * as vscode from 'vscode';
import { chosenFile } from '../adapters/vscode-fs';
import { CommandId } from '../constants';
import type { InvitationEvent, Person } from '../core/calendar/invitation';
import { loadInvitationReader } from '../core/calendar/load-invitation';
import { INVITATION_LIMITS } from '../core/calendar/limits';
import type { Interview, RoundType } from '../core/model';
import { isClosed, ROUND_TYPES } from '../core/model';
import {
  companyFromInvitation, guessRoundType, invitationAction, InvitationAction, InvitationPlanInput, matchInterviews, planRoundsFromInvitation,
} from '../core/plans/round-from-invitation';
import type { Problem } from '../core/problems';
import { readRegularFile, refusalProblem } from '../core/safe-fs';
import { roundWhenText } from '../core/schedule';
import { shown } from '../core/text/shown';
import type { Journal } from '../services/journal';
import type { PickItem } from '../services/prompter';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickJournal, readInterviews, refusesEdit } from '../ui/pickers';
import { required } from '../ui/questions';
import { isNode } from '../ui/record-nodes';
import { reveal } from '../ui/reveal';

const TITLE = 'Add Round from Invitation';
/** globalState: addresses the user unchecked as interviewers before (their own, a coordinator's): unchecked again next time. */
export const NOT_INTERVIEWERS_KEY = 'debrief.invitation.notInterviewers';

type Target = { kind: 'interview'; interview: Interview } | { kind: 'new' };

/**
 * Debrief: Add Round from Invitation…: reads an invitation (.ics), finds the interview it belongs to
 * (or the user picks one, or starts a new one), and adds a round with its date, time, zone, duration,
 * interviewers, location and meeting link, as Add Round would (one Undo). An update or a cancellation
 * of an invitation added before changes or marks that round instead. Arguments: the file (a Uri), and
 * the interview to add to (a sidebar node, as when the file is dropped on it).
 */
export class AddRoundFromInvitationCommand implements Command {
  readonly id = CommandId.AddRoundFromInvitation;
  constructor(private readonly services: Services, private readonly state: vscode.Memento) {}

  async execute(file?: unknown, onto?: unknown): Promise<boolean> {
    const { prompter, clock, store, editor } = this.services;
    const uri = file instanceof vscode.Uri ? file : await prompter.openLocation({ title: TITLE, filters: { 'Calendar invitation': ['ics', 'ical', 'ifb', 'icalendar'] }, openLabel: 'Add Round' });
    if (!uri) return false;
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const bytes = await this.read(uri, name);
    if (!bytes) return false;
    // The invitation reader (and its iCalendar parser) is loaded only now, when an invitation is read.
    const { readInvitation } = await loadInvitationReader();
    const read = readInvitation(name, bytes, { localZone: clock.timeZone() });
    if (!read.ok) return this.refuse(read.problems);
    const journal = isNode(onto) ? onto.journal : await pickJournal(this.services, { title: TITLE, placeholder: 'Add the invitation to which journal?', existing: true });
    if (!journal) return false;
    await store.ready;
    const actions = read.invitation.events.map((e) => invitationAction(journal.index, e));
    const nothing = actions.filter((a) => a.kind === 'unchanged' || a.kind === 'older' || a.kind === 'cancel-unknown');
    let adds = actions.filter((a): a is Extract<InvitationAction, { kind: 'add' }> => a.kind === 'add');
    const changed = actions.filter((a): a is Extract<InvitationAction, { kind: 'update' | 'cancel' }> => a.kind === 'update' || a.kind === 'cancel');
    // A round to update or cancel in a file that does not read whole: refused before anything is asked.
    if (changed.some((a) => refusesEdit(this.services, journal, a.interview.file))) return false;
    if (!adds.length && !changed.length) {
      void prompter.notify(`Debrief: nothing to change. ${nothing.map((a) => this.why(a)).join(' ')}`);
      return false;
    }
    if (adds.length > 1) {
      const chosen = await prompter.pickMany(adds.map((a) => ({ label: a.event.summary || 'Event', description: roundWhenText(a.event, clock.timeZone()), value: a, picked: true })), {
        title: TITLE, placeholder: 'The invitation holds several events: which are rounds to add?',
      });
      if (!chosen) return false;
      adds = chosen;
    }
    const input: InvitationPlanInput = { added: [], changed: changed.map((action) => ({ action })) };
    if (adds.length) {
      if (isNode(onto) && 'path' in onto && refusesEdit(this.services, journal, onto.path)) return false;
      const target = isNode(onto) && 'path' in onto && journal.index.interviewAt(onto.path)
        ? { kind: 'interview' as const, interview: journal.index.interviewAt(onto.path) as Interview }
        : await this.askTarget(journal, adds[0].event);
      if (!target) return false;
      if (target.kind === 'new') {
        const company = await prompter.input({ title: TITLE, prompt: 'Company', value: companyFromInvitation(adds[0].event), validate: required('The company') });
        if (company === undefined) return false;
        const role = await prompter.input({ title: TITLE, prompt: 'Role', validate: required('The role') });
        if (role === undefined) return false;
        input.target = { create: { company: company.trim(), role: role.trim(), outcome: 'pending' }, journalFolder: journal.journalFolder, existingIds: journal.index.layout.takenInterviewIds(journal.index) };
      } else input.target = { path: target.interview.file };
      for (const a of adds) {
        const type = await this.askType(a.event);
        if (type === undefined) return false;
        const interviewers = await this.askInterviewers(a.event);
        if (interviewers === undefined) return false;
        input.added.push({ event: a.event, type, interviewers });
      }
    }
    const reads = [...new Set([...(input.target && 'path' in input.target ? [input.target.path] : []), ...changed.map((a) => a.interview.file)])];
    const done = await editor.apply(journal, reads, (texts) => planRoundsFromInvitation(texts, input));
    if (!done) return false;
    const r = done.result;
    const said = [
      r.added ? `added ${r.added} round${r.added === 1 ? '' : 's'}` : '',
      r.updated ? `updated ${r.updated} round${r.updated === 1 ? '' : 's'} from a later version of the invitation` : '',
      r.cancelled ? `marked ${r.cancelled} round${r.cancelled === 1 ? '' : 's'} as cancelled` : '',
    ].filter(Boolean).join(', ');
    void prompter.notify(`Debrief ${said}.${nothing.length ? ` ${nothing.map((a) => this.why(a)).join(' ')}` : ''}`);
    const shownPath = r.path ?? changed[0]?.interview.file;
    if (shownPath) await reveal(journal.uri(shownPath));
    return true;
  }

  /** The file's bytes, through the one safe read: a stat first, a regular file only (a pipe refused at once), at most the size limit. */
  private async read(uri: vscode.Uri, name: string): Promise<Uint8Array | undefined> {
    const source = chosenFile(uri);
    const r = await readRegularFile(source.fs, source.path, INVITATION_LIMITS.bytes);
    if (r.kind === 'read') return r.bytes;
    if (r.kind === 'missing') void this.services.prompter.error(`Debrief did not add the invitation: there is no file ${shown(name)}.`);
    else {
      const size = r.size === undefined ? 'more' : r.size.toLocaleString('en');
      this.refuse([refusalProblem(name, r, () => `The file has ${size} bytes; an invitation has at most ${INVITATION_LIMITS.bytes.toLocaleString('en')} (limit: size).`)]);
    }
    return undefined;
  }

  private refuse(problems: Problem[]): false {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '';
    void this.services.prompter.error(`Debrief did not add the invitation: ${shown(first.file)}, line ${first.range.start.line + 1}: ${first.message}${more}`);
    return false;
  }

  private why(a: InvitationAction): string {
    const what = a.event.summary ? `"${shown(a.event.summary, 60)}"` : 'The event';
    if (a.kind === 'unchanged') return `${what} is already round ${a.round.index} of ${a.interview.company}, as it is.`;
    if (a.kind === 'older') return `${what} is an older version of round ${a.round.index} of ${a.interview.company} (sequence ${a.event.sequence}, the journal has ${a.round.invitation?.sequence ?? 0}).`;
    if (a.kind === 'cancel-unknown') return `${what} cancels an invitation that was never added to the journal.`;
    return '';
  }

  /** The interview new rounds go to: the ones the invitation names first, then the others (open ones first), or a new one. */
  private async askTarget(journal: Journal, event: InvitationEvent): Promise<Target | undefined> {
    const all = readInterviews(journal);
    const matched = matchInterviews(all, event);
    const rest = all.filter((iv) => !matched.includes(iv)).sort((a, b) => Number(isClosed(a.outcome)) - Number(isClosed(b.outcome)) || a.company.localeCompare(b.company));
    const item = (iv: Interview, hint?: string): PickItem<Target> => ({ label: `${iv.company}, ${iv.role}`, description: [hint, iv.outcome].filter(Boolean).join(' · '), value: { kind: 'interview', interview: iv } });
    const items: PickItem<Target>[] = [
      ...matched.map((iv) => item(iv, 'named in the invitation')),
      { label: '$(add) New interview…', description: 'a company not in the journal yet', value: { kind: 'new' } },
      ...rest.map((iv) => item(iv)),
    ];
    return this.services.prompter.pick(items, { title: TITLE, placeholder: `${shown(event.summary || 'The event', 80)}: which application is it for?` });
  }

  private askType(event: InvitationEvent): Promise<RoundType | undefined> {
    const guess = guessRoundType(event);
    const items = [guess, ...ROUND_TYPES.filter((t) => t !== guess)].map((t) => ({ label: t, description: t === guess ? 'from the invitation' : undefined, value: t }));
    return this.services.prompter.pick(items, { title: TITLE, placeholder: `${shown(event.summary || 'The event', 80)}: what kind of round?` });
  }

  /** The people invited, the user unchecks themselves (addresses unchecked before start unchecked). */
  private async askInterviewers(event: InvitationEvent): Promise<string[] | undefined> {
    const people: Person[] = [];
    const seen = new Set<string>();
    for (const p of [...event.attendees, ...(event.organizer ? [event.organizer] : [])]) {
      const key = (p.email ?? p.name ?? '').toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      people.push(p);
    }
    if (!people.length) return [];
    const before = new Set(this.state.get<string[]>(NOT_INTERVIEWERS_KEY, []));
    const chosen = await this.services.prompter.pickMany(people.map((p) => ({
      label: p.name && p.name !== p.email ? p.name : p.email ?? '', description: p.name && p.name !== p.email ? p.email : undefined,
      value: p, picked: !(p.email && before.has(p.email.toLowerCase())),
    })), { title: TITLE, placeholder: 'Who interviews you? Uncheck yourself and anyone else who is only scheduling.' });
    if (chosen === undefined) return undefined;
    const unchecked = people.filter((p) => !chosen.includes(p) && p.email).map((p) => (p.email as string).toLowerCase());
    if (unchecked.length) await this.state.update(NOT_INTERVIEWERS_KEY, [...new Set([...before, ...unchecked])].slice(-50));
    return chosen.map((p) => (p.name && p.name !== p.email ? p.name : p.email ?? '')).filter(Boolean);
  }
}
