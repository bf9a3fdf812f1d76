// The journal and the calendar, in the real editor: Export Calendar…, Add Round from Invitation… (with
// an update, a cancellation and a hostile file), the calendar file kept up to date, and the Due view's
// interviews of today and tomorrow with their time.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import ICAL from 'ical.js';
import { parse } from 'yaml';
import { CommandId, SettingId, ViewId } from '../../src/constants';
import { InvitationDrop } from '../../src/features/sidebar';
import { exportCalendar } from '../../src/core/calendar/export';
import { addDays } from '../../src/core/dates';
import {
  api, assertScriptUsed, eventually, exists, fixture, folder, node, read, readText, remove, restore, run, ScriptedPrompter, SUITE_TODAY, uriOf, write,
} from './helpers';

const ACME_FILE = 'debrief/interviews/acme-backend.yaml';
const ACME = 'Acme, Backend Engineer';
/** The invitation fixtures, read where the checkout keeps them (a file the user chose may be anywhere). */
const invitation = (name: string) => fixture(`calendar/${name}`);

const journal = async () => (await api()).services.store.journalOf(folder())!;

describe('calendar', function () {
  this.timeout(60_000);

  it('Add Round from Invitation… onto an interview whose file does not read refuses before asking anything, saying where', async () => {
    const rel = 'debrief/interviews/zz-invited.yaml';
    try {
      await write(rel, 'id: zz-invited\ncompany: Invited Co\nrole: Dev\noutcome: pending\n');
      await eventually(async () => (await api()).services.store.journalOf(folder())!.index.interviewAt(rel), 'the interview read');
      const onto = await eventually(async () => node(ViewId.Interviews, 'Pending', 'Invited Co, Dev').catch(() => undefined), 'the interview in the tree');
      await write(rel, 'id: zz-invited\ncompany: Invited Co\nrole: Dev\nrole: Again\noutcome: pending\n');
      await eventually(async () => (await journal()).index.editRefusal(rel), 'the file broken');
      const { result, prompter } = await run<boolean>(CommandId.AddRoundFromInvitation, [], invitation('zoom.ics'), onto);
      assertScriptUsed(prompter);
      assert.equal(result, false);
      assert.deepEqual(prompter.asked, []);
      assert.match(prompter.shownErrors[0] ?? '', /^Debrief cannot change debrief\/interviews\/zz-invited\.yaml until the mistake on line 4 is fixed: it never rewrites a file it could not read whole\. debrief\/interviews\/zz-invited\.yaml:4:1: /);
    } finally {
      await remove(rel);
    }
  });

  it('Export Calendar… writes the journal\'s events where the user chooses, and a calendar parser reads them back', async () => {
    const target = 'out-calendar/debrief.ics';
    try {
      const { result, prompter } = await run<vscode.Uri>(CommandId.ExportCalendar, [target]);
      assertScriptUsed(prompter);
      assert.equal(result?.toString(), uriOf(target).toString());
      const text = await readText(uriOf(target));
      const index = (await journal()).index;
      const expected = exportCalendar(index, { now: 0, feedbackFollowUpDays: 7 });
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      assert.equal(events.length, expected.events);
      const recruiter = events.find((e) => e.uid === 'round-acme-backend-1@debrief');
      assert.equal(recruiter?.summary, 'Recruiter call: Acme, Backend Engineer');
      assert.equal(recruiter?.startDate.toString(), '2026-10-05');
      assert.match(prompter.notices.join('\n'), new RegExp(`exported ${expected.events} calendar events? to out-calendar/debrief\\.ics`));
      assert.equal((await run(CommandId.ExportCalendar, [undefined])).result, undefined, 'no place chosen');
    } finally {
      await vscode.workspace.fs.delete(uriOf('out-calendar'), { recursive: true, useTrash: false });
    }
  });

  it('Add Round from Invitation… adds the round in one Undo; a later version moves it, a cancellation marks it, a hostile file writes nothing', async () => {
    const before = (await read(ACME_FILE))!;
    try {
      // Google's invitation names Globex, which the journal does not hold: the user picks the interview.
      const added = await run<boolean>(CommandId.AddRoundFromInvitation, [ACME, 'coding', ['Priya Sharma', 'Tom Okafor']], invitation('google-request.ics'));
      assertScriptUsed(added.prompter);
      assert.equal(added.result, true);
      const round = parse((await read(ACME_FILE))!).rounds[2];
      assert.deepEqual(round, {
        type: 'coding', date: '2026-10-15', time: '09:00', timezone: 'America/Los_Angeles', duration: 45, link: 'https://meet.google.com/xkd-fqwe-ruv',
        interviewers: ['Priya Sharma', 'Tom Okafor'], invitation: { uid: '5k1q9v7mq3b8e2gd0t4u6hcl2s@google.com', sequence: 0 },
      });
      assert.match(added.prompter.notices.join('\n'), /added 1 round/);
      // One Undo, in the file's editor, takes it back; the same invitation adds it again.
      const doc = await vscode.workspace.openTextDocument(uriOf(ACME_FILE));
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before);
      await doc.save();
      await restore(ACME_FILE, before);
      assert.equal((await run(CommandId.AddRoundFromInvitation, [ACME, 'coding', ['Tom Okafor']], invitation('google-request.ics'))).result, true);
      await (await api()).settle();
      await eventually(async () => (await journal()).index.interviewAt(ACME_FILE)?.rounds[2]?.invitation?.uid, 'the round of the invitation in the index');

      // A later SEQUENCE moves the round, without a question; the older one then changes nothing.
      const moved = await run<boolean>(CommandId.AddRoundFromInvitation, [], invitation('google-update.ics'));
      assertScriptUsed(moved.prompter);
      assert.equal(moved.result, true);
      const m = parse((await read(ACME_FILE))!).rounds;
      assert.equal(m.length, 3, 'no second round');
      assert.deepEqual([m[2].date, m[2].time, m[2].duration, m[2].invitation.sequence, m[2].interviewers], ['2026-10-20', '10:30', 60, 1, ['Tom Okafor']]);
      await eventually(async () => (await journal()).index.interviewAt(ACME_FILE)?.rounds[2]?.invitation?.sequence === 1, 'the update in the index');
      const older = await run<boolean>(CommandId.AddRoundFromInvitation, [], invitation('google-request.ics'));
      assert.equal(older.result, false);
      assert.match(older.prompter.notices.join('\n'), /an older version of round 3 of Acme/);

      // METHOD:CANCEL marks it.
      assert.equal((await run(CommandId.AddRoundFromInvitation, [], invitation('google-cancel.ics'))).result, true);
      assert.equal(parse((await read(ACME_FILE))!).rounds[2].cancelled, true);

      // A javascript: link: a located refusal, nothing written, nothing asked.
      const text = await read(ACME_FILE);
      const hostile = await run<boolean>(CommandId.AddRoundFromInvitation, [], invitation('hostile-javascript-link.ics'));
      assertScriptUsed(hostile.prompter);
      assert.equal(hostile.result, false);
      assert.match(hostile.prompter.shownErrors.join('\n'), /did not add the invitation: hostile-javascript-link\.ics, line 11: The invitation's URL is "javascript:/);
      assert.equal(await read(ACME_FILE), text);
    } finally {
      await restore(ACME_FILE, before);
    }
  });

  it('an .ics file opened in the editor offers the command, and one dropped on an interview adds the round to it', async () => {
    const before = (await read(ACME_FILE))!;
    const COPY = 'invites/zoom.ics';
    try {
      await write(COPY, await readText(invitation('zoom.ics')));
      // Opened: the offer, then the command with the file (the interview is picked: Vandelay is not in the journal; Zoom's file names nobody).
      const offered = new ScriptedPrompter([ACME, 'coding'], ['Add Round from Invitation']);
      (await api()).setPrompter(offered);
      try {
        await vscode.workspace.openTextDocument(uriOf(COPY));
        await eventually(async () => parse((await read(ACME_FILE)) ?? '').rounds?.[2]?.invitation?.uid, 'the round added from the opened file');
      } finally {
        (await api()).setPrompter(undefined);
      }
      assertScriptUsed(offered);
      assert.match(offered.notices[0], /zoom\.ics is a calendar file\. Add the interview it invites to as a round\?/);
      await restore(ACME_FILE, before);
      // Dropped on Acme's row: no question about the interview.
      const target = await node(ViewId.Interviews, 'Rejected', ACME);
      const dropped = new ScriptedPrompter(['coding']);
      (await api()).setPrompter(dropped);
      try {
        const data = new vscode.DataTransfer();
        data.set('text/uri-list', new vscode.DataTransferItem(uriOf(COPY).toString()));
        await new InvitationDrop().handleDrop(target, data);
      } finally {
        (await api()).setPrompter(undefined);
      }
      assertScriptUsed(dropped);
      assert.equal(parse((await read(ACME_FILE))!).rounds[2].link, 'https://vandelay.zoom.us/j/84412376655?pwd=aW1wb3J0ZXJleHBvcnRlcg');
    } finally {
      await restore(ACME_FILE, before);
      await vscode.workspace.fs.delete(uriOf('invites'), { recursive: true, useTrash: false });
    }
  });

  it('the calendar file setting keeps debrief/calendar.ics up to date once the journal settles', async () => {
    const config = () => vscode.workspace.getConfiguration(undefined, folder().uri);
    const CAL = 'debrief/calendar.ics';
    const NEW = 'debrief/interviews/calendar-keeper.yaml';
    const { parts } = await api();
    assert.ok(parts.calendar, 'the calendar feature is active');
    try {
      await config().update(SettingId.CalendarFile, CAL, vscode.ConfigurationTarget.Workspace);
      await eventually(async () => (await read(CAL))?.includes('UID:round-acme-backend-1@debrief'), 'the calendar file with the journal\'s rounds', 20_000);
      await write(NEW, 'id: calendar-keeper\ncompany: Keeper Co\nrole: SRE\nrounds:\n  - type: onsite\n    date: 2026-12-01\n    time: "10:00"\n    timezone: Europe/Paris\n');
      await eventually(async () => (await read(CAL))?.includes('UID:round-calendar-keeper-1@debrief'), 'the new interview\'s round in the calendar file', 20_000);
      assert.match((await read(CAL))!, /DTSTART:20261201T090000Z/);
    } finally {
      await config().update(SettingId.CalendarFile, undefined, vscode.ConfigurationTarget.Workspace);
      await remove(NEW);
      await parts.calendar.keeper.idle;
      if (await exists(uriOf(CAL))) await vscode.workspace.fs.delete(uriOf(CAL), { useTrash: false });
    }
  });

  it('hand editing: a round\'s time shows in the user\'s zone on hover, zones complete, and badly written times and zones get quick fixes', async () => {
    const FILE = 'debrief/interviews/hand-timed.yaml';
    const a = await api();
    a.setTimeZone('Asia/Tokyo');
    try {
      await write(FILE, 'id: hand-timed\ncompany: Hooli\nrole: SRE\nrounds:\n  - type: onsite\n    date: 2026-10-20\n    time: "09:30"\n    timezone: Europe/Berlin\n  - type: coding\n    date: 2026-10-21\n    time: 2pm\n    timezone: Europe/Berln\n');
      const uri = uriOf(FILE);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const hover = await eventually(async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(6, 12));
        return hovers.map((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).join('\n')).find((t) => t.includes('your time'));
      }, 'the round\'s hover');
      assert.equal(hover.replace(/\\(.)/g, '$1'), '**Round 1 (onsite)**  \nTue 2026-10-20, 09:30 CEST (16:30 your time)');
      const zones = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(7, 14));
      const first = zones.items.find((i) => i.detail === 'your time zone');
      assert.equal(first?.label, 'Asia/Tokyo');
      for (const [line, title] of [[10, 'Rewrite as 14:00'], [11, 'Change to "Europe/Berlin"']] as const) {
        await eventually(async () => {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(line, 14, line, 15));
          if (!actions.some((x) => x.title === title)) throw new Error(`offered: ${actions.map((x) => x.title).join(' | ') || 'nothing'}`);
          return true;
        }, `the quick fix "${title}"`);
      }
    } finally {
      a.setTimeZone(undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(FILE);
    }
  });

  it('the Due view shows tomorrow\'s interview with its time, in its zone and the user\'s', async () => {
    const FILE = 'debrief/interviews/due-tomorrow.yaml';
    const a = await api();
    a.setTimeZone('Europe/Berlin');
    try {
      await write(FILE, `id: due-tomorrow\ncompany: Hooli\nrole: Platform Engineer\nrounds:\n  - type: onsite\n    date: ${addDays(SUITE_TODAY, 1)}\n    time: "09:00"\n    timezone: America/New_York\n    duration: 90\n`);
      const due = a.parts.reminders!;
      const item = await eventually(() => due.reminders.find((i) => i.reminder.kind === 'interview'), 'tomorrow\'s interview in the Due view');
      assert.equal(item.reminder.title, 'Onsite: Hooli, Platform Engineer');
      assert.equal(item.reminder.detail, 'tomorrow 09:00–10:30 EST (15:00 your time)');
      const row = due.getTreeItem(item);
      assert.equal((row.iconPath as vscode.ThemeIcon).id, 'calendar');
    } finally {
      a.setTimeZone(undefined);
      await remove(FILE);
    }
  });
});
