// A workspace of two folders, each holding a journal (scripts/lib/integration.mjs opens it: job-search,
// then last-year, each a copy of test/fixtures/workspace), in the real editor: every view and message
// that mixes items of both says which folder each belongs to, and the assistant's tools ask which
// journal to use (or take the one of the journal file in the active editor) and name the one they used.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { CommandId } from '../../../src/constants';
import { LAST_NOTIFIED_KEY, NOTIFIED_REMINDERS_KEY } from '../../../src/features/reminders';
import { api, assertScriptUsed, closeAll, eventually, readText, ScriptedPrompter, writeText } from '../helpers';

const FOLDERS = ['job-search', 'last-year'];
const WEAKNESSES = 'debrief/weaknesses.yaml';
/** An interview only last-year holds. */
const ONLY_LAST_YEAR = 'debrief/interviews/initrode-dev.yaml';

function workspaceFolder(name: string): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `the workspace folder ${name} (folders: ${vscode.workspace.workspaceFolders?.map((w) => w.name).join(', ')})`);
  return f;
}
const uriIn = (name: string, rel: string) => vscode.Uri.joinPath(workspaceFolder(name).uri, ...rel.split('/'));

async function journalOf(name: string) {
  const { services } = await api();
  return services.store.journalOf(workspaceFolder(name))!;
}

/** A tool's answer as the model gets it: its text parts, one per line. */
async function invoke(name: string, input: object): Promise<string> {
  const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('\n');
}

/** Runs `act` with a prompter that gives `answers` and records every question and message. */
async function answering<T>(answers: (string | undefined)[], act: () => Promise<T>): Promise<{ result: T; prompter: ScriptedPrompter }> {
  const prompter = new ScriptedPrompter(answers);
  const a = await api();
  a.setPrompter(prompter);
  try {
    return { result: await act(), prompter };
  } finally {
    a.setPrompter(undefined);
  }
}

describe('a multi-root workspace of two journals', function () {
  this.timeout(60_000);
  before(async () => {
    const { services, setToday } = await api();
    // On 5 December the fixture's improvement item is overdue: one in each folder, with the same title.
    setToday('2026-12-05');
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), FOLDERS);
    await eventually(() => services.store.existingJournals().length === 2, 'both journals read');
    await writeText(uriIn('last-year', ONLY_LAST_YEAR), 'id: initrode-dev\ncompany: Initrode\nrole: Developer\noutcome: rejected\n');
    await eventually(async () => (await journalOf('last-year')).index.interview('initrode-dev'), 'the interview only last-year holds');
  });
  after(async () => {
    (await api()).setToday(undefined);
    await closeAll();
  });

  it('the Due view names each row\'s folder; the badge, the status bar and the daily message say where the things due are', async () => {
    const { parts, context, services } = await api();
    const due = parts.reminders!;
    await eventually(() => due.reminders.length === 2 && due.reminders.every((i) => i.reminder.kind === 'improvement'), 'one overdue item in each journal');
    // The message of the day, told again.
    await Promise.all([context.globalState.update(LAST_NOTIFIED_KEY, undefined), context.globalState.update(NOTIFIED_REMINDERS_KEY, undefined)]);
    const { prompter } = await answering([], () => due.refresh());
    const rows = due.getChildren();
    assert.deepEqual(rows.map((r) => ('journal' in r ? r.journal.folder.name : '')), FOLDERS);
    const items = rows.map((r) => due.getTreeItem(r));
    assert.equal(items[0].label, items[1].label, 'the same item in both journals');
    for (const [i, name] of FOLDERS.entries()) {
      assert.match(String(items[i].description), new RegExp(`^overdue .+ · ${name}$`));
      assert.match((items[i].tooltip as vscode.MarkdownString).value, new RegExp(`^${name}:`));
      assert.match(items[i].accessibilityInformation?.label ?? '', new RegExp(`, in ${name}$`));
    }
    assert.equal(due.status.tooltip, 'Debrief: 2 things due, 2 overdue (1 in job-search, 1 in last-year). Click to see them.');
    assert.equal(due.view.badge?.tooltip, 'Debrief: 2 things due, 2 overdue (1 in job-search, 1 in last-year)');
    assert.match(prompter.notices.join('\n'), /^Debrief: 2 things due, 2 overdue \(1 in job-search, 1 in last-year\)\. .+ \(job-search\) and 1 more\.$/m);
    // The pickers name the folder of each record they offer.
    const { prompter: picked } = await answering([undefined], () => Promise.resolve(vscode.commands.executeCommand(CommandId.SetImprovementStatus)));
    assert.equal(picked.offered[0]?.length, 2, 'the item of each journal offered');
    assert.deepEqual(picked.described[0]?.map((d) => d?.split(' · ').at(-1)), FOLDERS, 'each named with its folder');
    assert.ok(services.store.severalJournals);
  });

  it('Insights asks which journal, and its tab names the folder shown', async () => {
    const { parts } = await api();
    const { prompter } = await answering(['last-year'], () => Promise.resolve(vscode.commands.executeCommand(CommandId.ShowInsights)));
    assertScriptUsed(prompter);
    assert.deepEqual(prompter.offered, [FOLDERS]);
    const panel = await eventually(() => parts.insights?.panels.current, 'the Insights panel');
    assert.equal(panel.panel.title, 'Debrief Insights: last-year');
    // Closed once its page has loaded (closing a page still loading leaves the workbench an error to log).
    await eventually(() => panel.webviewReady, 'the Insights page loaded');
    panel.panel.dispose();
  });

  it('the assistant\'s tools ask which journal, take the one of the journal file in the editor, and name the one they used', async () => {
    await closeAll();
    // No journal file in the editor: asked, among the folders that hold a journal.
    const asked = await answering(['last-year'], () => invoke('debrief_list_interviews', {}));
    assertScriptUsed(asked.prompter);
    assert.deepEqual(asked.prompter.offered, [FOLDERS]);
    assert.match(asked.prompter.asked[0], /Which folder's journal should the assistant use\?/);
    assert.match(asked.result, /^Journal used: the one of the workspace folder "last-year" \(the other folders with a journal: job-search\)\.$/m);
    assert.match(asked.result, /Initrode/);
    // Escape: nothing read, and the model is told why.
    const none = await answering([undefined], () => invoke('debrief_list_interviews', {}).then(() => 'answered', (e: Error) => e.message));
    assert.match(none.result, /Several workspace folders hold a Debrief journal \(job-search, last-year\) and the user chose none\. Nothing was read or written/);
    // A journal file of job-search in the editor: its journal, without asking.
    await vscode.window.showTextDocument(uriIn('job-search', 'debrief/interviews/acme-backend.yaml'));
    const inEditor = await answering([], () => invoke('debrief_list_interviews', {}));
    assertScriptUsed(inEditor.prompter);
    assert.deepEqual(inEditor.prompter.asked, []);
    assert.match(inEditor.result, /^Journal used: the one of the workspace folder "job-search"/m);
    assert.doesNotMatch(inEditor.result, /Initrode/, 'not last-year\'s interviews');
    await closeAll();
  });

  it('a write asks once, and changes only the journal chosen', async () => {
    await closeAll();
    const before = { 'job-search': await readText(uriIn('job-search', WEAKNESSES)), 'last-year': await readText(uriIn('last-year', WEAKNESSES)) };
    try {
      const { result, prompter } = await answering(['last-year'], () => invoke('debrief_add_weakness', { title: 'Nervous start' }));
      assertScriptUsed(prompter);
      assert.equal(prompter.asked.length, 1, `asked once: ${prompter.asked.join(' / ')}`);
      assert.match(result, /^Journal used: the one of the workspace folder "last-year"/m);
      assert.match(result, /^Done: /m);
      const lastYear = parse(await readText(uriIn('last-year', WEAKNESSES)));
      assert.ok(lastYear.weaknesses.some((w: { title: string }) => w.title === 'Nervous start'));
      assert.equal(await readText(uriIn('job-search', WEAKNESSES)), before['job-search'], 'the other journal untouched');
    } finally {
      await closeAll();
      for (const name of FOLDERS) await writeText(uriIn(name, WEAKNESSES), before[name as keyof typeof before]);
    }
  });
});
