// The brief for the next interview, in the real editor: Prepare for Interview opens the page with its
// sections in order and the core's numbers; "Record how it went" runs Add Round with the coming round's
// type and date filled in; Save as Markdown writes the core's Markdown; the Due view offers Prepare.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { CommandId, ViewId } from '../../src/constants';
import { buildBrief } from '../../src/core/brief/brief';
import { roundTimeText } from '../../src/core/schedule';
import { briefMarkdown } from '../../src/core/brief/markdown';
import { SECTION_IDS } from '../../src/core/brief/words';
import { BRIEF_VIEW_TYPE, type BriefPanel } from '../../src/features/brief/panel';
import { api, assertScriptUsed, closeAll, eventually, folder, node, read, remove, resetClock, restore, run, ScriptedPrompter, SUITE_TODAY, uriOf, write } from './helpers';

/** A second application at Acme, its behavioral round scheduled two days after the suite's date. */
const SCHEDULED = 'debrief/interviews/brief-acme.yaml';
const SCHEDULED_TEXT = `id: brief-acme
company: Acme
role: Platform Engineer
applied: 2026-11-10
outcome: pending
rounds:
  - type: recruiter
    date: 2026-11-16
    rating: 4
    questions: [Why Acme?]
  - type: behavioral # scheduled
    date: 2026-11-27
    time: "10:00"
    timezone: Europe/Berlin
    duration: 45
    link: https://meet.example.com/acme-behavioral
    interviewers: [Priya]
`;
/** An application whose next interview is known only as a next step. */
const STEP = 'debrief/interviews/brief-initech.yaml';
const STEP_TEXT = `id: brief-initech
company: Initech
role: Backend Engineer
applied: 2026-11-01
outcome: pending
next:
  action: Onsite
  due: 2026-11-28
`;
const SAVED = 'brief-saved.md';

async function parts() {
  const p = (await api()).parts;
  assert.ok(p.brief && p.reminders, 'the brief and reminders features are active');
  return { panels: p.brief.panels, due: p.reminders };
}

/** Waits for the page to show the brief of `id` that satisfies `ok`. */
async function shown(id: string, ok: (p: BriefPanel) => boolean = () => true, what = `the brief of ${id}`): Promise<BriefPanel> {
  const { panels } = await parts();
  return eventually(() => {
    const p = panels.current;
    return p?.brief?.interview.id === id && p.page && ok(p) ? p : undefined;
  }, what);
}

const journal = async () => (await api()).services.store.journalOf(folder())!;

describe('the brief for the next interview', () => {
  before(async () => {
    await resetClock();
  });
  afterEach(async () => {
    await resetClock();
    (await api()).setPrompter(undefined);
    (await parts()).panels.current?.dispose();
    await restore(SCHEDULED, undefined);
    await restore(STEP, undefined);
    await remove(SAVED);
    await closeAll();
  });

  it('opens for the next interview, its sections in order, with the numbers of the core', async () => {
    await write(SCHEDULED, SCHEDULED_TEXT);
    await eventually(async () => (await journal()).index.interview('brief-acme'), 'the store to read the new interview');
    // The next interview is offered first; its round is scheduled, so no kind of round is asked.
    const { prompter } = await run(CommandId.PrepareInterview, ['Acme, Platform Engineer']);
    assertScriptUsed(prompter);
    const panel = await shown('brief-acme');
    await eventually(() => panel.webviewReady, 'the page\'s script to load (its CSP allows it)');
    const brief = panel.brief!;
    // What the core says for the same journal and day: the views never disagree.
    const expected = buildBrief((await journal()).index, (await journal()).index.interview('brief-acme')!, SUITE_TODAY, { timeZone: (await api()).services.clock.timeZone() });
    assert.deepEqual({ ...brief, reread: undefined }, { ...expected, reread: undefined });
    assert.deepEqual([brief.next.roundType, brief.next.date, brief.next.round], ['behavioral', '2026-11-27', 2]);
    // What is next, and when: with its time as the Due view says it, and its meeting link.
    const zone = (await api()).services.clock.timeZone();
    const round = (await journal()).index.interview('brief-acme')!.rounds[1];
    assert.equal(brief.next.rounds[0].timeText, roundTimeText(round, zone));
    assert.match(brief.next.rounds[0].timeText!, /^10:00–10:45 CET/);
    assert.match(panel.page!.html, /Behavioral round on 27 Nov \(in 2 days\), 10:00–10:45 CET[^<]*, with Priya\./);
    assert.match(panel.page!.html, /Meeting link: <button type="button" class="link" data-open="\d+" title="Open in the browser">https:\/\/meet\.example\.com\/acme-behavioral<\/button>/);
    assert.deepEqual(brief.earlier.map((e) => e.id), ['acme-backend']);
    // Computed by hand: Acme's behavioral round of 12 Oct (44 days: 1) × same kind 1 × same company 2.
    assert.deepEqual(brief.likely.weaknesses.map((w) => [w.id, w.score, w.reasons.map((r) => r.text)]), [
      ['rambling-answers', 2, ['surfaced in your last behavioral round', 'came up at Acme before, in a behavioral round (12 Oct)']],
    ]);
    assert.deepEqual(brief.reread.shown.map((n) => [n.path, n.state?.kind, n.state?.kind === 'read' && n.state.excerpt]), [['notes/star-answers.md', 'read', 'STAR answers']], 'the note read, with its first heading');
    const html = panel.page!.html;
    assert.deepEqual([...html.matchAll(/data-section="([a-z]+)"/g)].map((m) => m[1]), [...SECTION_IDS]);
    assert.match(html, /data-action="record">Record how it went</);
    assert.match(html, /data-action="save">Save as Markdown</);
    assert.equal(panel.panel.title, 'Brief: Acme, Platform Engineer');
  });

  it('"Record how it went" fills in the scheduled round, and the brief follows', async () => {
    await write(SCHEDULED, SCHEDULED_TEXT);
    await eventually(async () => (await journal()).index.interview('brief-acme'), 'the store to read the new interview');
    await run(CommandId.PrepareInterview, ['Acme, Platform Engineer']);
    await shown('brief-acme');
    // The day of the interview, after it: the round is still to be recorded, so still the coming one.
    (await api()).setToday('2026-11-27');
    const panel = await shown('brief-acme', (x) => x.brief!.today === '2026-11-27', 'the brief of the interview\'s day');
    assert.equal(panel.brief!.next.round, 2);
    // Type and date are known: Add Round asks who (Priya offered), the rating, what went well and badly.
    const p = new ScriptedPrompter(['Priya', '4', 'Short answers, result first', '']);
    (await api()).setPrompter(p);
    assert.equal(await panel.recordHowItWent(), true);
    assertScriptUsed(p);
    assert.match(p.asked[0], /^input Add Round 1\/4: Who interviewed you in the behavioral round at Acme \(27 Nov\)/);
    const data = parse((await read(SCHEDULED))!);
    assert.equal(data.rounds.length, 2, 'no round added: the scheduled one is filled in');
    assert.deepEqual(data.rounds[1], {
      type: 'behavioral', date: '2026-11-27', time: '10:00', timezone: 'Europe/Berlin', duration: 45, link: 'https://meet.example.com/acme-behavioral',
      interviewers: ['Priya'], rating: 4, 'went-well': 'Short answers, result first',
    });
    assert.match((await read(SCHEDULED))!, / {2}- type: behavioral # scheduled\n/, 'the comment stays');
    // The round has happened now: nothing is scheduled any more, and its story is one to tell.
    const after = await shown('brief-acme', (x) => x.brief!.next.rounds.length === 0, 'the brief without the scheduled round');
    assert.deepEqual(after.brief!.stories.shown.map((s) => s.text), ['Short answers, result first']);
  });

  it('asks the kind of round when nothing scheduled says it; "Record how it went" then adds a round of that kind on the day', async () => {
    await write(STEP, STEP_TEXT);
    await eventually(async () => (await journal()).index.interview('brief-initech'), 'the store to read the new interview');
    const { prompter } = await run(CommandId.PrepareInterview, ['Initech, Backend Engineer', 'onsite']);
    assertScriptUsed(prompter);
    const panel = await shown('brief-initech');
    assert.deepEqual([panel.brief!.next.roundType, panel.brief!.next.roundTypeFrom, panel.brief!.next.date], ['onsite', 'chosen', '2026-11-28']);
    // A round added, not filled in: its start time is asked too (none given here).
    const p = new ScriptedPrompter(['', 'Dana', '3', '', 'Ran out of time']);
    (await api()).setPrompter(p);
    assert.equal(await panel.recordHowItWent(), true);
    assertScriptUsed(p);
    const data = parse((await read(STEP))!);
    assert.deepEqual(data.rounds, [{ type: 'onsite', date: '2026-11-28', interviewers: ['Dana'], rating: 3, 'went-badly': 'Ran out of time' }]);
  });

  it('saves the brief as the core\'s Markdown, where the user chose', async () => {
    await write(SCHEDULED, SCHEDULED_TEXT);
    await eventually(async () => (await journal()).index.interview('brief-acme'), 'the store to read the new interview');
    await run(CommandId.PrepareInterview, ['Acme, Platform Engineer']);
    const panel = await shown('brief-acme');
    const p = new ScriptedPrompter([SAVED]);
    (await api()).setPrompter(p);
    const target = await panel.saveAsMarkdown();
    assertScriptUsed(p);
    assert.equal(target?.toString(), uriOf(SAVED).toString());
    assert.equal(await read(SAVED), briefMarkdown(panel.brief!));
    assert.match((await read(SAVED))!, /^# Brief: Acme, Platform Engineer\n/);
    assert.match(p.notices[0], /saved the brief to brief-saved\.md/);
  });

  it('comes back after a reload showing the same brief, its script running', async () => {
    const { panels } = await parts();
    const serializer = (await api()).parts.brief!.serializer;
    // What VS Code does after a reload: a new panel of the view type, handed over with the page's state.
    const state = { folder: folder().uri.toString(), path: 'debrief/interviews/acme-backend.yaml', roundType: 'behavioral' };
    await serializer.deserializeWebviewPanel(vscode.window.createWebviewPanel(BRIEF_VIEW_TYPE, 'Debrief Brief', vscode.ViewColumn.Active, {}), state);
    const panel = await shown('acme-backend');
    assert.equal(panels.current, panel);
    assert.equal(panel.brief!.next.roundType, 'behavioral');
    await eventually(() => panel.webviewReady, 'the restored page\'s script to load');
  });

  it('prepares the interview of a sidebar item, for the kind of round asked', async () => {
    const { prompter } = await run(CommandId.PrepareInterview, ['behavioral'], await node(ViewId.Interviews, 'Rejected', 'Acme, Backend Engineer'));
    assertScriptUsed(prompter);
    assert.match(prompter.asked[0], /What kind of round is next at Acme\?/);
    const panel = await shown('acme-backend');
    assert.deepEqual([panel.brief!.next.roundType, panel.brief!.next.roundTypeFrom], ['behavioral', 'chosen']);
    // Its own behavioral round cited the weakness: 12 Oct (44 days: 1) × same kind 1 × this application 2.
    assert.deepEqual(panel.brief!.likely.weaknesses.map((w) => [w.id, w.score, w.reasons.map((r) => r.text)]), [
      ['rambling-answers', 2, ['surfaced in your last behavioral round', 'came up earlier in this application, in the behavioral round (12 Oct)']],
    ]);
  });

  it('is offered on tomorrow\'s interview in the Due view, and prepares it', async () => {
    await write(SCHEDULED, SCHEDULED_TEXT.replace('2026-11-27', '2026-11-26'));
    const { due } = await parts();
    await eventually(async () => (await journal()).index.interview('brief-acme'), 'the store to read the new interview');
    await due.refresh();
    const row = await eventually(() => due.reminders.find((r) => r.reminder.kind === 'interview' && r.reminder.ref.file === SCHEDULED), 'tomorrow\'s interview in the Due view');
    assert.equal(due.getTreeItem(row).contextValue, 'upcoming.interview', 'the row offers Prepare');
    // Nothing is asked: the row names the interview, and its round the kind.
    const { prompter } = await run(CommandId.PrepareInterview, [], row);
    assertScriptUsed(prompter);
    const panel = await shown('brief-acme');
    assert.deepEqual([panel.brief!.next.roundType, panel.brief!.next.date], ['behavioral', '2026-11-26']);
  });

  it('is offered on a next step still ahead in the Due view, and prepares that interview', async () => {
    await write(STEP, STEP_TEXT);
    const { due } = await parts();
    await due.refresh();
    const row = await eventually(() => due.reminders.find((r) => r.reminder.kind === 'next-step' && r.reminder.ref.file === STEP), 'the next step in the Due view');
    assert.equal(due.getTreeItem(row).contextValue, 'upcoming.next-step', 'the row offers Prepare');
    const menus = (vscode.extensions.getExtension('debrief.debrief')!.packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } }).contributes.menus['view/item/context'];
    assert.ok(menus.some((m) => m.command === CommandId.PrepareInterview && m.when === `view == ${ViewId.Due} && viewItem =~ /^upcoming\\./`));
    // Only the kind of round is asked: the row names the interview.
    const { prompter } = await run(CommandId.PrepareInterview, ['Not known yet'], row);
    assertScriptUsed(prompter);
    const panel = await shown('brief-initech');
    assert.equal(panel.brief!.next.roundTypeFrom, 'unknown');
    assert.match(panel.page!.html, /The kind of the next round is not known/);
  });
});
