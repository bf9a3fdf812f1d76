import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { CommandId, InternalCommandId, ViewId } from '../../src/constants';
import { GROUP_PAGE } from '../../src/features/sidebar/interviews-tree';
import { api, node, eventually, find, flatten, folder, read, remove, restore, run, selection, sidebarView, tree, uriOf, write, assertScriptUsed, resetClock, debriefBadge, watchRefreshes, showViews } from './helpers';

const ACME = 'Acme, Backend Engineer';
const MOVER = 'debrief/interviews/zz-mover.yaml';
const STAYER = 'debrief/interviews/zz-stayer.yaml';
const RAMBLING = 'Answers run long and lose the question';

describe('sidebar', () => {
  before(async () => {
    await api();
    await showViews();
    await eventually(async () => find(await tree(ViewId.Interviews), ACME), 'the fixture interview in the tree');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand(CommandId.ClearFilter);
    await vscode.commands.executeCommand(CommandId.GroupByOutcome);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows interviews grouped by outcome, with rounds, feedback and the weaknesses they surfaced', async () => {
    const items = await tree(ViewId.Interviews);
    const rejected = items.find((g) => g.label === 'Rejected');
    assert.ok(rejected, `a Rejected group among ${items.map((i) => i.label).join(', ')}`);
    assert.equal(rejected.contextValue, 'group');
    const acme = rejected.children?.find((c) => c.label === ACME);
    assert.ok(acme);
    assert.equal(acme.description, 'rejected · 2026-10-12', 'the outcome and the last thing that happened, the date the group is sorted by');
    assert.equal(acme.icon, 'circle-slash');
    assert.match((acme.tooltip ?? '').replace(/\\(.)/g, '$1'), /Rounds: recruiter \(2026-10-05\), behavioral \(2026-10-12\)/);
    assert.match((acme.tooltip ?? '').replace(/\\(.)/g, '$1'), /applied 2026-10-01 · last activity 2026-10-12/);
    assert.deepEqual(acme.children?.map((c) => c.label), ['Round 1: recruiter', 'Round 2: behavioral', 'Feedback', RAMBLING]);
    const [r1, , feedback, citation] = acme.children!;
    assert.equal(r1.description, '2026-10-05 · rated 4/5');
    assert.equal(feedback.description, 'not asked yet');
    assert.equal(citation.description, 'round 2 · interviewer');
    assert.equal(citation.command, 'vscode.open', 'a click opens the file at the citation');
  });

  it('shows weaknesses with their count, improvement items, notes and evidence', async () => {
    const items = await tree(ViewId.Weaknesses);
    const w = items.find((i) => i.label === RAMBLING);
    assert.ok(w);
    assert.match(w.description ?? '', /^1× · .* · confirmed$/);
    const labels = w.children?.map((c) => `${c.contextValue}:${c.label}`);
    assert.deepEqual(labels, ['improvement:Practise STAR answers out loud', `sighting:${ACME}`]);
    const item = w.children![0];
    assert.equal(item.description, 'doing · due 2026-12-01');
    assert.deepEqual(item.children?.map((n) => [n.label, n.description, n.command]), [['star-answers.md', 'notes', CommandId.OpenNote]]);
  });

  it('switches between grouping by outcome and by month', async () => {
    await vscode.commands.executeCommand(CommandId.GroupByMonth);
    const byMonth = await tree(ViewId.Interviews, 2);
    const oct = byMonth.find((g) => g.label === 'October 2026');
    assert.ok(oct, `an October 2026 group among ${byMonth.map((g) => g.label).join(', ')}`);
    assert.ok(oct.children?.some((c) => c.label === ACME));
    await vscode.commands.executeCommand(CommandId.GroupByOutcome);
    assert.ok((await tree(ViewId.Interviews, 1)).some((g) => g.label === 'Rejected'));
  });

  it('filters both views by company, outcome, tag and text', async () => {
    await vscode.commands.executeCommand(CommandId.Filter, 'company:nobody');
    assert.deepEqual(await tree(ViewId.Interviews), []);
    assert.deepEqual(await tree(ViewId.Weaknesses), []);
    await vscode.commands.executeCommand(CommandId.Filter, 'outcome:rejected');
    assert.ok(find(await tree(ViewId.Interviews), ACME));
    assert.ok(find(await tree(ViewId.Weaknesses), RAMBLING), 'a weakness cited by a matching interview stays');
    await vscode.commands.executeCommand(CommandId.Filter, 'thread');
    assert.ok(find(await tree(ViewId.Interviews), ACME), 'words match what went badly in a round');
    // The filter prompt goes through the prompter; Escape keeps the current filter.
    const { prompter } = await run(CommandId.Filter, [undefined]);
    assertScriptUsed(prompter);
    assert.ok(find(await tree(ViewId.Interviews), ACME));
    await vscode.commands.executeCommand(CommandId.ClearFilter);
    assert.ok(find(await tree(ViewId.Interviews), ACME));
  });

  it('follows files changed on disk: a new interview, one broken while edited, one broken from the start, a deletion', async () => {
    const rel = 'debrief/interviews/zz-live.yaml';
    const broken = 'debrief/interviews/zz-broken.yaml';
    try {
      await write(rel, 'id: zz-live\ncompany: Live Co\nrole: Dev\noutcome: pending\n');
      await eventually(async () => (await tree(ViewId.Interviews)).find((g) => g.label === 'Pending')?.children?.some((c) => c.label === 'Live Co, Dev'), 'the new interview under Pending');
      // Broken while being edited: the record stays where it was, as last read, marked with the problem.
      await write(rel, 'id: zz-live\ncompany: Live Co\nrole: Dev\nrole: Other\noutcome: rejected\n');
      const marked = await eventually(async () => (await tree(ViewId.Interviews)).find((g) => g.label === 'Pending')?.children?.find((c) => c.label === 'Live Co, Dev' && c.contextValue === 'interview.problem'), 'the last good record, marked');
      assert.match(marked.description ?? '', /^line 4: .*Remove or rename one of the two entries/);
      assert.equal(marked.icon, 'error');
      assert.equal(marked.command, 'vscode.open', 'a click goes to the problem');
      assert.equal(find((await tree(ViewId.Interviews)).filter((g) => g.label === 'Rejected'), 'Live Co, Dev'), undefined, 'never shown half-read, as a record the file does not hold');
      // Broken from the start: nothing to show but the problem.
      await write(broken, 'id: zz-broken\ncompany: Broken Co\ncompany: Again\n');
      const problem = await eventually(async () => (await tree(ViewId.Interviews)).find((i) => i.contextValue === 'problem' && i.label === 'zz-broken.yaml'), 'an error node');
      assert.match(problem.description ?? '', /^line 3: .*Remove or rename one of the two entries/);
      assert.equal(problem.icon, 'error');
      assert.equal(problem.command, 'vscode.open', 'a click opens the file at the problem');
      assert.ok(!flatten(await tree(ViewId.Interviews)).some((i) => i.label.startsWith('Broken Co')), 'no record made up from a file that never read');
      // Fixed: the record as written now.
      await write(rel, 'id: zz-live\ncompany: Live Co\nrole: Dev\noutcome: rejected\n');
      await eventually(async () => (await tree(ViewId.Interviews)).find((g) => g.label === 'Rejected')?.children?.some((c) => c.label === 'Live Co, Dev' && c.contextValue === 'interview'), 'the fixed record under Rejected');
      await remove(rel);
      await remove(broken);
      await eventually(async () => !flatten(await tree(ViewId.Interviews)).some((i) => i.label.startsWith('zz-') || i.label.startsWith('Live Co')), 'the deleted files to disappear');
    } finally {
      await remove(rel);
      await remove(broken);
    }
  });

  it('lists a large group a page at a time, with a row that lists more, and reveals a record beyond the page', async () => {
    const rels = Array.from({ length: GROUP_PAGE + 12 }, (_, i) => `debrief/interviews/zz-page-${String(i).padStart(3, '0')}.yaml`);
    try {
      await Promise.all(rels.map((r, i) => write(r, `id: zz-page-${String(i).padStart(3, '0')}\ncompany: Paged ${i}\nrole: Dev\noutcome: ghosted\napplied: 2020-01-01\n`)));
      const ghosted = async () => (await tree(ViewId.Interviews, 2)).find((g) => g.label === 'Ghosted');
      const group = await eventually(async () => ((await ghosted())?.description === String(rels.length) ? ghosted() : undefined), 'every paged interview in the Ghosted group');
      assert.equal(group!.children!.length, GROUP_PAGE + 1, 'a page of rows and the row that lists more');
      const more = group!.children!.at(-1)!;
      assert.equal(more.label, 'Show more (12 not listed)');
      assert.equal(more.command, InternalCommandId.ShowMore);
      const { tree: t } = await sidebarView(ViewId.Interviews);
      const groupNode = (await t.getChildren())!.find((n) => n.kind === 'group' && n.key === 'outcome:ghosted')!;
      const moreNode = (await t.getChildren(groupNode))!.at(-1)!;
      await vscode.commands.executeCommand(InternalCommandId.ShowMore, moreNode);
      assert.equal((await ghosted())!.children!.length, rels.length, 'every row listed after one click');
      // Grouped by month, the same interviews make a new group, a page long: revealing the last one lists it.
      await vscode.commands.executeCommand(CommandId.GroupByMonth);
      const last = `Paged ${rels.length - 1}, Dev`;
      await vscode.commands.executeCommand(InternalCommandId.Reveal, uriOf(rels.at(-1)!));
      await eventually(async () => (await selection(ViewId.Interviews)).includes(last), 'the last interview revealed and selected');
      assert.ok((await tree(ViewId.Interviews, 2)).find((g) => g.label === 'January 2020')?.children?.some((c) => c.label === last));
    } finally {
      await vscode.commands.executeCommand(CommandId.GroupByOutcome);
      await Promise.all(rels.map((r) => remove(r)));
    }
  });

  it('marks overdue items and counts them in the badge, once', async () => {
    const before = await read('debrief/weaknesses.yaml');
    try {
      const { prompter } = await run(CommandId.SetDueDate, ['Practise STAR answers out loud', '2020-01-15']);
      assertScriptUsed(prompter);
      assert.match((await read('debrief/weaknesses.yaml'))!, /due: 2020-01-15/);
      const item = find(await tree(ViewId.Weaknesses), 'Practise STAR answers out loud');
      assert.equal(item?.description, 'doing · overdue since 2020-01-15');
      assert.equal(item?.contextValue, 'improvement.overdue');
      const due = (await api()).parts.reminders!;
      const badge = await eventually(async () => {
        const b = await debriefBadge();
        return b.overdue === 1 ? b : undefined;
      }, 'the badge to count the overdue item');
      assert.equal(badge!.value, due.reminders.length, 'an overdue item is one of the things due, counted once');
    } finally {
      await restore('debrief/weaknesses.yaml', before);
    }
    await eventually(async () => (await debriefBadge()).overdue === 0, 'the badge to clear once the date is restored');
  });

  it('follows the clock: an item becomes overdue the day after its due date', async () => {
    const debrief = await api();
    try {
      // The fixture's "Practise STAR answers out loud" is due 2026-12-01.
      debrief.setToday('2026-12-01');
      await eventually(async () => (await debriefBadge()).overdue === 0, 'no overdue item on the due date');
      assert.doesNotMatch(String(find(await tree(ViewId.Weaknesses), 'Practise STAR answers out loud')?.description), /overdue/);
      debrief.setToday('2026-12-02');
      await eventually(async () => (await debriefBadge()).overdue === 1, 'the item to be overdue the next day');
      assert.match(String(find(await tree(ViewId.Weaknesses), 'Practise STAR answers out loud')?.description), /overdue since 2026-12-01/);
    } finally {
      await resetClock();
    }
  });

  it('refreshes only the interview that changed, the groups it moved between, or the view when a group comes or goes', async () => {
    const rel = 'debrief/interviews/acme-backend.yaml';
    const before = await read(rel);
    const a = await api();
    const refreshes = await watchRefreshes(ViewId.Interviews);
    try {
      await a.settle();
      refreshes.take();
      await write(rel, before!.replace('rating: 4', 'rating: 5'));
      await eventually(async () => find(await tree(ViewId.Interviews), 'Round 1: recruiter')?.description === '2026-10-05 · rated 5/5', 'the new rating in the tree');
      // Other tests' files may still be settling: look at what this file's change refreshed.
      const mine = () => refreshes.take().filter((r) => r.endsWith(` <- ${rel}`));
      const first = mine();
      assert.ok(first.length > 0, 'the change refreshed something');
      assert.deepEqual([...new Set(first)], [`${rel} <- ${rel}`], 'only the changed interview was refreshed');
      await write(rel, before!.replace('outcome: rejected', 'outcome: offer'));
      await eventually(async () => (await tree(ViewId.Interviews)).find((g) => g.label === 'Offer'), 'the interview in the Offer group');
      assert.ok(mine().includes(`* <- ${rel}`), 'a move that makes a new group refreshes the view');
      await restore(rel, before);
      // Moving between groups that stay: only those two groups are sent again.
      await write(MOVER, 'id: zz-mover\ncompany: Mover\nrole: Dev\noutcome: pending\n');
      await write(STAYER, 'id: zz-stayer\ncompany: Stayer\nrole: Dev\noutcome: pending\n');
      await eventually(async () => find(await tree(ViewId.Interviews), 'Mover, Dev') && find(await tree(ViewId.Interviews), 'Stayer, Dev'), 'the two new interviews');
      await a.settle();
      refreshes.take();
      await write(MOVER, 'id: zz-mover\ncompany: Mover\nrole: Dev\noutcome: rejected\n');
      await eventually(async () => (await tree(ViewId.Interviews)).find((g) => g.label === 'Rejected')?.children?.some((c) => c.label === 'Mover, Dev'), 'Mover under Rejected');
      const moved = refreshes.take().filter((r) => r.endsWith(` <- ${MOVER}`));
      assert.deepEqual([...new Set(moved)].sort(), [`outcome:pending <- ${MOVER}`, `outcome:rejected <- ${MOVER}`], 'the group it left and the group it joined, nothing else');
      assert.equal((await tree(ViewId.Interviews)).find((g) => g.label === 'Pending')?.children?.some((c) => c.label === 'Mover, Dev'), false);
    } finally {
      refreshes.dispose();
      await restore(rel, before);
      await remove(MOVER);
      await remove(STAYER);
    }
    await eventually(async () => (await tree(ViewId.Interviews)).find((g) => g.label === 'Rejected'), 'the fixture restored');
  });

  it('rebuilds the Weaknesses view only when a row the window holds would show differently', async () => {
    const rel = 'debrief/interviews/acme-backend.yaml';
    const before = await read(rel);
    const a = await api();
    const refreshes = await watchRefreshes(ViewId.Weaknesses);
    try {
      await a.settle();
      // This listing stands for the window's: the window lists a view again a moment after each rebuild,
      // which would take the renamed row below without one (the tests' clearing an empty filter rebuilds nothing).
      assert.ok(find(await tree(ViewId.Weaknesses), ACME), 'the Acme interview is evidence of a weakness');
      refreshes.take();
      // A rating shows nowhere in the Weaknesses view: nothing is sent again.
      await write(rel, before!.replace('rating: 4', 'rating: 5'));
      await eventually(async () => find(await tree(ViewId.Interviews), 'Round 1: recruiter')?.description === '2026-10-05 · rated 5/5', 'the new rating in the Interviews view');
      await a.settle();
      assert.ok(a.parts.sidebar?.weaknesses.view.visible, 'the Weaknesses view is shown');
      await a.parts.sidebar.weaknesses.tree.whenChecked();
      assert.deepEqual(refreshes.take().filter((r) => r.endsWith(` <- ${rel}`)), [], 'the Weaknesses view was not rebuilt');
      // The company shows in the evidence rows: the view shows the new name (rebuilt for it, unless the
      // window listed the view again since the last rebuild and took the new row then: VS Code's timing).
      await write(rel, before!.replace('company: Acme', 'company: Acme Renamed'));
      await eventually(() => a.services.store.journalOf(folder())!.index.interview('acme-backend')?.company === 'Acme Renamed', 'the renamed company read');
      await a.settle();
      await a.parts.sidebar.weaknesses.tree.whenChecked();
      const rebuilt = refreshes.take().includes(`* <- ${rel}`);
      assert.ok(rebuilt || a.parts.sidebar.weaknesses.tree.holdsRow('Acme Renamed, Backend Engineer'), 'the window is told of the renamed row, or holds it already');
      assert.ok(find(await tree(ViewId.Weaknesses), 'Acme Renamed, Backend Engineer'), 'the renamed evidence row');
    } finally {
      refreshes.dispose();
      await restore(rel, before);
    }
    await eventually(async () => find(await tree(ViewId.Weaknesses), ACME), 'the fixture restored');
  });
  it('shows every weakness that reads around one missing ]: the broken one as an error row in place, as last read; study notes still open', async () => {
    const rel = 'debrief/weaknesses.yaml';
    const before = await read(rel);
    const more = (close: string) => `${before}  - id: sql-joins\n    title: SQL joins\n    tags: [sql, databases${close}\n  - id: system-design\n    title: System design breadth\n`;
    const rows = async () => (await tree(ViewId.Weaknesses)).map((i) => `${i.contextValue}:${i.label}`).sort();
    try {
      await write(rel, more(']'));
      await eventually(async () => (await rows()).includes('weakness:SQL joins'), 'SQL joins read');
      await write(rel, more(''));
      const broken = await eventually(async () => (await tree(ViewId.Weaknesses)).find((i) => i.label === 'SQL joins' && i.contextValue === 'problem.weakness'), 'SQL joins as last read, marked');
      assert.deepEqual(await rows(), ['problem.weakness:SQL joins', `weakness:${RAMBLING}`, 'weakness:System design breadth'], 'every other weakness still listed');
      assert.equal(broken.description, 'line 16: The list opened with "[" on line 16, column 11 is never closed. Add "]" after its last item.');
      assert.equal(broken.icon, 'error');
      assert.equal(broken.command, 'vscode.open', 'a click goes to the problem');
      assert.match((broken.tooltip ?? '').replace(/\\(.)/g, '$1'), /Line 16, column 11: The list opened/);
      // The weaknesses that read keep their items and notes, and their actions.
      const note = await node(ViewId.Weaknesses, RAMBLING, 'Practise STAR answers out loud', 'star-answers.md');
      await vscode.commands.executeCommand(CommandId.OpenNote, note);
      await eventually(() => vscode.window.activeTextEditor?.document.uri.toString() === uriOf('notes/star-answers.md').toString(), 'the study note open');
      // The cursor in the broken part selects its row.
      const doc = await vscode.workspace.openTextDocument(uriOf(rel));
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(15, 4, 15, 4) });
      await eventually(async () => (await selection(ViewId.Weaknesses)).includes('SQL joins'), 'the broken row selected');
      // Fixed: the weakness reads again.
      await write(rel, more(']'));
      await eventually(async () => (await rows()).includes('weakness:SQL joins'), 'SQL joins read again');
    } finally {
      await restore(rel, before);
    }
    await eventually(async () => !(await rows()).some((r) => r.endsWith('SQL joins')), 'the fixture restored');
  });

  it('shows a part of weaknesses.yaml that never read by the id written on its lines, else as the lines it holds', async () => {
    const rel = 'debrief/weaknesses.yaml';
    const before = await read(rel);
    try {
      await write(rel, `${before}  - id: sql-joins\n    tags: [sql\n`);
      const named = await eventually(async () => (await tree(ViewId.Weaknesses)).find((i) => i.contextValue === 'problem.weakness' && i.label === 'sql-joins (lines 14-15)'), 'an error row named by its id');
      assert.match(named.description ?? '', /^line 15: The list opened with "\[" on line 15/);
      assert.ok(find(await tree(ViewId.Weaknesses), RAMBLING), 'the weakness that reads is listed');
      await write(rel, `${before}  - title: SQL joins\n    tags: [sql\n`);
      await eventually(async () => (await tree(ViewId.Weaknesses)).find((i) => i.contextValue === 'problem.weakness' && i.label === 'weaknesses.yaml, lines 14-15'), 'an error row named by its lines');
    } finally {
      await restore(rel, before);
    }
  });
});
