import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { CommandId, InternalCommandId, SettingId, ViewId } from '../../src/constants';
import { exportInterviews } from '../../src/core/export';
import { allCharts, insightsModel, InsightsModel, RecordRef } from '../../src/core/insights';
import { INSIGHTS_VIEW_TYPE } from '../../src/features/insights/panel';
import { dueCount } from '../../src/core/reminders';
import { DUE_PAGE, LAST_NOTIFIED_KEY, NOTIFIED_REMINDERS_KEY } from '../../src/features/reminders';
import type { PickItem } from '../../src/services/prompter';
import { api, assertScriptUsed, closeAll, debriefBadge, node, sidebarView, eventually, exists, folder, readText, uriOf, writeText, resetClock, run, ScriptedPrompter } from './helpers';

const parts = async () => {
  const p = (await api()).parts;
  assert.ok(p.insights && p.reminders, 'the insights and reminders features are active');
  return { panels: p.insights.panels, serializer: p.insights.serializer, due: p.reminders };
};
/** Waits for the open panel to hold a model that satisfies `ok`. */
async function posted(ok: (m: InsightsModel) => boolean, what: string): Promise<InsightsModel> {
  const { panels } = await parts();
  const m = await eventually(() => {
    const model = panels.current?.model;
    return model && ok(model) ? model : undefined;
  }, what);
  return m!;
}
const forgetNotified = async () => {
  const { context } = await api();
  await Promise.all([context.globalState.update(LAST_NOTIFIED_KEY, undefined), context.globalState.update(NOTIFIED_REMINDERS_KEY, undefined)]);
};
const dueItems = async () => (await parts()).due.reminders.map((i) => i.reminder);

/** A feedback request without a reply, in a file of its own (removed after each test). */
const WAITING = 'debrief/interviews/insights-waiting.yaml';
const WAITING_TEXT = `id: insights-waiting
company: "<img src=x onerror=alert(1)>"
role: Platform Engineer
applied: 2026-11-02
outcome: rejected
rounds:
  - type: coding
    date: 2026-11-09
feedback:
  requested: 2026-11-10
weaknesses:
  - weakness: rambling-answers
    round: 1
`;

describe('insights, reminders, review and export', () => {
  afterEach(async () => {
    await resetClock();
    (await api()).setPrompter(undefined);
    (await parts()).panels.current?.dispose();
    await forgetNotified();
    const cfg = vscode.workspace.getConfiguration(undefined, folder().uri);
    await cfg.update(SettingId.FeedbackFollowUpDays, undefined, vscode.ConfigurationTarget.Workspace);
    await cfg.update(SettingId.RemindersNotify, undefined, vscode.ConfigurationTarget.Workspace);
    if (await exists(uriOf(WAITING))) await vscode.workspace.fs.delete(uriOf(WAITING));
    const { services } = await api();
    await eventually(() => !services.store.journalOf(folder())!.index.interview('insights-waiting'), 'the test interview to leave the index');
    await closeAll();
  });

  it('restores the panel after a reload, with scripts enabled and the current model', async () => {
    const { services, setToday } = await api();
    const { panels, serializer } = await parts();
    setToday('2026-11-25');
    assert.equal(panels.current, undefined);
    // What VS Code does after a reload: a new panel of the view type, handed to the serializer.
    await serializer.deserializeWebviewPanel(vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, 'Debrief Insights', vscode.ViewColumn.Active, {}), undefined);
    assert.ok(panels.current);
    // The restored webview runs its script (so its options and CSP allow it) and asks for the model.
    await eventually(() => panels.current?.webviewReady, 'the restored webview\'s script to load');
    const model = await posted(() => true, 'a model posted to the restored panel');
    assert.deepEqual(model, insightsModel(services.store.journalOf(folder())!.index, '2026-11-25'));
  });

  it('posts the core insights model to the panel and follows changes to the files live', async () => {
    const { services, setToday } = await api();
    setToday('2026-11-25');
    await vscode.commands.executeCommand(CommandId.ShowInsights);
    assert.ok((await parts()).panels.current);
    const journal = services.store.journalOf(folder())!;
    const first = await posted(() => true, 'the first model');
    assert.deepEqual(first, insightsModel(journal.index, '2026-11-25'));
    assert.equal(first.interviews, 1);
    const ended = allCharts(first).find((c) => c.id === 'ended-after')!;
    assert.deepEqual([ended.labels, ended.series[0].values], [['behavioral'], [1]]);

    await writeText(uriOf(WAITING), WAITING_TEXT);
    const next = await posted((m) => m.interviews === 2, 'the model to include the new interview');
    assert.deepEqual(next, insightsModel(journal.index, '2026-11-25'));
    const feedback = allCharts(next).find((c) => c.id === 'feedback')!;
    assert.deepEqual(feedback.series[0].values, [1, 0, 1]);
    // User strings travel as data; the webview renders them as text (see the UI test).
    assert.equal(feedback.series[0].refs[2][0].label, '<img src=x onerror=alert(1)>, Platform Engineer');
  });

  it('opens the records behind a bar, asking which one when there are several', async () => {
    const { services, setToday, setPrompter } = await api();
    setToday('2026-11-25');
    await writeText(uriOf(WAITING), WAITING_TEXT);
    await eventually(() => services.store.journalOf(folder())!.index.interview('insights-waiting'), 'the new interview');
    await vscode.commands.executeCommand(CommandId.ShowInsights);
    const m = await posted((x) => x.interviews === 2, 'the model with two interviews');
    const offered: string[][] = [];
    const picker = new ScriptedPrompter([]);
    picker.pick = async <T>(items: readonly PickItem<T>[]) => {
      const refs = items.map((i) => i.value as unknown as RecordRef);
      offered.push(refs.map((r) => r.file));
      return refs.find((r) => r.file === WAITING) as T | undefined;
    };
    setPrompter(picker);
    const click = async (chart: string, series: number, index: number) => (await parts()).panels.current!.openRecords(chart, series, index);
    // One record behind the bar: it opens without a prompt.
    const outcomes = allCharts(m).find((c) => c.id === 'outcomes')!;
    const s = outcomes.series.findIndex((x) => x.label === 'rejected');
    const i = outcomes.labels.indexOf('Nov 2026');
    await click('outcomes', s, i);
    assert.ok(s >= 0 && i >= 0 && outcomes.series[s].values[i] === 1);
    const shown = (rel: string) => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uriOf(rel).toString());
    await eventually(() => shown(WAITING), 'the interview to open');
    assert.equal(offered.length, 0);
    await closeAll(); // closes the panel too: open it again, once the extension has seen it go
    await eventually(async () => !(await parts()).panels.current, 'the closed panel to be disposed');
    await vscode.commands.executeCommand(CommandId.ShowInsights);

    // Several records behind one bar: the prompt offers each; the chosen one opens at its line.
    const funnel = allCharts(m).find((c) => c.id === 'funnel')!;
    assert.equal(funnel.series[0].values[0], 2, JSON.stringify(funnel));
    await click('funnel', 0, 0);
    assert.deepEqual(offered[offered.length - 1].sort(), ['debrief/interviews/acme-backend.yaml', WAITING]);
    const editor = await eventually(() => shown(WAITING), 'the chosen record');
    assert.equal(editor!.selection.active.line, 0);
  });

  it('lists feedback follow-ups after N days and items due soon, with a badge, a status item and one notification a day of what is new', async () => {
    const { services, setToday, setPrompter } = await api();
    const { due } = await parts();
    const recorder = new ScriptedPrompter([]);
    const notes = recorder.notices;
    // Requested 2026-11-10; the fixture's star-practice item is due 2026-12-01.
    setToday('2026-11-16');
    setPrompter(recorder);
    await forgetNotified();
    await writeText(uriOf(WAITING), WAITING_TEXT);
    await eventually(() => services.store.journalOf(folder())!.index.interview('insights-waiting'), 'the new interview');
    await due.refresh();
    assert.deepEqual(await dueItems(), [], 'six days without a reply is not yet a follow-up, and nothing is due within a week');
    assert.equal(due.view.badge?.value, undefined);
    assert.equal(due.statusShown, false);
    assert.equal(notes.length, 0);

    setToday('2026-11-25');
    await due.refresh();
    assert.deepEqual((await dueItems()).map((r) => [r.kind, r.overdueDays]), [['feedback-follow-up', 8], ['improvement', -6]]);
    assert.equal(due.view.badge?.value, 2);
    assert.deepEqual({ text: due.status.text, visible: due.statusShown }, { text: '$(bell) 2', visible: true });
    assert.equal(notes.length, 1);
    assert.match(notes[0], /2 things due, 1 overdue/);

    await due.refresh();
    assert.equal(notes.length, 1, 'at most one notification a day');
    setToday('2026-11-26');
    await due.refresh();
    assert.equal(notes.length, 1, 'a new day with nothing new: no notification');

    const cfg = vscode.workspace.getConfiguration(undefined, folder().uri);
    await cfg.update(SettingId.RemindersNotify, false, vscode.ConfigurationTarget.Workspace);
    await cfg.update(SettingId.FeedbackFollowUpDays, 30, vscode.ConfigurationTarget.Workspace);
    setToday('2026-11-27');
    // Every reminder new again: still no message, as they are turned off.
    await forgetNotified();
    await due.refresh();
    assert.deepEqual((await dueItems()).map((r) => r.kind), ['improvement'], 'the follow-up waits 30 days now');
    assert.equal(notes.length, 1, 'notifications are off');
  });

  it('counts what is due once: the badge on the Debrief icon, the list, the status bar and the message agree', async () => {
    const { services, setToday, setPrompter } = await api();
    const { due } = await parts();
    const recorder = new ScriptedPrompter([]);
    setPrompter(recorder);
    // A follow-up 18 days late and the fixture's improvement item overdue since 2026-12-01: both are
    // overdue, and each is one thing due.
    setToday('2026-12-05');
    await writeText(uriOf(WAITING), WAITING_TEXT);
    await eventually(() => services.store.journalOf(folder())!.index.interview('insights-waiting'), 'the new interview');
    // The message of the day, once the journal holds the new interview.
    recorder.notices.splice(0);
    await forgetNotified();
    await due.refresh();
    const items = await dueItems();
    assert.deepEqual(items.map((r) => [r.kind, r.overdueDays > 0]), [['feedback-follow-up', true], ['improvement', true]]);
    const count = dueCount(items);
    assert.deepEqual([count.due, count.overdue], [2, 2]);
    const badge = await debriefBadge();
    const listed = due.getChildren().length;
    const status = Number(/^\$\(bell\) (\d+)$/.exec(due.status.text)?.[1]);
    assert.equal(recorder.notices.length, 1);
    const message = Number(/^Debrief: (\d+) things? due/.exec(recorder.notices[0])?.[1]);
    assert.deepEqual({ badge: badge.value, listed, status, message }, { badge: 2, listed: 2, status: 2, message: 2 }, 'one count everywhere');
    assert.equal(badge.overdue, 2, badge.tooltip);
    assert.ok(recorder.notices[0].startsWith(`Debrief: ${count.text}.`), recorder.notices[0]);
    assert.ok(due.status.tooltip?.toString().includes(count.text));
    // One folder: no folder named anywhere (test/integration/multi-root names them with several).
    assert.equal(due.status.tooltip, `Debrief: ${count.text}. Click to see them.`);
    const rows = due.getChildren().map((r) => due.getTreeItem(r));
    assert.deepEqual(rows.map((r) => r.description), items.map((r) => r.detail));
  });

  it('answers a reminder from its row: Snooze for a week or to a date, Dismiss, Record Feedback; each written to the journal, one Undo each, and the next message tells only what is new', async () => {
    const { services, setToday, setPrompter } = await api();
    const { due } = await parts();
    const recorder = new ScriptedPrompter([]);
    setPrompter(recorder);
    setToday('2026-11-25');
    await writeText(uriOf(WAITING), WAITING_TEXT);
    await eventually(() => services.store.journalOf(folder())!.index.interview('insights-waiting'), 'the new interview');
    recorder.notices.splice(0);
    await forgetNotified();
    await due.refresh();
    const row = () => due.reminders.find((i) => i.reminder.kind === 'feedback-follow-up' && i.reminder.ref.file === WAITING);
    assert.ok(row(), 'the follow-up is due');
    assert.equal(recorder.notices.length, 1);
    const feedbackRow = async () => {
      const iv = await node(ViewId.Interviews, 'Rejected', '<img src=x onerror=alert(1)>, Platform Engineer', 'Feedback');
      return (await sidebarView(ViewId.Interviews)).tree.getTreeItem(iv);
    };
    const gone = (what: string) => eventually(async () => {
      await due.refresh();
      return !row() && due.view.badge?.value === due.reminders.length;
    }, `the follow-up to leave the Due view and its badge ${what}`);

    // The row's menu gives the row to the command: no question about which interview.
    const week = await run<boolean>(CommandId.SnoozeFollowUp, ['For a week'], row());
    assertScriptUsed(week.prompter);
    assert.equal(week.result, true);
    assert.equal(await readText(uriOf(WAITING)), WAITING_TEXT.replace('  requested: 2026-11-10\n', '  requested: 2026-11-10\n  snoozed: 2026-12-02\n'), 'one line added, the rest as it was');
    await gone('when snoozed');
    assert.match(String((await feedbackRow()).description), /snoozed until 2026-12-02/);
    // One Undo takes it back, and the reminder with it.
    const doc = await vscode.workspace.openTextDocument(uriOf(WAITING));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), WAITING_TEXT);
    await doc.save();
    await eventually(async () => {
      await due.refresh();
      return row();
    }, 'the follow-up back after the Undo');

    // Until a date of the user's choosing; not a day in the past.
    const past = await run<boolean>(CommandId.SnoozeFollowUp, ['Until a date…', '2026-11-20'], row());
    assert.deepEqual(past.prompter.validationErrors, ['Choose a day after today (2026-11-25).']);
    assert.equal(await readText(uriOf(WAITING)), WAITING_TEXT, 'nothing written');
    const until = await run<boolean>(CommandId.SnoozeFollowUp, ['Until a date…', '2026-12-10'], row());
    assertScriptUsed(until.prompter);
    assert.match((await readText(uriOf(WAITING)))!, /^ {2}snoozed: 2026-12-10$/m);
    await gone('until the date');
    // The snooze ends: the reminder is back, and the next message tells it as new, alone.
    // (Each command ran with a prompter of its own: the messages go to the recorder again.)
    setPrompter(recorder);
    recorder.notices.splice(0);
    setToday('2026-12-10');
    await eventually(async () => {
      await due.refresh();
      return row();
    }, 'the follow-up back on the day the snooze ends');
    assert.equal(recorder.notices.length, 1, recorder.notices.join('\n'));
    const told = recorder.notices[0];
    assert.ok(told.startsWith(`Debrief: ${dueCount(await dueItems()).text}`), told);
    assert.match(told, /\. Follow up: <img src=x onerror=alert\(1\)>\.$/, 'the new reminder alone');
    // A new day with nothing new: no message.
    setToday('2026-12-11');
    await due.refresh();
    assert.equal(recorder.notices.length, 1, 'nothing new, no message');

    // Dismiss: reminders stop for this request, today's date written.
    const dismiss = await run<boolean>(CommandId.DismissFollowUp, [], row());
    assertScriptUsed(dismiss.prompter);
    assert.match((await readText(uriOf(WAITING)))!, /^ {2}dismissed: 2026-12-11$/m);
    await gone('when dismissed');
    assert.match(String((await feedbackRow()).description), /reminders dismissed 2026-12-11/);
    setToday('2027-03-01');
    await due.refresh();
    assert.equal(row(), undefined, 'dismissed for good');
    // One Undo each, in the file's editor (where the commands wrote): the dismissal, then the snooze.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(doc.getText(), /dismissed:/);
    assert.match(doc.getText(), /^ {2}snoozed: 2026-12-10$/m);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), WAITING_TEXT);
    await doc.save();
    setToday('2026-11-25');
    await eventually(async () => {
      await due.refresh();
      return row();
    }, 'the follow-up due again');

    // Record Feedback from the row: the reply answers the reminder.
    const reply = await run<boolean>(CommandId.RecordFeedback, ['Too slow on the design part', '', '2026-11-25', []], row());
    assertScriptUsed(reply.prompter);
    assert.equal(reply.result, true);
    assert.match((await readText(uriOf(WAITING)))!, /^ {2}received: 2026-11-25$/m);
    await gone('once the reply is recorded');
    await closeAll();
  });

  it('answers an improvement item and a next step from their rows: a new status or due date; a next step done, postponed or changed; one Undo each', async () => {
    const { services, setToday, setPrompter } = await api();
    const { due } = await parts();
    setPrompter(new ScriptedPrompter([]));
    setToday('2026-12-05');
    const NEXT = 'debrief/interviews/insights-next.yaml';
    const NEXT_TEXT = 'id: insights-next\ncompany: Initech\nrole: Backend Engineer\noutcome: pending\nnext:\n  # agreed on the call\n  action: Send the references\n  due: 2026-12-03\n';
    const WEAKNESSES = uriOf('debrief/weaknesses.yaml');
    const weaknessesBefore = (await readText(WEAKNESSES))!;
    const journal = () => services.store.journalOf(folder())!;
    const settle = async (what: string, ok: () => boolean) => eventually(async () => {
      await due.refresh();
      return ok();
    }, what);
    const undo = async (uri: vscode.Uri, text: string) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), text, 'one Undo takes it back');
      await doc.save();
    };
    await writeText(uriOf(NEXT), NEXT_TEXT);
    try {
      await eventually(() => journal().index.interview('insights-next'), 'the new interview');
      const item = () => due.reminders.find((i) => i.reminder.kind === 'improvement');
      const next = () => due.reminders.find((i) => i.reminder.kind === 'next-step' && i.reminder.ref.file === NEXT);
      await settle('both reminders due', () => !!item() && !!next());
      // The rows' menus (their context values against the manifest's `when` clauses) offer the answers.
      const menus = (vscode.extensions.getExtension('debrief.debrief')!.packageJSON as { contributes: { menus: Record<string, { command: string; when: string; group?: string }[]> } }).contributes.menus['view/item/context'];
      const offered = (contextValue: string | undefined) => menus.filter((m) => {
        const clause = /^view == debrief\.due && viewItem (==|=~) (.+)$/.exec(m.when);
        if (!clause || contextValue === undefined) return false;
        return clause[1] === '==' ? clause[2] === contextValue : new RegExp(clause[2].slice(1, -1)).test(contextValue);
      }).map((m) => `${m.command} ${m.group ?? ''}`);
      assert.deepEqual(offered(due.getTreeItem(item()!).contextValue), [
        `${CommandId.SetImprovementStatus} inline@1`, `${CommandId.SetDueDate} inline@2`, `${CommandId.SetImprovementStatus} 1_answer@1`, `${CommandId.SetDueDate} 1_answer@2`,
      ]);
      assert.deepEqual(offered(due.getTreeItem(next()!).contextValue), [`${CommandId.UpdateNextStep} inline@2`, `${CommandId.UpdateNextStep} 1_answer@1`], 'an overdue next step');

      // The item's row gives its item to the command: no question about which one.
      const later = await run<boolean>(CommandId.SetDueDate, ['2026-12-20'], item());
      assertScriptUsed(later.prompter);
      assert.equal(later.prompter.offered.length, 0, 'no item to pick');
      assert.equal(await readText(WEAKNESSES), weaknessesBefore.replace('due: 2026-12-01', 'due: 2026-12-20'));
      await settle('the item to leave the Due view once due later', () => !item() && (due.view.badge?.value ?? 0) === due.reminders.length);
      await undo(WEAKNESSES, weaknessesBefore);
      await settle('the item due again after the Undo', () => !!item());
      const done = await run<boolean>(CommandId.SetImprovementStatus, ['done'], item());
      assertScriptUsed(done.prompter);
      assert.equal(done.prompter.offered.length, 1, 'only the status is asked');
      assert.match((await readText(WEAKNESSES))!, /^ {8}status: done$/m);
      await settle('a done item to leave the Due view', () => !item());

      // A next step postponed a week: only its date changes, its comment stays.
      const week = await run<boolean>(CommandId.UpdateNextStep, ['Postpone a week'], next());
      assertScriptUsed(week.prompter);
      assert.equal(await readText(uriOf(NEXT)), NEXT_TEXT.replace('due: 2026-12-03', 'due: 2026-12-12'));
      await settle('the postponed step', () => next()?.reminder.detail === 'due in 7 days (2026-12-12)');
      // Not to a day in the past; changed to a new action and date.
      const past = await run<boolean>(CommandId.UpdateNextStep, ['Postpone to a date…', '2026-12-01'], next());
      assert.deepEqual(past.prompter.validationErrors, ['Choose a day after today (2026-12-05).']);
      assert.equal(past.result, false);
      const changed = await run<boolean>(CommandId.UpdateNextStep, ['Change it…', 'Call the recruiter', '2026-12-08'], next());
      assertScriptUsed(changed.prompter);
      assert.equal(await readText(uriOf(NEXT)), NEXT_TEXT.replace('Send the references', 'Call the recruiter').replace('due: 2026-12-03', 'due: 2026-12-08'));
      await settle('the changed step', () => next()?.reminder.title === 'Initech: Call the recruiter');
      // Done: the step leaves the file (and the Due view); one Undo brings it back.
      const changedText = (await readText(uriOf(NEXT)))!;
      const finished = await run<boolean>(CommandId.UpdateNextStep, ['Done'], next());
      assertScriptUsed(finished.prompter);
      assert.equal(await readText(uriOf(NEXT)), 'id: insights-next\ncompany: Initech\nrole: Backend Engineer\noutcome: pending\n');
      await settle('a done step to leave the Due view', () => !next() && (due.view.badge?.value ?? 0) === due.reminders.length);
      await undo(uriOf(NEXT), changedText);
      await settle('the step back after the Undo', () => !!next());
      // From the palette: only applications with a next step are offered.
      const palette = await run<boolean>(CommandId.UpdateNextStep, ['Initech, Backend Engineer', 'Postpone a week']);
      assertScriptUsed(palette.prompter);
      assert.deepEqual(palette.prompter.offered[0], ['Initech, Backend Engineer']);
      assert.match((await readText(uriOf(NEXT)))!, /^ {2}due: 2026-12-12$/m);
    } finally {
      await writeText(WEAKNESSES, weaknessesBefore);
      await vscode.workspace.fs.delete(uriOf(NEXT));
      await eventually(() => !journal().index.interview('insights-next') && journal().index.weakness('rambling-answers')?.improvements[0]?.due === '2026-12-01', 'the fixture as it was');
    }
  });

  it('lists many reminders a page at a time, and sends the list to the window again only when its rows change', async () => {
    const { setToday, setPrompter } = await api();
    const { due } = await parts();
    setPrompter(new ScriptedPrompter([]));
    setToday('2026-11-20');
    const n = DUE_PAGE + 7;
    const rels = Array.from({ length: n }, (_, i) => `debrief/interviews/zz-due-${String(i).padStart(3, '0')}.yaml`);
    const fired: number[] = [];
    const sub = due.onDidChangeTreeData(() => fired.push(Date.now()));
    try {
      await Promise.all(rels.map((r, i) => writeText(uriOf(r), `id: zz-due-${i}\ncompany: Due ${i}\nrole: Dev\noutcome: pending\nnext:\n  action: Call back\n  due: 2026-11-21\n`)));
      await eventually(async () => {
        await due.refresh();
        return due.reminders.filter((r) => r.reminder.title.startsWith('Due ')).length === n;
      }, 'every new next step due');
      const rows = due.getChildren();
      assert.equal(rows.length, DUE_PAGE + 1, 'a page of reminders and a row that lists more');
      const more = due.getTreeItem(rows.at(-1)!);
      assert.equal(more.label, `Show more (${due.reminders.length - DUE_PAGE} not listed)`);
      assert.equal(more.command?.command, InternalCommandId.ShowMoreDue);
      assert.equal(due.view.badge?.value, due.reminders.length, 'the badge counts them all');
      // Nothing changed: the window is not sent the same rows again.
      fired.length = 0;
      await due.refresh();
      assert.deepEqual(fired, [], 'no refresh of the same rows');
      await vscode.commands.executeCommand(InternalCommandId.ShowMoreDue);
      assert.equal(fired.length, 1, 'listing more refreshes the view');
      assert.equal(due.getChildren().length, due.reminders.length, 'every reminder listed');
      // A new day changes what a row says: the list is sent again.
      fired.length = 0;
      setToday('2026-11-21');
      await due.refresh();
      assert.ok(fired.length >= 1, 'the rows changed with the date');
    } finally {
      sub.dispose();
      await Promise.all(rels.map((r) => vscode.workspace.fs.delete(uriOf(r)).then(undefined, () => undefined)));
      await resetClock();
    }
  });

  it('writes the weekly review into the journal folder and opens it, never over an existing one', async () => {
    (await api()).setToday('2026-10-14');
    const target = uriOf('debrief/reviews/2026-W42.md');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>(CommandId.WeeklyReview);
      assert.equal(uri?.toString(), target.toString());
      const text = await readText(target);
      assert.match(text, /^# Weekly review 2026-W42/);
      assert.match(text, /- 2026-10-12: behavioral round with \*\*Acme\*\* \(Backend Engineer\), rated 2\/5/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
      await writeText(target, 'my own notes\n');
      await vscode.commands.executeCommand(CommandId.WeeklyReview);
      assert.equal(await readText(target), 'my own notes\n');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uriOf('debrief/reviews'), { recursive: true });
    }
  });

  it('exports in the format and to the place chosen, with the CLI export output, and writes nothing when dismissed', async () => {
    const { services } = await api();
    const index = services.store.journalOf(folder())!.index;
    for (const [label, format] of [['CSV', 'csv'], ['Markdown', 'md'], ['JSON', 'json']] as const) {
      const target = `out-export/journal.${format}`;
      const { result } = await run<vscode.Uri>(CommandId.Export, [label, target]);
      assert.equal(result?.toString(), uriOf(target).toString());
      assert.equal(await readText(uriOf(target)), exportInterviews(index, format));
    }
    await vscode.workspace.fs.delete(uriOf('out-export'), { recursive: true });
    assert.equal((await run(CommandId.Export, ['CSV', undefined])).result, undefined, 'no place chosen');
    assert.equal((await run(CommandId.Export, [undefined])).result, undefined, 'no format chosen');
    assert.equal(await exists(uriOf('out-export')), false, 'nothing written when dismissed');
  });

  it('asks its questions through the same prompter as every command (format, then where to save)', async () => {
    const { services } = await api();
    const index = services.store.journalOf(folder())!.index;
    const target = 'out-shared-prompter/journal.md';
    try {
      const { result, prompter } = await run<vscode.Uri>(CommandId.Export, ['Markdown', target]);
      assert.deepEqual(prompter.asked.map((q) => q.split(' ')[0]), ['pick', 'save']);
      assert.equal(result?.toString(), uriOf(target).toString());
      assert.equal(await readText(uriOf(target)), exportInterviews(index, 'md'));
      const escaped = await run<vscode.Uri>(CommandId.Export, [undefined]);
      assert.equal(escaped.result, undefined);
    } finally {
      await vscode.workspace.fs.delete(uriOf('out-shared-prompter'), { recursive: true });
    }
  });

  it('contributes a walkthrough whose steps exist', async () => {
    const ext = vscode.extensions.getExtension('debrief.debrief')!;
    const walkthroughs = ext.packageJSON.contributes.walkthroughs as { id: string; steps: { media: { markdown: string } }[] }[];
    assert.equal(walkthroughs.length, 1);
    for (const step of walkthroughs[0].steps) assert.ok(await exists(vscode.Uri.joinPath(ext.extensionUri, step.media.markdown)), step.media.markdown);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(CommandId.OpenWalkthrough));
  });
});
