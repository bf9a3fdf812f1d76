// The journal as tools for AI assistants, in the real editor: VS Code lists Debrief's tools, reads answer
// what the core says, writes change files exactly as the matching command does (one Undo restores
// them), and bad input gets a clear error with nothing written.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { CommandId, SettingId } from '../../src/constants';
import { TOOL_SPECS } from '../../src/core/assistant/specs';
import { prepareBrief } from '../../src/core/brief/prepare';
import { rankWeaknesses } from '../../src/core/progress/weaknesses';
import { journalStats } from '../../src/core/stats';
import { api, assertScriptUsed, closeAll, eventually, read, remove, restore, run, SUITE_TODAY, uriOf, write, FLOW_STYLE_FILE as FLOW, FLOW_STYLE_TEXT as HAND } from './helpers';

const WEAKNESSES = 'debrief/weaknesses.yaml';

async function invoke(name: string, input: unknown): Promise<string> {
  const r = await vscode.lm.invokeTool(name, { input: input as object, toolInvocationToken: undefined });
  return r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

async function refused(name: string, input: unknown): Promise<string> {
  try {
    await invoke(name, input);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  assert.fail(`${name} accepted ${JSON.stringify(input)}`);
}

async function journal() {
  const { services } = await api();
  return services.store.journalOf(vscode.workspace.workspaceFolders![0])!;
}

describe('assistant tools in VS Code', () => {
  let weaknesses: string | undefined;
  before(async () => {
    await api();
    weaknesses = await read(WEAKNESSES);
  });
  afterEach(async () => {
    await closeAll();
    await restore(WEAKNESSES, weaknesses);
    await remove(FLOW);
    await vscode.workspace.getConfiguration().update(SettingId.AssistantTools, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('lists every Debrief tool, and reads answer what the core says', async () => {
    const listed = vscode.lm.tools.filter((t) => t.name.startsWith('debrief_')).map((t) => t.name).sort();
    assert.deepEqual(listed, TOOL_SPECS.map((t) => t.name).sort());
    const j = await journal();
    const weaknessesRead = JSON.parse(await invoke('debrief_list_weaknesses', {}));
    assert.equal(weaknessesRead.today, SUITE_TODAY, 'the journal\'s clock');
    const ranked = rankWeaknesses(journalStats(j.index, SUITE_TODAY).weaknesses);
    assert.deepEqual(weaknessesRead.weaknesses.map((w: { id: string; trend: string }) => [w.id, w.trend]), ranked.map((w) => [w.id, w.trendText]));
    const acme = JSON.parse(await invoke('debrief_get_interview', { id: 'acme-backend' }));
    assert.equal(acme.company, j.index.interview('acme-backend')!.company);
    assert.deepEqual(acme.rounds.map((r: { type: string }) => r.type), j.index.interview('acme-backend')!.rounds.map((r) => r.type));
  });

  it('prepares the brief of an interview as the page does, its study notes read in the workspace', async () => {
    const j = await journal();
    const brief = JSON.parse(await invoke('debrief_prepare_interview', { interview: 'acme-backend', roundType: 'behavioral' }));
    const expected = await prepareBrief(j.index, j.fs, j.index.interview('acme-backend')!, SUITE_TODAY, { roundType: 'behavioral' });
    assert.deepEqual(brief, JSON.parse(JSON.stringify(expected, (k, v: unknown) => (k === 'line' ? undefined : v))));
    assert.deepEqual(brief.likely.weaknesses.map((w: { id: string }) => w.id), ['rambling-answers']);
    assert.deepEqual(brief.reread.shown.map((n: { path: string; state: { excerpt?: string } }) => [n.path, n.state.excerpt]), [['notes/star-answers.md', 'STAR answers']]);
  });

  it('records feedback exactly as Record Feedback does, and one Undo restores the file', async () => {
    await write(FLOW, HAND);
    const j = await journal();
    await eventually(() => j.index.interview('flow-style'), 'the hand-written file in the index');
    const { prompter } = await run(CommandId.RecordFeedback, ['Initech, Data Engineer', 'Good SQL, slow on modelling', 'Think about the grain first', '2026-11-20', []]);
    assertScriptUsed(prompter);
    const byCommand = await read(FLOW);
    await restore(FLOW, HAND);
    await eventually(() => j.index.interview('flow-style')?.feedback?.received === undefined, 'the index to read the restored file');
    const said = await invoke('debrief_record_feedback', { interview: 'flow-style', received: '2026-11-20', summary: 'Good SQL, slow on modelling', quotes: ['Think about the grain first'] });
    assert.match(said, /^Done: Record the feedback from Initech, Data Engineer, received 2026-11-20\./);
    assert.equal(await read(FLOW), byCommand, 'the same bytes as the command');
    const doc = await vscode.workspace.openTextDocument(uriOf(FLOW));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), HAND);
  });

  it('records an interview with a new weakness as one change, as Record Interview does', async () => {
    const before = (await read(WEAKNESSES))!;
    const NEW = 'debrief/interviews/umbrella-sre.yaml';
    try {
      const { prompter } = await run(CommandId.RecordInterview, ['Umbrella', 'SRE', '2026-11-10', 'system-design', 'Ana Ruiz', 'pending', '2', 'No estimates', ['$(add) New weakness…'], 'Capacity estimates']);
      assertScriptUsed(prompter);
      const byCommand = { interview: await read(NEW), weaknesses: await read(WEAKNESSES) };
      await remove(NEW);
      await restore(WEAKNESSES, before);
      const j = await journal();
      await eventually(() => !j.index.interview('umbrella-sre') && !j.index.weakness('capacity-estimates'), 'the index to forget the command\'s records');
      const said = JSON.parse((await invoke('debrief_record_interview', {
        company: 'Umbrella', role: 'SRE', date: '2026-11-10', outcome: 'pending',
        round: { type: 'system-design', interviewers: ['Ana Ruiz'], rating: 2, wentBadly: 'No estimates' }, newWeaknesses: ['Capacity estimates'],
      })).split('\n').pop()!);
      assert.deepEqual(said.recorded, { id: 'umbrella-sre', path: NEW });
      assert.equal(await read(NEW), byCommand.interview);
      assert.equal(await read(WEAKNESSES), byCommand.weaknesses);
      const doc = await vscode.workspace.openTextDocument(uriOf(WEAKNESSES));
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, 'one Undo takes the new weakness back');
      await eventually(async () => (await read(NEW)) === undefined, 'the same Undo to remove the new interview file');
    } finally {
      await remove(NEW);
    }
  });

  it('asks before a write, naming the file and showing the lines it will write; preparing writes nothing', async () => {
    const tool = (await api()).parts.assistant!.tools.get('debrief_add_improvement')!;
    const token = new vscode.CancellationTokenSource().token;
    const prepared = await tool.prepareInvocation!({ input: { weakness: 'rambling-answers', action: 'Answer in two minutes', due: '2026-12-10' } }, token);
    assert.equal(prepared?.confirmationMessages?.title, 'Debrief: Add "Answer in two minutes" to the weakness "Answers run long and lose the question"?');
    const message = prepared!.confirmationMessages!.message;
    const text = typeof message === 'string' ? message : message.value;
    assert.match(text, /\*\*Edit\*\* `debrief\/weaknesses\.yaml` at line \d+:/);
    assert.match(text, /action: Answer in two minutes/);
    assert.match(text, /One Undo takes it back/);
    assert.equal(await read(WEAKNESSES), weaknesses, 'nothing written by asking');
    const invalid = await tool.prepareInvocation!({ input: {} }, token);
    assert.equal(invalid?.confirmationMessages, undefined, 'bad input asks nothing: the call says what is wrong');
    const reading = await (await api()).parts.assistant!.tools.get('debrief_due')!.prepareInvocation!({ input: {} }, token);
    assert.equal(reading?.confirmationMessages, undefined, 'a read asks nothing');
  });

  it('refuses bad input with a message a model can act on, and writes nothing', async () => {
    const before = await read('debrief/interviews/acme-backend.yaml');
    const cases: [string, unknown, RegExp][] = [
      ['debrief_record_feedback', { interview: 'acme-backend', received: 20261120, summary: 'x' }, /`received` must be a string/],
      ['debrief_record_feedback', { interview: 'acme-backnd', received: '2026-11-20', summary: 'x' }, /No interview "acme-backnd"\. Did you mean "acme-backend"\?/],
      ['debrief_record_feedback', { interview: 'acme-backend', received: '2026-02-29', summary: 'x' }, /`received` must be a date that exists/],
      ['debrief_record_feedback', { interview: 'acme-backend', received: '2026-11-20', summary: 'ok\u001b[2J' }, /`summary` holds a control character/],
      ['debrief_add_improvement', { weakness: 'nope', action: 'Read' }, /No weakness "nope"/],
      ['debrief_set_status', { target: 'improvement', weakness: 'rambling-answers', status: 'done' }, /`improvement` is required for target improvement/],
    ];
    for (const [name, input, message] of cases) assert.match(await refused(name, input), message, `${name} ${JSON.stringify(input)}`);
    assert.equal(await read('debrief/interviews/acme-backend.yaml'), before);
    assert.equal(await read(WEAKNESSES), weaknesses);
  });

  it('stores text that carries YAML syntax as that text', async () => {
    const summary = 'said: "no" - [not] a {map} # nor a comment & *alias';
    const file = 'debrief/interviews/acme-backend.yaml';
    const before = (await read(file))!;
    try {
      await invoke('debrief_record_feedback', { interview: 'acme-backend', received: '2026-11-20', summary });
      assert.equal(parse((await read(file))!).feedback.summary, summary);
    } finally {
      await restore(file, before);
    }
  });

  it('honours the setting: read-only refuses writes, off refuses everything', async () => {
    const config = vscode.workspace.getConfiguration();
    await config.update(SettingId.AssistantTools, 'read-only', vscode.ConfigurationTarget.Workspace);
    assert.match(await refused('debrief_add_weakness', { title: 'Nervous start' }), /read only \(setting debrief\.assistant\.tools\)/);
    assert.ok(JSON.parse(await invoke('debrief_due', {})).due, 'reads still answer');
    await config.update(SettingId.AssistantTools, 'off', vscode.ConfigurationTarget.Workspace);
    assert.match(await refused('debrief_due', {}), /turned off by the user/);
    assert.equal(await read(WEAKNESSES), weaknesses);
  });
});
