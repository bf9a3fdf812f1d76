// A cloned journal is untrusted: in the real extension host, links leading outside the workspace,
// pipes and hostile note paths are refused, said, and never followed.
import * as assert from 'assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CommandId, DIAGNOSTIC_SOURCE, SettingId, ViewId } from '../../src/constants';
import type { Node } from '../../src/ui/record-nodes';
import { api, assertScriptUsed, eventually, folder, node, read, restore, run, tree, flatten, uriOf, write } from './helpers';

const WEAKNESSES = 'debrief/weaknesses.yaml';
const RAMBLING = 'Answers run long and lose the question';
const STAR = 'Practise STAR answers out loud';
const SECRET = 'secret-from-outside-the-workspace';
const SAMPLE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'import', 'journal-sample.csv');

const ws = () => folder().uri.fsPath;
const abs = (rel: string) => path.join(ws(), ...rel.split('/'));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** Every text the extension shows about the journal: diagnostics, and the sidebar's labels, descriptions and tooltips. */
async function everythingShown(): Promise<string> {
  const diags = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.filter((d) => d.source === DIAGNOSTIC_SOURCE).map((d) => d.message));
  const items = [...flatten(await tree(ViewId.Interviews, 3)), ...flatten(await tree(ViewId.Weaknesses, 4))];
  return [...diags, ...items.map((i) => `${i.label} ${i.description ?? ''} ${i.tooltip ?? ''}`)].join('\n');
}

/**
 * The note node the sidebar passes to Open Study Note. A journal whose weaknesses.yaml has an error
 * (a note path leaving the workspace is one) shows that error instead of its weaknesses, so the tests
 * pass the node as another extension or a keybinding could.
 */
async function noteNode(notePath: string): Promise<Node> {
  const journal = (await api()).services.store.journalOf(folder());
  assert.ok(journal);
  return { kind: 'note', id: `test-note-${notePath}`, journal, weaknessId: 'rambling-answers', itemId: 'star-practice', notePath };
}

async function refresh(): Promise<void> {
  await vscode.commands.executeCommand(CommandId.Refresh);
  await (await api()).settle();
}

describe('untrusted journals in the editor', function () {
  this.timeout(60_000);
  let outside: string;
  let weaknessesBefore: string | undefined;
  const made: string[] = [];

  /** A link in the workspace (removed after the test). */
  const link = (rel: string, target: string) => {
    fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
    fs.symlinkSync(target, abs(rel));
    made.push(rel);
  };

  before(async () => {
    await api();
    await vscode.commands.executeCommand('workbench.view.extension.debrief');
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'debrief-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.yaml'), `id: secret\ncompany: ${SECRET}\nrole: ${SECRET}\noutcome: ${SECRET}\n`);
    fs.writeFileSync(path.join(outside, 'secret.md'), `# ${SECRET}\n\n${SECRET}\n`);
  });
  beforeEach(async () => {
    weaknessesBefore = await read(WEAKNESSES);
  });
  afterEach(async () => {
    for (const rel of made.splice(0)) fs.rmSync(abs(rel), { force: true, recursive: true });
    await restore(WEAKNESSES, weaknessesBefore);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await refresh();
  });
  after(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('in the Node host, reads a file: folder through Node\'s fs, which resolves links (the Node entry hands the local disk over)', async () => {
    const a = await api();
    assert.deepEqual(a.host, { runtime: 'node', localDisk: true });
    assert.equal(folder().uri.scheme, 'file');
    assert.ok(a.services.store.journalOf(folder())?.fs.realPath, 'links are resolved, so a link inside the workspace is followed');
  });

  it('an interview linking outside the workspace, and a pipe named like one, are errors at the file; nothing of them is shown', async () => {
    link('debrief/interviews/linked-out.yaml', path.join(outside, 'secret.yaml'));
    execFileSync('mkfifo', [abs('debrief/interviews/pipe.yaml')]);
    made.push('debrief/interviews/pipe.yaml');
    await refresh();
    const linked = await eventually(() => ours(uriOf('debrief/interviews/linked-out.yaml')).find((d) => codeOf(d) === 'outside-workspace'), 'the link to be reported');
    assert.equal(linked.severity, vscode.DiagnosticSeverity.Error);
    assert.match(linked.message, /^The file links outside the workspace/);
    const pipe = await eventually(() => ours(uriOf('debrief/interviews/pipe.yaml')).find((d) => codeOf(d) === 'not-a-file'), 'the pipe to be reported');
    assert.match(pipe.message, /^The file is a named pipe, a device or a socket, not a regular file\./);
    const shown = await everythingShown();
    assert.doesNotMatch(shown, new RegExp(SECRET));
    assert.match(shown, /linked-out\.yaml/, 'the refused file shows as a problem in the sidebar');
    const item = flatten(await tree(ViewId.Interviews, 3)).find((i) => i.label === 'linked-out.yaml');
    assert.equal(item?.contextValue, 'problem');
    assert.equal(item?.command, undefined, 'a click does not open a file that leads outside the workspace');
    // A change on disk (the watcher) goes through the same rules.
    await (await api()).services.store.sync(uriOf('debrief/interviews/linked-out.yaml'));
    assert.doesNotMatch(await everythingShown(), new RegExp(SECRET));
    // Export says which files it leaves out, as debrief export does.
    made.push('out-safety');
    const exported = await run(CommandId.Export, ['CSV', 'out-safety/journal.csv']);
    assertScriptUsed(exported.prompter);
    assert.match(exported.prompter.notices.join('\n'), /2 journal files were not read and are left out: the Problems panel says why/);
    assert.doesNotMatch(fs.readFileSync(abs('out-safety/journal.csv'), 'utf8'), new RegExp(SECRET));
  });

  it('Open Study Note refuses a note path that leaves the workspace, and creates nothing', async () => {
    await write(WEAKNESSES, weaknessesBefore!.replace('          - notes/star-answers.md\n', '          - notes/star-answers.md\n          - ../../../../tmp/debrief-bash_login\n'));
    await refresh();
    const { prompter } = await run(CommandId.OpenNote, [], await noteNode('../../../../tmp/debrief-bash_login'));
    assertScriptUsed(prompter);
    assert.equal(prompter.shownErrors.length, 1);
    assert.match(prompter.shownErrors[0], /^The note path "\.\.\/\.\.\/\.\.\/\.\.\/tmp\/debrief-bash_login" leaves the workspace/);
    assert.equal(fs.existsSync('/tmp/debrief-bash_login'), false);
    assert.equal(vscode.window.activeTextEditor, undefined);
    const diag = await eventually(() => ours(uriOf(WEAKNESSES)).find((d) => codeOf(d) === 'note-outside-workspace'), 'the path to be reported');
    assert.match(diag.message, /leaves the workspace/);
  });

  it('Open Study Note asks before creating a missing note, with its exact path, and creates it only on yes', async () => {
    const rel = 'notes/sub/./new-note.md';
    await write(WEAKNESSES, weaknessesBefore!.replace('          - notes/star-answers.md\n', `          - notes/star-answers.md\n          - ${rel}\n`));
    await refresh();
    made.push('notes/sub');
    const note = await node(ViewId.Weaknesses, RAMBLING, STAR, 'new-note.md');
    const no = await run(CommandId.OpenNote, [false], note);
    assertScriptUsed(no.prompter);
    assert.equal(no.prompter.asked.length, 1);
    assert.ok(no.prompter.asked[0].startsWith(`confirm Create the study note notes/sub/new-note.md? It does not exist yet. Debrief would create this file from the study note template:\n${abs('notes/sub/new-note.md')}`), no.prompter.asked[0]);
    assert.equal(fs.existsSync(abs('notes/sub/new-note.md')), false);
    const yes = await run(CommandId.OpenNote, [true], note);
    assertScriptUsed(yes.prompter);
    assert.match(fs.readFileSync(abs('notes/sub/new-note.md'), 'utf8'), /^# Practise STAR answers out loud/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, abs('notes/sub/new-note.md'));
  });

  it('a note that links outside the workspace is never opened, hovered, linked to, nor created through a linked folder', async () => {
    link('notes/evil.md', path.join(outside, 'secret.md'));
    link('outnotes', outside);
    const text = weaknessesBefore!.replace('          - notes/star-answers.md\n', '          - notes/star-answers.md\n          - notes/evil.md\n          - outnotes/new.md\n');
    await write(WEAKNESSES, text);
    await refresh();
    const uri = uriOf(WEAKNESSES);
    await vscode.workspace.openTextDocument(uri);
    // The Problems panel says which notes are refused (not "missing": no quick fix creates them).
    const refused = await eventually(() => {
      const ds = ours(uri).filter((d) => codeOf(d) === 'note-outside-workspace');
      return ds.length === 2 && ds;
    }, 'both notes to be reported');
    assert.deepEqual(refused.map((d) => d.range.start.line).sort(), [13, 14]);
    assert.ok(!ours(uri).some((d) => codeOf(d) === 'missing-note'));
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, refused[0].range);
    assert.ok(!fixes.some((a) => /Create the note/.test(a.title)), fixes.map((a) => a.title).join(' | '));
    // Open Study Note: refused, with the reason; nothing is created outside.
    for (const notePath of ['notes/evil.md', 'outnotes/new.md']) {
      const { prompter } = await run(CommandId.OpenNote, [], await noteNode(notePath));
      assertScriptUsed(prompter);
      assert.match(prompter.shownErrors.join('\n'), /links outside the workspace/, notePath);
    }
    assert.equal(fs.existsSync(path.join(outside, 'new.md')), false);
    assert.notEqual(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(outside, 'secret.md'));
    // Hover: the reason, not the note's text.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(13, 16));
    const hover = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hover.replace(/\\/g, ''), /links outside the workspace/);
    assert.doesNotMatch(hover, new RegExp(SECRET));
    // Document links: the refused notes are no links; the others resolve to their note.
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri, 50);
    assert.deepEqual(links.map((l) => [l.range.start.line, l.target?.path.slice(-21)]), [[12, '/notes/star-answers.md'.slice(-21)]]);
    assert.doesNotMatch(await everythingShown(), new RegExp(SECRET));
  });

  it('every writing path refuses a journal folder that links outside the workspace: the problem is told, nothing is written there', async () => {
    // Two journals named by the setting: one whose interviews/ links out, one whose whole folder does.
    const out = path.join(outside, 'journal');
    fs.mkdirSync(path.join(out, 'interviews'), { recursive: true });
    fs.mkdirSync(abs('linked-journal'));
    made.push('linked-journal');
    fs.writeFileSync(abs('linked-journal/weaknesses.yaml'), 'weaknesses:\n  - id: rambling\n    title: Rambling\n');
    link('linked-journal/interviews', path.join(out, 'interviews'));
    link('linked-out', out);
    const config = vscode.workspace.getConfiguration(undefined, folder().uri);
    try {
      await config.update(SettingId.JournalFolder, 'linked-journal', vscode.ConfigurationTarget.Workspace);
      await refresh();
      const record = await run(CommandId.RecordInterview, ['Initrode', 'Dev', '2026-11-03', 'No round yet', 'pending', []]);
      assertScriptUsed(record.prompter);
      assert.match(record.prompter.shownErrors.join('\n'), /linked-journal\/interviews\/initrode-dev\.yaml is in a folder that links outside the workspace/);
      const imported = await run(CommandId.ImportApplications, [SAMPLE, '$(check) Continue with this mapping', '$(check) Import 3 new interviews']);
      assertScriptUsed(imported.prompter);
      assert.match(imported.prompter.shownErrors.join('\n'), /linked-journal\/interviews\/[a-z-]+\.yaml is in a folder that links outside the workspace/);
      const tool = await vscode.lm.invokeTool('debrief_record_interview', { input: { company: 'Hooli', role: 'SRE', date: '2026-11-04' }, toolInvocationToken: undefined }).then(() => 'accepted', (e: Error) => e.message);
      assert.match(tool, /Nothing was written\..*linked-journal\/interviews\/hooli-sre\.yaml is in a folder that links outside the workspace/);
      await config.update(SettingId.JournalFolder, 'linked-out', vscode.ConfigurationTarget.Workspace);
      await refresh();
      const init = await run(CommandId.InitJournal, [], folder().uri);
      assert.match(init.prompter.shownErrors.join('\n'), /linked-out\/weaknesses\.yaml is in a folder that links outside the workspace/);
      const weakness = await run(CommandId.AddWeakness, ['Nervous start', 'Skip', '']);
      assert.match(weakness.prompter.shownErrors.join('\n'), /linked-out\/weaknesses\.yaml is in a folder that links outside the workspace/);
    } finally {
      await config.update(SettingId.JournalFolder, undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.deepEqual(fs.readdirSync(out), ['interviews']);
    assert.deepEqual(fs.readdirSync(path.join(out, 'interviews')), [], 'nothing written outside the workspace');
  });

  it('a journal file hard-linked from outside the workspace is read, and no command writes through it', async () => {
    const theirs = path.join(outside, 'weaknesses-elsewhere.yaml');
    fs.linkSync(abs(WEAKNESSES), theirs);
    try {
      await refresh();
      assert.ok((await api()).services.store.journalOf(folder())!.index.weakness('rambling-answers'), 'read');
      const { prompter } = await run(CommandId.AddWeakness, ['Nervous start', 'Skip', '']);
      assertScriptUsed(prompter);
      assert.match(prompter.shownErrors.join('\n'), /debrief\/weaknesses\.yaml has 2 names \(hard links\): Debrief reads it but does not write it/);
      assert.equal(fs.readFileSync(theirs, 'utf8'), weaknessesBefore);
    } finally {
      fs.rmSync(theirs, { force: true });
    }
  });
});
