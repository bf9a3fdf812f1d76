import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { CommandId, SettingId } from '../../src/constants';

import { exists, folder } from './helpers';


describe('Initialize Journal', () => {
  const config = () => vscode.workspace.getConfiguration(undefined, folder().uri);

  afterEach(async () => {
    await config().update(SettingId.JournalFolder, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates weaknesses.yaml in the configured journal folder and opens it', async () => {
    await config().update(SettingId.JournalFolder, 'career/journal', vscode.ConfigurationTarget.Workspace);
    const target = vscode.Uri.joinPath(folder().uri, 'career', 'journal', 'weaknesses.yaml');
    assert.equal(await exists(target), false);
    const created = await vscode.commands.executeCommand<vscode.Uri>(CommandId.InitJournal, folder().uri);
    assert.equal(created?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^# Debrief/, 'the file starts with a comment explaining the format');
    assert.match(text, /^weaknesses:/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
  });

  it('reads the folder name as the command line does: ./career/journal/ is career/journal', async () => {
    await config().update(SettingId.JournalFolder, ' ./career\\journal/ ', vscode.ConfigurationTarget.Workspace);
    const target = vscode.Uri.joinPath(folder().uri, 'career', 'journal', 'weaknesses.yaml');
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri>(CommandId.InitJournal, folder().uri);
      assert.equal(created?.toString(), target.toString());
      assert.equal(await exists(target), true);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder().uri, 'career'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('leaves an existing journal untouched', async () => {
    const target = vscode.Uri.joinPath(folder().uri, 'debrief', 'weaknesses.yaml');
    const before = await vscode.workspace.fs.readFile(target);
    const result = await vscode.commands.executeCommand<vscode.Uri>(CommandId.InitJournal, folder().uri);
    assert.equal(result?.toString(), target.toString());
    const after = await vscode.workspace.fs.readFile(target);
    assert.deepEqual(after, before);
  });
});
