import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { CommandId, ViewId } from '../../src/constants';
import { api, eventually, find, flatten, read, remove, restore, run, tree, write, assertScriptUsed, resetClock, overdueBadge, watchRefreshes, showViews } from './helpers';

const ACME = 'Acme, Backend Engineer';
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
    assert.equal(acme.description, 'rejected · 2026-10-01');
    assert.equal(acme.icon, 'circle-slash');
    assert.match((acme.tooltip ?? '').replace(/\\(.)/g, '$1'), /Rounds: recruiter \(2026-10-05\), behavioral \(2026-10-12\)/);
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

  it('follows files changed on disk: a new interview, a broken one as an error node, a deletion', async () => {
    const rel = 'debrief/interviews/zz-live.yaml';
    try {
      await write(rel, 'id: zz-live\ncompany: Live Co\nrole: Dev\noutcome: pending\n');
      await eventually(async () => (await tree(ViewId.Interviews)).find((g) => g.label === 'Pending')?.children?.some((c) => c.label === 'Live Co, Dev'), 'the new interview under Pending');
      await write(rel, 'id: zz-live\ncompany: Live Co\nrole: Dev\nrole: Other\n');
      const problem = await eventually(async () => (await tree(ViewId.Interviews)).find((i) => i.contextValue === 'problem' && i.label === 'zz-live.yaml'), 'an error node');
      assert.match(problem.description ?? '', /^line 4: .*Remove or rename one of the two entries/);
      assert.equal(problem.icon, 'error');
      assert.equal(problem.command, 'vscode.open', 'a click opens the file at the problem');
      assert.equal(find(await tree(ViewId.Interviews), 'Live Co, Dev'), undefined, 'never shown half as a record');
      await remove(rel);
      await eventually(async () => !flatten(await tree(ViewId.Interviews)).some((i) => i.label.startsWith('zz-live') || i.label.startsWith('Live Co')), 'the deleted file to disappear');
    } finally {
      await remove(rel);
    }
  });

  it('marks overdue items and counts them in the badge', async () => {
    const before = await read('debrief/weaknesses.yaml');
    try {
      const { prompter } = await run(CommandId.SetDueDate, ['Practise STAR answers out loud', '2020-01-15']);
      assertScriptUsed(prompter);
      assert.match((await read('debrief/weaknesses.yaml'))!, /due: 2020-01-15/);
      const item = find(await tree(ViewId.Weaknesses), 'Practise STAR answers out loud');
      assert.equal(item?.description, 'doing · overdue since 2020-01-15');
      assert.equal(item?.contextValue, 'improvement.overdue');
      assert.equal(await overdueBadge(), 1);
    } finally {
      await restore('debrief/weaknesses.yaml', before);
    }
    await eventually(async () => (await overdueBadge()) === 0, 'the badge to clear once the date is restored');
  });

  it('follows the clock: an item becomes overdue the day after its due date', async () => {
    const debrief = await api();
    try {
      // The fixture's "Practise STAR answers out loud" is due 2026-12-01.
      debrief.setToday('2026-12-01');
      await eventually(async () => (await overdueBadge()) === 0, 'no overdue item on the due date');
      assert.doesNotMatch(String(find(await tree(ViewId.Weaknesses), 'Practise STAR answers out loud')?.description), /overdue/);
      debrief.setToday('2026-12-02');
      await eventually(async () => (await overdueBadge()) === 1, 'the item to be overdue the next day');
      assert.match(String(find(await tree(ViewId.Weaknesses), 'Practise STAR answers out loud')?.description), /overdue since 2026-12-01/);
    } finally {
      await resetClock();
    }
  });

  it('refreshes only the interview that changed, unless it moved to another group', async () => {
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
      assert.ok(mine().includes(`* <- ${rel}`), 'a move between groups refreshes the view');
    } finally {
      refreshes.dispose();
      await restore(rel, before);
    }
    await eventually(async () => (await tree(ViewId.Interviews)).find((g) => g.label === 'Rejected'), 'the fixture restored');
  });
});
