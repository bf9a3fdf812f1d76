// The edit rule in the real editor: commands on files written by hand in other styles change exactly
// what they should on disk, and one Undo takes a whole command back, across files.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { CommandId } from '../../src/constants';
import { api, assertScriptUsed, closeAll, eventually, exists, read, remove, restore, run, uriOf, write, FLOW_STYLE_FILE as FLOW, FLOW_STYLE_TEXT as HAND } from './helpers';

const WEAKNESSES = 'debrief/weaknesses.yaml';

describe('edits in the real editor', () => {
  let weaknesses: string | undefined;
  before(async () => {
    await api();
    weaknesses = await read(WEAKNESSES);
  });
  afterEach(async () => {
    await closeAll();
    await restore(WEAKNESSES, weaknesses);
    await remove(FLOW);
  });

  it('Record Feedback on a hand-written flow-style file writes in its style, and one Undo restores it', async () => {
    await write(FLOW, HAND);
    const { services } = await api();
    const journal = services.store.journalOf(vscode.workspace.workspaceFolders![0])!;
    await eventually(() => journal.index.interview('flow-style'), 'the hand-written file in the index');
    const { result, prompter } = await run(CommandId.RecordFeedback, ['Initech, Data Engineer', 'Good SQL, slow on modelling', 'Think about the grain first', '2026-11-20', []]);
    assertScriptUsed(prompter);
    assert.equal(result, true);
    const after = (await read(FLOW))!;
    assert.equal(after, HAND.replace('feedback: {requested: 2026-11-05}',
      'feedback: {requested: 2026-11-05, received: 2026-11-20, summary: "Good SQL, slow on modelling", quotes: [Think about the grain first]}'),
    'the flow mapping gets the new keys inside its braces; everything else stays byte for byte, CRLF included');
    assert.deepEqual(parse(after).feedback, { requested: '2026-11-05', received: '2026-11-20', summary: 'Good SQL, slow on modelling', quotes: ['Think about the grain first'] });
    // One Undo, in the file's editor, takes the command back.
    const doc = await vscode.workspace.openTextDocument(uriOf(FLOW));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), HAND);
    await doc.save();
    assert.equal(await read(FLOW), HAND);
  });

  it('Record Interview with a new weakness is one change: one Undo removes the file and the weakness', async () => {
    const before = (await read(WEAKNESSES))!;
    const NEW = 'debrief/interviews/umbrella-sre.yaml';
    const { result, prompter } = await run<vscode.Uri>(CommandId.RecordInterview,
      ['Umbrella', 'SRE', '2026-11-10', 'system-design', '', 'pending', '2', '', ['$(add) New weakness…'], 'Capacity estimates']);
    assertScriptUsed(prompter);
    assert.equal(result?.toString(), uriOf(NEW).toString());
    assert.ok(await exists(uriOf(NEW)));
    assert.match((await read(WEAKNESSES))!, /id: capacity-estimates/);
    const doc = await vscode.workspace.openTextDocument(uriOf(WEAKNESSES));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'the new weakness is gone from weaknesses.yaml');
    await eventually(async () => !(await exists(uriOf(NEW))), 'the new interview file to be removed by the same Undo');
    const { services } = await api();
    await eventually(() => !services.store.journalOf(vscode.workspace.workspaceFolders![0])!.index.interview('umbrella-sre'), 'the journal to forget the interview the Undo removed');
    await doc.save();
    assert.equal(await read(WEAKNESSES), before);
  });

  it('refuses a file whose aliases the reader reports, before asking anything, saying where, and leaves it byte for byte', async () => {
    const ALIAS = 'debrief/interviews/with-alias.yaml';
    const text = 'id: with-alias\ncompany: &c Initech\nrole: *c\noutcome: pending\n';
    try {
      await write(ALIAS, text);
      const { services } = await api();
      const journal = services.store.journalOf(vscode.workspace.workspaceFolders![0])!;
      await eventually(() => journal.index.interviewAt(ALIAS), 'the file in the index');
      const { prompter } = await run(CommandId.SetOutcome, [], uriOf(ALIAS));
      assert.equal(await read(ALIAS), text);
      assert.deepEqual(prompter.asked, []);
      assert.match(prompter.shownErrors.join('\n'), /with-alias\.yaml:3:7: Aliases \(\*c\) are not supported in the journal/);
    } finally {
      await remove(ALIAS);
    }
  });
});
