import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { CommandId, READ_ONLY_SCHEME, SettingId, ViewId } from '../../src/constants';

import { api, assertScriptUsed, eventually, find, node, read, remove, restore, run, tree, uriOf, write, SUITE_TODAY, selection, showViews, ScriptedPrompter } from './helpers';
import type { PickItem } from '../../src/services/prompter';

const ACME_FILE = 'debrief/interviews/acme-backend.yaml';
const WEAKNESSES = 'debrief/weaknesses.yaml';
const ACME = 'Acme, Backend Engineer';
const RAMBLING = 'Answers run long and lose the question';
const STAR = 'Practise STAR answers out loud';

/** Saves the fixture journal files before each test and puts them back after. */
function keepFixtures(...files: string[]): void {
  const saved = new Map<string, string | undefined>();
  beforeEach(async () => {
    for (const f of files) saved.set(f, await read(f));
  });
  afterEach(async () => {
    for (const [f, text] of saved) await restore(f, text);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
}

const lines = (text: string | undefined) => (text ?? '').split('\n');

/** Lines of `after` that are not in `before` (a rough diff, enough to show an edit stayed minimal). */
function added(before: string | undefined, after: string | undefined): string[] {
  const old = new Set(lines(before));
  return lines(after).filter((l) => !old.has(l));
}

describe('commands', () => {
  before(async () => {
    await api();
    await showViews();
    await eventually(async () => find(await tree(ViewId.Interviews), ACME), 'the fixture in the tree');
  });

  describe('Record Interview', () => {
    const NEW_FILE = 'debrief/interviews/globex-platform-engineer.yaml';
    keepFixtures(WEAKNESSES, NEW_FILE);
    const answers = ['Globex', 'Platform Engineer', '2026-11-02', 'coding', 'Hank Scorpio', 'pending', '3', 'Froze on the caching follow-up', [RAMBLING, '$(add) New weakness…'], 'Shaky on caching'];

    it('asks step by step, writes the interview and the new weakness, and shows it in the tree', async () => {
      const weaknessesBefore = await read(WEAKNESSES);
      const { result, prompter } = await run<vscode.Uri>(CommandId.RecordInterview, answers);
      assertScriptUsed(prompter);
      assert.equal(result?.toString(), uriOf(NEW_FILE).toString());
      const data = parse((await read(NEW_FILE))!);
      assert.equal(data.id, 'globex-platform-engineer');
      assert.equal(data.company, 'Globex');
      assert.equal(data.outcome, 'pending');
      assert.deepEqual(data.rounds, [{ type: 'coding', date: '2026-11-02', interviewers: ['Hank Scorpio'], rating: 3, 'went-badly': 'Froze on the caching follow-up' }]);
      assert.equal(data.stage, undefined, 'the stage is worked out from the rounds, never written as applied');
      assert.deepEqual(data.weaknesses, [
        { weakness: 'rambling-answers', round: 1, source: 'self' },
        { weakness: 'shaky-on-caching', round: 1, source: 'self' },
      ]);
      // The new weakness was appended; everything that was there stays byte for byte.
      const after = (await read(WEAKNESSES))!;
      assert.ok(after.startsWith(weaknessesBefore!.trimEnd()), 'the existing text is kept');
      assert.deepEqual(parse(after).weaknesses.map((w: { id: string }) => w.id), ['rambling-answers', 'shaky-on-caching']);
      const pending = (await tree(ViewId.Interviews)).find((g) => g.label === 'Pending');
      const item = pending?.children?.find((c) => c.label === 'Globex, Platform Engineer');
      assert.ok(item, 'the new interview is in the Pending group');
      assert.deepEqual(item.children?.map((c) => c.label), ['Round 1: coding', 'Feedback', RAMBLING, 'Shaky on caching']);
      assert.match(prompter.notices.join('\n'), /Recorded Globex, Platform Engineer/);
    });

    it('writes nothing when Escape is pressed at any step', async () => {
      const weaknessesBefore = await read(WEAKNESSES);
      for (let step = 0; step < answers.length; step++) {
        const script = [...answers.slice(0, step), undefined];
        const { result, prompter } = await run(CommandId.RecordInterview, script);
        assertScriptUsed(prompter);
        assert.equal(result, undefined, `Escape at step ${step + 1}`);
        assert.equal(await read(NEW_FILE), undefined, `no interview file after Escape at step ${step + 1}`);
        assert.equal(await read(WEAKNESSES), weaknessesBefore, `weaknesses.yaml unchanged after Escape at step ${step + 1}`);
      }
    });

    it('starts a journal from nothing: the folders and weaknesses.yaml are created', async () => {
      const config = () => vscode.workspace.getConfiguration(undefined, uriOf('.'));
      await config().update(SettingId.JournalFolder, 'fresh/journal', vscode.ConfigurationTarget.Workspace);
      try {
        const { result, prompter } = await run<vscode.Uri>(CommandId.RecordInterview, ['Initrode', 'Dev', '2026-11-03', 'No round yet', 'pending', ['$(add) New weakness…'], 'Nervous start']);
        assert.match(prompter.asked.join('\n'), /Record Interview 6\/6/, 'without a round, six steps');
        assertScriptUsed(prompter);
        assert.equal(result?.toString(), uriOf('fresh/journal/interviews/initrode-dev.yaml').toString());
        const data = parse((await read('fresh/journal/interviews/initrode-dev.yaml'))!);
        assert.equal(data.applied, '2026-11-03', 'without a round, the date is the application date');
        assert.deepEqual(data.weaknesses, [{ weakness: 'nervous-start', source: 'self' }]);
        assert.deepEqual(parse((await read('fresh/journal/weaknesses.yaml'))!).weaknesses, [{ id: 'nervous-start', title: 'Nervous start', status: 'suspected' }]);
        await eventually(async () => find(await tree(ViewId.Interviews), 'Initrode, Dev'), 'the new journal in the tree');
      } finally {
        await config().update(SettingId.JournalFolder, undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.workspace.fs.delete(uriOf('fresh'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      }
      await eventually(async () => find(await tree(ViewId.Interviews), ACME), 'the fixture journal back in the tree');
    });

    it('rejects an impossible date with a message that says how to write it', async () => {
      const { result, prompter } = await run(CommandId.RecordInterview, ['Globex', 'Platform Engineer', '2026-02-30']);
      assert.equal(result, undefined);
      assert.deepEqual(prompter.validationErrors, ['Write a real date as YYYY-MM-DD, e.g. 2026-03-14.']);
      assert.equal(await read(NEW_FILE), undefined);
    });
  });

  describe('interview commands', () => {
    keepFixtures(ACME_FILE, WEAKNESSES);

    it('Set Outcome changes one line and keeps the rest of the file', async () => {
      const before = await read(ACME_FILE);
      const { result, prompter } = await run(CommandId.SetOutcome, [ACME, 'offer']);
      assertScriptUsed(prompter);
      assert.equal(result, true);
      const after = await read(ACME_FILE);
      assert.deepEqual(added(before, after), ['outcome: offer']);
      assert.equal(lines(after).length, lines(before).length);
      assert.equal(find(await tree(ViewId.Interviews), ACME)?.icon, 'star-full');
    });

    it('edits an open file with unsaved changes as the user sees it, and leaves it unsaved', async () => {
      const before = await read(ACME_FILE);
      const editor = await vscode.window.showTextDocument(uriOf(ACME_FILE));
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# typed but not saved\n'));
      const { prompter } = await run(CommandId.SetOutcome, [ACME, 'withdrawn']);
      assertScriptUsed(prompter);
      assert.equal(editor.document.isDirty, true, 'the file stays unsaved');
      assert.match(editor.document.getText(), /^# typed but not saved\n/);
      assert.match(editor.document.getText(), /^outcome: withdrawn$/m);
      assert.equal(await read(ACME_FILE), before, 'the disk is untouched until the user saves');
      // Undo takes the command's change back, keeping what was typed.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.match(editor.document.getText(), /^outcome: rejected$/m);
      assert.match(editor.document.getText(), /^# typed but not saved\n/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('never rewrites a file that does not parse: not offered, and refused before any question when given', async () => {
      const rel = 'debrief/interviews/zz-dup.yaml';
      const text = 'id: zz-dup\ncompany: Dup Co\nrole: Dev\nrole: Dev again\n';
      try {
        await write(rel, text);
        await eventually(async () => find(await tree(ViewId.Interviews), 'zz-dup.yaml'), 'the broken file as an error node');
        const picked = await run(CommandId.SetOutcome, [undefined]);
        assertScriptUsed(picked.prompter);
        assert.deepEqual(picked.prompter.offered[0], [ACME], 'only the interview that reads is offered');
        const given = await run(CommandId.SetOutcome, [], uriOf(rel));
        assertScriptUsed(given.prompter);
        assert.equal(given.result, false);
        assert.deepEqual(given.prompter.asked, [], 'nothing asked');
        assert.match(given.prompter.shownErrors[0] ?? '', /^Debrief cannot change debrief\/interviews\/zz-dup\.yaml until the mistake on line 4 is fixed: it never rewrites a file it could not read whole\. debrief\/interviews\/zz-dup\.yaml:4:1: .*Remove or rename one of the two entries/);
        assert.equal(await read(rel), text);
      } finally {
        await remove(rel);
      }
    });

    it('Add Round appends a round, with its start time in the user\'s time zone', async () => {
      (await api()).setTimeZone('America/Chicago');
      try {
        const { prompter } = await run(CommandId.AddRound, [ACME, 'system-design', '2026-10-20', '2:30pm', 'Dana', '2', 'Drew the data flow first', 'Did not estimate load']);
        assertScriptUsed(prompter);
        const data = parse((await read(ACME_FILE))!);
        assert.deepEqual(data.rounds[2], { type: 'system-design', date: '2026-10-20', time: '14:30', timezone: 'America/Chicago', interviewers: ['Dana'], rating: 2, 'went-well': 'Drew the data flow first', 'went-badly': 'Did not estimate load' });
        assert.equal(data.rounds.length, 3);
      } finally {
        (await api()).setTimeZone(undefined);
      }
    });

    it('Draft Feedback Request opens a specific draft and writes nothing', async () => {
      const before = await read(ACME_FILE);
      const { result, prompter } = await run<vscode.TextDocument>(CommandId.DraftFeedbackRequest, [ACME]);
      assertScriptUsed(prompter);
      assert.ok(result);
      assert.equal(result.uri.scheme, READ_ONLY_SCHEME, 'a read-only page, never an unsaved document');
      assert.equal(result.isDirty, false);
      assert.match(result.getText(), /^Subject: Acme, Backend Engineer: a short request for feedback$/m, 'the company in the subject');
      assert.match(result.getText(), /behavioral interview for the Backend Engineer role at Acme on 12 October, and for letting me know your decision\./, 'a human date');
      assert.match(result.getText(), /long answers, lost the thread twice\. Was that what weighed most in the decision/);
      assert.equal(vscode.window.activeTextEditor?.document, result);
      assert.equal(await read(ACME_FILE), before, 'drafting records nothing');
      assert.match(prompter.notices.join('\n'), /then press Mark as Sent/);
      assert.equal(prompter.shownUntil.length, 1, 'the message stays while the draft waits');
      // Save a Copy: the page to a file of the user's choosing, the same text.
      const COPY = 'acme-feedback-request.md';
      try {
        const copy = await run<vscode.Uri>(CommandId.SaveCopy, [COPY]);
        assertScriptUsed(copy.prompter);
        assert.equal(copy.result?.toString(), uriOf(COPY).toString());
        assert.equal(await read(COPY), result.getText());
      } finally {
        await remove(COPY);
      }
      // Closed without a question: nothing to save. The message goes with the draft.
      await vscode.window.showTextDocument(result);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await eventually(() => result.isClosed || !vscode.window.visibleTextEditors.some((e) => e.document === result), 'the draft to close');
      await eventually(() => prompter.shownUntil.length === 0, 'the message to go away with the draft');
    });

    it('Draft Feedback Request: its message goes away once the request is marked as sent', async () => {
      const before = await read(ACME_FILE);
      try {
        const draft = await run<vscode.TextDocument>(CommandId.DraftFeedbackRequest, [ACME]);
        assert.equal(draft.prompter.shownUntil.length, 1);
        // Mark as Sent, from the draft's editor title: no question about which interview.
        const marked = await run(CommandId.MarkFeedbackSent, [SUITE_TODAY], draft.result!.uri);
        assertScriptUsed(marked.prompter);
        assert.equal(parse((await read(ACME_FILE))!).feedback.requested, SUITE_TODAY);
        await eventually(() => draft.prompter.shownUntil.length === 0, 'the message to go away once marked');
        await vscode.window.showTextDocument(draft.result!);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await restore(ACME_FILE, before);
      }
    });

    it('Mark Feedback Request as Sent records the date (today by the journal\'s clock, or the one given)', async () => {
      const { prompter } = await run(CommandId.MarkFeedbackSent, [ACME, SUITE_TODAY]);
      assertScriptUsed(prompter);
      assert.equal(parse((await read(ACME_FILE))!).feedback.requested, SUITE_TODAY);
      await eventually(async () => find(await tree(ViewId.Interviews), ACME)?.description === `rejected · ${SUITE_TODAY} · awaiting feedback`, 'the tree to show the request awaiting a reply, dated by it');
      assert.match(prompter.asked[1], /When did you send it to Acme/);
    });

    it('Draft Feedback Request offers only applications that ended, never an offer or a pending one', async () => {
      const rel = 'debrief/interviews/zz-offer.yaml';
      try {
        await write(rel, 'id: zz-offer\ncompany: Offer Co\nrole: Dev\noutcome: offer\n');
        await eventually(async () => find(await tree(ViewId.Interviews), 'Offer Co, Dev'), 'the offer in the tree');
        const p = new ScriptedPrompter([ACME]);
        let offered: string[] = [];
        p.pick = async <T>(items: readonly PickItem<T>[]) => {
          offered = items.map((i) => i.label);
          return items.find((i) => i.label === ACME)?.value;
        };
        (await api()).setPrompter(p);
        await vscode.commands.executeCommand(CommandId.DraftFeedbackRequest);
        assert.ok(offered.includes(ACME));
        assert.ok(!offered.includes('Offer Co, Dev'), `offered: ${offered.join(', ')}`);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      } finally {
        (await api()).setPrompter(undefined);
        await remove(rel);
      }
    });

    it('Record Feedback writes nothing when Escape is pressed at any step', async () => {
      const before = await read(ACME_FILE);
      const weaknessesBefore = await read(WEAKNESSES);
      const answers = [ACME, 'Too long', 'Quote', '2026-10-25', ['$(add) New weakness…'], 'No structure'];
      for (let step = 0; step < answers.length; step++) {
        const { result, prompter } = await run(CommandId.RecordFeedback, [...answers.slice(0, step), undefined]);
        assertScriptUsed(prompter);
        assert.equal(result, false, `Escape at step ${step + 1}`);
        assert.equal(await read(ACME_FILE), before);
        assert.equal(await read(WEAKNESSES), weaknessesBefore);
      }
    });

    it('Record Feedback writes the summary, the quotes and the weaknesses it points to', async () => {
      const { prompter } = await run(CommandId.RecordFeedback, [ACME, 'Strong coding, answers too long', 'Get to the point | Lost the thread', '2026-10-25', ['$(add) New weakness…'], 'No structure in answers']);
      assertScriptUsed(prompter);
      const data = parse((await read(ACME_FILE))!);
      assert.deepEqual(data.feedback, { received: '2026-10-25', summary: 'Strong coding, answers too long', quotes: ['Get to the point', 'Lost the thread'] });
      assert.deepEqual(data.weaknesses.at(-1), { weakness: 'no-structure-in-answers', source: 'interviewer' });
      assert.ok(parse((await read(WEAKNESSES))!).weaknesses.some((w: { id: string }) => w.id === 'no-structure-in-answers'));
    });
  });

  describe('weakness and improvement commands', () => {
    keepFixtures(ACME_FILE, WEAKNESSES, 'notes/practise-star-answers-out-loud.md');

    it('Add Weakness appends a weakness with its category', async () => {
      const { result, prompter } = await run(CommandId.AddWeakness, ['Weak on estimates', 'system-design', '']);
      assertScriptUsed(prompter);
      assert.equal(result, 'weak-on-estimates');
      const w = parse((await read(WEAKNESSES))!).weaknesses[1];
      assert.deepEqual(w, { id: 'weak-on-estimates', title: 'Weak on estimates', category: 'system-design', status: 'suspected' });
      assert.ok(find(await tree(ViewId.Weaknesses), 'Weak on estimates'));
    });

    it('Rename Weakness renames it and every citation follows', async () => {
      const { prompter } = await run(CommandId.RenameWeakness, [RAMBLING, 'long-answers']);
      assertScriptUsed(prompter);
      assert.equal(parse((await read(WEAKNESSES))!).weaknesses[0].id, 'long-answers');
      assert.equal(parse((await read(ACME_FILE))!).weaknesses[0].weakness, 'long-answers');
      const w = find(await tree(ViewId.Weaknesses), RAMBLING);
      assert.match(w?.description ?? '', /^1× /, 'the evidence still counts');
    });

    it('Rename Weakness refuses an id that is taken or malformed', async () => {
      const before = await read(WEAKNESSES);
      await run(CommandId.AddWeakness, ['Other', 'Skip', '']);
      const { prompter } = await run(CommandId.RenameWeakness, [RAMBLING, 'Bad Id']);
      const { prompter: p2 } = await run(CommandId.RenameWeakness, [RAMBLING, 'other']);
      assert.match(prompter.validationErrors[0], /lowercase letters, digits and dashes/);
      assert.match(p2.validationErrors[0], /"other" is already a weakness id/);
      assert.notEqual(await read(WEAKNESSES), before, 'Add Weakness wrote');
      assert.equal(parse((await read(WEAKNESSES))!).weaknesses[0].id, 'rambling-answers');
    });

    it('Set Weakness Status, Add Improvement Item, Set Improvement Status', async () => {
      assertScriptUsed((await run(CommandId.SetWeaknessStatus, [RAMBLING, 'improving'])).prompter);
      const add = await run<string>(CommandId.AddImprovement, [RAMBLING, 'Record myself answering', '2026-12-20', 'Answers under two minutes']);
      assertScriptUsed(add.prompter);
      assert.equal(add.result, 'record-myself-answering');
      assertScriptUsed((await run(CommandId.SetImprovementStatus, [STAR, 'done'])).prompter);
      const w = parse((await read(WEAKNESSES))!).weaknesses[0];
      assert.equal(w.status, 'improving');
      assert.equal(w.improvements[0].status, 'done');
      assert.equal(w.improvements[0].done, SUITE_TODAY);
      assert.deepEqual(w.improvements[1], { id: 'record-myself-answering', action: 'Record myself answering', status: 'todo', due: '2026-12-20', 'done-when': 'Answers under two minutes' });
      const item = find(await tree(ViewId.Weaknesses), STAR);
      assert.equal(item?.icon, 'pass');
    });

    it('Link Study Note creates a note from the template and links it; Unlink removes the link only', async () => {
      const note = 'notes/practise-star-answers-out-loud.md';
      const { result, prompter } = await run<string>(CommandId.LinkNote, [STAR, '$(new-file) New note from a template…', STAR]);
      assertScriptUsed(prompter);
      assert.equal(result, note);
      const text = await read(note);
      assert.match(text ?? '', /^# Practise STAR answers out loud\n/);
      assert.match(text ?? '', /Weakness: Answers run long and lose the question \(`rambling-answers`\)/);
      assert.deepEqual(parse((await read(WEAKNESSES))!).weaknesses[0].improvements[0].notes, ['notes/star-answers.md', note]);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(note).toString(), 'the new note opens');
      const unlink = await run(CommandId.UnlinkNote, [STAR, note]);
      assertScriptUsed(unlink.prompter);
      assert.deepEqual(parse((await read(WEAKNESSES))!).weaknesses[0].improvements[0].notes, ['notes/star-answers.md']);
      assert.ok(await read(note), 'the note file stays');
    });

    it('Link Study Note links an existing Markdown file', async () => {
      await write('notes/practise-star-answers-out-loud.md', '# Existing\n');
      // The command offers the notes the store has seen: wait until its watcher has reported the new one.
      const { services } = await api();
      await eventually(() => services.notes.markdownFiles(services.store.journalOf(vscode.workspace.workspaceFolders![0])!).includes('notes/practise-star-answers-out-loud.md'), 'the new note among the Markdown files the store knows');
      const { prompter } = await run(CommandId.LinkNote, [STAR, 'notes/practise-star-answers-out-loud.md']);
      assertScriptUsed(prompter);
      assert.deepEqual(parse((await read(WEAKNESSES))!).weaknesses[0].improvements[0].notes, ['notes/star-answers.md', 'notes/practise-star-answers-out-loud.md']);
      const items = find(await tree(ViewId.Weaknesses), STAR)?.children?.map((c) => c.label);
      assert.deepEqual(items, ['star-answers.md', 'practise-star-answers-out-loud.md']);
    });

    it('Unlink Study Note from the palette says so when no item links a note', async () => {
      assertScriptUsed((await run(CommandId.UnlinkNote, [STAR, 'notes/star-answers.md'])).prompter);
      assert.deepEqual(parse((await read(WEAKNESSES))!).weaknesses[0].improvements[0].notes, [], 'an emptied list stays as []');
      const { result, prompter } = await run(CommandId.UnlinkNote, []);
      assertScriptUsed(prompter);
      assert.equal(result, false);
      assert.deepEqual(prompter.notices, ['No improvement item links a study note.']);
    });
  });

  describe('item commands', () => {
    keepFixtures(ACME_FILE, WEAKNESSES);

    const activeLine = () => {
      const ed = vscode.window.activeTextEditor;
      assert.ok(ed, 'an editor is open');
      return { uri: ed.document.uri.toString(), text: ed.document.lineAt(ed.selection.active.line).text };
    };

    it('Open Source opens the record at its line', async () => {
      await vscode.commands.executeCommand(CommandId.OpenSource, await node(ViewId.Interviews, 'Rejected', ACME, RAMBLING));
      assert.deepEqual(activeLine(), { uri: uriOf(ACME_FILE).toString(), text: '  - weakness: rambling-answers' });
      await vscode.commands.executeCommand(CommandId.OpenSource, await node(ViewId.Weaknesses, RAMBLING, STAR));
      assert.deepEqual(activeLine(), { uri: uriOf(WEAKNESSES).toString(), text: '      - id: star-practice' });
    });

    it('Open Study Note opens the linked note', async () => {
      await vscode.commands.executeCommand(CommandId.OpenNote, await node(ViewId.Weaknesses, RAMBLING, STAR, 'star-answers.md'));
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf('notes/star-answers.md').toString());
    });

    it('Delete asks first, says what still refers to the record, and writes nothing when declined', async () => {
      const before = await read(WEAKNESSES);
      const { result, prompter } = await run(CommandId.Delete, [false], await node(ViewId.Weaknesses, RAMBLING));
      assertScriptUsed(prompter);
      assert.equal(result, false);
      assert.match(prompter.asked[0], /Delete the weakness "Answers run long and lose the question"/);
      assert.match(prompter.asked[0], /Still cited by 1 interview\(s\): debrief\/interviews\/acme-backend\.yaml/);
      assert.equal(await read(WEAKNESSES), before);
    });

    it('Delete removes a round and renumbers the citations of later rounds', async () => {
      const { result, prompter } = await run(CommandId.Delete, [true], await node(ViewId.Interviews, 'Rejected', ACME, 'Round 1: recruiter'));
      assertScriptUsed(prompter);
      assert.equal(result, true);
      const data = parse((await read(ACME_FILE))!);
      assert.deepEqual(data.rounds.map((r: { type: string }) => r.type), ['behavioral']);
      assert.equal(data.weaknesses[0].round, 1);
    });

    it('Delete removes an interview file and the tree follows', async () => {
      const rel = 'debrief/interviews/zz-delete.yaml';
      try {
        await write(rel, 'id: zz-delete\ncompany: Delete Co\nrole: Dev\noutcome: pending\n');
        await eventually(async () => find(await tree(ViewId.Interviews), 'Delete Co, Dev'), 'the new interview');
        const { result, prompter } = await run(CommandId.Delete, [true], await node(ViewId.Interviews, 'Pending', 'Delete Co, Dev'));
        assertScriptUsed(prompter);
        assert.equal(result, true);
        assert.equal(await read(rel), undefined);
        assert.equal(find(await tree(ViewId.Interviews), 'Delete Co, Dev'), undefined);
      } finally {
        await remove(rel);
      }
    });

    it('reveals the record of the journal file in the active editor', async () => {
      await vscode.window.showTextDocument(uriOf(ACME_FILE));
      await eventually(async () => (await selection(ViewId.Interviews)).includes(ACME), 'Acme selected in Interviews');
      const doc = await vscode.workspace.openTextDocument(uriOf(WEAKNESSES));
      const line = doc.getText().split('\n').findIndex((l) => l.includes('action: Practise STAR'));
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0) });
      await eventually(async () => (await selection(ViewId.Weaknesses)).includes(STAR), 'the item at the cursor selected in Weaknesses');
    });

    it('Refresh re-reads the journal', async () => {
      await vscode.commands.executeCommand(CommandId.Refresh);
      assert.ok(find(await tree(ViewId.Interviews), ACME));
      assert.ok(find(await tree(ViewId.Weaknesses), STAR));
    });
  });
  describe('a file that does not read: commands offer only records that read and refuse before asking anything', () => {
    keepFixtures(WEAKNESSES);
    const HOOLI = 'debrief/interviews/zz-hooli.yaml';
    const LOCATED = /^Debrief cannot change debrief\/weaknesses\.yaml until the mistake on line 16 is fixed: it never rewrites a file it could not read whole\. debrief\/weaknesses\.yaml:16:11: The list opened with "\[" on line 16, column 11 is never closed\. Add "\]" after its last item\. Fix that line \(Go to Problem opens it; the Problems view lists it\), then run the command again\.$/;

    async function breakWeaknesses(): Promise<void> {
      const text = await read(WEAKNESSES);
      await write(WEAKNESSES, `${text}  - id: sql-joins\n    title: SQL joins\n    tags: [sql, databases\n`);
      await eventually(async () => (await tree(ViewId.Weaknesses)).some((i) => i.contextValue === 'problem.weakness'), 'the broken weakness as an error row');
    }

    /** Runs a command that must refuse at once: nothing asked, the located problem told, nothing written. */
    async function refuses(command: string, located: RegExp, ...args: unknown[]): Promise<void> {
      const before = await read(WEAKNESSES);
      const { result, prompter } = await run(command, [], ...args);
      assertScriptUsed(prompter);
      assert.deepEqual(prompter.asked, [], `${command} asked nothing`);
      assert.match(prompter.shownErrors[0] ?? '', located, `${command} said where and what`);
      assert.ok(!result, `${command} did nothing`);
      assert.equal(await read(WEAKNESSES), before);
    }

    it('weakness, item and note commands, from the sidebar and from the palette; Add Weakness; Delete', async () => {
      await breakWeaknesses();
      const weakness = await node(ViewId.Weaknesses, RAMBLING);
      const item = await node(ViewId.Weaknesses, RAMBLING, STAR);
      const note = await node(ViewId.Weaknesses, RAMBLING, STAR, 'star-answers.md');
      for (const command of [CommandId.AddImprovement, CommandId.SetWeaknessStatus, CommandId.RenameWeakness]) {
        await refuses(command, LOCATED, weakness);
        await refuses(command, LOCATED);
      }
      for (const command of [CommandId.SetImprovementStatus, CommandId.SetDueDate, CommandId.LinkNote]) {
        await refuses(command, LOCATED, item);
        await refuses(command, LOCATED);
      }
      await refuses(CommandId.UnlinkNote, LOCATED, note);
      await refuses(CommandId.AddWeakness, LOCATED);
      await refuses(CommandId.Delete, LOCATED, weakness);
      await refuses(CommandId.Delete, LOCATED, item);
    });

    it('Record Interview offers the weaknesses that read, and no new one while weaknesses.yaml does not read', async () => {
      await breakWeaknesses();
      const { prompter } = await run(CommandId.RecordInterview, ['Globex', 'Platform Engineer', '2026-11-02', 'No round yet', 'pending', undefined]);
      assertScriptUsed(prompter);
      assert.deepEqual(prompter.offered.at(-1), [RAMBLING]);
      assert.match(prompter.asked.at(-1) ?? '', /no new one until debrief\/weaknesses\.yaml line 16 is fixed/);
    });

    it('commands that only read take an interview whose file has a mistake elsewhere; commands that edit refuse it', async () => {
      const rel = 'debrief/interviews/zz-initrode.yaml';
      const text = 'id: zz-initrode\ncompany: Initrode\nrole: Dev\noutcome: rejected\nrounds:\n  - type: technical\n    date: 2026-10-01\n    went-well: [Talked it through\n';
      try {
        await write(rel, text);
        await eventually(async () => find(await tree(ViewId.Interviews), 'zz-initrode.yaml'), 'the broken file as an error node');
        const draft = await run<vscode.TextDocument>(CommandId.DraftFeedbackRequest, [], uriOf(rel));
        assertScriptUsed(draft.prompter);
        assert.deepEqual(draft.prompter.shownErrors, [], 'not refused');
        assert.match(draft.result?.getText() ?? '', /^Subject: Initrode, Dev: a short request for feedback$/m);
        const picked = await run(CommandId.DraftFeedbackRequest, [undefined]);
        assertScriptUsed(picked.prompter);
        assert.ok(picked.prompter.offered[0]?.includes('Initrode, Dev'), `Initrode offered among ${picked.prompter.offered[0]?.join(' | ')}`);
        await refuses(CommandId.SetOutcome, /^Debrief cannot change debrief\/interviews\/zz-initrode\.yaml until the mistake on line 8 is fixed: it never rewrites a file it could not read whole\. debrief\/interviews\/zz-initrode\.yaml:8:/, uriOf(rel));
        assert.equal(await read(rel), text);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await remove(rel);
      }
    });

    it('interview commands: a file that never read is not offered, and given, refused at once', async () => {
      try {
        await write(HOOLI, 'id: zz-hooli\ncompany: Hooli\nrole: [Dev\noutcome: rejected\n');
        await eventually(async () => find(await tree(ViewId.Interviews), 'zz-hooli.yaml'), 'the broken file as an error node');
        const located = /^Debrief cannot change debrief\/interviews\/zz-hooli\.yaml until the mistake on line 3 is fixed: it never rewrites a file it could not read whole\. debrief\/interviews\/zz-hooli\.yaml:3:7: .*"\[".*never closed.* Fix that line \(Go to Problem opens it; the Problems view lists it\), then run the command again\.$/;
        for (const command of [CommandId.SetOutcome, CommandId.AddRound, CommandId.RecordFeedback, CommandId.MarkFeedbackSent]) {
          await refuses(command, located, uriOf(HOOLI));
        }
        // A command that only reads: its role did not read, so which application this is, is not known.
        const unreadable = /^Debrief cannot read the interview in debrief\/interviews\/zz-hooli\.yaml until the mistake on line 3 is fixed\. debrief\/interviews\/zz-hooli\.yaml:3:7: .*"\[".*never closed.* Fix that line \(Go to Problem opens it; the Problems view lists it\), then run the command again\.$/;
        for (const command of [CommandId.DraftFeedbackRequest, CommandId.PrepareInterview]) await refuses(command, unreadable, uriOf(HOOLI));
        const { prompter } = await run(CommandId.SetOutcome, [undefined]);
        assertScriptUsed(prompter);
        assert.ok(!prompter.offered[0]?.some((l) => l.startsWith('Hooli')), `Hooli not offered among ${prompter.offered[0]?.join(' | ')}`);
        // Renaming a weakness changes every citation: an interview file that does not read may hold one.
        await refuses(CommandId.RenameWeakness, located, await node(ViewId.Weaknesses, RAMBLING));
      } finally {
        await remove(HOOLI);
      }
    });
  });
});
