// What the browser adds to the integration tests that run in the web tier: a workbook imported with the
// reader read from the extension's folder on demand, an export through the save dialog, and the safety
// rules on a file system that cannot resolve symbolic links. The folder is served as `debrieftest:/`.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { ImportResult } from '../../src/commands/import-applications';
import { CommandId, DIAGNOSTIC_SOURCE, ViewId } from '../../src/constants';
import { api, assertScriptUsed, closeAll, eventually, exists, find, folder, read, readText, remove, run, synced, tree, uriOf } from '../integration/helpers';

/** The Swiss workbook of test/fixtures/import, as the served folder holds it (see `fixture` in the helpers). */
const WORKBOOK = 'fixtures/import/stellen-ch.xlsx';
const WORKBOOK_FILES = ['migros-genossenschafts-bund-software.yaml', 'swisscom-ag-devops-engineer.yaml', 'die-post-applikationsentwickler-in-java.yaml', 'sbb-cff-ffs-fullstack-entwickler.yaml', 'helvetia-versicherungen-backend.yaml'];

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** A symbolic link in the served folder, made on its disk by the test extension (a worker cannot). */
async function symlink(rel: string, target: string): Promise<void> {
  await vscode.commands.executeCommand('debriefTest.symlink', rel, target);
  await synced(uriOf(rel));
}

describe('in the browser', () => {
  it('imports an Excel workbook from the workspace: the workbook reader is read from the extension\'s folder when first needed', async () => {
    const index = (await api()).services.store.journalOf(folder())!.index;
    const before = index.interviews().length;
    try {
      const { result, prompter } = await run<ImportResult>(CommandId.ImportApplications, [WORKBOOK, '$(note) Ort', '$(check) Continue with this mapping', '$(check) Import 5 new interviews']);
      assertScriptUsed(prompter);
      assert.deepEqual(result?.counts, { new: 5, duplicate: 0, invalid: 0, skipped: 0 });
      const swisscom = (await read('debrief/interviews/swisscom-ag-devops-engineer.yaml'))!;
      assert.match(swisscom, /^# Imported from stellen-ch\.xlsx, sheet "Arbeitsbemühungen", row 5, on 2026-11-25\.$/m);
      assert.equal(parse(swisscom).company, 'Swisscom AG');
      await eventually(async () => find(await tree(ViewId.Interviews), 'Swisscom AG, DevOps Engineer'), 'the imported interview in the tree');
      await vscode.window.showTextDocument(result!.report);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      for (const f of WORKBOOK_FILES) await remove(`debrief/interviews/${f}`);
      await eventually(() => index.interviews().length === before, 'the imported interviews to leave the journal');
      await closeAll();
    }
  });

  it('exports through the save dialog into the served folder', async () => {
    const target = 'out-web/journal.csv';
    try {
      const { result, prompter } = await run<vscode.Uri>(CommandId.Export, ['CSV', target]);
      assertScriptUsed(prompter);
      assert.equal(result?.toString(), uriOf(target).toString());
      assert.equal(result?.scheme, 'debrieftest');
      const csv = await readText(uriOf(target));
      assert.match(csv, /^[^\n]*company[^\n]*\n/i, 'a header row');
      assert.match(csv, /Acme/);
    } finally {
      await vscode.workspace.fs.delete(uriOf('out-web'), { recursive: true, useTrash: false });
    }
    assert.equal(await exists(uriOf('out-web')), false);
  });

  it('refuses what a link makes unprovable on a file system without real paths: a linked interview and a linked note, each said at its place', async () => {
    const weaknesses = 'debrief/weaknesses.yaml';
    const text = (await read(weaknesses))!;
    try {
      // Both lead inside the folder, but nothing on this file system can prove it.
      await symlink('debrief/interviews/linked.yaml', 'acme-backend.yaml');
      const linked = await eventually(() => ours(uriOf('debrief/interviews/linked.yaml')).find((d) => codeOf(d) === 'unchecked-link'), 'the linked interview to be reported');
      assert.match(linked.message, /^The file is a symbolic link, which cannot be checked on this file system\./);
      await symlink('notes-linked', 'notes');
      const withLink = text.replace('          - notes/star-answers.md\n', '          - notes/star-answers.md\n          - notes-linked/star-answers.md\n');
      assert.notEqual(withLink, text, 'the fixture links notes/star-answers.md');
      await vscode.workspace.fs.writeFile(uriOf(weaknesses), new TextEncoder().encode(withLink));
      await synced(uriOf(weaknesses));
      const note = await eventually(() => ours(uriOf(weaknesses)).find((d) => codeOf(d) === 'note-outside-workspace'), 'the note through a linked folder to be reported');
      assert.match(note.message, /notes-linked\/star-answers\.md/);
      assert.match(note.message, /cannot be checked on this file system/);
    } finally {
      await vscode.workspace.fs.writeFile(uriOf(weaknesses), new TextEncoder().encode(text));
      await synced(uriOf(weaknesses));
      await remove('debrief/interviews/linked.yaml');
      await remove('notes-linked');
    }
  });
});
